import CSyntax
import RustSyntax

/// Local pointers that only ever walk one array become indexes into it. A local `T *p` is a
/// cursor when, in its function:
/// - every value it is given (its initializer, `p = X`, `p++`, `p += k` as statements) is a place
///   in one base: a local array (`a`, `a + k`, `&a[k]`), an immutable static array or one string
///   literal (then `p` points to `const`), or another cursor of that base moved by a constant or a
///   variable (`q + k`, `q++`);
/// - it is only dereferenced (`*p`, `p[i]`, `p->f`, also as `*p++`), compared with or subtracted
///   from another place in the same base, and moved: never tested against NULL, passed, stored,
///   returned, cast or addressed.
/// Then `p` is written as a `usize` index and `*p` as `a[p]`: a checked index that needs no
/// `unsafe`, and no reference is held, so the array stays free for its other uses. An index
/// past the array panics where the C's behaviour was undefined. Anything else stays a pointer.
struct LocalCursors: Sendable, RoleWalker {
    /// What a cursor indexes.
    enum Base: Hashable, Sendable {
        /// A local array, or an immutable static array, by variable id.
        case array(Int)
        /// The bytes of a string literal (without its NUL).
        case literal([UInt8])
        /// A pointer parameter lifted to a slice (from where it stands, for a walked one).
        case parameter(Int)
    }

    /// A pointer value read as a place in a base.
    indirect enum Position: Sendable {
        /// `a` or a literal, decayed: the base's first element.
        case start(Base)
        /// A cursor's current place.
        case cursor(Int)
        /// `X + k`, `X - k` (negative), `&X[k]`.
        case offset(Position, CExpr, negative: Bool)
        /// `p++`, `++p`, `p--`, `--p` of a cursor: moves it, and is its old or new place.
        case step(Int, CUnaryOp)
    }

    /// The cursors (local variable ids) and their bases.
    private(set) var bases: [Int: Base] = [:]

    private let program: Program
    /// Statics never written: bases for cursors that point to `const`.
    private let immutable: Set<Int>
    /// Locals that only ever hold one string literal.
    private let aliases: [Int: [UInt8]]
    /// Records laid out packed: never reached through a cursor (their members are unaligned).
    private let packed: Set<Int>
    /// Pointer parameters a cursor may start from: nil, any that could be lifted to a slice (the
    /// first analysis, which tells ReferenceLifting they are indexed); then those it lifted.
    private let parameters: Set<Int>?

    // The walk's findings for the current candidates.
    private var candidates: Set<Int> = []
    private var dropped: Set<Int> = []
    private var sources: [Int: [Position]] = [:]
    private var pairs: [(Position, Position)] = []

    static let none = LocalCursors()

    private init() {
        program = Program(mainFile: "")
        immutable = []; aliases = [:]; packed = []; parameters = []
    }

    /// `notCursors`: locals written otherwise (links to handles, FaithfulHeapLinks).
    init(program: Program, immutable: Set<Int>, excluded: Set<Int>, aliases: [Int: [UInt8]], packed: Set<Int>, parameters: Set<Int>? = nil,
         notCursors: Set<Int> = []) {
        self.program = program
        self.immutable = immutable.subtracting(excluded)
        self.aliases = aliases
        self.packed = packed
        self.parameters = parameters
        for (id, v) in program.variables.enumerated() where v.storage == .local && aliases[id] == nil && v.cleanup == nil && !notCursors.contains(id) {
            guard case .pointer(let pointee, _) = v.type else { continue }
            switch pointee {
            case .int, .float, .pointer: candidates.insert(id)
            case .record(let r) where !program.records[r].isUnion && program.records[r].fields != nil && !packed.contains(r): candidates.insert(id)
            default: continue
            }
        }
        // Dropping a candidate changes what the others' values are: walk again until none drops.
        while !candidates.isEmpty {
            dropped = []; sources = [:]; pairs = []
            for f in program.functions where f.body != nil { walk(f.body!) }
            if dropped.isEmpty { settleBases() }
            if dropped.isEmpty { break }
            candidates.subtract(dropped)
        }
        if candidates.isEmpty { bases = [:] }
    }

    var isEmpty: Bool { bases.isEmpty }

    func isCursor(_ id: Int) -> Bool { bases[id] != nil }

