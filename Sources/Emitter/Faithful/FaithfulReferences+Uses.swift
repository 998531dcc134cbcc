import CSyntax

/// What the file does with each pointer parameter and each local whose address is lent (`uses`, `lends`, `calls`).
extension ReferenceLifting {
    /// The candidate parameter `e` names.
    func parameter(_ e: CExpr) -> Int? {
        guard case .variable(let id) = e.withoutQualifierCasts.kind, program.variables[id].storage == .parameter, !tables.contains(id), !links.contains(id),
              case .pointer(let pointee, _) = program.variables[id].type, Self.liftable(pointee, program) else { return nil }
        return id
    }

    /// `e` reads `x` only for values (`x.n`, `q->head`), never its address, a decayed array of
    /// it or a write: an argument the emitter computes before it lends `x` (`f(&x, x.head)`).
    static func readsValuesOnly(_ e: CExpr, of x: Int, program: Program? = nil) -> Bool {
        guard e.mentions(variable: x) else { return true }
        switch e.kind {
        case .variable: return !e.type.isArrayLike && !e.type.isPointer
        case .call(let callee, let args):
            // A C library function that only reads what it is given and returns a number
            // (`f(s, strlen(s))`): its operands are read, whole or not, and nothing is written.
            guard let program, case .function(let f) = callee.withoutCasts.kind, program.functions[f].body == nil,
                  numberReaders.contains(program.functions[f].name) else { return false }
            return args.allSatisfy { readsValuesOnly($0, of: x, program: program) || effectFree($0) }
        case .unary(.addressOf, _), .assign, .compoundAssign, .statementExpr: return false
        case .unary(let op, _) where [.preInc, .preDec, .postInc, .postDec].contains(op): return false
        case .cast(let a, _) where a.type.isArrayLike: return false
        case .member(let b, _, _, true):
            // `q->f` of a pointer parameter `q`: a value read through it.
            if case .variable(let id) = b.withoutQualifierCasts.kind, id == x { return !e.type.isArrayLike }
            return readsValuesOnly(b, of: x, program: program)
        case .subscript(let b, let i) where { if case .cast(let a, _) = b.kind { return a.type.isArrayLike }; return false }():
            // An element of an array read in place (`x.items[i]`): a value, not the array's address.
            guard case .cast(let a, _) = b.kind else { return false }
            func inPlace(_ p: CExpr) -> Bool {
                switch p.kind {
                case .variable: return true
                case .member(let base, _, _, false): return inPlace(base)
                case .member(let base, _, _, true):
                    // `q->items[i]` of the pointer parameter itself: an element read in place.
                    if case .variable(let id) = base.withoutQualifierCasts.kind, id == x { return true }
                    return readsValuesOnly(p, of: x, program: program)
                case .subscript(let base, let k):
                    if case .cast(let inner, _) = base.kind, inner.type.isArrayLike { return inPlace(inner) && readsValuesOnly(k, of: x, program: program) }
                    return readsValuesOnly(p, of: x, program: program)
                default: return readsValuesOnly(p, of: x, program: program)
                }
            }
            return inPlace(a) && readsValuesOnly(i, of: x, program: program) && !e.type.isArrayLike
        default:
            var only = true
            e.forEachChild { if only, !readsValuesOnly($0, of: x, program: program) { only = false } }
            return only && !e.type.isArrayLike
        }
    }

    /// An element of a literal table (`names[i]`, `argv[i]`) or a call of a function that only
    /// returns literals: text with its NUL that lives as long as the program.
    func staticText(_ a: CExpr) -> Bool {
        if let (b, _) = FaithfulTranslator.textTail(a) { return staticText(b) }
        switch a.withoutCasts.kind {
        case .subscript(let b, _): return FaithfulTranslator.tableName(b).map { tables.contains($0) } ?? false
        case .variable(let id): return texts.contains(id)
        case .call(let callee, _):
            if case .function(let id) = callee.withoutCasts.kind { return literalFunctions.contains(id) }
            return false
        case .unary(.deref, let p):
            // A text comparator's element (FaithfulTextTables).
            if case .variable(let id) = p.withoutCasts.kind, links.contains(id), case .pointer(.pointer(.int(.char), _), _) = p.withoutCasts.type { return true }
            return false
        default: return false
        }
    }

