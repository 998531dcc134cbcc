import CModel
import Foundation

/// Known findings, matched on (id, file, function, normalized line text), never on line numbers,
/// so edits above a finding do not bring it back. Written by `--write-baseline`.
public struct Baseline: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Hashable {
        public var id: String
        public var file: String
        public var function: String
        public var text: String
        public init(id: String, file: String, function: String, text: String) {
            self.id = id; self.file = file; self.function = function; self.text = text
        }
    }
    public var version: Int
    public var findings: [Entry]

    public init(findings: [Entry]) {
        self.version = 2
        self.findings = findings.sorted { ($0.file, $0.function, $0.id, $0.text) < ($1.file, $1.function, $1.id, $1.text) }
    }

    /// Whitespace-collapsed source line, so reindenting does not resurrect a finding.
    public static func normalize(_ line: String) -> String {
        line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }

    /// A stable fingerprint for SARIF's partialFingerprints (FNV-1a over the matching key).
    public static func fingerprint(id: String, file: String, function: String, text: String) -> String {
        String(FNV1a.hash("\(id)\u{0}\(file)\u{0}\(function)\u{0}\(normalize(text))"), radix: 16)
    }

    /// The findings not in the baseline (each baseline entry absorbs one finding).
    public func filter<T>(_ items: [T], key: (T) -> Entry) -> [T] {
        var remaining: [Entry: Int] = [:]
        for f in findings { remaining[f, default: 0] += 1 }
        return items.filter { item in
            let k = key(item)
            if let n = remaining[k], n > 0 { remaining[k] = n - 1; return false }
            return true
        }
    }

    /// `file` (as the report names it: relative to the working folder, or absolute) relative to
    /// the folder of the baseline file, both taken absolute, `.` and `..` resolved, symlinks followed.
    public static func path(of file: String, relativeTo baseline: String) -> String {
        func components(_ p: String) -> [String] {
            URL(fileURLWithPath: p).standardizedFileURL.resolvingSymlinksInPath().pathComponents
        }
        let target = components(file)
        let base = Array(components(baseline).dropLast())
        var common = 0
        while common < min(target.count, base.count), target[common] == base[common] { common += 1 }
        let up = Array(repeating: "..", count: base.count - common)
        return (up + target[common...]).joined(separator: "/")
    }

    public static func read(_ data: Data, file: String) throws -> Baseline {
        var b: Baseline
        do { b = try JSONDecoder().decode(Baseline.self, from: data) }
        catch { throw ReportError(file: file, message: "not an oxidize baseline: \(error)") }
        if b.version == 1 {
            // Version 1 named files as the run that wrote it was given them: taken relative to
            // the working folder of this run.
            b = Baseline(findings: b.findings.map { e in
                var e = e; e.file = path(of: e.file, relativeTo: file); return e
            })
        } else if b.version != 2 {
            throw ReportError(file: file, message: "baseline version \(b.version) is newer than this oxidize reads (2)")
        }
        return b
    }

    public func encoded() -> Data {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var d = (try? enc.encode(self)) ?? Data()
        d.append(0x0A)
        return d
    }
}
