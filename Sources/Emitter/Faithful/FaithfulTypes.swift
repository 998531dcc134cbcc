import CSyntax
import RustSyntax

/// Types: C's exact types as Rust types, records with clang's layout (padding, packing,
/// alignment and bit-fields made explicit), and the zero value of every type.
extension FaithfulTranslator {
    static let voidType = RType.named("::core::ffi::c_void")

    func rtype(_ t: CTy) -> RType {
        switch t {
        case .void: return .unit
        case .int(let k): return .named(Self.intName(k))
        case .float(let k): return .named(k == .float ? "f32" : "f64")
        case .pointer(.void, let c): return .pointer(Self.voidType, mutable: !c)
        case .pointer(.function(let f), _): return .functionPointer(params: f.params.map(rtype), result: resultType(f.result), variadic: f.variadic)
        case .pointer(.record(let r), _) where heapRecords.contains(r):
            needsHeapSupport = true
            return .generic("cheap::Ptr", [rtype(.record(r))])
        case .pointer(.record(let r), true) where staticReferences.contains(r):
            return .generic("Option", [.staticReference(rtype(.record(r)))])
        case .pointer(let p, let c): return .pointer(rtype(p), mutable: !c)
        case .array(let e, let n): return .array(rtype(e), n ?? 0)
        case .record(let r):
            neededRecords.insert(r)
            return .named(recordName(r))
        case .function(let f): return .function(params: f.params.map(rtype), result: resultType(f.result), variadic: f.variadic)
        case .vector(let e, let n): return .named(Self.simdPath + (Self.simdName(e, n) ?? "__m128i"))
        case .unsupported: return .unit
        }
    }

    static let simdPath = "::core::arch::x86_64::"

    /// The `core::arch` type of a C vector with the same bits: `__m128i` for any 16 bytes of
    /// integers (clang's `__v16qi`, `__v4si`, `__v2du` are views of one register), `__m128` and
    /// `__m128d` for floats and doubles; likewise 32 and 64 bytes. nil for other sizes (`__m64`).
    static func simdName(_ element: CTy, _ count: Int) -> String? {
        let bits: Int
        switch element {
        case .int(let k): bits = k.size * 8 * count
        case .float(.float): bits = 32 * count
        case .float(.double): bits = 64 * count
        default: return nil
        }
        guard [128, 256, 512].contains(bits) else { return nil }
        switch element {
        case .float(.float): return "__m\(bits)"
        case .float: return "__m\(bits)d"
        default: return "__m\(bits)i"
        }
    }

    func resultType(_ t: CTy) -> RType? { t == .void ? nil : rtype(t) }

    static func intName(_ k: IntKind) -> String {
        switch k {
        case .bool: return "bool"
        case .char, .schar: return "i8"
        case .uchar: return "u8"
        case .short: return "i16"
        case .ushort: return "u16"
        case .int: return "i32"
        case .uint: return "u32"
        case .long, .longlong: return "i64"
        case .ulong, .ulonglong: return "u64"
        case .int128: return "i128"
        case .uint128: return "u128"
        }
    }

    /// Size and alignment of a C type as the emitted Rust type lays it out (records: clang's,
    /// which the emitted record reproduces).
    func layout(_ t: CTy) -> (size: Int, align: Int) {
        switch t {
        case .void: return (1, 1)
        case .int(let k): return (k.size, k.size)
        case .float(let k): return k == .float ? (4, 4) : (8, 8)
        case .pointer: return (8, 8)
        case .array(let e, let n):
            let l = layout(e)
            return (l.size * (n ?? 0), l.align)
        case .record(let r): return (program.records[r].size, program.records[r].align)
        case .vector(let e, let n): let size = layout(e).size * n; return (size, size)
        case .function, .unsupported: return (1, 1)
        }
    }

    func check(_ t: CTy, at loc: CLoc) {
        switch t {
        case .unsupported(let what): refuse("the type \(what)", at: loc)
        case .pointer(let p, _): if case .unsupported = p { check(p, at: loc) }
        case .array(let e, _): check(e, at: loc)
        case .float(.longDouble): refuse("`long double` (Rust has no 80-bit float)", at: loc)
        case .vector(let e, let n): if Self.simdName(e, n) == nil { refuse("a vector of \(n) elements that is no SSE/AVX register", at: loc) }
        default: break
        }
    }

    // MARK: records

