import ArgumentParser
import Foundation

struct CommonOptions: ParsableArguments {
    @Argument(help: "C source files to analyse.")
    var files: [String] = []

    @Option(name: .customLong("model"), help: ArgumentHelp("A library model file (JSON) to add to the bundled ones; repeatable.", valueName: "FILE"))
    var models: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the output to FILE (atomically) instead of standard output.", valueName: "FILE"))
    var output: String?

    /// Clang arguments: everything after `--`, as for clang-tidy (split off before parsing).
    var clangArguments: [String] { ClangArguments.value }
}

/// `oxidize report a.c -- -Iinclude -DX`: the part after the first `--` goes to clang verbatim.
enum ClangArguments {
    nonisolated(unsafe) static var value: [String] = []

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
        guard let path else {
            FileHandle.standardOutput.write(data)
            return
        }
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
        for i in inputs where URL(fileURLWithPath: i).resolvingSymlinksInPath().standardizedFileURL.path == target {
            error("\(path): error: refusing to overwrite input file with the output")
            throw ExitCode(2)
        }
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            Output.error("\(path): error: cannot write output (\((error as NSError).localizedDescription))")
            throw ExitCode(2)
        }
    }

    /// Color only on a terminal, never with NO_COLOR.
    static func useColor(for path: String?) -> Bool {
        if path != nil { return false }
        if let nc = ProcessInfo.processInfo.environment["NO_COLOR"], !nc.isEmpty { return false }
        return isatty(STDOUT_FILENO) != 0
    }
}
