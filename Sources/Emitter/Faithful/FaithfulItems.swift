import CSyntax
import Diagnostics
import RustSyntax

/// Items: functions, globals (with constant initialisers), the `extern "C"` block for the
/// library functions and variables the program uses, and `main`.
extension FaithfulTranslator {
    func function(_ id: Int) -> RFunction? {
        let f = program.functions[id]
        guard let body = f.body else { return nil }
        currentFunction = id
        localNames = [:]
        takenLocalNames = []
        temporaryCounter = 0
        labelCounter = 0
        breakables = []
        usesAlloca = false
        defer { currentFunction = -1 }
        check(f.type.result, at: f.loc)
        cursorOffsets = [:]
        var params = f.params.map { p -> [RParam] in
            check(program.variables[p].type, at: program.variables[p].loc)
            if let lift = liftedParameters[p], let pointee = program.variables[p].type.pointee {
                if lift.cell { return [RParam(localName(p), .reference(Self.cellType(pointee, rtype), mutable: false))] }
                let element = lift.bytes ? RType.named("u8") : rtype(pointee)
                let reference = RType.reference(lift.slice ? .slice(element) : element, mutable: lift.mutable)
                if lift.nullable { return [RParam((lift.mutable ? "mut " : "") + localName(p), .generic("Option", [reference]))] }
                return [RParam(localName(p), reference)]
                    + (lift.offset ? [RParam("mut " + offsetName(p), .named("usize"))] : [])
            }
            if let t = linkType(p) { return [RParam("mut " + localName(p), t)] }   // a link to a handle (FaithfulHeapLinks)
            if textTables.references.contains(p) { return [RParam(localName(p), .reference(Self.textType, mutable: false))] }   // a table's element
            // `argv`, or a parameter given tables of text (FaithfulTextTables): the texts' bytes.
            if literalTables.contains(p) {
                return [RParam(localName(p), .reference(.slice(Self.textType), mutable: textTables.mutable.contains(p)))]
            }
            return [RParam("mut " + localName(p), rtype(program.variables[p].type))]
        }.flatMap { $0 }
        if f.type.variadic {
            // `...`: the variable arguments as a slice (see FaithfulVarargs).
            requireVarargSupport()
            params.append(RParam(Self.vaArgsName, .named("&[CVarArg]")))
        }
        // A walked slice parameter starts at its offset 0.
        var offsets: [RStmt] = []
        for p in f.params where liftedParameters[p]?.cursor == true && liftedParameters[p]?.offset != true {
            offsets.append(.letBinding(name: offsetName(p), mutable: true, type: .named("usize"), value: .literal("0usize")))
        }
        var rbody: RBlock
        if FaithfulGoto.needsStateMachine(body) {
            rbody = FaithfulGoto(translator: self).lower(body)
        } else {
            rbody = flatBlock(body)
            if currentFunctionIsMain, !endsInReturn(body) { rbody.statements.append(.expr(.returnValue(.literal("0")))) }
            else if f.type.result != .void, !endsInReturn(body) {
                // Falling off the end of a non-void function: C leaves the value undefined.
                rbody.statements.append(.expr(.returnValue(fallOffValue(id))))
            }
        }
        rbody.statements.insert(contentsOf: offsets, at: 0)
        if usesAlloca {
            // `alloca`'s blocks: 16-byte aligned, freed when the function returns.
            rbody.statements.insert(.letBinding(name: "__alloca", mutable: true, type: .generic("Vec", [.generic("Vec", [.named("u128")])]),
                                                value: .call(.path("Vec::new"), [])), at: 0)
        }
        let result = literalFunctions.contains(id) ? Self.literalResult : elementPositions.functions[id] != nil ? Self.positionType
            : localVectors.returning[id].map { returnedVectorType(id, $0) } ?? resultType(f.type.result)
        return RFunction(name: functionName(id), params: params, result: result, body: rbody,
                         isPublic: !f.isStatic, isUnsafeExternC: true,
                         comments: ["faithful: `\(f.name)` at \(f.loc.file.split(separator: "/").last.map(String.init) ?? f.loc.file):\(f.loc.line)"]
                            + (findings[f.name] ?? []).sorted(by: Diagnostic.ordered).map {
                                "WARNING [\($0.kind.id)]: \($0.message) (\($0.file):\($0.line)). Kept as the C does it; Rust's rule: \($0.rustRule)."
                            })
    }

    /// The offset of a walked or offset slice parameter (`s_at`), named once per function.
    func offsetName(_ p: Int) -> String {
        if let n = cursorOffsets[p] { return n }
        var name = localName(p) + "_at"
        while takenLocalNames.contains(name) { name += "_" }
        takenLocalNames.insert(name)
        cursorOffsets[p] = name
        return name
    }

