extension Program {
    /// What the program does to the variables `target` names (an lvalue to its variable id):
    /// every value a plain assignment gives each, in the order the functions' bodies and then
    /// the initializers hold them, and the variables otherwise changed or addressed (`op=`,
    /// `++`, `--`, `&`).
    public func assignments(to target: (CExpr) -> Int?) -> (values: [Int: [CExpr]], changed: Set<Int>) {
        var values: [Int: [CExpr]] = [:]
        var changed: Set<Int> = []
        func visit(_ e: CExpr) {
            switch e.kind {
            case .assign(let l, let r):
                if let id = target(l) { values[id, default: []].append(r) }
            case .compoundAssign(_, let l, _):
                if let id = target(l) { changed.insert(id) }
            case .unary(let op, let x) where [.preInc, .preDec, .postInc, .postDec, .addressOf].contains(op):
                if let id = target(x) { changed.insert(id) }
            default: break
            }
            e.forEachChild(visit)
        }
        for f in functions where f.body != nil { f.body!.forEachExpression(visit) }
        for v in variables { if let e = v.initializer { visit(e) } }
        return (values, changed)
    }
}
