import CSyntax
import RustSyntax

/// Local buffers from `malloc` as `Vec`s. A local `T *p` whose every value is an allocation of
/// whole elements (`malloc(n * sizeof *p)`, `calloc(n, sizeof(T))`, `p = realloc(p, ...)`), and
/// that is only indexed (`p[i]`, `*p`, `p->f`), tested against `NULL`, freed (`free(p)`) or lent
/// to a C library function that does not keep it, is a `Vec<T>` that owns the elements: the
/// allocation is `resize` (zeroed, where C's `malloc` left them undefined), `free` empties it,
/// an index is checked, and the buffer goes away with the variable if the C leaked it. A NULL
/// test is false (Rust ends the process when memory runs out, where `malloc` returned NULL).
/// A vector or a part of it (`p + k`) given to a C library function that does not keep it is
/// its raw pointer there (a copy between slices where FaithfulSliceCopies writes one).
/// A vector given to one of the file's functions (whole, or `p + k`) is lent as a slice when
/// ReferenceLifting lifts that parameter to one; the translator drops the vectors given to any
/// other parameter. Anything else (the pointer copied, returned, stored, offset, set to NULL,
/// reallocated into another variable, the address of a place in an element kept or given to a
/// parameter that is not lifted) keeps a raw pointer.
///
/// A function whose every `return` gives back one of its vectors, or the call of another such
/// function (`return repeat(s, 2);`), returns the `Vec<T>` itself (`returning`): `char *out =
/// malloc(n); ...; return out;`. A `return NULL` under a NULL test
/// of one of its vectors (`if (!out) return NULL;`, never taken in Rust) gives an empty vector.
/// Each call's value must go into a vector local (`char *s = encode(x);`, `s = encode(y);`,
/// which owns it from then on) or be dropped (a statement of its own): the function must be
/// called directly, not be `main` and not be variadic. A value used any other way keeps the
/// function returning a raw pointer, and its vectors raw too.
///
/// A vector both reallocated in place (`p = realloc(p, n)`) and tested against NULL, or one set
/// to NULL (`char *m = NULL;`, `p = NULL;` after `free(p)`: an empty vector then), carries a flag
/// (`nullFlags`) that says whether C's pointer is NULL: glibc's `realloc` of a buffer to 0 bytes
/// frees it and returns NULL, which an empty `Vec` cannot say. A function that may return NULL
/// (a `return NULL` no NULL test of a vector guards, a flagged vector, another such function's
/// call) returns `Option<Vec<T>>` (`nullableReturns`), `None` for NULL, and each local that
/// takes its call carries a flag, set from the `Option`.
///
/// One vector assigned another (`a = b;`, a statement) where the C reads `b` no more before it
/// is given a new value or its block ends (`free(a); a = b; b = c;`, the Fibonacci shuffle) is a
/// move (`moves`): `a` takes the buffer and `b` is left empty, which nothing reads.
///
/// A local that only takes `realloc` of a local vector and hands it back (`int *tmp =
/// realloc(buf, n * sizeof *buf); if (!tmp) ...; buf = tmp;`) is a witness of it, as of a member
/// vector below.
///
/// A struct member `T *f` is a `Vec<T>` the same way (`fieldElements`), in records that own it
/// alone (`FaithfulTranslator.vectorRecords`: never copied, never reached as bytes): its values
/// are allocations into it (`realloc` of the same member of the same object) or NULL, an empty
/// vector; the record's zero value holds an empty one. Besides the uses above (not lent to the
/// file's functions, not NULL-tested: a record starts with NULL there, which an empty vector
/// cannot tell from a fresh allocation), anything else keeps the member a raw pointer. A local
/// that only takes `realloc` of a member vector and hands it back (`T *p = realloc(v->data, n);
/// if (!p) ...; v->data = p;`, a `witness`) holds no pointer: the member is resized where C
/// reallocates, the local says whether C's `realloc` returned NULL, and handing it back does
/// nothing.
struct LocalVectors: Sendable, RoleWalker {
    typealias FieldKey = FaithfulTranslator.FieldKey
    /// The vectors (local variable ids) and their elements.
    private(set) var elements: [Int: CTy] = [:]
    private let program: Program
    private let sizes: [Int: Int]
    private var candidates: Set<Int> = []
    private var dropped: Set<Int> = []
    /// Each vector given to a user function: the function and the argument's index.
    private(set) var lent: [(vector: Int, function: Int, index: Int)] = []
    /// Each element (or a place in one) whose address is given to a user function (`&v[k]`,
    /// `&p->count`): a vector only where that parameter is lifted to a reference.
    private(set) var lentElements: [(vector: Int, function: Int, index: Int)] = []
    /// The members written as vectors, and their elements.
    private(set) var fieldElements: [FieldKey: CTy] = [:]
    private var fieldCandidates: Set<FieldKey> = []
    private var droppedFields: Set<FieldKey> = []
    private let fieldSizes: [FieldKey: Int]
    /// Witnesses (local ids) and the member each reallocates.
    private(set) var witnesses: [Int: CExpr] = [:]
    private var droppedWitnesses: Set<Int> = []
    /// Functions that return one of their vectors, and its elements (`Vec<T>`).
    private(set) var returning: [Int: CTy] = [:]
    private var functionCandidates: Set<Int> = []
    private var droppedFunctions: Set<Int> = []
    /// Each candidate's returned vectors and the vectors whose NULL tests guard its `return NULL`s.
    private var returnedVectors: [Int: Set<Int>] = [:]
    /// Each candidate's `return NULL`s that no NULL test of a vector guards, and the candidates it forwards.
    private var returnsNull: Set<Int> = []
    private var forwardedCalls: [Int: Set<Int>] = [:]
    /// Each vector that takes a candidate's result, with the function.
    private var receivers: [(vector: Int, function: Int)] = []
    /// Each candidate that returns another's call (`return g(x);`), with that other.
    private var forwarders: [(function: Int, callee: Int)] = []
    /// The function being walked.
    private var current = -1
    /// Vectors that carry a flag saying whether C's pointer is NULL.
    private(set) var nullFlags: Set<Int> = []
    /// The locals that may carry one (before the vectors are settled).
    private var flaggable: Set<Int> = []
    /// Assignments (by place) of one local pointer to another whose source is dead after them.
    private(set) var moves: Set<CLoc> = []
    /// The functions in `returning` that may return NULL: `Option<Vec<T>>`.
    private(set) var nullableReturns: Set<Int> = []

