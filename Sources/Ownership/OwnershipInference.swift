import Foundation
import Synchronization
import CModel

/// What callers see of a function: per parameter, its class and what it does to a pointee.
struct ParamSummary: Equatable {
    var cls: OwnershipClass = .borrowed
    var mutable = false
    var indexed = false
    var string = false
    /// `T **p`: the callee releases or moves out `*p` (czmq's destroy convention).
    var pointeeReleased = false
    /// `T **p`: the callee stores a new owned value into `*p` (an out-parameter).
    var pointeeOwned = false
    /// The resource kind the callee uses it as (a socket, a file), passed on to callers.
    var handle: String? = nil
    /// The callee keeps it beyond the call (stores it into a field or a global).
    var stored = false
}

struct ReturnSummary: Equatable {
    var cls: OwnershipClass = .value
    var from: Int? = nil
    /// `from` is the only parameter the result may borrow from.
    var fromUnique = false
    var resource: String? = nil
    /// The result is what the callee stored through this `T **` parameter.
    var fromPointee: Int? = nil
}

struct Summary: Equatable {
    var params: [ParamSummary]
    var ret = ReturnSummary()
}

extension Array where Element == Summary? {
    /// A summary by program function key.
    subscript(key: Int32) -> Summary? {
        get { self[Int(key)] }
        set { self[Int(key)] = newValue }
    }
}

/// Which parameter a variable is: a function has a handful, so a scan beats hashing.
struct ParamIndex {
    let params: [Int32]
    @inline(__always) subscript(_ v: Int32) -> Int? {
        var i = 0
        while i < params.count { if params[i] == v { return i }; i += 1 }
        return nil
    }
}

/// One unit's constraints, extracted before the program's index exists (see
/// `OwnershipInference.extract(unit:library:)`).
public struct UnitConstraints: Sendable {
    var byFunction: [Int32: FunctionConstraints] = [:]
}

/// Accumulated evidence for one place.
struct Acc {
    var owned = false, shared = false, raw = false
    var mutable = false, indexed = false, string = false, nullable = false, nullAssigned = false, valueMut = false
    var fresh = false, assignedBorrowed = false
    /// Stored somewhere that outlives the call (a field, a global, a library that keeps it).
    var stored = false
    var resource: String? = nil
    var handle: String? = nil
    var counterInc = false, counterDec = false
    var evidence: [Note] = []

    mutating func note(_ e: Note?) {
        guard let e else { return }
        if evidence.count < 12, !evidence.contains(e) { evidence.append(e) }
    }
    mutating func merge(_ o: Acc) {
        owned = owned || o.owned; shared = shared || o.shared; raw = raw || o.raw
        mutable = mutable || o.mutable; indexed = indexed || o.indexed; string = string || o.string
        nullable = nullable || o.nullable; nullAssigned = nullAssigned || o.nullAssigned; valueMut = valueMut || o.valueMut
        fresh = fresh || o.fresh; assignedBorrowed = assignedBorrowed || o.assignedBorrowed
        counterInc = counterInc || o.counterInc; counterDec = counterDec || o.counterDec
        stored = stored || o.stored
        if resource == nil { resource = o.resource }
        if handle == nil { handle = o.handle }
        for e in o.evidence { note(e) }
    }
    var cls: OwnershipClass { raw ? .raw : shared ? .shared : (owned || fresh) ? .owned : .borrowed }
}

/// Infers ownership for every pointer of a program (one or more translation units):
/// constraints are extracted once per function, then solved bottom-up over the call graph,
/// repeated until summaries, field classes and reference-counted types stop changing.
public struct OwnershipInference: Sendable {
    let units: [TranslationUnit]
    let library: LibraryModel
    let index: ProgramIndex
    var constraints: [FunctionConstraints] = []
    var byKey: [Int32: Int] = [:]
    /// By program function key; nil for functions without a body.
    var summaries: [Summary?] = []
    var fieldAcc: [Acc]
    var fieldClass: [OwnershipClass]
    var refcounted: Set<String> = []
    /// Final per-function results of the last round.
    var results: [FunctionResult?] = []
    var closureCache: [PlaceMap<Closure>] = []
    var planCache: [EventPlan] = []
    /// What each function says about fields, merged into `fieldAcc` after each round.
    var fieldContrib: [[Int32: Acc]] = []
    /// Functions whose result some caller writes through (`p = slab_packets(s); p[i] = x`).
    var resultsWritten: Set<Int32> = []

    struct FunctionResult {
        var params: [Acc]
        var locals: [Int32: Acc]
        var ret: Acc
        var retFrom: Int?
        /// The result borrows from `retFrom` and no other parameter.
        var retFromUnique = false
        /// The result is (one of the values) stored through this `T **` parameter (`return *toFree`).
        var retFromPointee: Int? = nil
        var retStatic = false
        var retMixed = false
        /// The returned object was also stored somewhere (linked into a list): a handle, not ownership.
        var retStored = false
    }

    /// Solve every level's functions one after the other (tests compare this with the default).
    /// Tests: solve without the spin pool's helpers (the sequential order the rounds must match).
    public static let solveOnOneCore = Atomic<Bool>(false)