    /// One storage unit of a record as emitted: an ordinary member, or the bytes that hold a
    /// run of bit-fields.
    struct Slot {
        var name: String
        var type: RType
        var offset: Int
        var size: Int
        var align: Int
    }

    struct BitField {
        var name: String
        var storage: String
        /// Bit offset inside the storage bytes.
        var shift: Int
        var width: Int
        var type: CTy
    }

    func fieldName(_ record: Int, _ index: Int) -> String {
        let f = (program.records[record].fields ?? [])[index]
        return f.name.isEmpty ? "c2rust_unnamed_\(index)" : RIdent.of(f.name)
    }

    func bitFields(of record: Int) -> [Int: BitField] {
        slotsAndBitFields(record).1
    }

    /// A record's storage units and bit-fields, laid out once per record: every member access,
    /// zero value and initializer of the record asks.
    func slotsAndBitFields(_ id: Int) -> ([Slot], [Int: BitField]) {
        if let known = recordLayouts[id] { return known }
        let layout = layOut(id)
        recordLayouts[id] = layout
        return layout
    }

    private func layOut(_ id: Int) -> ([Slot], [Int: BitField]) {
        let r = program.records[id]
        let fields = r.fields ?? []
        var slots: [Slot] = []
        var bits: [Int: BitField] = [:]
        var k = 0
        while k < fields.count {
            let f = fields[k]
            if let w = f.bitWidth {
                // A run of bit-fields: the bytes from the first one's to the last one's end.
                var end = k
                var lo = f.bitOffset, hi = f.bitOffset + w
                while end + 1 < fields.count, let w2 = fields[end + 1].bitWidth, (!r.isUnion) {
                    let o2 = fields[end + 1].bitOffset
                    if w2 == 0 || o2 / 8 >= (hi + 7) / 8 { break }
                    end += 1
                    lo = min(lo, o2); hi = max(hi, o2 + w2)
                }
                let startByte = lo / 8, endByte = max((hi + 7) / 8, startByte + 1)
                let storage = "_bitfield_\(slots.count)"
                for j in k...end where (fields[j].bitWidth ?? 0) > 0 && !fields[j].name.isEmpty {
                    bits[j] = BitField(name: fieldName(id, j), storage: storage, shift: fields[j].bitOffset - startByte * 8,
                                       width: fields[j].bitWidth!, type: fields[j].type)
                }
                if hi > lo { slots.append(Slot(name: storage, type: .array(.named("u8"), endByte - startByte), offset: startByte, size: endByte - startByte, align: 1)) }
                k = end + 1
                continue
            }
            let l = layout(f.type)
            let type = isLiteralField(id, k) ? Self.literalFieldType
                : isFieldVector(id, k) ? .generic("Vec", [rtype(f.type.pointee ?? .void)]) : rtype(f.type)
            slots.append(Slot(name: fieldName(id, k), type: type, offset: f.bitOffset / 8, size: l.size, align: l.align))
            k += 1
        }
        return (slots, bits)
    }

    /// The record's definition and, for bit-fields, its accessors.
    func recordItems() -> [RItem] {
        var items: [RItem] = []
        var done: Set<Int> = []
        while let next = neededRecords.subtracting(done).sorted(by: { recordOrder($0, $1) }).first {
            done.insert(next)
            if program.records[next].name == Self.vaListTag { continue }   // the support's VaListTag
            if let crate, let key = crate.sharedKey(program.records[next], mainFile: program.mainFile) {
                // One definition for the crate, in its types module.
                _ = recordName(next)
                if program.records[next].fields != nil, !crate.hasDefinition(key) { crate.define(key, recordDefinition(next)) }
                continue
            }
            items += recordDefinition(next)
            if heapRecords.contains(next) { items += heapItems(next) }
        }
        return items
    }

    private func recordOrder(_ a: Int, _ b: Int) -> Bool {
        let x = program.records[a].loc, y = program.records[b].loc
        return (x.file != program.mainFile ? 0 : 1, x.file, x.line, a) < (y.file != program.mainFile ? 0 : 1, y.file, y.line, b)
    }

