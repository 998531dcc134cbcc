import CSyntax

/// Pointers to one element of an array that lives in place, returned by a function or held in
/// a local, written as the element's position in that array: `Option<usize>`, `None` for NULL.
/// `find` returning `&b->accounts[i]` or NULL returns `Some(i)` or `None`; its caller's
/// `a->balance` is `(*b).accounts[a.unwrap()].balance`, a checked index (NULL panics where C's
/// access faults). No reference is held between two accesses, so the object stays free for the
/// caller's other uses, as in C; and since the array is in place (a member array of what a lifted
/// parameter reaches, of a local record, a local array, a lifted slice), the position names the
/// element the C pointer names for as long as the object lives.
///
/// A function qualifies when every `return` gives NULL or `&p->m[i]` (`p->m + i`; for a slice
/// parameter `&p[i]`, `p + i`) of one parameter `p` ReferenceLifting lifts, by one path of
/// members, and each call's result is only tested (`!f()`, `f() == NULL`), dropped,
/// dereferenced (`f()->x`, `*f()`: the caller's argument for `p` then names the object again:
/// its own lifted parameter, `&x` or an array of a local) or given to a position local. A local
/// qualifies when every value it is given (its initializer, assignments as statements) is NULL,
/// such a call or `&A[k]` of an array in place, all of one array, and it is only tested or
/// dereferenced. Anything else stays a pointer.
struct ElementPositions {
    struct Member: Hashable {
        var record: Int
        var field: Int
    }

    /// The array a position indexes, named from the function that uses it.
    struct Array: Hashable {
        enum Root: Hashable {
            /// A parameter lifted to one object: `(*q).m`.
            case parameter(Int)
            /// A local record's members (`x.m`), or a local array itself.
            case local(Int)
            /// A parameter lifted to a slice that is not walked: the slice itself.
            case slice(Int)
        }
        var root: Root
        var members: [Member]
        /// For text: the members from the element to its `char` array.
        var tail: [Member] = []
    }

    /// A function whose result is a position: the parameter it points into (its variable and
    /// its index among the parameters) and the members from that object to the array (none
    /// when the parameter is a slice).
    struct Returned: Equatable {
        var parameter: Int
        var index: Int
        var members: [Member]
        var slice: Bool
        /// For text: the members from the element to its `char` array.
        var tail: [Member] = []
    }

    private(set) var functions: [Int: Returned] = [:]
    private(set) var locals: [Int: Array] = [:]
    /// The program the positions are in (the records a text's members belong to).
    private var program: Program?

    static let none = ElementPositions()

    private init() {}

    var isEmpty: Bool { functions.isEmpty && locals.isEmpty }

    // MARK: the places positions name

    /// Where a place of record or array type lives: through a pointer parameter (`q->m`,
    /// `(*q).m`) or in a local (`x.m`, `x`), and the members on the way (no union, no bit-field).
    enum Base: Hashable {
        case pointer(Int)
        case local(Int)
    }

    static func place(_ e: CExpr, _ program: Program) -> (Base, [Member])? {
        switch e.kind {
        case .variable(let x):
            let v = program.variables[x]
            guard v.storage == .local, v.vlaSize == nil else { return nil }
            if case .array(_, nil) = v.type { return nil }
            return (.local(x), [])
        case .member(let b, let r, let f, let arrow):
            guard !program.records[r].isUnion, let field = program.records[r].fields?[safe: f], field.bitWidth == nil else { return nil }
            if arrow {
                guard let q = pointerParameter(b, program) else { return nil }
                return (.pointer(q), [Member(record: r, field: f)])
            }
            return place(b, program).map { ($0.0, $0.1 + [Member(record: r, field: f)]) }
        case .unary(.deref, let x):
            return pointerParameter(x, program).map { (.pointer($0), []) }
        default:
            return nil
        }
    }

    private static func pointerParameter(_ e: CExpr, _ program: Program) -> Int? {
        guard case .variable(let q) = e.withoutQualifierCasts.kind, program.variables[q].storage == .parameter, program.variables[q].type.isPointer else { return nil }
        return q
    }

