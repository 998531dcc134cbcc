import ArgumentParser
import Foundation
import Pipeline
import Reporting

enum CheckFormat: String, ExpressibleByArgument, CaseIterable { case text, json, sarif, github, html }
enum FailOn: String, ExpressibleByArgument, CaseIterable { case error, warning, note, never }

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report where the C breaks a rule Rust enforces (use after free, double free, leaks, aliasing...).",
        usage: "oxidize check FILE... [--format text|json|sarif|github] [--baseline FILE] [--write-baseline FILE] [--fail-on LEVEL] [-- CLANG_ARGS...]")

    @OptionGroup var common: CommonOptions

    @Option(help: "Output format: text (clang style), json (the report), sarif (2.1.0), github (workflow annotations).")
    var format: CheckFormat = .text

    @Option(help: ArgumentHelp("Only report findings not in this baseline.", valueName: "FILE"))
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: ArgumentHelp("Write the current findings as a baseline to FILE.", valueName: "FILE"))
    var writeBaseline: String?

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding at or above this severity remains.")
    var failOn: FailOn = .warning

    @Option(name: .customLong("docs-url"), help: ArgumentHelp("Absolute URL of the folder that holds oxidize's docs/, for SARIF help links (default: the local checkout's docs, when found).", valueName: "URL"))
    var docsURL: String?

    func validate() throws {
        if !common.hasInput { throw ValidationError("no input files (usage: oxidize check FILE... [-p BUILD_DIR] -- CLANG_ARGS)") }
        if common.jobs < 1 { throw ValidationError("-j takes a positive number") }
        _ = try common.shardValue()
    }

    func run() throws {
        var report: Report
        var failures: [String] = []
        do {
            (report, failures) = try Pipeline.run(common.pipelineOptions(), keepGoing: common.buildDirectory != nil)
            failures.forEach(Output.error)
        } catch let f as Pipeline.Failure {
            f.messages.forEach(Output.error)
            throw ExitCode(2)
        }
        let sources = SourceLines()
        report.diagnostics = sources.unsuppressed(report.diagnostics)
        // Files are named relative to the baseline's folder: `a.c`, `./a.c`, an absolute path
        // and a run from another folder name the same file alike.
        func key(_ d: Report.Diagnostic, baseline: String) -> Baseline.Entry {
            Baseline.Entry(id: d.id, file: Baseline.path(of: d.file, relativeTo: baseline), function: d.function,
                           text: Baseline.normalize(sources.line(d.file, d.line) ?? ""))
        }
        if let path = writeBaseline {
            try Output.write(Baseline(findings: report.diagnostics.map { key($0, baseline: path) }).encoded(), to: path, inputs: common.inputs)
        }
        if let path = baseline {
            guard let data = FileManager.default.contents(atPath: path) else {
                Output.error("\(path): error: cannot read baseline")
                throw ExitCode(2)
            }
            do {
                let known = try Baseline.read(data, file: path)
                report.diagnostics = known.filter(report.diagnostics) { key($0, baseline: path) }
            } catch let e as ReportError {
                Output.error(e.description)
                throw ExitCode(2)
            }
        }
        let data: Data
        switch format {
        case .text:
            data = Data(DiagnosticFormatter(color: Output.useColor(for: common.output)).text(report.diagnostics, source: sources.line).utf8)
        case .json:
            data = JSONFormatter.format(report)
        case .sarif:
            data = SARIFFormatter.format(report, docsBase: docsURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? Self.localDocs()) {
                sources.line($0.file, $0.line) ?? ""
            }
        case .github:
            data = Data(DiagnosticFormatter.github(report.diagnostics).utf8)
        case .html:
            data = Data(HTMLFormatter().format(report, title: "oxidize check", source: sources.line).utf8)
        }
        try Output.write(data, to: common.output, inputs: common.inputs + [baseline].compactMap { $0 })
        if !failures.isEmpty { throw ExitCode(2) }   // some unit failed to parse; the rest was analysed
        let threshold: Int
        switch failOn { case .error: threshold = 2; case .warning: threshold = 1; case .note: threshold = 0; case .never: threshold = 3 }
        let rank = ["note": 0, "warning": 1, "error": 2]
        if report.diagnostics.contains(where: { (rank[$0.severity] ?? 1) >= threshold }) { throw ExitCode(1) }
    }

    /// `file:///…/oxidize/` when the binary runs from a checkout that has docs/diagnostics.
    static func localDocs() -> String? {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("docs/diagnostics").path) {
                return dir.absoluteString.hasSuffix("/") ? dir.absoluteString : dir.absoluteString + "/"
            }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }
}

/// Source lines of the files that have findings, read once each (for carets, suppressions,
/// baselines and fingerprints).
final class SourceLines {
    private var cache: [String: [String]] = [:]

    func line(_ file: String, _ n: Int) -> String? {
        if cache[file] == nil {
            guard let data = FileManager.default.contents(atPath: file) else { return nil }
            cache[file] = sourceLines([UInt8](data))
        }
        guard let lines = cache[file], n >= 1, n <= lines.count else { return nil }
        return lines[n - 1]
    }

    /// Drops findings with `// oxidize-ignore: ID` (or a comma list, or `all`) on their line or the line above.
    func unsuppressed(_ diagnostics: [Report.Diagnostic]) -> [Report.Diagnostic] {
        diagnostics.filter { d in
            for n in [d.line, d.line - 1] {
                guard let text = line(d.file, n), let r = text.range(of: "oxidize-ignore:") else { continue }
                let ids = text[r.upperBound...].split(whereSeparator: { $0 == "," || $0 == " " || $0 == "*" || $0 == "/" }).map(String.init)
                if ids.contains(d.id) || ids.contains("all") { return false }
            }
            return true
        }
    }
}
