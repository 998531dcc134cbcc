import ArgumentParser
import Foundation
import Pipeline
import Reporting

enum DiffFormat: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare the ownership contract of two versions: parameters, returns and fields that changed class or mutability, functions added or removed, diagnostics new or fixed.",
        usage: "oxidize diff OLD NEW [--format text|json|markdown] [-o OUT] [-- CLANG_ARGS...]\n  OLD and NEW are reports (oxidize report --format json), C files, or folders of C files.")

    @Argument(help: "The old version: a JSON report, a C file or a folder of C files.")
    var old: String

    @Argument(help: "The new version, in the same forms.")
    var new: String

    @Option(help: "Output format.")
    var format: DiffFormat = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the output to FILE (atomically).", valueName: "FILE"))
    var output: String?

    @Option(name: .customLong("model"), help: ArgumentHelp("A library model file, when OLD/NEW are sources.", valueName: "FILE"))
    var models: [String] = []

    func run() throws {
        let a = try load(old), b = try load(new)
        let diff = ReportDiff.compare(old: a, new: b)
        let data: Data
        switch format {
        case .text: data = Data(diff.text().utf8)
        case .markdown: data = Data(diff.markdown().utf8)
        case .json: data = diff.json()
        }
        try Output.write(data, to: output, inputs: [old, new])
        if !diff.isEmpty { throw ExitCode(1) }
    }

    /// A report file, or the report of a C file or of every .c file under a folder.
    func load(_ path: String) throws -> Report {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            Output.error("\(path): error: no such file")
            throw ExitCode(2)
        }
        if !isDir.boolValue && path.hasSuffix(".json") {
            guard let data = FileManager.default.contents(atPath: path) else {
                Output.error("\(path): error: cannot be read")
                throw ExitCode(2)
            }
            do { return try JSONFormatter.read(data, file: path) } catch let e as ReportError {
                Output.error(e.description)
                throw ExitCode(2)
            }
        }
        var files: [String] = []
        if isDir.boolValue {
            let e = FileManager.default.enumerator(atPath: path)
            while let f = e?.nextObject() as? String {
                if f.hasSuffix(".c") { files.append((path as NSString).appendingPathComponent(f)) }
            }
            files.sort()
            if files.isEmpty {
                Output.error("\(path): error: no .c files in this folder")
                throw ExitCode(2)
            }
        } else {
            files = [path]
        }
        do {
            return try Pipeline.report(.init(files: files, clangArguments: ClangArguments.value, modelFiles: models))
        } catch let f as Pipeline.Failure {
            f.messages.forEach(Output.error)
            throw ExitCode(2)
        }
    }
}