    /// `&A[k]` or `A + k` of an array in place, or of a pointer parameter (a slice's element):
    /// where the array is (`slice` for the parameter itself), and the index.
    static func element(_ e: CExpr, _ program: Program) -> (base: Base, members: [Member], slice: Bool, index: CExpr)? {
        guard let (b, k) = e.pointerOffset else { return nil }
        let s = b.withoutQualifierCasts
        if case .cast(let array, _) = s.kind, case .array(_, let n) = array.type, n != nil, let (base, members) = place(array, program) {
            return (base, members, false, k)
        }
        if let q = pointerParameter(s, program) { return (.pointer(q), [], true, k) }
        return nil
    }

    /// A position's value in C: where the array is, the index, and for text the members from the
    /// element to a `char` array (`b->entries[i].value` decayed: `tail` is `value`).
    struct Element {
        var base: Base
        var members: [Member]
        var slice: Bool
        var index: CExpr
        var tail: [Member]
    }

    /// `&A[k]`, `A + k`, or the text of an element (`A[k].name`, decayed).
    static func position(_ e: CExpr, _ program: Program) -> Element? {
        if let (base, members, slice, k) = element(e, program) { return Element(base: base, members: members, slice: slice, index: k, tail: []) }
        // `A[k].m.name` decayed: a `char` array inside an element.
        guard case .cast(let x, _) = e.withoutQualifierCasts.kind, case .array(.int(let c), _?) = x.type, c.size == 1 else { return nil }
        var tail: [Member] = []
        var path = x
        while case .member(let b, let r, let f, false) = path.kind {
            guard !program.records[r].isUnion, let field = program.records[r].fields?[safe: f], field.bitWidth == nil else { return nil }
            tail.insert(Member(record: r, field: f), at: 0)
            path = b
        }
        guard !tail.isEmpty, case .subscript(let b, let k) = path.kind, k.type.isInteger else { return nil }
        let s = b.withoutQualifierCasts
        if case .cast(let array, _) = s.kind, case .array(_, let n) = array.type, n != nil, let (base, members) = place(array, program) {
            return Element(base: base, members: members, slice: false, index: k, tail: tail)
        }
        if let q = pointerParameter(s, program) { return Element(base: .pointer(q), members: [], slice: true, index: k, tail: tail) }
        return nil
    }

    // MARK: the functions that may return positions

    /// The functions whose every `return` is NULL, an element of an array in place reached
    /// through one parameter by one path, or the result of such a function given that parameter
    /// or a member of it (`return find(&w->bank, id)`): not yet knowing whether it is lifted.
    static func candidates(_ program: Program, addressTaken: Set<Int>) -> [Int: Returned] {
        // From every function that returns a pointer to an object (what it returns not yet
        // known: nil), down to those whose returns all fit, given the others: a recursive lookup
        // returns its own result.
        var found: [Int: Returned?] = [:]
        for (id, f) in program.functions.enumerated() where f.body != nil && f.name != "main" && !f.type.variadic && !f.type.noPrototype
            && !addressTaken.contains(id) {
            guard case .pointer(let pointee, _) = f.type.result, ReferenceLifting.liftable(pointee, program) else { continue }
            if case .pointer = pointee { continue }
            found[id] = .some(nil)
        }
        var changed = true
        var rounds = 0
        while changed && rounds < 64 {
            changed = false
            rounds += 1
            for (id, r) in found {
                guard let now = returned(by: program.functions[id], found, program) else { found[id] = nil; changed = true; continue }
                if now != r { found[id] = .some(now); changed = true }
            }
        }
        return found.compactMapValues { $0 }
    }

