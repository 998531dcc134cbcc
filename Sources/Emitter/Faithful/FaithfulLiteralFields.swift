import CSyntax
import RustSyntax

/// Struct members that only ever hold string literals or NULL (`struct op { const char *name;
/// int (*fn)(int, int); }` initialised with `{"add", add}`; a table ended by `{NULL, 0}`): each
/// is an `Option<&'static [u8]>`, the literal's bytes with its NUL, `None` for NULL. Printing,
/// measuring or comparing one reads the slice without `unsafe`; any other use gets C's pointer
/// (`s.as_ptr()`, or null), which forming is safe. A slice is twice a pointer's size, so the
/// Rust record is larger than C's: a record qualifies only where nothing observes its layout
/// (not the C library's own record; no conversion of a pointer to it, or to a record or array
/// holding it, to another pointer type or an integer; no pointer to it reaching the C library;
/// not in a union, not packed:
/// `observedLayouts`). `sizeof` stays clang's constant, C's size.
extension FaithfulTranslator {
    struct FieldKey: Hashable, Sendable {
        var record: Int
        var field: Int
    }

    /// The records whose layout the program observes: a pointer to one (or to a record or array
    /// holding one) converted to another pointer type or to an integer, or passed to the C
    /// library; a member of a union; inside a packed record; of a variable defined elsewhere;
    /// the C library's own records.
    /// `memset(&s, 0, sizeof s)` of a whole object is no observation: it is written as the
    /// object's zero value (FaithfulMemset).
    /// `vectors`, once local buffers written as `Vec`s are known (LocalVectors): their
    /// allocations, indexes and `free`, and the copies and fills written as slice operations
    /// (FaithfulSliceCopies, FaithfulMemset: their results unused), move values, no bytes.
    static func observedLayouts(_ program: Program, packed: Set<Int>, vectors: LocalVectors? = nil) -> Set<Int> {
        let discarded = vectors == nil ? [] : HeapRecords.discardedCalls(program)
        var held: [Int: Set<Int>] = [:]
        func holds(_ t: CTy) -> Set<Int> { heldRecords(t, program, &held) }
        func pointee(_ t: CTy) -> CTy? {
            if case .pointer(let p, _) = t { return p }
            return nil
        }
        var observed: Set<Int> = []
        for (r, rec) in program.records.enumerated() where rec.isUnion || packed.contains(r) {
            for f in rec.fields ?? [] { observed.formUnion(holds(f.type)) }
            if packed.contains(r) { observed.insert(r) }
        }
        for v in program.variables where v.storage == .external { observed.formUnion(holds(v.type)) }
        for (r, rec) in program.records.enumerated() where rec.isSystem { observed.formUnion(holds(.record(r))) }
        func visit(_ e: CExpr) {
            if let vectors {
                if let operands = vectors.consumed(e) { operands.forEach(visit); return }
                if case .call(let callee, let args) = e.kind, case .function(let f) = callee.withoutCasts.kind, program.functions[f].body == nil {
                    let name = program.functions[f].name
                    if discarded.contains(e.loc), let c = sliceCopy(name, args, program, lifted: [:], positions: .none, vectors: vectors) {
                        sliceCopyOperands(c).forEach(visit); return
                    }
                    if case .vector(_, _, let start, let count, let value)? = memsetForm(name, args, program, zeroable: { _ in true }, vectors: vectors) {
                        (start.map(\.0) + [value] + (count.operand.map { [$0] } ?? [])).forEach(visit); return
                    }
                }
            }
            switch e.kind {
            case .cast(let x, _) where !x.isNullPointerConstant:
                // A pointer to the record seen as another type (memset, qsort, malloc's result,
                // byte arithmetic) or as a number.
                switch (pointee(x.type), pointee(e.type)) {
                case (let a?, let b?) where a != b: observed.formUnion(holds(a)); observed.formUnion(holds(b))
                case (let a?, nil) where !e.type.isArrayLike && e.type != .int(.bool) && e.type != .void: observed.formUnion(holds(a))
                case (nil, let b?) where !x.type.isArrayLike:
                    if case .function = x.type {} else { observed.formUnion(holds(b)) }
                default: break
                }
            case .call(let callee, let args):
                if case .function(let f) = callee.withoutCasts.kind, program.functions[f].body == nil {
                    if wholeZeroMemset(program.functions[f].name, args, program) != nil { args.dropFirst().forEach(visit); return }
                    for a in args { if let p = pointee(a.type) { observed.formUnion(holds(p)) } }
                }
            default: break
            }
            e.forEachChild(visit)
        }
        for f in program.functions where f.body != nil { f.body!.forEachExpression(visit) }
        for (id, v) in program.variables.enumerated() {
            if let operands = vectors?.initializerOperands(id) { operands.forEach(visit) } else if let e = v.initializer { visit(e) }
            if let n = v.vlaSize { visit(n) }
        }
        return observed
    }