    /// Cursors whose elements are records in an array (a local one, an immutable static one, a
    /// lifted parameter's slice): `p->name` through one is an array in place. The C writes
    /// through a cursor only where its base can be written (a written static is no base, a
    /// written parameter is lifted mutable).
    func inArrays() -> Set<Int> {
        Set(bases.compactMap { id, base in
            if case .literal = base { return nil }
            return id
        })
    }

    // MARK: positions

    /// `e` as a place in a base, reading cursors as the current candidates (after the analysis:
    /// the cursors).
    func position(_ e: CExpr) -> Position? {
        let s = e.withoutQualifierCasts
        switch s.kind {
        case .variable(let id):
            if candidates.contains(id) { return .cursor(id) }
            if let bytes = aliases[id] { return .start(.literal(bytes)) }
            let v = program.variables[id]
            if v.storage == .parameter, case .pointer(let pointee, _) = v.type, ReferenceLifting.liftable(pointee, program),
               parameters?.contains(id) ?? true {
                return .start(.parameter(id))
            }
            return nil
        case .cast(let x, false) where s.type.isPointer:
            guard case .array(let element, _) = x.type, element == s.type.pointee else { return nil }
            if case .stringLiteral(let bytes) = x.kind { return .start(.literal(bytes)) }
            guard case .variable(let id) = x.kind else { return nil }
            let v = program.variables[id]
            guard v.storage == .local || immutable.contains(id) else { return nil }
            return .start(.array(id))
        case .binary(.add, let a, let k) where a.type.isPointer && k.type.isInteger:
            return position(a).map { .offset($0, k, negative: false) }
        case .binary(.add, let k, let a) where a.type.isPointer && k.type.isInteger:
            return position(a).map { .offset($0, k, negative: false) }
        case .binary(.sub, let a, let k) where a.type.isPointer && k.type.isInteger:
            return position(a).map { .offset($0, k, negative: true) }
        case .unary(.addressOf, let x):
            guard case .subscript(let b, let k) = x.kind, b.type.isPointer, k.type.isInteger else { return nil }
            return position(b).map { .offset($0, k, negative: false) }
        case .unary(let op, let x) where [.preInc, .preDec, .postInc, .postDec].contains(op):
            guard case .variable(let id) = x.kind, candidates.contains(id) else { return nil }
            return .step(id, op)
        default:
            return nil
        }
    }

    /// The cursor a position moves from, if any.
    func cursor(of p: Position) -> Int? {
        switch p {
        case .start: return nil
        case .cursor(let id), .step(let id, _): return id
        case .offset(let inner, _, _): return cursor(of: inner)
        }
    }

    /// The base a position is in (nil: a cursor whose base is not known yet).
    func base(of p: Position) -> Base? {
        switch p {
        case .start(let b): return b
        case .cursor(let id), .step(let id, _): return bases[id]
        case .offset(let inner, _, _): return base(of: inner)
        }
    }

    /// The integer operands a position evaluates (`k` of `X + k`).
    func operands(_ p: Position) -> [CExpr] {
        if case .offset(let inner, let k, _) = p { return operands(inner) + [k] }
        return []
    }

    /// A pointer value that is a place moved from a cursor.
    private func cursorPosition(_ e: CExpr) -> Position? {
        guard let p = position(e), cursor(of: p) != nil else { return nil }
        return p
    }

    // MARK: where cursors are consumed

    /// When `e` is one of the forms a cursor is used in (a dereference, an index, a member
    /// through it, a comparison or difference of places, a cursor's assignment or move): the
    /// operands left to evaluate as values. Nil for any other expression.
    func consumed(_ e: CExpr) -> [CExpr]? {
        switch e.kind {
        case .unary(.deref, let x):
            return cursorPosition(x).map(operands)
        case .subscript(let b, let i) where b.type.isPointer:
            return cursorPosition(b).map { operands($0) + [i] }
        case .member(let b, let r, _, true) where !program.records[r].isUnion && !packed.contains(r):
            return cursorPosition(b).map(operands)
        case .binary(let op, let l, let r) where (op.isComparison || op == .sub) && l.type.isPointer && r.type.isPointer:
            guard let a = position(l), let b = position(r), cursor(of: a) != nil || cursor(of: b) != nil else { return nil }
            return operands(a) + operands(b)
        case .assign(let l, let r):
            guard case .variable(let id) = l.kind, candidates.contains(id), let p = position(r) else { return nil }
            return operands(p)
        case .compoundAssign(let op, let l, let k) where op == .add || op == .sub:
            guard case .variable(let id) = l.kind, candidates.contains(id), k.type.isInteger else { return nil }
            return [k]
        case .unary(let op, let x) where [.preInc, .preDec, .postInc, .postDec].contains(op):
            guard case .variable(let id) = x.kind, candidates.contains(id) else { return nil }
            return []
        default:
            return nil
        }
    }

