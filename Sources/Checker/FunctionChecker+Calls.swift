import CModel
import Diagnostics
import Ownership

extension FunctionChecker {
    /// One argument: its pointer value, and the variable x if it is written `&x`.
    /// `&x` gives x; `&b->f` / `&b.f` gives the access path's pseudo-variable.
    mutating func argument(_ a: Int32) -> (refs: [Ref], addr: Int32?, addrField: Bool) {
        let s = tu.strip(a)
        let n = node(s)
        if n.kind == .unary, n.op == UnaryOp.addressOf.rawValue, let o = kids(s).first {
            let os = tu.strip(o)
            if node(os).kind == .varRef {
                return (ev(a), node(os).ref, false)
            }
            if node(os).kind == .member {
                let refs = ev(a)
                if node(os).ref >= 0, let b = kids(os).first, node(tu.strip(b)).kind == .varRef {
                    let pv = pathVar(node(tu.strip(b)).ref, node(os).ref)
                    if st.bind[pv] == nil { _ = pathValue(node(tu.strip(b)).ref, node(os).ref, at: a) }
                    return (refs, pv, true)
                }
                return (refs, nil, true)
            }
        }
        return (ev(a), nil, false)
    }

    mutating func call(_ e: Int32, _ n: Node) -> [Ref] {
        let ks = kids(e)
        let args = n.ref >= 0 ? ks : Array(ks.dropFirst())
        if n.ref < 0 {
            if let callee = ks.first { _ = ev(callee) }
            for a in args {
                let (refs, _, _) = argument(a)
                use(refs.filter { !isStackOrStatic($0) }, at: e, what: "passed to an indirect call", deref: false, via: a)
                escape(refs)
            }
            return []
        }
        let f = tu.functions[Int(n.ref)]
        let key = ownership.index.functionKey(tu: tuIndex, function: n.ref)
        if knowledge.noreturn.contains(key), library.functions[f.name] == nil {
            for a in args { _ = ev(a) }
            st = .unreachable   // exit(), abort() or a function that always ends in one
            return []
        }
        if let effects = ownership.effects[key] {
            return programCall(e, f, effects, args)
        }
        if let m = library.functions[f.name] {
            return modelled(e, f, m, args)
        }
        // Unknown code: it may keep anything it is given.
        var all: [(refs: [Ref], addr: Int32?, mutable: Bool)] = []
        for (k, a) in args.enumerated() {
            let (refs, addr, _) = argument(a)
            let constParam = k < f.paramTypes.count && f.paramTypes[k] >= 0 && tu.types[Int(f.paramTypes[k])].pointeeConst
            if f.attributes.takes.contains(Int32(k)) {
                release(refs, at: e, resource: "heap", by: f.name, kind: .release, arg: a)
            } else if f.attributes.holds.contains(Int32(k)) {
                use(refs, at: e, what: "passed to '\(f.name)'", deref: false, via: a)
                escape(refs)
            } else {
                use(refs.filter { !isStackOrStatic($0) }, at: e, what: "passed to '\(f.name)'", deref: false, via: a)
                if !constParam { escape(refs) }
            }
            all.append((refs, addr, !constParam))
            let t = tu.strip(a)
            if !constParam, node(t).kind == .varRef { havocPaths(of: node(t).ref, at: e) }
        }
        if f.attributes.returnsOwned { return [newObject(at: e, resource: "heap", nullable: true, maker: f.name)] }
        return []
    }

