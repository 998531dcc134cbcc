import CModel
import Diagnostics
import Ownership

extension FunctionChecker {
    // MARK: statements

    mutating func exec(_ s: Int32) {
        let n = node(s)
        switch n.kind {
        case .declStmt:
            for k in kids(s) { exec(k) }
        case .compound:
            for k in kids(s) { exec(k) }
            endScope(s)
        case .varDecl:
            let v = n.ref
            for k in kids(s) {
                let refs = ev(k)
                if v >= 0 { bindVar(v, refs, at: s) }
                // `__attribute__((cleanup(f)))`: `f(&v)` runs at every exit of the scope; what
                // it was given is handed on, not leaked.
                if v >= 0, variable(v).hasCleanup { escape(refs) }
            }
        case .ifStmt:
            let ks = kids(s)
            guard ks.count >= 2 else { return }
            let (onTrue, onFalse) = condStates(ks[0])
            let g = plainVar(ks[0])
            st = onTrue
            if let g { guards.append((g.0, g.1)) }
            exec(ks[1])
            if g != nil { guards.removeLast() }
            let afterThen = st
            st = onFalse
            if let g { guards.append((g.0, !g.1)) }
            if ks.count >= 3 { exec(ks[2]) }
            if g != nil { guards.removeLast() }
            st = afterThen.joined(st)
        case .whileStmt, .forStmt:
            loop(s, n)
            endScope(s)
        case .doStmt:
            let ks = kids(s)
            guard ks.count == 2 else { return }
            runLoop(cond: ks[1], body: ks[0], inc: nil, conditionFirst: false)
            endScope(s)
        case .switchStmt:
            let ks = kids(s)
            guard ks.count >= 2 else { return }
            _ = ev(ks[0])
            let entry = st
            let savedB = breakStates
            breakStates = []
            switchEntries.append(entry)
            st = .unreachable
            exec(ks[1])
            switchEntries.removeLast()
            var out = breakStates.reduce(st) { $0.joined($1) }
            if !hasDefault(ks[1]) { out = out.joined(entry) }
            st = out
            breakStates = savedB
            endScope(s)
        case .caseStmt, .defaultStmt:
            if let entry = switchEntries.last { st = st.joined(entry) }
            // A case's first child is its constant; the rest is the statement it labels.
            for k in (n.kind == .caseStmt ? Array(kids(s).dropFirst()) : kids(s)) { exec(k) }
        case .breakStmt:
            breakStates.append(st); st = .unreachable
        case .continueStmt:
            continueStates.append(st); st = .unreachable
        case .returnStmt:
            var refs: [Ref] = []
            for k in kids(s) {
                refs = ev(k)
                use(refs.filter { !isStackOrStatic($0) }, at: s, what: "returned", deref: false, via: k)
                for r in refs where isStackOrStatic(r) {
                    if case .stack(let v)? = info[r.obj]?.origin, variable(v).storage == .automatic {
                        report(.stackAddressEscape, at: s, certainty: refs.count > 1 ? .possible : .definite,
                               message: "the address of local '\(variable(v).name)' is returned; it dangles once '\(function.name)' returns",
                               notes: [])
                    }
                }
            }
            exitPath(at: s, returned: refs)
        case .gotoStmt:
            if let target = gotoTarget(s) {
                labels[target] = (labels[target] ?? .unreachable).joined(st)
            }
            st = .unreachable
        case .labelStmt:
            if let pending = labels[s] { st = st.joined(pending) }
            for k in kids(s) { exec(k) }
        case .nullStmt, .otherStmt:
            for k in kids(s) { exec(k) }
        default:
            _ = ev(s)
        }
    }

    /// Leaving a block, a loop or a switch (at its end or by `break`): the variables declared
    /// in it are gone, so a copy left in one (`char *scan = line`) no longer keeps what it
    /// pointed to reachable (see `PathState.joined`).
    mutating func endScope(_ s: Int32) {
        // The body's own variables name what leaks at its end.
        guard st.reachable, s != function.bodyStart else { return }
        let vars: [Int32]
        if let known = scopeVars[s] { vars = known } else {
            var found: [Int32] = []
            var i = s + 1
            while i < node(s).end {
                let d = node(i)
                if d.kind == .varDecl, d.ref >= 0, variable(d.ref).storage == .automatic { found.append(d.ref) }
                i += 1
            }
            scopeVars[s] = found
            vars = found
        }
        for v in vars { st.bind[v] = nil }
    }

    func hasDefault(_ body: Int32) -> Bool {
        var i = body
        while i < node(body).end {
            if node(i).kind == .defaultStmt { return true }
            i += 1
        }
        return false
    }