    public init(units: [TranslationUnit], library: LibraryModel) {
        self.units = units
        self.library = library
        self.index = ProgramIndex(units: units)
        self.fieldAcc = Array(repeating: Acc(), count: index.fieldCount)
        self.fieldClass = Array(repeating: .borrowed, count: index.fieldCount)
    }

    /// Runs the analysis and returns the facts for every function and struct the user wrote.
    public static func run(units: [TranslationUnit], library: LibraryModel) -> ProgramFacts {
        analyze(units: units, library: library).facts
    }

    /// Extracts every function's constraints; functions are independent, so both cores share
    /// the work (each writes only its own slot). The order of the result is the key order.
    /// A unit extracted already (`extract(unit:library:)`) only has its ids renamed.
    mutating func extract(prepared: [UnitConstraints?] = []) {
        let units = self.units, library = self.library, index = self.index
        let work: [(key: Int32, tu: Int, function: Int32)] = (0..<Int32(index.functionCount)).compactMap { key in
            guard let def = index.definitions[Int(key)], !units[def.tu].functions[Int(def.function)].isSystem else { return nil }
            return (key, def.tu, def.function)
        }
        // A unit whose ids are the program keys already (the first unit, mostly) keeps its names.
        let keepsNames = units.indices.map { t in
            t < prepared.count && prepared[t] != nil
                && units[t].functions.indices.allSatisfy { index.functionKey(tu: t, function: Int32($0)) == Int32($0) }
                && units[t].fields.indices.allSatisfy { index.fieldKey(tu: t, field: Int32($0)) == Int32($0) }
        }
        let out = parallelMap(work.count, lanes: 8) { i -> FunctionConstraints in
            let w = work[i]
            if w.tu < prepared.count, let unit = prepared[w.tu], var c = unit.byFunction[w.function] {
                if keepsNames[w.tu] { c.tu = w.tu; c.key = w.key; return c }
                return c.renamed(tu: w.tu, key: w.key, function: { index.functionKey(tu: w.tu, function: $0) },
                                 field: { index.fieldKey(tu: w.tu, field: $0) })
            }
            var x = ConstraintExtractor(tu: units[w.tu], tuIndex: w.tu, function: w.function, key: w.key,
                                        library: library, names: .program(index))
            return x.run()
        }
        summaries = Array(repeating: nil, count: index.functionCount)
        for (i, w) in work.enumerated() {
            byKey[w.key] = constraints.count
            constraints.append(out[i])
            summaries[w.key] = Summary(params: Array(repeating: ParamSummary(), count: units[w.tu].functions[Int(w.function)].params.count))
        }
    }

    /// Extracts the constraints of a unit whose program is this unit alone (in one or more
    /// shares), naming functions and fields by the unit's own ids: it can run as soon as the
    /// unit is lowered, on the core that lowered it, while other shares are still being walked.
    public static func extract(unit tu: TranslationUnit, library: LibraryModel) -> UnitConstraints {
        var out = UnitConstraints()
        for (i, f) in tu.functions.enumerated() where f.hasBody && !f.isSystem {
            var x = ConstraintExtractor(tu: tu, tuIndex: 0, function: Int32(i), key: Int32(i), library: library, names: .unit)
            out.byFunction[Int32(i)] = x.run()
        }
        return out
    }

    /// Callees before callers (DFS post-order); cycles are settled by iterating.
    func bottomUpOrder() -> [Int] {
        var order: [Int] = []
        var state = Array(repeating: 0, count: constraints.count)
        for root in 0..<constraints.count where state[root] == 0 {
            var stack: [(Int, [Int32], Int)] = [(root, constraints[root].callees.sorted(), 0)]
            state[root] = 1
            while !stack.isEmpty {
                let (n, cs, i) = stack[stack.count - 1]
                if i < cs.count {
                    stack[stack.count - 1].2 += 1
                    if let c = byKey[cs[i]], state[c] == 0 { state[c] = 1; stack.append((c, constraints[c].callees.sorted(), 0)) }
                } else {
                    state[n] = 2
                    order.append(n)
                    stack.removeLast()
                }
            }
        }
        return order
    }