    static func liftable(_ pointee: CTy, _ program: Program) -> Bool {
        switch pointee {
        case .int, .float: return true
        case .pointer(.function, _): return false
        case .pointer: return true
        case .record(let r): return !program.records[r].isUnion && program.records[r].fields != nil
        case .array(let e, let n): return (n ?? 0) > 0 && liftable(e, program)   // `int m[][4]`: rows
        default: return false
        }
    }

    /// The local an address argument lends: `&x`, `&x.f.g` (no union, no pointer on the way).
    func lentLocal(_ e: CExpr) -> Int? {
        guard case .unary(.addressOf, let path) = e.withoutQualifierCasts.kind else { return nil }
        return root(path)
    }

    func root(_ path: CExpr) -> Int? { Self.root(path, program: program, cells: cells) }

    /// The local (or cell) whose place `path` is: `x`, `x.f.g` (no union, no pointer on the way),
    /// not an array.
    static func root(_ path: CExpr, program: Program, cells: Set<Int>) -> Int? {
        switch path.kind {
        case .variable(let id):
            let v = program.variables[id]
            guard v.storage == .local || v.storage == .parameter || cells.contains(id), v.vlaSize == nil else { return nil }
            if case .array = v.type { return nil }
            return id
        case .member(let base, let r, _, false):
            return program.records[r].isUnion ? nil : root(base, program: program, cells: cells)
        default:
            return nil
        }
    }

    /// Any local under `path` whose address leaves by an array decaying or `&`.
    func addressedLocal(_ path: CExpr) -> Int? {
        switch path.kind {
        case .variable(let id):
            let s = program.variables[id].storage
            return s == .local || s == .parameter || cells.contains(id) ? id : nil
        case .member(let base, _, _, false): return addressedLocal(base.withoutCasts)
        case .subscript(let base, _):
            // An element of an array in place; `p[i]` of a pointer reaches no local's address.
            let array = base.withoutCasts
            return array.type.isArrayLike ? addressedLocal(array) : nil
        default: return nil
        }
    }

    /// The parameter whose object `e` points into: the address of a place reached through it
    /// (`w->buf` decaying, `&s->items[i]`, `&p->next`, moved by an offset), or a local holding one.
    func pointsInto(_ e: CExpr) -> Int? {
        // Either operand of `c ? a : b`.
        if case .conditional(_, let a, let b) = e.withoutQualifierCasts.kind, e.type.isPointer { return pointsInto(a) ?? pointsInto(b) }
        var x = e
        while true {
            if case .cast(let inner, _) = x.kind, inner.type.isPointer { x = inner; continue }
            if case .binary(let op, let b, let k) = x.kind, op == .add || op == .sub, b.type.isPointer, k.type.isInteger { x = b; continue }
            break
        }
        switch x.kind {
        case .cast(let array, _) where array.type.isArrayLike: return placeRoot(array)
        case .unary(.addressOf, let path): return placeRoot(path)
        case .variable(let id): return derived[id]
        default: return nil
        }
    }

    /// The parameter a place is reached through (`p->a[i].b`, `(*p).x`, `p[i]`).
    func placeRoot(_ path: CExpr) -> Int? {
        switch path.kind {
        case .member(let b, _, _, true): return parameter(b)
        case .member(let b, _, _, false): return placeRoot(b)
        case .unary(.deref, let x): return parameter(x)
        case .subscript(let b, _):
            if case .cast(let array, _) = b.kind, array.type.isArrayLike { return placeRoot(array) }
            return parameter(b)
        default: return nil
        }
    }

    /// Locals given an address inside a parameter's object, by initializer or assignment.
    mutating func findDerived() {
        func isLocalPointer(_ id: Int) -> Bool { program.variables[id].storage == .local && program.variables[id].type.isPointer }
        var changed = true
        while changed {
            changed = false
            var found: [(Int, Int)] = []
            for (id, v) in program.variables.enumerated() where isLocalPointer(id) && derived[id] == nil {
                if let e = v.initializer, let p = pointsInto(e) { found.append((id, p)) }
            }
            func visit(_ e: CExpr) {
                if case .assign(let l, let r) = e.kind, case .variable(let id) = l.kind, isLocalPointer(id), derived[id] == nil, let p = pointsInto(r) {
                    found.append((id, p))
                }
                e.forEachChild(visit)
            }
            for f in program.functions where f.body != nil { f.body!.forEachExpression(visit) }
            for (id, p) in found where derived[id] == nil { derived[id] = p; changed = true }
        }
    }

