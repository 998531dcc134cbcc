import ArgumentParser
import CModel
import Foundation
import Pipeline

struct CommonOptions: ParsableArguments {
    @Argument(help: "C source files to analyse.")
    var files: [String] = []

    @Option(name: .customLong("model"), help: ArgumentHelp("A library model file (JSON) to add to the bundled ones; repeatable.", valueName: "FILE"))
    var models: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the output to FILE (atomically) instead of standard output.", valueName: "FILE"))
    var output: String?

    @Option(name: .customShort("p"), help: ArgumentHelp("A build folder holding compile_commands.json: analyse every unit of the project with its own flags.", valueName: "BUILD_DIR"))
    var buildDirectory: String?

    @Option(name: .customLong("include"), help: ArgumentHelp("With -p: only units whose path matches this glob (repeatable).", valueName: "GLOB"))
    var include: [String] = []

    @Option(name: .customLong("exclude"), help: ArgumentHelp("With -p: skip units whose path matches this glob (repeatable).", valueName: "GLOB"))
    var exclude: [String] = []

    @Option(name: .customShort("j"), help: ArgumentHelp("Units parsed in parallel (default: the number of cores); the output is the same for any value.", valueName: "N"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("cache-dir"), help: ArgumentHelp("Where parsed units are cached (default: $XDG_CACHE_HOME/oxidize or ~/.cache/oxidize).", valueName: "DIR"))
    var cacheDirectory: String?

    @Flag(name: .customLong("no-cache"), help: "Parse every unit, reading and writing no cache.")
    var noCache = false

    @Option(name: .customLong("shard"), help: ArgumentHelp("Analyse a stable share K of N of the units, and embed them so that 'oxidize merge' can combine the shards.", valueName: "K/N"))
    var shard: String?

    @Flag(name: .shortAndLong, help: "No progress display.")
    var quiet = false

    var hasInput: Bool { !files.isEmpty || buildDirectory != nil }

    /// What `-o` must never replace: the C files and the model files.
    var inputs: [String] { files + models }

    /// `--shard 2/4` -> (2, 4); nil when absent; throws on a malformed value.
    func shardValue() throws -> (k: Int, n: Int)? {
        guard let shard else { return nil }
        let parts = shard.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 1, k <= n else {
            throw ValidationError("--shard takes K/N with 1 <= K <= N, e.g. --shard 1/2")
        }
        return (k, n)
    }

    func pipelineOptions(runChecker: Bool = true) -> Pipeline.Options {
        var o = Pipeline.Options(files: files, clangArguments: clangArguments, modelFiles: models, runChecker: runChecker,
                                 buildDirectory: buildDirectory, include: include, exclude: exclude, jobs: jobs)
        o.cacheDirectory = noCache ? nil : (cacheDirectory ?? UnitCache.defaultDirectory)
        o.shard = try? shardValue()
        o.keepUntilExit = true
        if !quiet, isatty(STDERR_FILENO) != 0 { Progress.start = Date(); o.progress = Progress.draw }
        return o
    }

    /// Clang arguments: everything after `--`, as for clang-tidy (split off before parsing).
    var clangArguments: [String] { ClangArguments.value }
}

/// `oxidize report a.c -- -Iinclude -DX`: the part after the first `--` goes to clang verbatim.
enum ClangArguments {
    private static let stored = Locked<[String]>([])
    /// Set once from the command line, before the command runs.
    static var value: [String] {
        get { stored.withLock { $0 } }
        set { stored.withLock { $0 = newValue } }
    }

    static func split(_ args: [String]) -> (ours: [String], clang: [String]) {
        guard let i = args.firstIndex(of: "--") else { return (args, []) }
        return (Array(args[..<i]), Array(args[(i + 1)...]))
    }
}

enum Output {
    /// Prints a clang-style error line to stderr.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// Writes to -o atomically, refusing to overwrite an input; or to stdout.
    static func write(_ data: Data, to path: String?, inputs: [String]) throws {
        try write(parts: [data], to: path, inputs: inputs)
    }

    /// Writes the parts one after the other, to standard output or atomically to `path` (a
    /// temporary file beside it, renamed over it once complete), never over an input.
    static func write<Bytes: ContiguousBytes>(parts: [Bytes], to path: String?, inputs: [String]) throws {
        try write(to: path, inputs: inputs) { emit in for p in parts { try emit(p) } }
    }

