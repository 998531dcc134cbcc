import CModel
import Diagnostics
import Ownership

/// Walks one function body path by path (branches fork the state, joins merge it, loops run
/// to a fixpoint, `return` and `goto` end a path), tracking every object the function makes
/// or receives: live, null, released or moved. Findings come from the object-state model;
/// library behaviour from the model files; callees from the ownership stage's effects.
struct PathKey: Hashable {
    var base: Int32
    var field: Int32
    /// For objects read through a cursor: which of two alternating identities the element has
    /// (`p++` over an array of records: each element's fields are other objects; see `stepped`).
    var step: Int32 = 0
}

struct FunctionChecker {
    let tu: TranslationUnit
    let tuIndex: Int
    let function: Function
    let library: LibraryModel
    let ownership: OwnershipResult
    let knowledge: ProgramKnowledge

    var st = PathState()
    var info: [Int32: ObjectInfo] = [:]
    var found: [String: Diagnostic] = [:]
    var labels: [Int32: PathState] = [:]          // goto targets, by label node
    var labelByName: [String: Int32] = [:]
    var breakStates: [PathState] = []
    var continueStates: [PathState] = []
    var switchEntries: [PathState] = []
    var loopDepth = 0
    /// Depth-one access paths (`c->ctx`, `s.buf`) tracked like variables, by (base, field).
    var paths: [PathKey: Int32] = [:]
    var pathsOf: [Int32: [Int32]] = [:]
    /// Calls whose result, once tested, says whether an object was initialised or taken over.
    var callEffects: [Int32: CallEffect] = [:]
    /// Objects a program function stores through out-parameters, by call, and which result of
    /// `if (f(&out))` is its failure, where they may not have been made: false for a callee that
    /// returns true when it succeeds, true for one that returns 0 then (it returns `-1` somewhere).
    var madeThrough: [Int32: (zeroIsSuccess: Bool, objects: [Int32])] = [:]
    /// Objects whose null test decides what happened to another (fdopen's FILE and its fd).
    var resultEffects: [Int32: CallEffect] = [:]
    var reportedUse: Set<Int32> = []
    /// Plain variables tested by the branches being walked (for `guardVar`).
    var guards: [(Int32, Bool)] = []
    /// Objects of unknown origin read from access paths, by object id: the path's name.
    var pathNames: [Int32: String] = [:]
    var lazyIDs: [PathKey: Int32] = [:]
    var nextLazy: Int32 = 0
    /// What each call returned, for null tests of a call's result in a condition.
    var callResults: [Int32: [Ref]] = [:]
    /// Addresses of locals stored where they outlive the frame, reported if still there at exit.
    var pendingEscapes: [(holder: Int32, node: Int32, local: Int32)] = []
    /// Allocation sites whose previous instance was gone when the site ran again (see newObject).
    var reborn: Set<Int32> = []
    /// When summarising (`releasedParameters`): the union of each parameter object's states at
    /// the exits.
    var exitStates: [Int32: Status]? = nil
    /// The automatic variables declared inside a block, loop or switch, by its node.
    var scopeVars: [Int32: [Int32]] = [:]
    /// An allocation site run again: the states its previous instance had, by site.
    var priorStatus: [Int32: Status] = [:]
    /// Each pointer variable's current element identity, 0 or 1, flipped as it steps (`p++`,
    /// `p += n`): see `PathKey.step`.
    var steps: [Int32: Int32] = [:]
    /// Variables whose address the body takes (see `valueTracked`), and those it assigns.
    var addressTaken: Set<Int32> = []
    var assignedVars: Set<Int32> = []

    init(tu: TranslationUnit, tuIndex: Int, function: Int32, library: LibraryModel, ownership: OwnershipResult, knowledge: ProgramKnowledge) {
        self.tu = tu; self.tuIndex = tuIndex; self.function = tu.functions[Int(function)]
        self.library = library; self.ownership = ownership; self.knowledge = knowledge
    }

    /// The object pointer parameter `k` points to on entry.
    static func parameterObject(_ k: Int) -> Int32 { Int32(-10 - k) }
    /// Objects of unknown origin read from access paths (`unknownObject`) are numbered down from here.
    static let firstLazyObject: Int32 = -600_000_000