    mutating func note(_ p: Int, _ u: Use) { uses[p, default: []].append(u) }
    mutating func lend(_ x: Int, _ u: Use) {
        lends[x, default: []].append(u)
        // `&p` of a pointer parameter: whoever gets it can change `p`.
        if program.variables[x].storage == .parameter, program.variables[x].type.isPointer { note(x, .escape) }
    }

    /// `s++`, `++s`, `s--`, `--s` of a pointer parameter, used as a value (under `*`).
    func steppedParameter(_ e: CExpr) -> Int? {
        guard case .unary(let op, let x) = e.withoutQualifierCasts.kind, [.preInc, .preDec, .postInc, .postDec].contains(op) else { return nil }
        return parameter(x)
    }

    /// A statement that only moves a pointer parameter: `p++`, `--p`, `p += k`, `p = p - k`.
    /// The parameter, and the step's operand (nil for 1).
    func advance(_ e: CExpr) -> (parameter: Int, step: CExpr?)? {
        switch e.kind {
        case .unary(let op, let x) where [.preInc, .preDec, .postInc, .postDec].contains(op):
            return parameter(x).map { ($0, nil) }
        case .compoundAssign(let op, let x, let k) where op == .add || op == .sub:
            guard k.type.isInteger, let p = parameter(x) else { return nil }
            return (p, k)
        case .assign(let x, let value):
            guard let p = parameter(x), case .binary(let op, let y, let k) = value.withoutCasts.kind, op == .add || op == .sub,
                  k.type.isInteger, parameter(y) == p else { return nil }
            return (p, k)
        default: return nil
        }
    }

    /// An expression evaluated for its effect alone (a statement, a `for` step).
    mutating func effect(_ e: CExpr) {
        if case .binary(.comma, let a, let b) = e.kind { effect(a); effect(b); return }
        if let (p, step) = advance(e) {
            note(p, .advanced)
            if let step { visit(step) }
            return
        }
        visit(e)
    }

    mutating func statement(_ s: CStmt) {
        switch s {
        case .compound(let list): list.forEach { statement($0) }
        case .expression(let e): effect(e)
        case .ifThen(let c, let a, let b): condition(c); statement(a); if let b { statement(b) }
        case .whileLoop(let c, let body): condition(c); statement(body)
        case .doWhile(let body, let c): statement(body); condition(c)
        case .forLoop(let i, let c, let n, let body):
            if let i { statement(i) }; if let c { condition(c) }; if let n { effect(n) }; statement(body)
        case .switchOn(let e, let body): visit(e); statement(body)
        case .caseLabel(_, let body), .caseRange(_, _, let body), .defaultLabel(let body), .labeled(_, let body): statement(body)
        case .returnStmt(let e?) where positions.functions[current] != nil:
            positionValue(e)
        case .returnStmt(let e):
            // An address inside the object outlives the call.
            if let e, let p = pointsInto(e) { note(p, .escape) }
            if let e { visit(e) }
        case .indirectGoto(let e): visit(e)
        case .declaration, .breakStmt, .continueStmt, .gotoLabel, .empty, .unsupported: return
        }
    }

    mutating func condition(_ c: CExpr) {
        if let p = parameter(c.withoutCasts) { note(p, .place); return }
        visit(c)
    }

    func isNegativeConstant(_ e: CExpr) -> Bool {
        switch e.withoutCasts.kind {
        case .unary(.minus, _): return true
        case .intLiteral(let v): if case .int(let k) = e.withoutCasts.type, k.isSigned { return Int64(bitPattern: v) < 0 }; return false
        default: return false
        }
    }

    /// `b + k` or `&b[k]`: the pointer and the offset.
    func offsetForm(_ e: CExpr) -> (CExpr, CExpr)? { e.pointerOffset }

