import Foundation
import Pipeline
import Reporting

/// Paths of the repository, found from this file's location.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Fixtures")
    static var binary: URL {
        // scripts/test.sh points the tests at a release build (OXIDIZE_BIN); `swift test` alone
        // runs the debug build the test bundle lives beside.
        if let given = ProcessInfo.processInfo.environment["OXIDIZE_BIN"], !given.isEmpty {
            return URL(fileURLWithPath: given)
        }
        let bundle = Bundle.main.bundleURL
        for dir in [bundle.deletingLastPathComponent(), bundle, root.appendingPathComponent(".build/debug")] {
            let candidate = dir.appendingPathComponent("oxidize")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return root.appendingPathComponent(".build/debug/oxidize")
    }
    static func fixtures(in area: String) -> [URL] {
        let dir = fixtures.appendingPathComponent(area)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".c") }.sorted().map { dir.appendingPathComponent($0) }
    }
}

/// One `// expect ...` line of a fixture.
struct Expectation {
    enum Kind: String { case param, local, `return`, field }
    var kind: Kind
    var owner: String         // function or struct
    var name: String?         // nil for return
    var ownership: String
    var mutable: Bool?
    var rust: String?
    var line: Int

    /// `// expect param f.p borrowed mutable rust="&mut [i32]"`
    static func parse(_ text: String, line: Int) -> Expectation? {
        guard let r = text.range(of: "// expect ") else { return nil }
        var rest = String(text[r.upperBound...])
        var rust: String?
        if let q = rest.range(of: "rust=\"") {
            let tail = rest[q.upperBound...]
            if let end = tail.firstIndex(of: "\"") { rust = String(tail[..<end]) }
            rest = String(rest[..<q.lowerBound])
        }
        let words = rest.split(separator: " ").map(String.init)
        guard words.count >= 3, let kind = Kind(rawValue: words[0]) else { return nil }
        let target = words[1]
        var owner = target, name: String? = nil
        if kind != .return {
            guard let dot = target.lastIndex(of: ".") else { return nil }
            owner = String(target[..<dot]); name = String(target[target.index(after: dot)...])
        }
        var mutable: Bool? = nil
        if words.count > 3 { mutable = words[3] == "mutable" ? true : (words[3] == "immutable" ? false : nil) }
        return Expectation(kind: kind, owner: owner, name: name, ownership: words[2], mutable: mutable, rust: rust, line: line)
    }

    /// nil when it holds, else what was found.
    func check(_ report: Report) -> String? {
        let entry: Report.Entry?
        switch kind {
        case .param, .local, .return:
            guard let f = report.functions.first(where: { $0.name == owner }) else { return "no function '\(owner)' in the report" }
            switch kind {
            case .param: entry = f.params.first { $0.name == name }
            case .local: entry = f.locals.first { $0.name == name }
            default: entry = f.returns
            }
        case .field:
            guard let s = report.structs.first(where: { $0.name == owner }) else { return "no struct '\(owner)' in the report" }
            entry = s.fields.first { $0.name == name }
        }
        guard let e = entry else { return "no \(kind.rawValue) '\(name ?? owner)' in the report" }
        var problems: [String] = []
        if e.ownership != ownership { problems.append("ownership \(e.ownership)") }
        if let m = mutable, m != e.mutable { problems.append(e.mutable ? "mutable" : "immutable") }
        if let rust, rust != e.rust { problems.append("rust \"\(e.rust)\"") }
        if problems.isEmpty { return nil }
        let why = e.evidence.prefix(3).map { "\($0.message) at line \($0.line)" }.joined(separator: "; ")
        return "got " + problems.joined(separator: ", ") + (why.isEmpty ? "" : " [\(why)]")
    }
}

struct Fixture {
    var url: URL
    var args: [String]
    var expectations: [Expectation]
    var lines: [String]

    init(_ url: URL) throws {
        self.url = url
        let text = try String(contentsOf: url, encoding: .utf8)
        lines = text.components(separatedBy: "\n")
        args = []
        if let first = lines.first, first.hasPrefix("// args:") {
            args = first.dropFirst("// args:".count).split(separator: " ").map(String.init)
        }
        expectations = lines.enumerated().compactMap { Expectation.parse($1, line: $0 + 1) }
    }

    var relativePath: String { "Fixtures/" + url.pathComponents.suffix(2).joined(separator: "/") }
}
