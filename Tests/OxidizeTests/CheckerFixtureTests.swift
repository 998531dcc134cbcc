import XCTest
import Pipeline
import Reporting
import Diagnostics

/// Every `// expect diag ID [definite|possible]` under Fixtures/checker must be reported on
/// the next code line, and every diagnostic reported must be expected there.
final class CheckerFixtureTests: XCTestCase {
    struct Expected: Hashable { var line: Int; var id: String }

    static func expectations(_ fx: Fixture) -> [Expected: (certainty: String?, commentLine: Int)] {
        var out: [Expected: (String?, Int)] = [:]
        var pending: [(String, String?, Int)] = []
        for (i, raw) in fx.lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if let r = line.range(of: "// expect diag ") {
                let words = line[r.upperBound...].split(separator: " ").map(String.init)
                if let id = words.first {
                    let certainty = words.count > 1 && ["definite", "possible"].contains(words[1]) ? words[1] : nil
                    for alt in id.split(separator: "|") { pending.append((String(alt), certainty, i + 1)) }
                }
                continue
            }
            if line.isEmpty || line.hasPrefix("//") { continue }
            for (id, c, at) in pending { out[Expected(line: i + 1, id: id)] = (c, at) }
            pending = []
        }
        return out
    }

    func testCheckerFixtures() throws {
        let files = Repo.fixtures(in: "checker")
        XCTAssertFalse(files.isEmpty)
        var total = 0, problems: [String] = []
        for url in files {
            let fx = try Fixture(url)
            let report = try Pipeline.report(.init(files: [url.path], clangArguments: fx.args))
            let expected = Self.expectations(fx)
            total += expected.count
            var seen = Set<Expected>()
            for d in report.diagnostics {
                let key = Expected(line: d.line, id: d.id)
                if let e = expected[key] {
                    seen.insert(key)
                    if let c = e.certainty, c != d.certainty {
                        problems.append("\(fx.relativePath):\(e.commentLine): expected \(d.id) \(c), got \(d.certainty): \(d.message)")
                    }
                } else {
                    problems.append("\(fx.relativePath):\(d.line): unexpected \(d.id) (\(d.certainty)) in \(d.function): \(d.message)")
                }
            }
            for (k, e) in expected where !seen.contains(k) {
                problems.append("\(fx.relativePath):\(e.commentLine): expected \(k.id) on line \(k.line), not reported")
            }
        }
        print("checker fixtures: \(total) expected diagnostics, \(problems.count) problems")
        for p in problems.sorted() { XCTFail(p) }
    }

    /// Each id has positives and negatives (at least 3 of each), a fixture and a doc page.
    func testCatalogIsComplete() throws {
        for kind in DiagnosticKind.allCases {
            XCTAssertNotNil(kind.id.range(of: "^[a-z][a-z0-9-]*$", options: .regularExpression), kind.id)
            let fixture = Repo.fixtures.appendingPathComponent("checker/\(kind.id).c")
            XCTAssertTrue(FileManager.default.fileExists(atPath: fixture.path), "no fixture for \(kind.id)")
            XCTAssertTrue(FileManager.default.fileExists(atPath: Repo.root.appendingPathComponent(kind.docPath).path), "no \(kind.docPath)")
            guard let fx = try? Fixture(fixture) else { continue }
            let positives = Self.expectations(fx).keys.filter { $0.id == kind.id }.count
            XCTAssertGreaterThanOrEqual(positives, 3, "\(kind.id): at least 3 positive cases")
            // Negative cases (near misses) are the functions named PREFIX_ok_...; the runner
            // already fails on any diagnostic reported in them.
            let negatives = fx.lines.filter { $0.range(of: "^[a-z].*[a-z]+_ok_[a-z0-9_]*\\(", options: .regularExpression) != nil }.count
            XCTAssertGreaterThanOrEqual(negatives, 3, "\(kind.id): at least 3 negative cases (functions named *_ok_*)")
        }
        XCTAssertEqual(Set(DiagnosticKind.allCases.map(\.id)).count, DiagnosticKind.allCases.count, "ids are unique")
        // Every id is a SARIF rule with its help page.
        let report = try Pipeline.report(.init(files: [Repo.fixtures(in: "checker")[0].path], clangArguments: []))
        let sarif = SARIFFormatter.format(report, docsBase: "file:///oxidize/") { _ in "" }
        let json = try JSONSerialization.jsonObject(with: sarif) as? [String: Any]
        let driver = ((json?["runs"] as? [[String: Any]])?.first?["tool"] as? [String: Any])?["driver"] as? [String: Any]
        let rules = driver?["rules"] as? [[String: Any]] ?? []
        for kind in DiagnosticKind.allCases {
            let rule = rules.first { $0["id"] as? String == kind.id }
            XCTAssertNotNil(rule, "no SARIF rule for \(kind.id)")
            XCTAssertEqual(rule?["helpUri"] as? String, "file:///oxidize/" + kind.docPath)
        }
    }
}
