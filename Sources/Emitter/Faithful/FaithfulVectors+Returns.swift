import CSyntax

/// The whole-program facts LocalVectors starts from, found by syntax before its fixed point:
/// which functions may return one of their vectors (and which may return NULL), which locals
/// take their calls, which vectors need a NULL flag, and which assignments move a buffer.
extension LocalVectors {
    /// The candidates that may return a vector: every `return` gives back a local vector
    /// candidate of the element type, or NULL under a NULL test of one; with those vectors.
    static func returnedVectors(_ program: Program, candidates: Set<Int>) -> ([Int: Set<Int>], Set<Int>, [Int: Set<Int>]) {
        let taken = FaithfulTranslator.addressTakenFunctions(program)
        var found: [Int: Set<Int>] = [:]
        var nulls: Set<Int> = []
        var forwarded: [Int: Set<Int>] = [:]
        for (id, f) in program.functions.enumerated() where f.body != nil && f.name != "main" && !f.type.variadic && !taken.contains(id) {
            guard let element = f.type.result.pointee else { continue }
            var vectors: Set<Int> = []
            var fits = true
            var forwards = false
            var null = false
            var callees: Set<Int> = []
            func vector(_ e: CExpr) -> Int? {
                guard case .variable(let v) = e.withoutCasts.kind, candidates.contains(v), program.variables[v].type.pointee == element else { return nil }
                return v
            }
            /// The vector a NULL test is of (`!v`, `v == NULL`, `NULL == v`).
            func nullTest(_ c: CExpr) -> Int? {
                switch c.kind {
                case .unary(.logicalNot, let x): return vector(x)
                case .binary(.eq, let a, let b): return b.isNullPointerConstant ? vector(a) : a.isNullPointerConstant ? vector(b) : nil
                default: return nil
                }
            }
            func visit(_ s: CStmt, guardedBy tested: Int?) {
                switch s {
                case .returnStmt(let e?):
                    if let v = vector(e) { vectors.insert(v) } else if e.isNullPointerConstant, let t = tested { vectors.insert(t) }
                    else if e.isNullPointerConstant { null = true }
                    else if case .call(let callee, _) = e.withoutCasts.kind, case .function(let g) = callee.withoutCasts.kind, g != id,
                            program.functions[g].body != nil, program.functions[g].type.result.pointee == element { forwards = true; callees.insert(g) }
                    else { fits = false }
                case .returnStmt(nil): fits = false
                case .ifThen(let c, let a, let b):
                    // The branch a NULL test of a vector guards: its last statement may return NULL.
                    if let t = nullTest(c), case .compound(let list) = a, let last = list.last {
                        list.dropLast().forEach { visit($0, guardedBy: nil) }
                        visit(last, guardedBy: t)
                    } else { visit(a, guardedBy: nullTest(c)) }
                    if let b { visit(b, guardedBy: nil) }
                case .compound(let list): list.forEach { visit($0, guardedBy: nil) }
                case .whileLoop(_, let body), .doWhile(let body, _), .switchOn(_, let body): visit(body, guardedBy: nil)
                case .forLoop(let i, _, _, let body): if let i { visit(i, guardedBy: nil) }; visit(body, guardedBy: nil)
                case .caseLabel(_, let body), .caseRange(_, _, let body), .defaultLabel(let body), .labeled(_, let body): visit(body, guardedBy: nil)
                case .declaration, .expression, .breakStmt, .continueStmt, .gotoLabel, .indirectGoto, .empty, .unsupported: break
                }
            }
            visit(f.body!, guardedBy: nil)
            // Statement expressions may return too: a function with one is left alone.
            var statementExpression = false
            f.body!.forEachExpression { e in if case .statementExpr = e.kind { statementExpression = true } }
            if fits, !vectors.isEmpty || forwards, !statementExpression {
                found[id] = vectors
                if null { nulls.insert(id) }
                forwarded[id] = callees
            }
        }
        return (found, nulls, forwarded)
    }

    /// The locals among `ids` given the call of one of `functions` (`v = f(x)`, `T *v = f(x);`), with the function.
    static func receiving(_ program: Program, _ ids: Set<Int>, _ functions: Set<Int>) -> [(Int, Int)] {
        var found: [(Int, Int)] = []
        func called(_ e: CExpr) -> Int? {
            guard case .call(let callee, _) = e.withoutCasts.kind, case .function(let f) = callee.withoutCasts.kind, functions.contains(f) else { return nil }
            return f
        }
        func visit(_ e: CExpr) {
            if case .assign(let l, let r) = e.kind, case .variable(let v) = l.withoutCasts.kind, ids.contains(v), let f = called(r) { found.append((v, f)) }
            e.forEachChild(visit)
        }
        for f in program.functions where f.body != nil { f.body!.forEachExpression(visit) }
        for (id, v) in program.variables.enumerated() where ids.contains(id) { if let e = v.initializer, let f = called(e) { found.append((id, f)) } }
        return found
    }