    /// The local that `e`, a decayed fixed-size array, lives in: a local array, a row of one
    /// (`m[r]`), an array member of a local struct (`s.items`).
    func decayedArray(_ e: CExpr) -> Int? {
        // A local `Vec` (FaithfulVectors) is lent as its elements.
        if let v = vectors.vector(e.withoutQualifierCasts) { return v }
        guard case .cast(let x, _) = e.withoutQualifierCasts.kind, case .array(_, let n) = x.type, n != nil else { return nil }
        return arrayRoot(x)
    }

    func arrayRoot(_ x: CExpr) -> Int? {
        switch x.kind {
        case .variable(let id):
            let v = program.variables[id]
            return v.storage == .local && v.vlaSize == nil || cells.contains(id) ? id : nil
        case .member(let base, let r, _, false): return program.records[r].isUnion ? nil : arrayRoot(base)
        default:
            // Not a row of a multi-dimensional array: C code reads such rows as the flat whole
            // (`sum(m[0], rows * cols)`), which a row's slice would refuse.
            return nil
        }
    }

    /// `e` reads an immutable static: a decayed array (or a row or member of one) or `&s.f`.
    func immutableLoan(_ e: CExpr) -> Bool {
        func rootStatic(_ x: CExpr) -> Int? {
            switch x.kind {
            case .variable(let id): return immutable.contains(id) ? id : nil
            case .member(let base, _, _, false): return rootStatic(base)
            case .subscript(let base, _):
                guard case .cast(let inner, _) = base.kind, case .array = inner.type else { return nil }
                return rootStatic(inner)
            default: return nil
            }
        }
        let s = e.withoutQualifierCasts
        if case .cast(let x, _) = s.kind, case .array = x.type { return rootStatic(x) != nil }
        if case .unary(.addressOf, let x) = s.kind { return rootStatic(x) != nil }
        return false
    }

    /// The element type of the array `e` decays from.
    func decayedElement(_ e: CExpr) -> CTy? {
        if let v = vectors.vector(e.withoutQualifierCasts) { return vectors.elements[v] }
        guard case .cast(let x, _) = e.withoutQualifierCasts.kind, case .array(let element, _) = x.type else { return nil }
        return element
    }

    /// A link's value (FaithfulHeapLinks): the place it borrows (`&l->head`, `&list.head`) is
    /// used in place for as long as the link, which stays in the function: no escape.
    mutating func linkValue(_ e: CExpr) {
        let s = e.withoutQualifierCasts
        if case .conditional(let c, let a, let b) = s.kind { condition(c); linkValue(a); linkValue(b); return }
        if case .variable(let id) = s.kind, links.contains(id) { return }
        guard case .unary(.addressOf, let path) = s.kind else { visit(e); return }
        if let p = arrowRoot(path) { note(p, .place) } else if let x = addressedLocal(path) { lend(x, .place) }
        visitInside(s)
    }

    /// A position's value (FaithfulElementPositions): an element's index is all it evaluates.
    mutating func positionValue(_ e: CExpr) {
        if case .conditional(let c, let x, let y) = e.withoutQualifierCasts.kind, e.type.isPointer { condition(c); positionValue(x); positionValue(y); return }
        if let k = ElementPositions.position(e, program)?.index { visit(k) } else { visit(e) }
    }

