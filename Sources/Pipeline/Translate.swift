import CModel
import CSyntax
import Checker
import ClangFrontend
import Emitter
import Foundation
import Ownership

extension Pipeline {
    /// `oxidize translate`: one C file -> Rust. The idiomatic tier writes the Rust a person
    /// would write from the ownership decisions; when it leaves a gap or rustc rejects what it
    /// wrote, the file is translated by the faithful tier instead, which keeps C's semantics
    /// exactly with raw pointers and `unsafe`. `--strict` keeps the idiomatic tier: its point is
    /// that rustc rejects the C's bugs.
    public static func translate(_ options: Options, strict: Bool) throws -> RustTranslation {
        let library = try libraryModel(extra: options.modelFiles)
        var options = options
        if let dir = options.buildDirectory {
            // The file's own flags from compile_commands.json, then the ones after `--`.
            switch CompilationDatabase.load(buildDirectory: dir) {
            case .failure(let e): throw Failure(messages: [e.description])
            case .success(let units):
                guard let file = options.files.first else { throw Failure(messages: ["oxidize: error: nothing to translate"]) }
                let want = URL(fileURLWithPath: file).resolvingSymlinksInPath().standardizedFileURL.path
                guard let unit = units.first(where: { URL(fileURLWithPath: $0.file).resolvingSymlinksInPath().standardizedFileURL.path == want }) else {
                    throw Failure(messages: ["\(file): error: not a unit of \(dir)/compile_commands.json"])
                }
                options.clangArguments = unit.arguments + options.clangArguments
                options.buildDirectory = nil
            }
        }
        guard let file = options.files.first else { throw Failure(messages: ["oxidize: error: nothing to translate"]) }
        let (unit, program) = try parseOnDeepStack(file, options.clangArguments)
        let units = [unit]
        let ownership = OwnershipInference.analyze(units: units, library: library)
        let diagnostics = Checker.check(units: units, library: library, ownership: ownership)
        guard let data = FileManager.default.contents(atPath: unit.mainFile) else {
            throw Failure(messages: ["\(unit.mainFile): error: cannot read the file"])
        }
        let source = String(decoding: data, as: UTF8.self)
        var idiomatic = RustEmitter.translate(TranslationInput(unit: unit, facts: ownership.facts, refcounted: ownership.refcounted,
                                                               diagnostics: diagnostics, source: source, library: library, strict: strict))
        if strict { return idiomatic }
        var reason: String?
        let unkept = IdiomaticGuard.reasons(program) + IdiomaticGuard.sizeofReasons(unit, source: source)
            + IdiomaticGuard.arrayParameterReasons(unit)
        if !unkept.isEmpty {
            reason = "the idiomatic tier does not yet keep the meaning of \(unkept.prefix(3).joined(separator: ", "))"
        } else if !idiomatic.gaps.isEmpty {
            let first = idiomatic.gaps[0].split(separator: " ", maxSplits: 1).last.map(String.init) ?? idiomatic.gaps[0]
            reason = "the idiomatic tier left \(idiomatic.gaps.count) construct(s) untranslated (first: \(first))"
        } else if idiomatic.crates.isEmpty, let error = RustCheck.firstError(idiomatic.code) {
            reason = "rustc rejected the idiomatic translation (\(error))"
        }
        guard let reason else { return idiomatic }
        switch FaithfulTier.translate(program, findings: diagnostics, links: library.linkByHeader) {
        case .failure(let refusals):
            throw Failure(messages: refusals.list.map(\.description))
        case .success(var faithful):
            faithful.notes.append("\(file): note: \(reason); wrote the faithful translation (raw pointers and unsafe, C's semantics kept)")
            var error = RustCheck.firstError(faithful.code)
            if let e = error, faithful.code.contains("cheap::Link"),
               case .success(var unlinked) = FaithfulTier.translate(program, findings: diagnostics, links: library.linkByHeader, heapLinks: false),
               RustCheck.firstError(unlinked.code) == nil {
                // rustc rejected a link into a heap object (a handle borrowed while read
                // directly): those records keep raw pointers, the rest stays lifted.
                unlinked.notes = faithful.notes
                unlinked.notes.append("\(file): note: rustc rejected the links to handles (\(e.split(separator: "\n").first ?? "")); wrote them as raw pointers")
                faithful = unlinked
                error = nil
            }
            if error != nil, case .success(var raw) = FaithfulTier.translate(program, findings: diagnostics, links: library.linkByHeader, liftReferences: false) {
                // rustc rejected a lifting (a reference the borrow checker does not accept):
                // every pointer parameter stays raw.
                raw.notes = faithful.notes
                raw.notes.append("\(file): note: rustc rejected the lifted references and indexes (\(error!.split(separator: "\n").first ?? "")); wrote them as raw pointers")
                faithful = raw
                error = RustCheck.firstError(faithful.code)
            }
            if let e = error, e.contains("E0133"), case .success(var allUnsafe) = FaithfulTier.translate(program, findings: diagnostics, links: library.linkByHeader, liftSafe: false, liftReferences: false) {
                // rustc found an unsafe operation in a function written as safe: every function unsafe.
                allUnsafe.notes = faithful.notes
                allUnsafe.notes.append("\(file): note: rustc found an unsafe operation in a function written as safe (\(e.split(separator: "\n").first ?? "")); wrote every function unsafe")
                faithful = allUnsafe
                error = RustCheck.firstError(faithful.code)
            }
            if let error {
                faithful.notes.append("\(file): warning: rustc rejects the faithful translation: \(error)")
            } else if RustCheck.rustc == nil {
                faithful.notes.append("\(file): note: rustc is not installed: the translation was not checked")
            }
            idiomatic = faithful
        }
        return idiomatic
    }

