import Foundation
import XCTest

/// Runs a tool (cc, rustc, cargo, the programs they build) with arguments, no shell.
struct Tool {
    var status: Int32
    var stdout: String
    var stderr: String

    static func find(_ name: String) -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
            + [NSHomeDirectory() + "/.cargo/bin", "/usr/local/bin", "/usr/bin"]
        return paths.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @discardableResult
    static func run(_ exe: String, _ args: [String], cwd: String? = nil, env: [String: String] = [:], stdin: String? = nil,
                    timeout: TimeInterval = 300) throws -> Tool {
        var environment = ProcessInfo.processInfo.environment
        for (k, v) in env { environment[k] = v }
        let scratch = try Scratch()
        let o = scratch.path("out"), e = scratch.path("err")
        let status = try Spawn.run(exe, args, cwd: cwd, environment: environment, stdin: stdin, stdout: o, stderr: e, timeout: timeout)
        return Tool(status: status, stdout: (try? String(contentsOfFile: o, encoding: .utf8)) ?? "",
                    stderr: (try? String(contentsOfFile: e, encoding: .utf8)) ?? "")
    }

    /// Starts a program and returns its process (for servers).
    static func start(_ exe: String, _ args: [String], stdout: String) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        _ = FileManager.default.createFile(atPath: stdout, contents: nil)
        p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdout))
        p.standardError = FileHandle.nullDevice
        try ProcessLaunch.run(p)
        return p
    }
}

/// A fixture program: its header (`// args:`, `// stdin:`, `// exit:`) and expected output.
struct TranslateFixture {
    var source: URL
    var args: [String] = []
    /// A file fed to standard input (`// stdin: NAME`), beside the program.
    var stdin: String?
    var exit: Int32 = 0
    /// Functions that must come out without `unsafe` (`// safe: f g`), and near misses that
    /// must keep it (`// unsafe: h`): what a lifting proves, and what it must not claim.
    var safe: [String] = []
    var unsafe: [String] = []
    /// The tier the whole file must come out in (`// tier: idiomatic` or `faithful`), where the
    /// program tests one tier's translation of a construct.
    var tier: String?
    var expected: String

    init(_ source: URL) throws {
        self.source = source
        let text = try String(contentsOf: source, encoding: .utf8)
        for line in text.split(separator: "\n").prefix(16) {
            if line.hasPrefix("// args:") { args = line.dropFirst(8).split(separator: " ").map(String.init) }
            if line.hasPrefix("// stdin:") {
                stdin = source.deletingLastPathComponent().appendingPathComponent(line.dropFirst(9).trimmingCharacters(in: .whitespaces)).path
            }
            if line.hasPrefix("// exit:") { exit = Int32(line.dropFirst(8).trimmingCharacters(in: .whitespaces)) ?? 0 }
            if line.hasPrefix("// safe:") { safe = line.dropFirst(8).split(separator: " ").map(String.init) }
            if line.hasPrefix("// unsafe:") { unsafe = line.dropFirst(10).split(separator: " ").map(String.init) }
            if line.hasPrefix("// tier:") { tier = line.dropFirst(8).trimmingCharacters(in: .whitespaces) }
        }
        expected = (try? String(contentsOf: source.deletingPathExtension().appendingPathExtension("out"), encoding: .utf8)) ?? ""
    }
    var name: String { source.deletingPathExtension().lastPathComponent }
}

/// `oxidize translate` end to end: the C program and its Rust translation, built by the real
/// compilers and run on the same input, must print the same and exit the same.
final class TranslateTests: XCTestCase {
    func tools() throws -> (cc: String, rustc: String) {
        guard let cc = Tool.find("cc") ?? Tool.find("gcc") else { throw XCTSkip("no C compiler on PATH") }
        guard let rustc = Tool.find("rustc") else { throw XCTSkip("rustc is not installed: the translations cannot be compiled") }
        return (cc, rustc)
    }

