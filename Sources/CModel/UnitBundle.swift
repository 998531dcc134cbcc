import Foundation

/// Several lowered units with their position in the whole run (a shard's share of a project),
/// in the binary form of `TranslationUnit.encoded()`.
public enum UnitBundle {
    public static func encode(_ units: [(index: Int, unit: TranslationUnit)]) -> Data {
        var w = BinaryWriter()
        w.u32(0x4F58_5542)   // "OXUB"
        w.count(units.count)
        for (i, u) in units {
            let bytes = [UInt8](u.encoded())
            w.u32(UInt32(i)); w.count(bytes.count); w.bytes.append(contentsOf: bytes)
        }
        return Data(w.bytes)
    }

    public static func decode(_ data: Data) -> [(index: Int, unit: TranslationUnit)]? {
        var r = BinaryReader(bytes: [UInt8](data))
        guard r.u32() == 0x4F58_5542, let n = r.count() else { return nil }
        var out: [(Int, TranslationUnit)] = []
        for _ in 0..<n {
            guard let i = r.u32(), let len = r.count(), let bytes = r.take(len), let tu = TranslationUnit.decode(Data(bytes)) else { return nil }
            out.append((Int(i), tu))
        }
        return r.atEnd ? out : nil
    }
}