    /// Solves all functions once bottom-up, then only those whose inputs changed (a callee's
    /// summary, the class of a field they store into, the set of reference-counted types)
    /// until nothing changes. Every solve collects its evidence, so a result that is not
    /// re-solved is still the one its unchanged inputs give.
    mutating func solve() {
        let order = bottomUpOrder()
        results = Array(repeating: nil, count: constraints.count)
        // Closures and plans depend on nothing the rounds change: prepared on all cores at once.
        let me = self
        let prepared = parallelMap(constraints.count, lanes: 8) { me.prepare($0) }
        closureCache = prepared.map(\.closures)
        planCache = prepared.map(\.plan)
        fieldContrib = Array(repeating: [:], count: constraints.count)
        var callers: [Int32: [Int]] = [:]
        var fieldUsers: [Int32: [Int]] = [:]
        for (i, c) in constraints.enumerated() {
            for k in c.callees { callers[k, default: []].append(i) }
            for e in c.events { if case .store(let f) = e.ev { fieldUsers[f, default: []].append(i) } }
        }
        for f in 0..<index.fieldCount { fieldClass[f] = fieldClassOf(f) }
        resultsWritten = []
        for c in constraints { for e in c.events { if case .writesResult(let f, _) = e.ev { resultsWritten.insert(f) } } }
        var dirty = Set(0..<constraints.count)
        var contributors: [Int32: Set<Int>] = [:]
        var round = 0
        let timing = ProcessInfo.processInfo.environment["OXIDIZE_TIMINGS"] != nil
        // The levels are short: solved on helpers that stay awake for the whole solve.
        let pool = SpinPool(helpers: constraints.count >= 64 && !Self.solveOnOneCore.load(ordering: .relaxed) ? ProcessInfo.processInfo.activeProcessorCount - 1 : 0)
        defer { pool.close() }
        while !dirty.isEmpty && round < 30 {
            round += 1
            let roundStart = DispatchTime.now().uptimeNanoseconds
            var next = Set<Int>()
            var newRefcounted = refcounted
            var previous: [Int: [Int32]] = [:]
            // The round solves its functions callees first (`order`). A function sees the new
            // summary of a callee solved before it in that order, and the old one of a callee
            // solved after it (recursion). Levels keep exactly that while solving a level's
            // functions at once: a callee before a function in the order is on a lower level,
            // a callee after it on the same level or a higher one, and new summaries are
            // published when a level is done.
            let roundOrder = order.filter { dirty.contains($0) }
            let processed = Set(roundOrder)
            var position = [Int](repeating: -1, count: constraints.count)
            for (p, i) in roundOrder.enumerated() { position[i] = p }
            var level = [Int](repeating: 0, count: constraints.count)
            var levels: [[Int]] = []
            for i in roundOrder {
                var l = 0
                for k in constraints[i].callees {
                    guard let j = byKey[k], position[j] >= 0 else { continue }
                    if position[j] < position[i] { l = max(l, level[j] + 1) }
                }
                for j in callers[constraints[i].key] ?? [] where position[j] >= 0 && position[j] < position[i] {
                    l = max(l, level[j])
                }
                level[i] = l
                while levels.count <= l { levels.append([]) }
                levels[l].append(i)
            }
            for members in levels {
                for i in members { previous[i] = Array(fieldContrib[i].keys) }
                var solved = [Solved?](repeating: nil, count: members.count)
                // Largest first, so that no core starts a long solve when the others are done.
                let byCost = members.indices.sorted { (constraints[members[$0]].events.count, $1) > (constraints[members[$1]].events.count, $0) }
                do {
                    let me = self
                    solved.withUnsafeMutableBufferPointer { slots in
                        let out = slots
                        pool.run(members.count) { out[byCost[$0]] = me.solveFunction(members[byCost[$0]], collect: true) }
                    }
                }
                for (m, i) in members.enumerated() {
                    let one = solved[m]!
                    results[i] = one.result
                    fieldContrib[i] = one.fields
                    for name in one.refcounted { newRefcounted.insert(name) }
                    let s = one.summary
                    let key = constraints[i].key
                    if summaries[key] != s {
                        summaries[key] = s
                        // Callers after it in this round's order see the new summary anyway.
                        for c in callers[key] ?? [] where !dirty.contains(c) || position[c] <= position[i] { next.insert(c) }
                    }
                }
            }
            // Re-merge only the fields the re-solved functions speak of.
            var touched = Set<Int32>()
            for i in processed {
                for f in previous[i] ?? [] { touched.insert(f) }
                for f in fieldContrib[i].keys { touched.insert(f); contributors[f, default: []].insert(i) }
            }
            for f in touched.sorted() {
                var acc = Acc()
                for i in (contributors[f] ?? []).sorted() { if let a = fieldContrib[i][f] { acc.merge(a) } }
                fieldAcc[Int(f)] = acc
                let c = fieldClassOf(Int(f))
                if c != fieldClass[Int(f)] { fieldClass[Int(f)] = c; next.formUnion(fieldUsers[f] ?? []) }
            }
            if newRefcounted != refcounted { refcounted = newRefcounted; next = Set(0..<constraints.count) }
            if timing {
                let ms = Double(DispatchTime.now().uptimeNanoseconds - roundStart) / 1e6
                FileHandle.standardError.write(Data(String(format: "oxidize:     round %d: %d solved, %d next, %.1f ms\n", round, processed.count, next.count, ms).utf8))
            }
            dirty = next
        }
    }

    func fieldClassOf(_ f: Int) -> OwnershipClass {
        let d = index.fieldDecls[f]
        let tu = units[d.tu]
        let field = tu.fields[Int(d.field)]
        if field.record >= 0, tu.records[Int(field.record)].isUnion, tu.isPointer(field.type) { return .raw }
        var c = fieldAcc[f].cls
        if c == .owned, isRefcounted(tu, field.type) { c = .shared }
        return c
    }