    /// What every `return` of `f` gives, if it is one position (`.some(nil)`: nothing known yet,
    /// its values all calls of functions whose results are not known either).
    private static func returned(by f: CFunction, _ found: [Int: Returned?], _ program: Program) -> Returned?? {
        var returned: Returned?
        var fits = true
        /// The values `v`, a local pointer of `f`, is given (its initializer, its assignments).
        func values(of v: Int) -> [CExpr] {
            var out: [CExpr] = program.variables[v].initializer.map { [$0] } ?? []
            func visit(_ e: CExpr) {
                if case .assign(let l, let r) = e.kind, case .variable(v) = l.kind { out.append(r) }
                e.forEachChild(visit)
            }
            f.body!.forEachExpression(visit)
            return out
        }
        /// One value `f` returns: NULL, an element, a lookup's result, a local holding those.
        func value(_ e: CExpr, local: Bool) {
            guard fits else { return }
            if e.isNullPointerConstant { return }
            if case .conditional(_, let x, let y) = e.withoutQualifierCasts.kind, e.type.isPointer { value(x, local: local); value(y, local: local); return }
            let reached: (Base, [Member], Bool)?
            var tail: [Member] = []
            if let p = position(e, program) { reached = (p.base, p.members, p.slice); tail = p.tail }
            else if case .call(let callee, let args) = e.withoutQualifierCasts.kind, case .function(let g) = callee.withoutCasts.kind, let known = found[g] {
                guard let r = known else { return }   // not known yet: it may fit
                reached = argumentPath(args[safe: r.index], r, program)
                tail = r.tail
            } else if !local, case .variable(let v) = e.withoutQualifierCasts.kind, program.variables[v].storage == .local, program.variables[v].function >= 0,
                      program.functions[program.variables[v].function].body != nil, program.variables[v].type.isPointer {
                values(of: v).forEach { value($0, local: true) }
                return
            } else { reached = nil }
            guard let (base, members, slice) = reached, case .pointer(let p) = base, let index = f.params.firstIndex(of: p), slice || !members.isEmpty else {
                fits = false; return
            }
            let r = Returned(parameter: p, index: index, members: members, slice: slice, tail: tail)
            if let returned, returned != r { fits = false }
            returned = r
        }
        func visit(_ s: CStmt) {
            guard fits else { return }
            switch s {
            case .returnStmt(let e?): value(e, local: false)
            case .returnStmt(nil): fits = false
            case .compound(let list): list.forEach(visit)
            case .ifThen(_, let a, let b): visit(a); if let b { visit(b) }
            case .whileLoop(_, let body), .doWhile(let body, _), .forLoop(_, _, _, let body), .switchOn(_, let body): visit(body)
            case .caseLabel(_, let body), .caseRange(_, _, let body), .defaultLabel(let body), .labeled(_, let body): visit(body)
            default: return
            }
        }
        visit(f.body!)
        return fits ? .some(returned) : .none
    }

    /// Where the array a call's result indexes is, from the caller's argument for the parameter
    /// it points into (`q`, `&x.m`, `&q->m`, an array in place for a slice), by syntax.
    static func argumentPath(_ argument: CExpr?, _ r: Returned, _ program: Program) -> (Base, [Member], Bool)? {
        guard let a = argument?.withoutQualifierCasts else { return nil }
        if let q = pointerParameter(a, program) { return (.pointer(q), r.members, r.slice) }
        if r.slice {
            guard case .cast(let array, _) = a.kind, case .array(_, let n) = array.type, n != nil, let (base, members) = place(array, program) else { return nil }
            return (base, members, false)
        }
        guard case .unary(.addressOf, let path) = a.kind, let (base, members) = place(path, program) else { return nil }
        return (base, members + r.members, false)
    }

    // MARK: settling against the lifted parameters