    /// A cursor's initializer's operands (nil: `id` is no cursor, or has no initializer).
    func initializerOperands(_ id: Int) -> [CExpr]? {
        guard candidates.contains(id), let e = program.variables[id].initializer, let p = position(e) else { return nil }
        return operands(p)
    }

    // MARK: the walk

    private mutating func drop(_ id: Int) { if candidates.contains(id) { dropped.insert(id) } }

    mutating func declared(_ id: Int) {
        let v = program.variables[id]
        if let n = v.vlaSize { visit(n) }
        guard let e = v.initializer else { return }
        if candidates.contains(id) {
            if let p = position(e) { sources[id, default: []].append(p); operands(p).forEach { visit($0) }; return }
            drop(id)
        }
        visit(e)
    }

    mutating func condition(_ e: CExpr) { visit(e) }
    mutating func value(_ e: CExpr) { visit(e) }

    /// An expression whose value is not used: where a cursor is assigned or moved.
    mutating func effect(_ e: CExpr) {
        switch e.kind {
        case .binary(.comma, let a, let b): effect(a); effect(b)
        case .cast(let x, _) where e.type == .void: effect(x)
        case .assign(let l, let r):
            guard case .variable(let id) = l.kind, candidates.contains(id) else { visit(e); return }
            if let p = position(r) { sources[id, default: []].append(p); operands(p).forEach { visit($0) }; return }
            drop(id); visit(r)
        case .compoundAssign(let op, let l, let k) where (op == .add || op == .sub) && k.type.isInteger:
            guard case .variable(let id) = l.kind, candidates.contains(id) else { visit(e); return }
            visit(k)
        case .unary(let op, let x) where [.preInc, .preDec, .postInc, .postDec].contains(op):
            guard case .variable(let id) = x.kind, candidates.contains(id) else { visit(e); return }
        default: visit(e)
        }
    }

    private mutating func visit(_ e: CExpr) {
        if case .statementExpr(let s) = e.kind { walkStatementExpression(s); return }
        switch e.kind {
        case .binary(let op, let l, let r) where (op.isComparison || op == .sub) && l.type.isPointer && r.type.isPointer:
            if let a = position(l), let b = position(r), cursor(of: a) != nil || cursor(of: b) != nil {
                pairs.append((a, b))
                (operands(a) + operands(b)).forEach { visit($0) }
                return
            }
            e.forEachChild { visit($0) }
        case .assign, .compoundAssign, .unary(.preInc, _), .unary(.preDec, _), .unary(.postInc, _), .unary(.postDec, _):
            // A cursor assigned or moved where the value is used (outside a dereference): kept a pointer.
            if let l = e.kind.assignedPlace, case .variable(let id) = l.kind { drop(id) }
            e.forEachChild { visit($0) }
        case .variable(let id):
            drop(id)   // a use no form above consumed
        default:
            if let ops = consumed(e) { ops.forEach { visit($0) }; return }
            e.forEachChild { visit($0) }
        }
    }

    /// Every cursor gets the one base all its values are in, and places compared or subtracted
    /// share theirs; a cursor for which this fails is dropped.
    private mutating func settleBases() {
        bases = [:]
        var changed = true
        while changed {
            changed = false
            for id in candidates where bases[id] == nil {
                for p in sources[id] ?? [] {
                    if let b = base(of: p) { bases[id] = b; changed = true; break }
                }
            }
        }
        for id in candidates {
            guard let b = bases[id], let list = sources[id], !list.isEmpty else { dropped.insert(id); continue }
            if list.contains(where: { base(of: $0) != b }) || !fits(id, b) { dropped.insert(id) }
        }
        for (a, b) in pairs where base(of: a) != base(of: b) {
            if let x = cursor(of: a) { dropped.insert(x) }
            if let y = cursor(of: b) { dropped.insert(y) }
        }
    }

