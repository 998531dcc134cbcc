import CModel

/// Possible states of one tracked object on the paths reaching a point (a bit set: after a
/// join it holds every state some path gives; one bit means "on every path").
struct Status: OptionSet, Hashable {
    let rawValue: UInt8
    static let live = Status(rawValue: 1)
    static let null = Status(rawValue: 2)
    static let released = Status(rawValue: 4)
    static let moved = Status(rawValue: 8)
    static let gone: Status = [.released, .moved]
}

/// A pointer value: an object, possibly advanced past its start.
struct Ref: Hashable {
    var obj: Int32
    var offset: Bool
}

/// What never changes about an object during the walk: where it comes from.
struct ObjectInfo {
    enum Origin: Equatable { case allocation, parameter, stack(Int32), staticData }
    var origin: Origin
    var resource: String
    /// Created in this function (its owner must release or hand it on).
    var owned: Bool
    /// The allocation or initialisation node.
    var site: Int32
    var nullable: Bool
    /// An object this one borrows from (a socket's context).
    var dependsOn: Int32?
    /// How it was made (`malloc`), for messages.
    var maker: String
    /// Made only when plain variable `guardVar` tested `guardTruth` (`flag ? popen() : fopen()`).
    var guardVar: Int32 = -1
    var guardTruth = false
}

/// The mutable part, per path.
struct ObjectState: Hashable {
    var status: Status
    var escaped = false
    var releaseNode: Int32 = -1
    var reallocated = false
    /// Released by a realloc whose result is this object: revived if that result is null.
    var reallocInto: Int32 = -1
    /// Read from memory the function did not make: where a path has not read it, it is live.
    var implicitLive = false
    /// Null tests seen: 1 = some path tested it, 2 = some path did not.
    var nullTests: UInt8 = 2
}

/// What a call's success or failure (its result tested afterwards) means for an object.
struct CallEffect: Hashable {
    /// `emptiedOnSuccess`: taken over on success, leaving the value empty and usable
    /// (`zmq_msg_send`); on failure it is still the caller's to release.
    enum Kind: Hashable { case initialised, movedOnSuccess, emptiedOnSuccess }
    var kind: Kind
    var obj: Int32
}

/// The abstract state of one path (or of several joined): variable bindings and object states.
/// Learnt where two paths join: object `obj` is live exactly where variable `v` is non-null
/// (`w = open_writer(out)` on one path, `close_writer(w); out = NULL;` on the other). A later
/// test of `v` then says what `obj` is. Valid while `v` and `obj` are as they were then.
struct Correlation: Hashable {
    var v: Int32
    var obj: Int32
    var refs: [Ref]
    var status: Status
}

struct PathState {
    var reachable = true
    var bind: [Int32: [Ref]] = [:]
    var objects: [Int32: ObjectState] = [:]
    var correlations: [Correlation] = []
    /// Variables null on some joined path and not on another (their bindings cannot say so:
    /// the join of `[]` and `[F]` is `[F]`).
    var maybeNull: Set<Int32> = []
    /// Variables known null on every path here (assigned `NULL`, or tested null).
    var nullVars: Set<Int32> = []

    static let unreachable = PathState(reachable: false)