    static let none = LocalVectors()

    private init() { program = Program(mainFile: ""); sizes = [:]; fieldSizes = [:] }

    /// `size(t)`: the element's size in bytes, as clang lays it out. `records`: those whose
    /// pointer members may be vectors.
    init(program: Program, excluded: Set<Int>, records: Set<Int> = [], size: (CTy) -> Int) {
        self.program = program
        func element(_ t: CTy) -> CTy? {
            guard case .pointer(let pointee, _) = t else { return nil }
            switch pointee {
            case .int, .float, .pointer: break
            case .record(let r) where !program.records[r].isUnion && program.records[r].fields != nil: break
            default: return nil
            }
            return size(pointee) > 0 ? pointee : nil
        }
        var sizes: [Int: Int] = [:]
        for (id, v) in program.variables.enumerated() where v.storage == .local && v.cleanup == nil && !excluded.contains(id) {
            if let e = element(v.type) { candidates.insert(id); sizes[id] = size(e) }
        }
        self.sizes = sizes
        var fieldSizes: [FieldKey: Int] = [:]
        for r in records {
            for (k, f) in (program.records[r].fields ?? []).enumerated() where f.bitWidth == nil && !f.name.isEmpty {
                if let e = element(f.type) { let key = FieldKey(record: r, field: k); fieldCandidates.insert(key); fieldSizes[key] = size(e) }
            }
        }
        self.fieldSizes = fieldSizes
        witnesses = Self.reallocations(program, fieldCandidates, candidates)
        // Not a witness's test: C's realloc gives NULL for a size of 0 (FaithfulFieldVectors).
        (returnedVectors, returnsNull, forwardedCalls) = Self.returnedVectors(program, candidates: candidates.subtracting(witnesses.keys))
        var flagged = Self.nullFlagged(program, candidates)
        // The functions that may return NULL, and the locals that take their calls (flagged), to a fixed point.
        var nullable: Set<Int> = []
        let taking = Self.receiving(program, candidates, Set(returnedVectors.keys))
        var growing = true
        while growing {
            growing = false
            for (f, vectors) in returnedVectors where !nullable.contains(f) {
                if returnsNull.contains(f) || !vectors.isDisjoint(with: flagged) || !forwardedCalls[f, default: []].isDisjoint(with: nullable) {
                    nullable.insert(f)
                    growing = true
                }
            }
            for (v, f) in taking where nullable.contains(f) && !flagged.contains(v) { flagged.insert(v); growing = true }
        }
        flaggable = flagged
        moves = Self.deadSourceMoves(program, candidates)
        functionCandidates = Set(returnedVectors.keys)
        while !candidates.isEmpty || !fieldCandidates.isEmpty || !functionCandidates.isEmpty {
            dropped = []
            droppedFields = []
            droppedWitnesses = []
            droppedFunctions = []
            lent = []
            lentElements = []
            receivers = []
            forwarders = []
            for (id, f) in program.functions.enumerated() where f.body != nil { current = id; walk(f.body!) }
            current = -1
            // A function whose vectors are not all vectors after all, or whose result goes into a
            // local that is no vector, returns a pointer; and then so do its receivers.
            for f in functionCandidates where !returnedVectors[f, default: []].allSatisfy({ candidates.contains($0) && !dropped.contains($0) }) {
                droppedFunctions.insert(f)
            }
            for (v, f) in receivers where dropped.contains(v) || !candidates.contains(v) { droppedFunctions.insert(f) }
            // A forwarder and what it forwards return a vector together or not at all.
            var forwarded = true
            while forwarded {
                forwarded = false
                for (f, g) in forwarders where droppedFunctions.contains(f) != droppedFunctions.contains(g) {
                    droppedFunctions.formUnion([f, g])
                    forwarded = true
                }
            }
            for (v, f) in receivers where droppedFunctions.contains(f) { drop(v) }
            functionCandidates.subtract(droppedFunctions)
            // Records held in globals start as their initializers say.
            for v in program.variables where v.storage == .global { if let e = v.initializer { visit(e) } }
            witnesses = witnesses.filter { !droppedWitnesses.contains($0.key) && isVectorPath($0.value) }
            if dropped.isEmpty && droppedFields.isEmpty && droppedWitnesses.isEmpty && droppedFunctions.isEmpty { break }
            candidates.subtract(dropped)
            fieldCandidates.subtract(droppedFields)
        }
        witnesses = witnesses.filter { isVectorPath($0.value) }
        for id in candidates { elements[id] = program.variables[id].type.pointee }
        nullFlags = flagged.intersection(candidates)
        for f in functionCandidates { returning[f] = program.functions[f].type.result.pointee }
        nullableReturns = nullable.intersection(functionCandidates)
        for key in fieldCandidates { fieldElements[key] = program.records[key.record].fields![key.field].type.pointee }
        lent = lent.filter { candidates.contains($0.vector) }
        lentElements = lentElements.filter { candidates.contains($0.vector) }
    }

