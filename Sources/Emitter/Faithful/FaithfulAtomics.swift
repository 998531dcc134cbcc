import CSyntax
import RustSyntax

/// GCC's atomic builtins (`__sync_*`, `__atomic_*`) through Rust's atomics: the C object is
/// reached as `AtomicU64::from_ptr(p)` (and kin by size and sign), every operation sequentially
/// consistent (at least as strong as any order C asked for).
extension FaithfulTranslator {
    /// The atomic view of `*p`, and the Rust integer type of its value; nil for a pointee with no
    /// atomic integer of its size.
    private func atomicObject(_ p: CExpr) -> (RExpr, String)? {
        guard case .pointer(let pointee, _) = p.type, case .int(let k) = pointee else { return nil }
        let value = Self.intName(k == .bool ? .uchar : k)
        let atomic = "::core::sync::atomic::Atomic" + value.prefix(1).uppercased() + value.dropFirst()
        return (.call(.path(atomic + "::from_ptr"), [.cast(rvalue(p), .pointer(.named(value), mutable: true))]), value)
    }

    private var seqCst: RExpr { .path("::core::sync::atomic::Ordering::SeqCst") }

    /// `old OP v` for the `OP_and_fetch` forms.
    private func combine(_ op: String, _ old: RExpr, _ v: RExpr) -> RExpr {
        switch op {
        case "add": return .method(old, "wrapping_add", [v])
        case "sub": return .method(old, "wrapping_sub", [v])
        case "and": return .binary(.bitAnd, old, v)
        case "or": return .binary(.bitOr, old, v)
        case "xor": return .binary(.bitXor, old, v)
        default: return .unary(.not, .binary(.bitAnd, old, v))   // nand
        }
    }

    private func readModifyWrite(_ op: String, newValue: Bool, _ p: CExpr, _ v: CExpr, _ e: CExpr) -> RExpr? {
        guard ["add", "sub", "and", "or", "xor", "nand"].contains(op), let (atomic, value) = atomicObject(p) else { return nil }
        let operand = RExpr.cast(rvalue(v), .named(value))
        if !newValue { return .cast(.method(atomic, "fetch_" + op, [operand, seqCst]), rtype(e.type)) }
        return .cast(.block(RBlock([.letBinding(name: "__v", mutable: false, type: nil, value: operand),
                                    .letBinding(name: "__old", mutable: false, type: nil, value: .method(atomic, "fetch_" + op, [.path("__v"), seqCst]))],
                                   tail: combine(op, .path("__old"), .path("__v")))), rtype(e.type))
    }

    /// `__sync_*` (a call; clang names it with the operand's size, `__sync_add_and_fetch_8`).
    func syncBuiltin(_ name: String, _ args: [CExpr], _ e: CExpr) -> RExpr? {
        guard name.hasPrefix("__sync_") else { return nil }
        var base = String(name.dropFirst(7))
        if let last = base.split(separator: "_").last, ["1", "2", "4", "8", "16"].contains(last) { base = String(base.dropLast(last.count + 1)) }
        if base == "synchronize" { return .call(.path("::core::sync::atomic::fence"), [seqCst]) }
        guard let p = args.first else { return nil }
        func unsupported() -> RExpr { refuse("the atomic builtin \(name) on this type", at: e.loc); return .unitValue }
        if base.hasPrefix("fetch_and_"), args.count == 2 {
            return readModifyWrite(String(base.dropFirst(10)), newValue: false, p, args[1], e) ?? unsupported()
        }
        if base.hasSuffix("_and_fetch"), args.count == 2 {
            return readModifyWrite(String(base.dropLast(10)), newValue: true, p, args[1], e) ?? unsupported()
        }
        guard let (atomic, value) = atomicObject(p) else { return unsupported() }
        switch base {
        case "bool_compare_and_swap" where args.count == 3:
            let ok = RExpr.method(.method(atomic, "compare_exchange", [.cast(rvalue(args[1]), .named(value)), .cast(rvalue(args[2]), .named(value)), seqCst, seqCst]), "is_ok", [])
            return e.type == .int(.bool) ? ok : .cast(ok, rtype(e.type))
        case "val_compare_and_swap" where args.count == 3:
            let r = RExpr.method(atomic, "compare_exchange", [.cast(rvalue(args[1]), .named(value)), .cast(rvalue(args[2]), .named(value)), seqCst, seqCst])
            return .cast(.method(r, "unwrap_or_else", [.path("::core::convert::identity")]), rtype(e.type))
        case "lock_test_and_set" where args.count == 2:
            return .cast(.method(atomic, "swap", [.cast(rvalue(args[1]), .named(value)), seqCst]), rtype(e.type))
        case "lock_release":
            return .method(atomic, "store", [.literal("0"), seqCst])
        default:
            return unsupported()
        }
    }

    /// `__atomic_*` (clang's AtomicExpr: pointer, order, value, ...).
    func atomicBuiltin(_ name: String, _ operands: [CExpr], _ e: CExpr) -> RExpr {
        var base = name.hasPrefix("__c11_atomic_") ? String(name.dropFirst(13)) : String(name.dropFirst(9))
        if base.hasSuffix("_n") { base = String(base.dropLast(2)) }
        func unsupported() -> RExpr { refuse("the atomic builtin \(name)", at: e.loc); return .unitValue }
        guard let p = operands.first else { return unsupported() }
        let value = operands.count >= 3 ? operands[2] : nil
        if base.hasPrefix("fetch_"), let v = value {
            return readModifyWrite(String(base.dropFirst(6)), newValue: false, p, v, e) ?? unsupported()
        }
        if base.hasSuffix("_fetch"), let v = value {
            return readModifyWrite(String(base.dropLast(6)), newValue: true, p, v, e) ?? unsupported()
        }
        if base == "test_and_set" || base == "clear" {
            // On the byte at the pointer, whatever its declared type (the builtin takes `void *`).
            let byte = RExpr.call(.path("::core::sync::atomic::AtomicU8::from_ptr"), [.cast(rvalue(p), .pointer(.named("u8"), mutable: true))])
            if base == "clear" { return .method(byte, "store", [.literal("0"), seqCst]) }
            let was = RExpr.binary(.ne, .method(byte, "swap", [.literal("1"), seqCst]), .literal("0"))
            return e.type == .int(.bool) ? was : .cast(was, rtype(e.type))
        }
        guard let (atomic, type) = atomicObject(p) else { return unsupported() }
        switch base {
        case "load": return .cast(.method(atomic, "load", [seqCst]), rtype(e.type))
        case "store" where value != nil: return .method(atomic, "store", [.cast(rvalue(value!), .named(type)), seqCst])
        case "exchange" where value != nil: return .cast(.method(atomic, "swap", [.cast(rvalue(value!), .named(type)), seqCst]), rtype(e.type))
        default: return unsupported()
        }
    }
}
