import XCTest

/// Whole projects through compile_commands.json (-p): every unit with its own flags, headers
/// analysed once, summaries across units, the same bytes for any -j, filters, broken units.
final class ProjectTests: XCTestCase {
    func testProjectReportAcrossUnits() throws {
        let s = try Scratch()
        let build = try SampleProject.make(s)
        let r = try Run.oxidize(["report", "--format", "json", "-p", build])
        XCTAssertEqual(r.status, 0, r.stderr)
        let json = try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any]
        let functions = json?["functions"] as? [[String: Any]] ?? []
        XCTAssertEqual(functions.filter { $0["name"] as? String == "node_value" }.count, 1, "the header's function is analysed once")
        XCTAssertEqual((json?["files"] as? [String])?.count, 8)
        // use0 calls node_new in another unit: its local is owned through the cross-unit summary.
        let use0 = functions.first { $0["name"] as? String == "use0" }
        let local = (use0?["locals"] as? [[String: Any]])?.first { $0["name"] as? String == "n" }
        XCTAssertEqual(local?["ownership"] as? String, "owned")
        let free = functions.first { $0["name"] as? String == "node_free_all" }
        XCTAssertEqual((free?["params"] as? [[String: Any]])?.first?["ownership"] as? String, "owned")
    }

    func testSameBytesForAnyJobs() throws {
        let s = try Scratch()
        let build = try SampleProject.make(s, units: 12)
        let one = try Run.oxidize(["check", "--format", "json", "-p", build, "-j", "1"])
        let two = try Run.oxidize(["check", "--format", "json", "-p", build, "-j", "2"])
        let four = try Run.oxidize(["check", "--format", "json", "-p", build, "-j", "4"])
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertEqual(one.stdout, two.stdout)
        XCTAssertEqual(one.stdout, four.stdout)
    }

    func testIncludeExclude() throws {
        let s = try Scratch()
        let build = try SampleProject.make(s)
        let r = try Run.oxidize(["report", "--format", "json", "-p", build, "--exclude", "src/use*.c"])
        let files = (try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])?["files"] as? [String] ?? []
        XCTAssertEqual(files.map { ($0 as NSString).lastPathComponent }.sorted(), ["free.c", "new.c"])
        let only = try Run.oxidize(["report", "--format", "json", "-p", build, "--include", "*/use1.c"])
        let files2 = (try JSONSerialization.jsonObject(with: only.stdout) as? [String: Any])?["files"] as? [String] ?? []
        XCTAssertEqual(files2.map { ($0 as NSString).lastPathComponent }, ["use1.c"])
    }

    func testBrokenUnitIsReportedAndSkipped() throws {
        let s = try Scratch()
        let build = try SampleProject.make(s, units: 2, broken: true)
        let r = try Run.oxidize(["report", "--format", "json", "-p", build])
        XCTAssertEqual(r.status, 2, "the exit code says a unit failed")
        XCTAssertTrue(r.stderr.contains("broken.c:1:"), r.stderr)
        let json = try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any]
        XCTAssertTrue((json?["functions"] as? [[String: Any]] ?? []).contains { $0["name"] as? String == "use1" }, "the other units still report")
    }

    func testMissingDatabase() throws {
        let s = try Scratch()
        let r = try Run.oxidize(["report", "-p", s.url.path])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("compile_commands.json"), r.stderr)
    }
}

/// A small project: a header with a static inline function and a struct, several units,
/// and its compile_commands.json.
enum SampleProject {
    /// A small project: a header with a static inline function and a struct, several units.
    static func make(_ s: Scratch, units: Int = 6, broken: Bool = false) throws -> String {
        for d in ["src", "include", "build"] { try FileManager.default.createDirectory(atPath: s.path(d), withIntermediateDirectories: true) }
        _ = try s.write("include/lib.h", """
        #include <stdlib.h>
        struct node { int v; struct node *next; };
        static inline int node_value(const struct node *n) { return n->v; }
        struct node *node_new(int v);
        void node_free_all(struct node *n);
        """)
        _ = try s.write("src/new.c", "#include \"lib.h\"\nstruct node *node_new(int v) { struct node *n = malloc(sizeof *n); if (!n) return NULL; n->v = v; n->next = NULL; return n; }\n")
        _ = try s.write("src/free.c", "#include \"lib.h\"\nvoid node_free_all(struct node *n) { while (n) { struct node *next = n->next; free(n); n = next; } }\n")
        var entries = [("new.c", "-DX=1"), ("free.c", "")]
        for i in 0..<units {
            _ = try s.write("src/use\(i).c", "#include \"lib.h\"\nint use\(i)(void) { struct node *n = node_new(\(i)); if (!n) return 0; int v = node_value(n); node_free_all(n); return v; }\n")
            entries.append(("use\(i).c", ""))
        }
        if broken {
            _ = try s.write("src/broken.c", "int broken( { }\n")
            entries.append(("broken.c", ""))
        }
        let json = "[\n" + entries.map { e in
            "{\"directory\": \"\(s.path("build"))\", \"command\": \"cc -I../include \(e.1) -c ../src/\(e.0) -o \(e.0).o\", \"file\": \"../src/\(e.0)\"}"
        }.joined(separator: ",\n") + "\n]\n"
        _ = try s.write("build/compile_commands.json", json)
        return s.path("build")
    }

}