    /// Writes what `produce` hands its `emit`, in order, as it comes (see `write(parts:)`).
    static func write(to path: String?, inputs: [String], _ produce: ((any ContiguousBytes) throws -> Void) throws -> Void) throws {
        guard let path else {
            do { try produce { part in try part.withUnsafeBytes { try writeAll(STDOUT_FILENO, $0, name: "standard output") } } }
            catch let e as WriteError {
                // A reader that went away (`| head`) ends the run quietly, as SIGPIPE would.
                if e.code == EPIPE { throw ExitCode(141) }
                error("oxidize: error: cannot write to standard output (\(e.message))")
                throw ExitCode(2)
            }
            return
        }
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
        for i in inputs where URL(fileURLWithPath: i).resolvingSymlinksInPath().standardizedFileURL.path == target {
            error("\(path): error: refusing to overwrite input file with the output")
            throw ExitCode(2)
        }
        // Not a regular file (a FIFO, a device, `>(...)`'s /dev/fd/N): written through, as a
        // shell's `>` would. A symlink: its target is replaced, the link stays.
        var st = stat()
        if stat(path, &st) == 0, (st.st_mode & S_IFMT) != S_IFREG, (st.st_mode & S_IFMT) != S_IFDIR {
            let fd = open(path, O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else {
                error("\(path): error: cannot write output (\(String(cString: strerror(errno))))")
                throw ExitCode(2)
            }
            defer { close(fd) }
            do { try produce { part in try part.withUnsafeBytes { try writeAll(fd, $0, name: path) } } } catch {
                Output.error("\(path): error: cannot write output (\((error as? WriteError)?.message ?? "\(error)"))")
                throw ExitCode(2)
            }
            return
        }
        var linkTarget = path
        for _ in 0..<40 {
            guard let next = try? FileManager.default.destinationOfSymbolicLink(atPath: linkTarget) else { break }
            linkTarget = next.hasPrefix("/") ? next : (URL(fileURLWithPath: linkTarget).deletingLastPathComponent().path as NSString).appendingPathComponent(next)
        }
        let url = URL(fileURLWithPath: linkTarget)
        var template = Array(url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).oxidize-XXXXXX").path.utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else {
            error("\(path): error: cannot write output (\(String(cString: strerror(errno))))")
            throw ExitCode(2)
        }
        let temp = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        Interruption.removeIfInterrupted(temp)
        defer { Interruption.done(temp) }
        var open = true
        do {
            let mask = umask(0); umask(mask)
            fchmod(fd, 0o666 & ~mask)
            try produce { part in try part.withUnsafeBytes { try writeAll(fd, $0, name: path) } }
            open = false
            guard close(fd) == 0 else { throw WriteError(message: String(cString: strerror(errno))) }
            guard rename(temp, linkTarget) == 0 else { throw WriteError(message: String(cString: strerror(errno))) }
        } catch {
            if open { close(fd) }
            unlink(temp)
            Output.error("\(path): error: cannot write output (\((error as? WriteError)?.message ?? "\(error)"))")
            throw ExitCode(2)
        }
    }

    struct WriteError: Error {
        var message: String
        var code: Int32 = 0
    }

    private static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, name: String) throws {
        var done = 0
        while done < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw WriteError(message: String(cString: strerror(errno)), code: errno)
            }
            done += n
        }
    }

    /// Color only on a terminal, never with NO_COLOR.
    static func useColor(for path: String?) -> Bool {
        if path != nil { return false }
        if let nc = ProcessInfo.processInfo.environment["NO_COLOR"], !nc.isEmpty { return false }
        return isatty(STDOUT_FILENO) != 0
    }
}

/// `[12/35] src/zsock.c  1.4s` on one terminal line, redrawn per unit, cleared at the end.
enum Progress {
    private static let started = Locked(Date())
    static var start: Date {
        get { started.withLock { $0 } }
        set { started.withLock { $0 = newValue } }
    }
    static let draw: @Sendable (Int, Int, String) -> Void = { done, total, file in
        let elapsed = String(format: "%.1fs", Date().timeIntervalSince(start))
        let name = file.count > 60 ? "..." + file.suffix(57) : file
        var line = "\r\u{1B}[K[\(done)/\(total)] \(name)  \(elapsed)"
        if done == total { line = "\r\u{1B}[K" }
        FileHandle.standardError.write(Data(line.utf8))
    }
}
