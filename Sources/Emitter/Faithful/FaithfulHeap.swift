import CSyntax
import RustSyntax

/// Heap objects of one record type, reached through handles. A record `T` whose pointers only
/// ever hold what `malloc(sizeof(T))` (or `calloc(1, sizeof(T))`) gave, or NULL, lives on a heap
/// of its own (`cheap::Heap<T>`, a slot per allocation): `T *` becomes `cheap::Ptr<T>`, a slot
/// number with its generation, 0 for NULL. `p->f` reads the slot (`p.get(|o| o.f)`), an
/// assignment writes it (`p.set(|o| o.f = v)`, the value computed first), `free(p)` empties it.
/// Each access is checked: a NULL, freed or stale handle panics where C's behaviour was
/// undefined; nothing needs `unsafe`, and any shape of links (lists, trees, graphs, cycles,
/// back pointers) is expressible, as an arena is in Rust.
///
/// `T` qualifies when, over the whole file, no `T *` comes from anywhere else and none is used
/// as an address: no `&` of a `T` object (a local, an array element, a member) or of a place
/// inside a heap object, no array of `T` decaying, no pointer arithmetic, ordering or indexing
/// on `T *`, no conversion to or from another pointer type or a number (but `malloc`'s result
/// and `free`'s argument), no `T *` passed to the C library (but `free`) or through `...`, no
/// bit-field of `T` (accessors, not places), and no threads or signal handlers (the heaps are
/// per thread). A file that fails any of these for `T` keeps `T *` a raw pointer.
struct HeapRecords {
    /// The records whose objects live on heaps of handles.
    let records: Set<Int>
    /// The records `malloc` makes that stay behind raw pointers, with the first use that stops
    /// them: said in the output, above the record.
    let rawReasons: [Int: (String, CLoc)]

    static let none = HeapRecords(records: [])

    private init(records: Set<Int>) { self.records = records; self.rawReasons = [:] }

    /// `links`: the address of a handle's place inside a heap object may be a link's value
    /// (FaithfulHeapLinks). The links are found over the records that qualify, which the links
    /// let qualify: from every candidate, again over the records found until the two agree.
    init(program: Program, packed: Set<Int>, links: Bool = false) {
        var linked: Set<CLoc>? = links ? nil : []
        while true {
            let found = HeapRecords(program: program, packed: packed, linked: linked)
            guard links else { self = found; return }
            let agreed = HeapLinks(program: program, records: found.records).heapAddresses
            if let l = linked, agreed.isSuperset(of: l) { self = found; return }
            linked = agreed.intersection(linked ?? agreed)
        }
    }

