import CSyntax
import RustSyntax

/// `memcpy` and `memmove` of whole elements between arrays reached without a pointer (arrays in
/// place, parameters lifted to slices, local buffers written as `Vec`s), from offsets, their
/// result unused: a slice copy. The elements are numbers, records, pointers or arrays of those,
/// each a `Copy` value in Rust (not a record holding a member vector). Between two arrays, `d[a..a + n].copy_from_slice(&s[b..b + n])`; within one
/// (`memmove(&a[i + 1], &a[i], (n - i) * sizeof a[0])`, an insertion's shift),
/// `a.copy_within(b..b + n, a)`, which is memmove's meaning (and memcpy's where C defines it). A
/// range past either end panics where C's copy was undefined. A count that is no whole number of
/// elements, other element types, pointers, or two places of one object that may overlap keep
/// the C library's call.
extension FaithfulTranslator {
    /// Where one side of a copy is: an array in place or a lifted slice, from an offset.
    struct SliceSide {
        enum Base {
            case array(CExpr)
            case lifted(Int)
            /// A local buffer written as a `Vec` (LocalVectors).
            case vector(Int)
            /// A string literal's bytes (a source only), with its NUL.
            case literal([UInt8])
        }
        var base: Base
        /// The offsets added to it (`a + i + 1`: `i`, `1`), or taken away (`a + n - k`: `k`).
        var offsets: [(CExpr, subtracted: Bool)]
    }

    struct SliceCopy {
        var destination: SliceSide
        var source: SliceSide
        var count: LocalVectors.Count
        /// Both sides are one array: `copy_within`.
        var within: Bool
    }

    static func sliceCopy(_ name: String, _ args: [CExpr], _ program: Program, lifted: [Int: ReferenceLifting.Lift],
                          positions: ElementPositions, vectors: LocalVectors) -> SliceCopy? {
        guard ["memcpy", "memmove", "__builtin_memcpy", "__builtin_memmove"].contains(name), args.count == 3, args[2].type.isInteger else { return nil }
        func side(_ a: CExpr, writing: Bool) -> (SliceSide, CTy)? {
            func base(_ b: CExpr) -> (SliceSide.Base, CTy)? {
                let s = b.withoutCasts
                if case .array(let element, _?) = s.type, isInPlace(s, program, lifted: lifted, positions: positions, writing: writing,
                                                                                                 vectors: vectors.ids) { return (.array(s), element) }
                if case .variable(let id) = s.kind, let l = lifted[id], l.slice, !l.bytes, l.mutable || !writing,
                   let element = program.variables[id].type.pointee { return (.lifted(id), element) }
                if let id = vectors.vector(s), let element = vectors.elements[id] { return (.vector(id), element) }
                if !writing, case .stringLiteral(let bytes) = s.kind, case .array(let element, _) = s.type { return (.literal(bytes), element) }
                return nil
            }
            let (p, offsets) = pointerOffsets(a)
            guard let (b, element) = base(p) else { return nil }
            return (SliceSide(base: b, offsets: offsets), element)
        }
        guard let (d, element) = side(args[0], writing: true), let (s, other) = side(args[1], writing: false), element == other else { return nil }
        guard let size = copiedSize(element, program, vectors), let count = LocalVectors.elementCount(args[2], size) else { return nil }
        // A constant count past an array's end reads the members after it (`memcpy(flat,
        // b->grid[0], sizeof b->grid)`): the C library's copy, not a slice of the one array.
        guard fits(d, count), fits(s, count) else { return nil }
        switch (d.base, s.base) {
        case (.lifted(let p), .lifted(let q)), (.vector(let p), .vector(let q)): return SliceCopy(destination: d, source: s, count: count, within: p == q)
        // A local vector is no caller's object, and apart from arrays in place but those in its elements.
        case (.vector(let p), .array(let y)), (.array(let y), .vector(let p)):
            return arrayRoot(y) == p ? nil : SliceCopy(destination: d, source: s, count: count, within: false)
        case (.vector, .lifted), (.lifted, .vector):
            return SliceCopy(destination: d, source: s, count: count, within: false)
        case (.array(let x), .array(let y)):
            if x.isSamePath(as: y) { return SliceCopy(destination: d, source: s, count: count, within: true) }
            // Two arrays of one object: only apart by their members (`r->a`, `r->b`).
            if let r = arrayRoot(x), r == arrayRoot(y), !disjoint(x, y, program) { return nil }
            return SliceCopy(destination: d, source: s, count: count, within: false)
        case (.lifted(let p), .array(let y)), (.array(let y), .lifted(let p)):
            return arrayRoot(y) == p ? nil : SliceCopy(destination: d, source: s, count: count, within: false)
        case (_, .literal): return SliceCopy(destination: d, source: s, count: count, within: false)
        case (.literal, _): return nil
        }
    }