    /// A call whose value a vector may take: to a function that may return one, of its element type.
    private func returningCall(_ e: CExpr, into id: Int) -> (Int, [CExpr])? {
        guard case .call(let callee, let args) = e.withoutCasts.kind, case .function(let f) = callee.withoutCasts.kind,
              functionCandidates.contains(f), program.functions[f].type.result.pointee == program.variables[id].type.pointee else { return nil }
        return (f, args)
    }

    /// A vector's value from a function that returns one (`s = encode(x)`): the function.
    func receivedCall(_ e: CExpr) -> Int? {
        guard case .call(let callee, _) = e.withoutCasts.kind, case .function(let f) = callee.withoutCasts.kind, returning[f] != nil else { return nil }
        return f
    }

    /// `a = b` that moves one vector into another (LocalVectors.moves): the source.
    func moveSource(_ e: CExpr) -> Int? {
        guard moves.contains(e.loc), case .assign(let l, let r) = e.kind, let a = vector(l), let b = vector(r),
              program.variables[a].type.pointee == program.variables[b].type.pointee,
              !nullFlags.contains(b) || nullFlags.contains(a) else { return nil }
        return b
    }

    /// A member vector or a local vector (under casts).
    private func isVectorPath(_ e: CExpr) -> Bool { field(e) != nil || vector(e) != nil }

    /// The member vector `e` reads (`v->data`, `s.items`; under casts).
    func field(_ e: CExpr) -> FieldKey? {
        guard case .member(_, let r, let k, _) = e.withoutCasts.kind else { return nil }
        let key = FieldKey(record: r, field: k)
        return fieldCandidates.contains(key) ? key : nil
    }

    /// The object a member vector belongs to, as an expression to evaluate: `*v` for `v->data`
    /// (a dereference, which a raw `v` makes unsafe), `s` for `s.items`.
    static func owner(_ member: CExpr) -> CExpr {
        guard case .member(let base, let r, _, let arrow) = member.withoutCasts.kind else { return member }
        return arrow ? CExpr(.unary(.deref, base), .record(r), base.loc) : base
    }

