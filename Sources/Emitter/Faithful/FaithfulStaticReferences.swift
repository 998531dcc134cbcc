import CSyntax
import RustSyntax

/// Pointers to constant records that only ever point into immutable statics: a hand-written
/// vtable (`const struct shape_ops *ops = &circle_ops`), an entry of a constant table
/// (`return &commands[i]`), a default configuration. For a record `T` whose every `const T *`
/// value, over the whole file, is `NULL` or the address of (a place inside) an immutable static
/// (FaithfulStatics), `const T *` is `Option<&'static T>`: as large as C's pointer (`None` is
/// its NULL), read with no `unsafe` (`ops.unwrap().area`, a panic where C's read of NULL
/// faults), compared by address (`a.map(|r| r as *const T) == b.map(..)`), tested with
/// `is_some()`.
///
/// The proof, by type: a `const T *` value enters the program only as `NULL`, `&X` or a
/// decayed array `X` of an immutable static (or a member or element of one), and goes nowhere
/// but into other `const T *` places (variables, members, elements, parameters, returns), a
/// dereference, a comparison with another or with `NULL`, or a truth test. No conversion to or
/// from another type (a `T *`, `void *`, an integer), no place holding one reached as bytes,
/// no pointer arithmetic, ordering or indexing, no `const T *` given to or taken from the C library or variable arguments, none
/// defined elsewhere, and no record holding one whose layout the program observes (its bytes
/// could be anything).
struct StaticReferences: Sendable {
    /// The records `T` whose `const T *` are static references.
    let records: Set<Int>

    static let none = StaticReferences(records: [])

    private init(records: Set<Int>) { self.records = records }