    /// Whether cursor `id`'s pointee is its base's element, and a base that is not written
    /// (a literal, an immutable static) is only reached through a pointer to `const`.
    private func fits(_ id: Int, _ b: Base) -> Bool {
        guard case .pointer(let pointee, let constant) = program.variables[id].type else { return false }
        switch b {
        case .literal: return constant && pointee == .int(.char)
        case .array(let a):
            guard case .array(let element, _) = program.variables[a].type, element == pointee else { return false }
            return program.variables[a].storage == .local || constant
        case .parameter(let p):
            guard case .pointer(let element, let readOnly) = program.variables[p].type, element == pointee else { return false }
            return constant || !readOnly
        }
    }

    /// The parameters some cursor starts from: ReferenceLifting counts them indexed.
    var parameterBases: Set<Int> {
        Set(bases.values.compactMap { if case .parameter(let p) = $0 { return p }; return nil })
    }
}

extension CExprKind {
    /// The place an assignment, compound assignment or `++`/`--` writes.
    var assignedPlace: CExpr? {
        switch self {
        case .assign(let l, _), .compoundAssign(_, let l, _): return l
        case .unary(let op, let x) where [.preInc, .preDec, .postInc, .postDec].contains(op): return x
        default: return nil
        }
    }
}

// MARK: writing cursors

extension FaithfulTranslator {
    /// `e` as a place moved from a local cursor (nil: not one).
    func cursorPlace(_ e: CExpr) -> LocalCursors.Position? {
        guard !localCursors.isEmpty, let p = localCursors.position(e), localCursors.cursor(of: p) != nil else { return nil }
        return p
    }

    /// `k` as a `usize` step: a literal as one, anything else converted (a negative value wraps,
    /// so that `wrapping_add` moves back).
    private func step(_ k: CExpr) -> RExpr {
        if case .intLiteral(let v) = k.kind, Int64(bitPattern: v) >= 0, k.type.isInteger { return .literal("\(v)usize") }
        return .cast(rvalue(k), .named("usize"))
    }

    /// A base whose start moves (a walked slice parameter).
    private func isWalked(_ b: LocalCursors.Base) -> Bool {
        if case .parameter(let id) = b { return cursorOffsets[id] != nil }
        return false
    }

    /// Where in its base a position is.
    func cursorIndex(_ p: LocalCursors.Position) -> RExpr {
        switch p {
        case .start(.parameter(let id)): return cursorOffsets[id].map { .path($0) } ?? .literal("0usize")   // a walked slice: where it stands
        case .start: return .literal("0usize")
        case .cursor(let id): return .path(localName(id))
        case .offset(.start(let b), let k, false) where !isWalked(b): return step(k)
        case .offset(let inner, let k, let negative):
            return .method(cursorIndex(inner), negative ? "wrapping_sub" : "wrapping_add", [step(k)])
        case .step(let id, let op): return steppedIndex(.path(localName(id)), op)
        }
    }

    /// `i` moved by one (`++`/`--`), as a statement.
    func indexStep(_ i: RExpr, _ op: CUnaryOp) -> RStmt {
        .expr(.assign(i, .method(i, op == .preInc || op == .postInc ? "wrapping_add" : "wrapping_sub", [.literal("1usize")])))
    }

    /// `i++` (`++i`, `i--`, `--i`) of a `usize` index used as a value: a block that moves it and
    /// gives the old index (the new one for `++i`, `--i`).
    func steppedIndex(_ i: RExpr, _ op: CUnaryOp) -> RExpr {
        if op == .preInc || op == .preDec { return .block(RBlock([indexStep(i, op)], tail: i)) }
        let old = temporary("at")
        return .block(RBlock([.letBinding(name: old, mutable: false, type: nil, value: i), indexStep(i, op)], tail: .path(old)))
    }

    /// The element at a position (`k` further on), as a place; a literal's byte is read as C's `char`.
    func cursorElement(_ p: LocalCursors.Position, plus k: CExpr? = nil) -> RExpr {
        var index = cursorIndex(p)
        if let k { index = .method(index, "wrapping_add", [step(k)]) }
        switch localCursors.base(of: p) {
        case .array(let id)?: return .index(variableRef(id), index)
        case .literal(let bytes)?: return .cast(.index(.literal(byteString(bytes)), index), .named("i8"))
        case .parameter(let id)?:
            let element = RExpr.index(.path(localName(id)), index)
            return liftedParameters[id]?.bytes == true ? .cast(element, .named("i8")) : element
        case nil: return .unitValue   // not reached: every cursor has its base
        }
    }