    /// A forward goto's label (goto and label nodes carry the label's id in `value`).
    func gotoTarget(_ g: Int32) -> Int32? {
        var i = g + 1
        while i < function.bodyEnd {
            if node(i).kind == .labelStmt, labelMatches(goto: g, label: i) { return i }
            i += 1
        }
        return nil
    }

    func labelMatches(goto g: Int32, label: Int32) -> Bool {
        let gl = node(g).value, ll = node(label).value
        return gl != 0 && gl == ll
    }

    mutating func loop(_ s: Int32, _ n: Node) {
        let ks = kids(s)
        var cond: Int32? = nil, body: Int32? = nil, inc: Int32? = nil
        if n.kind == .whileStmt {
            cond = ks.first; body = ks.count > 1 ? ks[1] : nil
        } else {
            // for (init; cond; inc) body: libclang omits absent parts; the body is last.
            body = ks.last
            var rest = Array(ks.dropLast())
            if let first = rest.first, node(first).kind == .declStmt || isAssignment(first) { exec(first); rest.removeFirst() }
            if rest.count == 2 { cond = rest[0]; inc = rest[1] }
            else if rest.count == 1 { if isPointerOrCondition(rest[0]) { cond = rest[0] } else { inc = rest[0] } }
        }
        runLoop(cond: cond, body: body, inc: inc, conditionFirst: true)
    }

    /// The loop is unrolled: the first pass starts from the entry state, each later pass from the
    /// previous pass's back edge, until the back edge repeats (at most three passes, two inside
    /// another loop, so nesting does not multiply the work without bound). `while`/`for` test
    /// before the body, `do` after it; the exit is every state where the condition was false,
    /// joined with every `break`.
    mutating func runLoop(cond: Int32?, body: Int32?, inc: Int32?, conditionFirst: Bool) {
        let savedB = breakStates, savedC = continueStates
        breakStates = []; continueStates = []
        var current = st
        var exits: [PathState] = []
        var previousBack: PathState? = nil
        loopDepth += 1
        defer { loopDepth -= 1 }
        func test() {
            guard let cond else { return }
            let (onTrue, onFalse) = condStates(cond)
            exits.append(onFalse)
            st = onTrue
        }
        for _ in 0..<(loopDepth > 1 ? 2 : 3) {
            st = current
            if conditionFirst { test() }
            if let body { exec(body) }
            st = continueStates.reduce(st) { $0.joined($1) }
            continueStates = []
            if let inc { _ = ev(inc) }
            if !conditionFirst { test() }
            if let prev = previousBack, prev.sameAs(st) { break }
            if !st.reachable { break }
            previousBack = st
            current = st
        }
        st = (exits + breakStates).reduce(PathState.unreachable) { $0.joined($1) }
        breakStates = savedB; continueStates = savedC
    }

    func isAssignment(_ e: Int32) -> Bool {
        let n = node(tu.strip(e))
        return n.kind == .binary && (n.op == BinaryOp.assign.rawValue || n.op == BinaryOp.comma.rawValue)
    }

    func isPointerOrCondition(_ e: Int32) -> Bool {
        let n = node(tu.strip(e))
        if n.kind == .binary, let op = BinaryOp(rawValue: n.op) {
            return [.lt, .gt, .le, .ge, .eq, .ne, .land, .lor].contains(op)
        }
        return n.kind == .unary && n.op == UnaryOp.logicalNot.rawValue || isPointerNode(e)
    }

    // MARK: expressions

    mutating func bindVar(_ v: Int32, _ refs: [Ref], at n: Int32) {
        let variable = self.variable(v)
        if variable.storage == .global || variable.storage == .staticLocal {
            escape(refs)
            st.bind[v] = refs
            for r in refs {
                if case .stack(let sv)? = info[r.obj]?.origin, self.variable(sv).storage == .automatic {
                    pendingEscapes.append((v, n, sv))
                }
            }
            return
        }
        overwrite(v, at: n)
        for r in refs { reborn.remove(r.obj) }
        st.bind[v] = refs
        st.maybeNull.remove(v)
        // `p = NULL`, `found = 0`, `found = 1`: known zero or non-zero until changed.
        let k = kids(n)
        let value = node(n).kind == .varDecl ? k.first : (node(n).kind == .binary && k.count == 2 ? k[1] : nil)
        forgetValue(v)
        if refs.isEmpty, let value, valueTracked(v) {
            let x = tu.strip(value)
            if isNullLiteral(value) { st.nullVars.insert(v) }
            else if !tu.isPointer(variable.type), node(x).kind == .intLiteral { st.nonZeroVars.insert(v) }
        }
        forgetPaths(of: v)
    }

