import CSyntax

/// Pointer parameters lifted to references and slices. A parameter `T *p` becomes `&mut T`
/// (`&T` when it points to `const`), or `&mut [T]` (`&[T]`) when it is indexed or handed on
/// offset, when that is provably what it is, from the whole file:
/// - in its function, `p` is only dereferenced (`*p`, `p->f`), compared or tested, passed on to
///   another lifted parameter, or lent to a C library function that does not keep it (not
///   `strtok`, `setvbuf`, `free`, ...): never assigned, stored, returned, offset or cast;
/// - its function is only called directly (its address is never taken), is not `main`, not
///   variadic and has a prototype;
/// - every call passes `&x` or `&x.f.g` of a local `x` (for a slice: a local array `a`, `a + k`
///   or `&a[k]`) whose address is taken nowhere else but in such arguments and in calls that do
///   not keep it, and that no other argument of the same call mentions; or a lifted parameter of
///   the caller (`q`, `&q->f`, for a slice `q + k`); or, for a single object, NULL: the
///   parameter is then an `Option` (`nullable`).
/// A slice is as long as what the caller lent: an index past its end panics where the C's
/// behaviour was undefined.
/// Then no other pointer reaches the object while the reference lives, which is what Rust's
/// reference promises, and the function's accesses through it need no `unsafe`. Anything else
/// stays a raw pointer. rustc checks the result; what it rejects is translated again without
/// lifting.
struct ReferenceLifting {
    struct Lift: Equatable, Sendable {
        /// `&mut` rather than `&`.
        var mutable: Bool
        /// `&[T]` rather than `&T`.
        var slice: Bool
        /// A `const char *` every caller gives a string literal (or such a parameter): `&[u8]`,
        /// the literal's bytes with its NUL, each read as C's `char`.
        var bytes = false
        /// A slice the function walks (`s++`, `s += k` as statements): a hidden offset
        /// (`s_at`) says where the C pointer is, and `*s` reads `s[s_at]`.
        var cursor = false
        /// Callers may point into the middle of what they lend (`a + k`, their own walked
        /// slice): they lend the whole and say where, in a parameter `s_at` after the slice, so
        /// that `s[-1]` still reaches what C reaches.
        var offset = false
        /// Some caller passes NULL (or its own nullable parameter): `Option<&mut T>`, `None`
        /// for NULL; the function's NULL tests read it, and a dereference unwraps it (a panic
        /// where C's read of NULL faults). Single objects only, not slices.
        var nullable = false
        /// Some caller lends a raw pointer it holds (`p`, `q->next`, `a[i]`): converted at the
        /// call (`p.as_mut()`, `None` for NULL), so the parameter is `nullable` too. Raw pointers
        /// may reach the object elsewhere, so the function must need no `unsafe` at all
        /// (FaithfulTranslator checks it): while it runs, nothing but the reference reaches it.
        var raw = false
    }

    /// Lifted parameters (variable ids).
    private(set) var lifted: [Int: Lift] = [:]

    /// Library functions that keep a pointer they are given past the call, or free it.
    static let retaining: Set<String> = [
        "strtok", "strtok_r", "setvbuf", "setbuf", "putenv", "pthread_create", "pthread_setspecific", "atexit", "on_exit",
        "free", "realloc", "reallocarray", "fclose", "freopen", "signal", "sigaction", "qsort_r", "bsearch", "tsearch", "tfind",
        "tdelete", "hsearch", "aio_read", "aio_write", "mmap", "munmap", "longjmp", "setjmp", "_setjmp", "sigsetjmp",
    ]

    /// `e` writes nothing and calls nothing.
    static func effectFree(_ e: CExpr) -> Bool {
        switch e.kind {
        case .assign, .compoundAssign, .call, .statementExpr, .vaArg, .atomic, .intrinsic: return false
        case .unary(let op, _) where [.preInc, .preDec, .postInc, .postDec].contains(op): return false
        default:
            var free = true
            e.forEachChild { if free, !effectFree($0) { free = false } }
            return free
        }
    }

    /// C library functions that only read their operands (strings) and return a number.
    static let numberReaders: Set<String> = [
        "strlen", "strnlen", "strcmp", "strncmp", "strcasecmp", "strncasecmp", "memcmp", "strspn", "strcspn", "atoi", "atol", "atoll", "atof",
    ]

    /// The printf family: their variable operands are only read.
    static let formatted: Set<String> = ["printf", "fprintf", "sprintf", "snprintf", "dprintf", "syslog"]

