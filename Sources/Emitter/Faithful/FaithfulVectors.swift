import CSyntax
import RustSyntax

/// Local buffers from `malloc` as `Vec`s. A local `T *p` whose every value is an allocation of
/// whole elements (`malloc(n * sizeof *p)`, `calloc(n, sizeof(T))`, `p = realloc(p, ...)`), and
/// that is only indexed (`p[i]`, `*p`, `p->f`), tested against `NULL`, freed (`free(p)`) or lent
/// to a C library function that does not keep it, is a `Vec<T>` that owns the elements: the
/// allocation is `resize` (zeroed, where C's `malloc` left them undefined), `free` empties it,
/// an index is checked, and the buffer goes away with the variable if the C leaked it. A NULL
/// test is false (Rust ends the process when memory runs out, where `malloc` returned NULL).
/// A vector given to one of the file's functions (whole, or `p + k`) is lent as a slice when
/// ReferenceLifting lifts that parameter to one; the translator drops the vectors given to any
/// other parameter. Anything else (the pointer copied, returned, stored, offset, set to NULL,
/// reallocated into another variable, the address of a place in an element kept or given to a
/// parameter that is not lifted) keeps a raw pointer.
struct LocalVectors: Sendable, RoleWalker {
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

    static let none = LocalVectors()

    private init() { program = Program(mainFile: ""); sizes = [:] }

    /// `size(t)`: the element's size in bytes, as clang lays it out.
    init(program: Program, excluded: Set<Int>, size: (CTy) -> Int) {
        self.program = program
        var sizes: [Int: Int] = [:]
        for (id, v) in program.variables.enumerated() where v.storage == .local && v.cleanup == nil && !excluded.contains(id) {
            guard case .pointer(let pointee, _) = v.type else { continue }
            switch pointee {
            case .int, .float, .pointer: break
            case .record(let r) where !program.records[r].isUnion && program.records[r].fields != nil: break
            default: continue
            }
            let s = size(pointee)
            if s > 0 { candidates.insert(id); sizes[id] = s }
        }
        self.sizes = sizes
        while !candidates.isEmpty {
            dropped = []
            lent = []
            lentElements = []
            for f in program.functions where f.body != nil { walk(f.body!) }
            if dropped.isEmpty { break }
            candidates.subtract(dropped)
        }
        for id in candidates { elements[id] = program.variables[id].type.pointee }
        lent = lent.filter { candidates.contains($0.vector) }
        lentElements = lentElements.filter { candidates.contains($0.vector) }
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

    var isEmpty: Bool { elements.isEmpty }
    func isVector(_ id: Int) -> Bool { elements[id] != nil }

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
    }

    /// What an allocation for `id` makes: its element count, and whether it keeps the old
    /// elements (`realloc`).
    func allocation(_ e: CExpr, for id: Int) -> (count: Count, keeps: Bool)? {
        guard case .call(let callee, let args) = e.withoutCasts.kind, case .function(let f) = callee.withoutCasts.kind,
              program.functions[f].body == nil, let size = sizes[id] else { return nil }
        switch (program.functions[f].name, args.count) {
        case ("malloc", 1): return bytes(args[0], size).map { ($0, false) }
        case ("calloc", 2):
            guard let s = args[1].integerLiteralValue, s > 0, s % size == 0 else { return nil }
            return (Count(operand: args[0], factor: s / size), false)
        case ("realloc", 2):
            guard vector(args[0]) == id else { return nil }
            return bytes(args[1], size).map { ($0, true) }
        default: return nil
        }
    }

    /// A byte count as whole elements: `n * k` or `k * n` with `k` a multiple of the size, or a constant.
    private func bytes(_ e: CExpr, _ size: Int) -> Count? {
        if let k = e.integerLiteralValue { return k >= 0 && k % size == 0 ? Count(operand: nil, factor: k / size) : nil }
        guard case .binary(.mul, let a, let b) = e.withoutCasts.kind else { return nil }
        if let k = b.integerLiteralValue, k > 0, k % size == 0 { return Count(operand: a, factor: k / size) }
        if let k = a.integerLiteralValue, k > 0, k % size == 0 { return Count(operand: b, factor: k / size) }
        return nil
    }

    // MARK: where vectors are used

