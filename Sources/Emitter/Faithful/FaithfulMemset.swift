import CSyntax
import RustSyntax

/// `memset` of a local object reached without a pointer, in safe Rust:
/// - an array of numbers, from its start or from an offset (`memset(buf, 0, sizeof buf)`,
///   `memset(counts, -1, sizeof counts)`, `memset(s + 2, 'x', 3)` over bytes): its elements
///   filled, each with the value whose every byte is `c`, as memset leaves them;
/// - a whole struct, or a whole array of anything, set to zero (`memset(&s, 0, sizeof s)`):
///   its zero value assigned, where that value sets every byte (`zeroSetsEveryByte`: its
///   padding is all explicit `_pad` fields, so the padding is cleared too, as memset clears it).
/// A count that covers only part of an element or of a struct, or any other destination (a
/// pointer, a struct whose padding Rust would leave unset), keeps the C library's call.
extension FaithfulTranslator {
    enum MemsetForm {
        /// `count` elements from `start` (nil: the first) of an array of numbers (nil count: to the end).
        case fill(array: CExpr, element: CTy, start: CExpr?, count: Int?, value: CExpr)
        /// A byte array's `n` bytes from `start`, `n` computed.
        case bytes(array: CExpr, start: CExpr?, n: CExpr, value: CExpr)
        /// A whole object set to zero.
        case zero(object: CExpr)
        /// `count` elements from `start` (nil: the first) of a local buffer written as a `Vec`
        /// (LocalVectors): numbers each filled with the byte, or records set to zero.
        case vector(id: Int, element: CTy, start: [(CExpr, subtracted: Bool)], count: LocalVectors.Count, value: CExpr)
    }

    /// `zeroable`: the types whose Rust zero value sets every byte (`zeroSetsEveryByte`).
    /// `lifted`: parameters lifted to `&mut T` (one object): `memset(p, 0, sizeof *p)` zeroes `*p`.
    /// Parameters lifted to a reference to one object (not a slice, never NULL).
    var wholeObjectParameters: Set<Int> { Self.oneObject(liftedParameters) }

    static func oneObject(_ lifted: [Int: ReferenceLifting.Lift]) -> Set<Int> {
        Set(lifted.filter { !$0.value.slice && !$0.value.nullable && !$0.value.raw }.keys)
    }

    static func memsetForm(_ name: String, _ args: [CExpr], _ program: Program, zeroable: (CTy) -> Bool,
                           lifted: Set<Int> = [], vectors: LocalVectors = .none) -> MemsetForm? {
        guard name == "memset" || name == "__builtin_memset", args.count == 3, args[1].type.isInteger, args[2].type.isInteger else { return nil }
        if !vectors.isEmpty, let (id, start) = vectors.vector(args[0]).map({ ($0, []) }) ?? vectors.vectorOffset(args[0]),
           let element = vectors.elements[id] {
            let size = numberSize(element) ?? (args[1].integerLiteralValue == 0 && zeroShape(element, program) && zeroable(element) ? cSize(element, program) : nil)
            guard let size, size > 0, let count = LocalVectors.elementCount(args[2], size) else { return nil }
            return .vector(id: id, element: element, start: start, count: count, value: args[1])
        }
        var destination = args[0].withoutCasts
        var start: CExpr?
        if case .binary(.add, let b, let k) = destination.kind, b.type.isPointer, k.type.isInteger {
            destination = b.withoutCasts
            start = k
        }
        if start == nil, let object = wholeZeroMemset(name, args, program, lifted: lifted), zeroable(object.type) {
            if case .array(let element, _) = object.type, numberSize(element) != nil {} else { return .zero(object: object) }
        }
        guard case .array(let element, let n?) = destination.type, isInPlace(destination, program), let size = numberSize(element) else { return nil }
        if let bytes = args[2].integerLiteralValue {
            guard bytes >= 0, bytes % size == 0, bytes / size <= n else { return nil }
            let count = bytes / size
            return .fill(array: destination, element: element, start: start, count: count == n && start == nil ? nil : count, value: args[1])
        }
        return size == 1 ? .bytes(array: destination, start: start, n: args[2], value: args[1]) : nil
    }

