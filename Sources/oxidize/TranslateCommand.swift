import ArgumentParser
import CModel
import Emitter
import Foundation
import Pipeline

struct TranslateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translate",
        abstract: "Translate a C file into the Rust a person would write, annotated with every ownership decision and finding.",
        usage: """
            oxidize translate FILE [-p BUILD_DIR] [-o OUT.rs | --cargo DIR] [--strict] [-- CLANG_ARGS...]
              oxidize translate FILE... --cargo DIR [--force] [-- CLANG_ARGS...]
              oxidize translate -p BUILD_DIR --cargo DIR [--include GLOB] [--exclude GLOB] [--force]
            """,
        discussion: """
            With one file: that file, as a Rust file or a cargo project. With several files, or -p and no file: \
            the whole program as one crate (a module per C file, the headers' records once, a binary per \
            file that defines main), which needs --cargo.
            """)

    @Argument(help: "The C file(s) to translate; none with -p: every unit of the build.")
    var files: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the Rust to FILE (atomically) instead of standard output.", valueName: "OUT.rs"))
    var output: String?

    @Option(name: .customLong("cargo"), help: ArgumentHelp("Write a cargo project to DIR: Cargo.toml with the crates the code needs, src/main.rs or src/lib.rs.", valueName: "DIR"))
    var cargo: String?

    @Option(name: .customLong("registry"), help: ArgumentHelp("With --cargo: take crates from this local registry folder, offline (Debian's is /usr/share/cargo/registry).", valueName: "DIR"))
    var registry: String?

    @Flag(help: "Translate moves and borrows literally, so that rustc's borrow checker rejects the C's ownership bugs with its own errors.")
    var strict = false

    @Flag(name: .customLong("no-rustfmt"), help: "Do not run rustfmt on the output.")
    var noRustfmt = false

    @Option(name: .customLong("model"), help: ArgumentHelp("A library model file (JSON) to add to the bundled ones; repeatable.", valueName: "FILE"))
    var models: [String] = []

    @Option(name: .customShort("p"), help: ArgumentHelp("A build folder holding compile_commands.json: the file is parsed with its flags from there (no file: every unit).", valueName: "BUILD_DIR"))
    var buildDirectory: String?

    @Option(name: .customLong("include"), help: ArgumentHelp("With -p and no file: only units whose path matches this glob (repeatable).", valueName: "GLOB"))
    var include: [String] = []

    @Option(name: .customLong("exclude"), help: ArgumentHelp("With -p and no file: skip units whose path matches this glob (repeatable).", valueName: "GLOB"))
    var exclude: [String] = []

    @Flag(help: "With --cargo: write into DIR even when it is not empty (only the crate's own files are replaced).")
    var force = false

    @Flag(name: .shortAndLong, help: "No progress display.")
    var quiet = false

    var isProject: Bool { files.count > 1 || files.isEmpty && buildDirectory != nil }

    func validate() throws {
        if output != nil && cargo != nil { throw ValidationError("use either -o or --cargo, not both") }
        if registry != nil && cargo == nil { throw ValidationError("--registry goes with --cargo") }
        if files.isEmpty && buildDirectory == nil { throw ValidationError("give a C file, several, or -p BUILD_DIR") }
        if isProject && cargo == nil { throw ValidationError("a whole program is translated into a crate: add --cargo DIR") }
        if isProject && strict { throw ValidationError("--strict translates one file") }
        if force && cargo == nil { throw ValidationError("--force goes with --cargo") }
    }

    func run() throws {
        if let dir = cargo { try CargoProject.checkTarget(dir, force: force, inputs: files) }
        if isProject { return try runProject() }
        let file = files[0]
        let translation: RustTranslation
        do {
            translation = try Pipeline.translate(.init(files: [file], clangArguments: ClangArguments.value, modelFiles: models,
                                                       buildDirectory: buildDirectory), strict: strict)
        } catch let f as Pipeline.Failure {
            f.messages.forEach(Output.error)
            throw ExitCode(2)
        }
        var code = translation.code
        if !noRustfmt, let formatted = Rustfmt.format(code) { code = formatted }
        for g in translation.gaps { Output.error("\(g): note: not translated (marked todo!)") }
        for n in translation.notes { Output.error(n) }
        if let dir = cargo {
            try CargoProject.write(code: code, translation: translation, to: dir, source: file, registry: registry)
            return
        }
        try Output.write(Data(code.utf8), to: output, inputs: [file] + models)
    }

    /// The whole program into one crate.
    func runProject() throws {
        let dir = cargo!
        var options = Pipeline.Options(files: files, clangArguments: ClangArguments.value, modelFiles: models,
                                       buildDirectory: buildDirectory, include: include, exclude: exclude)
        if !quiet && isatty(STDERR_FILENO) != 0 { options.progress = Progress.draw }
        let project: ProjectTranslation
        do {
            project = try Pipeline.translateProject(options, packageName: CargoProject.packageName(URL(fileURLWithPath: dir).standardizedFileURL.lastPathComponent))
        } catch let f as Pipeline.Failure {
            f.messages.forEach(Output.error)
            throw ExitCode(2)
        }
        for n in project.notes { Output.error(n) }
        var files = project.crate.files
        if !noRustfmt { for i in files.indices { if let f = Rustfmt.format(files[i].code) { files[i].code = f } } }
        var formatted = project
        formatted.crate.files = files
        try CargoProject.write(formatted, to: dir, registry: registry)
        let c = project.crate
        let safe = c.functions - c.unsafeFunctions
        Output.error("oxidize: wrote \(dir): \(c.files.count) files, \(c.binaries.count) binaries, \(c.functions) functions "
                     + "(\(safe) safe, \(c.unsafeFunctions) unsafe: faithful tier)\(project.checked ? ", checked by cargo" : "")")
        if !c.unsafeReasons.isEmpty {
            // Why, by the first unsafe operation of each function, most common first.
            let why = c.unsafeReasons.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }
            Output.error("oxidize: unsafe because of: " + why.joined(separator: ", "))
        }
    }
}