    /// The object a pointer parameter points to on entry (not one read from memory later).
    func isParameterObject(_ id: Int32) -> Bool { id <= Self.parameterObject(0) && id > Self.parameterObject(function.params.count) }

    mutating func run() -> [Diagnostic] {
        (addressTaken, assignedVars) = scanVariables()
        for (k, v) in function.params.enumerated() where tu.isPointer(tu.variables[Int(v)].type) {
            let id = Self.parameterObject(k)
            info[id] = ObjectInfo(origin: .parameter, resource: "", owned: false, site: function.bodyStart, nullable: false, dependsOn: nil, maker: "")
            st.objects[id] = ObjectState(status: .live)
            st.bind[v] = [Ref(obj: id, offset: false)]
        }
        var i = function.bodyStart
        while i < function.bodyEnd {
            exec(i)
            i = tu.nodes[Int(i)].end
        }
        if st.reachable { exitPath(at: function.bodyStart, returned: [], endOfBody: true) }
        return found.values.sorted(by: Diagnostic.ordered)
    }

    // MARK: helpers

    @inline(__always) func node(_ i: Int32) -> Node { tu.nodes[Int(i)] }
    func kids(_ i: Int32) -> [Int32] { Array(tu.children(of: i)) }
    func isPointerNode(_ i: Int32) -> Bool { tu.isPointer(node(i).type) }
    func variable(_ v: Int32) -> Variable { tu.variables[Int(v)] }
    func isArrayVar(_ v: Int32) -> Bool {
        let t = variable(v).type
        return t >= 0 && tu.types[Int(t)].shape == .array
    }
    /// " by 'free'" for the call that released an object, from its release node.
    func releaser(_ s: ObjectState) -> String {
        guard s.releaseNode >= 0, node(s.releaseNode).kind == .call else { return "" }
        return " by '\(calleeName(s.releaseNode))'"
    }

    func isVaList(_ v: Int32) -> Bool {
        let t = variable(v).type
        return t >= 0 && tu.types[Int(t)].canonical.contains("__va_list_tag")
    }

    func calleeName(_ call: Int32) -> String {
        let n = node(call)
        return n.ref >= 0 ? tu.functions[Int(n.ref)].name : "?"
    }

    func loc(_ n: Int32, end: Bool = false) -> (String, Int, Int) {
        let l = end ? function.bodyEndLoc : tu.nodes[Int(n)].loc
        return (tu.fileName(l), Int(l.line), Int(l.column))
    }

    func describe(_ obj: Int32) -> String {
        guard let i = info[obj] else { return "the object" }
        switch i.origin {
        case .parameter:
            let k = Int(-10 - obj)
            if k >= 0 && k < function.params.count { return "'\(variable(function.params[k]).name)'" }
            return pathNames[obj] ?? "the object"
        case .stack(let v): return "'\(variable(v).name)'"
        case .staticData: return "static storage"
        case .allocation:
            // Name it by a variable that holds it, when one does.
            if let v = st.bind.filter({ $0.key >= 0 && $0.value.contains { $0.obj == obj } }).keys.min() {
                return "'\(variable(v).name)'" + (i.maker.isEmpty ? "" : " (from '\(i.maker)')")
            }
            return i.maker.isEmpty ? "the resource" : "the result of '\(i.maker)'"
        }
    }

    /// The name a pointer expression is known by in messages: `'p'` or the object's description.
    func name(of e: Int32, refs: [Ref]) -> String {
        let s = tu.strip(e)
        if node(s).kind == .varRef { return "'\(variable(node(s).ref).name)'" }
        return refs.first.map { describe($0.obj) } ?? "the pointer"
    }

    mutating func report(_ kind: DiagnosticKind, at n: Int32, certainty: Certainty, message: String, notes: [(Int32, String)],
                         atEnd: Bool = false, rust: String? = nil) {
        let (file, line, col) = loc(n, end: atEnd)
        let key = "\(kind.rawValue):\(line):\(col)"
        if let old = found[key], old.certainty == .definite || certainty == .possible { return }
        let ns = notes.filter { $0.0 >= 0 && !$0.1.isEmpty }.map { nn -> DiagnosticNote in
            let (f, l, c) = loc(nn.0)
            return DiagnosticNote(file: f, line: l, column: c, message: nn.1)
        }
        found[key] = Diagnostic(kind: kind, certainty: certainty, file: file, line: line, column: col,
                                function: function.name, message: message, notes: ns, rustRule: rust)
    }