    /// The join of two paths: every binding and every state either path allows.
    func joined(_ o: PathState) -> PathState {
        if !reachable { return o }
        if !o.reachable { return self }
        // An object no variable reaches on one side cannot be used through the other side's
        // bindings in a way that side allows: its state there is the other side's alone.
        // (Reachability is only computed when some object's states differ.)
        var mine = Set<Int32>(), theirs = Set<Int32>()
        var differ = false
        for (id, s) in o.objects where objects[id].map({ $0 != s }) ?? false { differ = true; break }
        if differ { mine = reachableObjects(); theirs = o.reachableObjects() }
        var r = self
        r.maybeNull.formUnion(o.maybeNull)
        r.nullVars = nullVars.intersection(o.nullVars)
        for v in nullVars.symmetricDifference(o.nullVars) where bind[v] != nil && o.bind[v] != nil { r.maybeNull.insert(v) }
        for (v, refs) in o.bind {
            if let mine = r.bind[v] {
                var u = mine
                for x in refs where !u.contains(x) { u.append(x) }
                r.bind[v] = u
            } else {
                r.bind[v] = refs
            }
        }
        for (id, s) in o.objects {
            if var m = r.objects[id] {
                if m == s { continue }
                let inMine = mine.contains(id), inTheirs = theirs.contains(id)
                if inTheirs && !inMine { r.objects[id] = s; continue }
                if inMine && !inTheirs { continue }
                m.status.formUnion(s.status)
                m.escaped = m.escaped || s.escaped
                if m.releaseNode < 0 { m.releaseNode = s.releaseNode }
                m.reallocated = m.reallocated || s.reallocated
                m.nullTests |= s.nullTests
                r.objects[id] = m
            } else {
                var t = s
                if t.implicitLive { t.status.insert(.live) }
                r.objects[id] = t
            }
        }
        for (id, var m) in r.objects where o.objects[id] == nil && m.implicitLive {
            m.status.insert(.live)
            r.objects[id] = m
        }
        r.correlations = correlate(o, into: r)
        return r
    }

    /// Whether `v` is null on every path of this state (true), non-null on every one (false).
    func nullness(_ v: Int32) -> Bool? {
        if nullVars.contains(v) { return true }
        guard let b = bind[v], !b.isEmpty else { return nil }
        if b.allSatisfy({ objects[$0.obj]?.status == .null }) { return true }
        if maybeNull.contains(v) { return nil }
        if b.allSatisfy({ !$0.offset && objects[$0.obj].map { !$0.status.contains(.null) } ?? false }) { return false }
        return nil
    }

    /// Whether this state agrees that `obj` is live exactly where `v` is non-null.
    func agrees(_ v: Int32, _ obj: Int32) -> Bool {
        if correlations.contains(where: { $0.v == v && $0.obj == obj && bind[v] == $0.refs && objects[obj]?.status == $0.status }) { return true }
        guard let n = nullness(v) else { return false }
        let s = objects[obj]?.status
        return n ? (s == nil || s!.isSubset(of: .gone)) : s == .live
    }

    /// The correlations that hold on both sides of a join (`r` is the joined state): those
    /// either side knew, and new ones where an object is live on one side and gone on the
    /// other while a variable is non-null on the first and null on the second.
    func correlate(_ o: PathState, into r: PathState) -> [Correlation] {
        var pairs: [(Int32, Int32)] = []
        for c in correlations + o.correlations where !pairs.contains(where: { $0 == (c.v, c.obj) }) {
            if agrees(c.v, c.obj), o.agrees(c.v, c.obj) { pairs.append((c.v, c.obj)) }
        }
        // Candidates: variables known null on one side only.
        let candidates = nullVars.symmetricDifference(o.nullVars).filter { v in
            guard let a = nullness(v), let b = o.nullness(v) else { return false }
            return a != b
        }
        if !candidates.isEmpty {
            var split: [Int32] = []
            func gone(_ s: ObjectState?) -> Bool { s.map { $0.status.isSubset(of: .gone) } ?? true }
            for (id, m) in objects where (m.status == .live && gone(o.objects[id])) || (gone(m) && o.objects[id]?.status == .live) { split.append(id) }
            for (id, s) in o.objects where objects[id] == nil && s.status == .live { split.append(id) }
            for v in candidates.sorted() {
                for id in split where !pairs.contains(where: { $0 == (v, id) }) && agrees(v, id) && o.agrees(v, id) { pairs.append((v, id)) }
            }
        }
        return pairs.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.compactMap { v, id in
            guard let refs = r.bind[v], let st = r.objects[id]?.status else { return nil }
            return Correlation(v: v, obj: id, refs: refs, status: st)
        }
    }

    func reachableObjects() -> Set<Int32> {
        var out = Set<Int32>()
        for refs in bind.values { for r in refs { out.insert(r.obj) } }
        return out
    }

    func sameAs(_ o: PathState) -> Bool {
        reachable == o.reachable && objects == o.objects && bind.count == o.bind.count
            && bind.allSatisfy { k, v in Set(o.bind[k] ?? []) == Set(v) }
    }
}