/// rustfmt when it is installed; nil (leave the text as it is) otherwise or when it fails.
enum Rustfmt {
    static func format(_ code: String) -> String? {
        let candidates = ["/usr/bin/rustfmt", "/usr/local/bin/rustfmt", NSHomeDirectory() + "/.cargo/bin/rustfmt"]
        guard let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        guard let r = ChildProcess.run(path, ["--edition", "2021", "--emit", "stdout", "--quiet"], stdin: Data(code.utf8)),
              r.status == 0, !r.stdout.isEmpty else { return nil }
        return String(decoding: r.stdout, as: UTF8.self)
    }
}

/// `--cargo DIR`: a project cargo builds as it is.
enum CargoProject {
    /// Refuses a target that exists and is not an empty folder (unless `--force`), and one that
    /// holds an input file.
    static func checkTarget(_ dir: String, force: Bool, inputs: [String]) throws {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: dir, isDirectory: &isDir) else { return }
        guard isDir.boolValue else {
            Output.error("\(dir): error: exists and is not a folder")
            throw ExitCode(2)
        }
        let root = URL(fileURLWithPath: dir).resolvingSymlinksInPath().standardizedFileURL.path + "/"
        for i in inputs where URL(fileURLWithPath: i).resolvingSymlinksInPath().standardizedFileURL.path.hasPrefix(root) {
            Output.error("\(dir): error: holds the input \(i); write the crate elsewhere")
            throw ExitCode(2)
        }
        let entries = (try? fm.contentsOfDirectory(atPath: dir)) ?? []
        if !entries.isEmpty && !force {
            Output.error("\(dir): error: exists and is not empty (--force writes the crate's files into it)")
            throw ExitCode(2)
        }
    }

    static func packageName(_ base: String) -> String {
        var name = String(base.lowercased().map { $0.isLetter && $0.isASCII || $0.isNumber && $0.isASCII ? $0 : "_" })
        if name.first?.isLetter != true { name = "c_" + name }
        return name
    }

    /// A translated whole program: the crate's files, and the offline config with `--registry`.
    static func write(_ project: ProjectTranslation, to dir: String, registry: String?) throws {
        do {
            try staged(dir) { stage in
                try CrateFiles.write(project, to: stage)
                if let registry { try writeConfig(registry: registry, dir: stage) }
            }
        } catch {
            Output.error("\(dir): error: cannot write the cargo project (\((error as NSError).localizedDescription))")
            throw ExitCode(2)
        }
    }

    /// Writes a crate through a staging folder beside `dir`, moved into place only when every
    /// file is written: a full disk or an interrupt leaves `dir` as it was (and no staging
    /// folder behind). A new `dir` is the staging folder renamed; into an existing one (empty, or
    /// with --force) each file is moved in by rename.
    static func staged(_ dir: String, _ write: (String) throws -> Void) throws {
        let fm = FileManager.default
        let url = URL(fileURLWithPath: dir).standardizedFileURL
        let parent = url.deletingLastPathComponent().path
        try fm.createDirectory(atPath: parent, withIntermediateDirectories: true)
        var template = Array((parent + "/." + url.lastPathComponent + ".oxidize-XXXXXX").utf8CString)
        guard mkdtemp(&template) != nil else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))]) }
        let stage = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        Interruption.removeIfInterrupted(stage)
        defer { try? fm.removeItem(atPath: stage); Interruption.done(stage) }
        try write(stage)
        let mask = umask(0); umask(mask)
        chmod(stage, 0o777 & ~mask)
        if !fm.fileExists(atPath: url.path) {
            guard rename(stage, url.path) == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))]) }
            return
        }
        let files = (fm.enumerator(atPath: stage)?.allObjects as? [String] ?? []).sorted()
        for f in files {
            var isDir: ObjCBool = false
            _ = fm.fileExists(atPath: stage + "/" + f, isDirectory: &isDir)
            if isDir.boolValue {
                try fm.createDirectory(atPath: url.path + "/" + f, withIntermediateDirectories: true)
            } else if rename(stage + "/" + f, url.path + "/" + f) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "\(f): \(String(cString: strerror(errno)))"])
            }
        }
    }

    static func writeConfig(registry: String, dir: String) throws {
        try FileManager.default.createDirectory(atPath: dir + "/.cargo", withIntermediateDirectories: true)
        let config = """
        # Crates come from a local registry folder (Debian's librust-*-dev packages), offline.
        [source.crates-io]
        replace-with = "local-registry"

        [source.local-registry]
        directory = "\(registry)"

        [net]
        offline = true

        """
        try Data(config.utf8).write(to: URL(fileURLWithPath: dir + "/.cargo/config.toml"), options: .atomic)
    }

    static func write(code: String, translation: RustTranslation, to dir: String, source: String, registry: String?) throws {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: dir, isDirectory: &isDir), !isDir.boolValue {
            Output.error("\(dir): error: exists and is not a folder")
            throw ExitCode(2)
        }
        let base = URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent
        let name = packageName(base)
        var toml = "[package]\nname = \"\(name)\"\nversion = \"0.1.0\"\nedition = \"2021\"\n"
        // The file's name as a TOML comment: control characters (a newline would start a line
        // of TOML) become `?`.
        toml += "# Translated from \(base.oneLine).c by oxidize.\n\n[dependencies]\n"
        for c in translation.crates {
            toml += c == "zmq" ? "zmq = \"0.9\"\n" : "\(c) = \"*\"\n"
        }
        do {
            try staged(dir) { stage in
                try fm.createDirectory(atPath: stage + "/src", withIntermediateDirectories: true)
                try Data(toml.utf8).write(to: URL(fileURLWithPath: stage + "/Cargo.toml"), options: .atomic)
                let target = stage + (translation.isProgram ? "/src/main.rs" : "/src/lib.rs")
                try Data(code.utf8).write(to: URL(fileURLWithPath: target), options: .atomic)
                if let registry { try writeConfig(registry: registry, dir: stage) }
            }
        } catch {
            Output.error("\(dir): error: cannot write the cargo project (\((error as NSError).localizedDescription))")
            throw ExitCode(2)
        }
    }
}
