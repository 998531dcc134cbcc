/// A map keyed by `Place`, the solver's most frequent lookup: open addressing over the place
/// packed into one integer, with a multiplicative hash instead of `Dictionary`'s seeded hasher.
struct PlaceMap<Value> {
    fileprivate var keys: [UInt64] = []      // 0: empty; otherwise the packed place
    fileprivate var values: [Value?] = []
    fileprivate(set) var count = 0
    private var shift: UInt64 = 64

    init() {}

    @inline(__always) static func pack(_ p: Place) -> UInt64 {
        switch p {
        case .v(let v): return 1 << 40 | UInt64(UInt32(bitPattern: v))
        case .field(let f): return 2 << 40 | UInt64(UInt32(bitPattern: f))
        case .deref(let v): return 3 << 40 | UInt64(UInt32(bitPattern: v))
        case .ret: return 4 << 40
        }
    }

    @inline(__always) static func unpack(_ k: UInt64) -> Place {
        let v = Int32(bitPattern: UInt32(truncatingIfNeeded: k))
        switch k >> 40 {
        case 1: return .v(v)
        case 2: return .field(v)
        case 3: return .deref(v)
        default: return .ret
        }
    }

    @inline(__always) fileprivate func slot(of k: UInt64) -> (index: Int, found: Bool) {
        let mask = keys.count - 1
        var i = Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let key = keys[i]
            if key == k { return (i, true) }
            if key == 0 { return (i, false) }
            i = (i + 1) & mask
        }
    }

    subscript(_ p: Place) -> Value? {
        get {
            guard count > 0 else { return nil }
            let s = slot(of: Self.pack(p))
            return s.found ? values[s.index] : nil
        }
        set {
            guard let v = newValue else { return }   // removal is never needed
            if (count + 1) * 2 > keys.count { grow() }
            let k = Self.pack(p)
            let s = slot(of: k)
            if !s.found { keys[s.index] = k; count += 1 }
            values[s.index] = v
        }
    }

    /// Adds `p` when it is not there yet; true if it was added.
    @inline(__always) mutating func insert(_ p: Place, _ v: Value) -> Bool {
        if (count + 1) * 2 > keys.count { grow() }
        let k = Self.pack(p)
        let s = slot(of: k)
        guard !s.found else { return false }
        keys[s.index] = k
        values[s.index] = v
        count += 1
        return true
    }

    /// Empties the map, keeping its room.
    mutating func removeAll() {
        guard count > 0 else { return }
        for i in keys.indices { keys[i] = 0; values[i] = nil }
        count = 0
    }

    func forEach(_ body: (Place, Value) -> Void) {
        for (i, k) in keys.enumerated() where k != 0 { body(Self.unpack(k), values[i]!) }
    }

    fileprivate mutating func grow() {
        let oldKeys = keys, oldValues = values
        let size = max(16, keys.count * 2)
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: nil, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
        count = 0
        for (i, k) in oldKeys.enumerated() where k != 0 {
            let s = slot(of: k)
            keys[s.index] = k
            values[s.index] = oldValues[i]
            count += 1
        }
    }
}

extension PlaceMap where Value == [Src] {
    /// Appends to the list kept for `p` (in place), starting one if there is none.
    mutating func append(_ s: Src, to p: Place) {
        if (count + 1) * 2 > keys.count { grow() }
        let k = Self.pack(p)
        let found = slot(of: k)
        if found.found { values[found.index]!.append(s) }
        else { keys[found.index] = k; values[found.index] = [s]; count += 1 }
    }
}