    private func recordDefinition(_ id: Int) -> [RItem] {
        let r = program.records[id]
        let name = recordName(id)
        guard r.fields != nil else {
            // Declared, never defined here: only pointers to it exist.
            return [.record(name: name, isUnion: false, repr: "C", fields: [RField("_opaque", .array(.named("u8"), 0))],
                            comments: ["opaque: `\(r.isUnion ? "union" : "struct") \(r.name)` is defined elsewhere"])]
        }
        let (slots, bits) = slotsAndBitFields(id)
        var fields: [RField] = []
        var repr = "C"
        if r.isUnion {
            fields = slots.map { RField($0.name, $0.type) }
            // Every byte of the union, so that a zero value sets them all.
            fields.append(RField("_bytes", .array(.named("u8"), r.size)))
            let natural = slots.map(\.align).max() ?? 1
            if natural > r.align { repr = r.align == 1 ? "C, packed" : "C, packed(\(r.align))" }
            else if let marker = alignmentMarker(r, slots) { fields.append(RField("_align", marker)) }
            else if r.align > natural { repr = "C, align(\(r.align))" }
        } else {
            repr = structRepr(r, slots)
            fields = structFields(id).map { RField($0.name, $0.type) }
        }
        var items: [RItem] = [.record(name: name, isUnion: r.isUnion, repr: repr, fields: fields,
                                      comments: [recordComment(id)] + heapComment(id), copy: !holdsFieldVector(id))]
        if !bits.isEmpty { items.append(.impl(type: name, bits.keys.sorted().flatMap { accessors(bits[$0]!, inUnion: r.isUnion) })) }
        return items
    }

    /// What the record's definition says of its layout.
    private func recordComment(_ id: Int) -> String {
        let r = program.records[id]
        let head = "`\(r.isUnion ? "union" : "struct") \(r.name.isEmpty ? "(anonymous)" : r.name)`"
        let literal = (r.fields ?? []).indices.filter { isLiteralField(id, $0) }.map { "`\(fieldName(id, $0))`" }
        let vectors = (r.fields ?? []).indices.filter { isFieldVector(id, $0) }.map { "`\(fieldName(id, $0))`" }
        if !vectors.isEmpty {
            return "\(head): clang's member order; \(vectors.joined(separator: ", ")) only \(vectors.count == 1 ? "holds" : "hold") what `malloc` gave it "
                + "(or NULL) and \(vectors.count == 1 ? "owns it as a `Vec`" : "own them as `Vec`s"), so the record is never copied and is larger than C's \(r.size) bytes"
        }
        if literal.isEmpty { return "\(head): \(r.size) bytes, aligned to \(r.align), as clang lays it out" }
        return "\(head): clang's member order; \(literal.joined(separator: ", ")) only \(literal.count == 1 ? "holds" : "hold") string literals or NULL "
            + "and \(literal.count == 1 ? "is a slice" : "are slices"), so it is larger than C's \(r.size) bytes (nothing observes its layout)"
    }

    private func naturalAlign(_ slots: [Slot]) -> Int { slots.map(\.align).max() ?? 1 }

    /// `[u32; 0]` and kin: a member of no size that gives the record clang's alignment.
    func alignmentMarker(_ r: CRecord, _ slots: [Slot]) -> RType? {
        let natural = naturalAlign(slots)
        guard r.align > natural, r.align <= 16 else { return nil }
        if structRepr(r, slots).contains("packed") && !r.isUnion { return nil }
        let name = [2: "u16", 4: "u32", 8: "u64", 16: "u128"][r.align] ?? "u8"
        return .array(.named(name), 0)
    }

    /// Whether the record is laid out `packed` (its members may sit unaligned).
    func isPacked(_ r: Int) -> Bool {
        let rec = program.records[r]
        guard rec.fields != nil else { return false }
        let (slots, _) = slotsAndBitFields(r)
        if rec.isUnion { return (slots.map(\.align).max() ?? 1) > rec.align }
        return structRepr(rec, slots).contains("packed")
    }
    private func roundUp(_ x: Int, _ a: Int) -> Int { (x + a - 1) / a * a }

    /// `C` when Rust's own layout with the explicit padding gives clang's offsets and size;
    /// packed or aligned otherwise.
    private func structRepr(_ r: CRecord, _ slots: [Slot]) -> String {
        let natural = naturalAlign(slots)
        let fits = { (cap: Int) -> Bool in
            slots.allSatisfy { $0.offset % min($0.align, cap) == 0 }
        }
        if natural == r.align, fits(natural) { return "C" }
        // A stricter alignment comes from a zero-length member (`alignmentMarker`), not from
        // `align(N)`: a packed record may contain this one, and Rust forbids align inside packed.
        if r.align > natural, fits(natural), r.align <= 16 { return "C" }
        if r.align > natural, fits(natural) { return "C, align(\(r.align))" }
        if r.align == 1 { return "C, packed" }
        return "C, packed(\(r.align))"
    }

