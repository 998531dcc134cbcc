import CModel
import Checker
import ClangFrontend
import Diagnostics
import Ownership
import Reporting

/// The only place that orders the stages: parse -> lower -> infer -> report.
public enum Pipeline {
    public static let toolVersion = "0.1.0"

    public struct Options: Sendable {
        public var files: [String]
        public var clangArguments: [String]
        public var modelFiles: [String]
        /// Run the checker and fill `diagnostics` (off only to measure what the checker costs).
        public var runChecker: Bool
        public init(files: [String], clangArguments: [String], modelFiles: [String] = [], runChecker: Bool = true) {
            self.files = files; self.clangArguments = clangArguments; self.modelFiles = modelFiles; self.runChecker = runChecker
        }
    }

    /// Input problems, clang-style, one line each.
    public struct Failure: Error, Sendable {
        public var messages: [String]
    }

    public static func libraryModel(extra: [String]) throws -> LibraryModel {
        do {
            var m = try LibraryModel.bundled()
            for f in extra { try m.load(path: f) }
            return m
        } catch let e as ModelError {
            throw Failure(messages: [e.description])
        }
    }

    /// Parses every file (all of them, so every error is reported), then analyses them together.
    public static func parse(_ options: Options) throws -> [TranslationUnit] {
        let index = ClangIndex()
        var units: [TranslationUnit] = []
        var errors: [String] = []
        for f in options.files {
            switch index.parse(path: f, arguments: options.clangArguments) {
            case .success(let tu): units.append(tu)
            case .failure(let failure): errors += failure.errors.map(\.description)
            }
        }
        if !errors.isEmpty { throw Failure(messages: errors) }
        return units
    }

    public static func report(_ options: Options) throws -> Report {
        let library = try libraryModel(extra: options.modelFiles)
        var clock = StageClock()
        let units = try parse(options)
        clock.lap("parse+walk")
        let ownership = OwnershipInference.analyze(units: units, library: library)
        clock.lap("ownership")
        let diagnostics = options.runChecker ? Checker.check(units: units, library: library, ownership: ownership) : []
        clock.lap("checker")
        defer { clock.lap("report") }
        return ReportBuilder.build(facts: ownership.facts, diagnostics: diagnostics, files: options.files, models: library.sources,
                                   tool: .init(name: "oxidize", version: toolVersion, clang: clangVersion()))
    }
}