    private func endsInReturn(_ s: CStmt) -> Bool {
        switch s {
        case .returnStmt: return true
        case .compound(let list): return list.last.map(endsInReturn) ?? false
        default: return false
        }
    }

    /// A table of string literals (FaithfulStatics): its type and its value, the literals' bytes.
    func literalTableValue(_ id: Int) -> (RType, RExpr)? {
        let v = program.variables[id]
        guard literalTables.contains(id), case .initList(let entries)? = v.initializer?.kind, case .array(_, let n?) = v.type else { return nil }
        let ordered = entries.sorted { a, b in
            if case .index(let i) = a.0, case .index(let j) = b.0 { return i < j }
            return false
        }
        let literals: [RExpr] = ordered.map { entry in
            if case .stringLiteral(let bytes) = entry.1.withoutCasts.kind { return .literal(byteString(bytes)) }
            return .unitValue   // not reached: literalTables holds literals only
        }
        return (.array(Self.textType, n), .arrayLiteral(literals))
    }

    func globalItem(_ id: Int) -> RItem? {
        let v = program.variables[id]
        if v.storage == .external { return nil }   // declared in the extern block
        check(v.type, at: v.loc)
        let saved = currentFunction
        currentFunction = -1
        defer { currentFunction = saved }
        let value = v.initializer.map { element($0, v.type) } ?? zero(v.type)
        if atomicStatics.contains(id) { return atomicItem(id) }
        if globalCells.contains(id) { return cellItem(id, value: value) }
        if literalGlobals[id] != nil {
            let items = literalGlobalItems(id)
            extraItems.append(items[0])   // the texts, then the index
            return items[1]
        }
        if let (type, literals) = literalTableValue(id) {
            return .staticVar(name: globalName(id), type: type, value: literals, mutable: false, isPublic: false,
                              comments: ["string literals, only read: each one's bytes with its NUL"])
        }
        if immutableStatics.contains(id) {
            if let n = alignedStatics[id] {
                let wrapper = alignedWrapper(n)
                return .staticVar(name: globalName(id), type: .generic(wrapper, [rtype(v.type)]), value: .call(.path(wrapper), [value]), mutable: false,
                                  isPublic: false, comments: ["never written: an immutable static, aligned to \(n) as declared"])
            }
            return .staticVar(name: globalName(id), type: rtype(v.type), value: value, mutable: false,
                              isPublic: false, comments: ["never written: an immutable static"])
        }
        if let n = alignedStatics[id] {
            let wrapper = alignedWrapper(n)
            let why = v.explicitlyAligned ? "aligned to \(n) as declared" : "aligned to 16, as the x86-64 ABI aligns an array of 16 bytes or more"
            return .staticVar(name: globalName(id), type: .generic(wrapper, [rtype(v.type)]),
                              value: .call(.path(wrapper), [.block(RBlock(tail: value, isUnsafe: true))]), mutable: true,
                              isPublic: crate != nil && !v.isStatic, comments: [why])
        }
        return .staticVar(name: globalName(id), type: rtype(v.type), value: .block(RBlock(tail: value, isUnsafe: true)), mutable: true,
                          isPublic: crate != nil && !v.isStatic, comments: [])
    }

    /// The library functions and variables the program uses, one block per native library
    /// (the model files say which header's functions live where).
    func externBlocks() -> [RItem] {
        var blocks: [String: [RExternItem]] = [:]
        var declared: Set<String> = []
        func library(_ loc: CLoc) -> String { links[String(loc.file.split(separator: "/").last ?? "")] ?? "" }
        for id in neededFunctions.sorted() where program.functions[id].body == nil {
            let f = program.functions[id]
            if crateFunctions.contains(id) { continue }   // another module's
            let name = functionName(id)
            // `__builtin_memcpy` and `memcpy` are one library function: declared once.
            guard declared.insert(name).inserted else { continue }
            blocks[library(f.loc), default: []].append(.function(name: name, params: f.type.params.map(rtype), result: resultType(f.type.result),
                                                                     // `int f();` (or an implicit declaration): called with what the call passes.
                                                                     variadic: f.type.variadic || f.type.noPrototype && f.type.params.isEmpty))
        }
        for id in neededVariables.sorted() where program.variables[id].storage == .external
                                                && crate?.variablePath(program.variables[id].name, from: unitIndex) == nil {
            blocks[library(program.variables[id].loc), default: []].append(.staticVar(name: globalName(id), type: rtype(program.variables[id].type)))
        }
        if let t = needsEnviron, !(blocks[""] ?? []).contains(where: { if case .staticVar("environ", _) = $0 { return true }; return false }) {
            blocks["", default: []].append(.staticVar(name: "environ", type: t))
        }
        return blocks.keys.sorted().map { .externBlock(link: $0.isEmpty ? nil : $0, blocks[$0]!) }
    }

