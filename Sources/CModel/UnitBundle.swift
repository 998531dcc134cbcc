import Foundation

/// Several lowered units with their position in the whole run (a shard's share of a project),
/// in the binary form of `TranslationUnit.encoded()`.
/// The bundle also says which shard it is (K of N) and of which run (a hash of every unit of the
/// whole run, with its arguments), so that `merge` refuses an incomplete set of shards or a shard
/// of another project instead of analysing what it was given.
public enum UnitBundle {
    public struct Shard: Equatable, Sendable {
        public var k: Int, n: Int
        public var run: UInt64
        public init(k: Int, n: Int, run: UInt64) { self.k = k; self.n = n; self.run = run }
    }

    private static let magic: UInt32 = 0x4F58_5532   // "OXU2" ("OXUB": before shards were named)

    public static func encode(_ units: [(index: Int, unit: TranslationUnit)], shard: Shard) -> Data {
        var w = BinaryWriter()
        w.u32(magic)
        w.u32(UInt32(shard.k)); w.u32(UInt32(shard.n))
        w.u32(UInt32(truncatingIfNeeded: shard.run)); w.u32(UInt32(truncatingIfNeeded: shard.run >> 32))
        w.count(units.count)
        for (i, u) in units {
            let bytes = [UInt8](u.encoded())
            w.u32(UInt32(i)); w.count(bytes.count); w.bytes.append(contentsOf: bytes)
        }
        return Data(w.bytes)
    }

    public static func decode(_ data: Data) -> (shard: Shard, units: [(index: Int, unit: TranslationUnit)])? {
        var r = BinaryReader(bytes: [UInt8](data))
        guard r.u32() == magic, let k = r.u32(), let of = r.u32(), let lo = r.u32(), let hi = r.u32(),
              let n = r.count() else { return nil }
        var out: [(index: Int, unit: TranslationUnit)] = []
        for _ in 0..<n {
            guard let i = r.u32(), let len = r.count(), let bytes = r.take(len), let tu = TranslationUnit.decode(Data(bytes)) else { return nil }
            out.append((Int(i), tu))
        }
        guard r.atEnd else { return nil }
        let run: UInt64 = UInt64(hi) << 32 | UInt64(lo)
        return (Shard(k: Int(k), n: Int(of), run: run), out)
    }
}
