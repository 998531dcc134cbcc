/// Ids by libclang pointer (a declaration, a type, a file): the walker asks once per node, so
/// this is open addressing with a multiplicative hash instead of `Dictionary`'s seeded hasher.
struct PointerMap {
    private var keys: [UInt]
    private var values: [Int32]
    private var count = 0
    private var shift: UInt64

    init(capacity: Int = 1024) {
        var bits = 4
        while (1 << bits) < capacity * 2 { bits += 1 }
        keys = Array(repeating: 0, count: 1 << bits)
        values = Array(repeating: 0, count: 1 << bits)
        shift = UInt64(64 - bits)
    }

    @inline(__always) private func start(_ k: UInt) -> Int {
        Int(truncatingIfNeeded: (UInt64(k) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    subscript(_ p: UnsafeRawPointer) -> Int32? {
        get { find(UInt(bitPattern: p)) }
        set { if let v = newValue { insert(UInt(bitPattern: p), v) } }
    }

    subscript(_ p: UnsafeMutableRawPointer) -> Int32? {
        get { find(UInt(bitPattern: p)) }
        set { if let v = newValue { insert(UInt(bitPattern: p), v) } }
    }

    @inline(__always) private func find(_ k: UInt) -> Int32? {
        let mask = keys.count - 1
        var i = start(k)
        while true {
            let key = keys[i]
            if key == k { return values[i] }
            if key == 0 { return nil }
            i = (i + 1) & mask
        }
    }

    private mutating func insert(_ k: UInt, _ v: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var i = start(k)
        while keys[i] != 0 && keys[i] != k { i = (i + 1) & mask }
        if keys[i] == 0 { count += 1; keys[i] = k }
        values[i] = v
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        let bits = 64 - Int(shift) + 1
        keys = Array(repeating: 0, count: 1 << bits)
        values = Array(repeating: 0, count: 1 << bits)
        shift = UInt64(64 - bits)
        count = 0
        for (i, k) in oldKeys.enumerated() where k != 0 { insert(k, oldValues[i]) }
    }
}
