import CSyntax
import RustSyntax

/// Writable globals and static locals kept in thread-local cells. A global the program writes
/// and whose address it takes (`bump(&watched)`, `deposit(&bank[1], 25)`, `total(bank, 3)`), or
/// whose type is no number (a record, an array of records), is not an atomic; it lives in a
/// `cglobal::Slot<T>` (a `RefCell` in a `thread_local!`), read and written inside closures
/// that reach nothing but it, as heap objects are (`bank.set(|o| o[1].bal = v)`, the value and
/// the indexes computed first). A loan of a place inside it to a parameter of the file's own
/// functions lifted to a reference or slice is made inside the closure
/// (`bank.set(|o| deposit(&mut (*o)[1], 25))`, the call's other operands computed first), and
/// a read-only loan to the C library reads a copy, as for heap objects.
///
/// A global qualifies when it is defined here (not `extern`), its type holds no union, bit-field,
/// flexible or variable-length array, and every use of it is a place read or written in place
/// (`g`, `g.f`, `g.a[i]`) or a loan as a call's operand (`&g.f`, `g.a` decaying, `g.a + k`,
/// `&g.a[k]`): to the file's functions, each then lifted by ReferenceLifting and reaching
/// (directly or through the functions it calls) no use of the global while it runs, so that
/// the cell is never borrowed twice; or to the C library as a heap object's places are. No
/// address of it is kept, compared, returned or converted, and the program starts no threads
/// or signal handlers and jumps no `longjmp` (the cells are per thread, and a jump out of a
/// closure would leave the cell borrowed).
struct GlobalCells: Sendable {
    /// A loan of a place inside a candidate to a parameter of the file's function `callee`.
    struct Loan: Sendable {
        var global: Int
        var callee: Int
        var index: Int
    }

    /// The globals that qualify but for the liftings their loans need.
    let candidates: Set<Int>
    let loans: [Loan]
    /// The candidates each function may use while it runs (itself or through its callees).
    let reach: [Int: Set<Int>]

    static let none = GlobalCells(candidates: [], loans: [], reach: [:])

    private init(candidates: Set<Int>, loans: [Loan], reach: [Int: Set<Int>]) {
        self.candidates = candidates; self.loans = loans; self.reach = reach
    }