    /// Local pointers whose every value is `realloc` of one member (the same path each time):
    /// witness candidates.
    private static func reallocations(_ program: Program, _ fields: Set<FieldKey>, _ locals: Set<Int>) -> [Int: CExpr] {
        var found: [Int: CExpr] = [:]
        var bad: Set<Int> = []
        func realloc(_ e: CExpr) -> CExpr? {
            guard case .call(let callee, let args) = e.withoutCasts.kind, case .function(let f) = callee.withoutCasts.kind,
                  program.functions[f].name == "realloc", program.functions[f].body == nil, args.count == 2 else { return nil }
            switch args[0].withoutCasts.kind {
            case .member(_, let r, let k, _) where fields.contains(FieldKey(record: r, field: k)): return args[0].withoutCasts
            case .variable(let v) where locals.contains(v): return args[0].withoutCasts
            default: return nil
            }
        }
        func value(_ id: Int, _ e: CExpr) {
            guard let m = realloc(e), found[id].map({ $0.isSamePath(as: m) }) ?? true else { bad.insert(id); return }
            found[id] = m
        }
        func isLocalPointer(_ id: Int) -> Bool {
            let v = program.variables[id]
            return v.storage == .local && v.type.isPointer && v.cleanup == nil
        }
        for (id, v) in program.variables.enumerated() where isLocalPointer(id) { if let e = v.initializer { value(id, e) } }
        func visit(_ e: CExpr) {
            switch e.kind {
            case .assign(let l, let r): if case .variable(let id) = l.kind, isLocalPointer(id) { value(id, r) }
            case .compoundAssign(_, let l, _), .unary(.preInc, let l), .unary(.preDec, let l), .unary(.postInc, let l), .unary(.postDec, let l):
                if case .variable(let id) = l.kind { bad.insert(id) }
            default: break
            }
            e.forEachChild(visit)
        }
        for f in program.functions where f.body != nil { f.body!.forEachExpression(visit) }
        return found.filter { !bad.contains($0.key) }
    }

    /// The member a witness `e` (a variable, under casts) reallocates.
    func witness(_ e: CExpr) -> CExpr? {
        guard !witnesses.isEmpty, case .variable(let id) = e.withoutCasts.kind else { return nil }
        return witnesses[id]
    }

    /// The member vector whose element holds the place `x` (`v->data[k]`, `v->data->f`).
    func fieldElementRoot(_ x: CExpr) -> FieldKey? {
        switch x.kind {
        case .subscript(let b, _) where b.type.isPointer: return field(b)
        case .unary(.deref, let b): return field(b)
        case .member(let b, _, _, true): return field(b)
        case .member(let b, _, _, false): return fieldElementRoot(b)
        case .subscript(let b, _):
            if case .cast(let array, _) = b.kind, array.type.isArrayLike { return fieldElementRoot(array) }
            return nil
        default: return nil
        }
    }

    /// The vector whose element holds the place `x` (`v[k]`, `*v`, `v->f`, `v[k].a[j]`).
    func elementRoot(_ x: CExpr) -> Int? {
        switch x.kind {
        case .subscript(let b, _):
            if case .cast(let array, _) = b.kind, array.type.isArrayLike { return elementRoot(array) }
            return vector(b)
        case .unary(.deref, let b): return vector(b)
        case .member(let b, _, _, true): return vector(b)
        case .member(let b, _, _, false): return elementRoot(b)
        default: return nil
        }
    }

    var isEmpty: Bool { elements.isEmpty && fieldElements.isEmpty }
    func isVector(_ id: Int) -> Bool { elements[id] != nil }

    /// The local vectors of `char`s (`char *buf = malloc(32)`): their text is read and written
    /// as slices by `cstdio` and `cstring`.
    var charVectors: Set<Int> { Set(elements.filter { $0.value.intKind?.size == 1 }.keys) }

    /// `v + i + 1`, `v + n - k`: a vector from offsets added or taken away (under casts), and the offsets.
    func vectorOffset(_ e: CExpr) -> (Int, [(CExpr, subtracted: Bool)])? {
        let (p, offsets) = FaithfulTranslator.pointerOffsets(e)
        guard !offsets.isEmpty, let id = vector(p) else { return nil }
        return (id, offsets)
    }