    private enum Use {
        /// `*p`, `p->f`, a comparison or a truth test.
        case place
        /// An argument of a user function, at this parameter index.
        case passed(function: Int, index: Int)
        /// `&p->f` given to a user function (a reference into the object).
        case passedField(function: Int, index: Int)
        /// `p + k` or `&p[k]` given to a user function (the rest of a slice).
        case passedPart(function: Int, index: Int)
        /// `p[i]`.
        case indexed
        /// `p[-1]`: before the start, fine for a cursor that has moved on.
        case indexedBefore
        /// `p++`, `p -= k`, `p = p + k` as a statement of its own.
        case advanced
        /// An argument of a library function; `readOnly` when its parameter points to const.
        case library(retaining: Bool, readOnly: Bool)
        case escape
    }

    private struct Call {
        var callee: Int
        var args: [CExpr]
    }

    private let program: Program
    private var uses: [Int: [Use]] = [:]
    /// Each use of a local's address: the same kinds as a parameter's uses.
    private var lends: [Int: [Use]] = [:]
    private var calls: [Call] = []
    /// `calls` by callee, for the fixed point.
    private var callsTo: [Int: [Call]] = [:]
    private var addressTaken: Set<Int> = []
    /// Local pointers that hold an address inside what a parameter points to (`char *end =
    /// w->buf + n`): storing one stores that address.
    private var derived: [Int: Int] = [:]

    /// Statics the program never writes (FaithfulStatics): lent freely to `&T` and `&[T]`.
    private let immutable: Set<Int>

    /// Locals that only ever hold one string literal: passed as that literal.
    private let aliases: [Int: [UInt8]]

    /// Local pointers written as indexes (FaithfulCursors): a local array they walk is not
    /// reached through a pointer there.
    private let cursors: LocalCursors
    /// Local buffers written as `Vec`s: lent like local arrays.
    private let vectors: LocalVectors

    /// Tables of string literals (and `argv`) and functions that only return literals: their
    /// elements and results are static text, lent to a `&[u8]` parameter as they are.
    private let tables: Set<Int>
    /// Parameters typed by another analysis: links to handles (FaithfulHeapLinks), a text
    /// comparator's (FaithfulTextTables). Not lifted.
    private let links: Set<Int>
    private let literalFunctions: Set<Int>
    /// Records on heaps of handles (FaithfulHeap): a pointer to one is a handle, never a reference.
    private let heap: Set<Int>
    /// Locals that only hold static text (FaithfulTextLocals).
    private let texts: Set<Int>
    /// Functions whose single-object parameters may take raw loans (`Lift.raw`).
    private let rawAccepting: Set<Int>
    /// Comparators `cstdlib::qsort` calls with references (FaithfulComparators): no address taken.
    private let sortComparators: Set<Int>
    /// Globals that may live in thread-local cells (FaithfulGlobalCells): lent like locals, from
    /// inside the cell's closure.
    private let cells: Set<Int>
    /// Records whose `const T *` are static references (FaithfulStaticReferences): never lifted.
    private let staticReferences: Set<Int>
    /// Functions that return positions in an array and locals that hold them
    /// (FaithfulElementPositions): an element returned or held there is no address that escapes.
    private let positions: ElementPositions
    /// The function being walked.
    private var current = -1

    init(program: Program, immutable: Set<Int> = [], aliases: [Int: [UInt8]] = [:], cursors: LocalCursors = .none, vectors: LocalVectors = .none,
         tables: Set<Int> = [], literalFunctions: Set<Int> = [], heap: Set<Int> = [], texts: Set<Int> = [], rawAccepting: Set<Int> = [],
         sortComparators: Set<Int> = [], cells: Set<Int> = [], staticReferences: Set<Int> = [], typedElsewhere: Set<Int> = [],
         positions: ElementPositions = .none) {
        self.program = program
        self.positions = positions
        self.cells = cells
        self.staticReferences = staticReferences
        self.rawAccepting = rawAccepting
        self.sortComparators = sortComparators
        self.texts = texts
        self.heap = heap
        self.tables = tables
        self.links = typedElsewhere
        self.literalFunctions = literalFunctions
        self.immutable = immutable
        self.aliases = aliases
        self.cursors = cursors
        self.vectors = vectors
        findDerived()
        for (id, f) in program.functions.enumerated() where f.body != nil { current = id; statement(f.body!) }
        current = -1
        // A parameter a local cursor walks is indexed through it (FaithfulCursors).
        for p in cursors.parameterBases { note(p, .indexed) }
        // `__attribute__((cleanup(f)))` calls `f` through a pointer: its parameters stay raw.
        for v in program.variables { if let f = v.cleanup { addressTaken.insert(f) } }
        for v in program.variables where v.storage != .local && v.storage != .parameter { if let e = v.initializer { visit(e) } }
        for (id, v) in program.variables.enumerated() where v.storage == .local {
            if links.contains(id), let e = v.initializer { linkValue(e) }
            else if positions.locals[id] != nil, let e = v.initializer { positionValue(e) }
            else if let operands = cursors.initializerOperands(id) { operands.forEach { visit($0) } } else if let e = v.initializer { visit(e) }
            if let n = v.vlaSize { visit(n) }
        }
        solve()
    }