    /// `linked`: the addresses of places inside heap objects that links take (nil: those
    /// of every candidate record).
    private init(program: Program, packed: Set<Int>, linked given: Set<CLoc>?) {
        var candidates: Set<Int> = []
        for (r, rec) in program.records.enumerated() where !rec.isUnion && !rec.isSystem && !packed.contains(r) {
            guard let fields = rec.fields, !fields.isEmpty, fields.allSatisfy({ $0.bitWidth == nil }) else { continue }
            candidates.insert(r)
        }
        let concurrent: Set<String> = ["pthread_create", "thrd_create", "signal", "sigaction", "clone", "atexit", "on_exit"]
        guard !candidates.isEmpty else { self.records = []; self.rawReasons = [:]; return }
        let linked = given ?? HeapLinks(program: program, records: candidates).heapAddresses
        var bad: Set<Int> = []
        var allocated: Set<Int> = []
        var concurrency = false
        var why: [Int: (String, CLoc)] = [:]
        func reject(_ r: Int, _ reason: String, _ loc: CLoc) {
            bad.insert(r)
            if why[r] == nil { why[r] = (reason, loc) }
        }
        func reject(_ r: Int, _ reason: String, _ e: CExpr) { reject(r, reason, e.loc) }

        func record(_ t: CTy) -> Int? {
            if case .pointer(.record(let r), _) = t, candidates.contains(r) { return r }
            return nil
        }
        func root(_ e: CExpr) -> Int? { Self.root(e, candidates) }
        let unused = Self.discardedCalls(program)
        /// `malloc(sizeof(T))`, `calloc(1, sizeof(T))`: an allocation of exactly one `T`.
        func allocation(_ e: CExpr, _ r: Int) -> Bool {
            guard case .call(let callee, let args) = e.withoutCasts.kind, case .function(let f) = callee.withoutCasts.kind,
                  program.functions[f].body == nil else { return false }
            let size = program.records[r].size
            let values = args.map { $0.integerLiteralValue }
            switch program.functions[f].name {
            case "malloc": return values == [size]
            case "calloc": return values == [1, size] || values == [size, 1]
            default: return false
            }
        }
        func visit(_ e: CExpr) {
            switch e.kind {
            case .unary(.addressOf, let x):
                if let r = root(x), !linked.contains(e.loc) { reject(r, "the address of a place inside one is taken", e) }
                if case .record(let r) = x.type { reject(r, "the address of an object not from malloc is taken", e) }
            case .cast(let x, _):
                if x.type.isArrayLike, let r = root(x) { reject(r, "an array inside one is used as a pointer", e) }   // an array inside a heap object decays
                if case .array(.record(let r), _) = x.type { reject(r, "an array of them is used as a pointer", e) }   // an array of `T` decays to `T *`
                let to = record(e.type), from = record(x.type)
                if let to, to != from {
                    if allocation(x, to) { allocated.insert(to); return } else if !x.isNullPointerConstant { reject(to, "a pointer of another type is converted to one", e) }
                }
                if let from, to != from, e.type != .int(.bool), e.type != .void { reject(from, "a pointer to one is converted to another type", e) }
            case .binary(let op, let l, let r):
                if op != .eq && op != .ne && op != .land && op != .lor && op != .comma {
                    if let a = record(l.type) { reject(a, "pointer arithmetic or ordering", e) }
                    if let b = record(r.type) { reject(b, "pointer arithmetic or ordering", e) }
                }
            case .unary(let op, let x) where [.preInc, .preDec, .postInc, .postDec].contains(op):
                if let r = record(x.type) { reject(r, "pointer arithmetic", e) }
            case .compoundAssign(_, let x, _):
                if let r = record(x.type) { reject(r, "pointer arithmetic", e) }
            case .subscript(let b, let i):
                if let r = record(b.type) { reject(r, "a pointer to one is indexed", e) }
                // An array indexed in place: its decay gives no pointer to the outside.
                if case .cast(let a, _) = b.kind, a.type.isArrayLike { visit(a); visit(i); return }
            case .member(_, let rec, let f, _):
                if program.records[rec].fields?[safe: f]?.bitWidth != nil, let r = root(e) { reject(r, "a bit-field", e) }
            case .vaArg, .atomic, .intrinsic:
                if let r = record(e.type) { reject(r, "a pointer to one in variable arguments or an atomic builtin", e) }
                e.forEachChild { if let r = record($0.type) { reject(r, "a pointer to one in variable arguments or an atomic builtin", e) } }
            case .call(let callee, let args):
                var target: Int?
                if case .function(let f) = callee.withoutCasts.kind { target = f }
                if let f = target {
                    let fn = program.functions[f]
                    if fn.body == nil {
                        if concurrent.contains(fn.name) { concurrency = true }
                        if let r = record(e.type) { reject(r, "`\(fn.name)` returns a pointer to one", e) }
                        if fn.name == "free", args.count == 1, record(args[0].withoutCasts.type) != nil {
                            visit(args[0].withoutCasts)
                            return
                        }
                        if Self.wholeObjectCall(fn.name, args, candidates, program) != nil { args.forEach { visit($0.withoutCasts) }; return }
                        // A place inside a heap object lent to the library for the call: inside the
                        // object's closure, the other operands computed first; one per call, to a
                        // function that keeps nothing and calls nothing back.
                        let loans = args.indices.filter { Self.loanedPlace(args[$0], candidates) != nil && !Self.readsString(fn.name, $0) }
                        let callsBack = args.contains { if case .pointer(.function, _) = $0.type { return true }; return false }
                        // A pointer the call returns or stores (`strchr`, `strcpy`'s result, `strtol`'s
                        // end) may point into the member: only a call whose result is dropped or
                        // tested against NULL, with no pointer-to-pointer operand, lends it.
                        let escapes = args.indices.contains { i in
                            !loans.contains(i) && !args[i].isNullPointerConstant && { if case .pointer(.pointer, _) = args[i].type { return true }; return false }()
                        } || (e.type.isPointer && !unused.contains(e.loc))
                        for i in loans {
                            let x = Self.loanedPlace(args[i], candidates)!
                            if loans.count > 1 || callsBack || escapes || ReferenceLifting.mayRetain(fn) || Self.isBuiltin(fn.name), let r = root(x) {
                                reject(r, "places inside them are lent to `\(fn.name)`, which may keep, return or call back with them, or together", e)
                            }
                        }
                        // What the call reads is read from a copy of the place: it must hold all of it.
                        for i in args.indices where !loans.contains(i) {
                            if let x = Self.loanedPlace(args[i], candidates), !Self.copyCovers(fn.name, args, i, place: x, program), let r = root(x) {
                                reject(r, "`\(fn.name)` may read past the place inside one that it is given", e)
                            }
                        }
                        for a in args { if let r = record(a.withoutCasts.type) { reject(r, "a pointer to one is given to `\(fn.name)`", e) } }
                        visit(callee)
                        for a in args {
                            if let x = Self.loanedPlace(a, candidates) {
                                visit(x)   // lent for the call only (or read from a copy): no address escapes
                            } else {
                                visit(a)
                            }
                        }
                        return
                    } else if fn.type.variadic || fn.type.noPrototype {
                        for a in args.dropFirst(fn.type.noPrototype ? 0 : fn.type.params.count) { if let r = record(a.withoutCasts.type) { reject(r, "a pointer to one is given to `\(fn.name)`'s variable arguments", e) } }
                    }
                }
            default: break
            }
            e.forEachChild(visit)
        }
        program.forEachExpression(visit)
        for v in program.variables {
            if let r = record(v.type), v.storage == .external || v.cleanup != nil { reject(r, "`\(v.name)` is defined elsewhere or cleaned up by a function", v.loc) }
        }
        self.records = concurrency ? [] : candidates.subtracting(bad).intersection(allocated)
        // Why each record `malloc` makes stays behind raw pointers: the first use that stops it.
        var kept: [Int: (String, CLoc)] = [:]
        for r in allocated where !records.contains(r) {
            kept[r] = concurrency ? ("the program starts threads or signal handlers", program.records[r].loc) : why[r]
        }
        self.rawReasons = kept
    }
}