    /// Evaluates an expression on the current path and returns what its pointer value may be.
    mutating func ev(_ e: Int32) -> [Ref] {
        guard st.reachable else { return [] }
        let n = node(e)
        switch n.kind {
        case .implicit:
            var out: [Ref] = []
            for k in kids(e) { out = ev(k) }
            return out
        case .varRef:
            let v = n.ref
            if isVaList(v) { return [] }   // va_list is the compiler's cursor, not memory we track
            if isArrayVar(v) { return variable(v).storage == .automatic ? [stackObject(v)] : [staticObject()] }
            return st.bind[v] ?? []
        case .stringLiteral:
            return [staticObject()]
        case .member:
            guard let b = kids(e).first else { return [] }
            if n.flags.contains(.arrow) {
                let base = ev(b)
                use(base, at: e, what: "used", deref: true, via: b)
            } else {
                _ = ev(b)
            }
            let bs = tu.strip(b)
            if node(bs).kind == .varRef, n.ref >= 0, isPointerNode(e) {
                return pathValue(node(bs).ref, n.ref, at: e)
            }
            return []
        case .unary:
            return unary(e, n)
        case .binary:
            return binary(e, n)
        case .conditional:
            let ks = kids(e)
            guard ks.count == 3 else { return [] }
            let (onTrue, onFalse) = condStates(ks[0])
            let g = plainVar(ks[0])
            st = onTrue
            if let g { guards.append((g.0, g.1)) }
            let a = ev(ks[1])
            if g != nil { guards.removeLast() }
            let sa = st
            st = onFalse
            if let g { guards.append((g.0, !g.1)) }
            let b = ev(ks[2])
            if g != nil { guards.removeLast() }
            st = sa.joined(st)
            return a + b.filter { !a.contains($0) }
        case .subscript_:
            let ks = kids(e)
            guard ks.count == 2 else { return [] }
            let base = ev(ks[0])
            _ = ev(ks[1])
            use(base.filter { !isStackOrStatic($0) }, at: e, what: "used", deref: true, via: ks[0])
            return []
        case .cast:
            let inner = kids(e).first.map { ev($0) } ?? []
            return isPointerNode(e) ? inner : []   // (size_t)p is a number, not a borrow
        case .call:
            let refs = call(e, n)
            if !refs.isEmpty { callResults[e] = refs }   // for `if (!malloc(n))` tests
            return refs
        case .stmtExpr:
            for k in kids(e) { exec(k) }
            return []
        default:
            for k in kids(e) { _ = ev(k) }
            return []
        }
    }

    mutating func unary(_ e: Int32, _ n: Node) -> [Ref] {
        guard let operand = kids(e).first else { return [] }
        switch UnaryOp(rawValue: n.op) ?? .other {
        case .addressOf:
            let o = tu.strip(operand)
            let on = node(o)
            switch on.kind {
            case .varRef:
                let v = variable(on.ref)
                forgetValue(on.ref)   // whoever gets &v may store into it
                return v.storage == .automatic || v.storage == .parameter ? [stackObject(on.ref)] : [staticObject()]
            case .member where on.flags.contains(.arrow):
                guard let b = kids(o).first else { return [] }
                let base = ev(b)
                use(base, at: e, what: "used", deref: false, via: b)
                return base.map { Ref(obj: $0.obj, offset: true) }
            case .member:
                if let b = kids(o).first, node(tu.strip(b)).kind == .varRef {
                    let bv = node(tu.strip(b)).ref
                    if !tu.isPointer(variable(bv).type) {
                        return [Ref(obj: stackObject(bv).obj, offset: true)]
                    }
                }
                _ = ev(o)
                return []
            case .subscript_:
                let ks = kids(o)
                guard ks.count == 2 else { return [] }
                let base = ev(ks[0])
                _ = ev(ks[1])
                return base.map { Ref(obj: $0.obj, offset: true) }
            default:
                _ = ev(o)
                return []
            }
        case .deref:
            let refs = ev(operand)
            use(refs.filter { !isStackOrStatic($0) }, at: e, what: "used", deref: true, via: operand)
            return []
        case .postInc, .postDec, .preInc, .preDec:
            let o = tu.strip(operand)
            if node(o).kind == .varRef, tu.isPointer(variable(node(o).ref).type) {
                let v = node(o).ref
                // Advancing moves off the start; stepping back is taken as a return to it.
                let advanced = n.op == UnaryOp.postInc.rawValue || n.op == UnaryOp.preInc.rawValue
                st.bind[v] = (st.bind[v] ?? []).map { Ref(obj: $0.obj, offset: advanced) }
                stepped(v)
            } else {
                if node(o).kind == .varRef { forgetValue(node(o).ref) }
                _ = ev(operand)
            }
            return []
        default:
            _ = ev(operand)
            return []
        }
    }

