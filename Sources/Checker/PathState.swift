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

/// Learnt where two paths join: object `obj` exists exactly where variable `v` is non-zero
/// (`w = open_writer(out)` on one path, `close_writer(w); out = NULL;` on the other), or
/// exactly where it is zero (`whenZero`: `if (!found) { in = fopen(..); found = 1; }`). A
/// later test of `v` then says whether `obj` is there. Valid while `v` and `obj` are as they
/// were then: assigning `v` drops it, and a changed binding or state no longer matches.
struct Correlation: Hashable {
    var v: Int32
    var obj: Int32
    var whenZero: Bool
    var refs: [Ref]
    var status: Status

    /// Still the object's state it was learnt for: released or moved on the same paths (a
    /// null test since, which only narrows live and null, does not matter).
    func matches(_ s: Status) -> Bool {
        s.intersection(.gone) == status.intersection(.gone) && s.isDisjoint(with: [.live, .null]) == status.isDisjoint(with: [.live, .null])
    }

    /// Still valid in `state`: `v` holds what it held and `obj` is in the state it was in.
    func holds(in state: PathState) -> Bool {
        state.bind[v] == refs && (state.objects[obj].map { matches($0.status) } ?? false)
    }
}

/// The abstract state of one path (or of several joined): variable bindings and object states.
struct PathState {
    var reachable = true
    var bind: [Int32: [Ref]] = [:]
    var objects: [Int32: ObjectState] = [:]
    var correlations: [Correlation] = []
    /// Variables null on some joined path and not on another (their bindings cannot say so:
    /// the join of `[]` and `[F]` is `[F]`).
    var maybeNull: Set<Int32> = []
    /// Variables known null or zero on every path here (assigned `NULL` or `0`, or tested so).
    var nullVars: Set<Int32> = []
    /// Integer variables known non-zero on every path here (`found = 1`, or tested so).
    var nonZeroVars: Set<Int32> = []

    static let unreachable = PathState(reachable: false)

    /// The join of two paths: every binding and every state either path allows.
    func joined(_ other: PathState) -> PathState {
        if !reachable { return other }
        if !other.reachable { return self }
        let o = aligned(other)
        // An object no variable reaches on one side cannot be used through the other side's
        // bindings in a way that side allows: its state there is the other side's alone.
        // (Reachability is only computed when some object's states differ.)
        var mine = Set<Int32>(), theirs = Set<Int32>()
        var differ = false
        for (id, s) in o.objects where objects[id].map({ $0 != s }) ?? false { differ = true; break }
        if differ { mine = reachableObjects(); theirs = o.reachableObjects() }
        var r = self
        // What is known about values: only what both sides know (most joins: the same).
        let zeroOnOneSide: Set<Int32> = nullVars == o.nullVars ? [] : nullVars.symmetricDifference(o.nullVars)
        if !o.maybeNull.isEmpty { r.maybeNull.formUnion(o.maybeNull) }
        if !zeroOnOneSide.isEmpty {
            r.nullVars = nullVars.intersection(o.nullVars)
            for v in zeroOnOneSide where bind[v] != nil && o.bind[v] != nil { r.maybeNull.insert(v) }
        }
        if nonZeroVars != o.nonZeroVars { r.nonZeroVars = nonZeroVars.intersection(o.nonZeroVars) }
        for (v, refs) in o.bind {
            if let mine = r.bind[v] {
                // Most bindings are the same on both sides: no write, no copy.
                if mine == refs || refs.allSatisfy(mine.contains) { continue }
                var u = mine
                for x in refs where !u.contains(x) { u.append(x) }
                r.bind[v] = u
            } else {
                r.bind[v] = refs
            }
        }
        // Objects made in the function whose states differ, or that one side has not: where a
        // correlation can be learnt (see `correlate`).
        var split: [Int32] = []
        for (id, s) in o.objects {
            if var m = r.objects[id] {
                if m == s { continue }
                if id >= 0, m.status.isDisjoint(with: .gone) != s.status.isDisjoint(with: .gone) { split.append(id) }
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
                if id >= 0, !zeroOnOneSide.isEmpty, s.status.isDisjoint(with: .gone) { split.append(id) }
            }
        }
        for (id, var m) in r.objects where o.objects[id] == nil {
            if id >= 0, !zeroOnOneSide.isEmpty, m.status.isDisjoint(with: .gone) { split.append(id) }
            guard m.implicitLive else { continue }
            m.status.insert(.live)
            r.objects[id] = m
        }
        if !correlations.isEmpty || !o.correlations.isEmpty || (!zeroOnOneSide.isEmpty && !split.isEmpty) {
            r.correlations = correlate(o, into: r, zeroOnOneSide: zeroOnOneSide, split: split)
        }
        return r
    }

