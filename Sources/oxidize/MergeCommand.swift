import ArgumentParser
import Foundation
import Pipeline
import Reporting

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine shard reports (oxidize report --shard K/N) into the report the whole run would give.",
        usage: "oxidize merge SHARD.json... [--format json|text] [-o OUT] [--model FILE]")

    @Argument(help: "Shard reports, in any order.")
    var shards: [String]

    @Option(help: "Output format.")
    var format: ReportFormat = .json

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the output to FILE (atomically).", valueName: "FILE"))
    var output: String?

    @Option(name: .customLong("model"), help: ArgumentHelp("The library model files the shards used (repeatable).", valueName: "FILE"))
    var models: [String] = []

    func validate() throws {
        if shards.isEmpty { throw ValidationError("no shard reports (usage: oxidize merge SHARD.json...)") }
    }

    func run() throws {
        var reports: [Report] = []
        for path in shards {
            guard let data = FileManager.default.contents(atPath: path) else {
                Output.error("\(path): error: cannot be read")
                throw ExitCode(2)
            }
            do { reports.append(try JSONFormatter.read(data, file: path)) } catch let e as ReportError {
                Output.error(e.description)
                throw ExitCode(2)
            }
        }
        let merged: Report
        do { merged = try Pipeline.merge(reports, modelFiles: models) } catch let f as Pipeline.Failure {
            f.messages.forEach(Output.error)
            throw ExitCode(2)
        }
        let data: Data
        switch format {
        case .json: data = JSONFormatter.format(merged)
        case .text: data = Data(TextFormatter(color: Output.useColor(for: output)).format(merged).utf8)
        case .html: data = Data(HTMLFormatter().format(merged, source: SourceLines().line).utf8)
        }
        try Output.write(data, to: output, inputs: shards)
    }
}
