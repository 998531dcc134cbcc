import XCTest
import Pipeline

/// The unit cache: an unchanged re-run parses nothing and gives the same bytes; a changed
/// header is parsed again; a corrupt or foreign entry is detected, rebuilt, never trusted.
final class CacheTests: XCTestCase {
    /// Runs a report; `hits` is how many units came from the cache (all of them when the
    /// whole report did: nothing was parsed or analysed).
    func run(_ build: String, _ cache: String, format: String = "json") throws -> (Run, hits: Int) {
        let r = try Run.oxidize(["report", "--format", format, "-p", build, "--cache-dir", cache], env: ["OXIDIZE_TIMINGS": "1"])
        XCTAssertEqual(r.status, 0, r.stderr)
        if r.stderr.contains("cache: the whole report, unchanged") { return (r, Int.max) }
        let line = r.stderr.split(separator: "\n").first { $0.contains("oxidize: cache:") } ?? ""
        let hits = Int(line.split(separator: " ").dropFirst(2).first ?? "") ?? -1
        return (r, hits)
    }

    func testUnchangedRerunParsesNothing() throws {
        let s = try Scratch()
        let build = try SampleProject.make(s, units: 3)
        let cache = s.path("cache")
        let (first, h1) = try run(build, cache)
        XCTAssertEqual(h1, 0)
        let (second, h2) = try run(build, cache)
        XCTAssertEqual(h2, Int.max, "the whole report comes from the cache")
        XCTAssertEqual(first.stdout, second.stdout, "cached and parsed runs give the same bytes")
        let (text, h2t) = try run(build, cache, format: "text")
        XCTAssertEqual(h2t, 5, "another format analyses again, from the five cached units")
        XCTAssertTrue(text.out.contains("use0"))
        // A header change invalidates every unit that includes it.
        let header = s.path("include/lib.h")
        try (try String(contentsOfFile: header, encoding: .utf8) + "\nint added_later(void);\n").write(toFile: header, atomically: true, encoding: .utf8)
        let (_, h3) = try run(build, cache)
        XCTAssertEqual(h3, 0)
        let noCache = try Run.oxidize(["report", "--format", "json", "-p", build, "--no-cache"], env: ["OXIDIZE_TIMINGS": "1"])
        XCTAssertTrue(noCache.stderr.contains("cache: 0 of 5 units from (no cache)"), noCache.stderr)
    }

    /// A header that appears earlier on the include path shadows the one a cached unit read:
    /// the entry is stale (issue 13, item 8). Here `-I first -I second`, lib.h only in second,
    /// then a lib.h with another function is created in first.
    func testHeaderShadowingOnTheIncludePathInvalidates() throws {
        let s = try Scratch()
        let fm = FileManager.default
        try fm.createDirectory(atPath: s.path("first"), withIntermediateDirectories: true)
        try fm.createDirectory(atPath: s.path("second"), withIntermediateDirectories: true)
        _ = try s.write("second/lib.h", "char *old_api(char *p);\n")
        let c = try s.write("main.c", "#include \"lib.h\"\nchar *use(char *p) { return old_api(p); }\n")
        let cache = s.path("cache")
        func report() throws -> Run {
            let r = try Run.oxidize(["report", "--format", "json", c, "--cache-dir", cache, "--", "-I", s.path("first"), "-I", s.path("second")])
            XCTAssertEqual(r.status, 0, r.stderr)
            return r
        }
        XCTAssertTrue(try report().out.contains("old_api"))
        XCTAssertTrue(try report().out.contains("old_api"), "cached")
        _ = try s.write("first/lib.h", "#define old_api(p) new_api(p)\nchar *new_api(char *p);\n")
        let after = try report()
        XCTAssertTrue(after.out.contains("new_api"), "the shadowing header is read: \(after.out.prefix(400))")
    }

    func testCorruptEntryIsDetectedAndRebuilt() throws {
        let s = try Scratch()
        let build = try SampleProject.make(s, units: 1)
        let cache = s.path("cache")
        let (first, _) = try run(build, cache)
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasSuffix(".unit") }.sorted()
        XCTAssertEqual(entries.count, 3)
        // Flip bytes in the middle of one entry, replace another with foreign data.
        let victim = URL(fileURLWithPath: cache).appendingPathComponent(entries[0])
        var bytes = [UInt8](try Data(contentsOf: victim))
        for i in stride(from: bytes.count / 2, to: min(bytes.count, bytes.count / 2 + 16), by: 1) { bytes[i] ^= 0x5A }
        try Data(bytes).write(to: victim)
        try Data("not a cache entry".utf8).write(to: URL(fileURLWithPath: cache).appendingPathComponent(entries[1]))
        let (second, hits) = try run(build, cache)
        XCTAssertEqual(hits, 1, "only the intact entry is used")
        XCTAssertEqual(first.stdout, second.stdout, "rebuilt entries give the same report")
        let (_, again) = try run(build, cache, format: "text")
        XCTAssertEqual(again, 3, "the corrupt entries were rewritten")
    }
}

/// The cache folder stays under its limit: the least recently written entries go first.
final class CacheTrimTests: XCTestCase {
    func testTrimRemovesOldestFirst() throws {
        let s = try Scratch()
        let dir = s.path("cache")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        // Entries as the cache writes them: a hex name and the cache's magic first.
        for i in 0..<10 {
            let path = dir + "/000000000000000\(i).unit"
            try Data(Array("OXIDIZE-UNIT\n".utf8) + Array(repeating: 7, count: 987)).write(to: URL(fileURLWithPath: path))
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: Double(1_000_000 + i))], ofItemAtPath: path)
        }
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: dir + "/notes.txt"))
        // The user's own files with the cache's suffixes, older than every entry: never removed.
        for mine in ["mine.unit", "results.report", "00000000000000ff.unit"] {
            try Data(repeating: 1, count: 3000).write(to: URL(fileURLWithPath: dir + "/" + mine))
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 10)], ofItemAtPath: dir + "/" + mine)
        }
        UnitCache(directory: dir, toolVersion: "t", clangVersion: "c").trim(limit: 5000)
        let left = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        XCTAssertEqual(left, ["0000000000000006.unit", "0000000000000007.unit", "0000000000000008.unit", "0000000000000009.unit",
                              "00000000000000ff.unit", "mine.unit", "notes.txt", "results.report"],
                       "down to 80% of the limit, oldest entries first, the user's files untouched")
    }
}
