import Foundation
import XCTest

/// The behaviour corpus: C programs written the way people write C (hash tables, CSV readers,
/// getopt, goto, fall-through, unions with anonymous members, bit twiddling, ...), in
/// `Fixtures/translate/corpus/`. Each is translated, compiled by rustc with no warning, and run
/// on the same arguments and input as its C: stdout and exit code must be the same. Each
/// program's tier and its functions with and without `unsafe` are listed.
final class CorpusTests: XCTestCase {
    func testCorpusBehavesLikeItsC() throws {
        guard let cc = Tool.find("cc") ?? Tool.find("gcc") else { throw XCTSkip("no C compiler on PATH") }
        guard let rustc = Tool.find("rustc") else { throw XCTSkip("rustc is not installed: the translations cannot be compiled") }
        let dir = Repo.fixtures.appendingPathComponent("translate/corpus")
        let programs = Repo.fixtures(in: "translate/corpus")
        XCTAssertGreaterThanOrEqual(programs.count, 100, "Fixtures/translate/corpus holds the corpus")
        let scratch = try Scratch()
        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var lines: [String] = []
            var failures: [String] = []
            var safePrograms = 0
            func safe() { lock.lock(); safePrograms += 1; lock.unlock() }
            func add(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
            func fail(_ line: String) { lock.lock(); failures.append(line); lock.unlock() }
        }
        let results = Results()
        eachIndex(programs.count) { k in
            let src = programs[k]
            do {
                let f = try TranslateFixture(src)
                let at = "\(src.path):1"
                let cBin = scratch.path(f.name + "-c")
                let built = try Tool.run(cc, ["-std=gnu11", "-O0", "-w", "-o", cBin, src.path, "-lm"])
                guard built.status == 0 else { return results.fail("\(at): the C does not build: \(built.stderr)") }
                let c = try Tool.run(cBin, f.args, cwd: dir.path, stdin: f.stdin)
                if c.stdout != f.expected { results.fail("\(at): the C's output differs from \(f.name).out") }
                if c.status != f.exit { results.fail("\(at): the C exits \(c.status), the fixture says \(f.exit)") }
                let rs = scratch.path(f.name + ".rs")
                let t = try Run.oxidize(["translate", src.path, "-o", rs])
                guard t.status == 0 else { return results.fail("\(at): translate failed: \(t.stderr)") }
                // A lifting rustc rejects is the analysis' mistake: on the corpus, none.
                if t.stderr.contains("rustc rejected the lifted") { results.fail("\(at): \(t.stderr)") }
                let code = try String(contentsOfFile: rs, encoding: .utf8)
                if code.contains("todo!(") { results.fail("\(at): the translation has a todo!") }
                let rBin = scratch.path(f.name + "-rs")
                let r = try Tool.run(rustc, ["--edition", "2021", "-o", rBin, rs])
                guard r.status == 0 else { return results.fail("\(at): rustc rejects the translation:\n\(r.stderr.prefix(2000))") }
                if r.stderr.contains("warning") { results.fail("\(at): rustc warns:\n\(r.stderr.prefix(2000))") }
                let run = try Tool.run(rBin, f.args, cwd: dir.path, stdin: f.stdin, timeout: 20)
                if run.stdout != c.stdout { results.fail("\(at): the Rust prints something else than the C:\n\(run.stdout.prefix(500))") }
                if run.status != c.status { results.fail("\(at): the Rust exits \(run.status), the C \(c.status)") }
                // The program's own functions: definitions at the top level (the extern block's
                // declarations end with `;`, support modules' functions are indented), by their
                // first line (a long signature is broken after its `(`).
                let definitions = code.split(separator: "\n").filter { $0.contains("fn ") && ($0.hasSuffix("{") || $0.hasSuffix("(")) && !$0.hasPrefix(" ") && !$0.hasPrefix("//") }
                func definition(_ name: String) -> Substring? {
                    // A long signature is broken after its `(`: the first line names the function.
                    code.split(separator: "\n").first { !$0.hasPrefix(" ") && ($0.contains("fn \(name)(") || $0.contains("fn \(name)<")) }
                }
                for name in f.safe {
                    guard let d = definition(name) else { results.fail("\(at): no function \(name) in the translation"); continue }
                    if d.contains("unsafe") { results.fail("\(at): \(name) should come out without unsafe: \(d)") }
                }
                for name in f.unsafe {
                    guard let d = definition(name) else { results.fail("\(at): no function \(name) in the translation"); continue }
                    if !d.contains("unsafe") { results.fail("\(at): \(name) should keep unsafe (a near miss): \(d)") }
                }
                let functions = definitions.count
                let unsafeFunctions = definitions.filter { $0.contains("unsafe") }.count
                let tier = code.contains("(faithful tier") ? "faithful" : "idiomatic"
                if let expected = f.tier, expected != tier { results.fail("\(at): the translation is in the \(tier) tier, the fixture says \(expected)") }
                results.add("\(f.name): \(tier), \(functions - unsafeFunctions) of \(functions) functions without unsafe")
                if unsafeFunctions == 0 { results.safe() }
            } catch {
                results.fail("\(src.path):1: \(error)")
            }
        }
        for line in results.lines.sorted() { print("corpus: \(line)") }
        for failure in results.failures.sorted() { XCTFail(failure) }
        print("corpus: \(results.lines.count) of \(programs.count) programs behave like their C")
        print("corpus: \(results.safePrograms) of \(programs.count) programs have no unsafe function")
        // A ratchet: what the faithful tier's lifting (safe functions, `cstdio`, references,
        // cursors, `cctype`) reached on 2026-12-06; it only goes up.
        XCTAssertGreaterThanOrEqual(results.safePrograms, 128, "fewer corpus programs without unsafe than before")
    }
}