extension HeapRecords {
    /// Calls whose value is dropped (a statement of its own) or only tested (`if (fgets(..))`,
    /// `!= NULL`), by place: a pointer they return goes nowhere.
    static func discardedCalls(_ program: Program) -> Set<CLoc> {
        var unused: Set<CLoc> = []
        func tested(_ e: CExpr) {
            let s = e.withoutCasts
            switch s.kind {
            case .call: unused.insert(s.loc)
            case .unary(.logicalNot, let x): tested(x)
            case .binary(let op, let l, let r) where op == .eq || op == .ne:
                if r.isNullPointerConstant { tested(l) } else if l.isNullPointerConstant { tested(r) }
            case .binary(let op, let l, let r) where op == .land || op == .lor: tested(l); tested(r)
            default: break
            }
        }
        func dropped(_ st: CStmt) {
            switch st {
            case .compound(let list): list.forEach(dropped)
            case .expression(let e): tested(e)
            case .ifThen(let c, let a, let b): tested(c); dropped(a); if let b { dropped(b) }
            case .whileLoop(let c, let b): tested(c); dropped(b)
            case .doWhile(let b, let c): dropped(b); tested(c)
            case .forLoop(let i, let c, let n, let b): if let i { dropped(i) }; if let c { tested(c) }; if let n { tested(n) }; dropped(b)
            case .switchOn(_, let b), .caseLabel(_, let b), .caseRange(_, _, let b), .defaultLabel(let b), .labeled(_, let b): dropped(b)
            default: break
            }
        }
        for f in program.functions where f.body != nil { dropped(f.body!) }
        return unused
    }