    func testProgramsBehaveLikeTheirC() throws {
        let (cc, rustc) = try tools()
        let dir = Repo.fixtures.appendingPathComponent("translate")
        let programs = Repo.fixtures(in: "translate")
        XCTAssertGreaterThanOrEqual(programs.count, 8, "Fixtures/translate holds at least 8 programs")
        let scratch = try Scratch()
        for src in programs {
            let f = try TranslateFixture(src)
            let where_ = "\(src.path):1"
            // The C itself, as the reference.
            let cBin = scratch.path(f.name + "-c")
            let built = try Tool.run(cc, ["-std=c99", "-O0", "-o", cBin, src.path])
            XCTAssertEqual(built.status, 0, "\(where_): the C does not build: \(built.stderr)")
            let c = try Tool.run(cBin, f.args, cwd: dir.path, stdin: f.stdin)
            XCTAssertEqual(c.stdout, f.expected, "\(where_): the C's output differs from \(f.name).out")
            XCTAssertEqual(c.status, f.exit, "\(where_): the C's exit code")
            // The translation.
            let rs = scratch.path(f.name + ".rs")
            let t = try Run.oxidize(["translate", src.path, "-o", rs])
            XCTAssertEqual(t.status, 0, "\(where_): translate failed: \(t.stderr)")
            guard t.status == 0 else { continue }
            let code = try String(contentsOfFile: rs, encoding: .utf8)
            let again = try Run.oxidize(["translate", src.path])
            XCTAssertEqual(again.out, code, "\(where_): same input, same bytes")
            XCTAssertFalse(code.contains("unsafe"), "\(where_): the translation contains unsafe")
            XCTAssertFalse(code.contains("todo!("), "\(where_): the translation has untranslated parts: \(t.stderr)")
            let rBin = scratch.path(f.name + "-rs")
            let r = try Tool.run(rustc, ["--edition", "2021", "-o", rBin, rs])
            XCTAssertEqual(r.status, 0, "\(where_): rustc rejects the translation:\n\(r.stderr)")
            XCTAssertFalse(r.stderr.contains("warning"), "\(where_): rustc warns about the translation:\n\(r.stderr)")
            guard r.status == 0 else { continue }
            let run = try Tool.run(rBin, f.args, cwd: dir.path, stdin: f.stdin)
            XCTAssertEqual(run.stdout, c.stdout, "\(where_): the Rust prints something else than the C")
            XCTAssertEqual(run.status, c.status, "\(where_): the Rust exits with another code than the C")
        }
    }

    func testOutputIsDeterministicAndRustfmtClean() throws {
        _ = try tools()
        let src = Repo.fixtures.appendingPathComponent("translate/shared_config.c").path
        let a = try Run.oxidize(["translate", src])
        let b = try Run.oxidize(["translate", src])
        XCTAssertEqual(a.status, 0)
        XCTAssertEqual(a.stdout, b.stdout, "same input, same bytes")
        XCTAssertTrue(a.out.contains("Rc<RefCell<Config>>"), "the refcounted config is shared with interior mutability")
        XCTAssertTrue(a.out.contains("// c: shared"), "decisions are annotated")
        if let rustfmt = Tool.find("rustfmt") {
            let s = try Scratch()
            let path = try s.write("x.rs", a.out)
            let check = try Tool.run(rustfmt, ["--edition", "2021", "--check", path])
            XCTAssertEqual(check.status, 0, "the output is rustfmt'd:\n\(check.stdout)")
        }
    }