    func isRefcounted(_ tu: TranslationUnit, _ type: Int32) -> Bool {
        guard type >= 0 else { return false }
        let t = tu.types[Int(type)]
        guard t.shape == .pointer, t.pointee >= 0 else { return false }
        let p = tu.types[Int(t.pointee)]
        if p.record >= 0 { return refcounted.contains(tu.records[Int(p.record)].name) }
        return false
    }

    func recordName(_ tu: TranslationUnit, pointer type: Int32) -> String? {
        guard type >= 0 else { return nil }
        let t = tu.types[Int(type)]
        guard t.shape == .pointer, t.pointee >= 0 else { return nil }
        let p = tu.types[Int(t.pointee)]
        return p.record >= 0 ? tu.records[Int(p.record)].name : nil
    }

    // MARK: one function

    struct Closure {
        var places: [Place] = []
        var interiors: [Place] = []
        var roots: [Src] = []
    }

    /// Which places a function's events reach: fixed by its flows, so resolved on the first
    /// solve and reused every round. Each place has a slot; a solve accumulates evidence in an
    /// array of slots instead of looking each place up.
    struct EventPlan {
        var places: [Place] = []
        /// Per event: the slots its values reach directly, and through an interior pointer.
        /// Places a solve keeps nothing for (globals, what a local points to) have no slot.
        var direct: [[Int32]] = []
        var inner: [[Int32]] = []
        /// Per event: the slots of the locals whose address it takes (`&buf`).
        var stack: [[Int32]] = []
        /// Per slot: for a parameter `p`, the slot of `*p`; otherwise -1.
        var derefSlot: [Int32] = []
    }

    /// What a function's solves share, fixed by its flows alone (so functions are prepared on
    /// all cores before the rounds): the closures of the places its solve asks about, and which
    /// slots each event reaches.
    func prepare(_ ci: Int) -> (closures: PlaceMap<Closure>, plan: EventPlan) {
        let c = constraints[ci]
        let tu = units[c.tu]
        let fn = tu.functions[Int(c.function)]
        var preds = PlaceMap<[Src]>()
        for f in c.flows { preds.append(f.from, to: f.to) }
        var closures = PlaceMap<Closure>()
        var scratch = ClosureScratch()
        func closure(_ p: Place) -> Closure {
            if let x = closures[p] { return x }
            let x = Self.closure(of: p, preds: preds, tu: tu, scratch: &scratch)
            closures[p] = x
            return x
        }
        let paramIndexOfVar = ParamIndex(params: fn.params)
        var p = EventPlan()
        var slotOf = PlaceMap<Int32>()
        func slot(_ place: Place) -> Int32 {
            // Places a solve keeps nothing for (globals, what a non-parameter points to): no slot.
            switch place {
            case .v(let v): if paramIndexOfVar[v] == nil && tu.variables[Int(v)].storage == .global { return -1 }
            case .deref(let v): if paramIndexOfVar[v] == nil { return -1 }
            case .field, .ret: break
            }
            if let s = slotOf[place] { return s }
            let s = Int32(p.places.count)
            slotOf[place] = s
            p.places.append(place)
            return s
        }
        // A source's closure as slots, once per source place.
        var reach = PlaceMap<(places: [Int32], interiors: [Int32])>()
        func slots(_ q: Place) -> (places: [Int32], interiors: [Int32]) {
            if let r = reach[q] { return r }
            let cl = closure(q)
            let r = (cl.places.map(slot).filter { $0 >= 0 }, cl.interiors.map(slot).filter { $0 >= 0 })
            reach[q] = r
            return r
        }
        for e in c.events {
            var direct: [Int32] = []
            var inner: [Int32] = []
            var stack: [Int32] = []
            for s in e.srcs {
                switch s {
                case .place(let q):
                    let r = slots(q)
                    direct += r.places
                    inner += r.interiors
                case .interior(let q):
                    let r = slots(q)
                    inner += r.places + r.interiors
                case .stack(let v):
                    if paramIndexOfVar[v] == nil { stack.append(slot(.v(v))) }
                default: break
                }
            }
            p.direct.append(direct)
            p.inner.append(inner)
            p.stack.append(stack)
        }
        var derefSlot = Array(repeating: Int32(-1), count: p.places.count)
        for (i, place) in p.places.enumerated() {
            if case .v(let v) = place, paramIndexOfVar[v] != nil { derefSlot[i] = slot(.deref(v)) }
        }
        derefSlot += Array(repeating: -1, count: p.places.count - derefSlot.count)
        p.derefSlot = derefSlot
        // The places the rest of a solve asks about.
        for v in c.locals { _ = closure(.v(v)) }
        for v in fn.params { _ = closure(.deref(v)) }
        for f in c.flows {
            if case .field = f.to, case .place(.v(let v)) = f.from { _ = closure(.v(v)) }
        }
        _ = closure(.ret)
        return (closures, p)
    }

    /// Every place whose value can flow into `p`, and every root it can come from.
    /// Sets and a work list one function's closures reuse instead of allocating each time.
    struct ClosureScratch {
        var seen = PlaceMap<Bool>()
        var seenInterior = PlaceMap<Bool>()
        var work: [(Place, Bool)] = []
    }

