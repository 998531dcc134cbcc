import CSyntax
import RustSyntax

/// Globals and static locals of type `char *` that only ever hold string literals or NULL
/// (`const char *program_name = "tool";` later set to `"tool(reset)"`, `label = k > 3 ? "big" :
/// "small"`), never addressed: the literals they can hold go in a table (`G_TEXTS`, NULL
/// first), and the variable is an atomic index into it. Reading the text, printing it or
/// testing it for NULL needs no `unsafe`; any other use gets C's pointer (the literal's
/// address, or null), which forming is safe.
extension FaithfulTranslator {
    /// The qualifying variables, each with the literals it can hold (index 0 is NULL).
    static func literalGlobals(_ program: Program, excluding: Set<Int>) -> [Int: [[UInt8]]] {
        var candidates: [Int: [[UInt8]]] = [:]
        func literals(_ v: CExpr) -> [[UInt8]]? {
            if v.isNullPointerConstant { return [] }
            let s = v.withoutCasts
            switch s.kind {
            case .stringLiteral(let bytes):
                if case .array(.int(let c), _) = s.type, c.size == 1 { return [bytes] }
                return nil
            case .conditional(_, let a, let b):
                guard let x = literals(a), let y = literals(b) else { return nil }
                return x + y
            default: return nil
            }
        }
        for (id, v) in program.variables.enumerated() where (v.storage == .global || v.storage == .staticLocal) && !excluding.contains(id) {
            guard case .pointer(.int(.char), _) = v.type else { continue }
            if let e = v.initializer { if let l = literals(e) { candidates[id] = l } } else { candidates[id] = [] }
        }
        guard !candidates.isEmpty else { return [:] }
        let (values, changed) = program.assignments { e in
            if case .variable(let id) = e.kind, candidates[id] != nil { return id }
            return nil
        }
        var bad = changed
        for (id, list) in values {
            for v in list { if let l = literals(v) { candidates[id]! += l } else { bad.insert(id) } }
        }
        var out: [Int: [[UInt8]]] = [:]
        for (id, l) in candidates where !bad.contains(id) {
            var seen: [[UInt8]] = [[]]   // the NULL slot (its bytes are never used)
            for text in l where !seen.dropFirst().contains(text) { seen.append(text) }
            out[id] = seen
        }
        return out
    }

    /// The table of a literal global's texts.
    func literalGlobalTable(_ id: Int) -> RExpr { .path(globalName(id).uppercased() + "_TEXTS") }

    /// The items of a literal global: its table and its index.
    func literalGlobalItems(_ id: Int) -> [RItem] {
        guard let texts = literalGlobals[id] else { return [] }
        let v = program.variables[id]
        let entries: [RExpr] = texts.indices.map { k in
            k == 0 ? .path("None") : .call(.path("Some"), [.method(.literal(byteString(texts[k])), "as_slice", [])])
        }
        let table = RItem.staticVar(name: globalName(id).uppercased() + "_TEXTS", type: .array(Self.literalFieldType, texts.count),
                                    value: .arrayLiteral(entries), mutable: false,
                                    comments: ["the string literals `\(v.name)` can hold (NULL first)"])
        let start = v.initializer.map { literalGlobalIndex($0, id) } ?? .literal("0usize")
        let index = RItem.staticVar(name: globalName(id), type: .named("::core::sync::atomic::AtomicUsize"),
                                    value: .call(.path("::core::sync::atomic::AtomicUsize::new"), [start]), mutable: false,
                                    comments: ["only ever holds string literals or NULL: which one, in \(globalName(id).uppercased())_TEXTS"])
        return [table, index]
    }

    /// The index of the literal (or NULL) `v` gives, in `id`'s table.
    func literalGlobalIndex(_ v: CExpr, _ id: Int) -> RExpr {
        if v.isNullPointerConstant { return .literal("0usize") }
        let s = v.withoutCasts
        switch s.kind {
        case .stringLiteral(let bytes):
            let k = literalGlobals[id]?.dropFirst().firstIndex(of: bytes) ?? 0
            return .literal("\(k)usize")
        case .conditional(let c, let a, let b):
            return .ifElse(condition(c), RBlock(tail: literalGlobalIndex(a, id)), .block(RBlock(tail: literalGlobalIndex(b, id))))
        default: return .literal("0usize")   // not reached: literalGlobals admits the forms above only
        }
    }

    /// The text a literal global holds now: `Option<&[u8]>`.
    func literalGlobalText(_ id: Int) -> RExpr {
        .index(literalGlobalTable(id), .method(.path(globalName(id)), "load", [Self.relaxed]))
    }

    /// `g = "text"` (or NULL): the index stored.
    func literalGlobalStore(_ id: Int, _ v: CExpr) -> RExpr {
        need(variable: id)
        return .method(.path(globalName(id)), "store", [literalGlobalIndex(v, id), Self.relaxed])
    }

    /// A literal global as C's pointer.
    func literalGlobalPointer(_ id: Int) -> RExpr {
        need(variable: id)
        return literalFieldPointer(literalGlobalText(id), program.variables[id].type)
    }
}
