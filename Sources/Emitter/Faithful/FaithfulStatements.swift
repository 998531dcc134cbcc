import CSyntax
import RustSyntax

/// Structured statements: blocks, `if`, loops (a `continue` that must still run a `for`'s step
/// leaves a labelled inner loop), and `switch` with fall-through as a dispatch on the entry
/// case followed by one guarded block per case. A function with `goto`, or with case labels
/// inside nested statements, goes through `FaithfulGoto` instead.
extension FaithfulTranslator {
    func block(_ s: CStmt) -> RBlock {
        RBlock(statements(s))
    }

    func statements(_ s: CStmt) -> [RStmt] {
        withPrelude { statementsProper(s) }
    }

    private func statementsProper(_ s: CStmt) -> [RStmt] {
        switch s {
        case .compound(let list): return [.expr(.block(RBlock(list.flatMap(statements))))]
        case .declaration(let ids): return ids.flatMap(declaration)
        case .expression(let e): return effect(e)
        case .ifThen(let c, let then, let otherwise):
            if let (env, zeroIsThen) = setjmpTest(c) { return protectedIf(env, zeroIsThen: zeroIsThen, then, otherwise, at: c.loc) }
            let elseExpr: RExpr? = otherwise.map { o in
                if case .ifThen = o {
                    let nested = statements(o)
                    if nested.count == 1, case .expr(let e) = nested[0] { return e }
                    return .block(RBlock(nested))
                }
                return .block(flatBlock(o))
            }
            return [.expr(.ifElse(condition(c), flatBlock(then), elseExpr))]
        case .whileLoop(let c, let body):
            return [loop(cond: condition(c), body: body, step: nil, testAfter: false)]
        case .doWhile(let body, let c):
            return [loop(cond: condition(c), body: body, step: nil, testAfter: true)]
        case .forLoop(let initial, let c, let step, let body):
            var out: [RStmt] = initial.map { flatStatements($0) } ?? []
            out.append(loop(cond: c.map(condition) ?? .literal("true"), body: body, step: step, testAfter: false))
            return [.expr(.block(RBlock(out)))]
        case .switchOn(let e, let body): return switchStatement(e, body)
        case .caseLabel(_, let s), .caseRange(_, _, let s), .defaultLabel(let s), .labeled(_, let s):
            return statements(s)
        case .breakStmt: return [.expr(breakTarget())]
        case .continueStmt: return [.expr(continueTarget())]
        case .returnStmt(let e):
            guard let e else { return [.expr(.returnValue(currentFunctionIsMain ? .literal("0") : nil))] }
            let result = program.functions[currentFunction].type.result
            if result == .void { return effect(e) + [.expr(.returnValue(nil))] }
            if let v = returnedVector(e) { return [.expr(.returnValue(v))] }
            return [.expr(.returnValue(returnedValue(e, result)))]
        case .gotoLabel, .indirectGoto: return []   // only in functions that go through FaithfulGoto
        case .empty: return []
        case .unsupported(let what, let loc):
            refuse(what, at: loc)
            return []
        }
    }

    var currentFunctionIsMain: Bool { currentFunction >= 0 && program.functions[currentFunction].name == "main" && program.functions[currentFunction].type.result != .void }

    /// A statement as a block's contents (a compound's own braces are not doubled).
    func flatBlock(_ s: CStmt) -> RBlock {
        RBlock(flatStatements(s))
    }

    func flatStatements(_ s: CStmt) -> [RStmt] {
        if case .compound(let list) = s { return list.flatMap(statements) }
        return statements(s)
    }

