import Foundation
import XCTest

/// Bad input gets one clear line naming the file and the problem, exit 2, never a crash.
final class BadInputTests: XCTestCase {
    func assertCleanFailure(_ r: Run, mentions: [String], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(r.status, 2, "exit code; stderr: \(r.stderr)", file: file, line: line)
        for m in mentions { XCTAssertTrue(r.stderr.contains(m), "stderr should mention '\(m)': \(r.stderr)", file: file, line: line) }
        for bad in ["Fatal error", "Stack dump", "backtrace", "Segmentation"] {
            XCTAssertFalse(r.stderr.contains(bad), "crash output: \(r.stderr)", file: file, line: line)
        }
        XCTAssertTrue(r.stdout.isEmpty, "nothing on stdout on failure", file: file, line: line)
    }

    func testMissingFile() throws {
        let r = try Run.oxidize(["report", "/nonexistent/dir/x.c"])
        assertCleanFailure(r, mentions: ["/nonexistent/dir/x.c", "no such file"])
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1)
    }

    func testDirectory() throws {
        let s = try Scratch()
        let r = try Run.oxidize(["report", s.url.path])
        assertCleanFailure(r, mentions: [s.url.path, "directory"])
    }

    /// Issue 13, item 14: inputs that are not what they are taken for.
    func testFifoInputIsRefusedNotWaitedOn() throws {
        let s = try Scratch()
        let fifo = s.path("pipe.c")
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let r = try Run.oxidize(["report", fifo], timeout: 20)
        assertCleanFailure(r, mentions: [fifo, "is a FIFO"])
    }

    func testDiffTakesDevNullSarifAndBrokenReportsClearly() throws {
        let s = try Scratch()
        let c = try s.write("new.c", "#include <stdlib.h>\nchar *make(void) { return malloc(4); }\n")
        let added = try Run.oxidize(["diff", "/dev/null", c])
        XCTAssertNotEqual(added.status, 2, added.stderr)
        XCTAssertTrue(added.out.contains("make"), "everything in the new side is added: \(added.out)")
        let sarif = s.path("x.sarif")
        XCTAssertEqual(try Run.oxidize(["check", "--format", "sarif", c, "-o", sarif, "--fail-on", "never"]).status, 0)
        assertCleanFailure(try Run.oxidize(["diff", sarif, sarif]), mentions: [sarif, "a SARIF log, not an oxidize report"])
        let truncated = try s.write("cut.json", "{\"version\": \"1.2\", \"functions\": [")
        assertCleanFailure(try Run.oxidize(["diff", truncated, truncated]), mentions: [truncated, "not valid JSON"])
    }

    func testBrokenCompileDatabaseIsOneClearLine() throws {
        let s = try Scratch()
        let build = s.path("build")
        try FileManager.default.createDirectory(atPath: build, withIntermediateDirectories: true)
        _ = try s.write("build/compile_commands.json", "[{\"directory\": \"/tmp\", \"file\": \"a.c\", \"command\": \"cc a.c\"")
        let r = try Run.oxidize(["report", "-p", build])
        assertCleanFailure(r, mentions: ["compile_commands.json", "not valid JSON"])
        XCTAssertFalse(r.stderr.contains("YAML"), r.stderr)
    }

    /// A full standard output is an error message and exit 2, not a Swift error dump.
    func testFullStandardOutput() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { throw XCTSkip("no /dev/full") }
        let s = try Scratch()
        let c = try s.write("a.c", "int f(int *p) { return *p; }\n")
        let err = s.path("err")
        let status = try Spawn.run(Repo.binary.path, ["report", c], environment: ProcessInfo.processInfo.environment,
                                   stdin: nil, stdout: "/dev/full", stderr: err, timeout: 60)
        let text = try String(contentsOfFile: err, encoding: .utf8)
        XCTAssertEqual(status, 2, text)
        XCTAssertTrue(text.contains("cannot write to standard output (No space left on device)"), text)
        XCTAssertFalse(text.contains("WriteError"), text)
    }

    /// Issue 13, item 13: SIGINT while `-o` is being written removes the temporary (the
    /// report of 40,000 functions is streamed into it for a while) and leaves no output.
    func testInterruptDuringOutputLeavesNothingBehind() throws {
        let s = try Scratch()
        let big = (0..<40_000).map { "int *f\($0)(int *p, int **q) { *q = p; return p + \($0); }" }.joined(separator: "\n")
        let c = try s.write("big.c", big + "\n")
        let out = s.path("out.json")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let exe: String = Repo.binary.path
        let words: [String] = [exe, "report", "--no-cache", "--format", "json", c, "-o", out]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        XCTAssertEqual(posix_spawn(&pid, exe, &actions, nil, argv, environ), 0)
        let deadline = Date().addingTimeInterval(120)
        var seen = false
        while Date() < deadline, !seen {
            seen = ((try? FileManager.default.contentsOfDirectory(atPath: s.url.path)) ?? []).contains { $0.hasPrefix(".out.json.oxidize-") }
            if !seen { usleep(2_000) }
        }
        XCTAssertTrue(seen, "the temporary output never appeared")
        kill(pid, SIGINT)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        XCTAssertEqual(status & 0x7f, SIGINT, "ends by the signal")
        let left = (try? FileManager.default.contentsOfDirectory(atPath: s.url.path)) ?? []
        XCTAssertEqual(left.sorted(), ["big.c"], "nothing half-written is left: \(left)")
    }

    /// A disk that fills while a --cargo crate is written (here a file-size limit) leaves no
    /// half-written crate: the target is not created and no staging folder stays.
    func testFailedCrateWriteLeavesNoHalfCrate() throws {
        let s = try Scratch()
        let body = (0..<200).map { "int f\($0)(int x) { return x * \($0) + 1; }" }.joined(separator: "\n")
        let c = try s.write("prog.c", body + "\nint main(void) { return f1(2) - 3; }\n")
        let crate = s.path("crate")
        let script = "trap '' XFSZ; ulimit -f 8; exec \"$0\" translate --no-rustfmt \"$1\" --cargo \"$2\""
        let exe: String = Repo.binary.path
        let r = try Tool.run("/bin/sh", ["-c", script, exe, c, crate], env: ["OXIDIZE_RUSTC": ""])
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("cannot write the cargo project"), r.stderr)
        let left = (try? FileManager.default.contentsOfDirectory(atPath: s.url.path)) ?? []
        XCTAssertEqual(left.sorted(), ["prog.c"], "no crate and no staging folder: \(left)")
    }

    func testBinaryFile() throws {
        let s = try Scratch()
        let path = s.path("blob.c")
        try Data([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0, 0xff]).write(to: URL(fileURLWithPath: path))
        assertCleanFailure(try Run.oxidize(["report", path]), mentions: [path, "binary"])
    }

    func testSyntaxError() throws {
        let s = try Scratch()
        let path = try s.write("broken.c", "int main(void) {\n  int x = ;\n  return x\n}\n")
        let r = try Run.oxidize(["report", path])
        assertCleanFailure(r, mentions: ["\(path):2:"])
    }

    /// What gcc 12 accepts with a warning (an implicit function declaration), clang 16 and later
    /// reject by default; real projects build with gcc, so oxidize accepts it too. Warnings are
    /// not computed (`-w`), but the user's `-Werror=...` after `--` still makes it an error.
    func testImplicitDeclarationIsAcceptedAsGccDoesUnlessTheUserMakesItAnError() throws {
        let s = try Scratch()
        let path = try s.write("undeclared.c", "int main(void) {\n  return undeclared_fn(3);\n}\n")
        let accepted = try Run.oxidize(["report", path])
        XCTAssertEqual(accepted.status, 0, "an implicit declaration is a warning, as in gcc 12: \(accepted.stderr)")
        let r = try Run.oxidize(["report", path, "--", "-Werror=implicit-function-declaration"])
        assertCleanFailure(r, mentions: ["\(path):2:", "undeclared"])
    }

    func testMissingHeader() throws {
        let s = try Scratch()
        let path = try s.write("hdr.c", "#include \"does_not_exist.h\"\nint f(void) { return 0; }\n")
        let r = try Run.oxidize(["report", path])
        assertCleanFailure(r, mentions: ["\(path):1:", "does_not_exist.h", "not found"])
    }

    func testMissingHeaderFoundWithClangArguments() throws {
        let s = try Scratch()
        try FileManager.default.createDirectory(atPath: s.path("inc"), withIntermediateDirectories: true)
        _ = try s.write("inc/thing.h", "struct thing { int *p; };\n")
        let path = try s.write("use.c", "#include \"thing.h\"\nint get(struct thing *t) { return *t->p; }\n")
        let r = try Run.oxidize(["report", "--format", "json", path, "--", "-I", s.path("inc")])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.out.contains("\"name\": \"get\""))
    }

    func testWarningsAreNotErrors() throws {
        let s = try Scratch()
        let path = try s.write("warn.c", "int f(int *p) { int unused; return *p; }\n")
        let r = try Run.oxidize(["report", path, "--", "-Wall"])
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    func testBuiltinHeadersAreFound() throws {
        let s = try Scratch()
        let path = try s.write("builtin.c", "#include <stddef.h>\n#include <stdarg.h>\nsize_t n(const char *s, ...) { va_list ap; va_start(ap, s); va_end(ap); return s ? 1 : 0; }\n")
        let r = try Run.oxidize(["report", path])
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    func testEmptyFileGivesNormalReport() throws {
        let s = try Scratch()
        let path = try s.write("empty.c", "")
        let r = try Run.oxidize(["report", "--format", "json", path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let json = try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any]
        XCTAssertEqual((json?["functions"] as? [Any])?.count, 0)
    }

    func testDeepNesting() throws {
        let s = try Scratch()
        let depth = 1000
        let parens = String(repeating: "(", count: depth) + "*p" + String(repeating: ")", count: depth)
        let blocks = String(repeating: "{", count: depth) + "*p = 1;" + String(repeating: "}", count: depth)
        let path = try s.write("deep.c", "int deep_read(int *p) { return \(parens); }\nvoid deep_write(int *p) \(blocks)\n")
        let r = try Run.oxidize(["report", "--format", "json", path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let out = r.out
        XCTAssertTrue(out.contains("\"name\": \"deep_read\""))
        XCTAssertTrue(out.contains("\"name\": \"deep_write\""))
    }

    /// Nesting deeper than the parser's stack (a million unary minus signs; 100,000 crashed
    /// libclang with SIGSEGV before) is refused with a message and exit 2, for every command
    /// that parses. Deep but parseable nesting (50,000) still gives a report.
    func testNestingBeyondTheParsersStackIsAnError() throws {
        let s = try Scratch()
        let tooDeep = try s.write("minus.c", "int f(int x) { return " + String(repeating: "- ", count: 1_000_000) + "x; }\n")
        for args in [["report", "--no-cache", tooDeep], ["check", "--no-cache", tooDeep], ["translate", tooDeep]] {
            let r = try Run.oxidize(args)
            XCTAssertEqual(r.status, 2, "\(args[0]): \(r.stderr.prefix(300))")
            XCTAssertTrue(r.stderr.contains("minus.c:1:1: error: the C is nested too deeply to parse"), r.stderr)
        }
        let deep = try s.write("deep_minus.c", "int f(int x) { return " + String(repeating: "- ", count: 50_000) + "x; }\n")
        let r = try Run.oxidize(["report", "--no-cache", deep])
        XCTAssertEqual(r.status, 0, String(r.stderr.prefix(300)))
    }

    func testOutputNeverOverwritesInput() throws {
        let s = try Scratch()
        let text = "int f(int *p) { return *p; }\n"
        let path = try s.write("in.c", text)
        let r = try Run.oxidize(["report", path, "-o", path])
        assertCleanFailure(r, mentions: [path, "overwrite"])
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), text)
        // Also through another spelling of the same path.
        let r2 = try Run.oxidize(["report", path, "-o", s.url.path + "/./in.c"])
        XCTAssertEqual(r2.status, 2)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), text)
    }

    func testOutputIsWrittenAtomically() throws {
        let s = try Scratch()
        let path = try s.write("in.c", "int f(int *p) { return *p; }\n")
        let out = s.path("report.json")
        try "previous".write(toFile: out, atomically: true, encoding: .utf8)
        let r = try Run.oxidize(["report", "--format", "json", path, "-o", out])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("{"))
        // Nothing but the input and the output is left in the folder.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: s.url.path).sorted(), ["in.c", "report.json"])
        // A failing run leaves the previous output untouched.
        let bad = try s.write("bad.c", "int x = ;\n")
        let r2 = try Run.oxidize(["report", "--format", "json", bad, "-o", out])
        XCTAssertEqual(r2.status, 2)
        XCTAssertTrue(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("{"))
    }

    /// `-o` through a symlink replaces the link's target and keeps the link; `-o` to a FIFO (or
    /// a device, or `>(...)`) writes through it instead of replacing it with a regular file.
    func testOutputFollowsSymlinksAndWritesThroughFifos() throws {
        let s = try Scratch()
        let path = try s.write("in.c", "int f(int *p) { return *p; }\n")
        let target = try s.write("real.json", "previous")
        try FileManager.default.createSymbolicLink(atPath: s.path("link.json"), withDestinationPath: "real.json")
        let r = try Run.oxidize(["report", "--format", "json", path, "-o", s.path("link.json")])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: s.path("link.json")), "real.json", "the link stays a link")
        XCTAssertTrue(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("{"), "its target has the report")

        let fifo = s.path("pipe")
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        // A reader drains the FIFO into a file while oxidize writes.
        guard let cat = Tool.find("cat") else { throw XCTSkip("no cat") }
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: cat)
        reader.arguments = [fifo]
        let drained = s.path("drained.json")
        _ = FileManager.default.createFile(atPath: drained, contents: nil)
        reader.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: drained))
        try ProcessLaunch.run(reader)
        let w = try Run.oxidize(["report", "--format", "json", path, "-o", fifo])
        XCTAssertEqual(w.status, 0, w.stderr)
        var st = stat()
        XCTAssertEqual(stat(fifo, &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFIFO, "the FIFO is still a FIFO")
        if st.st_mode & S_IFMT != S_IFIFO { reader.terminate() }   // nothing will ever write to the reader's FIFO
        reader.waitUntilExit()
        XCTAssertTrue(try String(contentsOfFile: drained, encoding: .utf8).hasPrefix("{"), "the report went through the FIFO")
    }

    /// `-o` is never the model file or the baseline the run reads.
    func testOutputNeverOverwritesModelOrBaseline() throws {
        let s = try Scratch()
        let path = try s.write("in.c", "#include <stdlib.h>\nvoid f(void) { char *p = malloc(4); free(p); free(p); }\n")
        let model = try s.write("model.json", "{ \"library\": \"mine\", \"functions\": {} }\n")
        let r = try Run.oxidize(["report", path, "--model", model, "-o", model])
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("refusing to overwrite"), r.stderr)
        XCTAssertEqual(try String(contentsOfFile: model, encoding: .utf8), "{ \"library\": \"mine\", \"functions\": {} }\n")
        let baseline = s.path("baseline.json")
        let w = try Run.oxidize(["check", path, "--write-baseline", baseline, "--fail-on", "never"])
        XCTAssertEqual(w.status, 0, w.stderr)
        let before = try String(contentsOfFile: baseline, encoding: .utf8)
        let c = try Run.oxidize(["check", path, "--baseline", baseline, "-o", baseline])
        XCTAssertEqual(c.status, 2, c.stderr)
        XCTAssertEqual(try String(contentsOfFile: baseline, encoding: .utf8), before)
    }

    /// A file name with line breaks never reaches generated text raw: not a line of TOML in
    /// Cargo.toml, not code after a `//` comment, in either tier.
    func testFileNameWithLineBreaksIsNotInjected() throws {
        guard let cargo = Tool.find("cargo") else { throw XCTSkip("cargo is not installed") }
        let s = try Scratch()
        let evil = "evil\n[dependencies]\nserde = \"1\"\nx.c"
        let idiomatic = try s.write(evil, "#include <stdlib.h>\nint main(void) { int *p = malloc(sizeof *p); if (!p) return 1; *p = 2; int r = *p; free(p); return r; }\n")
        let t = try Run.oxidize(["translate", idiomatic, "--cargo", s.path("a")])
        XCTAssertEqual(t.status, 0, t.stderr)
        XCTAssertFalse(t.stderr.contains("rustc rejected"), "the idiomatic translation compiles: \(t.stderr)")
        let toml = try String(contentsOfFile: s.path("a/Cargo.toml"), encoding: .utf8)
        XCTAssertFalse(toml.contains("\nserde"), toml)
        let faithful = try s.write("other\n}\nfn x() {\n.c", "struct b { unsigned f : 3; };\nint main(void) { struct b v = { 5 }; return v.f; }\n")
        let u = try Run.oxidize(["translate", faithful, "--cargo", s.path("b")])
        XCTAssertEqual(u.status, 0, u.stderr)
        for dir in ["a", "b"] {
            let b = try Tool.run(cargo, ["build", "--offline", "--quiet"], cwd: s.path(dir), env: ["CARGO_TARGET_DIR": s.path("target-" + dir)], timeout: 600)
            XCTAssertEqual(b.status, 0, "\(dir): \(b.stderr)")
        }
    }

    /// A C file named `-dash.c` is that file, not options (`-d -a -s -h` printed the help and
    /// exited 0).
    func testFileNamedLikeAnOption() throws {
        let s = try Scratch()
        _ = try s.write("-dash.c", "int f(int *p) { return *p; }\n")
        let r = try Run.oxidize(["report", "--format", "json", "-dash.c"], cwd: s.url)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.out.contains("\"f\""), r.out)
        XCTAssertFalse(r.out.contains("OVERVIEW"), "not the help")
    }

    func testUsageErrors() throws {
        let r = try Run.oxidize(["report"])
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("no input files"), r.stderr)
        let r2 = try Run.oxidize(["report", "--format", "yaml", "x.c"])
        XCTAssertEqual(r2.status, 2)
        let r3 = try Run.oxidize(["frobnicate"])
        XCTAssertEqual(r3.status, 2)
    }

    func testBadModelFile() throws {
        let s = try Scratch()
        let path = try s.write("in.c", "int f(int *p) { return *p; }\n")
        let model = try s.write("mine.json", "{ \"functions\": { \"my_free\": { \"params\": [ { \"role\": \"obliterate\" } ] } } }")
        let r = try Run.oxidize(["report", path, "--model", model])
        assertCleanFailure(r, mentions: [model, "obliterate"])
        let notJSON = try s.write("broken.json", "{ nope")
        assertCleanFailure(try Run.oxidize(["report", path, "--model", notJSON]), mentions: [notJSON])
        assertCleanFailure(try Run.oxidize(["report", path, "--model", s.path("absent.json")]), mentions: ["absent.json"])
    }
}