    static func closure(of p: Place, preds: PlaceMap<[Src]>, tu: TranslationUnit, scratch: inout ClosureScratch) -> Closure {
        func traversable(_ p: Place) -> Bool {
            switch p {
            case .v(let v): let s = tu.variables[Int(v)].storage; return s != .global
            case .ret: return true
            case .deref(let v): let s = tu.variables[Int(v)].storage; return s == .automatic || s == .parameter
            case .field: return false
            }
        }
        var out = Closure()
        out.places.append(p)
        // Nothing flows in: the place alone (most places).
        guard traversable(p), preds[p] != nil else { return out }
        scratch.seen.removeAll()
        scratch.seenInterior.removeAll()
        _ = scratch.seen.insert(p, true)
        scratch.work.removeAll(keepingCapacity: true)
        scratch.work.append((p, false))
        while let (q, inter) = scratch.work.popLast() {
            guard traversable(q) else { continue }
            for s in preds[q] ?? [] {
                switch s {
                case .place(let r):
                    if inter { if scratch.seenInterior.insert(r, true) { out.interiors.append(r); scratch.work.append((r, true)) } }
                    else if scratch.seen.insert(r, true) { out.places.append(r); scratch.work.append((r, false)) }
                case .interior(let r):
                    if scratch.seenInterior.insert(r, true) { out.interiors.append(r); scratch.work.append((r, true)) }
                default:
                    if !inter { out.roots.append(s) }
                }
            }
        }
        return out
    }

    /// One solve's output: the function's result, what it says about fields, and the records it
    /// shows to be reference counted. A solve reads the state as of its level and writes nothing,
    /// so the functions of a level are solved at once (see `solve`).
    struct Solved {
        var result: FunctionResult
        var summary: Summary
        var fields: [Int32: Acc]
        var refcounted: [String]
    }