    func declaration(_ id: Int) -> [RStmt] {
        let v = program.variables[id]
        switch v.storage {
        case .staticLocal:
            need(variable: id)
            if let item = globalItem(id) { extraItems.append(item) }
            return []
        case .external:
            need(variable: id)
            return []
        default:
            check(v.type, at: v.loc)
            if let cursor = cursorDeclaration(id) { return [cursor] }
            if let vector = vectorDeclaration(id) { return vector }
            if let resize = witnessDeclaration(id) { return resize }
            if let (type, literals) = literalTableValue(id) {
                return [.letBinding(name: localName(id), mutable: textTables.mutable.contains(id), type: type, value: literals)]
            }
            if let t = linkType(id) { return [.letBinding(name: localName(id), mutable: true, type: t, value: v.initializer.map(linkValue) ?? unsetLink)] }
            if elementPositions.locals[id] != nil {
                return [.letBinding(name: localName(id), mutable: true, type: Self.positionType, value: v.initializer.map(positionValue) ?? .path("None"))]
            }
            if textLocals.contains(id) {
                return [.letBinding(name: localName(id), mutable: true, type: Self.textType, value: v.initializer.map(textValue) ?? Self.emptyLiteral)]
            }
            let name = localName(id)
            if let size = v.vlaSize, case .array(let e, nil) = v.type {
                return [.letBinding(name: name, mutable: true, type: vlaType(e), value: vlaValue(e, size))]
            }
            if let ini = v.initializer, ini.mentions(variable: id) {
                // `void *p = &p;`: the name exists in its own initializer in C, not in Rust's `let`.
                return localSlot(id) + localAssignment(id)
            }
            let value = v.initializer.map { element($0, v.type) } ?? zero(v.type)
            if v.explicitlyAligned { return [alignedLocal(id, value)] + cleanupGuard(id) }
            return [.letBinding(name: name, mutable: true, type: rtype(v.type), value: value)] + cleanupGuard(id)
        }
    }

    /// A local declared apart from where C declares it (at a state machine's top, before a
    /// switch's cases): its slot, zero (an empty `Vec` for a variable-length array)...
    /// `__attribute__((cleanup(f)))`: a guard declared right after the variable calls `f` with its
    /// address when the block ends, however it ends (Rust drops in reverse order, as C runs them).
    func cleanupGuard(_ id: Int) -> [RStmt] {
        guard let f = program.variables[id].cleanup else { return [] }
        requireCleanupSupport()
        need(function: f)
        return [.letBinding(name: temporary("cleanup"), mutable: false, type: nil,
                            value: .call(.path("__OxidizeCleanup::new"), [.macro(Self.addrOf, [.path(localName(id))]),
                                                                          .lambda(["__p"], .block(RBlock(tail: .call(.path(functionName(f)), [.path("__p")]), isUnsafe: true)))]))]
    }

    func localSlot(_ id: Int) -> [RStmt] {
        // A vector's NULL flag (LocalVectors.nullFlags): C's pointer is not NULL until the declaration says.
        let flag: [RStmt] = localVectors.nullFlags.contains(id)
            ? [.letBinding(name: nullFlagName(id), mutable: true, type: .named("bool"), value: .literal("false"))] : []
        return flag + [slot(id)]
    }

    private func slot(_ id: Int) -> RStmt {
        let v = program.variables[id]
        if localCursors.isCursor(id) { return .letBinding(name: localName(id), mutable: true, type: .named("usize"), value: .literal("0usize")) }
        if let element = localVectors.elements[id] {
            return .letBinding(name: localName(id), mutable: true, type: .generic("Vec", [rtype(element)]), value: .call(.path("Vec::new"), []))
        }
        if let (type, _) = literalTableValue(id), case .array(_, let n) = type {
            // Empty strings until the declaration's place assigns the literals.
            return .letBinding(name: localName(id), mutable: true, type: type, value: .arrayRepeat(.method(.literal("b\"\\0\""), "as_slice", []), n))
        }
        if textLocals.contains(id) { return .letBinding(name: localName(id), mutable: true, type: Self.textType, value: Self.emptyLiteral) }
        if let t = linkType(id) { return .letBinding(name: localName(id), mutable: true, type: t, value: unsetLink) }
        if elementPositions.locals[id] != nil { return .letBinding(name: localName(id), mutable: true, type: Self.positionType, value: .path("None")) }
        if localVectors.witnesses[id] != nil { return .letBinding(name: localName(id), mutable: true, type: .named("bool"), value: .literal("false")) }
        if v.cleanup != nil {
            refuse("`__attribute__((cleanup))` on `\(v.name)` in a function whose locals are declared apart (goto, or a declaration between a switch's cases)", at: v.loc)
        }
        if v.vlaSize != nil, case .array(let e, nil) = v.type {
            return .letBinding(name: localName(id), mutable: true, type: vlaType(e), value: .call(.path("Vec::new"), []))
        }
        if v.explicitlyAligned { return alignedLocal(id, zero(v.type)) }
        return .letBinding(name: localName(id), mutable: true, type: rtype(v.type), value: zero(v.type))
    }

