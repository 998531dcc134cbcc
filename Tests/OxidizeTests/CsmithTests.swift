import XCTest

/// C nobody here wrote: 100 csmith programs in a row, each must give a valid report and a
/// translation with no crash and no hang. Skips with a message when csmith is not installed (scripts/setup.sh installs it).
final class CsmithTests: XCTestCase {
    func testHundredCsmithPrograms() throws {
        let csmith = ["/usr/bin/csmith", "/usr/local/bin/csmith"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let include = ["/usr/include/csmith", "/usr/include/csmith-2.3.0"].first { FileManager.default.fileExists(atPath: $0 + "/csmith.h") }
        guard let csmith, let include else {
            throw XCTSkip("csmith is not installed (apt-get install csmith libcsmith-dev, or run scripts/setup.sh)")
        }
        let s = try Scratch()
        let count = Int(ProcessInfo.processInfo.environment["OXIDIZE_CSMITH_COUNT"] ?? "") ?? 100
        var reports = 0
        var translated = 0
        for seed in 1...count {
            let src = s.path("prog\(seed).c")
            let gen = Process()
            gen.executableURL = URL(fileURLWithPath: csmith)
            gen.arguments = ["--seed", "\(seed)", "-o", src]
            gen.standardOutput = FileHandle.nullDevice
            try gen.run(); gen.waitUntilExit()
            XCTAssertEqual(gen.terminationStatus, 0, "csmith failed for seed \(seed)")
            let out = s.path("prog\(seed).json")
            let r = try Run.oxidize(["report", "--format", "json", src, "-o", out, "--", "-I", include, "-w"], timeout: 60)
            guard r.status == 0 else { XCTFail("seed \(seed): exit \(r.status): \(r.stderr)"); continue }
            let data = try Data(contentsOf: URL(fileURLWithPath: out))
            let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            let functions = json?["functions"] as? [[String: Any]] ?? []
            XCTAssertTrue(functions.contains { $0["name"] as? String == "main" }, "seed \(seed): report has no main")
            reports += 1
            // The translator must not crash on it either (what it cannot translate is a todo!).
            let rs = s.path("prog\(seed).rs")
            let t = try Run.oxidize(["translate", "--no-rustfmt", src, "-o", rs, "--", "-I", include, "-w"], timeout: 60)
            XCTAssertEqual(t.status, 0, "seed \(seed): translate exit \(t.status): \(t.stderr.suffix(300))")
            if t.status == 0 { translated += 1 }
        }
        XCTAssertEqual(reports, count, "every program gives a report")
        XCTAssertEqual(translated, count, "every program translates without a crash")
        print("csmith: \(reports) of \(count) programs gave a report, \(translated) translated")
    }
}