    // MARK: objects

    /// The note for where an object comes from: made here, read here, or nothing for a parameter.
    func origin(_ obj: Int32) -> (Int32, String) {
        guard let i = info[obj] else { return (-1, "") }
        switch i.origin {
        case .allocation: return (i.site, "allocated here")
        case .parameter: return isParameterObject(obj) ? (-1, "") : (i.site, "read here")
        default: return (-1, "")
        }
    }

    mutating func newObject(at site: Int32, resource: String, nullable: Bool, maker: String, dependsOn: Int32? = nil) -> Ref {
        // The same site again (a loop): if the previous instance is already gone (moved into the
        // call that makes the new one: `head = push(head, x)`), overwriting its holder leaks nothing.
        if let old = st.objects[site], !old.status.contains(.live) || old.escaped { reborn.insert(site) } else { reborn.remove(site) }
        priorStatus[site] = st.objects[site]?.status
        info[site] = ObjectInfo(origin: .allocation, resource: resource, owned: true, site: site, nullable: nullable, dependsOn: dependsOn, maker: maker,
                                guardVar: guards.last?.0 ?? -1, guardTruth: guards.last?.1 ?? false)
        st.objects[site] = ObjectState(status: nullable ? [.live, .null] : .live)
        return Ref(obj: site, offset: false)
    }

    /// The pseudo-variable for `base->field` / `base.field`.
    mutating func pathVar(_ base: Int32, _ field: Int32) -> Int32 {
        let key = PathKey(base: base, field: field)
        if let id = paths[key] { return id }
        let id = Int32(-5_000_000) - Int32(paths.count)
        paths[key] = id
        pathsOf[base, default: []].append(id)
        return id
    }

    /// What `base->field` holds: a tracked value, or an object of unknown origin made on first
    /// read, one per (object base points to, field), so `n->next` and `n` are never confused.
    mutating func pathValue(_ base: Int32, _ field: Int32, at n: Int32) -> [Ref] {
        let pv = pathVar(base, field)
        if let refs = st.bind[pv] { return refs }
        let baseObj = st.bind[base]?.first?.obj ?? (-100 - base)
        let id = unknownObject(PathKey(base: baseObj, field: field, step: steps[base] ?? 0), base: base, field: field, at: n)
        if st.objects[id] == nil { st.objects[id] = ObjectState(status: .live, implicitLive: true) }
        st.bind[pv] = [Ref(obj: id, offset: false)]
        return [Ref(obj: id, offset: false)]
    }

    /// The id of the object of unknown origin known by `key`, made (with its name) the first time.
    mutating func unknownObject(_ key: PathKey, base: Int32, field: Int32, at n: Int32) -> Int32 {
        if let known = lazyIDs[key] { return known }
        nextLazy += 1
        let id = Self.firstLazyObject - nextLazy
        lazyIDs[key] = id
        info[id] = ObjectInfo(origin: .parameter, resource: "", owned: false, site: n, nullable: false, dependsOn: nil, maker: "")
        let b = variable(base)
        pathNames[id] = "'" + b.name + (tu.isPointer(b.type) ? "->" : ".") + tu.fields[Int(field)].name + "'"
        return id
    }

    /// The access path (base variable, field) an object was read from, if any.
    func pathOf(_ obj: Int32) -> (Int32, Int32)? {
        for (key, id) in paths where (st.bind[id] ?? []).contains(where: { $0.obj == obj }) { return (key.base, key.field) }
        return nil
    }

    /// The TU-local field id of program field `key` in the record `base` points to.
    func localField(_ key: Int32, of base: Int32) -> Int32? {
        let t = variable(base).type
        guard t >= 0 else { return nil }
        var ty = tu.types[Int(t)]
        if ty.shape == .pointer, ty.pointee >= 0 { ty = tu.types[Int(ty.pointee)] }
        guard ty.record >= 0 else { return nil }
        return tu.records[Int(ty.record)].fields.first { ownership.index.fieldKey(tu: tuIndex, field: $0) == key }
    }