    /// The place inside a heap object of one of `records` that argument `a` lends (`&p->n`,
    /// `p->name` decayed), or nil.
    static func loanedPlace(_ a: CExpr, _ records: Set<Int>) -> CExpr? {
        lentPlace(a) { root($0, records) != nil }
    }

    /// The place whose address argument `a` is (`&x.n`, `x.name` decayed), under conversions
    /// between pointer types (`p->vals` given to `memcpy`'s `void *`), when `inside` accepts it.
    static func lentPlace(_ a: CExpr, inside: (CExpr) -> Bool) -> CExpr? {
        var e = a
        while case .cast(let x, _) = e.kind, x.type.isPointer { e = x }
        switch e.kind {
        case .unary(.addressOf, let x): return inside(x) ? x : nil
        case .cast(let x, _) where x.type.isArrayLike: return inside(x) ? x : nil
        default: return nil
        }
    }

    /// A compiler builtin (`__sync_fetch_and_add`, `__atomic_load_n`, `__builtin_memcpy`): written
    /// on the place's address itself (an atomic over it), not a call the closure can make.
    static func isBuiltin(_ name: String) -> Bool {
        name.hasPrefix("__sync_") || name.hasPrefix("__atomic_") || name.hasPrefix("__builtin_") || name.hasPrefix("__c11_atomic")
    }

    /// A place lent for reading to operand `i` of `name` is read from a copy of the place alone
    /// (FaithfulHeap's `heapLoanCall`): true when the call reads no byte past it. A count
    /// (`memcmp(&o->flags, &x.flags, sizeof(bool[5]))` reads the members after the first) must
    /// be a constant within the place; a string is read from an array, or a whole object.
    static func copyCovers(_ name: String, _ args: [CExpr], _ i: Int, place: CExpr, _ program: Program) -> Bool {
        let size = FaithfulTranslator.cSize(place.type, program)
        func within(_ n: CExpr) -> Bool {
            guard let n = n.integerLiteralValue, let size else { return false }
            return n <= size
        }
        switch name {
        case "memcpy", "memmove", "memcmp": return args.count == 3 && within(args[2])
        case "fwrite":
            guard args.count == 4, let s = args[1].integerLiteralValue, let n = args[2].integerLiteralValue, let size else { return false }
            return s * n <= size
        default:
            if place.type.isArrayLike { return true }
            switch place.withoutCasts.kind {
            case .variable, .unary(.deref, _): return true   // a whole global, a whole heap object
            default: return false
            }
        }
    }

    /// The operands of a C library call that it only reads while it runs (and returns no pointer
    /// into): an array inside a heap object is given there as a copy.
    static func readsString(_ name: String, _ i: Int) -> Bool {
        switch name {
        case "printf": return i >= 0
        case "fprintf", "dprintf", "sprintf", "fputs": return i >= 1 || name == "fputs" && i == 0
        case "snprintf": return i >= 2
        case "puts", "strlen", "atoi", "atol", "atoll", "atof", "perror", "strdup", "fopen": return i == 0
        case "strcmp", "strncmp", "strcasecmp", "strncasecmp", "sscanf", "strspn", "strcspn": return i <= 1
        case "strcpy", "strcat", "strncpy", "strncat", "memcpy", "memmove": return i == 1
        case "memcmp": return i <= 1
        case "fwrite": return i == 0
        default: return false
        }
    }