    /// A side that is an array of known length holds a constant count from its constant offset.
    static func fits(_ side: SliceSide, _ count: LocalVectors.Count) -> Bool {
        guard case .array(let x) = side.base, case .array(_, let n?) = x.type, count.operand == nil else { return true }
        var at = 0
        for (k, subtracted) in side.offsets {
            guard let v = k.integerLiteralValue else { return true }
            at += subtracted ? -v : v
        }
        return at + count.factor <= n
    }

    /// `a + i + 1`, `a + n - k` (under casts): the pointer the offsets start from, and the offsets
    /// added or taken away, in C's order.
    static func pointerOffsets(_ a: CExpr) -> (base: CExpr, offsets: [(CExpr, subtracted: Bool)]) {
        var offsets: [(CExpr, subtracted: Bool)] = []
        var p = a.withoutCasts
        while true {
            if let (b, k) = p.pointerOffset { offsets.insert((k, false), at: 0); p = b.withoutCasts; continue }
            if case .binary(.sub, let b, let k) = p.kind, b.type.isPointer, k.type.isInteger { offsets.insert((k, true), at: 0); p = b.withoutCasts; continue }
            return (p, offsets)
        }
    }

    /// An index moved by `offsets` from `start` (nil: 0), as `usize` arithmetic that wraps like
    /// C's pointer arithmetic; nil when there is neither.
    func offsetIndex(_ offsets: [(CExpr, subtracted: Bool)], from start: RExpr? = nil) -> RExpr? {
        var at = start
        for (k, subtracted) in offsets {
            let v = RExpr.cast(rvalue(k), .named("usize"))
            at = .method(at ?? .literal("0usize"), subtracted ? "wrapping_sub" : "wrapping_add", [v])
        }
        return at
    }

    /// The size in bytes of an element copied as a Rust value: a number, a pointer, a record
    /// (not a union, not one holding a member vector) or an array of those. Nil for any other.
    static func copiedSize(_ t: CTy, _ program: Program, _ vectors: LocalVectors) -> Int? {
        switch t {
        case .int(let k) where k.size <= 8: return k.size
        case .float(let k) where k != .longDouble: return k == .float ? 4 : 8
        case .pointer: return 8
        case .array(let e, let n?) where n > 0: return copiedSize(e, program, vectors).map { $0 * n }
        case .record(let r):
            let record = program.records[r]
            guard !record.isUnion, record.fields != nil, record.size > 0, !vectors.fieldElements.keys.contains(where: { $0.record == r }) else { return nil }
            return record.size
        default: return nil
        }
    }

    /// The operands a slice copy evaluates (for the safety scan): the places and the numbers.
    static func sliceCopyOperands(_ c: SliceCopy) -> [CExpr] {
        var out: [CExpr] = []
        for side in [c.destination, c.source] {
            if case .array(let x) = side.base { out.append(x) }
            out += side.offsets.map(\.0)
        }
        if let n = c.count.operand { out.append(n) }
        return out
    }

    /// The copy as statements: the offsets and the count in C's argument order, then the copy.
    func sliceCopyStatements(_ c: SliceCopy) -> [RStmt] {
        var stmts: [RStmt] = []
        /// Where a side starts: a walked slice's own offset, plus the offsets added.
        func value(_ side: SliceSide, _ name: String) -> RExpr {
            var walked: RExpr?
            if case .lifted(let id) = side.base, let at = cursorOffsets[id] { walked = .path(at) }
            guard let start = offsetIndex(side.offsets, from: walked) else { return .literal("0usize") }
            let t = temporary(name)
            stmts.append(.letBinding(name: t, mutable: false, type: .named("usize"), value: start))
            return .path(t)
        }
        func slice(_ side: SliceSide, mutably: Bool) -> RExpr {
            switch side.base {
            case .array(let x): return mutablePlace(x, mutably)
            case .lifted(let id), .vector(let id): return .path(localName(id))
            case .literal(let bytes): return .arrayLiteral((bytes + [0]).map { .literal("\(Int8(bitPattern: $0))i8") })
            }
        }
        let to = value(c.destination, "to"), from = value(c.source, "from")
        let n: RExpr
        if c.count.operand == nil { n = vectorCount(c.count) } else {
            let t = temporary("n")
            stmts.append(.letBinding(name: t, mutable: false, type: .named("usize"), value: vectorCount(c.count)))
            n = .path(t)
        }
        func range(_ start: RExpr) -> RExpr {
            if case .literal("0usize") = start { return .rangeTo(n) }
            if case .literal(let k) = start, case .literal(let m) = n, let a = Int(k.dropLast(5)), let b = Int(m.dropLast(5)) {
                return .range(start, .literal("\(a + b)usize"))
            }
            return .range(start, .binary(.add, start, n))
        }
        if c.within {
            stmts.append(.expr(.method(slice(c.destination, mutably: true), "copy_within", [range(from), to])))
        } else {
            stmts.append(.expr(.method(.index(slice(c.destination, mutably: true), range(to)), "copy_from_slice",
                                       [.unary(.ref, .index(slice(c.source, mutably: false), range(from)))])))
        }
        return stmts
    }
}