    /// A local declared `_Alignas(n)`: inside an `AlignedN` (FaithfulStatics), its value reached
    /// as `.0`.
    func alignedLocal(_ id: Int, _ value: RExpr) -> RStmt {
        let wrapper = alignedWrapper(Self.alignment(declared: program.variables[id].explicitAlignment ?? 0))
        return .letBinding(name: localName(id), mutable: true, type: .generic(wrapper, [rtype(program.variables[id].type)]),
                           value: .call(.path(wrapper), [value]))
    }

    /// ...and what the declaration does where C has it.
    func localAssignment(_ id: Int) -> [RStmt] {
        let v = program.variables[id]
        if let size = v.vlaSize, case .array(let e, nil) = v.type { return [.expr(.assign(.path(localName(id)), vlaValue(e, size)))] }
        guard let ini = v.initializer else { return [] }
        if localCursors.isCursor(id), let p = localCursors.position(ini) { return [.expr(.assign(.path(localName(id)), cursorIndex(p)))] }
        if let (_, literals) = literalTableValue(id) { return [.expr(.assign(.path(localName(id)), literals))] }
        if textLocals.contains(id) { return [.expr(.assign(.path(localName(id)), textValue(ini)))] }
        if linkType(id) != nil { return [.expr(.assign(.path(localName(id)), linkValue(ini)))] }
        if elementPositions.locals[id] != nil { return [.expr(.assign(.path(localName(id)), positionValue(ini)))] }
        if localVectors.isVector(id), let allocation = vectorAllocation(id, ini) { return allocation }
        if let resize = witnessDeclaration(id, declare: false) { return resize }
        let place: RExpr = v.explicitlyAligned ? .field(.path(localName(id)), "0") : .path(localName(id))
        return [.expr(.assign(place, element(ini, v.type)))]
    }

    /// A variable-length array is a `Vec` of its zeroed elements, made where C declares it.
    func vlaType(_ element: CTy) -> RType { .generic("Vec", [rtype(element)]) }

    func vlaValue(_ element: CTy, _ size: CExpr) -> RExpr {
        // Collected into the `Vec` the variable is declared as.
        .method(.method(.call(.path("::std::iter::repeat"), [zero(element)]), "take", [.cast(rvalue(size), .named("usize"))]),
                "collect", [])
    }

    // MARK: loops

    private func loop(cond: RExpr, body: CStmt, step: CExpr?, testAfter: Bool) -> RStmt {
        let label = newLabel("l")
        let bodyLabel = newLabel("c")
        breakables.append(Breakable(isSwitch: false, breakLabel: label, continueLabel: label, continueBreaksBody: step != nil || testAfter))
        if step != nil || testAfter { breakables[breakables.count - 1].continueLabel = bodyLabel }
        var inner = flatStatements(body)
        let b = breakables.removeLast()
        let stepStmts = step.map(effect) ?? []
        let alwaysTrue: Bool = { if case .literal("true") = cond { return true }; return false }()
        if b.usedContinueLabel && b.continueBreaksBody {
            // `continue` leaves the body's own loop, so the step (or the test) still runs.
            inner = [.expr(.loop(label: bodyLabel, RBlock(inner + [.expr(.breakLoop(label: bodyLabel))])))]
        }
        let outerLabel = b.usedBreakLabel || (b.usedContinueLabel && !b.continueBreaksBody) ? label : nil
        if testAfter {
            return .expr(.loop(label: outerLabel ?? (b.usedContinueLabel ? label : nil),
                               RBlock(inner + [.expr(.ifElse(.unary(.not, cond), RBlock([.expr(.breakLoop(label: outerLabel))]), nil))])))
        }
        if alwaysTrue { return .expr(.loop(label: outerLabel, RBlock(inner + stepStmts))) }
        return .expr(.whileLoop(label: outerLabel, cond, RBlock(inner + stepStmts)))
    }

