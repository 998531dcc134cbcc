import CModel
import Checker
import ClangFrontend
import Emitter
import Foundation
import Ownership

extension Pipeline {
    /// `oxidize translate`: one C file -> Rust, with the ownership decisions and the checker's
    /// findings of the same run.
    public static func translate(_ options: Options, strict: Bool) throws -> RustTranslation {
        let library = try libraryModel(extra: options.modelFiles)
        var options = options
        if let dir = options.buildDirectory {
            // The file's own flags from compile_commands.json, then the ones after `--`.
            switch CompilationDatabase.load(buildDirectory: dir) {
            case .failure(let e): throw Failure(messages: [e.description])
            case .success(let units):
                guard let file = options.files.first else { throw Failure(messages: ["oxidize: error: nothing to translate"]) }
                let want = URL(fileURLWithPath: file).resolvingSymlinksInPath().standardizedFileURL.path
                guard let unit = units.first(where: { URL(fileURLWithPath: $0.file).resolvingSymlinksInPath().standardizedFileURL.path == want }) else {
                    throw Failure(messages: ["\(file): error: not a unit of \(dir)/compile_commands.json"])
                }
                options.clangArguments = unit.arguments + options.clangArguments
                options.buildDirectory = nil
            }
        }
        options.splitBytes = nil   // the emitter writes one unit whole
        let units = try parse(options)
        guard let unit = units.first else { throw Failure(messages: ["oxidize: error: nothing to translate"]) }
        let ownership = OwnershipInference.analyze(units: units, library: library)
        let diagnostics = Checker.check(units: units, library: library, ownership: ownership)
        guard let data = FileManager.default.contents(atPath: unit.mainFile) else {
            throw Failure(messages: ["\(unit.mainFile): error: cannot read the file"])
        }
        let source = String(decoding: data, as: UTF8.self)
        return RustEmitter.translate(TranslationInput(unit: unit, facts: ownership.facts, refcounted: ownership.refcounted,
                                                      diagnostics: diagnostics, source: source, library: library, strict: strict))
    }
}