    /// When `e` is a use of a vector (an element, a NULL test, `free`, an allocation into it):
    /// the operands left to evaluate. Nil for any other expression.
    func consumed(_ e: CExpr) -> [CExpr]? {
        switch e.kind {
        case .subscript(let b, let i) where b.type.isPointer: return vector(b) != nil ? [i] : nil
        case .unary(.deref, let x): return vector(x) != nil ? [] : nil
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

    /// A vector's allocation in its declaration: the count's operand (nil: not a vector, no allocation).
    func initializerOperands(_ id: Int) -> [CExpr]? {
        guard candidates.contains(id), let e = program.variables[id].initializer, let (count, _) = allocation(e, for: id) else { return nil }
        return count.operand.map { [$0] } ?? []
    }

    // MARK: the walk

    private mutating func drop(_ id: Int) { if candidates.contains(id) { dropped.insert(id) } }

    mutating func declared(_ id: Int) {
        let v = program.variables[id]
        if let n = v.vlaSize { visit(n) }
        guard let e = v.initializer else { return }
        if candidates.contains(id) {
            if let (count, keeps) = allocation(e, for: id), !keeps { if let o = count.operand { visit(o) }; return }
            drop(id)
        }
        visit(e)
    }

    mutating func value(_ e: CExpr) { visit(e) }

    mutating func effect(_ e: CExpr) {
        switch e.kind {
        case .binary(.comma, let a, let b): effect(a); effect(b)
        case .cast(let x, _) where e.type == .void: effect(x)
        case .assign(let l, let r) where vector(l) != nil:
            if let id = vector(l), let (count, _) = allocation(r, for: id) { if let o = count.operand { visit(o) }; return }
            drop(vector(l)!); visit(r)
        case .call where consumed(e) != nil: return   // free(p)
        default: visit(e)
        }
    }

    /// A controlling expression: a vector tested for NULL by itself (`if (p)`, `!p`) is allowed.
    mutating func condition(_ c: CExpr) {
        switch c.kind {
        case .binary(.land, let a, let b), .binary(.lor, let a, let b): condition(a); condition(b)
        case .unary(.logicalNot, let x): condition(x)
        default:
            if vector(c) != nil { return }
            visit(c)
        }
    }

    private mutating func visit(_ e: CExpr) {
        switch e.kind {
        case .binary(.land, _, _), .binary(.lor, _, _), .unary(.logicalNot, _): condition(e)
        case .conditional(let c, let a, let b): condition(c); visit(a); visit(b)
        case .call(let callee, let args):
            if consumed(e) != nil { return }   // free(p) inside an expression
            guard case .function(let f) = callee.withoutCasts.kind else { visit(callee); args.forEach { visit($0) }; return }
            if program.functions[f].body != nil {
                // Lent to one of the file's functions, whole or from an element on.
                for (i, a) in args.enumerated() {
                    if let id = vector(a) { lent.append((id, f, i)); continue }
                    if case .unary(.addressOf, let x) = a.withoutCasts.kind, let id = elementRoot(x) { lentElements.append((id, f, i)); visit(x); continue }
                    if let (b, k) = a.pointerOffset, let id = vector(b) { lent.append((id, f, i)); visit(k); continue }
                    visit(a)
                }
                return
            }
            // Lent to a C library function that does not keep it: its raw pointer.
            let keeps = ReferenceLifting.retaining.contains(program.functions[f].name)
            for a in args {
                if let id = vector(a) { if keeps { drop(id) }; continue }
                if case .unary(.addressOf, let x) = a.withoutCasts.kind, let id = elementRoot(x) { if keeps { drop(id) }; visit(x); continue }
                visit(a)
            }
        case .variable(let id): drop(id)
        case .unary(.addressOf, let x) where elementRoot(x) != nil:
            // The address of a place in an element kept or passed on as a pointer: a raw pointer
            // into the buffer, which no slice of it may meet.
            drop(elementRoot(x)!)
            visit(x)
        default:
            if let ops = consumed(e) {
                if case .assign = e.kind, let id = vector(e.kind.assignedPlace!) { drop(id) }   // an allocation used as a value
                ops.forEach { visit($0) }
                return
            }
            e.forEachChild { visit($0) }
        }
    }
}

// MARK: writing vectors

extension FaithfulTranslator {
    /// The element count of an allocation, as `usize`.
    private func vectorCount(_ c: LocalVectors.Count) -> RExpr {
        guard let operand = c.operand else { return .literal("\(c.factor)usize") }
        let n = RExpr.cast(cast(operand, to: .int(.ulong)), .named("usize"))
        return c.factor == 1 ? n : .method(n, "wrapping_mul", [.literal("\(c.factor)usize")])
    }

    /// `p = malloc(..)` (a fresh vector of zeroed elements) or `p = realloc(p, ..)` (resized).
    func vectorAllocation(_ id: Int, _ e: CExpr) -> [RStmt]? {
        guard let element = localVectors.elements[id], let (count, keeps) = localVectors.allocation(e, for: id) else { return nil }
        let name = RExpr.path(localName(id))
        let resize = RStmt.expr(.method(name, "resize", [vectorCount(count), zero(element)]))
        return keeps ? [resize] : [.expr(.assign(name, .call(.path("Vec::new"), []))), resize]
    }

    /// A vector's declaration: empty, then its allocation.
    func vectorDeclaration(_ id: Int) -> [RStmt]? {
        guard let element = localVectors.elements[id] else { return nil }
        let slot = RStmt.letBinding(name: localName(id), mutable: true, type: .generic("Vec", [rtype(element)]), value: .call(.path("Vec::new"), []))
        guard let e = program.variables[id].initializer, let allocation = vectorAllocation(id, e) else { return [slot] }
        return [slot] + allocation.dropFirst()
    }

    /// The vector `e` names (under casts).
    func vectorName(_ e: CExpr) -> Int? {
        guard !localVectors.isEmpty, case .variable(let id) = e.withoutCasts.kind, localVectors.isVector(id) else { return nil }
        return id
    }

    /// A vector's element `index` (nil: element 0).
    func vectorElement(_ id: Int, _ index: CExpr?) -> RExpr {
        .index(.path(localName(id)), index.map { .cast(rvalue($0), .named("usize")) } ?? .literal("0usize"))
    }

    /// The raw pointer C's code holds, for a library call: the vector's buffer.
    func vectorPointer(_ id: Int) -> RExpr {
        .cast(.method(.path(localName(id)), "as_mut_ptr", []), rtype(program.variables[id].type))
    }
}