    /// The locals among `ids` that are set to NULL, or reallocated in place (`p = realloc(p, n)`)
    /// and tested against NULL (`!p`, `p == NULL`, `p != NULL`, `p` as a condition).
    static func nullFlagged(_ program: Program, _ ids: Set<Int>) -> Set<Int> {
        var reallocated: Set<Int> = [], tested: Set<Int> = [], nulled: Set<Int> = []
        func local(_ e: CExpr) -> Int? {
            guard case .variable(let v) = e.withoutCasts.kind, ids.contains(v) else { return nil }
            return v
        }
        func truth(_ c: CExpr) { if let v = local(c) { tested.insert(v) } }
        func visit(_ e: CExpr) {
            switch e.kind {
            case .assign(let l, let r):
                if let v = local(l), r.isNullPointerConstant { nulled.insert(v) }
                if let v = local(l), case .call(let callee, let args) = r.withoutCasts.kind, case .function(let f) = callee.withoutCasts.kind,
                   program.functions[f].name == "realloc", program.functions[f].body == nil, args.count == 2, local(args[0]) == v { reallocated.insert(v) }
            case .binary(let op, let a, let b) where op == .eq || op == .ne:
                if b.isNullPointerConstant { truth(a) }
                if a.isNullPointerConstant { truth(b) }
            case .unary(.logicalNot, let x): truth(x)
            case .binary(.land, let a, let b), .binary(.lor, let a, let b): truth(a); truth(b)
            case .conditional(let c, _, _): truth(c)
            default: break
            }
            e.forEachChild(visit)
        }
        func statement(_ s: CStmt) {
            switch s {
            case .compound(let list): list.forEach(statement)
            case .ifThen(let c, let a, let b): truth(c); statement(a); if let b { statement(b) }
            case .whileLoop(let c, let body), .doWhile(let body, let c): truth(c); statement(body)
            case .forLoop(let i, let c, _, let body): if let i { statement(i) }; if let c { truth(c) }; statement(body)
            case .switchOn(_, let body), .caseLabel(_, let body), .caseRange(_, _, let body), .defaultLabel(let body), .labeled(_, let body): statement(body)
            default: break
            }
        }
        for f in program.functions where f.body != nil {
            f.body!.forEachExpression(visit)
            statement(f.body!)
        }
        for (id, v) in program.variables.enumerated() where v.storage == .local {
            guard let e = v.initializer else { continue }
            if ids.contains(id), e.isNullPointerConstant { nulled.insert(id) }
            visit(e)
        }
        return reallocated.intersection(tested).union(nulled)
    }

    /// `a = b;` statements of two locals among `ids` after which `b` is read no more: the next
    /// statement of the block that names `b` gives it a value that does not read it, or none
    /// does and `b` is declared in that block; no statement between them jumps.
    static func deadSourceMoves(_ program: Program, _ ids: Set<Int>) -> Set<CLoc> {
        var found: Set<CLoc> = []
        func local(_ e: CExpr) -> Int? {
            guard case .variable(let v) = e.withoutCasts.kind, ids.contains(v) else { return nil }
            return v
        }
        func jumps(_ s: CStmt) -> Bool {
            switch s {
            case .breakStmt, .continueStmt, .gotoLabel, .indirectGoto, .returnStmt, .labeled, .unsupported: return true
            case .compound(let list): return list.contains(where: jumps)
            case .ifThen(_, let a, let b): return jumps(a) || b.map(jumps) == true
            case .whileLoop, .doWhile, .forLoop, .switchOn: return true   // their own breaks and continues aside: kept simple
            case .caseLabel, .caseRange, .defaultLabel: return true
            case .declaration, .expression, .empty: return false
            }
        }
        func mentions(_ s: CStmt, _ v: Int) -> Bool {
            var found = false
            s.forEachExpression { if !found, $0.mentions(variable: v) { found = true } }
            if case .declaration(let vars) = s {
                for d in vars { if let e = program.variables[d].initializer, e.mentions(variable: v) { found = true } }
            }
            return found
        }
        func block(_ list: [CStmt]) {
            for (i, s) in list.enumerated() {
                guard case .expression(let e) = s, case .assign(let l, let r) = e.kind, let a = local(l), let b = local(r), a != b else { continue }
                var dead = false
                var settled = false
                for t in list[(i + 1)...] {
                    if mentions(t, b) {
                        if case .expression(let x) = t, case .assign(let l2, let r2) = x.kind, local(l2) == b, !r2.mentions(variable: b) { dead = true }
                        settled = true
                        break
                    }
                    if jumps(t) { settled = true; break }
                }
                if !settled { dead = list[..<i].contains { if case .declaration(let vars) = $0 { return vars.contains(b) }; return false } }
                if dead { found.insert(e.loc) }
            }
        }
        func visit(_ s: CStmt) {
            switch s {
            case .compound(let list): block(list); list.forEach(visit)
            case .ifThen(_, let a, let b): visit(a); if let b { visit(b) }
            case .whileLoop(_, let body), .doWhile(let body, _), .switchOn(_, let body): visit(body)
            case .forLoop(let i, _, _, let body): if let i { visit(i) }; visit(body)
            case .caseLabel(_, let body), .caseRange(_, _, let body), .defaultLabel(let body), .labeled(_, let body): visit(body)
            default: break
            }
        }
        for f in program.functions where f.body != nil { visit(f.body!) }
        return found
    }
}
