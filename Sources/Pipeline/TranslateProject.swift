import CModel
import CSyntax
import Checker
import ClangFrontend
import Emitter
import Foundation
import Ownership
import RustSyntax

/// A translated project: a cargo crate's files, what came out how, and notes for the user.
public struct ProjectTranslation: Sendable {
    public var packageName: String
    public var crate: CrateTranslation
    /// `Cargo.toml`.
    public var manifest: String
    public var notes: [String]
    /// Whether cargo checked the crate (false: cargo is not installed or checking is off).
    public var checked: Bool
    /// `build.rs`, when the C's flags name libraries (`-lcrypto`, `-L/opt/lib`): cargo links them.
    public var buildScript: String?
}

extension Pipeline {
    /// `oxidize translate a.c b.c --cargo DIR` and `translate -p BUILD --cargo DIR`: every unit of
    /// the program into one crate. Units that define `main` become binaries; the others are the
    /// library's modules; the headers' records are one `types` module. The whole crate goes
    /// through the faithful tier; when cargo is on the machine it checks the crate, and a module
    /// where a function written as safe needs `unsafe` (E0133) is written again all-unsafe.
    public static func translateProject(_ options: Options, packageName: String) throws -> ProjectTranslation {
        let library = try libraryModel(extra: options.modelFiles)
        var seen: Set<String> = []
        let inputs = try units(options).filter { seen.insert(URL(fileURLWithPath: $0.file).standardizedFileURL.path).inserted }
        let build = Self.buildScript(inputs.flatMap(\.arguments))
        guard !inputs.isEmpty else { throw Failure(messages: ["oxidize: error: no C file to translate (give files, or -p with a compile_commands.json that has units)"]) }
        var parsed: [(TranslationUnit, Program)] = []
        var failures: [String] = []
        for (k, input) in inputs.enumerated() {
            options.progress?(k + 1, inputs.count, input.file)
            do { parsed.append(try parseOnDeepStack(input.file, input.arguments)) } catch let f as Failure { failures += f.messages }
        }
        if !failures.isEmpty { throw Failure(messages: failures) }
        let units = parsed.map(\.0)
        let ownership = OwnershipInference.analyze(units: units, library: library)
        let diagnostics = options.runChecker ? Checker.check(units: units, library: library, ownership: ownership) : []

        var crateUnits = namedUnits(parsed.map(\.1))
        let libraryName = packageName + "_lib"
        var notes: [String] = []
        var checked = false
        // Each round gives the modules rustc rejects less to prove: first their liftings
        // (references, vectors, library calls written safe), then, where a function written as
        // safe needs `unsafe` after all (E0133), their safe functions.
        let rounds = 4
        for round in 0..<rounds {
            let crate: CrateTranslation
            switch FaithfulCrate.translate(crateUnits, libraryName: libraryName, findings: diagnostics, links: library.linkByHeader) {
            case .failure(let refusals): throw Failure(messages: refusals.list.map(\.description))
            case .success(let c): crate = c
            }
            let manifest = Self.manifest(packageName: packageName, crate: crate, sources: crateUnits.map(\.program.mainFile))
            let result = ProjectTranslation(packageName: packageName, crate: crate, manifest: manifest,
                                            notes: notes + crate.notes, checked: false, buildScript: build)
            guard let check = CargoCheck.run(result) else {
                notes.append("oxidize: note: cargo is not installed: the crate was not checked")
                return ProjectTranslation(packageName: packageName, crate: crate, manifest: manifest, notes: notes + crate.notes, checked: false, buildScript: build)
            }
            checked = true
            if round < rounds - 1, Self.demote(&crateUnits, rejected: check.errors, notes: &notes) { continue }
            if let first = check.errors.first {
                notes.append("oxidize: warning: cargo rejects the translated crate: \(first.text)")
            }
            return ProjectTranslation(packageName: packageName, crate: crate, manifest: manifest, notes: notes + crate.notes, checked: checked, buildScript: build)
        }
        fatalError("unreachable: the last round returns")
    }

