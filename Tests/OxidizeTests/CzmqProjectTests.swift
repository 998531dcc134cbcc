import XCTest

/// A real project: Debian's czmq source, configured by its own cmake with
/// CMAKE_EXPORT_COMPILE_COMMANDS=ON, analysed whole through -p. Fetched at run time (nothing
/// is committed); skipped with the reason when the source or cmake cannot be had.
final class CzmqProjectTests: XCTestCase {
    func testCzmqWholeProject() throws {
        // The project's own fetcher (apt's deb-src index in a private folder); no workspace needed.
        let fetch = Repo.root.appendingPathComponent("scripts/fetch-debian-source.sh").path
        guard let cmake = ["/usr/bin/cmake", "/usr/local/bin/cmake"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw XCTSkip("cmake is not installed (scripts/setup.sh installs it)")
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("oxidize-czmq").path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let source = (try? shell("/bin/bash", [fetch, work + "/src", "czmq"]))?.split(separator: "\n").last.map(String.init) ?? ""
        guard !source.isEmpty, FileManager.default.fileExists(atPath: source + "/CMakeLists.txt") else {
            throw XCTSkip("could not fetch Debian's czmq source")
        }
        let build = work + "/build"
        try? FileManager.default.removeItem(atPath: build)
        _ = try shell(cmake, ["-S", source, "-B", build, "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON"])
        let db = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: build + "/compile_commands.json"))) as? [[String: Any]] ?? []
        XCTAssertGreaterThan(db.count, 20)

        let cache = work + "/cache"
        try? FileManager.default.removeItem(atPath: cache)
        let one = try Run.oxidize(["report", "--format", "json", "-p", build, "-j", "1", "--no-cache"], timeout: 600)
        let two = try Run.oxidize(["report", "--format", "json", "-p", build, "-j", "2", "--cache-dir", cache], timeout: 600)
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertEqual(one.stdout, two.stdout, "-j 1 and -j 2 give the same bytes")
        let json = try JSONSerialization.jsonObject(with: one.stdout) as? [String: Any]
        XCTAssertEqual((json?["files"] as? [String])?.count, db.count, "every unit is in the report")
        XCTAssertGreaterThan((json?["functions"] as? [Any])?.count ?? 0, 500)
        // An unchanged re-run parses and analyses nothing (timings: bench/czmq.sh).
        let again = try Run.oxidize(["report", "--format", "json", "-p", build, "-j", "2", "--cache-dir", cache], env: ["OXIDIZE_TIMINGS": "1"])
        XCTAssertTrue(again.stderr.contains("cache: the whole report, unchanged"), again.stderr)
        XCTAssertEqual(again.stdout, one.stdout)
    }

    func shell(_ tool: String, _ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = args
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