    /// Every local vector (the settled candidates).
    var ids: Set<Int> { candidates }

    /// `e` names a vector (under casts).
    func vector(_ e: CExpr) -> Int? {
        guard case .variable(let id) = e.withoutCasts.kind, candidates.contains(id) else { return nil }
        return id
    }

    // MARK: allocations

    /// A number of elements: `operand * factor` (`factor` alone without an operand).
    struct Count: Sendable {
        var operand: CExpr?
        var factor: Int
        /// A byte count of numbers or pointers that is no product of their size (`malloc(bytes)`):
        /// the whole elements in it, `operand / divisor` (C can reach no more without undefined behaviour).
        var divisor = 1
    }

    /// What an allocation for `id` makes: its element count, and whether it keeps the old
    /// elements (`realloc`).
    func allocation(_ e: CExpr, for id: Int) -> (count: Count, keeps: Bool)? {
        guard let size = sizes[id] else { return nil }
        return allocation(e, size: size, scalar: program.variables[id].type.pointee?.isScalar == true) { vector($0) == id }
    }

    /// What an allocation into the member vector `member` makes (`realloc` of that same member).
    func allocation(_ e: CExpr, into member: CExpr) -> (count: Count, keeps: Bool)? {
        if let id = vector(member) { return allocation(e, for: id) }   // a local vector's witness
        guard let key = field(member), let size = fieldSizes[key] else { return nil }
        return allocation(e, size: size, scalar: member.type.pointee?.isScalar == true) { $0.isSamePath(as: member) }
    }

    /// `malloc`, `calloc` or `realloc` (of what `reallocates` accepts) of whole elements of `size`
    /// bytes; of any byte count for `scalar` elements (numbers, pointers: no record, whose
    /// flexible array member a byte count may make room for).
    private func allocation(_ e: CExpr, size: Int, scalar: Bool, reallocates: (CExpr) -> Bool) -> (count: Count, keeps: Bool)? {
        guard case .call(let callee, let args) = e.withoutCasts.kind, case .function(let f) = callee.withoutCasts.kind,
              program.functions[f].body == nil else { return nil }
        func bytes(_ e: CExpr, _ size: Int) -> Count? {
            if let c = Self.elementCount(e, size) { return c }
            return scalar && e.type.isInteger && e.integerLiteralValue == nil ? Count(operand: e, factor: 1, divisor: size) : nil
        }
        switch (program.functions[f].name, args.count) {
        case ("malloc", 1): return bytes(args[0], size).map { ($0, false) }
        case ("calloc", 2):
            guard let s = args[1].integerLiteralValue, s > 0, s % size == 0 else { return nil }
            return (Count(operand: args[0], factor: s / size), false)
        case ("realloc", 2):
            guard reallocates(args[0]) else { return nil }
            return bytes(args[1], size).map { ($0, true) }
        default: return nil
        }
    }

    /// A value a member vector may be given: an allocation into it, or NULL (an empty vector).
    /// The operands left to evaluate.
    func fieldValue(_ e: CExpr, into member: CExpr) -> [CExpr]? {
        if e.isNullPointerConstant { return [] }
        if let m = witness(e) { return m.isSamePath(as: member) ? [] : nil }   // handed back: already there
        guard let (count, _) = allocation(e, into: member) else { return nil }
        return count.operand.map { [$0] } ?? []
    }


    /// A byte count as whole elements: `n * k` or `k * n` with `k` a multiple of the size, or a constant.
    static func elementCount(_ e: CExpr, _ size: Int) -> Count? {
        if let k = e.integerLiteralValue { return k >= 0 && k % size == 0 ? Count(operand: nil, factor: k / size) : nil }
        if size == 1, e.type.isInteger { return Count(operand: e, factor: 1) }   // bytes: any count (`strlen(s) + 1`)
        guard case .binary(.mul, let a, let b) = e.withoutCasts.kind else { return nil }
        if let k = b.integerLiteralValue, k > 0, k % size == 0 { return Count(operand: a, factor: k / size) }
        if let k = a.integerLiteralValue, k > 0, k % size == 0 { return Count(operand: b, factor: k / size) }
        // `sizeof(T) * rows * cols`: the size inside the left product (unsigned products reassociate).
        if case .binary(.mul, let x, let y) = a.withoutCasts.kind, e.type.intKind?.isSigned == false, a.type == e.type, x.type == e.type, y.type == e.type {
            if let k = x.integerLiteralValue, k > 0, k % size == 0 { return Count(operand: CExpr(.binary(.mul, y, b), e.type, e.loc), factor: k / size) }
            if let k = y.integerLiteralValue, k > 0, k % size == 0 { return Count(operand: CExpr(.binary(.mul, x, b), e.type, e.loc), factor: k / size) }
        }
        return nil
    }