    /// The modules rustc rejected, one step down: liftings off, then safe functions off (E0133).
    /// An error outside every module (the shared types) takes every module's liftings. False
    /// when nothing is left to give up.
    static func demote(_ units: inout [CrateUnit], rejected errors: [CargoCheck.Error], notes: inout [String]) -> Bool {
        // cargo that failed before compiling anything (no error names a file) says nothing of
        // the liftings.
        guard !errors.isEmpty, !errors.contains(where: { $0.file.isEmpty }) else { return false }
        let files = Set(errors.map(\.file))
        let unsafeFiles = Set(errors.filter { $0.code == "E0133" }.map(\.file))
        let modules = Set(units.map { path(of: $0) })
        let everywhere = !files.isSubset(of: modules)
        var changed = false
        for i in units.indices {
            let file = path(of: units[i])
            guard everywhere || files.contains(file) else { continue }
            if units[i].liftReferences {
                units[i].liftReferences = false
                changed = true
                if let e = errors.first(where: { $0.file == file }) ?? errors.first {
                    notes.append("oxidize: note: rustc rejected the liftings of \(file) (\(e.text)); wrote its pointers raw")
                }
            } else if units[i].liftSafe, unsafeFiles.contains(file) || everywhere {
                units[i].liftSafe = false
                changed = true
            }
        }
        return changed
    }

    /// The libraries and library folders the C's flags name (`-lX`, `-l X`, `-LDIR`), as a cargo
    /// build script; nil when there are none.
    static func buildScript(_ arguments: [String]) -> String? {
        var lines: [String] = []
        var i = 0
        func add(_ line: String) { if !lines.contains(line) { lines.append(line) } }
        while i < arguments.count {
            let a = arguments[i]
            if a == "-l" || a == "-L", i + 1 < arguments.count {
                add(a == "-l" ? "cargo:rustc-link-lib=\(arguments[i + 1])" : "cargo:rustc-link-search=native=\(arguments[i + 1])")
                i += 2
                continue
            }
            if a.hasPrefix("-l"), a.count > 2 { add("cargo:rustc-link-lib=\(a.dropFirst(2))") }
            if a.hasPrefix("-L"), a.count > 2 { add("cargo:rustc-link-search=native=\(a.dropFirst(2))") }
            i += 1
        }
        guard !lines.isEmpty else { return nil }
        let prints = lines.map { line in "    println!(\"\(line.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\");" }
        return "// The libraries the C was linked with (its -l and -L flags).\nfn main() {\n" + prints.joined(separator: "\n") + "\n}\n"
    }

    static func path(of unit: CrateUnit) -> String { "src/\(unit.name).rs" }

    /// Module and binary names from the files' names: Rust identifiers, unique, never `types`
    /// or `lib`; two files of one name get their folder's name in front.
    static func namedUnits(_ programs: [Program]) -> [CrateUnit] {
        func ident(_ s: String) -> String {
            var n = String(s.lowercased().map { $0.isLetter && $0.isASCII || $0.isNumber && $0.isASCII ? $0 : "_" })
            if n.first?.isLetter != true { n = "c_" + n }
            return n
        }
        let base = programs.map { URL(fileURLWithPath: $0.mainFile).deletingPathExtension().lastPathComponent }
        var counts: [String: Int] = [:]
        for b in base { counts[ident(b), default: 0] += 1 }
        var taken: Set<String> = ["types", "lib", "main", "crate", "self", "super", "std", "core", "alloc", "test", "build", "deps", "examples", "incremental"]
        var out: [CrateUnit] = []
        for (k, p) in programs.enumerated() {
            var name = ident(base[k])
            if counts[name]! > 1 {
                let folder = URL(fileURLWithPath: p.mainFile).deletingLastPathComponent().lastPathComponent
                name = ident(folder + "_" + base[k])
            }
            if RIdent.of(name) != name { name += "_c" }
            var unique = name
            var i = 1
            while taken.contains(unique) { i += 1; unique = "\(name)_\(i)" }
            taken.insert(unique)
            let isBinary = p.functions.contains { $0.name == "main" && $0.body != nil && !$0.isSystem }
            out.append(CrateUnit(program: p, name: unique, isBinary: isBinary))
        }
        return out
    }