    /// `break` leaves the innermost loop or switch; both are Rust loops, so its label is only
    /// needed when a body loop (for `continue`) stands in between.
    func breakTarget() -> RExpr {
        guard !breakables.isEmpty else { return .breakLoop(label: nil) }
        breakables[breakables.count - 1].usedBreakLabel = true
        return .breakLoop(label: breakables[breakables.count - 1].breakLabel)
    }

    func continueTarget() -> RExpr {
        guard let k = breakables.lastIndex(where: { !$0.isSwitch }) else { return .continueLoop(label: nil) }
        breakables[k].usedContinueLabel = true
        if breakables[k].continueBreaksBody { return .breakLoop(label: breakables[k].continueLabel) }
        return .continueLoop(label: breakables[k].continueLabel)
    }

    // MARK: switch

    /// A switch body's top level, cut at its case labels: each segment has the labels that
    /// enter it and its statements, and control falls from one segment into the next.
    struct Segment {
        var values: [String] = []
        var isDefault = false
        var body: [CStmt] = []
    }

    private func switchStatement(_ e: CExpr, _ body: CStmt) -> [RStmt] {
        let list: [CStmt]
        if case .compound(let l) = body { list = l } else { list = [body] }
        var segments: [Segment] = []
        var hoisted: [RStmt] = []
        var preamble: [CStmt] = []
        for s in list {
            var s = s
            var labels: [(String?, Bool)] = []
            unwrap: while true {
                switch s {
                case .caseLabel(let v, let inner): labels.append((casePattern(v, e.type), false)); s = inner
                case .caseRange(let a, let b, let inner):
                    labels.append(("\(casePattern(a, e.type))..=\(casePattern(b, e.type))", false)); s = inner
                case .defaultLabel(let inner): labels.append((nil, true)); s = inner
                default: break unwrap
                }
            }
            if !labels.isEmpty {
                var seg = Segment()
                for (v, d) in labels { if let v { seg.values.append(v) }; if d { seg.isDefault = true } }
                segments.append(seg)
            }
            if segments.isEmpty { preamble.append(s); continue }
            segments[segments.count - 1].body.append(s)
        }
        // Declarations at the body's top level are visible in every later case: declared before.
        func hoist(_ s: CStmt) -> CStmt {
            guard case .declaration(let ids) = s else { return s }
            var assigns: [CStmt] = []
            for id in ids {
                let v = program.variables[id]
                guard v.storage == .local, v.vlaSize == nil else { hoisted += declaration(id); continue }
                hoisted.append(contentsOf: localSlot(id))
                if let ini = v.initializer {
                    assigns.append(.expression(CExpr(.assign(CExpr(.variable(id), v.type, v.loc), ini), v.type, v.loc)))
                }
            }
            return .compound(assigns)
        }
        for s in preamble { _ = hoist(s) }
        for k in segments.indices { segments[k].body = segments[k].body.map(hoist) }

        let label = newLabel("s")
        breakables.append(Breakable(isSwitch: true, breakLabel: label, continueLabel: "", continueBreaksBody: false))
        let bodies = segments.map { seg in seg.body.flatMap(statements) }
        let b = breakables.removeLast()
        var inner: [RStmt]
        if segments.dropLast().allSatisfy({ Self.endsInJump($0.body) }) {
            // No case falls into the next: one `match`, its arms the cases' statements (the
            // default last). An index and a chain of `if case <= k` tests, one per case, made
            // LLVM's optimizer take half an hour on cmark's 1,530-case `switch`.
            var arms: [RArm] = []
            for (seg, stmts) in zip(segments, bodies) where !seg.isDefault { arms.append(RArm(seg.values, RBlock(stmts))) }
            let fallback = zip(segments, bodies).first { $0.0.isDefault }.map { $0.1 } ?? []
            arms.append(RArm(["_"], RBlock(fallback)))
            inner = [.expr(.match(rvalue(e), arms))]
        } else {
            let entry = temporary("case")
            let defaultIndex = segments.firstIndex { $0.isDefault } ?? segments.count
            var arms: [RArm] = []
            for (k, seg) in segments.enumerated() where !seg.values.isEmpty {
                arms.append(RArm(seg.values, RBlock(tail: .literal("\(k)usize"))))
            }
            arms.append(RArm(["_"], RBlock(tail: .literal("\(defaultIndex)usize"))))
            inner = [.letBinding(name: entry, mutable: false, type: nil, value: .match(rvalue(e), arms))]
            for (k, stmts) in bodies.enumerated() where !stmts.isEmpty {
                inner.append(.expr(.ifElse(.binary(.le, .path(entry), .literal("\(k)usize")), RBlock(stmts), nil)))
            }
        }
        inner.append(.expr(.breakLoop(label: b.usedBreakLabel ? label : nil)))
        return hoisted + [.expr(.loop(label: b.usedBreakLabel ? label : nil, RBlock(inner)))]
    }

