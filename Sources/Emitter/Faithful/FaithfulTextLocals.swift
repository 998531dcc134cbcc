import CSyntax
import RustSyntax

/// Local `char` pointers that only ever hold static text: string literals, elements of tables
/// of literals, results of functions that only return literals (`const char *w = greet(0);`,
/// `name = c ? "on" : "off";`, `s = names[i];`), or another such local. Each is a
/// `&'static [u8]` (the text and its NUL): `*w` and `w[i]` read its bytes (a checked index),
/// `printf("%s")`, `strlen`, `strcmp` and a parameter lifted to bytes read the slice, and any
/// other use gets C's pointer, `w.as_ptr()`, which forming is safe. A local also moved (`w++`),
/// given anything else (NULL, a buffer), or addressed stays a pointer.
extension FaithfulTranslator {
    /// `references`: parameters pointing to a table's element (a text comparator's): `*a` is text.
    /// `aliases`: pointers that only ever hold one literal (FaithfulStatics), text too.
    static func textLocals(_ program: Program, tables: Set<Int>, functions: Set<Int>, excluded: Set<Int>, references: Set<Int> = [],
                           aliases: Set<Int> = []) -> Set<Int> {
        var candidates: Set<Int> = []
        for (id, v) in program.variables.enumerated() where v.storage == .local && v.cleanup == nil && v.vlaSize == nil && !excluded.contains(id) {
            if case .pointer(.int(let k), _) = v.type, k.size == 1 { candidates.insert(id) }
        }
        guard !candidates.isEmpty else { return [] }
        let assigned = program.assignments { e in
            if case .variable(let id) = e.withoutCasts.kind, candidates.contains(id) { return id }
            return nil
        }
        var values = assigned.values
        let dropped = assigned.changed
        for id in candidates { if let e = program.variables[id].initializer { values[id, default: []].append(e) } }
        var set = candidates.subtracting(dropped).filter { values[$0] != nil }
        func text(_ e: CExpr) -> Bool {
            isStaticText(e, tables: tables, texts: set.union(aliases), functions: functions, references: references, literals: true)
        }
        var changed = true
        while changed {
            changed = false
            for id in set where !(values[id] ?? []).allSatisfy(text) { set.remove(id); changed = true }
        }
        return set
    }

    /// The text local `e` names (under conversions), if it is one.
    func textLocal(_ e: CExpr) -> Int? {
        if case .variable(let id) = e.withoutCasts.kind, textLocals.contains(id) { return id }
        return nil
    }

    /// A static text value as its slice: a literal, a table's element, a literal function's
    /// result, a text local, or a choice of them.
    func textValue(_ e: CExpr) -> RExpr {
        let s = e.withoutCasts
        switch s.kind {
        case .variable(let id):
            if let bytes = literalAliases[id] { return .method(.literal(byteString(bytes)), "as_slice", []) }   // the one literal it holds
            return .path(localName(id))
        case .conditional(let c, let a, let b):
            return .ifElse(condition(c), RBlock(tail: textValue(a)), .block(RBlock(tail: textValue(b))))
        default: return literalReturn(s)
        }
    }

    /// Byte `index` (nil: the first) of a text local, as the C type `t`.
    func textByte(_ id: Int, _ index: CExpr?, _ t: CTy) -> RExpr {
        let i: RExpr = index.map { .cast(rvalue($0), .named("usize")) } ?? .literal("0usize")
        let byte = RExpr.index(.path(localName(id)), i)
        return t == .int(.uchar) ? byte : .cast(byte, rtype(t))
    }
}

extension FaithfulTranslator {
    /// `t + k` or `&t[k]` of a `char` pointer `t` and an integer `k`: what of `t` is left from
    /// byte `k` (static text when `t` is).
    static func textTail(_ e: CExpr) -> (text: CExpr, from: CExpr)? {
        func step(_ s: CExpr) -> (CExpr, CExpr)? {
            if case .binary(.add, let b, let k) = s.kind, k.type.isInteger, case .pointer(.int(let c), _) = b.type, c.size == 1 { return (b, k) }
            if case .unary(.addressOf, let x) = s.kind, case .subscript(let b, let k) = x.kind, k.type.isInteger,
               case .pointer(.int(let c), _) = b.type, c.size == 1 { return (b, k) }
            return nil
        }
        guard var (b, k) = step(e.withoutCasts) else { return nil }
        // `s + i + 1`: the offsets added up, from the text itself.
        while let (inner, k2) = step(b.withoutCasts) {
            let long = CTy.int(.long)
            k = CExpr(.binary(.add, CExpr(.cast(k2, explicit: false), long, k2.loc), CExpr(.cast(k, explicit: false), long, k.loc)), long, k.loc)
            b = inner
        }
        return (b, k)
    }

    /// Static text the emitter gives as its slice: a table's element, a text local, a text
    /// comparator's element, a literal function's result, the rest of one from a byte on, or a
    /// choice of them; a `char` string literal too where `literals`.
    static func isStaticText(_ e: CExpr, tables: Set<Int>, texts: Set<Int>, functions: Set<Int>, references: Set<Int>,
                             literals: Bool = false) -> Bool {
        func text(_ x: CExpr) -> Bool { isStaticText(x, tables: tables, texts: texts, functions: functions, references: references, literals: literals) }
        let s = e.withoutCasts
        if let (b, _) = textTail(s) { return text(b) }
        switch s.kind {
        case .stringLiteral:
            if literals, case .array(.int(let c), _) = s.type, c.size == 1 { return true }
            return false
        case .subscript(let b, _): return tableName(b).map { tables.contains($0) } ?? false
        case .variable(let id): return texts.contains(id)
        case .unary(.deref, let p):
            if case .variable(let id) = p.withoutCasts.kind { return references.contains(id) }
            return false
        case .call(let callee, _):
            if case .function(let id) = callee.withoutCasts.kind { return functions.contains(id) }
            return false
        case .conditional(_, let a, let b): return text(a) && text(b)
        default: return false
        }
    }

    /// `isStaticText` over this translation's tables, text locals, comparators and functions.
    func staticText(_ e: CExpr) -> Bool {
        Self.isStaticText(e, tables: literalTables, texts: textLocals.union(literalAliases.keys), functions: literalFunctions, references: textTables.references)
    }

    /// `s + k` of a parameter lifted to a slice of `char`s (no walked one): `&s[k..]`.
    func liftedTail(_ e: CExpr) -> RExpr? {
        guard let (b, k) = Self.textTail(e), let (name, lift) = lifted(b), lift.slice, !lift.cursor, !lift.offset else { return nil }
        return .unary(.ref, .index(.path(name), .rangeFrom(.cast(rvalue(k), .named("usize")))))
    }

    /// The rest of static text from byte `k` as C's pointer: `names[i][k..].as_ptr()`.
    func textTailPointer(_ e: CExpr, _ t: CTy) -> RExpr {
        .cast(.method(textValue(e), "as_ptr", []), rtype(t))
    }
}