    /// A switch becomes a match; a case that leaves with a `break` from inside, or falls through,
    /// has no match arm that does the same: the idiomatic tier says so, and the file goes to the
    /// faithful tier, whose output compiles and does what the C does.
    func testSwitchShapes() throws {
        let s = try Scratch()
        let plain = try s.write("plain.c", """
        #include <stdio.h>
        int main(int argc, char **argv) {
            (void)argv;
            switch (argc) {
            case 1: puts("one"); break;
            case 2: case 3: puts("few"); break;
            default: puts("many"); break;
            }
            return 0;
        }
        """)
        let p = try Run.oxidize(["translate", plain])
        XCTAssertEqual(p.status, 0, p.stderr)
        XCTAssertTrue(p.out.contains("2 | 3 =>"), p.out)
        XCTAssertFalse(p.out.contains("todo!"), p.out)
        let inner = try s.write("inner.c", """
        #include <stdio.h>
        int main(int argc, char **argv) {
            (void)argv;
            for (int i = 0; i < 3; i++) {
                switch (argc) {
                case 1:
                    if (i == 1) break;
                    puts("one");
                    break;
                default: puts("other"); break;
                }
            }
            return 0;
        }
        """)
        let i = try Run.oxidize(["translate", inner])
        XCTAssertTrue(i.stderr.contains("a break out of a switch from inside a case"), i.stderr)
        XCTAssertTrue(i.stderr.contains("wrote the faithful translation"), i.stderr)
        try assertBehavesLikeC(inner, args: [[], ["a"]])
        let fall = try s.write("fall.c", """
        #include <stdio.h>
        int main(int argc, char **argv) {
            (void)argv;
            switch (argc) {
            case 1: puts("one");
            case 2: puts("two"); break;
            }
            return 0;
        }
        """)
        let f = try Run.oxidize(["translate", fall])
        XCTAssertTrue(f.stderr.contains("a switch case that falls through into the next"), f.stderr)
        XCTAssertTrue(f.stderr.contains("wrote the faithful translation"), f.stderr)
        try assertBehavesLikeC(fall, args: [[], ["a"], ["a", "b"]])
    }

    /// `p++; p--;` on a string cursor: a slice cannot step back, so the idiomatic tier must not
    /// advance it twice (it leaves the step back to the faithful tier).
    func testCursorStepsBack() throws {
        let s = try Scratch()
        let src = try s.write("back.c", """
        #include <stdio.h>
        static int sum(const int *p, int n) {
            int s = 0;
            for (int i = 0; i < n; i++) { s += p[0]; p++; p--; p++; }
            return s;
        }
        int main(void) { int a[4] = {1, 2, 3, 4}; printf("%d\\n", sum(a, 4)); return 0; }
        """)
        try assertBehavesLikeC(src, args: [[]])
    }

    /// Builds `source` with cc and its translation with rustc (no warnings), runs both with each
    /// argument list, and compares stdout and exit code.
    func assertBehavesLikeC(_ source: String, args: [[String]], file: StaticString = #filePath, line: UInt = #line) throws {
        let (cc, rustc) = try tools()
        let s = try Scratch()
        let cBin = s.path("c"), rBin = s.path("r"), rs = s.path("t.rs")
        XCTAssertEqual(try Tool.run(cc, ["-w", "-o", cBin, source]).status, 0, file: file, line: line)
        let t = try Run.oxidize(["translate", source, "-o", rs])
        XCTAssertEqual(t.status, 0, t.stderr, file: file, line: line)
        let r = try Tool.run(rustc, ["--edition", "2021", "-o", rBin, rs])
        XCTAssertEqual(r.status, 0, r.stderr, file: file, line: line)
        XCTAssertFalse(r.stderr.contains("warning"), r.stderr, file: file, line: line)
        guard r.status == 0 else { return }
        for a in args {
            let c = try Tool.run(cBin, a), rust = try Tool.run(rBin, a)
            XCTAssertEqual(rust.stdout, c.stdout, "args \(a)", file: file, line: line)
            XCTAssertEqual(rust.status, c.status, "args \(a)", file: file, line: line)
        }
    }

    func testFindingsBecomeWarnings() throws {
        let s = try Scratch()
        let src = try s.write("leaky.c", """
        #include <stdlib.h>
        #include <stdio.h>
        int main(void) {
            int *p = malloc(sizeof *p);
            if (p == NULL) return 1;
            *p = 4;
            printf("%d\\n", *p);
            return 0;
        }
        """)
        let t = try Run.oxidize(["translate", src])
        XCTAssertEqual(t.status, 0, t.stderr)
        XCTAssertTrue(t.out.contains("// WARNING [leak]"), "the leak is reported where it happens:\n\(t.out)")
    }

