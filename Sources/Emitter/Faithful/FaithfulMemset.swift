import CSyntax
import RustSyntax

/// `memset` of a local array reached without a pointer (`memset(buf, 0, sizeof buf)`,
/// `memset(counts, -1, sizeof counts)`, `memset(line, ' ', n)` over bytes): the array's elements
/// filled in safe Rust, each with the value whose every byte is `c`, as memset leaves them. A
/// count that covers only part of an element, or any other destination (a struct, whose padding
/// memset also clears; a pointer), keeps the C library's call.
extension FaithfulTranslator {
    enum MemsetForm {
        /// `count` elements from the start (nil: the whole array).
        case fill(array: CExpr, element: CTy, count: Int?, value: CExpr)
        /// A byte array's first `n` bytes, `n` computed.
        case bytes(array: CExpr, n: CExpr, value: CExpr)
    }

    static func memsetForm(_ name: String, _ args: [CExpr], _ program: Program) -> MemsetForm? {
        guard name == "memset" || name == "__builtin_memset", args.count == 3 else { return nil }
        let array = args[0].withoutCasts
        guard case .array(let element, let n?) = array.type, isInPlace(array, program), args[1].type.isInteger, args[2].type.isInteger else { return nil }
        let size: Int
        switch element {
        case .int(let k) where k != .bool && k.size <= 8: size = k.size
        case .float(let k) where k != .longDouble: size = k == .float ? 4 : 8
        default: return nil
        }
        if let bytes = args[2].integerLiteralValue {
            guard bytes >= 0, bytes % size == 0, bytes / size <= n else { return nil }
            let count = bytes / size
            return .fill(array: array, element: element, count: count == n ? nil : count, value: args[1])
        }
        return size == 1 ? .bytes(array: array, n: args[2], value: args[1]) : nil
    }

    /// The fill, and memset's result (the destination) when its value is used.
    func memsetExpression(_ form: MemsetForm, _ e: CExpr) -> RExpr {
        let fill: RExpr, array: CExpr
        switch form {
        case .fill(let a, let element, let count, let c):
            array = a
            let target: RExpr = count.map { .index(place(a), .rangeTo(.literal("\($0)usize"))) } ?? place(a)
            fill = .method(target, "fill", [filler(c, element)])
        case .bytes(let a, let n, let c):
            array = a
            guard case .array(let element, _) = a.type else { return .unitValue }
            fill = .method(.index(place(a), .rangeTo(.cast(rvalue(n), .named("usize")))), "fill", [filler(c, element)])
        }
        if e.type == .void { return fill }
        return .block(RBlock([.expr(fill)], tail: .cast(.method(place(array), "as_mut_ptr", []), rtype(e.type))))
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