    // MARK: where vectors are used

    /// When `e` is a use of a vector (an element, a NULL test, `free`, an allocation into it):
    /// the operands left to evaluate. Nil for any other expression.
    func consumed(_ e: CExpr) -> [CExpr]? {
        if let assignment = testedAllocation(e) { return consumed(assignment) }
        if !fieldCandidates.isEmpty || !witnesses.isEmpty, let operands = fieldConsumed(e) { return operands }
        switch e.kind {
        case .subscript(let b, let i) where b.type.isPointer: return vector(b) != nil ? [i] : nil
        case .unary(.deref, let x):
            if let (b, k) = x.pointerOffset, case .binary = x.withoutQualifierCasts.kind, vector(b) != nil { return [k] }   // `*(v + k)`
            return vector(x) != nil ? [] : nil
        case .member(let b, let r, _, true) where !program.records[r].isUnion: return vector(b) != nil ? [] : nil
        case .binary(let op, let l, let r) where op == .eq || op == .ne:
            if vector(l) != nil, r.isNullPointerConstant { return [] }
            if vector(r) != nil, l.isNullPointerConstant { return [] }
            return nil
        case .call(let callee, let args):
            guard case .function(let f) = callee.withoutCasts.kind, program.functions[f].name == "free", program.functions[f].body == nil,
                  args.count == 1, vector(args[0]) != nil else { return nil }
            return []
        case .assign(let l, let r):
            guard let id = vector(l), let (count, _) = allocation(r, for: id) else { return nil }
            return count.operand.map { [$0] } ?? []
        default: return nil
        }
    }

    /// `(p = malloc(..)) == NULL` (or `!=`) of a vector or member vector: the allocation, whose
    /// test is false (Rust ends the process when memory runs out).
    func testedAllocation(_ e: CExpr) -> CExpr? {
        guard case .binary(let op, let l, let r) = e.kind, op == .eq || op == .ne else { return nil }
        let (a, null) = r.isNullPointerConstant ? (l.withoutCasts, r) : (r.withoutCasts, l)
        return null.isNullPointerConstant && isAllocationInto(a) ? a : nil
    }

    /// `p = malloc(..)` into a vector (not `realloc`, whose NULL would keep the old buffer) or
    /// any allocation into a member vector.
    private func isAllocationInto(_ a: CExpr) -> Bool {
        guard case .assign(let place, let value) = a.kind else { return false }
        if let id = vector(place) { return allocation(value, for: id)?.keeps == false }
        return field(place) != nil && allocation(value, into: place) != nil
    }

    /// `consumed` for member vectors: the owner object is evaluated (and dereferenced).
    private func fieldConsumed(_ e: CExpr) -> [CExpr]? {
        switch e.kind {
        case .subscript(let b, let i) where b.type.isPointer: return field(b) != nil ? [Self.owner(b), i] : nil
        case .unary(.deref, let x): return field(x) != nil ? [Self.owner(x)] : nil
        case .member(let b, let r, _, true) where !program.records[r].isUnion: return field(b) != nil ? [Self.owner(b)] : nil
        case .call(let callee, let args):
            guard case .function(let f) = callee.withoutCasts.kind, program.functions[f].name == "free", program.functions[f].body == nil,
                  args.count == 1, field(args[0]) != nil else { return nil }
            return [Self.owner(args[0])]
        case .assign(let l, let r):
            if let m = witness(l), let operands = resizeOperands(m, r) { return operands }
            guard field(l) != nil, let operands = fieldValue(r, into: l) else { return nil }
            return [Self.owner(l)] + operands
        case .binary(let op, let l, let r) where op == .eq || op == .ne:
            if witness(l) != nil, r.isNullPointerConstant { return [] }
            if witness(r) != nil, l.isNullPointerConstant { return [] }
            return nil
        default: return nil
        }
    }

    /// A witness's declaration: the member's resize (its operands).
    func witnessOperands(_ id: Int) -> [CExpr]? {
        guard let m = witnesses[id], let e = program.variables[id].initializer else { return nil }
        return resizeOperands(m, e)
    }