    /// `memset(&s, 0, sizeof s)` or `memset(a, 0, sizeof a)`: a whole object in place set to
    /// zero, of a type whose zero value Rust can write (numbers, pointers, arrays, structs).
    static func wholeZeroMemset(_ name: String, _ args: [CExpr], _ program: Program, lifted: Set<Int> = []) -> CExpr? {
        guard name == "memset" || name == "__builtin_memset", args.count == 3, args[1].integerLiteralValue == 0,
              let bytes = args[2].integerLiteralValue else { return nil }
        // What a parameter lifted to `&mut T` points to, whole (`memset(r, 0, sizeof *r)`).
        if case .variable(let id) = args[0].withoutCasts.kind, lifted.contains(id), case .pointer(let t, _) = program.variables[id].type,
           bytes == cSize(t, program), zeroShape(t, program) {
            let p = args[0].withoutCasts
            return CExpr(.unary(.deref, p), t, p.loc)
        }
        // The object itself: `&x`, or an array decayed to a pointer; never a pointer variable
        // (`memset(p, 0, sizeof p)` clears what `p` points to, not `p`).
        var object = args[0].withoutCasts
        if case .unary(.addressOf, let x) = object.kind { object = x } else if !object.type.isArrayLike { return nil }
        guard isInPlace(object, program), bytes == cSize(object.type, program), zeroShape(object.type, program) else { return nil }
        return object
    }

    /// A type whose every object Rust writes as a value: no union, no `long double`, no
    /// record declared without its members.
    static func zeroShape(_ t: CTy, _ program: Program) -> Bool {
        switch t {
        case .int: return true
        case .float(let k): return k != .longDouble
        case .pointer: return true
        case .array(let e, let n): return n != nil && zeroShape(e, program)
        case .record(let r):
            let rec = program.records[r]
            guard !rec.isUnion, let fields = rec.fields, rec.name != vaListTag else { return false }
            return fields.allSatisfy { zeroShape($0.type, program) }
        default: return false
        }
    }

    /// The size of an element memset can fill with one byte pattern: an integer or a float.
    private static func numberSize(_ t: CTy) -> Int? {
        switch t {
        case .int(let k) where k != .bool && k.size <= 8: return k.size
        case .float(let k) where k != .longDouble: return k == .float ? 4 : 8
        default: return nil
        }
    }

    /// C's size of a complete object type (nil when unknown here).
    static func cSize(_ t: CTy, _ program: Program) -> Int? {
        switch t {
        case .int(let k): return k.size
        case .float(let k): return k == .float ? 4 : k == .double ? 8 : 16
        case .pointer: return 8
        case .array(let e, let n?): return cSize(e, program).map { $0 * n }
        case .record(let r): return program.records[r].fields == nil ? nil : program.records[r].size
        default: return nil
        }
    }

    /// The fill, and memset's result (the destination) when its value is used.
    func memsetExpression(_ form: MemsetForm, _ e: CExpr) -> RExpr {
        // The destination is written: a nullable parameter on the way is reborrowed mutably.
        let saved = placeMutably
        placeMutably = true
        defer { placeMutably = saved }
        var stmts: [RStmt] = []
        /// The offset, evaluated once.
        func offset(_ start: CExpr?) -> RExpr? {
            guard let start else { return nil }
            let value = RExpr.cast(rvalue(start), .named("usize"))
            if e.type == .void { return value }
            let t = temporary("at")
            stmts.append(.letBinding(name: t, mutable: false, type: nil, value: value))
            return .path(t)
        }
        func range(_ a: CExpr, _ from: RExpr?) -> RExpr {
            from.map { .index(place(a), .rangeFrom($0)) } ?? place(a)
        }
        let fill: RExpr, object: CExpr, from: RExpr?
        switch form {
        case .fill(let a, let element, let start, let count, let c):
            object = a; from = offset(start)
            let target: RExpr = count.map { .index(range(a, from), .rangeTo(.literal("\($0)usize"))) } ?? range(a, from)
            fill = .method(target, "fill", [filler(c, element)])
        case .bytes(let a, let start, let n, let c):
            object = a; from = offset(start)
            guard case .array(let element, _) = a.type else { return .unitValue }
            fill = .method(.index(range(a, from), .rangeTo(.cast(rvalue(n), .named("usize")))), "fill", [filler(c, element)])
        case .zero(let x):
            object = x; from = nil
            fill = .assign(place(x), zero(x.type))
        case .vector(let id, let element, let start, let count, let c):
            var at = offsetIndex(start)
            if let a = at, e.type != .void || count.operand != nil {
                let t = temporary("at")
                stmts.append(.letBinding(name: t, mutable: false, type: nil, value: a))
                at = .path(t)
            }
            let n = vectorCount(count)
            let range: RExpr = at.map { .range($0, .binary(.add, $0, n)) } ?? .rangeTo(n)
            let value = Self.numberSize(element) != nil ? filler(c, element) : zero(element)
            fill = .method(.index(.path(localName(id)), range), "fill", [value])
            if e.type == .void { return stmts.isEmpty ? fill : .block(RBlock(stmts + [.expr(fill)])) }
            var pointer = vectorPointer(id)
            if let at { pointer = .method(pointer, "wrapping_add", [at]) }
            return .block(RBlock(stmts + [.expr(fill)], tail: .cast(pointer, rtype(e.type))))
        }
        if e.type == .void { return fill }
        // The destination, as memset returns it.
        var pointer: RExpr = .cast(.macro(Self.addrOf, [place(object)]), .pointer(rtype(object.type), mutable: true))
        if case .array = object.type {
            pointer = .method(place(object), "as_mut_ptr", [])
            if let from { pointer = .method(pointer, "wrapping_add", [from]) }
        }
        return .block(RBlock(stmts + [.expr(fill)], tail: .cast(pointer, rtype(e.type))))
    }

