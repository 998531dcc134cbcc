import CModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The on-disk cache of lowered translation units: an unchanged re-run does no parsing.
///
/// An entry is keyed by the tool version and build, libclang's version, the unit's path and its flags, and
/// records every file the unit read with its size, modification time and content hash; it is
/// used only if all of them still match. Entries carry a checksum: a corrupt or foreign entry
/// is detected, parsed again and rewritten, never trusted. Model files are not part of the key
/// because the cache holds parse results, not analysis results (analysis always runs).
public struct UnitCache: Sendable {
    public let directory: String
    let salt: String
    static let magic = Array("OXIDIZE-UNIT\n".utf8)

    public init(directory: String, toolVersion: String, clangVersion: String) {
        self.directory = directory
        self.salt = toolVersion + "\u{0}" + clangVersion + "\u{0}" + Self.buildIdentity
    }

    /// The running executable's size and modification time: a rebuilt oxidize (whose analysis
    /// may differ under the same version number) never reads what an older build wrote.
    static let buildIdentity: String = {
        var st = stat()
        guard stat("/proc/self/exe", &st) == 0 else { return "" }
        return "\(st.st_size)-\(st.st_mtim.tv_sec)-\(st.st_mtim.tv_nsec)"
    }()

    /// Keeps the folder under `limit` bytes: when it is over, the least recently written entries
    /// go until it is under 80% of it. Called after a run that stored new entries.
    public func trim(limit: UInt64 = 1 << 30) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory) else { return }
        var entries: [(path: String, size: UInt64, mtime: UInt64)] = []
        var total: UInt64 = 0
        for n in names where Self.isEntryName(n) {
            let path = (directory as NSString).appendingPathComponent(n)
            // Only what oxidize wrote goes: a user's file of the same suffix stays.
            guard Self.startsWithMagic(path), let st = Self.fileStat(path) else { continue }
            entries.append((path, st.size, st.mtime))
            total += st.size
        }
        guard total > limit else { return }
        for e in entries.sorted(by: { ($0.mtime, $0.path) < ($1.mtime, $1.path) }) {
            guard total > limit / 5 * 4 else { break }
            if (try? fm.removeItem(atPath: e.path)) != nil { total -= e.size }
        }
    }

    /// `0123456789abcdef.unit` or `.report`: the names `entryPath` and `resultPath` make.
    static func isEntryName(_ n: String) -> Bool {
        let parts = n.split(separator: ".")
        guard parts.count == 2, parts[1] == "unit" || parts[1] == "report", parts[0].count == 16 else { return false }
        return parts[0].allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    static func startsWithMagic(_ path: String) -> Bool {
        guard let h = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? h.close() }
        return (try? h.read(upToCount: magic.count)).map { [UInt8]($0) == magic } ?? false
    }

    /// `$XDG_CACHE_HOME/oxidize`, or `~/.cache/oxidize`.

    public static var defaultDirectory: String {
        let env = ProcessInfo.processInfo.environment
        if let x = env["XDG_CACHE_HOME"], !x.isEmpty { return (x as NSString).appendingPathComponent("oxidize") }
        return (NSHomeDirectory() as NSString).appendingPathComponent(".cache/oxidize")
    }

    public func entryPath(file: String, arguments: [String]) -> String {
        let absolute = file.hasPrefix("/") ? file : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(file)
        let key = fnv(Array(([salt, (absolute as NSString).standardizingPath] + arguments).joined(separator: "\u{0}").utf8))
        return (directory as NSString).appendingPathComponent(String(format: "%016llx.unit", key))
    }

    public enum Lookup { case hit(TranslationUnit), miss, corrupt }

    /// The entry's checksum when the entry is intact and every file it read is unchanged,
    /// without decoding the unit (for the whole-run result cache).
    public func validChecksum(file: String, arguments: [String]) -> UInt64? {
        guard let data = FileManager.default.contents(atPath: entryPath(file: file, arguments: arguments)) else { return nil }
        let bytes = [UInt8](data)
        let head = Self.magic.count
        guard bytes.count > head + 8, Array(bytes[0..<head]) == Self.magic else { return nil }
        var sum: UInt64 = 0
        for (i, b) in bytes[head..<head + 8].enumerated() { sum |= UInt64(b) << (8 * UInt64(i)) }
        guard fnv(bytes[(head + 8)...]) == sum, let (manifest, absent, _) = splitManifest(Array(bytes[(head + 8)...])) else { return nil }
        for m in manifest where !unchanged(m) { return nil }
        for f in absent where FileManager.default.fileExists(atPath: f) { return nil }
        return sum
    }

    /// Where the whole run's report is kept, for a key made of every unit's entry checksum,
    /// the model files' contents and the options that change the report.
    public func resultPath(units: [UInt64], modelsKey: String, options: String) -> String {
        var bytes = Array((salt + "\u{0}" + modelsKey + "\u{0}" + options).utf8)
        for u in units { for i in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: u >> (8 * UInt64(i)))) } }
        return (directory as NSString).appendingPathComponent(String(format: "%016llx.report", fnv(bytes)))
    }

    /// A stored result: magic, checksum, bytes. nil when absent or damaged.
    public func loadResult(_ path: String) -> Data? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let bytes = [UInt8](data)
        let head = Self.magic.count
        guard bytes.count >= head + 8, Array(bytes[0..<head]) == Self.magic else { return nil }
        var sum: UInt64 = 0
        for (i, b) in bytes[head..<head + 8].enumerated() { sum |= UInt64(b) << (8 * UInt64(i)) }
        guard fnv(bytes[(head + 8)...]) == sum else { return nil }
        return Data(bytes[(head + 8)...])
    }

    public func storeResult(_ data: Data, at path: String) {
        let payload = [UInt8](data)
        var out = Self.magic
        let sum = fnv(payload)
        for i in 0..<8 { out.append(UInt8(truncatingIfNeeded: sum >> (8 * UInt64(i)))) }
        out += payload
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try? Data(out).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    public func load(file: String, arguments: [String]) -> Lookup {
        let path = entryPath(file: file, arguments: arguments)
        guard let data = FileManager.default.contents(atPath: path) else { return .miss }
        let bytes = [UInt8](data)
        let head = Self.magic.count
        guard bytes.count > head + 8, Array(bytes[0..<head]) == Self.magic else { return .corrupt }
        var sum: UInt64 = 0
        for (i, b) in bytes[head..<head + 8].enumerated() { sum |= UInt64(b) << (8 * UInt64(i)) }
        let payload = bytes[(head + 8)...]
        guard fnv(payload) == sum else { return .corrupt }
        guard let (manifest, absent, unitBytes) = splitManifest(Array(payload)) else { return .corrupt }
        for m in manifest where !unchanged(m) { return .miss }
        // A header that now shadows one the unit read (same name, earlier on the search path).
        for f in absent where FileManager.default.fileExists(atPath: f) { return .miss }
        guard let tu = TranslationUnit.decode(Data(unitBytes)) else { return .corrupt }
        var unit = tu
        unit.mainFile = file   // the spelling given this time
        if !unit.files.isEmpty { unit.files[0] = file }
        return .hit(unit)
    }

    public func store(_ tu: TranslationUnit, file: String, arguments: [String]) {
        var manifest: [UInt8] = []
        func u64(_ v: UInt64) { for i in 0..<8 { manifest.append(UInt8(truncatingIfNeeded: v >> (8 * UInt64(i)))) } }
        var entries: [(String, UInt64, UInt64, UInt64)] = []
        for f in tu.inputs {
            guard let st = Self.fileStat(f), let data = FileManager.default.contents(atPath: f) else { return }   // cannot validate: do not cache
            entries.append((f, st.size, st.mtime, fnv([UInt8](data))))
        }
        u64(UInt64(entries.count))
        for (f, size, mtime, hash) in entries {
            let name = Array(f.utf8)
            u64(UInt64(name.count)); manifest += name
            u64(size); u64(mtime); u64(hash)
        }
        let absent = Self.shadows(of: tu.inputs, file: file, arguments: arguments).filter { !FileManager.default.fileExists(atPath: $0) }
        u64(UInt64(absent.count))
        for f in absent { let name = Array(f.utf8); u64(UInt64(name.count)); manifest += name }
        let payload = manifest + [UInt8](tu.encoded())
        var out = Self.magic
        let sum = fnv(payload)
        for i in 0..<8 { out.append(UInt8(truncatingIfNeeded: sum >> (8 * UInt64(i)))) }
        out += payload
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try? Data(out).write(to: URL(fileURLWithPath: entryPath(file: file, arguments: arguments)), options: .atomic)
    }

    struct Input { var path: String; var size: UInt64; var mtime: UInt64; var hash: UInt64 }

    func splitManifest(_ p: [UInt8]) -> ([Input], [String], ArraySlice<UInt8>)? {
        var at = 0
        func u64() -> UInt64? {
            guard at + 8 <= p.count else { return nil }
            var v: UInt64 = 0
            for i in 0..<8 { v |= UInt64(p[at + i]) << (8 * UInt64(i)) }
            at += 8
            return v
        }
        guard let n = u64(), n < 1_000_000 else { return nil }
        var out: [Input] = []
        for _ in 0..<n {
            guard let len = u64(), len < 1_000_000, at + Int(len) <= p.count else { return nil }
            let name = String(decoding: p[at..<at + Int(len)], as: UTF8.self)
            at += Int(len)
            guard let size = u64(), let mtime = u64(), let hash = u64() else { return nil }
            out.append(Input(path: name, size: size, mtime: mtime, hash: hash))
        }
        guard let m = u64(), m < 1_000_000 else { return nil }
        var absent: [String] = []
        for _ in 0..<m {
            guard let len = u64(), len < 1_000_000, at + Int(len) <= p.count else { return nil }
            absent.append(String(decoding: p[at..<at + Int(len)], as: UTF8.self))
            at += Int(len)
        }
        return (out, absent, p[at...])
    }

    /// Where a file could appear that the preprocessor would take instead of one the unit read:
    /// each input's name as it can be included (relative to a folder of the search path or to
    /// its own folder), under each folder the user's search path puts first (the main file's
    /// folder and the -I, -iquote and -isystem folders). Those that do not exist when the entry is
    /// stored must still not exist when it is used.
    static func shadows(of inputs: [String], file: String, arguments: [String]) -> [String] {
        func absolute(_ p: String) -> String { URL(fileURLWithPath: p).standardizedFileURL.path }
        var user: [String] = [absolute(URL(fileURLWithPath: file).deletingLastPathComponent().path)]
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            for flag in ["-I", "-iquote", "-isystem", "-idirafter"] where a.hasPrefix(flag) {
                if a == flag, i + 1 < arguments.count { user.append(absolute(arguments[i + 1])); i += 1 }
                else if a.count > flag.count, flag == "-I" { user.append(absolute(String(a.dropFirst(flag.count)))) }
                break
            }
            i += 1
        }
        let roots = user + ["/usr/include", "/usr/local/include", "/usr/include/x86_64-linux-gnu", "/usr/include/aarch64-linux-gnu"]
        let main = absolute(file)
        var out = Set<String>()
        for input in inputs where input != main {
            var names = [URL(fileURLWithPath: input).lastPathComponent]
            for r in roots where input.hasPrefix(r + "/") { names.append(String(input.dropFirst(r.count + 1))) }
            for dir in user { for n in names where dir + "/" + n != input { out.insert(dir + "/" + n) } }
        }
        return out.sorted()
    }

    /// Same size and modification time, or (when the time changed) the same content.
    func unchanged(_ m: Input) -> Bool {
        guard let st = Self.fileStat(m.path), st.size == m.size else { return false }
        if st.mtime == m.mtime { return true }
        guard let data = FileManager.default.contents(atPath: m.path) else { return false }
        return fnv([UInt8](data)) == m.hash
    }

    /// Size and modification time (ns) by one stat(2) call.
    static func fileStat(_ path: String) -> (size: UInt64, mtime: UInt64)? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return (UInt64(st.st_size), UInt64(st.st_mtim.tv_sec) &* 1_000_000_000 &+ UInt64(st.st_mtim.tv_nsec))
    }

    func fnv(_ bytes: [UInt8]) -> UInt64 { FNV1a.hash(bytes[...]) }
    func fnv(_ bytes: ArraySlice<UInt8>) -> UInt64 { FNV1a.hash(bytes) }
}
