import Foundation
import XCTest

/// The faithful tier's `cstdio` module buffers standard output as the C library does: with
/// standard output and error merged into one pipe, the bytes come in the C program's order,
/// buffered by blocks, and by lines or not at all under coreutils' `stdbuf -oL` / `-o0`.
final class StdioTests: XCTestCase {
    func testMergedOutputInterleavesAsC() throws {
        guard let cc = Tool.find("cc") ?? Tool.find("gcc") else { throw XCTSkip("no C compiler on PATH") }
        guard let rustc = Tool.find("rustc") else { throw XCTSkip("rustc is not installed") }
        let stdbuf = Tool.find("stdbuf")
        if stdbuf == nil { print("stdio: stdbuf is not installed: only block buffering is compared") }
        // printf_formats ends with exit(3) after a line without a newline; stdio_edges fills
        // exactly one block before writing to stderr, flushes stderr, leaves a partial line.
        for name in ["printf_formats", "stdio_edges"] {
            let source = Repo.fixtures.appendingPathComponent("translate/corpus/\(name).c")
            let fixture = try TranslateFixture(source)
            let scratch = try Scratch()
            let cBin = scratch.path("c"), rs = scratch.path("p.rs"), rBin = scratch.path("r")
            XCTAssertEqual(try Tool.run(cc, ["-std=gnu11", "-w", "-o", cBin, source.path, "-lm"]).status, 0)
            let t = try Run.oxidize(["translate", source.path, "-o", rs])
            XCTAssertEqual(t.status, 0, t.stderr)
            let code = try String(contentsOfFile: rs, encoding: .utf8)
            XCTAssertTrue(code.contains("pub mod cstdio"), "\(name) writes through the cstdio module")
            let built = try Tool.run(rustc, ["--edition", "2021", "-o", rBin, rs])
            XCTAssertEqual(built.status, 0, built.stderr)
            for mode in [nil, "L", "0"] {
                // `stdbuf` sets `_STDBUF_O` and preloads its library for the C; the Rust reads the variable.
                if mode != nil, stdbuf == nil { continue }
                let prefix = mode.map { m in stdbuf.map { "'\($0)' -o\(m) " } ?? "" } ?? ""
                let c = try Tool.run("/bin/sh", ["-c", "\(prefix)'\(cBin)' 2>&1"])
                let r = try Tool.run("/bin/sh", ["-c", "\(prefix)'\(rBin)' 2>&1"])
                XCTAssertEqual(c.status, fixture.exit, name)
                XCTAssertEqual(r.status, c.status, "\(name), mode \(mode ?? "blocks")")
                XCTAssertEqual(r.stdout, c.stdout, "\(name): merged output, mode \(mode ?? "blocks")")
            }
        }
    }
}
