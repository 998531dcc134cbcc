import XCTest
import Pipeline
import Reporting

/// The fixture runner: every `// expect` line under Fixtures/ownership must hold.
/// Each miss is reported at the fixture's file:line, so they read like compiler errors.
final class OwnershipFixtureTests: XCTestCase {
    func testOwnershipFixtures() throws {
        let files = Repo.fixtures(in: "ownership")
        XCTAssertFalse(files.isEmpty, "no fixtures found under Fixtures/ownership")
        var total = 0, misses: [String] = []
        for url in files {
            let fx = try Fixture(url)
            let report: Report
            do {
                report = try Pipeline.report(.init(files: [url.path], clangArguments: fx.args))
            } catch let f as Pipeline.Failure {
                misses.append("\(fx.relativePath):1: fixture does not parse: \(f.messages.joined(separator: " | "))")
                continue
            }
            for e in fx.expectations {
                total += 1
                if let problem = e.check(report) {
                    misses.append("\(fx.relativePath):\(e.line): expected \(e.kind.rawValue) \(e.name.map { "\(e.owner).\($0)" } ?? e.owner) \(e.ownership)\(e.mutable.map { $0 ? " mutable" : " immutable" } ?? "")\(e.rust.map { " rust=\"\($0)\"" } ?? ""): \(problem)")
                }
            }
        }
        print("ownership fixtures: \(total - misses.count) of \(total) expectations hold")
        XCTAssertGreaterThanOrEqual(total, 40, "the issue asks for at least 40 expectations")
        for m in misses { XCTFail(m) }
    }
}