    func solveFunction(_ ci: Int, collect: Bool) -> Solved {
        var refcountedOut: [String] = []
        let c = constraints[ci]
        let tu = units[c.tu]
        let fn = tu.functions[Int(c.function)]
        // Closures depend only on the function's flows: computed once, reused every round.
        var closures = closureCache[ci]
        var predsBuilt = false
        var preds = PlaceMap<[Src]>()
        func closure(_ p: Place) -> Closure {
            if let c = closures[p] { return c }
            if !predsBuilt {
                for f in c.flows { preds.append(f.from, to: f.to) }
                predsBuilt = true
            }
            var scratch = ClosureScratch()
            let out = Self.closure(of: p, preds: preds, tu: tu, scratch: &scratch)
            closures[p] = out
            return out
        }

        var params = Array(repeating: Acc(), count: fn.params.count)
        let paramIndexOfVar = ParamIndex(params: fn.params)
        var derefs = Array(repeating: Acc(), count: fn.params.count)
        var locals: [Int32: Acc] = [:]
        var ret = Acc()
        var myFields: [Int32: Acc] = [:]

        // Evidence text is only built in the final round, once the classes are settled.
        func evidence(_ why: Why, _ node: Int32) -> Note? {
            guard collect else { return nil }
            let loc = tu.nodes[Int(node)].loc
            return Note(why: why, file: index.fileID(tu: c.tu, loc), line: loc.line)
        }

        // Which places each event reaches is fixed by the flows: resolved once, reused every round.
        let plan = planCache[ci]   // made by `prepare` before the rounds
        var accs = Array(repeating: Acc(), count: plan.places.count)
        var touched = Array(repeating: false, count: plan.places.count)
        @inline(__always) func at(_ s: Int32, _ body: (inout Acc) -> Void) {
            touched[Int(s)] = true
            body(&accs[Int(s)])
        }
        for (ei, e) in c.events.enumerated() {
            if !plan.stack[ei].isEmpty {
                // An address of a local array or value lent to something that writes: `let mut`.
                var writes = false
                if case .write = e.ev { writes = true }
                if case .inheritedWrite = e.ev { writes = true }
                if case .lentToIndirectCall = e.ev { writes = true }
                if case .pass(let f, let k) = e.ev, let ps = summaries[f]?.params, k < ps.count, ps[k].mutable { writes = true }
                if writes {
                    for s in plan.stack[ei] { at(s) { $0.valueMut = true; $0.note(evidence(.text("lent mutably"), e.node)) } }
                }
            }
            let direct = plan.direct[ei]
            let inner = plan.inner[ei]
            switch e.ev {
            case .release(let r, let by):
                let why: Why = by == "free" ? .text("freed") : .releasedBy(by)
                for p in direct { at(p) { $0.owned = true; if $0.resource == nil { $0.resource = r }; $0.note(evidence(why, e.node)) } }
            case .move(let to):
                for p in direct { at(p) { $0.owned = true; $0.note(evidence(.movedInto(to), e.node)) } }
            case .realloc(let by):
                for p in direct { at(p) { $0.owned = true; $0.indexed = true; $0.note(evidence(.reallocatedBy(by), e.node)) } }
            case .write, .lentToIndirectCall, .writesResult, .passHeld, .inheritedWrite:
                guard let why = writeReason(e.ev) else { continue }
                for p in direct + inner { at(p) { $0.mutable = true; $0.note(evidence(why, e.node)) } }
            case .read:
                break
            case .index:
                for p in direct { at(p) { $0.indexed = true } }
            case .string:
                for p in direct { at(p) { $0.string = true } }
            case .nullCheck:
                for p in direct { at(p) { $0.nullable = true } }
            case .nullAssign:
                for p in direct { at(p) { $0.nullable = true; $0.nullAssigned = true } }
            case .raw(let why):
                for p in direct + inner { at(p) { $0.raw = true; $0.note(evidence(.text(why), e.node)) } }
            case .shared(let why):
                for p in direct { at(p) { $0.shared = true; $0.note(evidence(.text(why), e.node)) } }
            case .counter(let f, let inc):
                for p in direct { at(p) { if inc { $0.counterInc = true } else { $0.counterDec = true }; _ = f } }
            case .returned:
                for p in direct { at(p) { $0.note(evidence(.text("returned"), e.node)) } }
            case .pass(let f, let k):
                guard let s = summaries[f], k < s.params.count else { continue }
                let ps = s.params[k]
                for p in direct {
                    at(p) {
                        switch ps.cls {
                        case .owned: $0.owned = true; $0.note(evidence(.passedToOwning(f, k), e.node))
                        case .shared: $0.shared = true; $0.note(evidence(.sharedWith(f, k), e.node))
                        case .raw: $0.raw = true; $0.note(evidence(.passedToRaw(f, k), e.node))
                        default: break
                        }
                        if ps.mutable { $0.mutable = true; $0.note(evidence(.lentMutablyToParam(f, k), e.node)) }
                        if ps.indexed { $0.indexed = true }
                        if ps.string { $0.string = true }
                        if $0.handle == nil, let h = ps.handle { $0.handle = h }
                        if ps.stored { $0.stored = true }
                    }
                }
                if ps.mutable { for p in inner { at(p) { $0.mutable = true } } }
                // A T** handed straight on (`zsock_destroy(self_p)` inside a wrapper): what the
                // callee does to *p happens to our *p too.
                if ps.pointeeReleased || ps.pointeeOwned {
                    for p in direct {
                        let d = plan.derefSlot[Int(p)]
                        guard d >= 0 else { continue }
                        at(d) {
                            if ps.pointeeReleased { $0.owned = true; $0.note(evidence(.releasedThrough(f, k), e.node)) }
                            if ps.pointeeOwned { $0.fresh = true; $0.note(evidence(.receivesOwnedFrom(f, k), e.node)) }
                        }
                    }
                }
            case .passAddr(let f, let k):
                guard let s = summaries[f], k < s.params.count else { continue }
                let ps = s.params[k]
                for p in direct {
                    at(p) {
                        if ps.pointeeReleased { $0.owned = true; $0.note(evidence(.releasedThrough(f, k), e.node)) }
                        if ps.pointeeOwned { $0.fresh = true; $0.note(evidence(.receivesOwnedFrom(f, k), e.node)) }
                    }
                }
            case .store(let f):
                let fc = fieldClass[Int(f)]
                for p in direct {
                    at(p) {
                        $0.stored = true
                        if fc == .owned { $0.owned = true; $0.note(evidence(.movedIntoOwningField(f), e.node)) }
                        else if fc == .shared { $0.shared = true; $0.note(evidence(.storedIntoSharedField(f), e.node)) }
                    }
                }
            case .initResource(let r, let by):
                for p in direct { at(p) { $0.owned = true; $0.resource = r; $0.note(evidence(.initialisedBy(by), e.node)) } }
            case .handle(let r):
                for p in direct { at(p) { if $0.handle == nil { $0.handle = r } } }
            case .valueMut(let why):
                for p in direct { at(p) { $0.valueMut = true; $0.note(evidence(.text(why), e.node)) } }
            case .keep(let why):
                for p in direct { at(p) { $0.stored = true; $0.note(evidence(.text(why), e.node)) } }
            case .reinterpreted(let why):
                for p in direct { at(p) { $0.note(evidence(.text(why), e.node)) } }
            }
        }
        // Each slot's evidence back to its place (all of them were empty before the events).
        for (i, place) in plan.places.enumerated() where touched[i] {
            switch place {
            case .v(let v): if let k = paramIndexOfVar[v] { params[k] = accs[i] } else { locals[v] = accs[i] }
            case .field(let f): myFields[f] = accs[i]
            case .deref(let v): if let k = paramIndexOfVar[v] { derefs[k] = accs[i] }
            case .ret: ret = accs[i]
            }
        }

        // Roots: where values come from.
        func applyRoots(_ roots: [Src], _ acc: inout Acc) {
            for r in roots {
                switch r {
                case .fresh(let res, let node):
                    acc.fresh = true
                    if acc.resource == nil { acc.resource = res }
                    if let m = library.functions[calleeName(tu, node)]?.returns, m.string == true { acc.string = true }
                    acc.note(evidence(.allocatedBy(calleeName(tu, node)), node))
                case .opaque(let node):
                    acc.raw = true
                    acc.note(evidence(.text("made from a cast nothing can be proven about"), node))
                case .sharedNew(let node):
                    acc.shared = true
                    acc.note(evidence(.referenceFrom(calleeName(tu, node)), node))
                case .call(let f, let node):
                    guard let s = summaries[f] else { continue }
                    switch s.ret.cls {
                    case .owned:
                        acc.fresh = true
                        if acc.resource == nil { acc.resource = s.ret.resource }
                        acc.note(evidence(.ownedResultOf(f), node))
                    case .shared: acc.shared = true; acc.note(evidence(.sharedResultOf(f), node))
                    case .raw: acc.raw = true; acc.note(evidence(.rawResultOf(f), node))
                    default: break
                    }
                default: break
                }
            }
        }
        for v in c.locals {
            let cl = closure(.v(v))
            applyRoots(cl.roots, &locals[v, default: Acc()])
            if cl.places.contains(where: { if case .v(let q) = $0 { return paramIndexOfVar[q] != nil }; if case .field = $0 { return true }; return false }) {
                locals[v]!.assignedBorrowed = true
            }
        }
        // Out-parameters and fields receiving new values.
        for (i, v) in fn.params.enumerated() {
            let cl = closure(.deref(v))
            var acc = derefs[i]
            applyRoots(cl.roots, &acc)
            for case .v(let q) in cl.places where tu.variables[Int(q)].storage == .automatic {
                if let l = locals[q], l.fresh || l.owned { acc.fresh = true }
            }
            derefs[i] = acc
        }
        for f in c.flows {
            guard case .field(let fk) = f.to else { continue }
            var roots: [Src] = []
            var locals2: [Int32] = []
            switch f.from {
            case .place(.v(let v)):
                let cl = closure(.v(v)); roots = cl.roots
                if paramIndexOfVar[v] == nil { locals2.append(v) }
                if paramIndexOfVar[v] != nil { myFields[fk, default: Acc()].assignedBorrowed = true }
            case .place, .staticData, .stack, .interior: myFields[fk, default: Acc()].assignedBorrowed = true
            case .null: continue
            default: roots = [f.from]
            }
            var fa = myFields[fk] ?? Acc()
            applyRoots(roots, &fa)
            for v in locals2 where locals[v]?.shared == true { fa.shared = true }
            myFields[fk] = fa
        }

        // Return value.
        var retFrom: Int? = nil
        var retStatic = false
        var retBorrowed = false
        let rcl = closure(.ret)
        applyRoots(rcl.roots, &ret)
        for r in rcl.roots { if case .staticData = r { retStatic = true } }
        var retParams: Set<Int> = []
        for p in rcl.places + rcl.interiors {
            if case .v(let v) = p, let i = paramIndexOfVar[v] {
                retParams.insert(i)
                if retFrom == nil { retFrom = i }
                retBorrowed = true
                if params[i].shared || params[i].counterInc { ret.shared = true }
            }
            if case .v(let v) = p, let l = locals[v], l.shared { ret.shared = true }
            if case .field = p { retBorrowed = true }
        }
        if retFrom == nil, let b = c.returnBases.first, let i = paramIndexOfVar[b] { retFrom = i; retBorrowed = true; retParams.insert(i) }
        // Borrows from one parameter only: which one callers write through is known.
        let retFromUnique = retParams.count == 1
        // Callers write through the result, which borrows from that parameter: in Rust the
        // function returns `&mut` and takes that parameter `&mut`.
        if resultsWritten.contains(c.key), retFromUnique, let i = retFrom, i < fn.params.count, tu.isPointer(tu.variables[Int(fn.params[i])].type) {
            params[i].mutable = true
            params[i].note(evidence(.text("returned, and callers write through the result"), fn.bodyStart))
            ret.mutable = true
        }
        var retMixed = (ret.fresh || ret.owned) && (retBorrowed || retStatic)
        // Fresh on some paths, a parameter on others (`t = insert(t, key)`): the parameter is
        // moved in and handed back out, so it is owned and the return is owned.
        if retMixed, !retStatic, !rcl.places.contains(where: { if case .field = $0 { return true }; return false }) {
            var passed = false
            for p in rcl.places + rcl.interiors {
                if case .v(let v) = p, let i = paramIndexOfVar[v], tu.isPointer(tu.variables[Int(v)].type), !params[i].raw {
                    params[i].owned = true
                    params[i].note(evidence(.text("returned in place of a fresh allocation (ownership passes through)"), fn.bodyStart))
                    passed = true
                }
            }
            if passed { retMixed = false }
        }
        var retStored = false
        for case .v(let v) in rcl.places where locals[v]?.stored == true { retStored = true }
        if retStored { ret.note(evidence(.text("also stored where it lives on (a container keeps it)"), fn.bodyStart)) }

        // Reference counting: a parameter whose counter is decremented and that is released here.
        for (i, v) in fn.params.enumerated() {
            let a = params[i]
            if a.counterDec && a.owned, let name = recordName(tu, pointer: tu.variables[Int(v)].type) { refcountedOut.append(name) }
        }
        var retFromPointee: Int? = nil
        for case .deref(let v) in rcl.places { if let i = paramIndexOfVar[v] { retFromPointee = i; break } }
        let result = FunctionResult(params: params + derefs, locals: locals, ret: ret, retFrom: retFrom, retFromUnique: retFromUnique,
                                    retFromPointee: retFromPointee, retStatic: retStatic, retMixed: retMixed, retStored: retStored)
        return Solved(result: result, summary: summarize(c, result), fields: myFields, refcounted: refcountedOut)
    }