    mutating func visit(_ e: CExpr) {
        if !cursors.isEmpty, let operands = cursors.consumed(e) { operands.forEach { visit($0) }; return }
        if case .assign(let l, let r) = e.kind, case .variable(let id) = l.kind, positions.locals[id] != nil { positionValue(r); return }
        if case .assign(let l, let r) = e.kind, case .variable(let id) = l.withoutQualifierCasts.kind, links.contains(id) { linkValue(r); return }
        // An address inside a parameter's object stored anywhere but in a local (`w->pos =
        // w->buf`, `g = &s->items[0]`): another pointer reaches the object after the call.
        if case .assign(let l, let r) = e.kind, let p = pointsInto(r) {
            if case .variable(let id) = l.kind, program.variables[id].storage == .local {} else { note(p, .escape) }
        }
        switch e.kind {
        case .subscript(let base, let index):
            if let p = parameter(base) {
                // `p[-1]` reaches before what a slice would start at: p stays a pointer.
                note(p, isNegativeConstant(index) ? .indexedBefore : .indexed)
                visit(index)
                return
            }
            if case .cast(let array, _) = base.kind, case .array = array.type { visitInside(array); visit(index); return }
            visit(base); visit(index)
        case .unary(.deref, let x):
            if let p = parameter(x) { note(p, .place); return }
            if let p = steppedParameter(x) { note(p, .advanced); note(p, .place); return }   // `*s++`
            visit(x)
        case .member(let base, _, _, true):
            if let p = parameter(base) { note(p, .place); return }
            visit(base)
        case .binary(let op, let l, let r) where op.isComparison:
            for side in [l, r] { if let p = parameter(side.withoutCasts) { note(p, .place) } else { visit(side) } }
        case .binary(.land, let l, let r), .binary(.lor, let l, let r): condition(l); condition(r)
        case .unary(.logicalNot, let x): condition(x)
        case .conditional(let c, let a, let b): condition(c); visit(a); visit(b)
        case .call(let callee, let args):
            guard case .function(let id) = callee.withoutCasts.kind else { visit(callee); args.forEach { visit($0) }; return }
            let f = program.functions[id]
            if f.body != nil {
                calls.append(Call(callee: id, args: args))
                for (i, a) in args.enumerated() {
                    if let q = f.params[safe: i], links.contains(q) { linkValue(a) } else { argument(a, function: id, index: i) }
                }
            } else {
                let mayKeep = Self.mayRetain(f)
                for (i, a) in args.enumerated() {
                    // Another module's parameter that takes raw loans keeps nothing, and writes when it is `&mut`.
                    let crateLift = crateLifts[id]?[i]
                    let keeps = crateLift == nil && mayKeep
                    let readOnly: Bool = {
                        if let crateLift { return !crateLift }
                        if i < f.type.params.count, case .pointer(_, true) = f.type.params[i] { return true }
                        // printf's operands are read (`%n` writes through an `int *`, never a `const char *`).
                        return i >= f.type.params.count && Self.formatted.contains(f.name)
                    }()
                    let bare = a.withoutCasts
                    if keeps, let p = pointsInto(a) { note(p, .escape) }   // `strtok(s->line, ..)` keeps it
                    if let p = parameter(bare) { note(p, .library(retaining: keeps, readOnly: readOnly)); continue }
                    if case .unary(.addressOf, let path) = bare.kind, let p = arrowRoot(path) {
                        note(p, .library(retaining: keeps, readOnly: readOnly)); visitInside(bare); continue
                    }
                    if case .unary(.addressOf, let path) = bare.kind, let x = addressedLocal(path) {
                        lend(x, .library(retaining: keeps, readOnly: readOnly)); visitInside(bare); continue
                    }
                    if case .array = bare.type, let x = addressedLocal(bare) {
                        lend(x, .library(retaining: keeps, readOnly: readOnly)); visitInside(bare); continue
                    }
                    // `a + k`, `&a[k]`, `a + i + 1` of a local array or a parameter: the same loan, from an offset.
                    var base = bare, offsets: [CExpr] = []
                    while true {
                        if let (b, k) = offsetForm(base) { offsets.append(k); base = b.withoutCasts; continue }
                        if case .binary(.sub, let b, let k) = base.kind, b.type.isPointer, k.type.isInteger { offsets.append(k); base = b.withoutCasts; continue }
                        break
                    }
                    if !offsets.isEmpty, let p = parameter(base) {
                        note(p, .library(retaining: keeps, readOnly: readOnly)); note(p, .indexed); offsets.forEach { visit($0) }; continue
                    }
                    if !offsets.isEmpty, case .array = base.type, let x = addressedLocal(base) {
                        lend(x, .library(retaining: keeps, readOnly: readOnly)); visitInside(base); offsets.forEach { visit($0) }; continue
                    }
                    visit(a)
                }
            }
        case .unary(.addressOf, let path):
            if let x = addressedLocal(path) { lend(x, .escape) }
            if let p = arrowRoot(path) { note(p, .escape) }
            visitInside(e)
        case .cast(let x, _) where x.type.isArrayLike && e.type.isPointer:
            if let local = addressedLocal(x.withoutCasts) { lend(local, .escape) }
            visit(x)
        case .variable(let id):
            if parameter(e) != nil { note(id, .escape) }
        case .function(let id):
            if !sortComparators.contains(id) { addressTaken.insert(id) }
        default:
            e.forEachChild { visit($0) }
        }
    }

