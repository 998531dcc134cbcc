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
    enum Kind: Hashable { case initialised, movedOnSuccess }
    var kind: Kind
    var obj: Int32
}

/// The abstract state of one path (or of several joined): variable bindings and object states.
struct PathState {
    var reachable = true
    var bind: [Int32: [Ref]] = [:]
    var objects: [Int32: ObjectState] = [:]

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
        return r
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
