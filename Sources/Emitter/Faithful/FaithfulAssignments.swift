import CSyntax
import RustSyntax

/// Assignments, compound assignments and `++`/`--`, as statements and as values. A place with
/// side effects is evaluated once, through a pointer to it; a bit-field goes through its
/// accessors.
extension FaithfulTranslator {
    /// An lvalue's access path: a plain place, or a bit-field (the record's place and the field).
    enum Target {
        case place(RExpr)
        case bitField(record: RExpr, name: String)
        /// A bit-field of a record inside a packed one: read and written through an unaligned copy.
        case copied(pointer: RExpr, copy: String, name: String)
        /// An atomic static (or an element of one): `load` and `store`; a float's bits
        /// (`float`: "f64" or "f32") go through `from_bits` and `to_bits`.
        case atomic(RExpr, float: String?)
        /// A place inside a heap object (FaithfulHeap): the handle and the path from the object.
        case heap(handle: RExpr, path: RExpr)
        /// `errno`, through the `cerrno` module (FaithfulErrno).
        case errno
        /// The handle a link points to (FaithfulHeapLinks): `pp.get()`, `pp.set(v)`.
        case link(RExpr)
        /// The number a cell parameter lends (FaithfulReferences+Cells): `p.get()`, `p.set(v)`.
        case cell(RExpr)

        func read() -> RExpr {
            switch self {
            case .heap(let h, let path): return .method(h, "get", [.lambda([FaithfulTranslator.heapObject], path)])
            case .errno: return .call(.path("cerrno::get"), [])
            case .link(let l), .cell(let l): return .method(l, "get", [])
            case .atomic(let cell, let float): return FaithfulTranslator.atomicLoad(cell, float: float)
            case .place(let p): return p
            case .bitField(let r, let n): return .method(r, n, [])
            case .copied(let p, _, let n): return .method(.method(p, "read_unaligned", []), n, [])
            }
        }
        func write(_ v: RExpr) -> RExpr {
            switch self {
            case .errno: return .call(.path("cerrno::set"), [v])
            case .cell(let c): return .method(c, "set", [v])   // a cell lends nothing: the value may read it
            case .link(let l):
                // The value first: computing it may read through the same link.
                if case .path = v { return .method(l, "set", [v]) }
                return .block(RBlock([.letBinding(name: "__v", mutable: false, type: nil, value: v)], tail: .method(l, "set", [.path("__v")])))
            case .heap(let h, let path):
                // The value first: computing it may read the same heap, which the change holds.
                let set = { (value: RExpr) in RExpr.method(h, "set", [.lambda([FaithfulTranslator.heapObject], .assign(path, value))]) }
                if case .literal = v { return set(v) }
                if case .path(let name) = v, name != FaithfulTranslator.heapObject { return set(v) }
                return .block(RBlock([.letBinding(name: "__value", mutable: false, type: nil, value: v)], tail: set(.path("__value"))))
            case .atomic(let cell, let float):
                return .method(cell, "store", [float == nil ? v : .method(v, "to_bits", []), FaithfulTranslator.relaxed])
            case .place(let p): return .assign(p, v)
            case .bitField(let r, let n):
                // The value first: computing it may borrow the same record (`s.b = (s.a |= 1)`).
                if case .literal = v { return .method(r, "set_\(n)", [v]) }
                if case .path = v { return .method(r, "set_\(n)", [v]) }
                return .block(RBlock([.letBinding(name: "__value", mutable: false, type: nil, value: v)],
                                     tail: .method(r, "set_\(n)", [.path("__value")])))
            case .copied(let p, let c, let n):
                return .block(RBlock([.letBinding(name: "__value", mutable: false, type: nil, value: v),
                                      .letBinding(name: c, mutable: true, type: nil, value: .method(p, "read_unaligned", [])),
                                      .expr(.method(.path(c), "set_\(n)", [.path("__value")]))],
                                     tail: .method(p, "write_unaligned", [.path(c)])))
            }
        }
    }