    /// A new object of unknown origin now held by `base->field` (after a callee replaced it).
    mutating func freshUnknown(for base: Int32, _ field: Int32, at n: Int32) -> Ref {
        let id = unknownObject(PathKey(base: Int32(-800_000_000) - n, field: field), base: base, field: field, at: n)
        st.objects[id] = ObjectState(status: .live, implicitLive: true)
        return Ref(obj: id, offset: false)
    }

    /// Forgets what is known about `base`'s fields (a callee may have changed them): each
    /// field now holds something new, unknown and alive.
    mutating func havocPaths(of base: Int32, at n: Int32) {
        for (key, pv) in paths where key.base == base && st.bind[pv] != nil {
            st.bind[pv] = [freshUnknown(for: base, key.field, at: n)]
        }
    }

    /// A cursor stepped to another element: what was read through it belonged to the old one.
    /// Those objects no variable still holds are dropped from the state; the others keep their
    /// identity, and the next element's fields get others (two identities, alternating, so
    /// that a loop's passes reach the same state).
    mutating func stepped(_ v: Int32) {
        let old = steps[v] ?? 0
        steps[v] = old == 0 ? 1 : 0
        let read = Set((pathsOf[v] ?? []).flatMap { st.bind[$0] ?? [] }.map(\.obj))
        forgetPaths(of: v)
        guard !read.isEmpty else { return }
        let held = Set(st.bind.values.flatMap { $0 }.map(\.obj))
        for o in read where o <= Self.firstLazyObject && !held.contains(o) { st.objects[o] = nil }
    }

    /// The variable was given a new value: its fields are whatever the new object holds. When
    /// the new value is an object we do not track, its fields get new identities too.
    mutating func forgetPaths(of base: Int32) {
        for pv in pathsOf[base] ?? [] { st.bind[pv] = nil }
        if (st.bind[base] ?? []).isEmpty {
            let anonymous = -100 - base
            if lazyIDs.keys.contains(where: { $0.base == anonymous }) {
                lazyIDs = lazyIDs.filter { $0.key.base != anonymous }
            }
        }
    }

    mutating func stackObject(_ v: Int32) -> Ref {
        let id = Int32(-1_000_000) - v
        if info[id] == nil { info[id] = ObjectInfo(origin: .stack(v), resource: "", owned: false, site: -1, nullable: false, dependsOn: nil, maker: "") }
        if st.objects[id] == nil { st.objects[id] = ObjectState(status: .live) }
        return Ref(obj: id, offset: false)
    }

    mutating func staticObject() -> Ref {
        let id = Int32(-999_999)
        if info[id] == nil { info[id] = ObjectInfo(origin: .staticData, resource: "", owned: false, site: -1, nullable: false, dependsOn: nil, maker: "") }
        if st.objects[id] == nil { st.objects[id] = ObjectState(status: .live) }
        return Ref(obj: id, offset: false)
    }

    func isStackOrStatic(_ r: Ref) -> Bool {
        guard let i = info[r.obj] else { return false }
        switch i.origin { case .stack, .staticData: return true; default: return false }
    }

    mutating func escape(_ refs: [Ref]) {
        for r in refs { st.objects[r.obj]?.escaped = true }
    }

