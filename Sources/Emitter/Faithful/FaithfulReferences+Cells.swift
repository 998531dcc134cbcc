import CSyntax
import RustSyntax

/// Parameters lifted to `&Cell<T>`. `void swap(int *a, int *b)` called as `swap(&v[i], &v[j])`
/// cannot take two `&mut i32`: Rust will not lend two places of one array mutably at once, and
/// C allows `i == j`. A pointer parameter to a number that its function only reads and writes
/// whole (`*p`, `*p = v`, `*p += v`: nothing else names it) is a `&Cell<T>` instead: the caller
/// lends one view of the array as cells (`Cell::from_mut(&mut v[..]).as_slice_of_cells()`) and
/// each argument is a cell of it (`&c[i]`), so two arguments may name one element and every
/// read and write still happens in C's order. Taken only where the plain lifting fails.
///
/// Each caller lends a local number (`&x`), an element of a local array (`&a[k]`, `a + k`, `a`)
/// or of its own lifted slice (`&q[k]`), its own single `&mut T` (`q`), or its own cell (`q`);
/// the roots of these loans are named by no other operand of the call (the view holds them for
/// the call), and a local's address is given nowhere else but to parameters that keep nothing.
extension ReferenceLifting {
    /// A loan to a cell parameter: the variable lent (`root`), and for an array or a slice the
    /// element's index (`element`; nil index: the first).
    struct CellLoan {
        var root: Int
        var index: CExpr?
        /// An element of an array or slice, not a single number.
        var element: Bool
        /// The caller's own pointer parameter handed on (`q`).
        var passed: Bool
    }

    static func cellLoan(_ a: CExpr) -> CellLoan? {
        let e = a.withoutQualifierCasts
        if case .variable(let q) = e.kind, e.type.isPointer { return CellLoan(root: q, index: nil, element: false, passed: true) }
        if case .unary(.addressOf, let x) = e.kind, case .variable(let v) = x.kind { return CellLoan(root: v, index: nil, element: false, passed: false) }
        if let (b, k) = e.pointerOffset, let r = elementRoot(b) { return CellLoan(root: r, index: k, element: true, passed: false) }
        if let r = decayedLocal(e) { return CellLoan(root: r, index: nil, element: true, passed: false) }
        return nil
    }

    /// `a` decayed (a local array) or `q` (a pointer variable): its variable.
    private static func elementRoot(_ b: CExpr) -> Int? {
        let s = b.withoutQualifierCasts
        if case .variable(let q) = s.kind, s.type.isPointer { return q }
        return decayedLocal(s)
    }

    private static func decayedLocal(_ e: CExpr) -> Int? {
        guard case .cast(let x, _) = e.kind, case .array = x.type, case .variable(let a) = x.kind else { return nil }
        return a
    }

    /// Parameter `index` of `function` if it is a cell candidate: while the fixed point runs, a
    /// loan to it may be one to a cell (`liftCells` checks the result).
    func cellCandidate(_ function: Int, _ index: Int) -> Int? {
        guard !cellCandidates.isEmpty, let p = program.functions[function].params[safe: index], cellCandidates.contains(p) else { return nil }
        return p
    }

    /// Parameter `index` of `function` if it is a cell candidate the plain lifting left out.
    func cellTarget(_ function: Int, _ index: Int, _ set: [Int: Lift]) -> Int? {
        guard let p = cellCandidate(function, index), set[p] == nil else { return nil }
        return p
    }

    /// The cells: the plain lifting runs again with the candidates known (a caller's reference
    /// may be lent on to one), and a candidate some call cannot lend to drops out, until none does.
    mutating func liftCells(_ mutability: [Int: Bool], texts: Set<Int>, raw: Set<Int>) {
        cellCandidates = Set(mutability.keys.filter { mutability[$0] == true && lifted[$0] == nil && !texts.contains($0)
                                                      && !across.contains(program.variables[$0].function) && cellShaped($0) })
        guard !cellCandidates.isEmpty else { return }
        while true {
            // A cell is one number: no slice, and no slice is passed on through it.
            let slices = sliceParameters(Set(mutability.keys), apart: cellCandidates)
            let result = lift(mutability, slices: slices, texts: texts, raw: raw)
            let cells = cellCandidates.filter { result[$0] == nil && cellAccepted($0, result) }
            if cells == cellCandidates.filter({ result[$0] == nil }) {
                var all = result
                for p in cells { all[p] = Lift(mutable: true, slice: false, cell: true) }
                lifted = all
                cellCandidates = cells
                return
            }
            cellCandidates = cells
            if cells.isEmpty { return }
        }
    }

