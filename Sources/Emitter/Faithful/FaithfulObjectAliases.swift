import CSyntax

/// Local pointers that always point to one local object: `struct pt *pp = &p;` or
/// `struct stats *s = &acct.stats;`, never assigned again and never addressed. `*pp` and
/// `pp->x` are that object's place itself (`p`, `p.x`): no pointer is dereferenced, so no
/// `unsafe` is needed, and no reference is held either, so `p` stays free for its other uses.
/// Any other use of `pp` (passed, compared, stored) is C's pointer value, which forming is safe.
extension FaithfulTranslator {
    /// Each such pointer (a local's id) and the place it points to (`p`, `p.stats`).
    static func objectAliases(_ program: Program, excluded: Set<Int>) -> [Int: CExpr] {
        /// `x` or `x.f.g` of a local object (no array element, no pointer on the way, no union).
        func object(_ e: CExpr) -> Bool {
            switch e.kind {
            case .variable(let id):
                let v = program.variables[id]
                return (v.storage == .local || v.storage == .parameter) && v.vlaSize == nil && !v.type.isArrayLike && !excluded.contains(id)
            case .member(let base, let r, let f, false):
                return !program.records[r].isUnion && (program.records[r].fields ?? [])[f].bitWidth == nil && object(base)
            default: return false
            }
        }
        var aliases: [Int: CExpr] = [:]
        for (id, v) in program.variables.enumerated() where v.storage == .local && v.cleanup == nil && !excluded.contains(id) {
            guard case .pointer(let pointee, _) = v.type, let ini = v.initializer,
                  case .unary(.addressOf, let path) = ini.withoutQualifierCasts.kind, path.type == pointee, object(path) else { continue }
            aliases[id] = path
        }
        guard !aliases.isEmpty else { return [:] }
        for id in reassignedOrAddressed(program) { aliases[id] = nil }
        return aliases
    }

    /// The object a pointer alias points to, as a place (`*pp`, `pp->x`'s record).
    func aliasedObject(_ p: CExpr) -> CExpr? {
        guard case .variable(let id) = p.withoutQualifierCasts.kind else { return nil }
        return objectAliases[id]
    }
}
