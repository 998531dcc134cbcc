import Foundation

/// A compact binary form of a lowered translation unit, for the on-disk cache: little-endian
/// integers, length-prefixed UTF-8 strings, arrays with a count. `decode` checks every length
/// against the bytes left and returns nil on anything malformed; it never traps.
extension TranslationUnit {
    public static let binaryVersion: UInt32 = 5

    public func encoded() -> Data {
        var w = BinaryWriter()
        w.u32(Self.binaryVersion)
        w.str(mainFile)
        w.i32(share); w.i32(shareCount)
        w.count(files.count); for f in files { w.str(f) }
        w.count(fileIsSystem.count); for b in fileIsSystem { w.bool(b) }
        w.count(inputs.count); for f in inputs { w.str(f) }
        w.count(strings.count); for x in strings { w.str(x) }
        w.count(types.count)
        for t in types {
            w.str(t.spelling); w.u8(t.shape.rawValue); w.i32(t.pointee); w.bool(t.pointeeConst); w.i32(t.record)
            w.i32(t.size); w.bool(t.signed); w.i64(t.count); w.str(t.canonical); w.str(t.canonicalBare); w.str(t.bare)
        }
        w.count(variables.count)
        for v in variables { w.str(v.name); w.i32(v.type); w.loc(v.loc); w.u8(v.storage.rawValue); w.i32(v.function); w.i32(v.paramIndex); w.u8(v.hasCleanup ? 1 : 0) }
        w.count(fields.count)
        for f in fields { w.str(f.name); w.i32(f.type); w.i32(f.record); w.loc(f.loc) }
        w.count(records.count)
        for r in records { w.str(r.name); w.bool(r.isUnion); w.loc(r.loc); w.ints(r.fields); w.bool(r.isUserDefined) }
        w.count(functions.count)
        for f in functions {
            w.str(f.name); w.loc(f.loc); w.i32(f.returnType); w.ints(f.params); w.ints(f.paramTypes); w.bool(f.isVariadic)
            w.bool(f.isStatic); w.i32(f.bodyStart); w.i32(f.bodyEnd); w.bool(f.isSystem); w.loc(f.bodyEndLoc); w.bool(f.isDefined)
            let a = f.attributes
            w.bool(a.returnsOwned); w.ints(a.takes); w.ints(a.holds); w.ints(a.nonnull); w.bool(a.nonnullAll); w.bool(a.noreturn)
        }
        w.count(nodes.count)
        for n in nodes {
            w.u8(n.kind.rawValue); w.u8(n.op); w.u8(n.flags.rawValue); w.i32(n.end); w.i32(n.type); w.i32(n.ref); w.i64(n.value); w.loc(n.loc)
        }
        return Data(w.bytes)
    }