    init(program: Program, immutable: Set<Int>, heap: Set<Int>, observed: Set<Int>) {
        var candidates = Set(program.records.indices.filter { r in
            let rec = program.records[r]
            return !rec.isUnion && !rec.isSystem && rec.fields != nil && !heap.contains(r)
        })
        guard !candidates.isEmpty else { self.init(records: []); return }
        var bad: Set<Int> = []
        func reference(_ t: CTy) -> Int? {
            if case .pointer(.record(let r), true) = t, candidates.contains(r) { return r }
            return nil
        }
        /// The immutable static a place is inside (`X`, `X.f`, `X[i]`).
        func staticRoot(_ e: CExpr) -> Int? {
            switch e.kind {
            case .variable(let id): return immutable.contains(id) ? id : nil
            case .member(let b, _, _, false): return staticRoot(b)
            case .subscript(let b, _):
                if case .cast(let a, _) = b.kind, a.type.isArrayLike { return staticRoot(a) }
                return nil
            default: return nil
            }
        }
        // `&table[i]` inside loops that keep `i` below the array's length: never one past its end
        // (C's `&table[n]` is a valid pointer, a reference to nothing is not).
        let guarded = Self.guardedElements(program)
        func inBounds(_ x: CExpr, _ loc: CLoc) -> Bool {
            guard case .subscript(let b, let i) = x.kind else { return true }
            guard case .cast(let a, _) = b.kind, case .array(_, let n?) = a.type else { return false }
            if let k = Self.constant(i) { return k >= 0 && k < n }
            return guarded[loc].map { $0 <= n } ?? false
        }
        func visit(_ e: CExpr) {
            switch e.kind {
            case .cast(let x, _):
                if let r = reference(e.type), x.type != e.type, !x.isNullPointerConstant {
                    // Only an immutable static array of `T` decays into one.
                    let decays: Bool = { if case .array(.record(r), let n) = x.type { return (n ?? 0) > 0 && staticRoot(x) != nil }; return false }()
                    if !decays { bad.insert(r) }
                }
                if let r = reference(x.type), x.type != e.type, e.type != .void, e.type != .int(.bool) { bad.insert(r) }
                // A place holding one, reached as bytes (`memcpy(&p, buf, sizeof p)`): any bits.
                if case .pointer(let inner, _) = x.type, let r = reference(inner), x.type != e.type, e.type != .void { bad.insert(r) }
            case .unary(.addressOf, let x):
                if let r = reference(e.type), staticRoot(x) == nil || !inBounds(x, e.loc) { bad.insert(r) }
            case .unary(let op, let x) where [.preInc, .preDec, .postInc, .postDec].contains(op):
                if let r = reference(x.type) { bad.insert(r) }
            case .compoundAssign(_, let x, _):
                if let r = reference(x.type) { bad.insert(r) }
            case .binary(let op, let l, let r) where ![.eq, .ne, .land, .lor, .comma].contains(op):
                if let a = reference(l.type) { bad.insert(a) }
                if let b = reference(r.type) { bad.insert(b) }
            case .subscript(let b, let i):
                // An array indexed in place (a checked index, where it has more than one element):
                // its decay gives no pointer. One of one element is indexed through the pointer.
                if case .cast(let a, _) = b.kind, case .array(_, let n?) = a.type, n > 1 { visit(a); visit(i); return }
                if let r = reference(b.type) { bad.insert(r) }
            case .call(let callee, let args):
                var fn: CFunction?
                if case .function(let id) = callee.withoutCasts.kind { fn = program.functions[id] }
                let library = fn.map { $0.body == nil } ?? false
                let fixed = fn.map { $0.type.noPrototype ? 0 : $0.type.params.count } ?? args.count
                if library, let r = reference(e.type) { bad.insert(r) }
                for (i, a) in args.enumerated() where library || i >= fixed {
                    if let r = reference(a.type) { bad.insert(r) }
                }
                // A direct call names its function without taking its address.
                if fn == nil { visit(callee) }
                args.forEach(visit)
                return
            case .function(let id):
                // A function whose address is taken may be called by anyone (`qsort`, a callback):
                // what its parameters get is not known.
                for p in program.functions[id].type.params { if let r = reference(p) { bad.insert(r) } }
            case .vaArg, .atomic, .intrinsic:
                if let r = reference(e.type) { bad.insert(r) }
                e.forEachChild { if let r = reference($0.type) { bad.insert(r) } }
            case .variable(let id):
                if program.variables[id].storage == .external, let r = reference(e.type) { bad.insert(r) }
            default: break
            }
            e.forEachChild(visit)
        }
        program.forEachExpression(visit)
        for v in program.variables where v.storage == .external {
            if let r = Self.held(v.type, candidates) { bad.insert(r) }
        }
        // A record whose bytes the program observes may hold any bits where a reference is (a
        // heap object's are Rust's own: `malloc` makes a value).
        for q in observed where !heap.contains(q) {
            for field in program.records[q].fields ?? [] { if let r = Self.held(field.type, candidates) { bad.insert(r) } }
        }
        candidates.subtract(bad)
        self.init(records: candidates)
    }