    /// The array and index of a written element (nil for a literal, which is never written).
    func cursorElementParts(_ p: LocalCursors.Position, plus k: CExpr? = nil) -> (RExpr, RExpr)? {
        var index = cursorIndex(p)
        if let k { index = .method(index, "wrapping_add", [step(k)]) }
        switch localCursors.base(of: p) {
        case .array(let id)?: return (variableRef(id), index)
        case .parameter(let id)? where liftedParameters[id]?.bytes != true: return (.path(localName(id)), index)
        default: return nil
        }
    }

    /// A cursor's value where C needs the pointer itself (not reached for a cursor the analysis
    /// kept: a raw pointer into its base, which is safe to form).
    func cursorPointer(_ id: Int) -> RExpr {
        let at = RExpr.path(localName(id))
        switch localCursors.bases[id] {
        case .array(let a)?:
            let mutable = program.variables[a].storage == .local
            return .cast(.method(.method(variableRef(a), mutable ? "as_mut_ptr" : "as_ptr", []), "wrapping_add", [at]), rtype(program.variables[id].type))
        case .literal(let bytes)?:
            return .cast(.method(.method(.literal(byteString(bytes)), "as_ptr", []), "wrapping_add", [at]), rtype(program.variables[id].type))
        case .parameter(let p)?:
            let mutable = liftedParameters[p]?.mutable == true
            return .cast(.method(.method(.path(localName(p)), mutable ? "as_mut_ptr" : "as_ptr", []), "wrapping_add", [at]), rtype(program.variables[id].type))
        case nil: return at
        }
    }

    /// `p < q`, `p == a + n`... of places in one base: their indexes compared.
    func cursorComparison(_ op: CBinaryOp, _ l: CExpr, _ r: CExpr) -> RExpr? {
        guard !localCursors.isEmpty, l.type.isPointer, r.type.isPointer, let a = localCursors.position(l), let b = localCursors.position(r),
              localCursors.cursor(of: a) != nil || localCursors.cursor(of: b) != nil else { return nil }
        let rop: RBinaryOp = [.lt: .lt, .gt: .gt, .le: .le, .ge: .ge, .eq: .eq, .ne: .ne][op]!
        return .binary(rop, cursorIndex(a), cursorIndex(b))
    }

    /// `p - q` of places in one base: the difference of their indexes, in elements.
    func cursorDifference(_ l: CExpr, _ r: CExpr, _ t: CTy) -> RExpr? {
        guard !localCursors.isEmpty, let a = localCursors.position(l), let b = localCursors.position(r),
              localCursors.cursor(of: a) != nil || localCursors.cursor(of: b) != nil else { return nil }
        let difference = RExpr.method(.cast(cursorIndex(a), .named("isize")), "wrapping_sub", [.cast(cursorIndex(b), .named("isize"))])
        return .cast(difference, rtype(t))
    }

    /// `p = X`, `p += k`, `p++` on a cursor, as a statement: its index moves.
    func cursorMove(_ e: CExpr) -> [RStmt]? {
        guard !localCursors.isEmpty, let l = e.kind.assignedPlace, case .variable(let id) = l.kind, localCursors.isCursor(id) else { return nil }
        let name = RExpr.path(localName(id))
        switch e.kind {
        case .assign(_, let r):
            guard let p = localCursors.position(r) else { return nil }
            return [.expr(.assign(name, cursorIndex(p)))]
        case .compoundAssign(let op, _, let k):
            return [.expr(.assign(name, .method(name, op == .sub ? "wrapping_sub" : "wrapping_add", [step(k)])))]
        case .unary(let op, _):
            return [indexStep(name, op)]
        default:
            return nil
        }
    }

    /// A cursor's declaration: its index, where its initializer points (0 until assigned).
    func cursorDeclaration(_ id: Int) -> RStmt? {
        guard localCursors.isCursor(id) else { return nil }
        let value = program.variables[id].initializer.flatMap { localCursors.position($0) }.map(cursorIndex) ?? .literal("0usize")
        return .letBinding(name: localName(id), mutable: true, type: .named("usize"), value: value)
    }
}