    /// `memset(p, 0, sizeof *p)` and `memcpy(p, q, sizeof *p)` (or `memmove`) of whole heap
    /// objects of one of `records`: the record, and the source handle for a copy.
    enum WholeObject {
        case zero(CExpr)
        case copy(CExpr, from: CExpr)
    }

    static func wholeObjectCall(_ name: String, _ args: [CExpr], _ records: Set<Int>, _ program: Program) -> WholeObject? {
        guard args.count == 3, case .pointer(.record(let r), _) = args[0].withoutCasts.type, records.contains(r),
              args[2].integerLiteralValue == program.records[r].size else { return nil }
        switch name {
        case "memset":
            return args[1].integerLiteralValue == 0 ? .zero(args[0].withoutCasts) : nil
        case "memcpy", "memmove":
            guard case .pointer(.record(let q), _) = args[1].withoutCasts.type, q == r else { return nil }
            return .copy(args[0].withoutCasts, from: args[1].withoutCasts)
        default: return nil
        }
    }

    /// The record (one of `records`) whose heap object the place `e` is inside (`p->f`,
    /// `(*p).a[i]`), or nil.
    static func root(_ e: CExpr, _ records: Set<Int>) -> Int? {
        switch e.kind {
        case .unary(.deref, let p):
            if case .pointer(.record(let r), _) = p.type, records.contains(r) { return r }
            return nil
        case .member(let b, _, _, true):
            if case .pointer(.record(let r), _) = b.type, records.contains(r) { return r }
            return nil
        case .member(let b, _, _, false): return root(b, records)
        case .subscript(let b, _):
            if case .cast(let a, _) = b.kind, a.type.isArrayLike { return root(a, records) }
            return nil
        default: return nil
        }
    }
}

extension FaithfulTranslator {
    /// The record of a pointer to a heap object (`T *` of a heap record): nil for any other type.
    func heapRecord(_ t: CTy) -> Int? {
        if case .pointer(.record(let r), _) = t, heapRecords.contains(r) { return r }
        return nil
    }

    /// One step from a heap object to a place inside it.
    enum HeapStep {
        case field(String)
        case index(RExpr)
    }

    /// The place `e` inside a heap object: the handle's C expression and the steps from the
    /// object to the place (none: the whole object). nil when `e` is no such place.
    func heapPlace(_ e: CExpr) -> (handle: CExpr, steps: [HeapStep])? {
        switch e.kind {
        case .variable(let id) where globalCells.contains(id) && boundCells[id] == nil: return (e, [])   // a global's cell (FaithfulGlobalCells)
        case .unary(.deref, let p) where heapRecord(p.type) != nil: return (p, [])
        case .member(let b, let r, let f, true) where heapRecord(b.type) != nil: return (b, [.field(fieldName(r, f))])
        case .member(let b, let r, let f, false):
            guard let (h, steps) = heapPlace(b) else { return nil }
            return (h, steps + [.field(fieldName(r, f))])
        case .subscript(let b, let i) where b.type.isPointer && fieldVector(b) != nil:
            // An element of a member vector (FaithfulFieldVectors).
            guard let (h, steps) = heapPlace(b.withoutCasts) else { return nil }
            return (h, steps + [.index(.cast(rvalue(i), .named("usize")))])
        case .unary(.deref, let b) where fieldVector(b) != nil:
            guard let (h, steps) = heapPlace(b.withoutCasts) else { return nil }
            return (h, steps + [.index(.literal("0usize"))])
        case .member(let b, let r, let f, true) where fieldVector(b) != nil:
            guard let (h, steps) = heapPlace(b.withoutCasts) else { return nil }
            return (h, steps + [.index(.literal("0usize")), .field(fieldName(r, f))])
        case .subscript(let b, let i):
            guard case .cast(let a, _) = b.kind, a.type.isArrayLike, let (h, steps) = heapPlace(a) else { return nil }
            return (h, steps + [.index(.cast(rvalue(i), .named("usize")))])
        default: return nil
        }
    }

