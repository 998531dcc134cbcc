import CSyntax
import RustSyntax

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
        for (id, f) in program.functions.enumerated() where f.body != nil { scan.function = id; scan.statement(f.body!) }
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

/// Where each pointer local and each call of a candidate function occurs: tested, dereferenced,
/// dropped, given to a local, or used as a value (then it is no position).
private struct PositionScan {
    enum Context { case value, condition, place, effect }

    let program: Program
    let candidates: [Int: ElementPositions.Returned]
    let excluded: Set<Int>
    var function = -1
    /// Functions some call of which is used as a pointer value.
    var escaping: Set<Int> = []
    /// Calls dereferenced in place, with the argument for the pointed-into parameter.
    var placeCalls: [(function: Int, argument: CExpr?)] = []
    /// The values each candidate local is given.
    var values: [Int: [CExpr]] = [:]
    /// Candidate locals used as pointer values.
    var bad: Set<Int> = []
    /// The locals each function's calls are given to.
    var receivers: [Int: Set<Int>] = [:]
    /// The functions that return each function's calls (`return find(..)`).
    var returners: [Int: Set<Int>] = [:]
    /// The functions each function returns the calls of.
    var chains: [Int: Set<Int>] = [:]
    /// The locals each function returns (`return best;`).
    var returnedLocals: [Int: Set<Int>] = [:]
    /// Locals read as text by the C library (`printf("%s", v)`, `strcmp(v, k)`).
    var textUses: Set<Int> = []
    /// Positions lent to a parameter of the file's functions (`update(a, 5)`, `show(find(..))`):
    /// the parameter, and the position (a local, or a call whose root must be named).
    var loans: [(parameter: Int, local: Int?, function: Int?)] = []

    init(program: Program, candidates: [Int: ElementPositions.Returned], excluded: Set<Int>) {
        self.program = program
        self.candidates = candidates
        self.excluded = excluded
    }

    func candidateLocal(_ e: CExpr) -> Int? {
        guard case .variable(let id) = e.withoutQualifierCasts.kind else { return nil }
        let v = program.variables[id]
        guard v.storage == .local, v.cleanup == nil, v.vlaSize == nil, !excluded.contains(id), case .pointer(let pointee, _) = v.type,
              ReferenceLifting.liftable(pointee, program) else { return nil }
        if case .pointer = pointee { return nil }
        return id
    }

    func candidateCall(_ e: CExpr) -> (Int, [CExpr])? {
        guard case .call(let callee, let args) = e.withoutQualifierCasts.kind, case .function(let f) = callee.withoutCasts.kind, candidates[f] != nil else { return nil }
        return (f, args)
    }

    mutating func statement(_ s: CStmt) {
        switch s {
        case .compound(let list): list.forEach { statement($0) }
        case .declaration(let ids):
            for id in ids {
                let v = program.variables[id]
                if let e = v.initializer {
                    if candidateLocal(CExpr(.variable(id), v.type, v.loc)) != nil { given(id, e) } else { expr(e, .value) }
                }
                if let n = v.vlaSize { expr(n, .value) }
            }
        case .expression(let e): expr(e, .effect)
        case .ifThen(let c, let a, let b): expr(c, .condition); statement(a); if let b { statement(b) }
        case .whileLoop(let c, let body): expr(c, .condition); statement(body)
        case .doWhile(let body, let c): statement(body); expr(c, .condition)
        case .forLoop(let i, let c, let n, let body):
            if let i { statement(i) }; if let c { expr(c, .condition) }; if let n { expr(n, .effect) }; statement(body)
        case .switchOn(let e, let body): expr(e, .value); statement(body)
        case .caseLabel(_, let body), .caseRange(_, _, let body), .defaultLabel(let body), .labeled(_, let body): statement(body)
        case .returnStmt(let e?):
            // A position function's own returns: only the index is evaluated.
            if candidates[function] != nil { returned(e) } else { expr(e, .value) }
        case .returnStmt(nil), .breakStmt, .continueStmt, .gotoLabel, .empty, .unsupported: return
        }
    }

    /// The arguments a C library function reads as strings and keeps no pointer to.
    static func textArguments(_ name: String, _ args: [CExpr]) -> Set<Int> {
        switch name {
        case "printf": return Set(1..<max(1, args.count))
        case "fprintf", "sprintf": return Set(2..<max(2, args.count))
        case "snprintf": return Set(3..<max(3, args.count))
        case "puts", "fputs", "strlen", "atoi", "atol", "atoll", "atof", "strdup": return [0]
        case "strcmp", "strncmp", "strcasecmp", "strncasecmp": return [0, 1]
        case "strcpy", "strcat", "strncpy", "strncat": return [1]
        case "strtol", "strtoul", "strtoll", "strtoull", "strtod": return args.count > 1 && args[1].isNullPointerConstant ? [0] : []
        default: return []
        }
    }