    /// `f()` and `set_f(v)` for one bit-field: the bytes that hold it are read as one integer.
    private func accessors(_ b: BitField, inUnion: Bool) -> [RFunction] {
        // A union's bytes are read through its fields: that is `unsafe` in Rust.
        func body(_ stmts: [RStmt], _ tail: RExpr?) -> RBlock {
            inUnion ? RBlock(tail: .block(RBlock(stmts, tail: tail, isUnsafe: true))) : RBlock(stmts, tail: tail)
        }
        let firstByte = b.shift / 8
        let lastByte = (b.shift + b.width - 1) / 8
        let shift = b.shift - firstByte * 8
        let t = rtype(b.type)
        let mask = b.width >= 128 ? "u128::MAX" : "((1u128 << \(b.width)) - 1)"
        var read: [RStmt] = [.letBinding(name: "raw", mutable: true, type: .named("u128"), value: .literal("0"))]
        for (i, byte) in (firstByte...lastByte).enumerated() {
            read.append(.expr(.compoundAssign(.bitOr, .path("raw"),
                .binary(.shl, .cast(.index(.field(.path("self"), b.storage), .literal("\(byte)")), .named("u128")), .literal("\(i * 8)")))))
        }
        let signed = b.type.intKind?.isSigned ?? false
        let value: RExpr
        let field: RExpr = .binary(.bitAnd, .binary(.shr, .path("raw"), .literal("\(shift)")), .path(mask))
        if b.type == .int(.bool) {
            value = .binary(.ne, field, .literal("0"))
        } else if signed {
            // Sign-extend from the field's width.
            value = .cast(.binary(.shr, .cast(.binary(.shl, field, .literal("\(128 - b.width)")), .named("i128")), .literal("\(128 - b.width)")), t)
        } else {
            value = .cast(field, t)
        }
        let getter = RFunction(name: b.name.hasPrefix("r#") ? String(b.name.dropFirst(2)) : b.name,
                               params: [RParam("&self", .unit)], result: t, body: body(read, value), isPublic: true)
        var write = read
        let v: RExpr = b.type == .int(.bool) ? .cast(.cast(.path("value"), .named("u8")), .named("u128")) : .cast(.path("value"), .named("u128"))
        write.append(.expr(.assign(.path("raw"),
            .binary(.bitOr, .binary(.bitAnd, .path("raw"), .unary(.not, .binary(.shl, .path(mask), .literal("\(shift)")))),
                    .binary(.shl, .binary(.bitAnd, v, .path(mask)), .literal("\(shift)"))))))
        for (i, byte) in (firstByte...lastByte).enumerated() {
            write.append(.expr(.assign(.index(.field(.path("self"), b.storage), .literal("\(byte)")),
                                       .cast(.binary(.shr, .path("raw"), .literal("\(i * 8)")), .named("u8")))))
        }
        let plain = b.name.hasPrefix("r#") ? String(b.name.dropFirst(2)) : b.name
        let setter = RFunction(name: "set_\(plain)", params: [RParam("&mut self", .unit), RParam("value", t)], result: nil,
                               body: body(write, nil), isPublic: true)
        return [getter, setter]
    }

    // MARK: zero values