    /// The closure's parameter: the heap object.
    static let heapObject = "o"

    /// Heap objects or global cells exist: their places are read and written inside closures.
    var closuresInUse: Bool { !heapRecords.isEmpty || !globalCells.isEmpty }

    /// The place inside a heap object or a global's cell that a C library call's operand lends
    /// (`&p->n`, `g.name` decaying), or nil.
    func closureLoan(_ a: CExpr) -> CExpr? {
        if let x = HeapRecords.loanedPlace(a, heapRecords) { return x }
        guard !globalCells.isEmpty else { return nil }
        return GlobalCells.loanedPlace(a, unboundCells)
    }

    /// A heap place as a handle and a path from the object, with the statements that compute
    /// its handle and indexes first (so that the closure reaches nothing but the object).
    func heapAccess(_ e: CExpr) -> (pins: [RStmt], handle: RExpr, path: RExpr)? {
        guard let (h, steps) = heapPlace(e) else { return nil }
        var pins: [RStmt] = []
        var handle: RExpr
        if case .variable(let id) = h.kind, globalCells.contains(id) {
            need(variable: id)
            needsCellSupport = true
            handle = .path(globalName(id))
        } else {
            needsHeapSupport = true
            handle = rvalue(h)
        }
        if case .path = handle {} else {
            let t = temporary("h")
            pins.append(.letBinding(name: t, mutable: false, type: nil, value: handle))
            handle = .path(t)
        }
        var path: RExpr = steps.isEmpty ? .unary(.deref, .path(Self.heapObject)) : .path(Self.heapObject)
        for step in steps {
            switch step {
            case .field(let name): path = .field(path, name)
            case .index(let i):
                if case .cast(.literal, _) = i { path = .index(path, i); continue }
                let t = temporary("i")
                pins.append(.letBinding(name: t, mutable: false, type: .named("usize"), value: i))
                path = .index(path, .path(t))
            }
        }
        return (pins, handle, path)
    }

    /// NULL as a handle to a `T` (typed: a bare `NULL.to_bits()` names no type).
    func heapNull(_ r: Int) -> RExpr {
        needsHeapSupport = true
        return .path("cheap::Ptr::<\(recordName(r))>::NULL")
    }

    /// The value of a heap place: a copy read out of the slot.
    func heapRead(_ e: CExpr) -> RExpr? {
        guard let (pins, handle, path) = heapAccess(e) else { return nil }
        let read = RExpr.method(handle, "get", [.lambda([Self.heapObject], path)])
        return pins.isEmpty ? read : .block(RBlock(pins, tail: read))
    }

    /// A C library call given a place inside a heap object (`strcpy(p->name, s)`, `scanf("%d",
    /// &p->n)`): the other operands first, then the call inside the object's closure, with the
    /// place's address. nil when no operand is such a place.
    func heapLoanCall(_ function: Int, _ args: [CExpr]) -> RExpr? {
        let name = program.functions[function].name
        let lent = args.indices.filter { closureLoan(args[$0]) != nil }
        guard !lent.isEmpty else { return nil }
        let written = lent.first { !HeapRecords.readsString(name, $0) }
        var stmts: [RStmt] = []
        var object: (handle: RExpr, path: RExpr)?
        if let i = written, let (pins, handle, path) = heapAccess(closureLoan(args[i])!) {
            stmts += pins
            object = (handle, path)
        }
        var values: [RExpr] = []
        // What the call reads through a place is read when it runs, after every operand: the
        // copies are taken last.
        var reads: [RStmt] = []
        for (k, a) in args.enumerated() {
            if k == written, let object {
                values.append(.cast(.macro(Self.addrOf, [object.path]), rtype(a.type)))
                continue
            }
            let t = temporary("a")
            if lent.contains(k), let x = closureLoan(a), let copy = heapRead(x) {
                // Read while the call runs: a copy, which lives to the end of the block.
                reads.append(.letBinding(name: t, mutable: true, type: nil, value: copy))
                values.append(.cast(x.type.isArrayLike ? .method(.path(t), "as_ptr", []) : .macro(Self.addrOf, [.path(t)]), rtype(a.type)))
                continue
            }
            stmts.append(.letBinding(name: t, mutable: false, type: nil, value: rvalue(a)))
            values.append(.path(t))
        }
        stmts += reads
        need(function: function)
        let call = RExpr.call(.path(functionName(function)), values)
        guard let object else { return .block(RBlock(stmts, tail: call)) }
        return .block(RBlock(stmts, tail: .method(object.handle, "set", [.lambda([Self.heapObject], call)])))
    }