    /// The statements never reach their end: their last one leaves (`break`, `return`,
    /// `continue`, `goto`), or is a block or an `if`/`else` whose every way does.
    static func endsInJump(_ list: [CStmt]) -> Bool {
        guard let last = list.last else { return false }
        switch last {
        case .breakStmt, .returnStmt, .continueStmt, .gotoLabel, .indirectGoto: return true
        case .compound(let inner): return endsInJump(inner)
        case .ifThen(_, let a, let b?): return endsInJump([a]) && endsInJump([b])
        default: return false
        }
    }

    func casePattern(_ v: Int64, _ t: CTy) -> String {
        guard case .literal(let s) = intLiteral(UInt64(bitPattern: v), t) else { return "\(v)" }
        return s
    }

    // MARK: statement expressions

    /// Whether control can leave `s` other than by falling through or returning.
    static func jumpsOut(_ s: CStmt, inLoop: Bool, inSwitch: Bool) -> Bool {
        switch s {
        case .gotoLabel, .indirectGoto, .labeled: return true
        case .breakStmt: return !inLoop && !inSwitch
        case .continueStmt: return !inLoop
        case .compound(let list): return list.contains { jumpsOut($0, inLoop: inLoop, inSwitch: inSwitch) }
        case .ifThen(_, let a, let b): return jumpsOut(a, inLoop: inLoop, inSwitch: inSwitch) || b.map { jumpsOut($0, inLoop: inLoop, inSwitch: inSwitch) } == true
        case .whileLoop(_, let b), .doWhile(let b, _), .forLoop(_, _, _, let b): return jumpsOut(b, inLoop: true, inSwitch: inSwitch)
        case .switchOn(_, let b): return jumpsOut(b, inLoop: inLoop, inSwitch: true)
        case .caseLabel(_, let b), .caseRange(_, _, let b), .defaultLabel(let b): return jumpsOut(b, inLoop: inLoop, inSwitch: inSwitch)
        default: return false
        }
    }

    func statementExpressionBlock(_ s: CStmt, at loc: CLoc) -> RBlock {
        if Self.jumpsOut(s, inLoop: false, inSwitch: false) {
            refuse("a goto, break or continue that leaves a statement expression ({ ... })", at: loc)
        }
        guard case .compound(var list) = s, let last = list.last else { return flatBlock(s) }
        list.removeLast()
        let stmts = list.flatMap(statements)
        if case .expression(let e) = last, e.type != .void { return RBlock(stmts, tail: rvalue(e)) }
        return RBlock(stmts + statements(last))
    }
}