    /// What a call becomes is data: a model file's `rust` template, which users add for their own libraries.
    func testUserModelTemplates() throws {
        let s = try Scratch()
        let model = try s.write("glyphs.json", """
        { "library": "glyphs",
          "functions": {
            "glyph_count": { "params": [ { "role": "borrow", "string": true } ],
                             "rust": { "expr": "{0}.chars().count()", "type": "usize", "args": ["&str"] } } } }
        """)
        let src = try s.write("use.c", """
        #include <stdio.h>
        #include <stddef.h>
        size_t glyph_count(const char *s);
        int main(void) {
            printf("%zu\\n", glyph_count("h\\u00e9llo"));
            return 0;
        }
        """)
        let t = try Run.oxidize(["translate", src, "--model", model])
        XCTAssertEqual(t.status, 0, t.stderr)
        XCTAssertTrue(t.out.contains(".chars().count()"), t.out)
        XCTAssertFalse(t.out.contains("todo!"), t.out)
        let bad = try s.write("bad.json", """
        { "functions": { "f": { "params": [ { "role": "value" } ], "rust": { "expr": "{3}.len()", "type": "usize" } } } }
        """)
        let b = try Run.oxidize(["translate", src, "--model", bad])
        XCTAssertEqual(b.status, 2)
        XCTAssertTrue(b.stderr.contains("bad.json"), b.stderr)
        XCTAssertTrue(b.stderr.contains("{3}"), b.stderr)
    }

    /// `-p BUILD_DIR`: the file is parsed with its own flags from compile_commands.json.
    func testFlagsFromCompilationDatabase() throws {
        let s = try Scratch()
        let src = try s.write("greet.c", """
        #include <stdio.h>
        #ifndef GREETING
        #error GREETING comes from the build
        #endif
        int main(void) { puts(GREETING); return 0; }
        """)
        try FileManager.default.createDirectory(atPath: s.path("build"), withIntermediateDirectories: true)
        _ = try s.write("build/compile_commands.json", """
        [{"directory": "\(s.url.path)", "file": "greet.c", "arguments": ["cc", "-DGREETING=\\"hi\\"", "-c", "greet.c"]}]
        """)
        let without = try Run.oxidize(["translate", src])
        XCTAssertEqual(without.status, 2, "without the build's flags the file does not parse")
        let t = try Run.oxidize(["translate", src, "-p", s.path("build")])
        XCTAssertEqual(t.status, 0, t.stderr)
        XCTAssertTrue(t.out.contains("println!(\"hi\")"), t.out)
        let other = try s.write("other.c", "int f(void) { return 1; }\n")
        let notUnit = try Run.oxidize(["translate", other, "-p", s.path("build")])
        XCTAssertEqual(notUnit.status, 2)
        XCTAssertTrue(notUnit.stderr.contains("not a unit"), notUnit.stderr)
    }

