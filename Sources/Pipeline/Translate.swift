import CModel
import Checker
import Emitter
import Foundation
import Ownership

extension Pipeline {
    /// `oxidize translate`: one C file -> Rust, with the ownership decisions and the checker's
    /// findings of the same run.
    public static func translate(_ options: Options, strict: Bool) throws -> RustTranslation {
        let library = try libraryModel(extra: options.modelFiles)
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
