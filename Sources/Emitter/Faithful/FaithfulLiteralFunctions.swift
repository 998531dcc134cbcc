import CSyntax
import RustSyntax

/// Functions that only ever return string literals (`const char *color_name(enum color c)`
/// with a `switch` of `return "red";`): they return `&'static [u8]`, the literal's bytes with
/// its NUL. A caller that prints, measures or compares the result reads the slice; any other
/// use gets the raw pointer, `f(x).as_ptr()`, as C has it (forming it is safe).
extension FaithfulTranslator {
    /// The functions of the file that qualify: a `char *` result; every `return` gives a literal,
    /// `c ? "a" : "b"`, an element of a literal table or a call of another such function; not
    /// `main`, not variadic, never used as a value (a function pointer keeps C's type).
    static func literalFunctions(_ program: Program, tables: Set<Int>) -> Set<Int> {
        var candidates: Set<Int> = []
        for (id, f) in program.functions.enumerated() where f.body != nil && f.name != "main" && !f.type.variadic && !f.type.noPrototype {
            if case .pointer(.int(.char), _) = f.type.result { candidates.insert(id) }
        }
        guard !candidates.isEmpty else { return [] }
        candidates.subtract(addressTakenFunctions(program))
        // Each function's returned values, then a fixed point over calls of one another.
        var returns: [Int: [CExpr]] = [:]
        var bare: Set<Int> = []
        func collect(_ s: CStmt, _ f: Int) {
            switch s {
            case .returnStmt(let e?): returns[f, default: []].append(e)
            case .returnStmt(nil): bare.insert(f)
            case .compound(let list): list.forEach { collect($0, f) }
            case .ifThen(_, let a, let b): collect(a, f); if let b { collect(b, f) }
            case .whileLoop(_, let body), .doWhile(let body, _), .forLoop(_, _, _, let body), .switchOn(_, let body): collect(body, f)
            case .caseLabel(_, let body), .caseRange(_, _, let body), .defaultLabel(let body), .labeled(_, let body): collect(body, f)
            default: return
            }
        }
        for id in candidates { collect(program.functions[id].body!, id) }
        func literal(_ e: CExpr, _ set: Set<Int>) -> Bool {
            let s = e.withoutCasts
            if let (b, _) = textTail(s) { return literal(b, set) }   // the rest of one
            switch s.kind {
            case .stringLiteral: return true
            case .conditional(_, let a, let b): return literal(a, set) && literal(b, set)
            case .subscript(let base, _):
                if let t = tableName(base) { return tables.contains(t) }
                return false
            case .call(let callee, _):
                if case .function(let g) = callee.withoutCasts.kind { return set.contains(g) }
                return false
            default: return false
            }
        }
        var set = candidates.filter { returns[$0] != nil && !bare.contains($0) }
        var changed = true
        while changed {
            changed = false
            for f in set where !(returns[f] ?? []).allSatisfy({ literal($0, set) }) { set.remove(f); changed = true }
        }
        return set
    }

    /// The value a literal function returns: the literal (or table element, or call) as a slice.
    func literalReturn(_ e: CExpr) -> RExpr {
        let s = e.withoutCasts
        if let (b, k) = Self.textTail(s) {
            return .unary(.ref, .index(textValue(b), .rangeFrom(.cast(rvalue(k), .named("usize")))))   // the rest of it
        }
        switch s.kind {
        case .stringLiteral(let bytes): return .method(.literal(byteString(bytes)), "as_slice", [])
        case .conditional(let c, let a, let b):
            return .ifElse(condition(c), RBlock(tail: literalReturn(a)), .block(RBlock(tail: literalReturn(b))))
        case .subscript:
            if let (table, i) = literalTableRead(s) { return .index(variableRef(table), .cast(rvalue(i), .named("usize"))) }
        case .call: return literalSlice(s)
        case .unary(.deref, let p):
            if let r = textReference(p) { return .unary(.deref, .path(localName(r))) }
        default: break
        }
        return .unitValue   // not reached: literalFunctions admits the forms above only
    }

    /// A call of a literal function as its slice (`f(x)`, not `f(x).as_ptr()`).
    func literalSlice(_ call: CExpr) -> RExpr {
        if let tail = liftedTail(call) { return tail }
        let v = rvalue(call.withoutCasts)
        if case .cast(.method(let slice, "as_ptr", let args), _) = v, args.isEmpty { return slice }
        return v
    }

    /// A literal function's result type.
    static let literalResult = RType.named("&'static [u8]")

    /// Text with its NUL that lives as long as the program (a literal, an argument): a text
    /// local, a table's element.
    static let textType = RType.staticReference(.slice(.named("u8")))

    /// What a literal function gives when it falls off its end (undefined in C): an empty string.
    static let emptyLiteral = RExpr.method(.literal("b\"\\0\""), "as_slice", [])

    /// The returned value of the current function: a literal function's slice, or C's value.
    func returnedValue(_ e: CExpr, _ result: CTy) -> RExpr {
        if elementPositions.functions[currentFunction] != nil { return positionValue(e) }
        return literalFunctions.contains(currentFunction) ? literalReturn(e) : element(e, result)
    }

    /// What a non-void function returns when it falls off its end (C leaves it undefined).
    func fallOffValue(_ id: Int) -> RExpr {
        if literalFunctions.contains(id) { return Self.emptyLiteral }
        if elementPositions.functions[id] != nil { return .path("None") }
        if localVectors.returning[id] != nil { return localVectors.nullableReturns.contains(id) ? .path("None") : .call(.path("Vec::new"), []) }
        return zero(program.functions[id].type.result)
    }
}