    /// The positions that hold, given the candidate functions and the parameters lifted with
    /// them (nil: before lifting, every pointer parameter counts as lifted); `excluded`: locals
    /// another analysis writes its own way.
    init(program: Program, candidates: [Int: Returned], lifted: [Int: ReferenceLifting.Lift]?, excluded: Set<Int>) {
        self.program = program
        guard !candidates.isEmpty || program.variables.contains(where: { $0.storage == .local && $0.type.isPointer }) else { return }
        var scan = PositionScan(program: program, candidates: candidates, excluded: excluded)
        for (id, f) in program.functions.enumerated() where f.body != nil { scan.function = id; scan.walk(f.body!) }
        var functions = candidates.filter { !scan.escaping.contains($0.key) }
        var locals = scan.values.filter { !scan.bad.contains($0.key) && $0.value.contains { !$0.isNullPointerConstant } }.mapValues { _ in Array(root: .local(-1), members: []) }

        func called(_ f: Int, _ arg: CExpr?) -> Array? {
            functions[f].flatMap { Self.array($0, argument: arg, program, lifted) }
        }
        /// The array a value given to a local indexes (nil for NULL); `.none` when it is no position.
        func given(_ e: CExpr) -> Array?? {
            if e.isNullPointerConstant { return .some(nil) }
            if case .call(let callee, let args) = e.withoutQualifierCasts.kind, case .function(let f) = callee.withoutCasts.kind, let r = functions[f] {
                return called(f, args[safe: r.index]).map { .some($0) } ?? .none
            }
            guard let p = Self.position(e, program), let rt = Self.root(p.base, slice: p.slice, lifted) else { return .none }
            return .some(Array(root: rt, members: p.members, tail: p.tail))
        }
        /// A position may be lent to parameter `p`: a reference to one object (an `Option`).
        func lent(_ p: Int) -> Bool {
            guard let lifted else { return true }
            return lifted[p].map { !$0.slice } ?? false
        }
        func mutableRoot(_ a: Array) -> Bool {
            switch a.root {
            case .local: return true
            case .parameter(let q), .slice(let q): return lifted.map { $0[q]?.mutable == true } ?? true
            }
        }
        var changed = true
        while changed {
            changed = false
            // The locals first: a function that returns one compares their arrays.
            for id in locals.keys {
                var array: Array?
                var ok = !scan.loans.contains { $0.local == id && !lent($0.parameter) }
                    && !scan.returnedLocals.contains { $0.value.contains(id) && functions[$0.key] == nil }
                for e in scan.values[id] ?? [] {
                    guard case .some(let a) = given(e) else { ok = false; break }
                    if let a, let seen = array, seen != a { ok = false; break }
                    if let a { array = a }
                }
                // Text (a `char` array of the element) is read by the C library, never lent as an element.
                if let a = array, a.tail.isEmpty ? scan.textUses.contains(id) : scan.loans.contains(where: { $0.local == id }) { ok = false }
                if ok, let a = array, case .pointer(_, let constant) = program.variables[id].type, constant || mutableRoot(a) {
                    if locals[id] != a { locals[id] = a }
                } else {
                    locals[id] = nil
                    changed = true
                }
            }
            for (f, r) in functions {
                let ok: Bool = {
                    if let lifted {
                        guard let l = lifted[r.parameter], !l.nullable, !l.raw, l.slice == r.slice, !r.slice || !l.cursor && !l.offset && !l.bytes else { return false }
                        if case .pointer(_, false) = program.functions[f].type.result, !l.mutable { return false }
                    }
                    if scan.placeCalls.contains(where: { $0.function == f && called(f, $0.argument) == nil }) { return false }
                    if scan.loans.contains(where: { $0.function == f && (!lent($0.parameter) || !r.tail.isEmpty) }) { return false }
                    // A local it returns indexes the array its parameter reaches.
                    let own = Array(root: r.slice ? .slice(r.parameter) : .parameter(r.parameter), members: r.members, tail: r.tail)
                    return (scan.receivers[f] ?? []).allSatisfy { locals[$0] != nil } && (scan.returners[f] ?? []).allSatisfy { functions[$0] != nil }
                        && (scan.chains[f] ?? []).allSatisfy { functions[$0] != nil }
                        && (scan.returnedLocals[f] ?? []).allSatisfy { v in locals[v].map { lifted == nil || $0 == own } ?? false }
                }()
                if !ok { functions[f] = nil; changed = true }
            }
        }
        self.functions = functions
        self.locals = locals
    }

    /// The array a call of a position function indexes (the call being one this accepted).
    func array(ofCall e: CExpr, _ program: Program, lifted: [Int: ReferenceLifting.Lift]) -> Array? {
        guard case .call(let callee, let args) = e.withoutQualifierCasts.kind, case .function(let f) = callee.withoutCasts.kind, let r = functions[f] else { return nil }
        return Self.array(r, argument: args[safe: r.index], program, lifted)
    }