    mutating func binary(_ e: Int32, _ n: Node) -> [Ref] {
        let ks = kids(e)
        guard ks.count == 2, let op = BinaryOp(rawValue: n.op) else { for k in kids(e) { _ = ev(k) }; return [] }
        if Self.compoundAssignments.contains(op), node(tu.strip(ks[0])).kind == .varRef {
            forgetValue(node(tu.strip(ks[0])).ref)
        }
        switch op {
        case .assign:
            let rhs = ev(ks[1])
            assign(ks[0], rhs, at: e)
            return rhs
        case .addAssign, .subAssign:
            let l = tu.strip(ks[0])
            _ = ev(ks[1])
            if node(l).kind == .varRef, tu.isPointer(variable(node(l).ref).type) {
                let v = node(l).ref
                st.bind[v] = (st.bind[v] ?? []).map { Ref(obj: $0.obj, offset: op == .addAssign) }
                stepped(v)
            } else {
                _ = ev(ks[0])
            }
            return []
        case .add, .sub:
            let l = ev(ks[0]), r = ev(ks[1])
            if isPointerNode(ks[0]) && !isPointerNode(ks[1]) {
                // Back from a pointer the function was given (`(char *)user - 8` in an
                // allocator's free): that may well be where the block starts.
                if op == .sub { return l.map { Ref(obj: $0.obj, offset: $0.offset || !isParameterObject($0.obj)) } }
                return l.map { Ref(obj: $0.obj, offset: true) }
            }
            if isPointerNode(ks[1]) && !isPointerNode(ks[0]) { return r.map { Ref(obj: $0.obj, offset: true) } }
            return []
        case .land, .lor:
            let (onTrue, onFalse) = condStates(e)
            st = onTrue.joined(onFalse)
            return []
        case .comma:
            _ = ev(ks[0])
            return ev(ks[1])
        default:
            _ = ev(ks[0]); _ = ev(ks[1])
            return []
        }
    }

    mutating func assign(_ lhs: Int32, _ rhs: [Ref], at n: Int32) {
        let l = tu.strip(lhs)
        let ln = node(l)
        switch ln.kind {
        case .varRef:
            bindVar(ln.ref, rhs, at: n)
        case .member:
            guard let b = kids(l).first else { return }
            var holderIsParamOrGlobal = false
            if ln.flags.contains(.arrow) {
                let base = ev(b)
                use(base, at: n, what: "written", deref: true, via: b)
                holderIsParamOrGlobal = base.contains { info[$0.obj]?.origin == .some(.parameter) }
            } else {
                let bs = tu.strip(b)
                if node(bs).kind == .varRef, variable(node(bs).ref).storage == .global || variable(node(bs).ref).storage == .staticLocal {
                    holderIsParamOrGlobal = true
                }
                _ = ev(b)
            }
            escape(rhs)
            let bs = tu.strip(b)
            if node(bs).kind == .varRef, ln.ref >= 0 { st.bind[pathVar(node(bs).ref, ln.ref)] = rhs }
            if holderIsParamOrGlobal, node(bs).kind == .varRef, ln.ref >= 0 {
                let holder = pathVar(node(bs).ref, ln.ref)
                for r in rhs {
                    if case .stack(let v)? = info[r.obj]?.origin, variable(v).storage == .automatic {
                        pendingEscapes.append((holder, n, v))
                    }
                }
            }
        case .unary where ln.op == UnaryOp.deref.rawValue:
            guard let b = kids(l).first else { return }
            let base = ev(b)
            use(base.filter { !isStackOrStatic($0) }, at: n, what: "written", deref: true, via: b)
            escape(rhs)
            if base.contains(where: { info[$0.obj]?.origin == .some(.parameter) }) {
                for r in rhs {
                    if case .stack(let v)? = info[r.obj]?.origin, variable(v).storage == .automatic {
                        report(.stackAddressEscape, at: n, certainty: .definite,
                               message: "the address of local '\(variable(v).name)' is stored through a parameter and outlives '\(function.name)'",
                               notes: [], rust: "E0597")
                    }
                }
            }
        case .subscript_:
            let ks = kids(l)
            guard ks.count == 2 else { return }
            let base = ev(ks[0])
            _ = ev(ks[1])
            use(base.filter { !isStackOrStatic($0) }, at: n, what: "written", deref: true, via: ks[0])
            escape(rhs)
        default:
            _ = ev(l)
            escape(rhs)
        }
    }
}
