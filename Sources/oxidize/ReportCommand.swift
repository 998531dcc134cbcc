import ArgumentParser
import Foundation
import Pipeline
import Reporting
import CModel

enum ReportFormat: String, ExpressibleByArgument, CaseIterable { case text, json, html }

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print the ownership report: every pointer's class (owned, borrowed, shared, raw), mutability, Rust type and evidence.",
        usage: "oxidize report FILE... [-p BUILD_DIR] [--format text|json] [-o OUT] [--model FILE] [-j N] [-- CLANG_ARGS...]")

    @OptionGroup var common: CommonOptions

    @Option(help: "Output format.")
    var format: ReportFormat = .text

    @Flag(name: .customLong("no-check"), help: "Skip the checker: ownership only, diagnostics[] stays empty.")
    var noCheck = false

    func validate() throws {
        if !common.hasInput { throw ValidationError("no input files (usage: oxidize report FILE... [-p BUILD_DIR] -- CLANG_ARGS)") }
        if common.jobs < 1 { throw ValidationError("-j takes a positive number") }
        _ = try common.shardValue()
    }

    func run() throws {
        let options = common.pipelineOptions(runChecker: !noCheck)
        if format == .json, let cached = try? Pipeline.cachedReportJSON(options) {
            StageClock.note("cache: the whole report, unchanged")
            try Output.write(cached, to: common.output, inputs: common.inputs)
            return
        }
        let report: Report
        var failures: [String] = []
        do {
            (report, failures) = try Pipeline.run(common.pipelineOptions(runChecker: !noCheck), keepGoing: common.buildDirectory != nil)
            failures.forEach(Output.error)
        } catch let f as Pipeline.Failure {
            f.messages.forEach(Output.error)
            throw ExitCode(2)
        }
        var clock = StageClock()
        switch format {
        case .json where failures.isEmpty && options.cacheDirectory != nil:
            let parts = JSONFormatter.parts(report)
            try? Pipeline.storeReportJSON(Data(parts.joined()), options)
            try Output.write(parts: parts, to: common.output, inputs: common.inputs)
        case .json:
            // Nothing to keep: each part is written while the next ones are formatted.
            try Output.write(to: common.output, inputs: common.inputs) { emit in try JSONFormatter.stream(report) { try emit($0) } }
        case .text:
            try Output.write(Data(TextFormatter(color: Output.useColor(for: common.output)).format(report).utf8), to: common.output, inputs: common.inputs)
        case .html:
            try Output.write(Data(HTMLFormatter().format(report, source: SourceLines().line).utf8), to: common.output, inputs: common.inputs)
        }
        clock.lap("format and write")
        KeepUntilExit.keep(report)
        if !failures.isEmpty { throw ExitCode(2) }   // some unit failed to parse; the rest was analysed
    }
}
