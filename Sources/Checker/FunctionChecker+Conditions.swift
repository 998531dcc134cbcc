import CModel

/// The conditions of branches and loops: the states where a condition is true and where it is
/// false (null tests, error codes of calls, flags), and what the walk knows about variables'
/// values (zero, non-zero) and the correlations joins learnt between them and objects.
extension FunctionChecker {
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
            // `if (!parse(&out))`, `if (load(&cfg)) return -1;`: on the branch of the callee's
            // failure the out-parameters may not have been filled, so nothing of them is owed
            // there (not taken as null: which result is the failure is only a convention).
            if let made = madeThrough[c], truth == made.zeroIsSuccess {
                for o in made.objects where s.objects[o] != nil { s.objects[o]?.escaped = true }
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

    // MARK: known values

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
        var i = function.bodyStart
        while i < function.bodyEnd {
            let n = node(i)
            let assigns = n.kind == .binary && (n.op == BinaryOp.assign.rawValue || BinaryOp(rawValue: n.op).map(Self.compoundAssignments.contains) == true)
            if i + 1 < n.end, (n.kind == .unary && (n.op == UnaryOp.addressOf.rawValue || Self.stepOperators.contains(n.op))) || assigns {
                let operand = tu.strip(i + 1)
                if node(operand).kind == .varRef {
                    if n.kind == .unary && n.op == UnaryOp.addressOf.rawValue { taken.insert(node(operand).ref) } else { assigned.insert(node(operand).ref) }
                }
            }
            i += 1
        }
        return (taken, assigned)
    }

    /// `x op= y`.
    static let compoundAssignments: Set<BinaryOp> = [.mulAssign, .divAssign, .remAssign, .addAssign, .subAssign,
                                                      .shlAssign, .shrAssign, .andAssign, .xorAssign, .orAssign]
    /// `++` and `--`, either side.
    static let stepOperators: Set<UInt8> = Set([UnaryOp.postInc, .postDec, .preInc, .preDec].map(\.rawValue))

    /// On a branch where variable `v` is zero (a null pointer, a false flag) or not: a branch
    /// that contradicts what is known is not taken; what the variable is now is remembered; and
    /// objects that a join found to exist exactly where `v` is non-zero are kept or dropped.
    func knownValue(_ s: inout PathState, _ v: Int32, zero: Bool, refs: [Ref]) {
        if !zero, s.nullVars.contains(v) { s = .unreachable; return }
        if zero, s.nonZeroVars.contains(v) { s = .unreachable; return }
        let applicable = s.correlations.filter { c in
            c.v == v && c.holds(in: s) && s.objects[c.obj].map { !$0.status.isDisjoint(with: [.live, .null]) } ?? false
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
}