    func testBadInputAndRefusals() throws {
        let missing = try Run.oxidize(["translate", "/nonexistent/x.c"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("/nonexistent/x.c"), missing.stderr)
        XCTAssertFalse(missing.stderr.contains("Fatal error"))
        let src = Repo.fixtures.appendingPathComponent("translate/linked_list.c").path
        let both = try Run.oxidize(["translate", src, "-o", "/tmp/x.rs", "--cargo", "/tmp/x"])
        XCTAssertEqual(both.status, 2)
        let overwrite = try Run.oxidize(["translate", src, "-o", src])
        XCTAssertEqual(overwrite.status, 2, "never overwrites its input")
    }

    /// What cannot be proven stays raw, each use in the smallest `unsafe` block with a `// SAFETY:`
    /// comment giving the reason; the program still behaves like its C.
    func testUnprovenPointersStayRawInSmallUnsafeBlocks() throws {
        let (cc, rustc) = try tools()
        let scratch = try Scratch()
        for src in Repo.fixtures(in: "translate/raw") {
            let f = try TranslateFixture(src)
            let rs = scratch.path(f.name + ".rs")
            let t = try Run.oxidize(["translate", src.path, "-o", rs])
            XCTAssertEqual(t.status, 0, t.stderr)
            let lines = try String(contentsOfFile: rs, encoding: .utf8).split(separator: "\n").map(String.init)
            var blocks = 0
            for (i, l) in lines.enumerated() where l.contains("unsafe {") {
                blocks += 1
                XCTAssertTrue(i > 0 && lines[i - 1].contains("// SAFETY: "), "\(src.path):1: unsafe without a SAFETY comment above it: \(l)")
                // The smallest block: one expression or one statement inside.
                if l.trimmingCharacters(in: .whitespaces).hasSuffix("unsafe {") {
                    XCTAssertTrue(i + 2 < lines.count && lines[i + 2].trimmingCharacters(in: .whitespaces) == "}",
                                  "\(src.path):1: more than one statement in an unsafe block after: \(l)")
                } else if let r = l.range(of: "unsafe { ") {
                    let inside = l[r.upperBound...].prefix { $0 != "}" }
                    XCTAssertLessThanOrEqual(inside.filter { $0 == ";" }.count, 1, "\(src.path):1: \(l)")
                }
            }
            XCTAssertGreaterThan(blocks, 0, "\(src.path):1: expected raw pointer uses in unsafe blocks")
            let r = try Tool.run(rustc, ["--edition", "2021", "-o", scratch.path(f.name), rs])
            XCTAssertEqual(r.status, 0, "\(src.path):1: \(r.stderr)")
            XCTAssertFalse(r.stderr.contains("warning"), "\(src.path):1: \(r.stderr)")
            let c = try Tool.run(cc, ["-std=c99", "-o", scratch.path(f.name + "-c"), src.path])
            XCTAssertEqual(c.status, 0, c.stderr)
            let cr = try Tool.run(scratch.path(f.name + "-c"), f.args)
            let rr = try Tool.run(scratch.path(f.name), f.args)
            XCTAssertEqual(cr.stdout, f.expected, "\(src.path):1: the C's output")
            XCTAssertEqual(rr.stdout, cr.stdout, "\(src.path):1: the Rust prints something else than the C")
        }
    }

    // MARK: --strict

    /// One fixture per diagnostic id: the checker reports the id, the default translation says so in
    /// a WARNING, and `--strict` output makes rustc fail with the error the header names (or, for a
    /// leak, compile: Rust drops what the C leaks).
    func testStrictTranslationsAreRejectedByRustc() throws {
        let (_, rustc) = try tools()
        let dir = Repo.fixtures.appendingPathComponent("translate/strict")
        let files = Repo.fixtures(in: "translate/strict")
        var ids = Set<String>()
        let scratch = try Scratch()
        for src in files {
            let header = try String(contentsOf: src, encoding: .utf8).split(separator: "\n").first.map(String.init) ?? ""
            // `// strict: ID -> rustc E0382 (...)` or `// strict: ID -> compiles (...)`
            let parts = header.replacingOccurrences(of: "// strict: ", with: "").split(separator: " ")
            guard parts.count >= 3 else { XCTFail("\(src.path):1: no `// strict: ID -> rustc CODE` header"); continue }
            let id = String(parts[0])
            let code: String? = parts[2] == "rustc" ? String(parts[3]) : nil
            ids.insert(id)
            let check = try Run.oxidize(["check", src.path, "--fail-on", "never"], cwd: dir)
            XCTAssertTrue(check.out.contains("[\(id)]"), "\(src.path):1: the checker does not report \(id):\n\(check.out)")
            let plain = try Run.oxidize(["translate", src.path])
            XCTAssertTrue(plain.out.contains("// WARNING [\(id)]"), "\(src.path):1: the default translation does not warn about \(id)")
            let rs = scratch.path(src.deletingPathExtension().lastPathComponent + ".rs")
            let t = try Run.oxidize(["translate", "--strict", src.path, "-o", rs])
            XCTAssertEqual(t.status, 0, "\(src.path):1: \(t.stderr)")
            let r = try Tool.run(rustc, ["--edition", "2021", "--crate-type", "bin", "-o", scratch.path("bin"), rs])
            if let code {
                XCTAssertNotEqual(r.status, 0, "\(src.path):1: rustc accepts the strict translation; expected \(code)")
                XCTAssertTrue(r.stderr.contains("error[\(code)]"), "\(src.path):1: expected rustc \(code), got:\n\(r.stderr)")
            } else {
                XCTAssertEqual(r.status, 0, "\(src.path):1: the strict translation should compile:\n\(r.stderr)")
            }
        }
        let all: Set<String> = ["use-after-free", "double-free", "leak", "free-non-heap", "free-offset", "stack-address-escape",
                                "mismatched-dealloc", "mutable-alias", "release-while-borrowed", "null-unchecked"]
        XCTAssertEqual(ids, all, "one strict fixture per diagnostic id")
    }

    // MARK: zeromq

    static let registry = "/usr/share/cargo/registry"

    func zmqTools() throws -> (cc: String, cargo: String) {
        guard let cc = Tool.find("cc") else { throw XCTSkip("no C compiler") }
        guard let cargo = Tool.find("cargo") else { throw XCTSkip("cargo is not installed") }
        guard FileManager.default.fileExists(atPath: Self.registry + "/zmq-0.9.2") else {
            throw XCTSkip("Debian's librust-zmq-dev is not installed (\(Self.registry)/zmq-0.9.2)")
        }
        guard FileManager.default.fileExists(atPath: "/usr/include/zmq.h") else { throw XCTSkip("libzmq3-dev is not installed") }
        return (cc, cargo)
    }

    /// Translates a zeromq C program with --cargo and builds it offline; returns the binary.
    func cargoBuild(_ name: String, _ scratch: Scratch, cargo: String, source: String? = nil) throws -> String? {
        let src = source ?? Repo.fixtures.appendingPathComponent("translate/zmq/\(name).c").path
        let dir = scratch.path(name)
        let t = try Run.oxidize(["translate", src, "--cargo", dir, "--registry", Self.registry])
        XCTAssertEqual(t.status, 0, "\(src):1: translate --cargo failed: \(t.stderr)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/Cargo.toml"))
        let main = try String(contentsOfFile: dir + "/src/main.rs", encoding: .utf8)
        XCTAssertFalse(main.contains("unsafe"), "\(src):1: unsafe in the translation")
        XCTAssertTrue(main.contains("zmq::Context::new()"), "\(src):1: the zmq crate is used")
        let b = try Tool.run(cargo, ["build", "--offline", "--quiet"], cwd: dir, env: ["CARGO_TARGET_DIR": scratch.path("target")], timeout: 600)
        XCTAssertEqual(b.status, 0, "\(src):1: cargo build failed:\n\(b.stderr)")
        XCTAssertFalse(b.stderr.contains("warning"), "\(src):1: the build warns:\n\(b.stderr)")
        return b.status == 0 ? scratch.path("target/debug/\(name)") : nil
    }