    /// Why an event that writes through its sources makes them mutable; nil when the callee's
    /// summary says it does not (a result that borrows from another parameter, a held pointer
    /// lent to a parameter that does not write, or to a raw or shared one, which writes without
    /// a unique loan).
    func writeReason(_ ev: Ev) -> Why? {
        switch ev {
        case .write(let via): return via.map { .lentMutablyTo($0) } ?? .text("written through")
        case .lentToIndirectCall: return .text("lent mutably to a call through a function pointer")
        case .inheritedWrite: return .text("writes through a pointer it holds (inherited mutability)")
        case .writesResult(let f, let k):
            guard let s = summaries[f], s.ret.from == k, s.ret.fromUnique, s.ret.cls == .borrowed else { return nil }
            return .writtenThroughResultOf(f)
        case .passHeld(let f, let k):
            guard let s = summaries[f], k < s.params.count, s.params[k].cls == .borrowed || s.params[k].cls == .owned,
                  s.params[k].mutable || s.params[k].cls == .owned else { return nil }
            return .holdsPointerLentTo(f, k, owned: s.params[k].cls == .owned)
        default: return nil
        }
    }

    func calleeName(_ tu: TranslationUnit, _ node: Int32) -> String {
        let n = tu.nodes[Int(node)]
        return n.kind == .call && n.ref >= 0 ? tu.functions[Int(n.ref)].name : "?"
    }