    /// A mutable pointer to a number that its function names only to read or write it whole.
    func cellShaped(_ p: Int) -> Bool {
        let v = program.variables[p]
        guard case .pointer(let t, false) = v.type, t.isArithmetic, v.function >= 0, let body = program.functions[v.function].body else { return false }
        var ok = true
        func visit(_ e: CExpr) {
            guard ok else { return }
            if case .unary(.deref, let x) = e.kind, case .variable(let id) = x.withoutQualifierCasts.kind, id == p { return }
            if case .variable(let id) = e.kind, id == p { ok = false; return }
            e.forEachChild(visit)
        }
        body.forEachExpression(visit)
        for local in program.variables where local.function == v.function && local.storage != .parameter {
            if let e = local.initializer { visit(e) }
            if let n = local.vlaSize { visit(n) }
        }
        return ok
    }

    /// Every call of `p`'s function lends it a place it can take as a cell.
    func cellAccepted(_ p: Int, _ set: [Int: Lift]) -> Bool {
        let v = program.variables[p]
        guard let index = program.functions[v.function].params.firstIndex(of: p), let t = v.type.pointee else { return false }
        for call in callsTo[v.function] ?? [] {
            guard index < call.args.count, let loan = Self.cellLoan(call.args[index]), cellRoot(loan, t, set) else { return false }
            // The call's other operands name no root of its cell loans (the views hold them).
            var roots: Set<Int> = [], operands: [CExpr] = []
            for (k, a) in call.args.enumerated() {
                if cellTarget(v.function, k, set) != nil, let l = Self.cellLoan(a) {
                    roots.insert(l.root)
                    if let i = l.index { operands.append(i) }
                } else {
                    operands.append(a)
                }
            }
            if operands.contains(where: { o in roots.contains { o.mentions(variable: $0) } }) { return false }
        }
        return true
    }

    /// The root of a cell loan is one a view can be made of: the caller's own cell or single
    /// `&mut T`, its local number or array (lent nowhere that keeps it), its mutable slice.
    func cellRoot(_ loan: CellLoan, _ t: CTy, _ set: [Int: Lift]) -> Bool {
        let r = program.variables[loan.root]
        if loan.passed {
            guard r.storage == .parameter, r.type.pointee == t else { return false }
            if cellCandidates.contains(loan.root) { return set[loan.root] == nil }
            guard let l = set[loan.root] else { return false }
            return l.mutable && !l.slice && !l.nullable && !l.raw
        }
        if r.storage == .parameter {
            guard loan.element, r.type.pointee == t, let l = set[loan.root] else { return false }
            return l.slice && l.mutable && !l.cursor && !l.offset && !l.bytes && !l.nullable
        }
        guard r.storage == .local, !Self.lentOtherwise(loan.root, vectors: vectors, cursors: cursors, aliases: aliases, texts: texts, positions: positions),
              (lends[loan.root] ?? []).allSatisfy({ lentSafely($0, set) }) else { return false }
        if loan.element {
            guard case .array(let element, let n) = r.type, n != nil else { return false }
            return element == t
        }
        return r.type == t
    }
}

extension FaithfulTranslator {
    /// `Cell<T>`, a cell parameter's pointee.
    static func cellType(_ t: CTy, _ rtype: (CTy) -> RType) -> RType { .generic("::std::cell::Cell", [rtype(t)]) }

    /// The argument for a cell parameter: the caller's own cell, or a cell of the view this
    /// call makes of the root (`views`, one per root, made before the call).
    func cellArgument(_ a: CExpr, views: inout [RStmt], names: inout [Int: String]) -> RExpr {
        guard let loan = ReferenceLifting.cellLoan(a) else { return rvalue(a) }
        if loan.passed, liftedParameters[loan.root]?.cell == true { return .path(localName(loan.root)) }
        let view: String
        if let known = names[loan.root] {
            view = known
        } else {
            view = temporary("cells")
            names[loan.root] = view
            let fromMut = RExpr.path("::std::cell::Cell::from_mut")
            let value: RExpr
            if loan.element {
                let whole: RExpr = program.variables[loan.root].storage == .parameter ? .path(localName(loan.root)) : variableRef(loan.root)
                value = .method(.call(fromMut, [.unary(.refMut, .index(whole, .rangeFrom(.literal("0usize"))))]), "as_slice_of_cells", [])
            } else if loan.passed {
                value = .call(fromMut, [.unary(.refMut, .unary(.deref, .path(localName(loan.root))))])   // the caller's `&mut T`
            } else {
                value = .call(fromMut, [.unary(.refMut, variableRef(loan.root))])
            }
            views.append(.letBinding(name: view, mutable: false, type: nil, value: value))
        }
        guard loan.element else { return .path(view) }
        let index = loan.index.map { RExpr.cast(rvalue($0), .named("usize")) } ?? .literal("0usize")
        return .unary(.ref, .index(.path(view), index))
    }
}