    /// `--strict` on zeromq programs built as cargo projects (Fixtures/translate/zmq/strict): the
    /// C's bug is the error cargo's rustc names in the header (`// strict: ID -> rustc CODE`).
    func testStrictZeromqCargoProjectsAreRejectedByRustc() throws {
        let (_, cargo) = try zmqTools()
        let scratch = try Scratch()
        let files = Repo.fixtures(in: "translate/zmq/strict")
        XCTAssertFalse(files.isEmpty)
        for src in files {
            let header = try String(contentsOf: src, encoding: .utf8).split(separator: "\n").first.map(String.init) ?? ""
            let parts = header.replacingOccurrences(of: "// strict: ", with: "").split(separator: " ")
            guard parts.count >= 4, parts[2] == "rustc" else { XCTFail("\(src.path):1: no `// strict: ID -> rustc CODE` header"); continue }
            let dir = scratch.path(src.deletingPathExtension().lastPathComponent)
            let t = try Run.oxidize(["translate", "--strict", src.path, "--cargo", dir, "--registry", Self.registry])
            XCTAssertEqual(t.status, 0, "\(src.path):1: \(t.stderr)")
            XCTAssertTrue(try String(contentsOfFile: dir + "/src/main.rs", encoding: .utf8).contains("// WARNING [\(parts[0])]"))
            let b = try Tool.run(cargo, ["build", "--offline", "--quiet"], cwd: dir, env: ["CARGO_TARGET_DIR": scratch.path("target")], timeout: 600)
            XCTAssertNotEqual(b.status, 0, "\(src.path):1: cargo accepts the strict translation; expected \(parts[3])")
            XCTAssertTrue(b.stderr.contains("error[\(parts[3])]"), "\(src.path):1: expected rustc \(parts[3]), got:\n\(b.stderr)")
        }
    }