    /// Rust's `main` calls the C one with `argc`/`argv` built from the process' arguments and
    /// exits with its status.
    func mainWrapper(needing: [Int: String]) -> RFunction? {
        guard let id = program.functions.indices.first(where: { program.functions[$0].name == "main" && program.functions[$0].body != nil }) else { return nil }
        let f = program.functions[id]
        var stmts: [RStmt] = []
        var args: [RExpr] = []
        if f.params.count == 2, literalTables.contains(f.params[1]) {
            // The arguments' bytes, each with a NUL, lent as slices.
            let bytes = RExpr.method(.call(.path("::std::os::unix::ffi::OsStrExt::as_bytes"), [.method(.path("a"), "as_os_str", [])]), "to_vec", [])
            stmts.append(.letBinding(name: "owned", mutable: true, type: .generic("Vec", [.generic("Vec", [.named("u8")])]), value: .call(.path("Vec::new"), [])))
            stmts.append(.expr(.forIn(pattern: "a", .call(.path("::std::env::args_os"), []), RBlock([
                .letBinding(name: "v", mutable: true, type: .generic("Vec", [.named("u8")]), value: bytes),
                .expr(.method(.path("v"), "push", [.literal("0u8")])),
                .expr(.method(.path("owned"), "push", [.path("v")])),
            ]))))
            // Kept for the whole run, as C's are: text that lives as long as the literals.
            stmts.append(.letBinding(name: "args", mutable: false, type: .generic("Vec", [Self.textType]),
                                     value: .method(.method(.method(.path("owned"), "into_iter", []), "map", [.literal("|a| &*Box::leak(a.into_boxed_slice())")]), "collect", [])))
            args = [.cast(.method(.path("args"), "len", []), rtype(program.variables[f.params[0]].type)), .unary(.ref, .path("args"))]
        } else if f.params.count >= 2 {
            let argvType = rtype(program.variables[f.params[1]].type)
            var elementType = RType.pointer(.named("i8"), mutable: true)
            if case .pointer(let inner, _) = argvType { elementType = inner }
            stmts.append(.letBinding(name: "args", mutable: true, type: .generic("Vec", [elementType]), value: .call(.path("Vec::new"), [])))
            let push: RExpr = .method(.path("args"), "push", [.cast(.method(.method(.call(.path("::std::ffi::CString::new"),
                [.call(.path("::std::os::unix::ffi::OsStrExt::as_bytes"), [.method(.path("arg"), "as_os_str", [])])]), "expect", [.literal("\"an argument without NUL bytes\"")]), "into_raw", []), elementType)])
            stmts.append(.expr(.forIn(pattern: "arg", .call(.path("::std::env::args_os"), []), RBlock([.expr(push)]))))
            stmts.append(.expr(.method(.path("args"), "push", [.turbofish("::core::ptr::null_mut", [elementType.pointee ?? .named("i8")], [])])))
            args = [.cast(.binary(.sub, .method(.path("args"), "len", []), .literal("1")), rtype(program.variables[f.params[0]].type)),
                    .method(.path("args"), "as_mut_ptr", [])]
            if f.params.count >= 3 {
                needsEnviron = argvType
                args.append(.path("environ"))
            }
        }
        let call: RExpr = .call(.path(functionName(id)), args)
        // `main_0` is called in an `unsafe` block only when it is an unsafe function.
        let safe = needing[id] == nil
        // Through the `cstdio` module, standard output is flushed before the process ends.
        let exit = stdioRuntime ? "cstdio::exit" : "::std::process::exit"
        if stdioRuntime { requireStdioSupport() }
        if f.type.result == .void {
            stmts.append(.expr(safe ? call : .block(RBlock([.expr(call)], isUnsafe: true))))
            if stdioRuntime { stmts.append(.expr(.call(.path("cstdio::flush"), []))) }
        } else {
            stmts.append(.expr(.call(.path(exit), [.cast(safe ? call : .block(RBlock(tail: call, isUnsafe: true)), .named("i32"))])))
        }
        return RFunction(name: "main", params: [], result: nil, body: RBlock(stmts), isPublic: true)
    }
}

extension RType {
    var pointee: RType? { if case .pointer(let p, _) = self { return p }; return nil }
}