    /// The target of `e`, with the statements that pin an impure place first.
    func target(_ e: CExpr, pin: Bool) -> ([RStmt], Target) {
        let saved = (placeMutably, hoistIndexes, hoistedIndexes)
        placeMutably = true   // the place is written (its index, a value inside it, is read: see rvalue)
        // Through a nullable parameter the place borrows it mutably from its start: an index
        // that reads it again is computed first (`s->items[s->top] = v`). So is an index that
        // reads the variable the place is in (`buf[strlen(buf) - 1] = 0` of a vector, which Rust
        // borrows mutably before the index is computed).
        hoistIndexes = reachesNullable(e) || indexReadsRoot(e)
        hoistedIndexes = []
        defer { (placeMutably, hoistIndexes, hoistedIndexes) = saved }
        let (pins, t) = targetOf(e, pin: pin)
        return (hoistedIndexes + pins, t)
    }

    /// The place is inside a vector (an element, or a member of one) and an index on the way
    /// reads the variable the place is in.
    private func indexReadsRoot(_ e: CExpr) -> Bool {
        var indexes: [CExpr] = []
        var vector = false
        func reachedThrough(_ p: CExpr) { if vectorName(p) != nil || fieldVector(p) != nil { vector = true } }
        var x = e
        while true {
            switch x.kind {
            case .member(let b, _, _, let arrow):
                if arrow { reachedThrough(b) }
                x = b
            case .subscript(let b, let i):
                reachedThrough(b)
                indexes.append(i); x = b
            case .unary(.deref, let y):
                reachedThrough(y)
                x = y
            case .cast(let y, _): x = y
            case .variable(let root): return vector && indexes.contains { $0.mentions(variable: root) }
            default: return false
            }
        }
    }

    /// The lvalue is reached through a parameter lifted to `Option<&mut T>`.
    private func reachesNullable(_ e: CExpr) -> Bool {
        switch e.kind {
        case .member(let base, _, _, true), .unary(.deref, let base):
            if let (_, lift) = lifted(base) { return lift.nullable && lift.mutable }
            return false
        case .member(let base, _, _, false): return reachesNullable(base)
        case .subscript(let base, _):
            if case .cast(let array, _) = base.kind, array.type.isArrayLike { return reachesNullable(array) }
            return false
        default: return false
        }
    }

    private func targetOf(_ e: CExpr, pin: Bool) -> ([RStmt], Target) {
        if pin, let call = positionCall(inPlace: e) {
            // `find(b, id)->n += 1`: the position once (FaithfulElementPositions), the place at it.
            let t = temporary("at")
            let value = rvalue(call)
            pinnedPositions[ObjectIdentifier(call)] = t
            defer { pinnedPositions[ObjectIdentifier(call)] = nil }
            let (pins, target) = targetOf(e, pin: true)
            return ([.letBinding(name: t, mutable: false, type: nil, value: value)] + pins, target)
        }
        if isErrnoPlace(e) { needsErrnoSupport = true; return ([], .errno) }
        if case .unary(.deref, let p) = e.kind, let id = linkVariable(p) { return ([], .link(.path(localName(id)))) }
        if case .unary(.deref, let p) = e.kind, let (name, lift) = lifted(p), lift.cell { return ([], .cell(.path(name))) }
        if closuresInUse, let (pins, handle, path) = heapAccess(e) { return (pins, .heap(handle: handle, path: path)) }
        if case .subscript(let base, let index) = e.kind, atomicCell(e) != nil, pin, !isPure(index),
           case .cast(let array, _) = base.kind, case .variable(let id) = array.kind {
            // `g[i++] += 1`: the index once.
            let t = temporary("i")
            return ([.letBinding(name: t, mutable: false, type: .named("usize"), value: .cast(rvalue(index), .named("usize")))],
                    .atomic(.index(variableRef(id), .path(t)), float: atomicBits(e.type)))
        }
        if let cell = atomicCell(e) { return ([], .atomic(cell, float: atomicBits(e.type))) }
        if pin, let (slice, index) = movingElement(e) {
            // `*s++ = v` through a walked slice or a local cursor: the index once, no pointer.
            let t = temporary("i")
            return ([.letBinding(name: t, mutable: false, type: .named("usize"), value: index)], .place(.index(slice, .path(t))))
        }
        if case .member(let base, let r, let f, let arrow) = e.kind, let b = bitFields(of: r)[f] {
            let name = b.name.hasPrefix("r#") ? String(b.name.dropFirst(2)) : b.name
            if !arrow, insidePacked(base) {
                // The record sits unaligned in a packed one: changed through a copy written back.
                let t = temporary("p")
                let copy = temporary("r")
                let pointer: RExpr = .macro(Self.addrOf, [place(base)])
                return ([.letBinding(name: t, mutable: false, type: nil, value: pointer)],
                        .copied(pointer: .path(t), copy: copy, name: name))
            }
            if !pin || isPure(base) { return ([], .bitField(record: recordPlace(base, arrow), name: name)) }
            let t = temporary("p")
            let pointer: RExpr = arrow ? rvalue(base) : .macro(Self.addrOf, [place(base)])
            return ([.letBinding(name: t, mutable: false, type: nil, value: pointer)], .bitField(record: .unary(.deref, .path(t)), name: name))
        }
        if !pin || isPure(e) { return ([], .place(place(e))) }
        let t = temporary("p")
        return ([.letBinding(name: t, mutable: false, type: nil, value: .macro(Self.addrOf, [place(e)]))], .place(.unary(.deref, .path(t))))
    }