    /// The addresses of array elements `&a[i]` taken inside a loop whose condition keeps `i`
    /// below a constant (`for (i = 0; i < 4; i++)`, `while (i < N && ..)`) that its body never
    /// writes: each with that bound, by place.
    static func guardedElements(_ program: Program) -> [CLoc: Int] {
        var found: [CLoc: Int] = [:]
        func bound(_ c: CExpr) -> (Int, Int)? {
            switch c.kind {
            case .binary(.land, let l, _): return bound(l)
            case .binary(.lt, let l, let r):
                guard case .variable(let id) = l.withoutCasts.kind, let k = constant(r) else { return nil }
                return (id, k)
            default: return nil
            }
        }
        func writes(_ s: CStmt, _ id: Int) -> Bool {
            var found = false
            s.forEachExpression { e in
                func visit(_ x: CExpr) {
                    switch x.kind {
                    case .assign(let l, _), .compoundAssign(_, let l, _): if case .variable(id) = l.withoutCasts.kind { found = true }
                    case .unary(let op, let l) where [.preInc, .preDec, .postInc, .postDec, .addressOf].contains(op):
                        if case .variable(id) = l.withoutCasts.kind { found = true }
                    default: break
                    }
                    x.forEachChild(visit)
                }
                visit(e)
            }
            return found
        }
        func note(_ e: CExpr, _ guards: [Int: Int]) {
            guard !guards.isEmpty else { return }
            if case .unary(.addressOf, let p) = e.kind, case .subscript(_, let i) = p.kind,
               case .variable(let id) = i.withoutCasts.kind, let k = guards[id] { found[e.loc] = k }
            e.forEachChild { note($0, guards) }
        }
        /// `guards`: the variables the enclosing loops keep below a bound, here.
        func walk(_ s: CStmt, _ guards: [Int: Int]) {
            switch s {
            case .compound(let list): list.forEach { walk($0, guards) }
            case .declaration(let ids): for id in ids { if let e = program.variables[id].initializer { note(e, guards) } }
            case .expression(let e): note(e, guards)
            case .returnStmt(let e): if let e { note(e, guards) }
            case .ifThen(let c, let a, let b): note(c, guards); walk(a, guards); if let b { walk(b, guards) }
            case .forLoop(let i, let c, let n, let body):
                if let i { walk(i, guards) }
                // The condition and the step also run when the bound is reached: not guarded by it.
                var inner = guards
                if let c {
                    note(c, guards)
                    if let (id, k) = bound(c), !writes(body, id) { inner[id] = k }
                }
                if let n { note(n, guards) }
                walk(body, inner)
            case .whileLoop(let c, let body):
                note(c, guards)
                var inner = guards
                if let (id, k) = bound(c), !writes(body, id) { inner[id] = k }
                walk(body, inner)
            case .doWhile(let body, let c): walk(body, guards); note(c, guards)
            case .switchOn(let e, let body): note(e, guards); walk(body, guards)
            case .caseLabel(_, let body), .caseRange(_, _, let body), .defaultLabel(let body), .labeled(_, let body): walk(body, guards)
            case .indirectGoto(let e): note(e, guards)
            case .breakStmt, .continueStmt, .gotoLabel, .empty, .unsupported: return
            }
        }
        for f in program.functions where f.body != nil { walk(f.body!, [:]) }
        return found
    }

    /// An integer constant expression's value: a literal, or literals combined (`sizeof t / sizeof t[0]`).
    static func constant(_ e: CExpr) -> Int? {
        if let v = e.integerLiteralValue { return v }
        guard case .binary(let op, let l, let r) = e.withoutCasts.kind, let a = constant(l), let b = constant(r) else { return nil }
        switch op {
        case .add: return a &+ b
        case .sub: return a &- b
        case .mul: return a &* b
        case .div: return b == 0 ? nil : a / b
        default: return nil
        }
    }

    /// The record whose `const T *` type `t` holds (itself, or as an array's element).
    private static func held(_ t: CTy, _ candidates: Set<Int>) -> Int? {
        switch t {
        case .pointer(.record(let r), true): return candidates.contains(r) ? r : nil
        case .array(let e, _): return held(e, candidates)
        default: return nil
        }
    }
}

extension FaithfulTranslator {
    /// The record `T` of a static reference type `const T *` (FaithfulStaticReferences), or nil.
    func staticReference(_ t: CTy) -> Int? {
        if case .pointer(.record(let r), true) = t, staticReferences.contains(r) { return r }
        return nil
    }

    /// `Some(&X)`: a static reference to the place `x` inside an immutable static.
    func staticReferenceTo(_ x: CExpr) -> RExpr {
        .call(.path("Some"), [.unary(.ref, place(x))])
    }

    /// The record a static reference points to, as a place (NULL panics, where C's read faults).
    func staticReferencePointee(_ p: CExpr) -> RExpr {
        .unary(.deref, .method(rvalue(p), "expect", [.literal("\"NULL pointer dereference\"")]))
    }

    /// A static reference's address, for comparing two (`Option<*const T>`).
    func staticReferenceAddress(_ e: CExpr, _ r: Int) -> RExpr {
        .method(rvalue(e), "map", [.lambda(["__r"], .cast(.path("__r"), .pointer(rtype(.record(r)), mutable: false)))])
    }
}