    static func manifest(packageName: String, crate: CrateTranslation, sources: [String]) -> String {
        var toml = "[package]\nname = \"\(packageName)\"\nversion = \"0.1.0\"\nedition = \"2021\"\n"
        toml += "# Translated by oxidize from \(sources.count) C file(s).\n\n"
        toml += "[lib]\nname = \"\(crate.libraryName)\"\npath = \"src/lib.rs\"\n"
        // x86-64 C reads through pointers that are not aligned for their type (a `char *`
        // cast to `uint32_t *`); the faithful translation keeps those reads as they are, so
        // the debug build does not add its alignment checks (which would abort where C runs).
        toml += "\n[profile.dev]\ndebug-assertions = false\n"
        // The one program whose file is `main.c` (module `main_2`: `main` is taken) is the
        // project's own: its binary takes the package's name, as `cmake` or `make` would call it.
        let mains = crate.binaries.filter { $0.name.hasPrefix("main_") && Int($0.name.dropFirst(5)) != nil }
        let own = mains.count == 1 && !crate.binaries.contains { $0.name == packageName } ? mains.first?.name : nil
        for b in crate.binaries.sorted(by: { $0.name < $1.name }) {
            toml += "\n[[bin]]\nname = \"\(b.name == own ? packageName : b.name)\"\npath = \"\(b.path)\"\n"
        }
        return toml
    }
}

/// `cargo check` as the judge of a translated crate, in a temporary folder.
public enum CargoCheck {
    public struct Error: Sendable {
        public var file: String
        public var code: String
        public var text: String
    }

    public struct Outcome: Sendable {
        public var errors: [Error]
    }

    public static let cargo: String? = {
        guard let rustc = RustCheck.rustc else { return nil }
        let sibling = URL(fileURLWithPath: rustc).deletingLastPathComponent().appendingPathComponent("cargo").path
        if FileManager.default.isExecutableFile(atPath: sibling) { return sibling }
        return ["/usr/bin/cargo", NSHomeDirectory() + "/.cargo/bin/cargo"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Writes the crate to a temporary folder and checks it; nil when cargo is not installed.
    public static func run(_ t: ProjectTranslation) -> Outcome? {
        guard let cargo else { return nil }
        let dir = NSTemporaryDirectory() + "oxidize-crate-\(getpid())-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        do { try CrateFiles.write(t, to: dir) } catch { return nil }
        var env = ProcessInfo.processInfo.environment
        env["CARGO_TARGET_DIR"] = dir + "/target"
        if let rustc = RustCheck.rustc { env["RUSTC"] = rustc }
        guard let run = RustCheck.run(cargo, ["check", "--offline", "--quiet", "--message-format=short", "--all-targets"],
                                      in: dir, environment: env) else { return nil }
        var errors: [Error] = []
        for line in run.stderr.split(separator: "\n") where line.contains(": error") {
            let text = String(line)
            let file = text.split(separator: ":").first.map(String.init) ?? ""
            var code = ""
            if let open = text.range(of: "error["), let close = text[open.upperBound...].firstIndex(of: "]") {
                code = String(text[open.upperBound..<close])
            }
            errors.append(Error(file: file, code: code, text: text))
        }
        if errors.isEmpty && run.status != 0 {
            errors.append(Error(file: "", code: "", text: "cargo check failed (exit \(run.status))"))
        }
        return Outcome(errors: errors)
    }
}

/// The crate's files written into a folder (which must exist or be creatable).
public enum CrateFiles {
    public static func write(_ t: ProjectTranslation, to dir: String) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir + "/src/bin", withIntermediateDirectories: true)
        try Data(t.manifest.utf8).write(to: URL(fileURLWithPath: dir + "/Cargo.toml"), options: .atomic)
        if let build = t.buildScript { try Data(build.utf8).write(to: URL(fileURLWithPath: dir + "/build.rs"), options: .atomic) }
        for f in t.crate.files {
            try Data(f.code.utf8).write(to: URL(fileURLWithPath: dir + "/" + f.path), options: .atomic)
        }
    }
}
