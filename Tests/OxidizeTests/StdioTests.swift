import Foundation
import XCTest

/// The faithful tier's `cstdio` module buffers standard output as the C library does: with
/// standard output and error merged into one pipe, the bytes come in the C program's order,
/// buffered by blocks, and by lines or not at all under coreutils' `stdbuf -oL` / `-o0`.
final class StdioTests: XCTestCase {
    func testMergedOutputInterleavesAsC() throws {
        guard let cc = Tool.find("cc") ?? Tool.find("gcc") else { throw XCTSkip("no C compiler on PATH") }
        guard let rustc = Tool.find("rustc") else { throw XCTSkip("rustc is not installed") }
        let source = Repo.fixtures.appendingPathComponent("translate/corpus/printf_formats.c")
        let scratch = try Scratch()
        let cBin = scratch.path("c"), rs = scratch.path("p.rs"), rBin = scratch.path("r")
        XCTAssertEqual(try Tool.run(cc, ["-std=gnu11", "-w", "-o", cBin, source.path, "-lm"]).status, 0)
        let t = try Run.oxidize(["translate", source.path, "-o", rs])
        XCTAssertEqual(t.status, 0, t.stderr)
        let code = try String(contentsOfFile: rs, encoding: .utf8)
        XCTAssertTrue(code.contains("pub mod cstdio"), "printf_formats writes through the cstdio module")
        let built = try Tool.run(rustc, ["--edition", "2021", "-o", rBin, rs])
        XCTAssertEqual(built.status, 0, built.stderr)
        let stdbuf = Tool.find("stdbuf")
        for mode in [nil, "L", "0"] {
            // `stdbuf` sets `_STDBUF_O` and preloads its library for the C; the Rust reads the variable.
            let prefix = mode.map { m in stdbuf.map { "'\($0)' -o\(m) " } ?? "" } ?? ""
            if mode != nil, stdbuf == nil { continue }
            let c = try Tool.run("/bin/sh", ["-c", "\(prefix)'\(cBin)' 2>&1"])
            let r = try Tool.run("/bin/sh", ["-c", "\(prefix)'\(rBin)' 2>&1"])
            XCTAssertEqual(c.status, 3)
            XCTAssertEqual(r.status, c.status, "mode \(mode ?? "blocks")")
            XCTAssertEqual(r.stdout, c.stdout, "merged output, mode \(mode ?? "blocks")")
        }
        if stdbuf == nil { print("stdio: stdbuf is not installed: only block buffering was compared") }
    }
}