    /// The slice or array and the index of an element reached through a walked slice parameter
    /// or a local cursor (`*s++`, `*p`, `p[i]`): nil for any other place.
    private func movingElement(_ e: CExpr) -> (RExpr, RExpr)? {
        switch e.kind {
        case .unary(.deref, let x):
            if let (slice, index, bytes) = steppedSliceElement(x), !bytes { return (slice, index) }
            if let p = cursorPlace(x) { return cursorElementParts(p) }
        case .subscript(let b, let i) where b.type.isPointer:
            if let p = cursorPlace(b) { return cursorElementParts(p, plus: i) }
            // `a[j--] = v` of an array in place: a checked index, evaluated once.
            if case .cast(let array, _) = b.kind, case .array(_, let n) = array.type, (n ?? 0) > 1, isPure(array), !insidePacked(array),
               case .index(let whole, _) = place(e) {
                return (whole, .cast(rvalue(i), .named("usize")))
            }
        default: break
        }
        return nil
    }

    /// `lhs op= rhs`'s new value, from the old one read through `old`; `right`: the right
    /// side's value, computed already.
    private func updated(_ e: CExpr, old: RExpr, right: RExpr? = nil) -> RExpr {
        switch e.kind {
        case .compoundAssign(let op, let l, let r):
            if l.type.isPointer {
                return op == .add ? offset(old, r) : offset(old, r, negate: true)
            }
            // The computation type is the right side's after clang's conversions (a shift's is
            // the promoted left side's).
            var ct = r.type
            if op == .shl || op == .shr { ct = promoted(l.type) }
            let a = convert(old, from: l.type, to: ct)
            let value = arithmetic(op, a, right ?? rvalue(r), type: ct, rightType: r.type)
            return convert(value, from: ct, to: l.type)
        case .unary(let op, let x):
            let up = op == .preInc || op == .postInc
            switch x.type {
            case .pointer: return .method(old, "offset", [.literal(up ? "1isize" : "-1isize")])
            case .float(let k): return .binary(up ? .add : .sub, old, .literal(k == .float ? "1.0f32" : "1.0f64"))
            case .int(.bool): return up ? .literal("true") : .unary(.not, old)
            default: return .method(old, up ? "wrapping_add" : "wrapping_sub", [intLiteral(1, x.type)])
            }
        default:
            return old
        }
    }

    func promoted(_ t: CTy) -> CTy {
        if case .int(let k) = t, k.size < 4 || k == .bool { return .int(.int) }
        return t
    }

    private func lvalue(of e: CExpr) -> CExpr? {
        switch e.kind {
        case .assign(let l, _), .compoundAssign(_, let l, _): return l
        case .unary(let op, let x) where [.preInc, .preDec, .postInc, .postDec].contains(op): return x
        default: return nil
        }
    }