    // MARK: what the file does with parameters and locals


    /// The candidate parameter `e` names.
    private func parameter(_ e: CExpr) -> Int? {
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
    private func staticText(_ a: CExpr) -> Bool {
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
    private func lentLocal(_ e: CExpr) -> Int? {
        guard case .unary(.addressOf, let path) = e.withoutQualifierCasts.kind else { return nil }
        return root(path)
    }

    private func root(_ path: CExpr) -> Int? {
        switch path.kind {
        case .variable(let id):
            let v = program.variables[id]
            guard v.storage == .local || v.storage == .parameter || cells.contains(id), v.vlaSize == nil else { return nil }
            if case .array = v.type { return nil }
            return id
        case .member(let base, let r, _, false):
            return program.records[r].isUnion ? nil : root(base)
        default:
            return nil
        }
    }

    /// Any local under `path` whose address leaves by an array decaying or `&`.
    private func addressedLocal(_ path: CExpr) -> Int? {
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
    private func pointsInto(_ e: CExpr) -> Int? {
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
    private func placeRoot(_ path: CExpr) -> Int? {
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
    private mutating func findDerived() {
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

    private mutating func note(_ p: Int, _ u: Use) { uses[p, default: []].append(u) }
    private mutating func lend(_ x: Int, _ u: Use) {
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
    private mutating func effect(_ e: CExpr) {
        if case .binary(.comma, let a, let b) = e.kind { effect(a); effect(b); return }
        if let (p, step) = advance(e) {
            note(p, .advanced)
            if let step { visit(step) }
            return
        }
        visit(e)
    }

    private mutating func statement(_ s: CStmt) {
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
        case .declaration, .breakStmt, .continueStmt, .gotoLabel, .empty, .unsupported: return
        }
    }

    private mutating func condition(_ c: CExpr) {
        if let p = parameter(c.withoutCasts) { note(p, .place); return }
        visit(c)
    }

    private func isNegativeConstant(_ e: CExpr) -> Bool {
        switch e.withoutCasts.kind {
        case .unary(.minus, _): return true
        case .intLiteral(let v): if case .int(let k) = e.withoutCasts.type, k.isSigned { return Int64(bitPattern: v) < 0 }; return false
        default: return false
        }
    }

    /// `b + k` or `&b[k]`: the pointer and the offset.
    private func offsetForm(_ e: CExpr) -> (CExpr, CExpr)? { e.pointerOffset }

    /// The local that `e`, a decayed fixed-size array, lives in: a local array, a row of one
    /// (`m[r]`), an array member of a local struct (`s.items`).
    private func decayedArray(_ e: CExpr) -> Int? {
        // A local `Vec` (FaithfulVectors) is lent as its elements.
        if let v = vectors.vector(e.withoutQualifierCasts) { return v }
        guard case .cast(let x, _) = e.withoutQualifierCasts.kind, case .array(_, let n) = x.type, n != nil else { return nil }
        return arrayRoot(x)
    }

    private func arrayRoot(_ x: CExpr) -> Int? {
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
    private func immutableLoan(_ e: CExpr) -> Bool {
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
    private func decayedElement(_ e: CExpr) -> CTy? {
        if let v = vectors.vector(e.withoutQualifierCasts) { return vectors.elements[v] }
        guard case .cast(let x, _) = e.withoutQualifierCasts.kind, case .array(let element, _) = x.type else { return nil }
        return element
    }

    /// A link's value (FaithfulHeapLinks): the place it borrows (`&l->head`, `&list.head`) is
    /// used in place for as long as the link, which stays in the function: no escape.
    private mutating func linkValue(_ e: CExpr) {
        let s = e.withoutQualifierCasts
        if case .conditional(let c, let a, let b) = s.kind { condition(c); linkValue(a); linkValue(b); return }
        if case .variable(let id) = s.kind, links.contains(id) { return }
        guard case .unary(.addressOf, let path) = s.kind else { visit(e); return }
        if let p = arrowRoot(path) { note(p, .place) } else if let x = addressedLocal(path) { lend(x, .place) }
        visitInside(s)
    }

    /// A position's value (FaithfulElementPositions): an element's index is all it evaluates.
    private mutating func positionValue(_ e: CExpr) {
        if case .conditional(let c, let x, let y) = e.withoutQualifierCasts.kind, e.type.isPointer { condition(c); positionValue(x); positionValue(y); return }
        if let k = ElementPositions.position(e, program)?.index { visit(k) } else { visit(e) }
    }

    private mutating func visit(_ e: CExpr) {
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
                let keeps = Self.retaining.contains(f.name)
                for (i, a) in args.enumerated() {
                    let readOnly: Bool = {
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
    private mutating func argument(_ a: CExpr, function id: Int, index i: Int) {
        if case .conditional(let c, let x, let y) = a.withoutQualifierCasts.kind, a.type.isPointer {
            condition(c)
            argument(x, function: id, index: i)
            argument(y, function: id, index: i)
            return
        }
        if let p = parameter(a) { note(p, .passed(function: id, index: i)) }
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

    /// The parameter `&p->f.g` reaches through.
    private func arrowRoot(_ path: CExpr) -> Int? {
        switch path.kind {
        case .member(let base, _, _, true): return parameter(base)
        case .member(let base, _, _, false): return arrowRoot(base)
        case .unary(.deref, let x): return parameter(x)
        default: return nil
        }
    }

    /// The operands inside an address expression (`&x.a[i]`'s index), without its root.
    private mutating func visitInside(_ e: CExpr) {
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

    // MARK: the fixed point

    /// Pointer parameters whose value never outlives the call: only dereferenced, compared,
    /// or passed to such parameters and to library functions that do not keep it. A local
    /// lent to one is still reached by no other pointer once the call returns.
    private var transient: Set<Int> = []

    private mutating func solveTransient() {
        var set: Set<Int> = []
        for f in program.functions where f.body != nil {
            for p in f.params where program.variables[p].type.isPointer { set.insert(p) }
        }
        var changed = true
        while changed {
            changed = false
            for p in set where !(uses[p] ?? []).allSatisfy({ staysInCall($0, set) }) {
                set.remove(p)
                changed = true
            }
        }
        transient = set
    }

    private func staysInCall(_ u: Use, _ set: Set<Int>) -> Bool {
        switch u {
        case .place: return true
        case .escape: return false
        case .passed(let f, let i), .passedField(let f, let i), .passedPart(let f, let i):
            let params = program.functions[f].params
            return i < params.count && set.contains(params[i])
        case .indexed, .indexedBefore, .advanced: return true
        case .library(let keeps, _): return !keeps
        }
    }

    /// `const char *` parameters that callers give string literals only (with those passed to or
    /// from one): read-only byte slices, `&[u8]`. Where a literal and a `char` array both reach a
    /// parameter (directly or through the parameters it is passed to and from), it stays an
    /// `&[i8]` slice and the literal is lent as an `&[i8]` array of its bytes.
    private func literalParameters(_ candidates: Set<Int>) -> Set<Int> {
        func plainConstChar(_ p: Int) -> Bool {
            if case .pointer(.int(.char), true) = program.variables[p].type { return true }
            return false
        }
        var texts: Set<Int> = [], arrays: Set<Int> = []
        var links: [(Int, Int)] = []
        for call in calls {
            for (i, a) in call.args.enumerated() {
                guard let p = program.functions[call.callee].params[safe: i], candidates.contains(p), plainConstChar(p) else { continue }
                if FaithfulTranslator.literalBytes(a, aliases) != nil || staticText(a) { texts.insert(p) }
                else if let q = parameter(offsetForm(a)?.0 ?? a), plainConstChar(q) { links.append((p, q)) }
                else { arrays.insert(p) }
            }
        }
        var changed = true
        while changed {
            changed = false
            for (p, q) in links {
                for set in [0, 1] {
                    let has = set == 0 ? texts : arrays
                    if has.contains(p) != has.contains(q) {
                        if set == 0 { texts.insert(p); texts.insert(q) } else { arrays.insert(p); arrays.insert(q) }
                        changed = true
                    }
                }
            }
        }
        return texts.subtracting(arrays)
    }

    /// Parameters that are slices rather than single objects: indexed, handed on offset, given
    /// an array or an offset (`a + k`, not `&a[k]`) by a caller, or passed to or from another
    /// such parameter.
    private func sliceParameters(_ candidates: Set<Int>) -> Set<Int> {
        var slices: Set<Int> = []
        for p in candidates where (uses[p] ?? []).contains(where: {
            switch $0 { case .indexed, .indexedBefore, .passedPart, .advanced: return true; default: return false }
        }) { slices.insert(p) }
        for call in calls {
            for (i, a) in call.args.enumerated() {
                guard let p = program.functions[call.callee].params[safe: i], candidates.contains(p) else { continue }
                // `&a[k]` lends one element unless the function indexes it (then the rest of `a`).
                let element: Bool = { if case .unary(.addressOf, _) = a.withoutQualifierCasts.kind { return true }; return false }()
                if decayedElement(a) != nil || offsetForm(a) != nil && !element { slices.insert(p) }
                if FaithfulTranslator.literalBytes(a, aliases) != nil { slices.insert(p) }
            }
        }
        var changed = true
        while changed {
            changed = false
            for call in calls {
                for (i, a) in call.args.enumerated() {
                    guard let p = program.functions[call.callee].params[safe: i], let q = parameter(a) else { continue }
                    if slices.contains(p) != slices.contains(q) { slices.insert(p); slices.insert(q); changed = true }
                }
            }
        }
        return slices
    }

    private mutating func solve() {
        for call in calls { callsTo[call.callee, default: []].append(call) }
        solveTransient()
        var mutability: [Int: Bool] = [:]
        for (id, f) in program.functions.enumerated() where f.body != nil && f.name != "main" && !f.type.variadic && !f.type.noPrototype
            && !addressTaken.contains(id) {
            for p in f.params where !tables.contains(p) && !links.contains(p) && program.variables[p].vlaColumns == nil {   // a table of text is a slice of its own (FaithfulTextTables)
                if case .pointer(let pointee, let constant) = program.variables[p].type, Self.liftable(pointee, program) {
                    if case .record(let r) = pointee, heap.contains(r) || constant && staticReferences.contains(r) { continue }
                    mutability[p] = !constant
                }
            }
        }
        let slices = sliceParameters(Set(mutability.keys))
        let texts = literalParameters(Set(mutability.keys))
        // Parameters that take raw loans: found round by round, as the lifting that rejects them
        // shows which callers lend raw pointers (their own parameters left raw among them).
        var rawMarked: Set<Int> = []
        while true {
            let result = lift(mutability, slices: slices, texts: texts, raw: rawMarked)
            let newly = rawLoaned(result, among: mutability, slices: slices.union(texts)).subtracting(rawMarked)
            if newly.isEmpty { lifted = result; return }
            rawMarked.formUnion(newly)
        }
    }

    /// Single-object parameters of functions that take raw loans, left out of `set` because some
    /// caller lends a raw pointer, or its own raw-lent parameter.
    private func rawLoaned(_ set: [Int: Lift], among mutability: [Int: Bool], slices: Set<Int>) -> Set<Int> {
        var found: Set<Int> = []
        for call in calls where rawAccepting.contains(call.callee) {
            for (i, a) in call.args.enumerated() {
                guard let p = program.functions[call.callee].params[safe: i], mutability[p] != nil, !slices.contains(p), set[p]?.raw != true else { continue }
                for b in branches(a) {
                    if case .unary(.addressOf, let path) = b.withoutQualifierCasts.kind, let q = arrowRoot(path), set[q]?.raw == true {
                        found.insert(p)
                    } else if let q = parameter(b) {
                        if set[q].map({ $0.raw }) ?? true { found.insert(p) }
                    } else if rawLoanable(b, set) {
                        found.insert(p)
                    }
                }
            }
        }
        return found
    }

    /// `a` is a raw loan this file can convert: a pointer value read with no side effect, or the
    /// address of a place reached through one, not a local `Vec`, cursor, literal or text local
    /// (lent their own ways).
    private func rawLoanable(_ a: CExpr, _ set: [Int: Lift]) -> Bool {
        Self.rawLoan(a, lifted: { set[$0] != nil }) { Self.lentOtherwise($0, vectors: vectors, cursors: cursors, aliases: aliases, texts: texts, positions: positions) }
    }

    /// A local written some other way than as a pointer (a `Vec`, a cursor's index, a literal, a
    /// text local): never a raw loan.
    static func lentOtherwise(_ id: Int, vectors: LocalVectors, cursors: LocalCursors, aliases: [Int: [UInt8]], texts: Set<Int>,
                              positions: ElementPositions) -> Bool {
        vectors.isVector(id) || cursors.isCursor(id) || aliases[id] != nil || texts.contains(id) || positions.locals[id] != nil
    }

    /// A pointer value read from a variable, a member or an element with no side effect (`p`,
    /// `q->next`, `a[i]`), or the address of a place reached through such a pointer
    /// (`&slots[k]`, `&p->inner`), that neither names a lifted parameter (`lifted`) nor a local
    /// lent another way (`excluded`): lent to a parameter that takes raw loans as `p.as_mut()`.
    static func rawLoan(_ a: CExpr, lifted: (Int) -> Bool, excluded: (Int) -> Bool) -> Bool {
        let e = a.withoutQualifierCasts
        guard case .pointer(let pointee, _) = e.type, !e.isNullPointerConstant else { return false }
        if case .function = pointee { return false }
        func pure(_ x: CExpr) -> Bool {
            switch x.kind {
            case .variable(let id): return !excluded(id)
            case .intLiteral: return true
            case .member(let b, _, _, _): return pure(b)
            case .subscript(let b, let i): return pure(b) && pure(i)
            case .cast(let y, _): return pure(y)
            case .unary(let op, let y): return [.deref, .minus, .plus, .bitNot, .logicalNot].contains(op) && pure(y)
            case .binary(let op, let l, let r): return op != .comma && pure(l) && pure(r)
            default: return false
            }
        }
        /// The pointer through which `path` is reached.
        func pointerRoot(_ path: CExpr) -> CExpr? {
            switch path.kind {
            case .member(let b, _, _, true): return b
            case .member(let b, _, _, false): return pointerRoot(b)
            case .unary(.deref, let x): return x
            case .subscript(let b, _):
                if case .cast(let array, _) = b.kind, array.type.isArrayLike { return pointerRoot(array) }
                return b.type.isPointer ? b : nil
            default: return nil
            }
        }
        switch e.kind {
        case .variable(let id): return !lifted(id) && !excluded(id)
        case .member, .subscript: return pure(e)
        case .unary(.addressOf, let path):
            guard pure(path), let root = pointerRoot(path) else { return false }
            if case .variable(let id) = root.withoutQualifierCasts.kind, lifted(id) { return false }
            return true
        default: return false
        }
    }

    /// Objects of these types may share bytes: the same type, one inside the other, or a type
    /// that is no record (a `char` reaches any object).
    static func mayOverlap(_ t: CTy?, _ u: CTy?, _ program: Program) -> Bool {
        guard let t, let u, case .record = t, case .record = u else { return true }
        func holds(_ outer: CTy, _ inner: CTy) -> Bool {
            if outer == inner { return true }
            switch outer {
            case .record(let r): return (program.records[r].fields ?? []).contains { holds($0.type, inner) }
            case .array(let e, _): return holds(e, inner)
            default: return false
            }
        }
        return holds(t, u) || holds(u, t)
    }

    private func lift(_ mutability: [Int: Bool], slices: Set<Int>, texts: Set<Int>, raw rawMarked: Set<Int>) -> [Int: Lift] {
        var candidates: [Int: Lift] = [:]
        for (p, m) in mutability {
            let walks = (uses[p] ?? []).contains { if case .advanced = $0 { return true }; return false }
            candidates[p] = Lift(mutable: m, slice: slices.contains(p) || texts.contains(p), bytes: texts.contains(p), cursor: walks)
        }
        // Parameters given a position inside what is lent: an offset form, or a parameter that
        // is itself walked or given one.
        var moved = true
        while moved {
            moved = false
            for call in calls {
                for (i, a) in call.args.enumerated() {
                    guard let p = program.functions[call.callee].params[safe: i], let lift = candidates[p], lift.slice, !lift.offset else { continue }
                    var inside = offsetForm(a) != nil
                    if let q = parameter(a), let l = candidates[q], l.cursor || l.offset { inside = true }
                    if inside {
                        candidates[p]!.offset = true
                        candidates[p]!.cursor = true
                        moved = true
                    }
                }
            }
        }
        for p in rawMarked where candidates[p] != nil { candidates[p]!.raw = true; candidates[p]!.nullable = true }
        // Parameters some caller gives NULL, and those its nullable parameters are passed to.
        var nulled = true
        while nulled {
            nulled = false
            for call in calls {
                for (i, a) in call.args.enumerated() {
                    guard let p = program.functions[call.callee].params[safe: i], let lift = candidates[p], !lift.slice, !lift.nullable else { continue }
                    // A position lent (FaithfulElementPositions) may be NULL too.
                    if branches(a).contains(where: { $0.isNullPointerConstant || positions.isPosition($0) || parameter($0).flatMap({ candidates[$0] })?.nullable == true }) {
                        candidates[p]!.nullable = true
                        nulled = true
                    }
                }
            }
        }
        var changed = true
        while changed {
            changed = false
            for (p, lift) in candidates where !acceptable(p, lift, candidates) {
                candidates[p] = nil
                changed = true
            }
        }
        return candidates
    }

    /// `(int[]){1, 2, 3}` decayed, or `&(struct p){...}`: the literal, and whether it decays.
    static func compoundLoan(_ a: CExpr) -> (CExpr, Bool)? {
        var e = a
        while case .cast(let x, false) = e.kind, x.type.isPointer { e = x }
        if case .cast(let x, _) = e.kind, case .compoundLiteral = x.kind, x.type.isArrayLike { return (x, true) }
        if case .unary(.addressOf, let x) = e.kind, case .compoundLiteral = x.kind { return (x, false) }
        return nil
    }

    /// The values an argument can give: both operands of `c ? x : y`.
    private func branches(_ a: CExpr) -> [CExpr] {
        if case .conditional(_, let x, let y) = a.withoutQualifierCasts.kind, a.type.isPointer { return branches(x) + branches(y) }
        return [a]
    }

    private func liftedParameter(_ function: Int, _ index: Int, _ set: [Int: Lift]) -> Lift? {
        program.functions[function].params[safe: index].flatMap { set[$0] }
    }

    private func allowed(_ u: Use, _ lift: Lift, _ set: [Int: Lift]) -> Bool {
        switch u {
        case .place: return true
        case .escape: return false
        case .indexed: return lift.slice
        case .advanced, .indexedBefore: return lift.slice && lift.cursor
        case .passed(let f, let i):
            guard let target = liftedParameter(f, i, set), target.slice == lift.slice, target.bytes == lift.bytes,
                  !lift.nullable || target.nullable else { return false }
            return lift.mutable || !target.mutable
        case .passedField(let f, let i):
            // Given to a parameter that stays a pointer: one that does not keep it.
            guard let target = liftedParameter(f, i, set), !target.slice else {
                return program.functions[f].params[safe: i].map { transient.contains($0) } ?? false
            }
            return lift.mutable || !target.mutable
        case .passedPart(let f, let i):
            guard lift.slice, let target = liftedParameter(f, i, set), target.slice, target.offset, target.bytes == lift.bytes else { return false }
            return lift.mutable || !target.mutable
        case .library(let keeps, let readOnly): return !keeps && (lift.mutable || readOnly)
        }
    }

    private func acceptable(_ p: Int, _ lift: Lift, _ set: [Int: Lift]) -> Bool {
        guard (uses[p] ?? []).allSatisfy({ allowed($0, lift, set) }) else { return false }
        let v = program.variables[p]
        guard v.function >= 0, let index = program.functions[v.function].params.firstIndex(of: p) else { return false }
        let pointee = v.type.pointee
        /// The caller's lifted parameter `q` can be lent on here.
        func lendsOn(_ q: Int, _ call: Call) -> Bool {
            guard let l = set[q], l.slice == lift.slice, l.bytes == lift.bytes, l.mutable || !lift.mutable, !l.nullable || lift.nullable, !l.raw || lift.raw,
                  program.variables[q].type.pointee == pointee, !(l.cursor || l.offset) || lift.offset else { return false }
            return !lift.mutable || !call.args.enumerated().contains { $0.offset != index && !Self.readsValuesOnly($0.element, of: q, program: program) }
        }
        /// The caller's local `x` can be lent here.
        func lendable(_ x: Int, _ call: Call) -> Bool {
            guard (lends[x] ?? []).allSatisfy({ lentSafely($0, set) }) else { return false }
            return !call.args.enumerated().contains { $0.offset != index && !Self.readsValuesOnly($0.element, of: x, program: program) }
        }
        /// The raw pointer `a` can be lent here: no other operand of the call reads the pointers
        /// it reads, and no other raw loan of the call may overlap it unless both are shared.
        func rawAccepted(_ a: CExpr, _ call: Call) -> Bool {
            let params = program.functions[call.callee].params
            // The pointers and arrays `a` reads: no other operand may reach the object through them.
            let ways = a.variables.filter { program.variables[$0].type.isPointer || program.variables[$0].type.isArrayLike }
            for (k, other) in call.args.enumerated() where k != index {
                if !other.variables.isDisjoint(with: ways) { return false }
                guard let q = params[safe: k], let l = set[q], l.raw, lift.mutable || l.mutable else { continue }
                if branches(other).contains(where: { rawLoanable($0, set) || parameter($0).map { set[$0] == nil } == true }),
                   Self.mayOverlap(pointee, program.variables[q].type.pointee, program) { return false }
            }
            return true
        }
        /// `a`, given at `index` in `call`, is a loan this lifting can take.
        func accepts(_ a: CExpr, _ call: Call) -> Bool {
            if case .conditional(_, let x, let y) = a.withoutQualifierCasts.kind, a.type.isPointer { return accepts(x, call) && accepts(y, call) }
            if let (object, decayed) = Self.compoundLoan(a) {
                // A compound literal is a fresh object no other pointer reaches.
                if decayed { return lift.slice && !lift.bytes && object.type.element == pointee }
                return !lift.slice && object.type == pointee
            }
            if a.isNullPointerConstant {
                guard lift.nullable else { return false }
                return true
            }
            if let root = positions.rootVariable(a, program) {
                // An element of an array in place, at a position (FaithfulElementPositions): no
                // other operand of the call may reach its object but for values.
                guard !lift.slice, lift.nullable, a.withoutQualifierCasts.type.pointee == pointee else { return false }
                return !call.args.enumerated().contains { $0.offset != index && !Self.readsValuesOnly($0.element, of: root, program: program) }
            }
            if let q = parameter(a) {
                if set[q] == nil, lift.raw { return program.variables[q].type.pointee == pointee && rawAccepted(a, call) }
                guard lendsOn(q, call) else { return false }
                return true
            }
            if lift.raw, a.withoutQualifierCasts.type.pointee == pointee, rawLoanable(a, set) {
                // A value read (`p`, `q->next`) here; the address of a place (`&slots[k]`) below,
                // after the loans of locals and of the caller's references.
                if case .unary(.addressOf, _) = a.withoutQualifierCasts.kind {} else { return rawAccepted(a, call) }
            }
            if lift.bytes {
                // A string literal, or the caller's own literal slice (offset or not).
                if FaithfulTranslator.literalBytes(a, aliases) != nil { return true }
                if staticText(a) { return !lift.offset }
                guard lift.offset, let (b, _) = offsetForm(a), let q = parameter(b), lendsOn(q, call) else { return false }
                return true
            }
            if !lift.mutable, !lift.bytes, immutableLoan(a) || offsetForm(a).map({ immutableLoan($0.0) }) == true {
                // A table the program never writes, read through a shared loan.
                if lift.slice, offsetForm(a) == nil || lift.offset, let element = decayedElement(offsetForm(a)?.0 ?? a), element == pointee { return true }
                if !lift.slice, case .unary(.addressOf, let path) = a.withoutQualifierCasts.kind, path.type == pointee { return true }
                return false
            }
            if lift.slice {
                // A literal lent to a read-only `char` slice, as an array of its bytes.
                if FaithfulTranslator.literalBytes(a, aliases) != nil {
                    guard !lift.mutable, pointee == .int(.char) else { return false }
                    return true
                }
                if let x = decayedArray(a) {
                    guard decayedElement(a) == pointee, lendable(x, call) else { return false }
                    return true
                }
                guard let (b, _) = offsetForm(a), lift.offset else { return false }
                if let q = parameter(b) {
                    guard lendsOn(q, call) else { return false }
                    return true
                }
                guard let x = decayedArray(b), decayedElement(b) == pointee, lendable(x, call) else { return false }
                return true
            }
            guard case .unary(.addressOf, let path) = a.withoutQualifierCasts.kind, path.type == pointee else { return false }
            if let q = arrowRoot(path) {
                if set[q] == nil { return lift.raw && rawLoanable(a, set) && rawAccepted(a, call) }
                // `&q->f`: a part of what the caller's own reference reaches.
                guard let l = set[q], !l.slice, l.mutable || !lift.mutable, !l.raw || lift.raw else { return false }
                for (k, other) in call.args.enumerated() where k != index && other.mentions(variable: q) { return false }
                return true
            }
            // `&a[k]`: one element of a local array (a checked index).
            if case .subscript(let b, _) = path.kind, let x = decayedArray(b), decayedElement(b) == pointee {
                return lendable(x, call)
            }
            // The local is reached by no other pointer, and by no other operand of the call.
            guard let x = lentLocal(a), lendable(x, call) else { return lift.raw && rawLoanable(a, set) && rawAccepted(a, call) }
            return true
        }
        for call in callsTo[v.function] ?? [] {
            guard index < call.args.count, accepts(call.args[index], call) else { return false }
        }
        return true
    }

    /// A local's address given to a lifted parameter, or to one that does not keep it.
    private func lentSafely(_ u: Use, _ set: [Int: Lift]) -> Bool {
        switch u {
        case .passed(let f, let i), .passedField(let f, let i), .passedPart(let f, let i):
            guard let p = program.functions[f].params[safe: i] else { return false }
            return set[p] != nil || transient.contains(p)
        case .library(let keeps, _): return !keeps
        case .place, .escape, .indexed, .indexedBefore, .advanced: return false
        }
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { i >= 0 && i < count ? self[i] : nil }
}

extension CTy {
    var isArrayLike: Bool { if case .array = self { return true }; return false }
}
