/// A map keyed by nonzero 64-bit integers (libclang pointers, packed solver places): the stages'
/// most frequent lookups. Open addressing with linear probing and a multiplicative hash, so a
/// lookup costs one multiply, where `Dictionary` seeds and runs a full hasher. Entries are never
/// removed one by one.
public struct IntKeyMap<Value> {
    @usableFromInline var keys: [UInt64] = []        // 0: empty
    @usableFromInline var values: [Value?] = []
    @usableFromInline var shift: UInt64 = 64
    @usableFromInline var used = 0
    public var count: Int { used }

    /// `capacity`: how many entries it takes before it first grows.
    public init(capacity: Int = 8) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        allocate(size)
    }

    @usableFromInline mutating func allocate(_ size: Int) {
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: nil, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    /// Where `k` is, or the empty slot where it would go.
    @inlinable func slot(_ k: UInt64) -> (index: Int, found: Bool) {
        let mask = keys.count - 1
        var i = Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let key = keys[i]
            if key == k { return (i, true) }
            if key == 0 { return (i, false) }
            i = (i + 1) & mask
        }
    }

    @inlinable public subscript(_ k: UInt64) -> Value? {
        get {
            let s = slot(k)
            return s.found ? values[s.index] : nil
        }
        set {
            guard let v = newValue else { return }
            _ = update(k, v, replacing: true)
        }
    }

    /// Adds `k` when it is not there yet; true if it was added.
    @inlinable public mutating func insert(_ k: UInt64, _ v: Value) -> Bool {
        update(k, v, replacing: false)
    }

    @inlinable mutating func update(_ k: UInt64, _ v: Value, replacing: Bool) -> Bool {
        if (used + 1) * 2 > keys.count { grow() }
        let s = slot(k)
        if s.found {
            if replacing { values[s.index] = v }
            return false
        }
        keys[s.index] = k
        values[s.index] = v
        used += 1
        return true
    }

    /// Changes the value kept for `k` in place, starting from `initial` when there is none.
    @inlinable public mutating func modify(_ k: UInt64, initial: @autoclosure () -> Value, _ body: (inout Value) -> Void) {
        if (used + 1) * 2 > keys.count { grow() }
        let s = slot(k)
        if !s.found {
            keys[s.index] = k
            values[s.index] = initial()
            used += 1
        }
        body(&values[s.index]!)
    }

    /// Empties the map, keeping its room.
    @inlinable public mutating func removeAll() {
        guard used > 0 else { return }
        for i in keys.indices where keys[i] != 0 { keys[i] = 0; values[i] = nil }
        used = 0
    }

    @usableFromInline mutating func grow() {
        let oldKeys = keys, oldValues = values
        allocate(keys.count * 2)
        used = 0
        for (i, k) in oldKeys.enumerated() where k != 0 {
            let s = slot(k)
            keys[s.index] = k
            values[s.index] = oldValues[i]
            used += 1
        }
    }
}
extension IntKeyMap: Sendable where Value: Sendable {}