    /// A read or write through the pointer (or passing it on): checks released, moved and null.
    mutating func use(_ refs: [Ref], at n: Int32, what: String, deref: Bool, via e: Int32? = nil) {
        guard st.reachable else { return }
        for r in refs {
            guard let s = st.objects[r.obj], let i = info[r.obj], !reportedUse.contains(r.obj) else { continue }
            if !s.status.isDisjoint(with: .gone) {
                let certainty: Certainty = s.status.isSubset(of: .gone) ? .definite : .possible
                let subject = e.map { name(of: $0, refs: [r]) } ?? describe(r.obj)
                if s.reallocated, r.offset || (e.map { !sameVariableAsRelease($0) } ?? true) {
                    report(.releaseWhileBorrowed, at: s.releaseNode, certainty: certainty,
                           message: "\(describe(r.obj)) is reallocated while \(subject) still points into it", 
                           notes: [origin(r.obj), (s.releaseNode, "reallocated here"), (n, "the old pointer is used here")],
                           rust: "E0502")
                } else {
                    let how = s.status.contains(.moved) && !s.status.contains(.released) ? "moved" : "freed"
                    report(.useAfterFree, at: n, certainty: certainty,
                           message: "\(subject) is \(what) after being \(how)\(releaser(s))",
                           notes: [origin(r.obj), (s.releaseNode, how == "moved" ? "moved here" : "freed here"), (n, "used here")])
                }
                // One report per object: what follows from the same mistake is not new.
                reportedUse.insert(r.obj)
                st.objects[r.obj]?.escaped = true
            } else if deref, s.status.contains(.null), i.nullable {
                let subject = e.map { name(of: $0, refs: [r]) } ?? describe(r.obj)
                report(.nullUnchecked, at: n, certainty: s.status == .null || s.nullTests == 2 ? .definite : .possible,
                       message: "\(subject) may be null here: '\(i.maker)' can fail and its result is not checked",
                       notes: [origin(r.obj), (n, "dereferenced here")])
                st.objects[r.obj]?.status.remove(.null)
            }
        }
    }

    var lastReleasedVar: Int32 = -1
    func sameVariableAsRelease(_ e: Int32) -> Bool {
        let s = tu.strip(e)
        return node(s).kind == .varRef && node(s).ref == lastReleasedVar
    }

    /// Releases the objects behind a pointer (free, fclose, zmq_close, a callee that takes it).
    mutating func release(_ refs: [Ref], at n: Int32, resource: String?, by: String, kind: ReleaseKind, arg: Int32?) {
        guard st.reachable else { return }
        let mixed: Certainty = refs.count > 1 ? .possible : .definite
        for r in refs {
            guard let s = st.objects[r.obj], let i = info[r.obj] else { continue }
            let subject = arg.map { name(of: $0, refs: [r]) } ?? describe(r.obj)
            if isStackOrStatic(r) {
                do {
                    let what: String
                    switch i.origin {
                    case .stack(let v): what = isArrayVar(v) ? "the array '\(variable(v).name)'" : "the address of local '\(variable(v).name)'"
                    default: what = "memory that is not on the heap"
                    }
                    report(.freeNonHeap, at: n, certainty: mixed, message: "\(what) is released by '\(by)', which only takes memory from an allocator", notes: [])
                }
                continue
            }
            if r.offset {
                report(.freeOffset, at: n, certainty: mixed,
                       message: "\(subject) is released by '\(by)' after being advanced past the start of its allocation",
                       notes: [origin(r.obj), (n, "released here")])
            } else if !s.status.isDisjoint(with: .gone) {
                // Definite only when the pointer can hold nothing else (`b` is `a`'s block on
                // one branch and its own on the other: possible).
                let certainty: Certainty = s.status.isSubset(of: .gone) && refs.count == 1 ? .definite : .possible
                report(.doubleFree, at: n, certainty: certainty,
                       message: "\(subject) is released again by '\(by)' after being \(s.status.contains(.moved) && !s.status.contains(.released) ? "moved" : "freed")\(releaser(s))",
                       notes: [origin(r.obj), (s.releaseNode, "first released here"), (n, "released again here")])
            } else if let resource, kind != .move, !i.resource.isEmpty, i.resource != resource {
                report(.mismatchedDealloc, at: n, certainty: mixed,
                       message: "\(subject) comes from '\(i.maker)' (\(i.resource)) but is released by '\(by)' (\(resource))",
                       notes: [origin(r.obj), (n, "released here")])
            }
            // A field that borrows from the released one (`c->sock` made from `c->ctx`).
            if kind != .move, let (base, field) = pathOf(r.obj) {
                let fk = ownership.index.fieldKey(tu: tuIndex, field: field)
                for dep in knowledge.fieldsBorrowing[fk] ?? [] {
                    guard let local = localField(dep, of: base) else { continue }
                    let pv = pathVar(base, local)
                    let refs = st.bind[pv] ?? pathValue(base, local, at: n)
                    for d in refs where d.obj != r.obj {
                        if let ds = st.objects[d.obj], ds.status.contains(.live) {
                            report(.releaseWhileBorrowed, at: n, certainty: ds.status == .live ? .definite : .possible,
                                   message: "\(subject) is released by '\(by)' while \(describe(d.obj)), made from it, is still open",
                                   notes: [(n, "released here")])
                        }
                    }
                }
            }
            // Borrowers still alive: a socket whose context is destroyed.
            if kind != .move {
                for (oid, oinfo) in info where oinfo.dependsOn == r.obj {
                    if let os = st.objects[oid], os.status.contains(.live), !os.escaped {
                        report(.releaseWhileBorrowed, at: n, certainty: os.status == .live ? .definite : .possible,
                               message: "\(subject) is released by '\(by)' while \(describe(oid)) made from it is still open",
                               notes: [(oinfo.site, "made here, borrowing \(subject)"), (n, "released here")])
                    }
                }
            }
            var ns = s
            ns.status = kind == .move ? .moved : .released
            ns.releaseNode = n
            ns.reallocated = kind == .realloc
            st.objects[r.obj] = ns
        }
    }

