import Foundation
import XCTest

/// Whole programs into one crate (`translate -p BUILD --cargo DIR`, `translate a.c b.c --cargo
/// DIR`): Fixtures/project/two_programs has two programs sharing a library, a static function
/// of one name in three files, a global used across files and a record opaque in the header.
final class ProjectTranslateTests: XCTestCase {
    static let files = ["shapes.h", "counter.c", "geom.c", "prog1.c", "prog2.c"]

    /// The fixture copied into a scratch folder with a compile_commands.json for its four units.
    func project(_ s: Scratch) throws -> String {
        let fixture = Repo.fixtures.appendingPathComponent("project/two_programs")
        let src = s.path("src")
        try FileManager.default.createDirectory(atPath: src, withIntermediateDirectories: true)
        for f in Self.files { try FileManager.default.copyItem(atPath: fixture.appendingPathComponent(f).path, toPath: src + "/" + f) }
        let entries = ["counter.c", "geom.c", "prog1.c", "prog2.c"].map {
            "{\"directory\": \"\(src)\", \"command\": \"cc -std=gnu11 -c \($0) -o \($0).o\", \"file\": \"\($0)\"}"
        }
        try Data(("[\n" + entries.joined(separator: ",\n") + "\n]\n").utf8).write(to: URL(fileURLWithPath: src + "/compile_commands.json"))
        return src
    }