    /// An assignment in statement position.
    func assignmentStatements(_ e: CExpr) -> [RStmt] {
        if let moved = cursorAdvance(e) ?? cursorMove(e) { return moved }
        if case .assign(let l, _) = e.kind, let v = vectorName(l), let b = localVectors.moveSource(e) {
            // The buffer moved (the source read no more), and whether C's pointer is NULL with it.
            let flag: [RStmt] = localVectors.nullFlags.contains(v)
                ? [.expr(.assign(.path(nullFlagName(v)), localVectors.nullFlags.contains(b) ? .path(nullFlagName(b)) : .literal("false")))] : []
            return flag + [.expr(.assign(.path(localName(v)), .call(.path("::core::mem::take"), [.unary(.refMut, .path(localName(b)))])))]
        }
        if case .assign(let l, let r) = e.kind, let v = vectorName(l), let allocation = vectorAllocation(v, r) { return allocation }
        if case .assign(let l, let r) = e.kind, let set = fieldVectorAssignment(l, r) { return set }
        guard let l = lvalue(of: e) else { return [] }
        if case .assign(_, let r) = e.kind, case .variable(let id) = l.kind, literalGlobals[id] != nil { return [.expr(literalGlobalStore(id, r))] }
        if case .assign(_, let r) = e.kind, let id = textLocal(l) { return [.expr(.assign(.path(localName(id)), textValue(r)))] }
        if case .assign(_, let r) = e.kind, let write = tableWrite(l, r) { return [write] }
        if case .assign(_, let r) = e.kind, let id = linkVariable(l) { return [.expr(.assign(.path(localName(id)), linkValue(r)))] }
        if case .assign(_, let r) = e.kind, let id = elementPositions.local(l) { return [.expr(.assign(.path(localName(id)), positionValue(r)))] }
        if case .assign(_, let r) = e.kind {
            let (pins, t) = target(l, pin: false)
            return pins + [.expr(t.write(literalField(l) ? literalFieldValue(r) : element(r, l.type)))]
        }
        let (pins, t) = target(l, pin: true)
        if case .compoundAssign(let op, _, let r) = e.kind, case .place(let p) = t, l.type.isFloating, r.type == l.type {
            let rop: RBinaryOp = [.mul: .mul, .div: .div, .rem: .rem, .add: .add, .sub: .sub][op] ?? .add
            return pins + [.expr(.compoundAssign(rop, p, rvalue(r)))]
        }
        if let (first, right) = rightFirst(e) { return pins + first + [.expr(t.write(updated(e, old: t.read(), right: right)))] }
        return pins + [.expr(t.write(updated(e, old: t.read())))]
    }

    /// `x += f(&x)`: C leaves open whether the left side is read before or after the call; gcc
    /// and clang call first, and so does the translation: the right side into a temporary.
    private func rightFirst(_ e: CExpr) -> ([RStmt], RExpr)? {
        guard case .compoundAssign(_, let l, let r) = e.kind, !l.type.isPointer, Self.hasCall(r) else { return nil }
        // A local whose address the program never takes: no call can change it.
        if case .variable(let id) = l.withoutCasts.kind, [.local, .parameter].contains(program.variables[id].storage),
           !addressedVariables.contains(id) { return nil }
        let v = temporary("r")
        return ([.letBinding(name: v, mutable: false, type: nil, value: rvalue(r))], .path(v))
    }

    static func hasCall(_ e: CExpr) -> Bool {
        if case .call = e.kind { return true }
        var found = false
        e.forEachChild { if !found, hasCall($0) { found = true } }
        return found
    }