    mutating func programCall(_ e: Int32, _ f: Function, _ effects: CalleeEffects, _ args: [Int32]) -> [Ref] {
        let n = node(e)
        let key = ownership.index.functionKey(tu: tuIndex, function: n.ref)
        var lent: [(refs: [Ref], mutable: Bool, arg: Int32)] = []
        // A block reallocated through one out-parameter (`grow(&start, &end)`), and the other
        // out-parameters the callee writes: those that pointed into the old block now point
        // into the new one (yaml_string_extend(&s.start, &s.pointer, &s.end)).
        var reallocated: (old: Set<Int32>, new: Int32)? = nil
        var written: [(addr: Int32, held: [Ref])] = []
        defer {
            if let r = reallocated {
                for w in written where !w.held.isEmpty && w.held.allSatisfy({ r.old.contains($0.obj) }) {
                    st.bind[w.addr] = [Ref(obj: r.new, offset: true)]
                }
            }
        }
        for (k, a) in args.enumerated() {
            let (refs, addr, addrField) = argument(a)
            guard k < effects.params.count else {
                // A variadic argument: the callee may keep it (`zsock_send(pipe, "p", list)`).
                use(refs.filter { !isStackOrStatic($0) }, at: e, what: "passed to '\(f.name)'", deref: false, via: a)
                escape(refs)
                continue
            }
            let p = effects.params[k]
            if let addr, p.pointeeReleased || p.pointeeOwned {
                // thing_destroy(&thing): the callee releases *(&thing) and nulls it.
                let held = st.bind[addr] ?? []
                if p.pointeeReleased {
                    use(held, at: e, what: "passed to '\(f.name)'", deref: false, via: a)
                    release(held, at: e, resource: nil, by: f.name, kind: .release, arg: nil)
                    st.bind[addr] = []
                }
                if p.pointeeOwned {
                    // One object per out-parameter (`&handle`, `&prefix`), made at its argument;
                    // the result's own when the callee returns it too (`return *toFree`).
                    let made = newObject(at: effects.returnsPointeeOf == k ? e : a, resource: effects.returnResource ?? "heap", nullable: false, maker: f.name)
                    st.bind[addr] = [made]
                    // Stored into a field (`create_pipe(&self->pipe)`): the struct owns it now.
                    if addrField || addr < 0 { escape([made]) }
                    if p.pointeeReleased { reallocated = (Set(held.map(\.obj)), made.obj) }
                    else { madeThrough[e, default: (zeroIsSuccess: knowledge.returnsNegative.contains(key), objects: [])].objects.append(made.obj) }
                }
                continue
            }
            if let addr, p.mutable { written.append((addr, st.bind[addr] ?? [])) }
            if addrField, !p.takesOwnership { continue }
            if p.takesOwnership && !p.shared && knowledge.releases[key]?[k] == true {
                // Released on every path, like free(): a second release is a double free.
                release(refs, at: e, resource: nil, by: f.name, kind: .release, arg: a)
            } else if p.takesOwnership && !p.shared {
                // Stored where it lives on, or released on some paths only: the caller's pointer
                // may still be good, and someone else may release it now.
                use(refs.filter { !isStackOrStatic($0) }, at: e, what: "passed to '\(f.name)'", deref: false, via: a)
                escape(refs)
            } else {
                use(refs.filter { !isStackOrStatic($0) }, at: e, what: "passed to '\(f.name)'", deref: false, via: a)
                // Kept by the callee (a list's item, a hash's value): someone else holds it now.
                if p.shared || p.stored { escape(refs) }
            }
            if !isVoidPointerParam(f, k) { lent.append((refs, p.mutable, a)) }
            let t = tu.strip(a)
            if node(t).kind == .varRef {
                let base = node(t).ref
                // The callee reallocates a buffer held in a field of this argument (a vector push):
                // pointers into the old buffer dangle afterwards.
                for fk in knowledge.fieldsReallocated[key]?[k] ?? [] {
                    guard let local = localField(fk, of: base) else { continue }
                    let held = pathValue(base, local, at: e)
                    for h in held {
                        st.objects[h.obj]?.status = .released
                        st.objects[h.obj]?.reallocated = true
                        st.objects[h.obj]?.releaseNode = e
                    }
                    // The field now holds the new buffer.
                    st.bind[pathVar(base, local)] = [freshUnknown(for: base, local, at: e)]
                }
                if p.mutable || p.takesOwnership { havocPaths(of: base, at: e) }
            }
        }
        checkAliasing(e, f.name, lent)
        if effects.returnsOwned {
            return [newObject(at: e, resource: effects.returnResource ?? "heap", nullable: false, maker: f.name)]
        }
        return []
    }