    func testZeromqRequestReplyAgainstC() throws {
        let (cc, cargo) = try zmqTools()
        let scratch = try Scratch()
        let dir = Repo.fixtures.appendingPathComponent("translate/zmq")
        var cBins: [String: String] = [:]
        for name in ["rr_server", "rr_client"] {
            let out = scratch.path(name + "-c")
            let b = try Tool.run(cc, ["-std=c99", "-o", out, dir.appendingPathComponent(name + ".c").path, "-lzmq"])
            XCTAssertEqual(b.status, 0, b.stderr)
            cBins[name] = out
        }
        guard let rServer = try cargoBuild("rr_server", scratch, cargo: cargo),
              let rClient = try cargoBuild("rr_client", scratch, cargo: cargo) else { return }
        let serverOut = try String(contentsOf: dir.appendingPathComponent("rr_server.out"), encoding: .utf8)
        let clientOut = try String(contentsOf: dir.appendingPathComponent("rr_client.out"), encoding: .utf8)
        let port = 5590 + Int(getpid() % 300)
        for (k, pair) in [("C with C", cBins["rr_server"]!, cBins["rr_client"]!), ("Rust server, C client", rServer, cBins["rr_client"]!),
                          ("C server, Rust client", cBins["rr_server"]!, rClient)].enumerated() {
            let endpoint = "tcp://127.0.0.1:\(port + k)"
            let sOut = scratch.path("server-\(k).out")
            let server = try Tool.start(pair.1, [endpoint, "3"], stdout: sOut)
            let client = try Tool.run(pair.2, [endpoint, "3"], timeout: 30)
            let deadline = Date().addingTimeInterval(20)
            while server.isRunning && Date() < deadline { usleep(10_000) }
            if server.isRunning { server.terminate() }
            server.waitUntilExit()
            XCTAssertEqual(client.status, 0, "\(pair.0): client exit")
            XCTAssertEqual(server.terminationStatus, 0, "\(pair.0): server exit")
            XCTAssertEqual(client.stdout, clientOut, "\(pair.0): client output")
            XCTAssertEqual(try String(contentsOfFile: sOut, encoding: .utf8), serverOut, "\(pair.0): server output")
        }
    }

    func testZeromqGuideStyleProgramsCompile() throws {
        let (_, cargo) = try zmqTools()
        let scratch = try Scratch()
        for name in ["hwserver", "hwclient", "wuserver", "wuclient"] {
            _ = try cargoBuild(name, scratch, cargo: cargo)
        }
        // The README's bundled example too.
        _ = try cargoBuild("zmq_hello", scratch, cargo: cargo, source: Repo.root.appendingPathComponent("examples/zmq_hello.c").path)
    }
}