    /// An assignment whose value is used: a block that yields the value C gives.
    func assignmentValue(_ e: CExpr) -> RExpr {
        guard let l = lvalue(of: e) else { return rvalue(e) }
        if case .assign(_, let r) = e.kind, let id = elementPositions.local(l) {
            // A position given and tested (FaithfulElementPositions).
            return .block(RBlock([.expr(.assign(.path(localName(id)), positionValue(r)))], tail: .path(localName(id))))
        }
        if case .assign(_, let r) = e.kind, let v = vectorName(l), let allocation = vectorAllocation(v, r) {
            return .block(RBlock(allocation, tail: vectorPointer(v)))   // tested against NULL: the new buffer
        }
        if case .assign(_, let r) = e.kind, let set = fieldVectorAssignment(l, r) { return .block(RBlock(set, tail: fieldVectorPointer(l))) }
        if case .assign(_, let r) = e.kind, case .variable(let id) = l.kind, literalGlobals[id] != nil {
            return .block(RBlock([.expr(literalGlobalStore(id, r))], tail: literalGlobalPointer(id)))
        }
        if case .assign(_, let r) = e.kind, let id = textLocal(l) {
            return .block(RBlock([.expr(.assign(.path(localName(id)), textValue(r)))], tail: variableRef(id)))
        }
        if case .assign(_, let r) = e.kind, let write = tableWrite(l, r) { return .block(RBlock([write], tail: rvalue(l))) }
        if case .assign(_, let r) = e.kind {
            let (pins, t) = target(l, pin: true)
            let v = temporary("v")
            if literalField(l) {
                // `p->name = "x"` as a value: C's pointer to what was stored.
                let stmts = pins + [.letBinding(name: v, mutable: false, type: nil, value: literalFieldValue(r)), .expr(t.write(.path(v)))]
                return .block(RBlock(stmts, tail: literalFieldPointer(.path(v), l.type)))
            }
            let stmts = pins + [.letBinding(name: v, mutable: false, type: rtype(l.type), value: element(r, l.type)), .expr(t.write(.path(v)))]
            if case .bitField = t { return .block(RBlock(stmts, tail: t.read())) }
            if case .copied = t { return .block(RBlock(stmts, tail: t.read())) }
            return .block(RBlock(stmts, tail: .path(v)))
        }
        let (pins, t) = target(l, pin: true)
        if case .unary(let op, _) = e.kind, op == .postInc || op == .postDec {
            let old = temporary("old")
            return .block(RBlock(pins + [.letBinding(name: old, mutable: false, type: nil, value: t.read()),
                                         .expr(t.write(updated(e, old: .path(old))))], tail: .path(old)))
        }
        if let (first, right) = rightFirst(e) { return .block(RBlock(pins + first + [.expr(t.write(updated(e, old: t.read(), right: right)))], tail: t.read())) }
        return .block(RBlock(pins + [.expr(t.write(updated(e, old: t.read())))], tail: t.read()))
    }

    /// An expression evaluated for its effects only.
    func effect(_ e: CExpr) -> [RStmt] {
        switch e.kind {
        case .assign, .compoundAssign: return assignmentStatements(e)
        case .unary(let op, _) where [.preInc, .preDec, .postInc, .postDec].contains(op): return assignmentStatements(e)
        case .binary(.comma, let l, let r): return effect(l) + effect(r)
        case .cast(let x, _) where e.type == .void: return effect(x)
        case .conditional(let c, let a, let b):
            return [.expr(.ifElse(condition(c), RBlock(effect(a)), .block(RBlock(effect(b)))))]
        case .binary(.land, let l, let r):
            return [.expr(.ifElse(condition(l), RBlock(effect(r)), nil))]
        case .binary(.lor, let l, let r):
            return [.expr(.ifElse(.unary(.not, condition(l)), RBlock(effect(r)), nil))]
        case .intLiteral, .floatLiteral, .stringLiteral, .variable, .function: return []
        case .call:
            let v = rvalue(e)
            // A call that binds its operands first (`cstdio::printf` lending a char array):
            // its value is dropped inside the block.
            if case .block(let b) = v, !b.isUnsafe, let tail = b.tail { return [.expr(.block(RBlock(b.statements + [.expr(tail)])))] }
            return [.expr(v)]
        default:
            let v = rvalue(e)
            if case .block(let b) = v, b.tail == nil { return b.statements }
            return [.letBinding(name: "_", mutable: false, type: nil, value: v)]
        }
    }
}