    /// A value a position function returns: only an element's index is evaluated.
    mutating func returned(_ e: CExpr) {
        if e.isNullPointerConstant { return }
        if case .conditional(let c, let x, let y) = e.withoutQualifierCasts.kind, e.type.isPointer { expr(c, .condition); returned(x); returned(y); return }
        if let k = ElementPositions.position(e, program)?.index { expr(k, .value); return }
        if let (f, args) = candidateCall(e) {
            returners[f, default: []].insert(function)
            chains[function, default: []].insert(f)
            arguments(args, of: f)
            return
        }
        if let id = candidateLocal(e), e.type.isPointer { returnedLocals[function, default: []].insert(id); return }
        expr(e, .value)
    }

    /// A value given to a candidate local.
    mutating func given(_ id: Int, _ e: CExpr) {
        if case .conditional(let c, let x, let y) = e.withoutQualifierCasts.kind, e.type.isPointer { expr(c, .condition); given(id, x); given(id, y); return }
        values[id, default: []].append(e)
        if e.isNullPointerConstant { return }
        if let (f, args) = candidateCall(e) {
            receivers[f, default: []].insert(id)
            arguments(args, of: f)
            return
        }
        if let k = ElementPositions.position(e, program)?.index { expr(k, .value); return }
        bad.insert(id)
        expr(e, .value)
    }

    /// The arguments of a call of the file's function `f`: a position may be lent to its parameter.
    mutating func arguments(_ args: [CExpr], of f: Int) {
        for (i, a) in args.enumerated() {
            guard let p = program.functions[f].params[safe: i] else { expr(a, .value); continue }
            if let id = candidateLocal(a), a.type.isPointer {
                loans.append((p, id, nil))
                continue
            }
            if let (g, inner) = candidateCall(a) {
                loans.append((p, nil, g))
                placeCalls.append((g, inner[safe: candidates[g]!.index]))
                arguments(inner, of: g)
                continue
            }
            expr(a, .value)
        }
    }

    mutating func expr(_ e: CExpr, _ context: Context) {
        if let (f, args) = candidateCall(e) {
            if context == .value { escaping.insert(f) }
            if context == .place { placeCalls.append((f, args[safe: candidates[f]!.index])) }
            arguments(args, of: f)
            return
        }
        if let id = candidateLocal(e), e.type.isPointer {
            if context == .value || context == .effect { bad.insert(id) }
            return
        }
        switch e.kind {
        case .member(let b, _, _, true): expr(b, .place)
        case .unary(.deref, let x): expr(x, .place)
        case .unary(.logicalNot, let x): expr(x, .condition)
        case .binary(.land, let l, let r), .binary(.lor, let l, let r): expr(l, .condition); expr(r, .condition)
        case .binary(let op, let l, let r) where (op == .eq || op == .ne) && (l.isNullPointerConstant != r.isNullPointerConstant) && l.type.isPointer && r.type.isPointer:
            expr(l.isNullPointerConstant ? r : l, .condition)
        case .conditional(let c, let a, let b): expr(c, .condition); expr(a, .value); expr(b, .value)
        case .binary(.comma, let l, let r): expr(l, .effect); expr(r, context)
        case .cast(let x, _) where e.type == .void: expr(x, .effect)
        case .assign(let l, let r):
            // As a statement, or tested (`if ((a = find(b, id)) == NULL)`).
            if context == .effect || context == .condition, case .variable(let id) = l.kind, candidateLocal(l) != nil { given(id, r); return }
            expr(l, .value); expr(r, .value)
        case .call(let callee, let args):
            guard case .function(let f) = callee.withoutCasts.kind else { e.forEachChild { expr($0, .value) }; return }
            guard program.functions[f].body != nil else {
                // The C library reading a string it does not keep: a text local may be it.
                let reads = Self.textArguments(program.functions[f].name, args)
                for (i, a) in args.enumerated() {
                    if reads.contains(i), let id = candidateLocal(a), a.type.isPointer { textUses.insert(id) } else { expr(a, .value) }
                }
                return
            }
            arguments(args, of: f)
        case .statementExpr(let s):
            guard case .compound(let list) = s, case .expression(let last)? = list.last else { statement(s); return }
            list.dropLast().forEach { statement($0) }
            expr(last, context)
        default:
            e.forEachChild { expr($0, .value) }
        }
    }
}

/// Writing positions: the type, a value given or returned, a test, the element as a place.
extension FaithfulTranslator {
    static let positionType = RType.generic("Option", [.named("usize")])

    /// The position local `e` names, or the call of a position function it is.
    func isPosition(_ e: CExpr) -> Bool { elementPositions.isPosition(e) }

    /// A value a position is given or returned: `None` for NULL, a position function's result
    /// as it is, `Some(k)` for `&A[k]`.
    func positionValue(_ e: CExpr) -> RExpr {
        if e.isNullPointerConstant { return .path("None") }
        if case .conditional(let c, let x, let y) = e.withoutQualifierCasts.kind, e.type.isPointer {
            return .ifElse(condition(c), RBlock(tail: positionValue(x)), .block(RBlock(tail: positionValue(y))))
        }
        if let k = ElementPositions.position(e, program)?.index { return .call(.path("Some"), [.cast(rvalue(k), .named("usize"))]) }
        return positionOption(e)
    }