    /// One argument of a call of the file's function `function`, at `index`: `c ? x : y` is
    /// either of its operands.
    mutating func argument(_ a: CExpr, function id: Int, index i: Int) {
        if case .conditional(let c, let x, let y) = a.withoutQualifierCasts.kind, a.type.isPointer {
            condition(c)
            argument(x, function: id, index: i)
            argument(y, function: id, index: i)
            return
        }
        if let p = parameter(a) { note(p, .passed(function: id, index: i)) }
        else if let (root, isParameter) = rowLoan(a, function: id, index: i) {
            if isParameter { note(root, .passedRow(function: id, index: i)) } else { lend(root, .passed(function: id, index: i)) }
            visitRowIndex(a)
        }
        else if let x = lentLocal(a) { lend(x, .passed(function: id, index: i)); visitInside(a) }
        else if case .unary(.addressOf, let path) = a.withoutQualifierCasts.kind, let p = arrowRoot(path) {
            note(p, .passedField(function: id, index: i)); visitInside(a.withoutQualifierCasts)
        }
        else if let x = decayedArray(a) { lend(x, .passed(function: id, index: i)); visitInside(a) }
        else if let (b, k) = offsetForm(a), let p = parameter(b) { note(p, .passedPart(function: id, index: i)); visit(k) }
        else if let (b, k) = offsetForm(a), let x = decayedArray(b) { lend(x, .passed(function: id, index: i)); visit(k) }
        else if let p = pointsInto(a) {
            // An address inside the object (`w->buf`, `&s->items[i]`): kept only by a callee that keeps it.
            note(p, .passedField(function: id, index: i)); visit(a)
        }
        else { visit(a) }
    }

    /// `m[r]` decaying to a pointer, lent to parameter `index` of `function` declared as an array
    /// of at most the row's length (`int vals[9]` for a row of `int m[9][9]`): the row is all the
    /// callee says it reaches. A row of a local array (its root), or of the caller's parameter
    /// pointing to rows (`isParameter`). Other rows stay unlent: C code reads a row as the flat
    /// whole (`sum(m[0], rows * cols)`), which a row's slice would refuse.
    func rowLoan(_ a: CExpr, function: Int, index: Int) -> (root: Int, isParameter: Bool)? {
        guard case .cast(let row, _) = a.withoutQualifierCasts.kind, case .array(let element, let n?) = row.type,
              case .subscript(let base, _) = row.kind,
              let p = program.functions[function].params[safe: index], let declared = program.variables[p].declaredCount,
              declared <= n, program.variables[p].type.pointee == element else { return nil }
        if let q = parameter(base), program.variables[q].type.pointee == row.type { return (q, true) }
        if case .cast(let whole, _) = base.withoutQualifierCasts.kind, case .array(let inner, _) = whole.type, inner == row.type,
           let x = arrayRoot(whole) { return (x, false) }
        return nil
    }

    /// The row index of a row loan (`m[r]`'s `r`).
    mutating func visitRowIndex(_ a: CExpr) {
        guard case .cast(let row, _) = a.withoutQualifierCasts.kind, case .subscript(let base, let r) = row.kind else { return }
        if parameter(base) == nil { visitInside(base) }
        visit(r)
    }

    /// The parameter `&p->f.g` reaches through.
    func arrowRoot(_ path: CExpr) -> Int? {
        switch path.kind {
        case .member(let base, _, _, true): return parameter(base)
        case .member(let base, _, _, false): return arrowRoot(base)
        case .unary(.deref, let x): return parameter(x)
        default: return nil
        }
    }

    /// The operands inside an address expression (`&x.a[i]`'s index), without its root.
    mutating func visitInside(_ e: CExpr) {
        switch e.kind {
        case .unary(.addressOf, let x), .cast(let x, _): visitInside(x)
        case .member(let base, _, _, let arrow):
            if arrow, parameter(base) != nil { return }
            visitInside(base)
        case .subscript(let base, let index):
            // `m[i][j]` of a parameter pointing to rows: `m[i]` indexes it.
            if let p = parameter(base) { note(p, isNegativeConstant(index) ? .indexedBefore : .indexed) } else { visitInside(base) }
            visit(index)
        case .unary(.deref, let x): if parameter(x) == nil { visit(x) }
        case .variable: return
        default: visit(e)
        }
    }
}