    /// A whole heap object zeroed or copied: `p.set(|o| *o = zero)`, the source read first.
    func wholeObjectExpression(_ form: HeapRecords.WholeObject) -> RExpr {
        needsHeapSupport = true
        let object = RExpr.unary(.deref, .path(Self.heapObject))
        switch form {
        case .zero(let p):
            guard let r = heapRecord(p.type) else { return .unitValue }
            return .method(rvalue(p), "set", [.lambda([Self.heapObject], .assign(object, zero(.record(r))))])
        case .copy(let p, let q):
            let v = temporary("v")
            return .block(RBlock([.letBinding(name: v, mutable: false, type: nil, value: .method(rvalue(q), "get", [.lambda([Self.heapObject], object)]))],
                                 tail: .method(rvalue(p), "set", [.lambda([Self.heapObject], .assign(object, .path(v)))])))
        }
    }

    /// `malloc(sizeof(T))` as a new heap object holding `T`'s zero value (C leaves it
    /// undefined; `calloc` zeroes it).
    func heapAllocation(_ r: Int) -> RExpr {
        needsHeapSupport = true
        return .call(.path("cheap::Ptr::new"), [zero(.record(r))])
    }

    /// Why a record `malloc` makes lives on a heap of handles, or why it stays behind raw pointers.
    func heapComment(_ r: Int) -> [String] {
        if heapRecords.contains(r) {
            return ["its objects live on a heap of handles (`cheap::Ptr`): every pointer to one comes from malloc, and none is used as an address"]
        }
        guard let (why, loc) = heapRawReasons[r] else { return [] }
        let file = loc.file.split(separator: "/").last.map(String.init) ?? loc.file
        return ["raw pointers, not heap handles: \(why) (\(file):\(loc.line))"]
    }

    /// The items that give record `r` its heap: a per-thread `cheap::Heap` and the trait that finds it.
    func heapItems(_ r: Int) -> [RItem] {
        let name = recordName(r)
        var cell = name.uppercased().replacingOccurrences(of: "R#", with: "") + "_HEAP"
        while takenGlobalNames.contains(cell) { cell += "_" }   // `struct node` and `struct Node`, a C global
        takenGlobalNames.insert(cell)
        return [.attribute("""
            thread_local! {
                /// The `\(name)` objects `malloc` made, by slot.
                static \(cell): cheap::Heap<\(name)> = cheap::Heap::new();
            }
            impl cheap::Object for \(name) {
                fn heap() -> &'static ::std::thread::LocalKey<cheap::Heap<Self>> { &\(cell) }
            }
            """)]
    }