    public static func decode(_ data: Data) -> TranslationUnit? {
        var r = BinaryReader(bytes: [UInt8](data))
        guard r.u32() == binaryVersion, let main = r.str() else { return nil }
        var tu = TranslationUnit(mainFile: main)
        guard let share = r.i32(), let shareCount = r.i32(), shareCount >= 1, share >= 0, share < shareCount else { return nil }
        tu.share = share; tu.shareCount = shareCount
        guard let nf = r.count() else { return nil }
        for _ in 0..<nf { guard let s = r.str() else { return nil }; tu.files.append(s) }
        guard let ns = r.count() else { return nil }
        for _ in 0..<ns { guard let b = r.bool() else { return nil }; tu.fileIsSystem.append(b) }
        guard let ni = r.count() else { return nil }
        for _ in 0..<ni { guard let s = r.str() else { return nil }; tu.inputs.append(s) }
        guard let nstr = r.count() else { return nil }
        for _ in 0..<nstr { guard let s = r.str() else { return nil }; tu.strings.append(s) }
        guard let nt = r.count() else { return nil }
        for _ in 0..<nt {
            guard let sp = r.str(), let shape = r.u8().flatMap(TypeShape.init(rawValue:)), let pointee = r.i32(), let pc = r.bool(),
                  let rec = r.i32(), let size = r.i32(), let signed = r.bool(), let count = r.i64(), let canon = r.str(),
                  let cbare = r.str(), let bare = r.str() else { return nil }
            var t = CType(spelling: sp, shape: shape, pointee: pointee, pointeeConst: pc, record: rec, size: size, signed: signed,
                          count: count, canonical: canon)
            t.canonicalBare = cbare; t.bare = bare
            tu.types.append(t)
        }
        guard let nv = r.count() else { return nil }
        for _ in 0..<nv {
            guard let name = r.str(), let type = r.i32(), let loc = r.loc(), let st = r.u8().flatMap(StorageClass.init(rawValue:)),
                  let fn = r.i32(), let pi = r.i32(), let cleanup = r.u8() else { return nil }
            tu.variables.append(Variable(name: name, type: type, loc: loc, storage: st, function: fn, paramIndex: pi))
            tu.variables[tu.variables.count - 1].hasCleanup = cleanup != 0
        }
        guard let nfl = r.count() else { return nil }
        for _ in 0..<nfl {
            guard let name = r.str(), let type = r.i32(), let rec = r.i32(), let loc = r.loc() else { return nil }
            tu.fields.append(Field(name: name, type: type, record: rec, loc: loc))
        }
        guard let nr = r.count() else { return nil }
        for _ in 0..<nr {
            guard let name = r.str(), let u = r.bool(), let loc = r.loc(), let fields = r.ints(), let user = r.bool() else { return nil }
            tu.records.append(Record(name: name, isUnion: u, loc: loc, fields: fields, isUserDefined: user))
        }
        guard let nfn = r.count() else { return nil }
        for _ in 0..<nfn {
            guard let name = r.str(), let loc = r.loc(), let rt = r.i32(), let params = r.ints(), let pts = r.ints(), let va = r.bool(),
                  let st = r.bool(), let bs = r.i32(), let be = r.i32(), let sys = r.bool(), let endLoc = r.loc(), let defined = r.bool(),
                  let ro = r.bool(), let takes = r.ints(), let holds = r.ints(), let nn = r.ints(), let nna = r.bool(), let nr = r.bool()
            else { return nil }
            var a = OwnershipAttributes()
            a.returnsOwned = ro; a.takes = takes; a.holds = holds; a.nonnull = nn; a.nonnullAll = nna; a.noreturn = nr
            var f = Function(name: name, loc: loc, returnType: rt, params: params, paramTypes: pts, isVariadic: va, isStatic: st,
                             bodyStart: bs, bodyEnd: be, isSystem: sys, attributes: a)
            f.bodyEndLoc = endLoc
            f.isDefined = defined
            tu.functions.append(f)
        }
        guard let nn = r.count() else { return nil }
        tu.nodes.reserveCapacity(nn)
        for _ in 0..<nn {
            guard let kind = r.u8().flatMap(NodeKind.init(rawValue:)), let op = r.u8(), let flags = r.u8(), let end = r.i32(),
                  let type = r.i32(), let ref = r.i32(), let value = r.i64(), let loc = r.loc() else { return nil }
            tu.nodes.append(Node(kind: kind, op: op, flags: NodeFlags(rawValue: flags), end: end, type: type, ref: ref, value: value, loc: loc))
        }
        guard r.atEnd, tu.isConsistent else { return nil }
        return tu
    }