    /// The records a value of `t` holds in place: itself, its arrays' elements, its members.
    static func heldRecords(_ t: CTy, _ program: Program, _ memo: inout [Int: Set<Int>]) -> Set<Int> {
        switch t {
        case .array(let e, _): return heldRecords(e, program, &memo)
        case .record(let r):
            if let known = memo[r] { return known }
            memo[r] = [r]   // a record cannot hold itself; this ends a malformed cycle
            var out: Set<Int> = [r]
            for f in program.records[r].fields ?? [] { out.formUnion(heldRecords(f.type, program, &memo)) }
            memo[r] = out
            return out
        default: return []
        }
    }

    /// The members that only hold literals or NULL, in records whose layout is not observed.
    static func literalFields(_ program: Program, observed: Set<Int>) -> Set<FieldKey> {
        var candidates: Set<FieldKey> = []
        for (r, rec) in program.records.enumerated() where !rec.isUnion && !rec.isSystem && !observed.contains(r) {
            for (k, f) in (rec.fields ?? []).enumerated() where f.bitWidth == nil && !f.name.isEmpty {
                if case .pointer(.int(.char), _) = f.type { candidates.insert(FieldKey(record: r, field: k)) }
            }
        }
        guard !candidates.isEmpty else { return [] }
        var bad: Set<FieldKey> = []
        func key(_ e: CExpr) -> FieldKey? {
            guard case .member(_, let r, let k, _) = e.kind else { return nil }
            let key = FieldKey(record: r, field: k)
            return candidates.contains(key) ? key : nil
        }
        func literal(_ v: CExpr) -> Bool {
            if v.isNullPointerConstant { return true }
            let s = v.withoutCasts
            switch s.kind {
            case .stringLiteral:
                if case .array(.int(let c), _) = s.type { return c.size == 1 }
                return false
            case .conditional(_, let a, let b): return literal(a) && literal(b)
            default: return false
            }
        }
        func visit(_ e: CExpr) {
            switch e.kind {
            case .assign(let l, let v):
                if let k = key(l), !literal(v) { bad.insert(k) }
            case .compoundAssign(_, let l, _):
                if let k = key(l) { bad.insert(k) }
            case .unary(let op, let x) where [.preInc, .preDec, .postInc, .postDec, .addressOf].contains(op):
                if let k = key(x) { bad.insert(k) }
            case .initList(let entries):
                if case .record(let r) = e.type {
                    for (d, v) in entries {
                        if case .field(let k) = d, candidates.contains(FieldKey(record: r, field: k)), !literal(v) { bad.insert(FieldKey(record: r, field: k)) }
                    }
                }
            default: break
            }
            e.forEachChild(visit)
        }
        for f in program.functions where f.body != nil { f.body!.forEachExpression(visit) }
        for v in program.variables { if let e = v.initializer { visit(e) } }
        return candidates.subtracting(bad)
    }

    /// A literal member's Rust type.
    static let literalFieldType = RType.named("Option<&'static [u8]>")

    func isLiteralField(_ record: Int, _ field: Int) -> Bool {
        literalFields.contains(FieldKey(record: record, field: field))
    }

    /// `e` is a literal member (`p->name`).
    func literalField(_ e: CExpr) -> Bool {
        if case .member(_, let r, let k, _) = e.kind { return isLiteralField(r, k) }
        return false
    }

    /// The value stored into a literal member: `Some(literal)`, `None` for NULL.
    func literalFieldValue(_ v: CExpr) -> RExpr {
        if v.isNullPointerConstant { return .path("None") }
        let s = v.withoutCasts
        switch s.kind {
        case .stringLiteral(let bytes): return .call(.path("Some"), [.method(.literal(byteString(bytes)), "as_slice", [])])
        case .conditional(let c, let a, let b):
            return .ifElse(condition(c), RBlock(tail: literalFieldValue(a)), .block(RBlock(tail: literalFieldValue(b))))
        default: return .path("None")   // not reached: literalFields admits the forms above only
        }
    }

    /// A literal member's value as C's pointer: the literal's address, or null.
    func literalFieldPointer(_ field: RExpr, _ t: CTy) -> RExpr {
        .cast(.match(field, [RArm(["Some(__s)"], RBlock(tail: .method(.path("__s"), "as_ptr", []))),
                             RArm(["None"], RBlock(tail: .turbofish("::core::ptr::null", [.named("u8")], [])))]), rtype(t))
    }

    /// A literal member (or literal global) read as a string: its slice, or what C reads at NULL (`printf`'s
    /// "(null)", or nothing under a precision below 6, as glibc prints).
    func literalFieldSlice(_ e: CExpr, null: [UInt8]?) -> RExpr {
        let field: RExpr
        switch e.kind {
        case .member(let base, let r, let k, let arrow): field = .field(recordPlace(base, arrow), fieldName(r, k))
        case .variable(let id): need(variable: id); field = literalGlobalText(id)   // a literal global (FaithfulLiteralGlobals)
        default: return .unitValue
        }
        guard let null else { return .method(field, "expect", [.literal("\"a NULL string\"")]) }
        return .method(field, "unwrap_or", [.literal(byteString(null))])
    }
}
