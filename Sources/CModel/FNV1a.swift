/// FNV-1a, 64 bits: the one stable hash of the project (cache keys, shard assignment, SARIF
/// fingerprints). Stable across runs and machines, unlike Swift's seeded `Hasher`.
public enum FNV1a {
    public static func hash<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return h
    }

    public static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        bytes.withUnsafeBufferPointer { p in for b in p { h = (h ^ UInt64(b)) &* 0x100000001b3 } }
        return h
    }

    public static func hash(_ s: String) -> UInt64 { hash(s.utf8) }
}
