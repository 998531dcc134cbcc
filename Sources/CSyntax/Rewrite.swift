/// Rewriting syntax trees: a pass that changes a few nodes (a parameter's type, a cast that goes)
/// and keeps the rest.
extension CExpr {
    /// The expression with `change` applied top-down: where it returns an expression, that
    /// replaces the node (and is not visited further); elsewhere the node is rebuilt from its
    /// rewritten operands.
    public func rewritten(_ change: (CExpr) -> CExpr?) -> CExpr {
        if let replaced = change(self) { return replaced }
        func r(_ e: CExpr) -> CExpr { e.rewritten(change) }
        let kind: CExprKind
        switch self.kind {
        case .intLiteral, .floatLiteral, .stringLiteral, .variable, .function, .vlaSizeof, .labelAddress, .unsupported: return self
        case .unary(let op, let x): kind = .unary(op, r(x))
        case .binary(let op, let a, let b): kind = .binary(op, r(a), r(b))
        case .assign(let a, let b): kind = .assign(r(a), r(b))
        case .compoundAssign(let op, let a, let b): kind = .compoundAssign(op, r(a), r(b))
        case .conditional(let a, let b, let c): kind = .conditional(r(a), r(b), r(c))
        case .elvis(let a, let b): kind = .elvis(r(a), r(b))
        case .call(let f, let args): kind = .call(r(f), args.map(r))
        case .member(let b, let record, let field, let arrow): kind = .member(r(b), record: record, field: field, arrow: arrow)
        case .subscript(let a, let b): kind = .subscript(r(a), r(b))
        case .cast(let x, let explicit): kind = .cast(r(x), explicit: explicit)
        case .initList(let entries): kind = .initList(entries.map { ($0.0, r($0.1)) })
        case .compoundLiteral(let x): kind = .compoundLiteral(r(x))
        case .statementExpr(let s): kind = .statementExpr(s.rewritten(change))
        case .vaArg(let x): kind = .vaArg(r(x))
        case .atomic(let name, let operands): kind = .atomic(name, operands.map(r))
        case .intrinsic(let name, let args): kind = .intrinsic(name, args.map(r))
        }
        return CExpr(kind, type, loc)
    }
}

extension CStmt {
    /// The statement with every expression it holds rewritten (see `CExpr.rewritten`), and
    /// `declared` choosing which of a declaration's variables stay declared.
    public func rewritten(_ change: (CExpr) -> CExpr?, declared: (Int) -> Bool = { _ in true }) -> CStmt {
        func s(_ x: CStmt) -> CStmt { x.rewritten(change, declared: declared) }
        func e(_ x: CExpr) -> CExpr { x.rewritten(change) }
        switch self {
        case .compound(let list): return .compound(list.map(s))
        case .declaration(let ids):
            let kept = ids.filter(declared)
            return kept.isEmpty ? .empty : .declaration(kept)
        case .expression(let x): return .expression(e(x))
        case .ifThen(let c, let a, let b): return .ifThen(e(c), s(a), b.map(s))
        case .whileLoop(let c, let b): return .whileLoop(e(c), s(b))
        case .doWhile(let b, let c): return .doWhile(s(b), e(c))
        case .forLoop(let i, let c, let n, let b): return .forLoop(i.map(s), c.map(e), n.map(e), s(b))
        case .switchOn(let x, let b): return .switchOn(e(x), s(b))
        case .caseLabel(let v, let b): return .caseLabel(v, s(b))
        case .caseRange(let a, let z, let b): return .caseRange(a, z, s(b))
        case .defaultLabel(let b): return .defaultLabel(s(b))
        case .returnStmt(let x): return .returnStmt(x.map(e))
        case .labeled(let name, let b): return .labeled(name, s(b))
        case .indirectGoto(let x): return .indirectGoto(e(x))
        case .breakStmt, .continueStmt, .gotoLabel, .empty, .unsupported: return self
        }
    }
}