    /// `realloc` of member vector `m` into its witness: the member's owner and the count.
    private func resizeOperands(_ m: CExpr, _ value: CExpr) -> [CExpr]? {
        guard let (count, keeps) = allocation(value, into: m), keeps else { return nil }
        return (vector(m) != nil ? [] : [Self.owner(m)]) + (count.operand.map { [$0] } ?? [])
    }

    /// A vector's allocation in its declaration: the count's operand (nil: not a vector, no allocation).
    func initializerOperands(_ id: Int) -> [CExpr]? {
        guard candidates.contains(id), let e = program.variables[id].initializer, let (count, _) = allocation(e, for: id) else { return nil }
        return count.operand.map { [$0] } ?? []
    }

    // MARK: the walk

    /// The arguments of a call to one of the file's functions: a vector lent whole or from an
    /// element on.
    private mutating func userCall(_ f: Int, _ args: [CExpr]) {
        for (i, a) in args.enumerated() {
            if let key = field(a) { drop(key); visit(Self.owner(a)); continue }
            if case .unary(.addressOf, let x) = a.withoutCasts.kind, let key = fieldElementRoot(x) { drop(key); visit(x); continue }
            if let id = vector(a) { lent.append((id, f, i)); continue }
            if case .unary(.addressOf, let x) = a.withoutCasts.kind, let id = elementRoot(x) { lentElements.append((id, f, i)); visit(x); continue }
            if let (b, k) = a.pointerOffset, let id = vector(b) { lent.append((id, f, i)); visit(k); continue }
            visit(a)
        }
    }

    private mutating func drop(_ id: Int) { if candidates.contains(id) { dropped.insert(id) } }
    private mutating func drop(_ key: FieldKey) { if fieldCandidates.contains(key) { droppedFields.insert(key) } }

    mutating func declared(_ id: Int) {
        let v = program.variables[id]
        if let n = v.vlaSize { visit(n) }
        guard let e = v.initializer else { return }
        if witnesses[id] != nil {
            drop(id)
            if let operands = witnessOperands(id) { operands.forEach { visit($0) }; return }
            droppedWitnesses.insert(id)
        }
        if candidates.contains(id) {
            if let (count, keeps) = allocation(e, for: id), !keeps { if let o = count.operand { visit(o) }; return }
            if e.isNullPointerConstant { return }   // NULL: empty, its flag set
            if let (f, args) = returningCall(e, into: id) { receivers.append((id, f)); userCall(f, args); return }
            drop(id)
        }
        visit(e)
    }

    mutating func value(_ e: CExpr) { visit(e) }

    /// `return v` of a function that may return its vectors, `return NULL` under a NULL test
    /// (both checked against `returnedVectors` after the walk).
    mutating func returned(_ e: CExpr) {
        if functionCandidates.contains(current) {
            if vector(e) != nil || e.isNullPointerConstant { return }
            if case .call(let callee, let args) = e.withoutCasts.kind, case .function(let g) = callee.withoutCasts.kind, functionCandidates.contains(g) {
                forwarders.append((current, g))
                userCall(g, args)
                return
            }
            droppedFunctions.insert(current)   // a pointer from elsewhere
        }
        visit(e)
    }

    mutating func effect(_ e: CExpr) {
        switch e.kind {
        case .binary(.comma, let a, let b): effect(a); effect(b)
        case .cast(let x, _) where e.type == .void: effect(x)
        case .assign(let l, let r) where vector(l) != nil:
            if let id = vector(l), let (count, _) = allocation(r, for: id) { if let o = count.operand { visit(o) }; return }
            if let m = witness(r), m.isSamePath(as: l) { return }   // a witness handed back: already resized
            if r.isNullPointerConstant { return }   // emptied, its flag set
            if moves.contains(e.loc), let b = vector(r), program.variables[b].type.pointee == program.variables[vector(l)!].type.pointee,
               !flaggable.contains(b) || flaggable.contains(vector(l)!) { return }   // the buffer moved, the source dead
            if let id = vector(l), let (f, args) = returningCall(r, into: id) { receivers.append((id, f)); userCall(f, args); return }
            drop(vector(l)!); visit(r)
        case .call(let callee, let args):
            // A call whose vector is dropped at once (C leaks it).
            if case .function(let f) = callee.withoutCasts.kind, functionCandidates.contains(f) { userCall(f, args); return }
            visit(e)
        case .assign(let l, let r) where witness(l) != nil:
            if let id = vector(l) { drop(id) }   // a witness is no local vector
            if let operands = consumed(e) { operands.forEach { visit($0) }; return }
            if case .variable(let id) = l.kind { droppedWitnesses.insert(id); drop(id) }
            visit(r)
        case .assign(let l, let r) where field(l) != nil:
            visit(Self.owner(l))
            if let operands = fieldValue(r, into: l) { operands.forEach { visit($0) }; return }
            drop(field(l)!); visit(r)
        case .call where consumed(e) != nil: return   // free(p)
        default: visit(e)
        }
    }

