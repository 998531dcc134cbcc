import CSyntax
import RustSyntax

/// Struct members that own a buffer (`struct vec { int *data; size_t len, cap; }` grown with
/// `v->data = realloc(v->data, ...)`) as `Vec`s: which records may hold one, and how the
/// members are written. LocalVectors decides which members qualify.
extension FaithfulTranslator {
    /// The records whose pointer members may be vectors: a `Vec` member makes the record own
    /// the buffer, so the record must never be duplicated, and it is larger than C's, so its
    /// layout must go unobserved. A record qualifies when it is not a union, not packed, not
    /// the C library's, its layout is not observed (`observedLayouts`: never converted, never
    /// reached by the C library, so never from `malloc` either) or it lives on a heap of handles
    /// (FaithfulHeap, whose rules say as much of its handles), it sits in no array and in no
    /// other record, no function takes or returns it by value, and no value of it is read as a whole anywhere (`a = b`, `T x = y`,
    /// `*p` as a value, an argument, a `return`): only its members are read and written.
    static func vectorRecords(_ program: Program, observed: Set<Int>, heap: Set<Int>, packed: Set<Int>) -> Set<Int> {
        var candidates = Set(program.records.indices.filter {
            let rec = program.records[$0]
            return !rec.isUnion && !rec.isSystem && rec.fields != nil && (!observed.contains($0) || heap.contains($0)) && !packed.contains($0)
        })
        guard !candidates.isEmpty else { return [] }
        // Held in place by an array or another record.
        func heldIn(_ t: CTy, top: Bool) {
            switch t {
            case .array(let e, _): heldIn(e, top: false)
            case .record(let r):
                if !top { candidates.remove(r) }
                for f in program.records[r].fields ?? [] where f.type != t { heldIn(f.type, top: false) }
            default: return
            }
        }
        for rec in program.records { for f in rec.fields ?? [] { heldIn(f.type, top: false) } }
        for v in program.variables { heldIn(v.type, top: true) }
        for f in program.functions {
            for t in f.type.params + [f.type.result] { if case .record(let r) = t { candidates.remove(r) } }
        }
        // Whole values.
        func visit(_ e: CExpr, place: Bool) {
            if !place, case .record(let r) = e.type {
                if case .initList = e.kind {} else { candidates.remove(r) }
            }
            switch e.kind {
            case .member(let b, _, _, let arrow): visit(b, place: !arrow)
            case .unary(.addressOf, let x): visit(x, place: true)
            case .unary(let op, let x) where [.preInc, .preDec, .postInc, .postDec].contains(op): visit(x, place: true)
            case .assign(let l, let r), .compoundAssign(_, let l, let r): visit(l, place: true); visit(r, place: false)
            default: e.forEachChild { visit($0, place: false) }
            }
        }
        for f in program.functions where f.body != nil { f.body!.forEachExpression { visit($0, place: false) } }
        for v in program.variables { if let e = v.initializer { visit(e, place: false) }; if let n = v.vlaSize { visit(n, place: false) } }
        return candidates
    }

    /// Whether member `k` of record `r` is a vector.
    func isFieldVector(_ r: Int, _ k: Int) -> Bool {
        localVectors.fieldElements[FieldKey(record: r, field: k)] != nil
    }

    /// Whether any member of record `r` is a vector (then the record is no `Copy` value).
    func holdsFieldVector(_ r: Int) -> Bool {
        (program.records[r].fields ?? []).indices.contains { isFieldVector(r, $0) }
    }

    /// The member vector `e` names (under casts).
    func fieldVector(_ e: CExpr) -> (member: CExpr, element: CTy)? {
        guard !localVectors.fieldElements.isEmpty, let key = localVectors.field(e), let element = localVectors.fieldElements[key] else { return nil }
        return (e.withoutCasts, element)
    }

    /// The member vector itself, as a Rust place (`(*v).data`).
    func fieldVectorPlace(_ member: CExpr) -> RExpr {
        guard case .member(let base, let r, let k, let arrow) = member.kind else { return .unitValue }
        return .field(recordPlace(base, arrow), fieldName(r, k))
    }

    /// The member vector, borrowed explicitly when its record is reached through a raw pointer
    /// (`(&mut (*p).data)`): Rust refuses to borrow it implicitly there.
    private func fieldVectorOperand(_ member: CExpr) -> RExpr {
        let place = fieldVectorPlace(member)
        guard case .member(let base, _, _, true) = member.kind, lifted(base) == nil else { return place }
        if case .variable(let id) = base.withoutCasts.kind, localVectors.isVector(id) || localCursors.isCursor(id) || heapRecord(base.type) != nil { return place }
        return .unary(readOnly(member) ? .ref : .refMut, place)
    }

    /// The member is reached through a pointer to const (a `&T` parameter, a `const T *`).
    private func readOnly(_ member: CExpr) -> Bool {
        if case .member(let base, _, _, true) = member.kind, case .pointer(_, true) = base.type { return true }
        return false
    }

    /// Where a member vector is read and changed: in place (`operand`, borrowed as
    /// `fieldVectorOperand` says), or inside a heap object's closure (`o.data`), whose handle
    /// and indexes the `pins` compute first.
    private struct VectorSite {
        var pins: [RStmt] = []
        var place: RExpr
        var operand: RExpr
        var handle: RExpr?

        /// `change` to the member, as one expression (`p.set(|o| ..)` in a heap object).
        func change(_ change: RExpr) -> RExpr {
            guard let handle else { return change }
            return .method(handle, "set", [.lambda([FaithfulTranslator.heapObject], change)])
        }