/// Sharding for CI fleets: shards 1/2 and 2/2, merged, equal the unsharded report.
final class ShardTests: XCTestCase {
    func testShardsMergeToTheWholeRun() throws {
        let s = try Scratch()
        let build = try SampleProject.make(s, units: 8)
        let whole = try Run.oxidize(["report", "--format", "json", "-p", build, "--no-cache"])
        XCTAssertEqual(whole.status, 0, whole.stderr)
        var shardFiles: [String] = []
        var counts: [Int] = []
        for k in [2, 1] {
            let out = s.path("shard\(k).json")
            let r = try Run.oxidize(["report", "--format", "json", "-p", build, "--shard", "\(k)/2", "-o", out, "--no-cache"])
            XCTAssertEqual(r.status, 0, r.stderr)
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any]
            counts.append((json?["files"] as? [String])?.count ?? 0)
            XCTAssertNotNil(json?["units"], "a shard report carries its units")
            shardFiles.append(out)
        }
        XCTAssertEqual(counts.reduce(0, +), 10, "every unit is in exactly one shard")
        XCTAssertTrue(counts.allSatisfy { $0 > 0 }, "both shards have work: \(counts)")
        let merged = try Run.oxidize(["merge"] + shardFiles)
        XCTAssertEqual(merged.status, 0, merged.stderr)
        XCTAssertEqual(merged.out, whole.out, "merged shards equal the unsharded report, byte for byte")
        // A plain report is not a shard.
        let plain = s.path("plain.json")
        try whole.stdout.write(to: URL(fileURLWithPath: plain))
        let bad = try Run.oxidize(["merge", plain])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("not a shard report"), bad.stderr)
        XCTAssertEqual(try Run.oxidize(["report", "-p", build, "--shard", "3/2"]).status, 2)
    }

    /// A shard the hash deals no unit (one file over three machines) is an empty shard report,
    /// and the three merge to the whole run.
    func testEmptyShardsAreReportsToo() throws {
        let s = try Scratch()
        let build = try SampleProject.make(s, units: 1)
        let whole = try Run.oxidize(["report", "--format", "json", "-p", build, "--no-cache"])
        var files: [String] = []
        for k in 1...3 {
            let out = s.path("s\(k).json")
            let r = try Run.oxidize(["report", "--format", "json", "-p", build, "--shard", "\(k)/3", "-o", out, "--no-cache"])
            XCTAssertEqual(r.status, 0, "shard \(k): \(r.stderr)")
            files.append(out)
        }
        let merged = try Run.oxidize(["merge"] + files)
        XCTAssertEqual(merged.status, 0, merged.stderr)
        XCTAssertEqual(merged.out, whole.out)
    }

    /// merge refuses what would not be the whole run: a missing shard, the same shard twice, a
    /// shard of another project (issue 13, item 7).
    func testMergeRefusesIncompleteOrForeignShards() throws {
        let s = try Scratch()
        let build = try SampleProject.make(s, units: 6)
        var thirds: [String] = []
        for k in 1...3 {
            let out = s.path("third\(k).json")
            let r = try Run.oxidize(["report", "--format", "json", "-p", build, "--shard", "\(k)/3", "-o", out, "--no-cache"])
            XCTAssertEqual(r.status, 0, r.stderr)
            thirds.append(out)
        }
        let missing = try Run.oxidize(["merge", thirds[0], thirds[1]])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("incomplete shard set: 3/3 missing"), missing.stderr)
        let twice = try Run.oxidize(["merge", thirds[0], thirds[1], thirds[1]])
        XCTAssertEqual(twice.status, 2)
        XCTAssertTrue(twice.stderr.contains("both shard 2/3"), twice.stderr)
        XCTAssertEqual(try Run.oxidize(["merge"] + thirds).status, 0)

        let other = try Scratch()
        let otherBuild = try SampleProject.make(other, units: 4)
        let foreign = other.path("foreign.json")
        XCTAssertEqual(try Run.oxidize(["report", "--format", "json", "-p", otherBuild, "--shard", "3/3", "-o", foreign, "--no-cache"]).status, 0)
        let mixed = try Run.oxidize(["merge", thirds[0], thirds[1], foreign])
        XCTAssertEqual(mixed.status, 2)
        XCTAssertTrue(mixed.stderr.contains("of another run"), mixed.stderr)
    }
}

/// Progress is drawn on a terminal only: never into a pipe or a file, never with --quiet.
final class ProgressTests: XCTestCase {
    func testProgressOnlyOnATerminal() throws {
        let s = try Scratch()
        let build = try SampleProject.make(s, units: 3)
        let piped = try Run.oxidize(["report", "-p", build, "--no-cache", "--format", "json"])
        XCTAssertFalse(piped.stderr.contains("[1/5]"), piped.stderr)
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { throw XCTSkip("util-linux's script is not installed") }
        func onTerminal(_ extra: String) throws -> String {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            p.arguments = ["-qec", "\(Repo.binary.path) report -p \(build) --no-cache --format json -o \(s.path("r.json")) \(extra)", "/dev/null"]
            let pipe = Pipe()
            p.standardOutput = pipe
            try p.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        let tty = try onTerminal("")
        XCTAssertTrue(tty.contains("[1/5]") && tty.contains("[4/5]"), tty)
        XCTAssertFalse(try onTerminal("--quiet").contains("[1/5]"))
    }
}