    init(program: Program, excluded: Set<Int>, packed: Set<Int>) {
        var candidates = Set(program.variables.indices.filter { id in
            let v = program.variables[id]
            return (v.storage == .global || v.storage == .staticLocal) && !excluded.contains(id) && v.vlaSize == nil
                && v.cleanup == nil && Self.eligible(v.type, program, packed)
        })
        guard !candidates.isEmpty else { self.init(candidates: [], loans: [], reach: [:]); return }
        let stopping: Set<String> = ["pthread_create", "thrd_create", "signal", "sigaction", "clone", "atexit", "on_exit",
                                     "longjmp", "_longjmp", "siglongjmp", "__builtin_longjmp"]
        var bad: Set<Int> = []
        /// The file's functions called by the indexes of each lent place (nil: through a pointer).
        var indexCalls: [(global: Int, callees: Set<Int>?)] = []
        var loans: [Loan] = []
        var uses: [Int: Set<Int>] = [:]          // function -> candidates it names
        var callees: [Int: Set<Int>] = [:]       // function -> the file's functions it calls
        var indirect: Set<Int> = []              // functions that call through a pointer
        var stop = false
        let all = candidates
        let unused = HeapRecords.discardedCalls(program)

        func root(_ e: CExpr) -> Int? { Self.root(e, all) }
        func visit(_ e: CExpr, in f: Int) {
            switch e.kind {
            case .variable(let id) where all.contains(id):
                if f >= 0 { uses[f, default: []].insert(id) }
                return
            case .unary(.addressOf, let x):
                if let g = root(x) { bad.insert(g) }   // an address that is no call's operand
            case .cast(let x, _) where x.type.isArrayLike:
                if let g = root(x) { bad.insert(g) }   // an array decaying outside a call's operand
            case .subscript(let b, let i):
                // An element of an array in place: its decay gives no pointer to the outside.
                if case .cast(let a, _) = b.kind, a.type.isArrayLike { visit(a, in: f); visit(i, in: f); return }
            case .call(let callee, let args):
                guard case .function(let id) = callee.withoutCasts.kind else {
                    if f >= 0 { indirect.insert(f) }
                    break
                }
                let fn = program.functions[id]
                if fn.body == nil {
                    if stopping.contains(fn.name) { stop = true }
                    // As heap objects' places: one written place per call, to a function that keeps
                    // nothing, calls nothing back and returns no pointer; the others read from a copy.
                    let lent = args.indices.filter { Self.loanedPlace(args[$0], all) != nil }
                    let written = lent.filter { !HeapRecords.readsString(fn.name, $0) }
                    let callsBack = args.contains { if case .pointer(.function, _) = $0.type { return true }; return false }
                    let escapes = e.type.isPointer && !unused.contains(e.loc) || args.indices.contains { i in
                        !lent.contains(i) && { if case .pointer(.pointer, _) = args[i].type { return true }; return false }()
                    }
                    if !lent.isEmpty, written.count > 1 || callsBack || escapes || ReferenceLifting.mayRetain(fn) || HeapRecords.isBuiltin(fn.name) {
                        for i in lent { if let g = root(Self.loanedPlace(args[i], all)!) { bad.insert(g) } }
                    }
                    // What the call reads is read from a copy of the place: it must hold all of it.
                    for i in lent where HeapRecords.readsString(fn.name, i) {
                        let x = Self.loanedPlace(args[i], all)!
                        if !HeapRecords.copyCovers(fn.name, args, i, place: x, program), let g = root(x) { bad.insert(g) }
                    }
                    for a in args {
                        if let x = Self.loanedPlace(a, all) { inside(x, in: f) } else { visit(a, in: f) }
                    }
                    return
                }
                if f >= 0 { callees[f, default: []].insert(id) }
                var lentHere: Set<Int> = []
                for (i, a) in args.enumerated() {
                    if let (x, offset) = Self.lentToFunction(a, all), let g = root(x) {
                        // One loan of a cell per call (two would borrow it twice).
                        if !lentHere.insert(g).inserted { bad.insert(g) }
                        if i < fn.params.count, !fn.type.variadic || i < fn.type.params.count { loans.append(Loan(global: g, callee: id, index: i)) } else { bad.insert(g) }
                        // Its indexes and offset are computed inside the closure: none may read the cell
                        // again, nor call a function that does (`&bank[pick()]`).
                        let operands = Self.indexes(x) + [offset].compactMap { $0 }
                        if operands.contains(where: { $0.mentions(variable: g) }) { bad.insert(g) }
                        for o in operands { indexCalls.append((g, Self.calls(o, program))) }
                        if f >= 0 { uses[f, default: []].insert(g) }
                        inside(x, in: f)
                        if let offset { visit(offset, in: f) }
                    } else {
                        visit(a, in: f)
                    }
                }
                return
            default: break
            }
            e.forEachChild { visit($0, in: f) }
        }
        /// The operands inside a lent place (`g.a[i]`'s index), its root counted as named.
        func inside(_ x: CExpr, in f: Int) {
            switch x.kind {
            case .variable(let id) where all.contains(id): if f >= 0 { uses[f, default: []].insert(id) }
            case .member(let b, _, _, _): inside(b, in: f)
            case .subscript(let b, let i):
                if case .cast(let a, _) = b.kind, a.type.isArrayLike { inside(a, in: f) } else { visit(b, in: f) }
                visit(i, in: f)
            default: visit(x, in: f)
            }
        }
        for (id, fn) in program.functions.enumerated() where fn.body != nil { fn.body!.forEachExpression { visit($0, in: id) } }
        // A local's initializer runs in its function; a static's is constant (naming a candidate there takes its address).
        for v in program.variables {
            if let e = v.initializer { visit(e, in: v.storage == .local ? v.function : -1) }
            if let n = v.vlaSize { visit(n, in: v.function) }
        }
        candidates.subtract(bad)
        if stop { candidates = [] }
        // What each function reaches: its own uses and its callees', all for one that calls
        // through a pointer (it may call anything).
        var reach: [Int: Set<Int>] = [:]
        for (id, fn) in program.functions.enumerated() where fn.body != nil {
            reach[id] = indirect.contains(id) ? all : uses[id] ?? []
        }
        var changed = true
        while changed {
            changed = false
            for (f, cs) in callees {
                var r = reach[f] ?? []
                let before = r.count
                for c in cs { r.formUnion(reach[c] ?? []) }
                if r.count != before { reach[f] = r; changed = true }
            }
        }
        for (g, callees) in indexCalls {
            guard let callees else { candidates.remove(g); continue }   // a call through a pointer may reach anything
            if callees.contains(where: { reach[$0]?.contains(g) == true }) { candidates.remove(g) }
        }
        self.init(candidates: candidates, loans: loans.filter { candidates.contains($0.global) }, reach: reach)
    }