    mutating func modelled(_ e: Int32, _ f: Function, _ m: LibraryModel.FunctionModel, _ args: [Int32]) -> [Ref] {
        let params = m.params ?? []
        var argRefs: [[Ref]] = []
        var lent: [(refs: [Ref], mutable: Bool, arg: Int32)] = []
        var reallocated: [Int32] = []
        var movedOnSuccess: [Int32] = []
        var emptiedOnSuccess = false
        for (k, a) in args.enumerated() {
            let (refs, addr, _) = argument(a)
            argRefs.append(refs)
            let role: LibraryModel.Role
            var resource: String? = nil
            var nullable = false
            var indirect = false, empty = false
            if k < params.count {
                role = params[k].role; resource = params[k].resource; nullable = params[k].nullable ?? false
                indirect = params[k].indirect ?? false; empty = params[k].empty ?? false
            } else {
                role = m.variadic ?? .borrow
            }
            let pointer = isPointerNode(a)
            switch role {
            case .release:
                let r = resource ?? "heap"
                if let addr, library.isValueResource(r) || indirect {
                    release(st.bind[addr] ?? [], at: e, resource: r, by: f.name, kind: .release, arg: nil)
                } else if pointer {
                    release(refs, at: e, resource: r, by: f.name, kind: .release, arg: a)
                } else {
                    let t = tu.strip(a)
                    if node(t).kind == .varRef { release(st.bind[node(t).ref] ?? [], at: e, resource: r, by: f.name, kind: .release, arg: a) }
                }
            case .realloc:
                release(refs.filter { !$0.offset || true }, at: e, resource: resource, by: f.name, kind: .realloc, arg: a)
                reallocated += refs.map(\.obj)
                if case .varRef = node(tu.strip(a)).kind { lastReleasedVar = node(tu.strip(a)).ref }
            case .initialise:
                if let addr {
                    let made = newObject(at: e, resource: resource ?? "resource", nullable: false, maker: f.name)
                    st.bind[addr] = [made]
                    callEffects[e] = CallEffect(kind: .initialised, obj: made.obj)
                    // Initialised empty (`zmq_msg_init`): nothing to release yet.
                    if empty { escape([made]) }
                    // Initialised inside another object (&p->mutex): that object owns it now.
                    if addr < 0 { escape([made]) }
                    // Initialised in static storage (a global mutex): it outlives the function.
                    if addr >= 0, [.global, .staticLocal].contains(variable(addr).storage) { escape([made]) }
                }
            case .move:
                use(refs.filter { !isStackOrStatic($0) }, at: e, what: "passed to '\(f.name)'", deref: false, via: a)
                if let addr, library.isValueResource(resource ?? "") { release(st.bind[addr] ?? [], at: e, resource: nil, by: f.name, kind: .move, arg: nil) }
                else { release(refs, at: e, resource: nil, by: f.name, kind: .move, arg: a) }
            case .moveOnSuccess:
                let taken = addr.map { st.bind[$0] ?? [] } ?? (pointer ? refs : valueRefs(a))
                escape(taken)
                for t in taken { movedOnSuccess.append(t.obj) }
                if empty { emptiedOnSuccess = true }
            case .out:
                if let addr {
                    let made = newObject(at: e, resource: resource ?? "heap", nullable: false, maker: f.name)
                    st.bind[addr] = [made]
                    if addr < 0 { escape([made]) }
                }
            case .keep, .acquire, .releaseShared, .raw:
                use(refs.filter { !isStackOrStatic($0) }, at: e, what: "passed to '\(f.name)'", deref: false, via: a)
                escape(refs)
            case .borrow, .borrowMut:
                if pointer {
                    use(refs.filter { !isStackOrStatic($0) }, at: e, what: "passed to '\(f.name)'", deref: !nullable, via: a)
                } else if let r = resource, library.isValueResource(r) == false {
                    let t = tu.strip(a)
                    if node(t).kind == .varRef { use(st.bind[node(t).ref] ?? [], at: e, what: "passed to '\(f.name)'", deref: false, via: a) }
                }
                if let addr, let r = resource, library.isValueResource(r) { use(st.bind[addr] ?? [], at: e, what: "passed to '\(f.name)'", deref: false, via: nil) }
                lent.append((refs, role == .borrowMut, a))   // the model says what the callee does
            case .value:
                break
            }
        }
        if f.name != "memmove" && f.name != "bcopy" { checkAliasing(e, f.name, lent, library: true) }
        for (k, a) in args.enumerated() where k >= params.count || ![.borrow, .value].contains(params[k].role) {
            let t = tu.strip(a)
            if node(t).kind == .varRef { havocPaths(of: node(t).ref, at: e) }
        }
        if m.noreturn == true { st = .unreachable; return [] }
        guard let r = m.returns else {
            if let moved = movedOnSuccess.first { callEffects[e] = CallEffect(kind: emptiedOnSuccess ? .emptiedOnSuccess : .movedOnSuccess, obj: moved) }
            return []
        }
        switch r.class {
        case .owned:
            var depends: Int32? = nil
            if let d = r.depends, d < argRefs.count, let first = argRefs[d].first { depends = first.obj }
            let made = newObject(at: e, resource: r.resource ?? "heap", nullable: r.nullable ?? false, maker: f.name, dependsOn: depends)
            for old in reallocated { st.objects[old]?.reallocInto = made.obj }
            if let moved = movedOnSuccess.first { resultEffects[made.obj] = CallEffect(kind: emptiedOnSuccess ? .emptiedOnSuccess : .movedOnSuccess, obj: moved) }
            return [made]
        case .borrowed:
            if let k = r.from, k < argRefs.count { return argRefs[k].map { Ref(obj: $0.obj, offset: true) } }
            return []
        case .shared, .none, .raw:
            if let moved = movedOnSuccess.first { callEffects[e] = CallEffect(kind: emptiedOnSuccess ? .emptiedOnSuccess : .movedOnSuccess, obj: moved) }
            return []
        }
    }