    /// Every id in range: a decoded unit that passes this cannot make the analysis trap.
    var isConsistent: Bool {
        let nt = Int32(types.count), nv = Int32(variables.count), nf = Int32(fields.count)
        let nr = Int32(records.count), nfn = Int32(functions.count), nn = Int32(nodes.count), nfiles = Int32(files.count)
        func t(_ x: Int32) -> Bool { x >= -1 && x < nt }
        func l(_ x: SourceLoc) -> Bool { x.file >= -1 && x.file < nfiles }
        guard fileIsSystem.count == files.count else { return false }
        for x in types where !(t(x.pointee) && x.record >= -1 && x.record < nr) { return false }
        for v in variables where !(t(v.type) && l(v.loc) && v.function >= -1 && v.function < nfn) { return false }
        for f in fields where !(t(f.type) && f.record >= -1 && f.record < nr && l(f.loc)) { return false }
        for r in records where !(l(r.loc) && r.fields.allSatisfy { $0 >= 0 && $0 < nf }) { return false }
        for f in functions {
            guard t(f.returnType), l(f.loc), l(f.bodyEndLoc), f.params.allSatisfy({ $0 >= 0 && $0 < nv }), f.paramTypes.allSatisfy(t),
                  f.bodyStart >= 0, f.bodyEnd >= f.bodyStart, f.bodyEnd <= nn else { return false }
        }
        for (i, n) in nodes.enumerated() {
            guard n.end > Int32(i), n.end <= nn, t(n.type), l(n.loc) else { return false }
            switch n.kind {
            case .varRef, .varDecl: if !(n.ref >= -1 && n.ref < nv) { return false }
            case .member: if !(n.ref >= -1 && n.ref < nf) { return false }
            case .call, .funcRef: if !(n.ref >= -1 && n.ref < nfn) { return false }
            case .stringLiteral: if !(n.ref >= -1 && n.ref < Int32(strings.count)) { return false }
            default: break
            }
        }
        return true
    }
}

struct BinaryWriter {
    var bytes: [UInt8] = []
    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }
    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func i32(_ v: Int32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func i64(_ v: Int64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func count(_ n: Int) { u32(UInt32(n)) }
    mutating func str(_ s: String) { let u = Array(s.utf8); count(u.count); bytes.append(contentsOf: u) }
    mutating func ints(_ a: [Int32]) { count(a.count); for x in a { i32(x) } }
    mutating func loc(_ l: SourceLoc) { i32(l.file); i32(l.line); i32(l.column) }
}

struct BinaryReader {
    let bytes: [UInt8]
    var at = 0
    var atEnd: Bool { at == bytes.count }
    mutating func take(_ n: Int) -> ArraySlice<UInt8>? {
        guard n >= 0, at + n <= bytes.count else { return nil }
        defer { at += n }
        return bytes[at..<at + n]
    }
    mutating func u8() -> UInt8? {
        guard at < bytes.count else { return nil }
        defer { at += 1 }
        return bytes[at]
    }
    mutating func bool() -> Bool? { u8().flatMap { $0 <= 1 ? $0 == 1 : nil } }
    mutating func u32() -> UInt32? {
        guard at + 4 <= bytes.count else { return nil }
        let v = UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
        at += 4
        return v
    }
    mutating func i32() -> Int32? { u32().map { Int32(bitPattern: $0) } }
    mutating func i64() -> Int64? {
        guard let lo = u32(), let hi = u32() else { return nil }
        return Int64(bitPattern: UInt64(lo) | UInt64(hi) << 32)
    }
    mutating func count() -> Int? { u32().flatMap { Int($0) <= bytes.count - at ? Int($0) : nil } }
    mutating func str() -> String? { count().flatMap { take($0) }.map { String(decoding: $0, as: UTF8.self) } }
    mutating func ints() -> [Int32]? {
        guard let n = count(), n * 4 <= bytes.count - at else { return nil }
        var out: [Int32] = []
        out.reserveCapacity(n)
        for _ in 0..<n { guard let x = i32() else { return nil }; out.append(x) }
        return out
    }
    mutating func loc() -> SourceLoc? {
        guard let f = i32(), let l = i32(), let c = i32() else { return nil }
        return SourceLoc(file: f, line: l, column: c)
    }
}