    /// `*p` (`p->x`'s record) of a position: the array's element at it, unwrapped (NULL panics
    /// where C's access faults).
    func positionPlace(_ p: CExpr) -> RExpr? {
        let array: ElementPositions.Array
        let position: RExpr
        if let id = elementPositions.local(p), let a = elementPositions.locals[id] {
            array = a
            position = .path(localName(id))
        } else if elementPositions.function(called: p) != nil, let a = elementPositions.array(ofCall: p, program, lifted: liftedParameters) {
            array = a
            position = positionOption(p)
        } else {
            return nil
        }
        var element = RExpr.index(positionArray(array), .method(position, "unwrap", []))
        // `*v` of text (`char *`): the first `char` of the element's array.
        if !array.tail.isEmpty, !{ if case .record = p.type.pointee { return true }; return false }() {
            for m in array.tail { element = .field(element, fieldName(m.record, m.field)) }
            element = .index(element, .literal("0usize"))
        }
        return element
    }

    /// A text local's value as C sees it: the first `char` of its array, or NULL.
    func positionPointer(_ id: Int) -> RExpr? {
        guard let array = elementPositions.locals[id], !array.tail.isEmpty else { return nil }
        var element = RExpr.index(positionArray(array), .path("__i"))
        for m in array.tail { element = .field(element, fieldName(m.record, m.field)) }
        let t = rtype(program.variables[id].type)
        return .match(.path(localName(id)), [RArm(["Some(__i)"], RBlock(tail: .cast(.method(element, "as_ptr", []), t))),
                                             RArm(["None"], RBlock(tail: .cast(.turbofish("::core::ptr::null", [.named("i8")], []), t)))])
    }

    /// A position lent to a parameter lifted to an `Option` of a reference: the element, or `None`.
    func positionLoan(_ e: CExpr, mutable: Bool) -> RExpr {
        let p = e.withoutQualifierCasts
        let array = elementPositions.local(p).flatMap { elementPositions.locals[$0] } ?? elementPositions.array(ofCall: p, program, lifted: liftedParameters)
        guard let array else { return rvalue(e) }
        let position = positionOption(p)
        let element = RExpr.unary(mutable ? .refMut : .ref, .index(positionArray(array), .path("__i")))
        return .match(position, [RArm(["Some(__i)"], RBlock(tail: .call(.path("Some"), [element]))), RArm(["None"], RBlock(tail: .path("None")))])
    }

    /// The array a position indexes, as a place.
    func positionArray(_ a: ElementPositions.Array) -> RExpr {
        var e: CExpr
        var arrow: Bool
        switch a.root {
        case .slice(let q): return .path(localName(q))
        case .parameter(let q): e = CExpr(.variable(q), program.variables[q].type, program.variables[q].loc); arrow = true
        case .local(let x): e = CExpr(.variable(x), program.variables[x].type, program.variables[x].loc); arrow = false
        }
        for m in a.members {
            let field = program.records[m.record].fields![m.field]
            e = CExpr(.member(e, record: m.record, field: m.field, arrow: arrow), field.type, e.loc)
            arrow = false
        }
        return place(e)
    }

    /// The variables whose objects the positions `e` names reach (a position local's array's
    /// root; a lookup's argument is in `e` already).
    func positionRoots(in e: CExpr) -> Set<Int> {
        guard !elementPositions.locals.isEmpty else { return [] }
        return Set(e.variables.compactMap { id in
            elementPositions.locals[id].map { a -> Int in
                switch a.root { case .parameter(let v), .local(let v), .slice(let v): return v }
            }
        })
    }

    /// The call of a position function a place is reached through (`find(b, id)->n`,
    /// `find(b, id)->name[k]`), not yet evaluated once for the place.
    func positionCall(inPlace e: CExpr) -> CExpr? {
        guard !elementPositions.functions.isEmpty else { return nil }
        switch e.kind {
        case .member(let b, _, _, true), .unary(.deref, let b):
            let call = b.withoutQualifierCasts
            return elementPositions.function(called: call) != nil && pinnedPositions[ObjectIdentifier(call)] == nil ? call : nil
        case .member(let b, _, _, false): return positionCall(inPlace: b)
        case .subscript(let b, _):
            if case .cast(let array, _) = b.kind, array.type.isArrayLike { return positionCall(inPlace: array) }
            return nil
        default: return nil
        }
    }

    /// A position as its `Option<usize>`: a local's, a call's (evaluated once for a place being
    /// written, see `pinnedPositions`), an assignment's.
    func positionOption(_ e: CExpr) -> RExpr {
        let p = e.withoutQualifierCasts
        if let id = elementPositions.local(p) { return .path(localName(id)) }
        if let t = pinnedPositions[ObjectIdentifier(p)] { return .path(t) }
        return rvalue(p)
    }

    /// `p` of a position as a truth value: whether it is `Some` (`p == NULL` is a comparison).
    func positionTest(_ e: CExpr) -> RExpr? {
        isPosition(e) ? .method(positionOption(e), "is_some", []) : nil
    }
}