    /// `o` with the objects it holds renamed to this state's where the two differ only by
    /// which variable holds which: owners swapped through a temporary (`tmp = a; a = b;
    /// b = tmp;`) on one side. Object identities are names the walk gives; what matters is what
    /// each variable holds and its state, so the join then keeps `a` and `b` apart instead of
    /// letting each hold either. Only objects made in the function, each held by exactly one
    /// variable on both sides, renamed by a permutation.
    func aligned(_ o: PathState) -> PathState {
        var map: [Int32: Int32] = [:]   // o's object -> this state's
        for (v, theirs) in o.bind {
            guard theirs.count == 1, let mine = bind[v], mine.count == 1, mine[0] != theirs[0] else { continue }
            let x = mine[0], y = theirs[0]
            guard x.obj >= 0, y.obj >= 0, !x.offset, !y.offset else { continue }
            if let known = map[y.obj], known != x.obj { return o }
            map[y.obj] = x.obj
        }
        guard !map.isEmpty, Set(map.keys) == Set(map.values), Set(map.values).count == map.count else { return o }
        // Each renamed object is held by one variable on each side, and exists on both.
        func heldOnce(_ s: PathState, _ id: Int32) -> Bool {
            var n = 0
            for refs in s.bind.values where refs.contains(where: { $0.obj == id }) { n += refs.count == 1 ? 1 : 2 }
            return n == 1 && s.objects[id] != nil
        }
        for (y, x) in map where !heldOnce(o, y) || !heldOnce(self, x) { return o }
        var r = o
        for (v, refs) in o.bind { r.bind[v] = refs.map { map[$0.obj].map { Ref(obj: $0, offset: false) } ?? $0 } }
        for (y, x) in map { r.objects[x] = o.objects[y] }
        r.correlations.removeAll { map[$0.obj] != nil }
        return r
    }

    /// Whether `v` is null (zero) on every path of this state (true), non-null (non-zero) on every
    /// one (false).
    func nullness(_ v: Int32) -> Bool? {
        if nullVars.contains(v) { return true }
        if nonZeroVars.contains(v) { return false }
        guard let b = bind[v], !b.isEmpty else { return nil }
        if b.allSatisfy({ objects[$0.obj]?.status == .null }) { return true }
        if maybeNull.contains(v) { return nil }
        if b.allSatisfy({ !$0.offset && objects[$0.obj].map { !$0.status.contains(.null) } ?? false }) { return false }
        return nil
    }

    /// Whether this state agrees that `obj` exists exactly where `v` is non-zero (or zero).
    func agrees(_ v: Int32, _ obj: Int32, whenZero: Bool) -> Bool {
        if correlations.contains(where: { $0.v == v && $0.obj == obj && $0.whenZero == whenZero && $0.holds(in: self) }) {
            return true
        }
        guard let zero = nullness(v) else { return false }
        let s = objects[obj]?.status
        let alive = s.map { $0.isDisjoint(with: .gone) } ?? false
        let dead = s.map { $0.isSubset(of: .gone) } ?? true
        return zero == whenZero ? alive : dead
    }

    /// The correlations that hold on both sides of a join (`r` is the joined state): those
    /// either side knew, and new ones where an object made in the function exists on one side
    /// and not on the other while a variable is zero on one and non-zero on the other.
    func correlate(_ o: PathState, into r: PathState, zeroOnOneSide: Set<Int32>, split: [Int32]) -> [Correlation] {
        var pairs: [(v: Int32, obj: Int32, whenZero: Bool)] = []
        func known(_ v: Int32, _ obj: Int32) -> Bool { pairs.contains { $0.v == v && $0.obj == obj } }
        for c in correlations + o.correlations where !known(c.v, c.obj) {
            if agrees(c.v, c.obj, whenZero: c.whenZero), o.agrees(c.v, c.obj, whenZero: c.whenZero) { pairs.append((c.v, c.obj, c.whenZero)) }
        }
        let candidates = zeroOnOneSide.filter { v in
            guard let a = nullness(v), let b = o.nullness(v) else { return false }
            return a != b
        }
        for v in candidates.sorted() {
            for id in split.sorted() where !known(v, id) {
                for whenZero in [false, true] where agrees(v, id, whenZero: whenZero) && o.agrees(v, id, whenZero: whenZero) {
                    pairs.append((v, id, whenZero))
                }
            }
        }
        return pairs.sorted { ($0.v, $0.obj) < ($1.v, $1.obj) }.compactMap { p in
            guard let refs = r.bind[p.v], let st = r.objects[p.obj]?.status else { return nil }
            return Correlation(v: p.v, obj: p.obj, whenZero: p.whenZero, refs: refs, status: st)
        }
    }

    func reachableObjects() -> Set<Int32> {
        var out = Set<Int32>()
        for refs in bind.values { for r in refs { out.insert(r.obj) } }
        return out
    }

    func sameAs(_ o: PathState) -> Bool {
        reachable == o.reachable && objects == o.objects && bind.count == o.bind.count
            && bind.allSatisfy { k, v in
                let w = o.bind[k] ?? []
                return w == v || Set(w) == Set(v)
            }
    }
}