    func testBothProgramsBuildAndRunLikeTheirC() throws {
        guard let cargo = Tool.find("cargo"), let cc = Tool.find("cc") else { throw XCTSkip("cargo or cc is not installed") }
        let s = try Scratch()
        let src = try project(s)
        let crate = s.path("crate")
        let t = try Run.oxidize(["translate", "-p", src, "--cargo", crate])
        XCTAssertEqual(t.status, 0, t.stderr)
        XCTAssertTrue(t.stderr.contains("2 binaries"), t.stderr)
        // The summary says why functions are unsafe, and the reasons account for every one.
        let unsafeCount = t.stderr.range(of: #"(\d+) unsafe: faithful tier"#, options: .regularExpression).map { Int(t.stderr[$0].split(separator: " ")[0]) ?? -1 } ?? -1
        let reasons = t.stderr.split(separator: "\n").first { $0.contains("unsafe because of:") } ?? ""
        let counted = reasons.split(separator: ",").compactMap { $0.split(separator: " ").last.flatMap { Int($0) } }.reduce(0, +)
        XCTAssertEqual(counted, unsafeCount, "reasons: \(reasons)")
        XCTAssertTrue(reasons.contains("a C library call"), String(reasons))
        for module in ["src/types.rs", "src/counter.rs", "src/geom.rs", "src/lib.rs", "src/bin/prog1.rs", "src/bin/prog2.rs"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: crate + "/" + module), "\(module) is written")
        }
        // The header's records once, in the types module; calls across files are paths.
        let types = try String(contentsOfFile: crate + "/src/types.rs", encoding: .utf8)
        XCTAssertTrue(types.contains("pub struct segment"), types)
        let geom = try String(contentsOfFile: crate + "/src/geom.rs", encoding: .utf8)
        XCTAssertFalse(geom.contains("pub struct segment"), "no second copy of the header's record")
        XCTAssertTrue(geom.contains("crate::counter::shapes_made"), "geom.c's use of counter.c's global:\n\(geom)")
        let b = try Tool.run(cargo, ["build", "--offline", "--quiet"], cwd: crate, env: ["CARGO_TARGET_DIR": s.path("target")], timeout: 600)
        XCTAssertEqual(b.status, 0, b.stderr)
        for program in ["prog1", "prog2"] {
            let exe = s.path("c_" + program)
            let c = try Tool.run(cc, ["-w", "-o", exe, src + "/counter.c", src + "/geom.c", src + "/\(program).c"])
            XCTAssertEqual(c.status, 0, c.stderr)
            let want = try Tool.run(exe, ["a"])
            let got = try Tool.run(s.path("target/debug/\(program)"), ["a"])
            XCTAssertEqual(got.stdout, want.stdout, program)
            XCTAssertEqual(got.status, want.status, program)
        }
    }

    /// Two programs' `main`s are two functions, and each file's static `clamp` its own: the report
    /// lists every definition once, whatever the order of compile_commands.json.
    func testReportListsEveryDefinitionOnce() throws {
        let s = try Scratch()
        let src = try project(s)
        let r = try Run.oxidize(["report", "--format", "json", "--no-cache", "-p", src])
        XCTAssertEqual(r.status, 0, r.stderr)
        let functions = (try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])?["functions"] as? [[String: Any]] ?? []
        func files(_ name: String) -> [String] {
            functions.filter { $0["name"] as? String == name }.compactMap { ($0["file"] as? String).map { ($0 as NSString).lastPathComponent } }.sorted()
        }
        XCTAssertEqual(files("main"), ["prog1.c", "prog2.c"])
        XCTAssertEqual(files("clamp"), ["counter.c", "geom.c", "prog2.c"])
        XCTAssertEqual(files("seg_len2"), ["geom.c"])
        let check = try Run.oxidize(["check", "--format", "json", "--no-cache", "-p", src])
        XCTAssertNotEqual(check.status, 2, check.stderr)
    }

    /// Shapes whole programs have that a file-by-file view misses (Fixtures/project/*, each one
    /// program): functions defined in an included file (`#define IMPL` + `#include "lib.h"`),
    /// the file with `main` defining what another file calls, one record defined in two files,
    /// and liftings inside modules (references, safe calls across modules, one standard output,
    /// a buffer another module keeps), the C library's math functions and a large table in a
    /// library module, and functions another module lends raw pointers to as references. Each crate builds and its binary prints and exits like the
    /// C; the functions each file names `// safe:` are safe.
    func testProgramShapesBuildAndRunLikeTheirC() throws {
        guard let cargo = Tool.find("cargo"), let cc = Tool.find("cc") else { throw XCTSkip("cargo or cc is not installed") }
        let s = try Scratch()
        for shape in ["included_definitions", "main_exports", "same_struct_two_files", "module_liftings", "library_math", "across_loans"] {
            let dir = Repo.fixtures.appendingPathComponent("project/" + shape)
            let files = Repo.fixtures(in: "project/" + shape).map(\.path)
            let crate = s.path(shape)
            let t = try Run.oxidize(["translate", "--cargo", crate] + files + ["--", "-I", dir.path])
            XCTAssertEqual(t.status, 0, "\(shape): \(t.stderr)")
            let b = try Tool.run(cargo, ["build", "--offline", "--quiet"], cwd: crate, env: ["CARGO_TARGET_DIR": s.path("target-" + shape)], timeout: 600)
            XCTAssertEqual(b.status, 0, "\(shape): \(b.stderr)")
            let exe = s.path("c-" + shape)
            let c = try Tool.run(cc, ["-w", "-I", dir.path, "-o", exe] + files + ["-lm"])
            XCTAssertEqual(c.status, 0, c.stderr)
            let manifest = try String(contentsOfFile: crate + "/Cargo.toml", encoding: .utf8)
            guard let bin = manifest.components(separatedBy: "[[bin]]\nname = \"").dropFirst().first?.split(separator: "\"").first else {
                XCTFail("\(shape): no binary in \(manifest)"); continue
            }
            let want = try Tool.run(exe, []), got = try Tool.run(s.path("target-\(shape)/debug/\(bin)"), [])
            XCTAssertEqual(got.stdout, want.stdout, shape)
            XCTAssertEqual(got.status, want.status, shape)
            try checkSafety(files: files, crate: crate, shape: shape)
        }
    }

    /// Each C file's `// safe: f g` and `// unsafe: h` comments against the crate: the functions
    /// named safe are written without `unsafe`, the others with it.
    func checkSafety(files: [String], crate: String, shape: String) throws {
        let modules = try FileManager.default.contentsOfDirectory(atPath: crate + "/src").filter { $0.hasSuffix(".rs") }
        let rust = try modules.map { try String(contentsOfFile: crate + "/src/" + $0, encoding: .utf8) }.joined(separator: "\n")
        let lines = rust.split(separator: "\n")
        for file in files where file.hasSuffix(".c") {
            let c = try String(contentsOfFile: file, encoding: .utf8)
            for line in c.split(separator: "\n") {
                for (prefix, safe) in [("// safe:", true), ("// unsafe:", false)] where line.hasPrefix(prefix) {
                    for name in line.dropFirst(prefix.count).split(separator: " ") {
                        guard let def = lines.first(where: { $0.contains("fn \(name)(") && !$0.hasPrefix(" ") && !$0.hasPrefix("//") }) else {
                            XCTFail("\(shape): no definition of \(name)"); continue
                        }
                        XCTAssertEqual(!def.contains("unsafe"), safe, "\(shape): \(def)")
                    }
                }
            }
        }
    }

    /// The C's link flags (`-lz` after `--`) become the crate's build script: it links.
    func testLinkFlagsBecomeTheBuildScript() throws {
        guard let cargo = Tool.find("cargo") else { throw XCTSkip("cargo is not installed") }
        guard FileManager.default.fileExists(atPath: "/usr/include/zlib.h") else { throw XCTSkip("zlib1g-dev is not installed") }
        let s = try Scratch()
        let main = try s.write("v.c", "#include <stdio.h>\n#include <zlib.h>\nint main(void) { printf(\"%s\\n\", zlibVersion()); return 0; }\n")
        let other = try s.write("h.c", "int helper(void) { return 1; }\n")
        let t = try Run.oxidize(["translate", main, other, "--cargo", s.path("crate"), "--", "-lz"])
        XCTAssertEqual(t.status, 0, t.stderr)
        XCTAssertTrue(try String(contentsOfFile: s.path("crate/build.rs"), encoding: .utf8).contains("cargo:rustc-link-lib=z"))
        let b = try Tool.run(cargo, ["build", "--offline", "--quiet"], cwd: s.path("crate"), env: ["CARGO_TARGET_DIR": s.path("target")], timeout: 600)
        XCTAssertEqual(b.status, 0, b.stderr)
        let run = try Tool.run(s.path("target/debug/v"), [])
        XCTAssertTrue(run.stdout.hasPrefix("1."), run.stdout)
    }

    func testFilesGivenOnTheCommandLineMakeTheSameCrate() throws {
        let s = try Scratch()
        let src = try project(s)
        let files = ["counter.c", "geom.c", "prog1.c", "prog2.c"].map { src + "/" + $0 }
        let a = try Run.oxidize(["translate", "--no-rustfmt", "--cargo", s.path("a/crate")] + files, env: ["OXIDIZE_RUSTC": ""])
        let b = try Run.oxidize(["translate", "--no-rustfmt", "-p", src, "--cargo", s.path("b/crate")], env: ["OXIDIZE_RUSTC": ""])
        XCTAssertEqual(a.status, 0, a.stderr)
        XCTAssertEqual(b.status, 0, b.stderr)
        for f in ["src/types.rs", "src/counter.rs", "src/bin/prog2.rs"] {
            XCTAssertEqual(try String(contentsOfFile: s.path("a/crate/" + f), encoding: .utf8), try String(contentsOfFile: s.path("b/crate/" + f), encoding: .utf8), f)
        }
    }

    func testCargoTargetIsNeverOverwrittenWithoutForce() throws {
        let s = try Scratch()
        let src = try project(s)
        let crate = s.path("crate")
        try FileManager.default.createDirectory(atPath: crate, withIntermediateDirectories: true)
        let mine = try s.write("crate/Cargo.toml", "# the user's own\n")
        let refused = try Run.oxidize(["translate", "-p", src, "--cargo", crate], env: ["OXIDIZE_RUSTC": ""])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("not empty"), refused.stderr)
        XCTAssertEqual(try String(contentsOfFile: mine, encoding: .utf8), "# the user's own\n")
        // Single-file translation refuses too, and a target that holds the input is refused even with --force.
        let single = try Run.oxidize(["translate", src + "/prog1.c", "--cargo", crate], env: ["OXIDIZE_RUSTC": ""])
        XCTAssertEqual(single.status, 2, single.stderr)
        let input = try Run.oxidize(["translate", src + "/prog1.c", "--cargo", src, "--force"], env: ["OXIDIZE_RUSTC": ""])
        XCTAssertEqual(input.status, 2, input.stderr)
        XCTAssertTrue(input.stderr.contains("holds the input"), input.stderr)
        let forced = try Run.oxidize(["translate", "-p", src, "--cargo", crate, "--force"], env: ["OXIDIZE_RUSTC": ""])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertTrue(try String(contentsOfFile: mine, encoding: .utf8).contains("[[bin]]"))
    }

    func testSeveralFilesNeedCargo() throws {
        let s = try Scratch()
        let src = try project(s)
        let r = try Run.oxidize(["translate", src + "/counter.c", src + "/geom.c"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("--cargo"), r.stderr)
    }
}
