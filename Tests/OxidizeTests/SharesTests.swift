import XCTest
import Synchronization
import CModel
import Ownership
import Pipeline
import Reporting

/// A large unit lowered in shares (one parse per job, each walking every n-th function body)
/// must give the report the unit lowered whole gives, byte for byte: findings, facts, evidence.
final class SharesTests: XCTestCase {
    func options(_ url: URL, _ args: [String], split: Bool) -> Pipeline.Options {
        var o = Pipeline.Options(files: [url.path], clangArguments: args, jobs: 2)
        o.splitBytes = split ? 0 : nil
        return o
    }

    func testSharesGiveTheWholeUnitsReport() throws {
        let files = Repo.fixtures(in: "ownership") + Repo.fixtures(in: "checker")
        XCTAssertGreaterThan(files.count, 20)
        var compared = 0
        for url in files {
            let fx = try Fixture(url)
            let shares = try Pipeline.parse(options(url, fx.args, split: true))
            XCTAssertEqual(shares.map(\.share), [0, 1], "\(fx.relativePath): not lowered in two shares")
            XCTAssertEqual(shares.map(\.shareCount), [2, 2])
            let whole = try Pipeline.report(options(url, fx.args, split: false))
            let split = try Pipeline.report(options(url, fx.args, split: true))
            XCTAssertFalse(whole.functions.isEmpty, fx.relativePath)
            XCTAssertEqual(split.files, whole.files, fx.relativePath)
            let a = String(decoding: JSONFormatter.format(whole), as: UTF8.self)
            let b = String(decoding: JSONFormatter.format(split), as: UTF8.self)
            if a != b {
                let la = a.split(separator: "\n"), lb = b.split(separator: "\n")
                let i = (0..<min(la.count, lb.count)).first { la[$0] != lb[$0] } ?? min(la.count, lb.count)
                XCTFail("\(fx.relativePath): the report in shares differs at line \(i + 1): \(i < la.count ? la[i] : "") vs \(i < lb.count ? lb[i] : "")")
            }
            compared += 1
        }
        XCTAssertEqual(compared, files.count)
    }

    /// Calls cross the shares both ways, and a function made static by its prototype alone is
    /// one function in both (its linkage, not the storage class its definition spells).
    func testCallsAcrossShares() throws {
        let s = try Scratch()
        let c = try s.write("cross.c", """
            #include <stdlib.h>
            static char *make(void);
            char *use(void) { char *p = make(); return p; }
            char *make(void) { return malloc(4); }
            void drop(char *p) { free(p); }
            void pass(char *p) { drop(p); }
            """)
        let url = URL(fileURLWithPath: c)
        let split = try Pipeline.report(options(url, [], split: true))
        let whole = try Pipeline.report(options(url, [], split: false))
        XCTAssertEqual(JSONFormatter.format(split), JSONFormatter.format(whole))
        XCTAssertEqual(split.functions.first { $0.name == "use" }?.returns?.ownership, "owned")
        XCTAssertEqual(split.functions.first { $0.name == "pass" }?.params.first?.ownership, "owned")
    }

    /// The solver's levels run at once on two cores when a program has 64 functions or more;
    /// the report must be the one the sequential order gives.
    func testLevelsSolvedAtOnceGiveTheSequentialReport() throws {
        let files = (Repo.fixtures(in: "ownership") + Repo.fixtures(in: "checker")).map(\.path)
        let options = Pipeline.Options(files: files, clangArguments: [])
        let together = try Pipeline.report(options)
        XCTAssertGreaterThanOrEqual(together.functions.count, 64, "too few functions for the helpers to be used")
        OwnershipInference.solveOnOneCore.store(true, ordering: .relaxed)
        defer { OwnershipInference.solveOnOneCore.store(false, ordering: .relaxed) }
        let sequential = try Pipeline.report(options)
        XCTAssertEqual(JSONFormatter.format(together), JSONFormatter.format(sequential))
    }

    func testSmallUnitsAndOneJobAreNotSplit() throws {
        let url = Repo.fixtures(in: "ownership")[0]
        var o = Pipeline.Options(files: [url.path], clangArguments: [], jobs: 2)
        XCTAssertEqual(try Pipeline.parse(o).count, 1, "a small file is lowered whole by default")
        o.splitBytes = 0
        o.jobs = 1
        XCTAssertEqual(try Pipeline.parse(o).count, 1, "one job: nothing to share the work with")
    }

    func testSharesRoundTripTheCache() throws {
        let url = Repo.fixtures(in: "ownership")[0]
        let s = try Scratch()
        var o = options(url, [], split: true)
        o.cacheDirectory = s.path("cache")
        let first = try Pipeline.parse(o)
        let again = try Pipeline.parse(o)
        XCTAssertEqual(again.map(\.share), [0, 1])
        XCTAssertEqual(again.map { $0.encoded() }, first.map { $0.encoded() })
    }
}