    /// The array the result of a call of `r`'s function indexes, from the caller's argument for
    /// the parameter it points into: the caller's own lifted parameter, `&x`, `&q->m`, or an
    /// array in place for a slice.
    static func array(_ r: Returned, argument: CExpr?, _ program: Program, _ lifted: [Int: ReferenceLifting.Lift]?) -> Array? {
        guard let (base, members, slice) = argumentPath(argument, r, program), let rt = root(base, slice: slice, lifted) else { return nil }
        return Array(root: rt, members: members, tail: r.tail)
    }

    /// The root of an array reached from `base`: a local, or a lifted parameter (a slice's
    /// elements when `slice`).
    private static func root(_ base: Base, slice: Bool, _ lifted: [Int: ReferenceLifting.Lift]?) -> Array.Root? {
        switch base {
        case .local(let x): return slice ? nil : .local(x)
        case .pointer(let q):
            guard let lifted else { return slice ? .slice(q) : .parameter(q) }
            guard let l = lifted[q] else { return nil }
            if slice { return l.slice && !l.cursor && !l.offset && !l.bytes ? .slice(q) : nil }
            return l.slice ? nil : .parameter(q)
        }
    }

    /// The position function `e` calls.
    func function(called e: CExpr) -> Int? {
        guard case .call(let callee, _) = e.withoutQualifierCasts.kind, case .function(let f) = callee.withoutCasts.kind, functions[f] != nil else { return nil }
        return f
    }

    /// The variable a position's array belongs to (a parameter or a local): a position local's,
    /// or a call's, from its argument.
    func rootVariable(_ e: CExpr, _ program: Program) -> Int? {
        if let id = local(e), let a = locals[id] {
            switch a.root { case .parameter(let v), .local(let v), .slice(let v): return v }
        }
        guard case .call(let callee, let args) = e.withoutQualifierCasts.kind, case .function(let f) = callee.withoutCasts.kind, let r = functions[f],
              let (base, _, _) = Self.argumentPath(args[safe: r.index], r, program) else { return nil }
        switch base { case .pointer(let v), .local(let v): return v }
    }

    /// A text local's `char` array as a place C names (`(*v).name` with `v` typed as a pointer
    /// to the element): what the string modules read (its pointer, `v`, may be NULL).
    func textPlace(_ e: CExpr) -> CExpr? {
        let s = e.withoutCasts
        guard let id = local(s), let a = locals[id], let first = a.tail.first, let program else { return nil }
        let element = CExpr(s.kind, .pointer(.record(first.record), constPointee: true), s.loc)
        var place = CExpr(.unary(.deref, element), .record(first.record), s.loc)
        for m in a.tail { place = CExpr(.member(place, record: m.record, field: m.field, arrow: false), program.records[m.record].fields![m.field].type, s.loc) }
        return place
    }

    /// The position local `e` names.
    func local(_ e: CExpr) -> Int? {
        guard case .variable(let id) = e.withoutQualifierCasts.kind, locals[id] != nil else { return nil }
        return id
    }

    /// `e` is a position: a position local, a call of a position function, or an assignment to
    /// a position local used as a value (`(a = find(b, id)) == NULL`).
    func isPosition(_ e: CExpr) -> Bool {
        if case .assign(let l, _) = e.withoutQualifierCasts.kind { return local(l) != nil }
        return local(e) != nil || function(called: e) != nil
    }

    /// The operands a position value evaluates (a returned or assigned NULL, call or element):
    /// nil when `e` is none of those.
    func valueOperands(_ e: CExpr, _ program: Program) -> [CExpr]? {
        if e.isNullPointerConstant { return [] }
        if case .conditional(let c, let x, let y) = e.withoutQualifierCasts.kind, e.type.isPointer,
           let a = valueOperands(x, program), let b = valueOperands(y, program) { return [c] + a + b }
        if function(called: e) != nil { return [e] }
        if local(e) != nil { return [] }
        return Self.position(e, program).map { [$0.index] }
    }
}
