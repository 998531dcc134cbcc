import XCTest

/// `oxidize check` for people and CI: formats, exit codes, baselines, suppressions.
final class CheckCommandTests: XCTestCase {
    let buggy = """
    #include <stdlib.h>
    int use_after_free(void) {
        int *p = malloc(sizeof *p);
        if (!p) return 0;
        *p = 1;
        free(p);
        return *p;
    }
    """

    func testTextFormatAndExitCodes() throws {
        let s = try Scratch()
        let c = try s.write("bug.c", buggy)
        let r = try Run.oxidize(["check", c])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.out.contains("\(c):7:12: error: 'p' is used after being freed by 'free' [use-after-free]"), r.out)
        XCTAssertTrue(r.out.contains("note: freed here"), r.out)
        XCTAssertTrue(r.out.contains("    return *p;\n           ^"), r.out)
        XCTAssertEqual(try Run.oxidize(["check", c, "--fail-on", "never"]).status, 0)
        let clean = try s.write("clean.c", "int f(const int *p) { return *p; }\n")
        let ok = try Run.oxidize(["check", clean])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertEqual(ok.out, "")
        XCTAssertEqual(try Run.oxidize(["check", s.path("missing.c")]).status, 2)
    }

    func testSARIFValidatesAgainstOfficialSchema() throws {
        let schema = Repo.root.deletingLastPathComponent().appendingPathComponent("shared/schemas/sarif-schema-2.1.0.json")
        guard FileManager.default.fileExists(atPath: schema.path) else {
            throw XCTSkip("the SARIF 2.1.0 schema is not at \(schema.path) (it lives in the workspace's shared/schemas)")
        }
        let s = try Scratch()
        let out = s.path("out.sarif")
        let files = Repo.fixtures(in: "checker").map(\.path)
        let r = try Run.oxidize(["check", "--format", "sarif", "-o", out] + files)
        XCTAssertEqual(r.status, 1, r.stderr)
        if let problem = try validateJSONSchema(instance: out, schema: schema.path) {
            XCTFail("SARIF does not validate:\n\(problem)")
        }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any]
        let run = (json?["runs"] as? [[String: Any]])?.first
        let rules = ((run?["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]] ?? []
        XCTAssertEqual(rules.count, 10, "one rule per diagnostic id")
        let results = run?["results"] as? [[String: Any]] ?? []
        XCTAssertGreaterThan(results.count, 50)
        XCTAssertTrue(results.allSatisfy { ($0["partialFingerprints"] as? [String: String])?.isEmpty == false })
        XCTAssertTrue(results.contains { $0["codeFlows"] != nil })
    }

    func testGitHubAnnotations() throws {
        let s = try Scratch()
        let c = try s.write("bug.c", buggy)
        let r = try Run.oxidize(["check", "--format", "github", c])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.out.hasPrefix("::error file=\(c),line=7,col=12,title=oxidize use-after-free::'p' is used after being freed"), r.out)
    }

    func testBaselineIgnoresLineMovesButNotNewFindings() throws {
        let s = try Scratch()
        let c = try s.write("bug.c", buggy)
        let base = s.path("baseline.json")
        XCTAssertEqual(try Run.oxidize(["check", c, "--write-baseline", base]).status, 1)
        XCTAssertEqual(try Run.oxidize(["check", c, "--baseline", base]).status, 0)
        // An unrelated edit above the finding moves it down three lines: still known.
        try ("// a comment\n// another\n\n" + buggy).write(toFile: c, atomically: true, encoding: .utf8)
        let moved = try Run.oxidize(["check", c, "--baseline", base])
        XCTAssertEqual(moved.status, 0, moved.out)
        // A new finding elsewhere is reported.
        try (buggy + "\nvoid twice(void) { char *q = malloc(4); free(q); free(q); }\n").write(toFile: c, atomically: true, encoding: .utf8)
        let fresh = try Run.oxidize(["check", c, "--baseline", base])
        XCTAssertEqual(fresh.status, 1)
        XCTAssertTrue(fresh.out.contains("[double-free]"), fresh.out)
        XCTAssertFalse(fresh.out.contains("[use-after-free]"), fresh.out)
        let bad = try s.write("bad.json", "[1,2]")
        XCTAssertEqual(try Run.oxidize(["check", c, "--baseline", bad]).status, 2)
    }

    /// A baseline names files relative to itself: written for `bug.c` from the project folder, it
    /// matches `./bug.c`, the absolute path, `sub/../bug.c` and a run from another folder.
    func testBaselineMatchesEverySpellingOfTheFile() throws {
        let s = try Scratch()
        _ = try s.write("bug.c", buggy)
        try FileManager.default.createDirectory(atPath: s.path("sub"), withIntermediateDirectories: true)
        XCTAssertEqual(try Run.oxidize(["check", "bug.c", "--write-baseline", "baseline.json"], cwd: s.url).status, 1)
        for (spelling, cwd) in [("./bug.c", s.url), (s.path("bug.c"), s.url), ("sub/../bug.c", s.url),
                                ("../bug.c", s.url.appendingPathComponent("sub"))] {
            let base = cwd == s.url ? "baseline.json" : "../baseline.json"
            let r = try Run.oxidize(["check", spelling, "--baseline", base], cwd: cwd)
            XCTAssertEqual(r.status, 0, "\(spelling) from \(cwd.lastPathComponent): \(r.out)\(r.stderr)")
        }
        // Another file with the same finding is not covered by it.
        _ = try s.write("sub/bug.c", buggy)
        XCTAssertEqual(try Run.oxidize(["check", "sub/bug.c", "--baseline", "baseline.json"], cwd: s.url).status, 1)
    }

    func testSuppressionComment() throws {
        let s = try Scratch()
        let c = try s.write("bug.c", buggy.replacingOccurrences(of: "    return *p;", with: "    // oxidize-ignore: use-after-free\n    return *p;"))
        let r = try Run.oxidize(["check", c])
        XCTAssertEqual(r.status, 0, r.out)
        let other = try s.write("bug2.c", buggy.replacingOccurrences(of: "    return *p;", with: "    return *p; // oxidize-ignore: leak"))
        XCTAssertEqual(try Run.oxidize(["check", other]).status, 1, "a different id does not suppress")
    }

    /// A user's own allocator pair, described in a model file, gets the same checks as malloc/free.
    func testUserModelGetsTheSameChecks() throws {
        let s = try Scratch()
        let c = try s.write("pool.c", """
        struct buf { int n; };
        struct buf *pool_get(void);
        void pool_put(struct buf *b);
        int twice(void) {
            struct buf *b = pool_get();
            pool_put(b);
            pool_put(b);
            return 0;
        }
        int forgets(void) {
            struct buf *b = pool_get();
            b->n = 1;
            return b->n;
        }
        """)
        let model = try s.write("pool.json", """
        { "resources": { "pool-buf": { "rust": "PoolBuf", "release": ["pool_put"] } },
          "functions": {
            "pool_get": { "params": [], "returns": { "class": "owned", "resource": "pool-buf" } },
            "pool_put": { "params": [ { "role": "release", "resource": "pool-buf" } ] } } }
        """)
        XCTAssertEqual(try Run.oxidize(["check", c]).status, 0, "without the model nothing is known")
        let r = try Run.oxidize(["check", c, "--model", model])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.out.contains("\(c):7:5: error: 'b' is released again by 'pool_put' after being freed by 'pool_put' [double-free]"), r.out)
        XCTAssertTrue(r.out.contains("[leak]"), r.out)
    }

    func testJSONIsTheReportWithDiagnostics() throws {
        let s = try Scratch()
        let c = try s.write("bug.c", buggy)
        let r = try Run.oxidize(["check", "--format", "json", c])
        let json = try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any]
        let diags = json?["diagnostics"] as? [[String: Any]] ?? []
        XCTAssertEqual(diags.first?["id"] as? String, "use-after-free")
        XCTAssertEqual(diags.first?["certainty"] as? String, "definite")
        XCTAssertEqual(diags.first?["rust"] as? String, "E0382")
        XCTAssertNotNil(json?["functions"])
    }
}
