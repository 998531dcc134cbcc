import CModel

/// A map keyed by `Place`, the solver's most frequent lookup: the place packed into one integer
/// of an `IntKeyMap`.
struct PlaceMap<Value> {
    private var map = IntKeyMap<Value>()

    @inline(__always) static func pack(_ p: Place) -> UInt64 {
        switch p {
        case .v(let v): return 1 << 40 | UInt64(UInt32(bitPattern: v))
        case .field(let f): return 2 << 40 | UInt64(UInt32(bitPattern: f))
        case .deref(let v): return 3 << 40 | UInt64(UInt32(bitPattern: v))
        case .ret: return 4 << 40
        }
    }

    subscript(_ p: Place) -> Value? {
        get { map[Self.pack(p)] }
        set { map[Self.pack(p)] = newValue }
    }

    /// Adds `p` when it is not there yet; true if it was added.
    @inline(__always) mutating func insert(_ p: Place, _ v: Value) -> Bool { map.insert(Self.pack(p), v) }

    /// Empties the map, keeping its room.
    mutating func removeAll() { map.removeAll() }
}

extension PlaceMap where Value == [Src] {
    /// Appends to the list kept for `p` (in place), starting one if there is none.
    mutating func append(_ s: Src, to p: Place) {
        map.modify(Self.pack(p), initial: []) { $0.append(s) }
    }
}
extension PlaceMap: Sendable where Value: Sendable {}