    func paramName(_ f: Int32, _ k: Int) -> String {
        guard let d = index.definitions[Int(f)] else { return "\(index.functionNames[Int(f)]).#\(k)" }
        let fn = units[d.tu].functions[Int(d.function)]
        let name = k < fn.params.count ? units[d.tu].variables[Int(fn.params[k])].name : "#\(k)"
        return "\(fn.name).\(name)"
    }

    // MARK: classes

    /// The class of a parameter, applying reference counting.
    func paramClass(_ tu: TranslationUnit, _ v: Int32, _ a: Acc) -> OwnershipClass {
        var c = a.cls
        if c == .owned, isRefcounted(tu, tu.variables[Int(v)].type) { c = .shared }
        if c < .shared, a.counterInc || a.counterDec, isRefcounted(tu, tu.variables[Int(v)].type) { c = .shared }
        return c
    }

    func summarize(_ c: FunctionConstraints, _ r: FunctionResult) -> Summary {
        let tu = units[c.tu]
        let fn = tu.functions[Int(c.function)]
        var s = Summary(params: [])
        for (i, v) in fn.params.enumerated() {
            let a = r.params[i]
            let d = r.params[fn.params.count + i]
            var ps = ParamSummary()
            ps.cls = tu.isPointer(tu.variables[Int(v)].type) ? paramClass(tu, v, a) : (a.owned ? .owned : .value)
            ps.mutable = a.mutable
            ps.indexed = a.indexed
            ps.string = a.string
            // *p released, or taken over: stored where it lives on and nulled (zmsg_append(&frame)).
            ps.pointeeReleased = d.owned || (d.stored && d.nullAssigned)
            ps.pointeeOwned = d.fresh
            ps.handle = a.handle
            ps.stored = a.stored
            s.params.append(ps)
        }
        s.ret = returnSummary(tu, fn, r)
        return s
    }

    func returnSummary(_ tu: TranslationUnit, _ fn: Function, _ r: FunctionResult) -> ReturnSummary {
        var rs = ReturnSummary()
        rs.fromPointee = r.retFromPointee
        let isPtr = tu.isPointer(fn.returnType)
        if r.ret.raw || r.retMixed { rs.cls = .raw }
        else if r.ret.shared { rs.cls = .shared }
        else if (r.ret.fresh || r.ret.owned) && r.retStored {
            rs.cls = .borrowed   // a handle to something a container owns (zlistx_add_end)
        } else if r.ret.fresh || r.ret.owned {
            rs.cls = isRefcounted(tu, fn.returnType) ? .shared : .owned
            rs.resource = r.ret.resource
        } else if isPtr, let k = r.retFrom, k < fn.params.count, r.params[k].owned, !r.params[k].shared {
            // Returns (something reached from) a parameter it owns: ownership passes back out.
            rs.cls = isRefcounted(tu, fn.returnType) ? .shared : .owned
            rs.resource = r.params[k].resource
        } else if isPtr { rs.cls = .borrowed; rs.from = r.retFrom; rs.fromUnique = r.retFromUnique }
        else { rs.cls = .value }
        return rs
    }
}