    /// The file's functions `e` calls (nil: it calls through a pointer).
    static func calls(_ e: CExpr, _ program: Program) -> Set<Int>? {
        var found: Set<Int> = []
        var indirect = false
        func visit(_ x: CExpr) {
            if case .call(let callee, _) = x.kind {
                if case .function(let id) = callee.withoutCasts.kind { if program.functions[id].body != nil { found.insert(id) } } else { indirect = true }
            }
            x.forEachChild(visit)
        }
        visit(e)
        return indirect ? nil : found
    }

    /// The candidates whose every loan to the file's functions goes to a lifted parameter of a
    /// function that does not reach the global while it runs.
    func settled(lifted: (Int, Int) -> Bool) -> Set<Int> {
        var cells = candidates
        for loan in loans where !lifted(loan.callee, loan.index) || reach[loan.callee]?.contains(loan.global) != false {
            cells.remove(loan.global)
        }
        return cells
    }

    /// A type a cell holds: numbers, pointers, and arrays and records of them (no union, bit-field,
    /// packed record, or array of unknown length).
    static func eligible(_ t: CTy, _ program: Program, _ packed: Set<Int>) -> Bool {
        switch t {
        case .int, .float(.float), .float(.double), .pointer: return true
        case .array(let e, let n): return (n ?? 0) > 0 && eligible(e, program, packed)
        case .record(let r):
            let rec = program.records[r]
            guard !rec.isUnion, !packed.contains(r), let fields = rec.fields, !fields.isEmpty else { return false }
            return fields.allSatisfy { $0.bitWidth == nil && eligible($0.type, program, packed) }
        default: return false
        }
    }

    /// The global (one of `globals`) whose place `e` is (`g`, `g.f`, `g.a[i]`), or nil.
    static func root(_ e: CExpr, _ globals: Set<Int>) -> Int? {
        switch e.kind {
        case .variable(let id): return globals.contains(id) ? id : nil
        case .member(let b, _, _, false): return root(b, globals)
        case .subscript(let b, _):
            if case .cast(let a, _) = b.kind, a.type.isArrayLike { return root(a, globals) }
            return nil
        default: return nil
        }
    }

    /// The indexes on the way to a place (`i` and `j` of `g.a[i].b[j]`).
    static func indexes(_ e: CExpr) -> [CExpr] {
        switch e.kind {
        case .member(let b, _, _, _): return indexes(b)
        case .subscript(let b, let i):
            if case .cast(let a, _) = b.kind { return indexes(a) + [i] }
            return indexes(b) + [i]
        default: return []
        }
    }

    /// The place inside one of `globals` that argument `a` lends (`&g.n`, `g.name` decayed), or nil.
    static func loanedPlace(_ a: CExpr, _ globals: Set<Int>) -> CExpr? {
        HeapRecords.lentPlace(a) { root($0, globals) != nil }
    }

    /// A loan to the file's function: the place (`&g`, `&g.f`, `g.a` decaying, `&g.a[k]`) and
    /// the offset of `g.a + k`, if any.
    static func lentToFunction(_ a: CExpr, _ globals: Set<Int>) -> (CExpr, CExpr?)? {
        let e = a.withoutPointerConversions
        if case .conditional = e.kind { return nil }
        if let x = loanedPlace(e, globals) { return (x, nil) }
        if case .binary(.add, let b, let k) = e.kind, b.type.isPointer, k.type.isInteger, let x = loanedPlace(b, globals) { return (x, k) }
        return nil
    }
}