    /// Parses on a thread with a deep stack: the syntax tree is built recursively.
    static func parseOnDeepStack(_ file: String, _ arguments: [String]) throws -> (TranslationUnit, Program) {
        let slot = Locked<Result<(TranslationUnit, Program), ParseFailure>?>(nil)
        let done = DispatchSemaphore(value: 0)
        let t = Thread {
            let parsed = ClangIndex().parseForTranslation(path: file, arguments: arguments)
            slot.withLock { $0 = parsed }
            done.signal()
        }
        t.stackSize = 1 << 29
        t.start()
        done.wait()
        switch slot.withLock({ $0 })! {
        case .failure(let f): throw Failure(messages: f.errors.map(\.description))
        case .success(let pair): return pair
        }
    }
}

/// rustc as the judge of what a tier wrote: type and borrow checking without code generation.
public enum RustCheck {
    public static let rustc: String? = {
        let env = ProcessInfo.processInfo.environment
        if let explicit = env["OXIDIZE_RUSTC"] { return explicit.isEmpty ? nil : explicit }
        let paths = (env["PATH"] ?? "").split(separator: ":").map(String.init) + [NSHomeDirectory() + "/.cargo/bin", "/usr/bin"]
        return paths.map { $0 + "/rustc" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Runs a tool to its end: its exit status and what it wrote on standard error (standard
    /// output is dropped); nil when it cannot be started.
    static func run(_ executable: String, _ arguments: [String], in directory: String? = nil,
                    environment: [String: String]? = nil) -> (status: Int32, stderr: String)? {
        guard let r = ChildProcess.run(executable, arguments, in: directory, environment: environment) else { return nil }
        return (r.status, String(decoding: r.stderr, as: UTF8.self))
    }

    /// The first error rustc reports on `code`, or nil when it compiles (or rustc is absent).
    public static func firstError(_ code: String) -> String? {
        guard let rustc else { return nil }
        let dir = NSTemporaryDirectory() + "oxidize-check-\(getpid())-\(UUID().uuidString)"
        guard (try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)) != nil else { return nil }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let source = dir + "/check.rs"
        guard FileManager.default.createFile(atPath: source, contents: Data(code.utf8)) else { return nil }
        // Object code, not only metadata: rustc's overflow and panic lints run on the MIR that
        // code generation uses.
        let arguments = ["--edition", "2021", "--crate-type", code.contains("fn main()") ? "bin" : "lib", "--emit=obj",
                         "--error-format=short", "-o", dir + "/check.o", source]
        guard let run = run(rustc, arguments), run.status != 0 else { return nil }
        let line = run.stderr.split(separator: "\n").first { $0.contains("error") } ?? "error"
        return line.replacingOccurrences(of: source + ":", with: "line ")
    }
}