        /// `read` of the member (`p.get(|o| ..)` in a heap object).
        func read(_ read: RExpr) -> RExpr {
            guard let handle else { return read }
            return .method(handle, "get", [.lambda([FaithfulTranslator.heapObject], read)])
        }

        /// `e` after the pins.
        func pinned(_ e: RExpr) -> RExpr { pins.isEmpty ? e : .block(RBlock(pins, tail: e)) }
    }

    private func vectorSite(_ m: CExpr) -> VectorSite {
        if closuresInUse, let (pins, handle, path) = heapAccess(m) { return VectorSite(pins: pins, place: path, operand: path, handle: handle) }
        return VectorSite(place: fieldVectorPlace(m), operand: fieldVectorOperand(m))
    }

    /// `v->data = malloc(..)` (a fresh vector of zeroed elements), `realloc` of the same member
    /// (resized), NULL (empty), a witness handed back (nothing: the member was resized); a
    /// witness given `realloc` of its member (the member resized).
    func fieldVectorAssignment(_ target: CExpr, _ value: CExpr) -> [RStmt]? {
        if case .variable(let id) = target.withoutCasts.kind, localVectors.witnesses[id] != nil { return witnessStatements(id, value, declare: false) }
        guard let (m, element) = fieldVector(target) else { return nil }
        if localVectors.witness(value) != nil { return [] }
        var site = vectorSite(m)
        if value.isNullPointerConstant { return site.pins + [.expr(site.change(.assign(site.place, .call(.path("Vec::new"), []))))] }
        guard let (count, keeps) = localVectors.allocation(value, into: m) else { return nil }
        var n = vectorCount(count)
        if site.handle != nil, count.operand != nil {
            // In a heap object: the count first, then the change inside the object's closure.
            let t = temporary("n")
            site.pins.append(.letBinding(name: t, mutable: false, type: .named("usize"), value: n))
            n = .path(t)
        }
        let change: RExpr = keeps ? .method(site.operand, "resize", [n, zero(element)]) : .assign(site.place, .vecRepeat(zero(element), n))
        return site.pins + [.expr(site.change(change))]
    }

    /// `free(v->data)`: the buffer dropped, the member an empty vector.
    func fieldVectorFree(_ member: CExpr) -> RExpr {
        let site = vectorSite(member)
        return site.pinned(site.change(.assign(site.place, .call(.path("Vec::new"), []))))
    }

    /// A witness's declaration (`declare`) or its place where C declares it: the member
    /// resized, and the witness a `bool` that says whether C's `realloc` returned NULL, which
    /// glibc does for a size of 0 when the buffer was not NULL (it frees it). An empty vector is
    /// taken for NULL: where C's buffer came from `malloc(0)` the two part.
    func witnessDeclaration(_ id: Int, declare: Bool = true) -> [RStmt]? {
        guard let e = program.variables[id].initializer else { return nil }
        return witnessStatements(id, e, declare: declare)
    }

    private func witnessStatements(_ id: Int, _ value: CExpr, declare: Bool) -> [RStmt]? {
        guard let m = localVectors.witnesses[id], let (count, keeps) = localVectors.allocation(value, into: m), keeps else { return nil }
        let element: CTy, site: VectorSite
        if let v = vectorName(m), let e = localVectors.elements[v] {
            element = e
            site = VectorSite(place: .path(localName(v)), operand: .path(localName(v)))   // a local vector's witness
        } else if let (_, e) = fieldVector(m) {
            element = e
            site = vectorSite(m)
        } else { return nil }
        let n = temporary("n")
        let null = RExpr.binary(.and, .binary(.eq, .path(n), .literal("0usize")), .unary(.not, site.read(.method(site.operand, "is_empty", []))))
        return [.letBinding(name: n, mutable: false, type: .named("usize"), value: vectorCount(count))] + site.pins + [
            declare ? .letBinding(name: localName(id), mutable: true, type: .named("bool"), value: null) : .expr(.assign(.path(localName(id)), null)),
            .expr(site.change(.method(site.operand, "resize", [.path(n), zero(element)]))),
        ]
    }

    /// A witness's value as C's pointer: NULL where `realloc` returned it, else the buffer (a
    /// local vector's even where C's pointer to it was NULL: `realloc(NULL, n)` allocates).
    func witnessPointer(_ id: Int) -> RExpr {
        guard let m = localVectors.witnesses[id] else { return .unitValue }
        let buffer = vectorName(m).map(vectorBuffer)
        return .ifElse(.path(localName(id)), RBlock(tail: .turbofish("::core::ptr::null_mut", [rtype(m.type.pointee ?? .void)], [])),
                       .block(RBlock(tail: buffer ?? fieldVectorPointer(m))))
    }

    /// The member vector's element `index` (nil: element 0).
    func fieldVectorElement(_ member: CExpr, _ index: CExpr?) -> RExpr {
        .index(fieldVectorOperand(member), index.map { elementIndex($0) } ?? .literal("0usize"))
    }

    /// The raw pointer C's code holds, for a library call: the vector's buffer (read out of a
    /// heap object, whose closure may return the address; read only behind a pointer to const).
    func fieldVectorPointer(_ member: CExpr) -> RExpr {
        let site = vectorSite(member)
        let buffer = site.read(.method(site.operand, site.handle != nil || readOnly(member) ? "as_ptr" : "as_mut_ptr", []))
        return site.pinned(.cast(buffer, rtype(member.type)))
    }
}
