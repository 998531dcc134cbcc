import ArgumentParser
import ClangFrontend
import Pipeline

struct Oxidize: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oxidize",
        abstract: "Infer Rust ownership for C pointers, check C against Rust's rules, translate C to Rust.",
        version: "oxidize \(Pipeline.toolVersion) (\(clangVersion()))",
        subcommands: [ReportCommand.self, CheckCommand.self, TranslateCommand.self, DiffCommand.self, MergeCommand.self])
}