    enum ReleaseKind { case release, realloc, move }

    // MARK: exits

    /// At a return (or the end of the body): every owned object still live and not handed on leaks.
    mutating func exitPath(at n: Int32, returned: [Ref], endOfBody: Bool = false) {
        guard st.reachable else { return }
        if exitStates != nil {
            for k in function.params.indices {
                let id = Self.parameterObject(k)
                if let s = st.objects[id] { exitStates![id, default: []].formUnion(s.status) }
            }
        }
        for p in pendingEscapes {
            let local = Int32(-1_000_000) - p.local
            guard let refs = st.bind[p.holder], refs.contains(where: { $0.obj == local }) else { continue }
            let holder = p.holder >= 0 ? "'\(variable(p.holder).name)'" : "an object"
            report(.stackAddressEscape, at: p.node, certainty: refs.count > 1 ? .possible : .definite,
                   message: "the address of local '\(variable(p.local).name)' is stored into \(holder), which outlives '\(function.name)'",
                   notes: endOfBody ? [] : [(n, "still there when the function returns")], rust: "E0597")
        }
        let kept = Set(returned.map(\.obj))
        for (id, s) in st.objects.sorted(by: { $0.key < $1.key }) {
            guard let i = info[id], i.owned, s.status.contains(.live), !s.escaped, !kept.contains(id) else { continue }
            let certainty: Certainty = s.status == .live ? .definite : .possible
            report(.leak, at: n, certainty: certainty,
                   message: "\(describe(id)) leaks: it is neither released nor handed on before this exit",
                   notes: [origin(id)], atEnd: endOfBody)
        }
        st = .unreachable
    }

    /// A variable rebound: what it held alone may now be unreachable.
    mutating func overwrite(_ v: Int32, at n: Int32) {
        guard let old = st.bind[v] else { return }
        for r in old {
            if reborn.contains(r.obj) { continue }
            guard let i = info[r.obj], i.owned, var s = st.objects[r.obj], s.status.contains(.live), !s.escaped else { continue }
            // Overwritten by a new instance from the same site (`w = open_writer()` in a loop):
            // the old one is the previous iteration's, and whether that one is still live
            // depends on how the iterations follow each other, which the walk does not know.
            var again = false
            if r.obj >= n, r.obj < node(n).end, let prior = priorStatus[r.obj] {
                guard prior.contains(.live) else { continue }
                s.status = prior
                again = true
            }
            let elsewhere = st.bind.contains { k, refs in k != v && refs.contains { $0.obj == r.obj } }
            if !elsewhere {
                report(.leak, at: n, certainty: s.status == .live && old.count == 1 && !again ? .definite : .possible,
                       message: "\(describe(r.obj)) leaks: '\(variable(v).name)', its only owner, is overwritten",
                       notes: [origin(r.obj), (n, "overwritten here")])
                st.objects[r.obj]?.escaped = true
            }
        }
    }
}

