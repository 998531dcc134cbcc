import CModel

/// Inherited mutability: in Rust what a field or an element points to is owned or borrowed
/// through its holder, so a write through such a pointer needs every holder up the chain `&mut`.
/// Before the walk, `findLoads` records which locals were loaded from a holder or a call; a
/// write then walks up from the pointer written through, stopping at puns (raw pointers).
extension ConstraintExtractor {
    /// `p->items[i] = x`, `o->in->col = 1`, `i = o->in; i->col = 1`: in Rust what a field points
    /// to is owned or borrowed through the field's holder, so writing through the pointer `base`
    /// needs every holder up the chain mutable too (inherited mutability). A local loaded from a
    /// holder (`loadedFrom`) continues the chain at that holder.
    /// `ev` is what the holders get: `.inheritedWrite`, or `.passHeld` when the pointer is lent to
    /// a program function whose summary says whether it writes.
    mutating func writeThroughField(_ base: Int32, _ at: Int32, as ev: Ev = .inheritedWrite) {
        var seen: Set<Int32> = []
        writeHolders(of: base, at, ev, &seen, depth: 0)
    }

    private mutating func writeHolders(of pointer: Int32, _ at: Int32, _ ev: Ev, _ seen: inout Set<Int32>, depth: Int) {
        guard depth < 12 else { return }
        let p = pointerOperand(pointer)
        var lvalues: [Int32] = []
        if node(p).kind == .varRef {
            guard seen.insert(node(p).ref).inserted else { return }
            lvalues = loadedFrom[node(p).ref] ?? []
            if case .inheritedWrite = ev { for call in loadedCalls[node(p).ref] ?? [] { writesThroughResult(call, at) } }
        } else if node(p).kind == .call {
            if case .inheritedWrite = ev { writesThroughResult(p, at) }
        } else if let l = addressed(p) {
            // `&s->arr[k]`: writing through it writes the lvalue itself, inside its holder.
            lvalues = [l]
        } else {
            lvalues = [p]
        }
        for l in lvalues {
            guard let h = holderPointer(l), isPure(h) else { continue }
            event(ev, eval(h), at)
            writeHolders(of: h, at, ev, &seen, depth: depth + 1)
        }
    }

    /// The pointer itself in `(T *)p`, `p + k`, `k + p`. A pun (`(union GCUnion *)gc`) is a
    /// pointer of its own: what is written through it is no holder's business (it is raw).
    func pointerOperand(_ e: Int32) -> Int32 {
        let e = tu.strip(e)
        let n = node(e)
        if n.kind == .cast, let x = kids(e).first, isPointerNode(x), !isPun(e, x) { return pointerOperand(x) }
        if n.kind == .binary, n.op == BinaryOp.add.rawValue || n.op == BinaryOp.sub.rawValue {
            for k in kids(e) where isPointerNode(k) { return pointerOperand(k) }
        }
        return e
    }

    /// The pointer whose pointee holds the lvalue `e`: `p` for `p->f`, `*p`, `p[i]`, and for
    /// `p->s.f` or `p->arr[i]`; nil for a local value.
    func holderPointer(_ e: Int32) -> Int32? {
        let e = tu.strip(e)
        let n = node(e)
        guard let x = kids(e).first else { return nil }
        switch n.kind {
        case .member: return n.flags.contains(.arrow) ? x : holderPointer(x)
        case .subscript_: return isPointerNode(x) ? x : holderPointer(x)
        case .unary where n.op == UnaryOp.deref.rawValue: return x
        default: return nil
        }
    }

    /// An expression that evaluating again changes nothing: variables, fields, elements, derefs.
    func isPure(_ e: Int32) -> Bool {
        let e = tu.strip(e)
        let n = node(e)
        switch n.kind {
        case .varRef, .intLiteral, .enumConstRef, .charLiteral: return true
        case .member, .subscript_, .cast, .implicit: return kids(e).allSatisfy(isPure)
        case .unary where n.op == UnaryOp.deref.rawValue: return kids(e).allSatisfy(isPure)
        case .binary where n.op == BinaryOp.add.rawValue || n.op == BinaryOp.sub.rawValue: return kids(e).allSatisfy(isPure)
        default: return false
        }
    }

    /// Before the walk: the pointer locals loaded from a holder (`i = o->in`, `n = l->items[k]`,
    /// `n = n->next`), with the lvalues they were read from.
    mutating func findLoads(_ s: Int32) {
        let n = node(s)
        if n.kind == .varDecl, n.ref >= 0, isPointerVar(n.ref), let k = kids(s).first { noteLoad(n.ref, k) }
        if n.kind == .binary, n.op == BinaryOp.assign.rawValue {
            let ks = kids(s)
            if ks.count == 2, node(tu.strip(ks[0])).kind == .varRef, isPointerVar(node(tu.strip(ks[0])).ref) {
                noteLoad(node(tu.strip(ks[0])).ref, ks[1])
            }
        }
        for k in kids(s) { findLoads(k) }
    }

    private mutating func noteLoad(_ v: Int32, _ value: Int32) {
        var e = pointerOperand(value)
        // `n = a = b->next`: the innermost value.
        while node(e).kind == .binary, node(e).op == BinaryOp.assign.rawValue, let r = kids(e).last { e = pointerOperand(r) }
        if node(e).kind == .call, node(e).ref >= 0 { loadedCalls[v, default: []].append(e); return }
        // `s = &f->states[k]`: the local points at that lvalue, so writes through it write there.
        if let l = addressed(e) { e = l }
        if holderPointer(e) != nil { loadedFrom[v, default: []].append(e) }
    }

    /// Writing through what a program function returned: if that result borrows from one of its
    /// arguments (solved with the callee's summary), the argument is written.
    mutating func writesThroughResult(_ call: Int32, _ at: Int32) {
        let n = node(call)
        guard n.kind == .call, n.ref >= 0 else { return }
        let key = functionKey(n.ref)
        guard key >= 0, isDefined(key), let args = c.callArgs[call] else { return }
        for (k, srcs) in args.enumerated() { event(.writesResult(key, k), srcs, at) }
    }

    /// `x` of `&x`.
    func addressed(_ e: Int32) -> Int32? {
        let e = tu.strip(e)
        guard node(e).kind == .unary, node(e).op == UnaryOp.addressOf.rawValue else { return nil }
        return kids(e).first.map { tu.strip($0) }
    }

    /// A cast between pointers to unrelated types, numbers apart (the casts `cast` makes raw).
    func isPun(_ e: Int32, _ operand: Int32) -> Bool {
        guard let to = tu.type(of: e), let from = tu.type(of: tu.strip(operand)) else { return false }
        if case .pun = pointerCast(from: from, to: to) { return true }
        return false
    }
}