    /// The element whose every byte is `c`'s low byte.
    private func filler(_ c: CExpr, _ element: CTy) -> RExpr {
        let byte = RExpr.cast(cast(c, to: .int(.int)), .named("u8"))
        if case .int(let k) = element, k.size == 1 { return .cast(byte, rtype(element)) }
        let size = element == .float(.float) ? 4 : (element.intKind?.size ?? 8)
        let name = element.intKind.map(Self.intName) ?? (size == 4 ? "f32" : "f64")
        return .call(.path("\(name)::from_ne_bytes"), [.arrayRepeat(byte, size)])
    }
}

extension FaithfulTranslator {
    /// `memcpy(&a, &b, sizeof a)`, `memcpy(grid, next, sizeof grid)`, `memcpy(p, q, sizeof *p)`
    /// of parameters lifted to references: one whole object copied onto another of its type,
    /// in place (a local, a global's cell, a heap object, what a lifted parameter points to).
    /// The destination and the source, or nil. `lifted`: parameters lifted to one object.
    static func wholeCopy(_ name: String, _ args: [CExpr], _ program: Program, lifted: Set<Int>) -> (CExpr, CExpr)? {
        guard ["memcpy", "memmove", "__builtin_memcpy", "__builtin_memmove"].contains(name), args.count == 3,
              let bytes = args[2].integerLiteralValue else { return nil }
        func object(_ a: CExpr) -> CExpr? {
            let s = a.withoutCasts
            if case .unary(.addressOf, let x) = s.kind { return x }
            if case .variable(let id) = s.kind, lifted.contains(id), case .pointer(let t, _) = program.variables[id].type {
                return CExpr(.unary(.deref, s), t, s.loc)
            }
            if case .array(_, _?) = s.type { return s }   // an array, decayed
            return nil
        }
        guard let d = object(args[0]), let s = object(args[1]), d.type == s.type, zeroShape(d.type, program),
              bytes == cSize(d.type, program) else { return nil }
        return (d, s)
    }

    /// The copy as statements: the source read whole first (out of its closure, for a cell or a
    /// heap object), then written into the destination.
    func wholeCopyStatements(_ d: CExpr, _ s: CExpr) -> [RStmt] {
        var value = closuresInUse ? heapRead(s) ?? place(s) : place(s)
        if case .stringLiteral = s.withoutCasts.kind, case .array(let element, _) = d.type, rtype(element) == .named("i8") {
            // A literal's bytes (`*b"abcde\0"`) into a `char` array: each byte as C's signed char.
            value = .method(value, "map", [.lambda(["b"], .cast(.path("b"), .named("i8")))])
        }
        let v = temporary("copy")
        let (pins, t) = target(d, pin: false)
        return [.letBinding(name: v, mutable: false, type: nil, value: value)] + pins + [.expr(t.write(.path(v)))]
    }
}
