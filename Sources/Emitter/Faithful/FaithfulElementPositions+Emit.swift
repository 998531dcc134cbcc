import CSyntax
import RustSyntax

/// Writing positions: the type, a value given or returned, a test, the element as a place.
extension FaithfulTranslator {
    static let positionType = RType.generic("Option", [.named("usize")])

    /// The position local `e` names, or the call of a position function it is.
    func isPosition(_ e: CExpr) -> Bool { elementPositions.isPosition(e) }

    /// A value a position is given or returned: `None` for NULL, a position function's result
    /// as it is, `Some(k)` for `&A[k]`.
    func positionValue(_ e: CExpr) -> RExpr {
        if e.isNullPointerConstant { return .path("None") }
        if case .conditional(let c, let x, let y) = e.withoutQualifierCasts.kind, e.type.isPointer {
            return .ifElse(condition(c), RBlock(tail: positionValue(x)), .block(RBlock(tail: positionValue(y))))
        }
        if let k = ElementPositions.position(e, program)?.index { return .call(.path("Some"), [.cast(rvalue(k), .named("usize"))]) }
        return positionOption(e)
    }

    /// `*p` (`p->x`'s record) of a position: the array's element at it, unwrapped (NULL panics
    /// where C's access faults).
    func positionPlace(_ p: CExpr) -> RExpr? {
        let array: ElementPositions.Array
        let position: RExpr
        if let id = elementPositions.local(p), let a = elementPositions.locals[id] {
            array = a
            position = .path(localName(id))
        } else if elementPositions.function(called: p) != nil, let a = elementPositions.array(ofCall: p, program, lifted: liftedParameters) {
            array = a
            position = positionOption(p)
        } else {
            return nil
        }
        var element = RExpr.index(positionArray(array), .method(position, "unwrap", []))
        // `*v` of text (`char *`): the first `char` of the element's array.
        if !array.tail.isEmpty, !{ if case .record = p.type.pointee { return true }; return false }() {
            for m in array.tail { element = .field(element, fieldName(m.record, m.field)) }
            element = .index(element, .literal("0usize"))
        }
        return element
    }

    /// A text local's value as C sees it: the first `char` of its array, or NULL.
    func positionPointer(_ id: Int) -> RExpr? {
        guard let array = elementPositions.locals[id], !array.tail.isEmpty else { return nil }
        var element = RExpr.index(positionArray(array), .path("__i"))
        for m in array.tail { element = .field(element, fieldName(m.record, m.field)) }
        let t = rtype(program.variables[id].type)
        return .match(.path(localName(id)), [RArm(["Some(__i)"], RBlock(tail: .cast(.method(element, "as_ptr", []), t))),
                                             RArm(["None"], RBlock(tail: .cast(.turbofish("::core::ptr::null", [.named("i8")], []), t)))])
    }

    /// A position lent to a parameter lifted to an `Option` of a reference: the element, or `None`.
    func positionLoan(_ e: CExpr, mutable: Bool) -> RExpr {
        let p = e.withoutQualifierCasts
        let array = elementPositions.local(p).flatMap { elementPositions.locals[$0] } ?? elementPositions.array(ofCall: p, program, lifted: liftedParameters)
        guard let array else { return rvalue(e) }
        let position = positionOption(p)
        let element = RExpr.unary(mutable ? .refMut : .ref, .index(positionArray(array), .path("__i")))
        return .match(position, [RArm(["Some(__i)"], RBlock(tail: .call(.path("Some"), [element]))), RArm(["None"], RBlock(tail: .path("None")))])
    }

    /// The array a position indexes, as a place.
    func positionArray(_ a: ElementPositions.Array) -> RExpr {
        var e: CExpr
        var arrow: Bool
        switch a.root {
        case .slice(let q): return .path(localName(q))
        case .parameter(let q): e = CExpr(.variable(q), program.variables[q].type, program.variables[q].loc); arrow = true
        case .local(let x): e = CExpr(.variable(x), program.variables[x].type, program.variables[x].loc); arrow = false
        }
        for m in a.members {
            let field = program.records[m.record].fields![m.field]
            e = CExpr(.member(e, record: m.record, field: m.field, arrow: arrow), field.type, e.loc)
            arrow = false
        }
        return place(e)
    }

    /// The variables whose objects the positions `e` names reach (a position local's array's
    /// root; a lookup's argument is in `e` already).
    func positionRoots(in e: CExpr) -> Set<Int> {
        guard !elementPositions.locals.isEmpty else { return [] }
        return Set(e.variables.compactMap { id in
            elementPositions.locals[id].map { a -> Int in
                switch a.root { case .parameter(let v), .local(let v), .slice(let v): return v }
            }
        })
    }

    /// The call of a position function a place is reached through (`find(b, id)->n`,
    /// `find(b, id)->name[k]`), not yet evaluated once for the place.
    func positionCall(inPlace e: CExpr) -> CExpr? {
        guard !elementPositions.functions.isEmpty else { return nil }
        switch e.kind {
        case .member(let b, _, _, true), .unary(.deref, let b):
            let call = b.withoutQualifierCasts
            return elementPositions.function(called: call) != nil && pinnedPositions[ObjectIdentifier(call)] == nil ? call : nil
        case .member(let b, _, _, false): return positionCall(inPlace: b)
        case .subscript(let b, _):
            if case .cast(let array, _) = b.kind, array.type.isArrayLike { return positionCall(inPlace: array) }
            return nil
        default: return nil
        }
    }

    /// A position as its `Option<usize>`: a local's, a call's (evaluated once for a place being
    /// written, see `pinnedPositions`), an assignment's.
    func positionOption(_ e: CExpr) -> RExpr {
        let p = e.withoutQualifierCasts
        if let id = elementPositions.local(p) { return .path(localName(id)) }
        if let t = pinnedPositions[ObjectIdentifier(p)] { return .path(t) }
        return rvalue(p)
    }

    /// `p` of a position as a truth value: whether it is `Some` (`p == NULL` is a comparison).
    func positionTest(_ e: CExpr) -> RExpr? {
        isPosition(e) ? .method(positionOption(e), "is_some", []) : nil
    }
}