extension FaithfulTranslator {
    /// A global's cell: `thread_local! { static g: cglobal::Slot<T> = cglobal::Slot::new(v); }`.
    func cellItem(_ id: Int, value: RExpr) -> RItem {
        let v = program.variables[id]
        needsCellSupport = true
        // An initializer that names another static (its address, maybe offset) reads it under
        // `unsafe`, as a `static mut`'s does; a static reference needs none (`Some(&X)`).
        let plain = v.initializer.map { $0.variables.isEmpty } ?? true || staticReference(v.type) != nil
        let initial: RExpr = plain ? value : .block(RBlock(tail: value, isUnsafe: true))
        // A large one is laid out as a constant: built on first use, it was built on the stack
        // (a megabyte table overflowed the main thread's).
        let constant = v.initializer.map { $0.variables.isEmpty } ?? true && layout(v.type).size >= 16 * 1024
        return .threadLocal(name: globalName(id), type: .generic("cglobal::Slot", [rtype(v.type)]),
                            value: .call(.path("cglobal::Slot::new"), [initial]), constant: constant,
                            comments: ["written and lent: a thread-local cell, read and written inside closures (`cglobal`)"])
    }

    /// The global cells a call to the file's function lends places of, each with the operand
    /// that does (one loan per cell: GlobalCells and ReferenceLifting allow no second).
    func cellLoans(_ id: Int, _ args: [CExpr]) -> [(global: Int, index: Int)] {
        guard !globalCells.isEmpty else { return [] }
        let free = unboundCells
        var loans: [(global: Int, index: Int)] = []
        for (k, a) in args.enumerated() {
            guard let (x, _) = GlobalCells.lentToFunction(a, free), let g = GlobalCells.root(x, free),
                  let p = program.functions[id].params[safe: k], liftedParameters[p] != nil, !loans.contains(where: { $0.global == g }) else { continue }
            loans.append((g, k))
        }
        return loans
    }

    /// `body` emitted inside the closures of `cells` (each with its parameter's name): their
    /// places are the closures' parameters'.
    func insideCells<T>(_ cells: [Int: String], _ body: () -> T) -> T {
        let saved = boundCells
        boundCells.merge(cells) { $1 }
        defer { boundCells = saved }
        return body()
    }

    /// A call that lends places of cells (its operands `values`, those at `lent` the loans): the
    /// other operands computed first, then the call inside the cells' closures, nested (`set` for
    /// a mutable loan, `get` for a shared one).
    func cellLoanCall(_ cells: [(global: Int, name: String, mutable: Bool)], _ function: RExpr, _ values: [RExpr], lent: Set<Int>, hoisted: [RStmt]) -> RExpr {
        var stmts = hoisted
        var operands: [RExpr] = []
        for (k, v) in values.enumerated() {
            if lent.contains(k) { operands.append(v); continue }
            switch v {
            case .literal, .path: operands.append(v)
            default:
                let t = temporary("a")
                stmts.append(.letBinding(name: t, mutable: false, type: nil, value: v))
                operands.append(.path(t))
            }
        }
        needsCellSupport = true
        var call = RExpr.call(function, operands)
        for cell in cells.reversed() {
            need(variable: cell.global)
            call = .method(.path(globalName(cell.global)), cell.mutable ? "set" : "get", [.lambda([cell.name], call)])
        }
        return stmts.isEmpty ? call : .block(RBlock(stmts, tail: call))
    }

    static let cellSupport: [RItem] = [.attribute(#"""
    /// C's writable globals in safe Rust: each lives in a thread-local cell and is read and
    /// written inside a closure that reaches nothing but it (its value and indexes are computed
    /// first), or lent for a call of a function that does not reach it while it runs.
    pub mod cglobal {
        use std::cell::RefCell;
        use std::thread::LocalKey;

        /// One global's value.
        pub struct Slot<T>(RefCell<T>);
        impl<T> Slot<T> {
            pub const fn new(value: T) -> Self { Slot(RefCell::new(value)) }
        }

        /// What `f` reads of the global, and `f`'s change to it.
        pub trait Global<T> {
            fn get<R>(&'static self, f: impl FnOnce(&T) -> R) -> R;
            fn set<R>(&'static self, f: impl FnOnce(&mut T) -> R) -> R;
        }
        impl<T: 'static> Global<T> for LocalKey<Slot<T>> {
            fn get<R>(&'static self, f: impl FnOnce(&T) -> R) -> R { self.with(|s| f(&s.0.borrow())) }
            fn set<R>(&'static self, f: impl FnOnce(&mut T) -> R) -> R { self.with(|s| f(&mut s.0.borrow_mut())) }
        }
    }
    use cglobal::Global as _;
    """#)]
}
