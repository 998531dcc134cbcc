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

    static func looksLikeJSON(_ path: String) -> Bool {
        guard let h = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? h.close() }
        let head = (try? h.read(upToCount: 64)) ?? Data()
        return head.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) } == UInt8(ascii: "{")
    }

    /// A report file, or the report of a C file or of every .c file under a folder.
    func load(_ path: String) throws -> Report {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            Output.error("\(path): error: no such file")
            throw ExitCode(2)
        }
        // /dev/null is the empty side, as for diff(1): everything in the other one is added.
        if path == "/dev/null" {
            return Report(tool: .init(name: "oxidize", version: "", clang: ""), models: [], files: [], functions: [], structs: [],
                          summary: .init(functions: 0, pointers: 0, owned: 0, borrowed: 0, shared: 0, raw: 0, safeShare: 1),
                          diagnostics: [])
        }
        // A report is JSON whatever it is called (.json, .sarif, ...): C never starts with `{`.
        if !isDir.boolValue && (path.hasSuffix(".json") || Self.looksLikeJSON(path)) {
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