    /// What a non-pointer argument names (an fd variable).
    func valueRefs(_ a: Int32) -> [Ref] {
        let t = tu.strip(a)
        return node(t).kind == .varRef ? (st.bind[node(t).ref] ?? []) : []
    }

    /// `p + 3`, `&p[3]`: an argument that points a constant distance into its object.
    func constantShift(_ a: Int32) -> Bool {
        var x = tu.strip(a)
        if node(x).kind == .cast, let k = kids(x).first { x = tu.strip(k) }
        let n = node(x)
        let operands: [Int32]
        if n.kind == .binary, n.op == BinaryOp.add.rawValue || n.op == BinaryOp.sub.rawValue { operands = kids(x) }
        else if n.kind == .unary, n.op == UnaryOp.addressOf.rawValue, let k = kids(x).first, node(tu.strip(k)).kind == .subscript_ {
            operands = kids(tu.strip(k))
        } else { return false }
        return operands.contains { node(tu.strip($0)).kind == .intLiteral }
    }

    /// A pointer to numbers (`UChar *block`), not to a record: the callee can only index it, so
    /// a second pointer into it at a variable distance (`quadrant = &block[nblock + 34]`) may
    /// address a part the callee does not reach through the first (Rust: `split_at_mut`).
    func pointsToNumbers(_ a: Int32) -> Bool {
        let t = node(a).type
        guard t >= 0, tu.types[Int(t)].shape == .pointer, tu.types[Int(t)].pointee >= 0 else { return false }
        return [.integer, .floating, .boolean].contains(tu.types[Int(tu.types[Int(t)].pointee)].shape)
    }

    /// A `void *` parameter erases the type: what the callee does with it is not a Rust borrow.
    func isVoidPointerParam(_ f: Function, _ k: Int) -> Bool {
        guard k < f.paramTypes.count, f.paramTypes[k] >= 0 else { return true }
        let t = tu.types[Int(f.paramTypes[k])]
        return t.shape == .pointer && t.pointee >= 0 && tu.types[Int(t.pointee)].shape == .void
    }

    /// The same object lent to two parameters of one call, one of which writes through it.
    /// Two pointers both into the middle of one buffer may address disjoint parts (Rust's
    /// `split_at_mut`), so only pairs where one side is the object itself count.
    ///
    /// A buffer and a pointer into it at a variable distance usually name disjoint parts too:
    /// a library copy (`memcpy(buf, buf + k, n)`, Rust's `copy_within`), or a buffer of numbers
    /// carved in two (`mainSort(block, quadrant)`). A shift by a constant within a buffer of
    /// unknown length overlaps and is reported, as is a record with a pointer into it
    /// (`build_tree(s, &s->bl_desc)`: the callee reaches the field through `s` too).
    mutating func checkAliasing(_ e: Int32, _ callee: String, _ lent: [(refs: [Ref], mutable: Bool, arg: Int32)], library: Bool = false) {
        guard lent.count >= 2 else { return }
        for i in 0..<lent.count {
            for j in (i + 1)..<lent.count where lent[i].mutable || lent[j].mutable {
                var hit: Int32? = nil
                for a in lent[i].refs {
                    for b in lent[j].refs where a.obj == b.obj && !(a.offset && b.offset) {
                        if a.offset != b.offset, !constantShift(a.offset ? lent[i].arg : lent[j].arg),
                           library || pointsToNumbers(a.offset ? lent[j].arg : lent[i].arg) { continue }
                        if let o = info[a.obj], case .staticData = o.origin { continue }
                        if hit == nil || a.obj < hit! { hit = a.obj }
                    }
                }
                if let id = hit {
                    let certainty: Certainty = lent[i].refs.count > 1 || lent[j].refs.count > 1 ? .possible : .definite
                    report(.mutableAlias, at: e, certainty: certainty,
                           message: "\(describe(id)) is lent to '\(callee)' twice, as arguments \(i + 1) and \(j + 1), and " + (lent[i].mutable && lent[j].mutable ? "both are written through" : "argument \(lent[i].mutable ? i + 1 : j + 1) is written through"),
                           notes: [], rust: lent[i].mutable && lent[j].mutable ? "E0499" : "E0502")
                    return
                }
            }
        }
    }
}