    /// The value of a C object of static storage that nothing initialised: zero bytes, as a
    /// constant expression (usable in a `static`).
    func zero(_ t: CTy) -> RExpr {
        switch t {
        case .void, .unsupported: return .unitValue
        case .int(.bool): return .literal("false")
        case .int(let k): return .literal("0" + Self.intName(k))
        case .float(let k): return .literal(k == .float ? "0.0f32" : "0.0f64")
        case .pointer(.function, _): return .path("None")
        case .pointer(.record(let r), _) where heapRecords.contains(r):
            return heapNull(r)
        case .pointer(.record(let r), true) where staticReferences.contains(r):
            return .path("None")
        case .pointer(let p, let c):
            let target: RType = p == .void ? Self.voidType : rtype(p)
            return .turbofish(c ? "::core::ptr::null" : "::core::ptr::null_mut", [target], [])
        case .array(let e, let n): return .arrayRepeat(zero(e), n ?? 0)
        case .vector(let e, let n):
            // Zero bits, as a constant expression.
            return .block(RBlock([], tail: .turbofish("::core::mem::transmute", [.array(.named("u8"), layout(t).size), rtype(t)],
                                                      [.arrayRepeat(.literal("0u8"), layout(e).size * n)]), isUnsafe: true))
        case .record(let r):
            let name = rtype(t)
            guard case .named(let n) = name else { return .unitValue }
            let rec = program.records[r]
            if rec.name == Self.vaListTag {
                return .structLiteral(n, [("args", .turbofish("::core::ptr::null", [.named("CVarArg")], [])), ("len", .literal("0")), ("next", .literal("0"))])
            }
            if rec.fields == nil { return .structLiteral(n, [("_opaque", .arrayLiteral([]))]) }
            if rec.isUnion { return .structLiteral(n, [("_bytes", .arrayRepeat(.literal("0u8"), rec.size))]) }
            return .structLiteral(n, structFields(r).map { ($0.name, $0.zero) })
        case .function: return .path("None")
        }
    }

    /// Whether assigning `t`'s zero value does what `memset(&x, 0, sizeof x)` does: `t` has a
    /// zero value Rust writes (`zeroShape`), and each record it holds either has its padding all
    /// explicit (`_pad` fields, none left to Rust) or is one whose layout nothing observes, so
    /// that no one can read its padding (`observedLayouts`).
    func zeroSetsEveryByte(_ t: CTy) -> Bool {
        guard Self.zeroShape(t, program) else { return false }
        var memo: [Int: Set<Int>] = [:]
        return Self.heldRecords(t, program, &memo).allSatisfy { r in
            if let observed = observedRecords, !observed.contains(r) { return true }
            return !literalFieldsIn(r) && paddingIsExplicit(r)
        }
    }

    private func literalFieldsIn(_ r: Int) -> Bool {
        (program.records[r].fields ?? []).indices.contains { isLiteralField(r, $0) }
    }

    /// Every byte of the record is a field of the emitted struct (`structFields`): its
    /// trailing padding too.
    private func paddingIsExplicit(_ r: Int) -> Bool {
        let rec = program.records[r]
        let (slots, _) = slotsAndBitFields(r)
        let end = slots.map { $0.offset + $0.size }.max() ?? 0
        if end >= rec.size { return true }
        let repr = structRepr(rec, slots)
        return repr.contains("packed") || roundUp(end, naturalAlign(slots)) < rec.size && !repr.contains("align(")
    }

    /// Every field of the emitted struct in order (padding and bit-field storage included),
    /// with its zero value.
    func structFields(_ r: Int) -> [(name: String, type: RType, zero: RExpr)] {
        let rec = program.records[r]
        let (slots, _) = slotsAndBitFields(r)
        var out: [(name: String, type: RType, zero: RExpr)] = []
        var cursor = 0
        var pads = 0
        let fields = rec.fields ?? []
        let repr = structRepr(rec, slots)
        if let marker = alignmentMarker(rec, slots) { out.append(("_align", marker, .arrayLiteral([]))) }
        for s in slots.sorted(by: { $0.offset < $1.offset }) {
            if s.offset > cursor {
                out.append(("_pad\(pads)", .array(.named("u8"), s.offset - cursor), .arrayRepeat(.literal("0u8"), s.offset - cursor))); pads += 1
            }
            if s.name.hasPrefix("_bitfield_") {
                out.append((s.name, s.type, .arrayRepeat(.literal("0u8"), s.size)))
            } else if let k = fields.indices.first(where: { fields[$0].bitWidth == nil && fieldName(r, $0) == s.name }) {
                out.append((s.name, s.type, isLiteralField(r, k) ? .path("None") : isFieldVector(r, k) ? .call(.path("Vec::new"), []) : zero(fields[k].type)))
            }
            cursor = max(cursor, s.offset + s.size)
        }
        if rec.size > cursor, repr.contains("packed") || roundUp(cursor, naturalAlign(slots)) < rec.size && !repr.contains("align(") {
            out.append(("_pad\(pads)", .array(.named("u8"), rec.size - cursor), .arrayRepeat(.literal("0u8"), rec.size - cursor)))
        }
        return out
    }
}
