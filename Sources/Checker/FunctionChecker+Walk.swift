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

    /// A local or parameter whose address is never taken: only assignments change it, so what
    /// an assignment or a test says about its value (zero or not) holds until the next one.
    func valueTracked(_ v: Int32) -> Bool {
        let s = variable(v).storage
        return (s == .automatic || s == .parameter) && !addressTaken.contains(v)
    }

    /// The variables whose address the body takes, and those it assigns after their
    /// declaration (`=`, `+=`, `++`).
    func scanVariables() -> (addressTaken: Set<Int32>, assigned: Set<Int32>) {
        var taken = Set<Int32>(), assigned = Set<Int32>()
        let assignments: Set<UInt8> = Set([BinaryOp.assign, .mulAssign, .divAssign, .remAssign, .addAssign, .subAssign,
                                           .shlAssign, .shrAssign, .andAssign, .xorAssign, .orAssign].map(\.rawValue))
        let steps: Set<UInt8> = Set([UnaryOp.postInc, .postDec, .preInc, .preDec].map(\.rawValue))
        var i = function.bodyStart
        while i < function.bodyEnd {
            let n = node(i)
            if i + 1 < n.end, (n.kind == .unary && (n.op == UnaryOp.addressOf.rawValue || steps.contains(n.op))) || (n.kind == .binary && assignments.contains(n.op)) {
                let operand = tu.strip(i + 1)
                if node(operand).kind == .varRef {
                    if n.kind == .unary && n.op == UnaryOp.addressOf.rawValue { taken.insert(node(operand).ref) } else { assigned.insert(node(operand).ref) }
                }
            }
            i += 1
        }
        return (taken, assigned)
    }

    /// On a branch where variable `v` is zero (a null pointer, a false flag) or not: a branch
    /// that contradicts what is known is not taken; what the variable is now is remembered; and
    /// objects that a join found to exist exactly where `v` is non-zero are kept or dropped.
    func knownValue(_ s: inout PathState, _ v: Int32, zero: Bool, refs: [Ref]) {
        if !zero, s.nullVars.contains(v) { s = .unreachable; return }
        if zero, s.nonZeroVars.contains(v) { s = .unreachable; return }
        let applicable = s.correlations.filter { c in
            c.v == v && s.bind[v] == c.refs && s.objects[c.obj].map { c.matches($0.status) && !$0.status.isDisjoint(with: [.live, .null]) } ?? false
        }
        if valueTracked(v), refs.allSatisfy({ !$0.offset }) {
            if zero { s.nullVars.insert(v) } else { s.nonZeroVars.insert(v) }
        }
        if !zero { s.maybeNull.remove(v) }
        for c in applicable {
            guard var o = s.objects[c.obj] else { continue }
            if zero == c.whenZero { o.status.subtract(.gone) } else { o.status.subtract([.live, .null]) }
            // Where the object does not exist it was never made (or is gone): nothing holds it.
            if o.status.isEmpty {
                s.objects[c.obj] = nil
                for (k, held) in s.bind where held.contains(where: { $0.obj == c.obj }) { s.bind[k] = held.filter { $0.obj != c.obj } }
            } else {
                s.objects[c.obj] = o
            }
        }
    }

    /// Whatever was known about a variable's value (zero, non-zero) no longer holds.
    mutating func forgetValue(_ v: Int32) {
        st.nullVars.remove(v)
        st.nonZeroVars.remove(v)
        if st.correlations.contains(where: { $0.v == v }) { st.correlations.removeAll { $0.v == v } }
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

    // MARK: conditions

    /// Evaluates a condition and returns the states where it is true and where it is false.
    /// `a && b` and `a || b` evaluate `b` only on the paths where C does (short circuit).
    mutating func condStates(_ c: Int32) -> (PathState, PathState) {
        let x = tu.strip(c)
        let n = node(x)
        // A constant (`assert(0)`, `while (1)`): one branch is never taken.
        if n.kind == .intLiteral { return n.value != 0 ? (st, .unreachable) : (.unreachable, st) }
        if n.kind == .binary, let op = BinaryOp(rawValue: n.op), op == .land || op == .lor {
            let ks = kids(x)
            if ks.count == 2 {
                let (tA, fA) = condStates(ks[0])
                st = op == .land ? tA : fA
                let (tB, fB) = condStates(ks[1])
                return op == .land ? (tB, fA.joined(fB)) : (tA.joined(tB), fB)
            }
        }
        if n.kind == .unary, n.op == UnaryOp.logicalNot.rawValue, let k = kids(x).first {
            let (t, f) = condStates(k)
            return (f, t)
        }
        _ = ev(c)
        return (refined(st, c, true), refined(st, c, false))
    }

    /// The state on the branch where `cond` is `truth`: null tests split live from null.
    func refined(_ state: PathState, _ cond: Int32, _ truth: Bool) -> PathState {
        guard state.reachable else { return state }
        var s = state
        refine(&s, cond, truth)
        return s
    }

    func refine(_ s: inout PathState, _ cond: Int32, _ truth: Bool) {
        let c = tu.strip(cond)
        let n = node(c)
        switch n.kind {
        case .unary where n.op == UnaryOp.logicalNot.rawValue:
            if let k = kids(c).first { refine(&s, k, !truth) }
        case .binary:
            let ks = kids(c)
            guard ks.count == 2, let op = BinaryOp(rawValue: n.op) else { return }
            switch op {
            case .land:
                // a && b is false when a is false, or when a is true and b false.
                if truth { refine(&s, ks[0], true); refine(&s, ks[1], true) }
                else { s = refined(s, ks[0], false).joined(refined(refined(s, ks[0], true), ks[1], false)) }
            case .lor:
                if !truth { refine(&s, ks[0], false); refine(&s, ks[1], false) }
                else { s = refined(s, ks[0], true).joined(refined(refined(s, ks[0], false), ks[1], true)) }
            case .eq, .ne:
                let zeroRight = isNullLiteral(ks[1]), zeroLeft = isNullLiteral(ks[0])
                let callLeft = node(tu.strip(ks[0])).kind == .call ? tu.strip(ks[0]) : nil
                if let call = callLeft, zeroRight || isMinusOne(ks[1]) {
                    // init(...) != 0 and send(...) == -1 fail when true; == 0 and != -1 succeed.
                    let failsWhenEqual = isMinusOne(ks[1])
                    let equal = (op == .eq) == truth
                    applyCallEffect(&s, call, failed: failsWhenEqual ? equal : !equal)
                }
                if zeroRight || zeroLeft {
                    let other = tu.strip(zeroRight ? ks[0] : ks[1])
                    if node(other).kind == .varRef, !tu.isPointer(variable(node(other).ref).type) {
                        knownValue(&s, node(other).ref, zero: (op == .eq) == truth, refs: [])
                        guard s.reachable else { return }
                    }
                    setNull(&s, zeroRight ? ks[0] : ks[1], isNull: (op == .eq) == truth)
                } else if isMinusOne(ks[1]) {
                    setNull(&s, ks[0], isNull: (op == .eq) == truth)   // fd == -1
                } else if node(tu.strip(ks[0])).kind == .varRef, let other = peek(ks[1], s), !other.isEmpty {
                    // p != q: on the unequal branch p is none of q's objects; on the equal one, only them.
                    let v = node(tu.strip(ks[0])).ref
                    let others = Set(other.map(\.obj))
                    let equal = (op == .eq) == truth
                    if let refs = s.bind[v] {
                        let kept = refs.filter { equal ? others.contains($0.obj) : !others.contains($0.obj) }
                        if !kept.isEmpty || !equal {
                            s.bind[v] = kept
                            forget(&s, Set(refs.map(\.obj)).subtracting(kept.map(\.obj)))
                        }
                    }
                } else if node(tu.strip(ks[0])).kind == .varRef, isGlobalValue(ks[1]), (op == .eq) == truth {
                    // p == stdin (a global this function never stored p's objects in): on the
                    // equal branch p holds none of the objects it made and kept to itself, so
                    // `if (in != stdin) fclose(in)` leaves nothing behind on the other branch.
                    let v = node(tu.strip(ks[0])).ref
                    if let refs = s.bind[v] {
                        let kept = refs.filter { s.objects[$0.obj]?.escaped ?? true }
                        s.bind[v] = kept
                        forget(&s, Set(refs.map(\.obj)).subtracting(kept.map(\.obj)))
                    }
                }
            case .lt:
                if isNullLiteral(ks[1]) {
                    if node(tu.strip(ks[0])).kind == .call { applyCallEffect(&s, tu.strip(ks[0]), failed: truth) }
                    setNull(&s, ks[0], isNull: truth)    // fd < 0
                }
            case .ge:
                if isNullLiteral(ks[1]) {
                    if node(tu.strip(ks[0])).kind == .call { applyCallEffect(&s, tu.strip(ks[0]), failed: !truth) }
                    setNull(&s, ks[0], isNull: !truth)   // fd >= 0
                }
            case .gt:
                if isMinusOne(ks[1]) { setNull(&s, ks[0], isNull: !truth) }     // fd > -1
            case .assign:
                refine(&s, ks[0], truth)
            case .comma:
                refine(&s, ks[1], truth)
            default: return
            }
        case .varRef where !isPointerNode(c) && !tu.isPointer(variable(n.ref).type):
            // A plain flag: objects made only under the other value of the flag are not here
            // (unless the flag is assigned after it is set up: then what it was when an object
            // was made says nothing now, and the correlations of joins are what is known).
            let v = n.ref
            knownValue(&s, v, zero: !truth, refs: [])
            guard s.reachable else { return }
            var dropped = Set<Int32>()
            for (k, refs) in s.bind where !assignedVars.contains(v) {
                let kept = refs.filter { r in !(info[r.obj].map { $0.guardVar == v && $0.guardTruth != truth } ?? false) }
                if kept.count != refs.count { s.bind[k] = kept; for r in refs where !kept.contains(r) { dropped.insert(r.obj) } }
            }
            forget(&s, dropped)
            setNull(&s, c, isNull: !truth)
        case .call:
            // `if (!parse(&out))`: on failure the out-parameters were not filled.
            if !truth {
                for o in madeIfTrue[c] ?? [] where s.objects[o]?.status == .live { s.objects[o]?.status = .null }
            }
            setNull(&s, c, isNull: !truth)
        case .varRef, .member:
            setNull(&s, c, isNull: !truth)
        default:
            return
        }
    }

    /// Objects no variable can reach on this branch were never made on it: drop them.
    func forget(_ s: inout PathState, _ objs: Set<Int32>) {
        for o in objs where info[o]?.owned == true {
            if !s.bind.values.contains(where: { $0.contains { $0.obj == o } }) { s.objects[o] = nil }
        }
    }

    /// `if (flag)` / `if (!flag)` on a plain (non-pointer) variable: the variable and the truth.
    func plainVar(_ cond: Int32) -> (Int32, Bool)? {
        let c = tu.strip(cond)
        let n = node(c)
        if n.kind == .varRef, !tu.isPointer(variable(n.ref).type) { return (n.ref, true) }
        if n.kind == .unary, n.op == UnaryOp.logicalNot.rawValue, let k = kids(c).first, let (v, t) = plainVar(k) { return (v, !t) }
        return nil
    }

    /// A call whose result was tested: what success or failure meant for the object it touched.
    func applyCallEffect(_ s: inout PathState, _ call: Int32, failed: Bool) {
        guard let eff = callEffects[call] else { return }
        applyEffect(&s, eff, failed: failed)
    }

    func applyEffect(_ s: inout PathState, _ eff: CallEffect, failed: Bool) {
        guard var o = s.objects[eff.obj] else { return }
        switch eff.kind {
        case .initialised:
            if failed { o.status = .null } else { o.status.remove(.null) }
        case .movedOnSuccess:
            if failed { o.escaped = false } else { o.status = .moved }
        case .emptiedOnSuccess:
            if failed { o.escaped = false }
        }
        s.objects[eff.obj] = o
    }

    /// The objects a simple expression denotes, without evaluating it (for comparisons).
    func peek(_ e: Int32, _ s: PathState) -> [Ref]? {
        let x = tu.strip(e)
        let n = node(x)
        guard n.kind == .varRef else { return nil }
        if isArrayVar(n.ref) { return variable(n.ref).storage == .automatic ? [Ref(obj: Int32(-1_000_000) - n.ref, offset: false)] : [Ref(obj: -999_999, offset: false)] }
        return s.bind[n.ref]
    }

    /// A global variable's value (`stdin`, a cache pointer), as opposed to a local's.
    func isGlobalValue(_ e: Int32) -> Bool {
        let n = node(tu.strip(e))
        return n.kind == .varRef && n.ref >= 0 && variable(n.ref).storage == .global && !isArrayVar(n.ref)
    }

    func isNullLiteral(_ e: Int32) -> Bool {
        let s = tu.strip(e)
        let n = node(s)
        if n.kind == .intLiteral { return n.value == 0 }
        if n.kind == .cast, let k = kids(s).first { return isNullLiteral(k) }
        return false
    }

    func isMinusOne(_ e: Int32) -> Bool {
        let s = tu.strip(e)
        let n = node(s)
        if n.kind == .unary, n.op == UnaryOp.minus.rawValue, let k = kids(s).first {
            let m = node(tu.strip(k))
            return m.kind == .intLiteral && m.value == 1
        }
        return false
    }

    func setNull(_ s: inout PathState, _ e: Int32, isNull: Bool) {
        let x = tu.strip(e)
        var refs: [Ref] = []
        var tested: Int32? = nil
        let n = node(x)
        if n.kind == .varRef { tested = n.ref }
        else if n.kind == .binary, n.op == BinaryOp.assign.rawValue, let l = kids(x).first, node(tu.strip(l)).kind == .varRef {
            tested = node(tu.strip(l)).ref
        } else if n.kind == .member, n.ref >= 0, let b = kids(x).first, node(tu.strip(b)).kind == .varRef,
                  let pv = paths[PathKey(base: node(tu.strip(b)).ref, field: n.ref)] {
            tested = pv
        }
        if let tested { refs = s.bind[tested] ?? [] }
        else if n.kind == .call { refs = callResults[x] ?? [] }   // if (!malloc(n)): the result itself
        // What a join learnt about objects that are live exactly where this variable is non-null.
        // A pointer variable itself tested (not a field, not a call's result).
        if let tested, tested >= 0, tu.isPointer(variable(tested).type), n.kind != .call {
            knownValue(&s, tested, zero: isNull, refs: refs)
            guard s.reachable else { return }
        }
        // Known null on this path, tested non-null (`if (f != NULL)` inside a macro expanded in
        // the branch where `f == NULL`): the branch is not taken.
        if !isNull, !refs.isEmpty, refs.allSatisfy({ !$0.offset && s.objects[$0.obj]?.status == .null }) {
            s = .unreachable
            return
        }
        // Known non-null because every path here tested it, tested again (`BZ_SETERR` after
        // `if (bzf == NULL) return`): the null branch is not taken.
        if isNull, !refs.isEmpty, refs.allSatisfy({ !$0.offset && s.objects[$0.obj].map { $0.status == .live && $0.nullTests == 1 } ?? false }) {
            s = .unreachable
            return
        }
        for r in refs {
            guard var o = s.objects[r.obj] else { continue }
            o.nullTests = 1
            if r.offset {
                // A pointer derived from the object (a call's result borrowed from it) being null
                // says nothing about the object itself: only this variable points nowhere.
                s.objects[r.obj] = o
                continue
            }
            if isNull {
                // Tested for null: on this branch it is null (whatever its maker promised).
                guard !o.status.isSubset(of: .gone) else { continue }
                o.status = .null
                s.objects[r.obj] = o
                // A failed realloc leaves the old block with its owner.
                for (id, other) in s.objects where other.reallocInto == r.obj {
                    var revived = other
                    revived.status = .live; revived.reallocInto = -1; revived.reallocated = false; revived.releaseNode = -1
                    s.objects[id] = revived
                }
            } else {
                if o.status != .null { o.status.remove(.null) }
                s.objects[r.obj] = o
            }
            if let eff = resultEffects[r.obj] { applyEffect(&s, eff, failed: isNull) }
        }
        if isNull, let tested, refs.contains(where: \.offset) { s.bind[tested] = refs.filter { !$0.offset } }
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
        if [.mulAssign, .divAssign, .remAssign, .addAssign, .subAssign, .shlAssign, .shrAssign, .andAssign, .xorAssign, .orAssign].contains(op),
           node(tu.strip(ks[0])).kind == .varRef {
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
