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
        final class Tally: @unchecked Sendable {
            let lock = NSLock()
            var reports = 0, translated = 0
            var failures: [String] = []
            func fail(_ f: String) { lock.lock(); failures.append(f); lock.unlock() }
            func count(report: Bool) { lock.lock(); if report { reports += 1 } else { translated += 1 }; lock.unlock() }
        }
        let tally = Tally()
        eachIndex(count) { k in
            let seed = k + 1
            do {
                let src = s.path("prog\(seed).c")
                let gen = try Tool.run(csmith, ["--seed", "\(seed)", "-o", src])
                guard gen.status == 0 else { return tally.fail("csmith failed for seed \(seed)") }
                let out = s.path("prog\(seed).json")
                let r = try Run.oxidize(["report", "--format", "json", src, "-o", out, "--", "-I", include, "-w"], timeout: 60)
                guard r.status == 0 else { return tally.fail("seed \(seed): exit \(r.status): \(r.stderr)") }
                let data = try Data(contentsOf: URL(fileURLWithPath: out))
                let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
                let functions = json?["functions"] as? [[String: Any]] ?? []
                if !functions.contains(where: { $0["name"] as? String == "main" }) { tally.fail("seed \(seed): report has no main") }
                tally.count(report: true)
                // The translator must not crash on it either. No rustc check here (OXIDIZE_RUSTC
                // empty): this test is about crashes and hangs; testDifferentialAgainstC compiles
                // and runs translations.
                let rs = s.path("prog\(seed).rs")
                let t = try Run.oxidize(["translate", "--no-rustfmt", src, "-o", rs, "--", "-I", include, "-w"], timeout: 60,
                                        env: ["OXIDIZE_RUSTC": ""])
                guard t.status == 0 else { return tally.fail("seed \(seed): translate exit \(t.status): \(t.stderr.suffix(300))") }
                tally.count(report: false)
            } catch {
                tally.fail("seed \(seed): \(error)")
            }
        }
        for f in tally.failures.sorted() { XCTFail(f) }
        let reports = tally.reports, translated = tally.translated
        XCTAssertEqual(reports, count, "every program gives a report")
        XCTAssertEqual(translated, count, "every program translates without a crash")
        print("csmith: \(reports) of \(count) programs gave a report, \(translated) translated")
    }

    /// Differential testing, as compilers are tested: fixed csmith seeds are built with cc and
    /// translated, the Rust is built with `rustc -O`, and both must print the same checksum.
    /// (`bench/csmith-diff.sh N` runs any number of fresh seeds the same way.)
    func testDifferentialAgainstC() throws {
        let csmith = ["/usr/bin/csmith", "/usr/local/bin/csmith"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let include = ["/usr/include/csmith", "/usr/include/csmith-2.3.0"].first { FileManager.default.fileExists(atPath: $0 + "/csmith.h") }
        guard let csmith, let include else {
            throw XCTSkip("csmith is not installed (apt-get install csmith libcsmith-dev, or run scripts/setup.sh)")
        }
        guard let cc = Tool.find("cc") ?? Tool.find("gcc") else { throw XCTSkip("no C compiler on PATH") }
        guard let rustc = Tool.find("rustc") else { throw XCTSkip("rustc is not installed") }
        let seeds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
        let s = try Scratch()
        final class Failures: @unchecked Sendable {
            let lock = NSLock()
            var list: [String] = []
            func add(_ f: String) { lock.lock(); list.append(f); lock.unlock() }
        }
        let failures = Failures()
        eachIndex(seeds.count) { k in
            let seed = seeds[k]
            do {
                let src = s.path("d\(seed).c")
                _ = try Tool.run(csmith, ["--seed", "\(seed)", "-o", src])
                let cBin = s.path("d\(seed)-c")
                guard try Tool.run(cc, ["-O1", "-w", "-I", include, "-o", cBin, src]).status == 0 else { return failures.add("seed \(seed): the C does not build") }
                let c = try Tool.run(cBin, [], timeout: 10)
                let rs = s.path("d\(seed).rs")
                let t = try Run.oxidize(["translate", "--no-rustfmt", src, "-o", rs, "--", "-I", include], timeout: 120)
                guard t.status == 0 else { return failures.add("seed \(seed): translate exit \(t.status): \(t.stderr.suffix(300))") }
                if seed <= 3 {
                    // Same input, same bytes (the faithful tier's order never depends on hashing).
                    let again = try Run.oxidize(["translate", "--no-rustfmt", src, "--", "-I", include], timeout: 120, env: ["OXIDIZE_RUSTC": ""])
                    if again.stdout != (try Data(contentsOf: URL(fileURLWithPath: rs))) { failures.add("seed \(seed): a second translation differs") }
                }
                let rBin = s.path("d\(seed)-rs")
                let r = try Tool.run(rustc, ["-O", "--edition", "2021", "-o", rBin, rs])
                guard r.status == 0 else { return failures.add("seed \(seed): rustc rejects the translation: \(r.stderr.prefix(600))") }
                let run = try Tool.run(rBin, [], timeout: 20)
                if run.stdout != c.stdout || run.status != c.status {
                    failures.add("seed \(seed): the Rust prints \(run.stdout.prefix(80)) (exit \(run.status)), the C \(c.stdout.prefix(80)) (exit \(c.status))")
                }
            } catch {
                failures.add("seed \(seed): \(error)")
            }
        }
        for f in failures.list.sorted() { XCTFail(f) }
        print("csmith differential: \(seeds.count - failures.list.count) of \(seeds.count) seeds give the C's checksum")
    }
}