    /// A controlling expression: a vector tested for NULL by itself (`if (p)`, `!p`) is allowed.
    mutating func condition(_ c: CExpr) {
        switch c.kind {
        case .binary(.land, let a, let b), .binary(.lor, let a, let b): condition(a); condition(b)
        case .unary(.logicalNot, let x): condition(x)
        case _ where testedAllocation(c) != nil: visit(c)
        case .assign where isAllocationInto(c):
            consumed(c)?.forEach { visit($0) }   // `if (!(p = malloc(n)))`: the allocation, tested
        default:
            if vector(c) != nil || witness(c) != nil { return }
            visit(c)
        }
    }

    private mutating func visit(_ e: CExpr) {
        if case .statementExpr(let s) = e.kind { walkStatementExpression(s); return }
        switch e.kind {
        case .binary(.land, _, _), .binary(.lor, _, _), .unary(.logicalNot, _): condition(e)
        case .conditional(let c, let a, let b): condition(c); visit(a); visit(b)
        case .call(let callee, let args):
            if consumed(e) != nil { return }   // free(p) inside an expression
            guard case .function(let f) = callee.withoutCasts.kind else { visit(callee); args.forEach { visit($0) }; return }
            if program.functions[f].body != nil {
                if functionCandidates.contains(f) { droppedFunctions.insert(f) }   // its pointer used as a value
                userCall(f, args)
                return
            }
            // Lent to a C library function that does not keep it: its raw pointer.
            let keeps = ReferenceLifting.mayRetain(program.functions[f])
            for a in args {
                if let key = field(a) { if keeps { drop(key) }; visit(Self.owner(a)); continue }
                if case .unary(.addressOf, let x) = a.withoutCasts.kind, let key = fieldElementRoot(x) { if keeps { drop(key) }; visit(x); continue }
                if let id = vector(a) { if keeps { drop(id) }; continue }
                if case .unary(.addressOf, let x) = a.withoutCasts.kind, let id = elementRoot(x) { if keeps { drop(id) }; visit(x); continue }
                if let (id, offsets) = vectorOffset(a) { if keeps { drop(id) }; offsets.forEach { visit($0.0) }; continue }
                visit(a)
            }
        case .variable(let id):
            drop(id)
            if witnesses[id] != nil { droppedWitnesses.insert(id) }
        case .member(let b, let r, let k, _) where fieldCandidates.contains(FieldKey(record: r, field: k)):
            drop(FieldKey(record: r, field: k))   // the pointer itself, as a value
            visit(b)
        case .unary(.addressOf, let x) where fieldElementRoot(x) != nil:
            drop(fieldElementRoot(x)!)   // a raw pointer into the buffer
            visit(x)
        case .initList(let entries) where !fieldCandidates.isEmpty:
            // A record's member vector starts empty (NULL); anything else keeps it a pointer.
            if case .record(let r) = e.type {
                for (d, v) in entries {
                    if case .field(let k) = d, fieldCandidates.contains(FieldKey(record: r, field: k)) {
                        if !v.isNullPointerConstant { drop(FieldKey(record: r, field: k)); visit(v) }
                        continue
                    }
                    visit(v)
                }
            } else { entries.forEach { visit($0.1) } }
        case .unary(.addressOf, let x) where elementRoot(x) != nil:
            // The address of a place in an element kept or passed on as a pointer: a raw pointer
            // into the buffer, which no slice of it may meet.
            drop(elementRoot(x)!)
            visit(x)
        default:
            if let ops = consumed(e) {
                if case .assign = e.kind, let id = vector(e.kind.assignedPlace!) { drop(id) }   // an allocation used as a value
                if case .assign(let l, _) = e.kind, let key = field(l) { drop(key) }
                if case .assign(let l, _) = e.kind, case .variable(let id) = l.kind, witnesses[id] != nil { droppedWitnesses.insert(id) }
                ops.forEach { visit($0) }
                return
            }
            e.forEachChild { visit($0) }
        }
    }
}