    static let heapSupport: [RItem] = [.attribute(#"""
    /// C's heap objects of one record type, in safe Rust: each `malloc` fills a slot of the
    /// type's heap and gives a handle (the slot and its generation; 0 is NULL). Reading or
    /// writing through a NULL, freed or stale handle panics (undefined in C), and so does
    /// freeing one twice.
    pub mod cheap {
        use std::cell::RefCell;
        use std::marker::PhantomData;
        use std::thread::LocalKey;

        /// A `T *` to a heap object.
        #[repr(transparent)]
        pub struct Ptr<T>(u64, PhantomData<fn() -> T>);
        impl<T> Clone for Ptr<T> {
            fn clone(&self) -> Self { *self }
        }
        impl<T> Copy for Ptr<T> {}
        impl<T> PartialEq for Ptr<T> {
            fn eq(&self, other: &Self) -> bool { self.0 == other.0 }
        }
        impl<T> Eq for Ptr<T> {}

        /// The objects of one type: slots, each with the generation of its last object.
        pub struct Heap<T> {
            slots: RefCell<Vec<(u32, Option<T>)>>,
            vacant: RefCell<Vec<u32>>,
        }
        impl<T> Heap<T> {
            pub const fn new() -> Self { Heap { slots: RefCell::new(Vec::new()), vacant: RefCell::new(Vec::new()) } }
        }

        /// A record type with a heap.
        pub trait Object: Sized + 'static {
            fn heap() -> &'static LocalKey<Heap<Self>>;
        }

        impl<T> Ptr<T> {
            pub const NULL: Self = Ptr(0, PhantomData);
            pub fn is_null(self) -> bool { self.0 == 0 }
            /// The handle kept in an atomic (a global `T *`).
            pub fn from_bits(bits: u64) -> Self { Ptr(bits, PhantomData) }
            pub fn to_bits(self) -> u64 { self.0 }
            fn slot(self) -> usize { (self.0 & 0xffff_ffff) as usize }
            fn generation(self) -> u32 { (self.0 >> 32) as u32 }
        }

        impl<T: Object> Ptr<T> {
            /// A new object holding `value`.
            pub fn new(value: T) -> Self {
                T::heap().with(|h| {
                    let mut slots = h.slots.borrow_mut();
                    if slots.is_empty() { slots.push((0, None)); }   // slot 0: NULL
                    let slot = match h.vacant.borrow_mut().pop() {
                        Some(s) => s as usize,
                        None => { slots.push((0, None)); slots.len() - 1 }
                    };
                    let entry = &mut slots[slot];
                    entry.0 = entry.0.wrapping_add(1);
                    entry.1 = Some(value);
                    Ptr(slot as u64 | u64::from(entry.0) << 32, PhantomData)
                })
            }
            /// What `f` reads of the object.
            pub fn get<R>(self, f: impl FnOnce(&T) -> R) -> R {
                T::heap().with(|h| {
                    let slots = h.slots.borrow();
                    match slots.get(self.slot()) {
                        Some((g, Some(o))) if *g == self.generation() => f(o),
                        _ => panic!("{}", self.fault()),
                    }
                })
            }
            /// `f`'s change to the object.
            pub fn set<R>(self, f: impl FnOnce(&mut T) -> R) -> R {
                T::heap().with(|h| {
                    let mut slots = h.slots.borrow_mut();
                    match slots.get_mut(self.slot()) {
                        Some((g, Some(o))) if *g == self.generation() => f(o),
                        _ => panic!("{}", self.fault()),
                    }
                })
            }
            /// `free(p)`: the slot is vacant again (`free(NULL)` does nothing).
            pub fn free(self) {
                if self.is_null() { return; }
                T::heap().with(|h| {
                    let mut slots = h.slots.borrow_mut();
                    match slots.get_mut(self.slot()) {
                        Some((g, o @ Some(_))) if *g == self.generation() => *o = None,
                        _ => panic!("free of a pointer that is not live"),
                    }
                    h.vacant.borrow_mut().push(self.slot() as u32);
                })
            }
            fn fault(self) -> &'static str {
                if self.is_null() { "NULL pointer dereference" } else { "use of a freed heap object" }
            }
        }
    \#(FaithfulTranslator.linkSupport)
    }
    """#)]
}
