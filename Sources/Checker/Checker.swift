import CModel
import Diagnostics
import Ownership

/// The checker stage: where the C breaks a rule Rust enforces. Pure: model + ownership in,
/// diagnostics out, sorted by (file, line, column, id).
public enum Checker {
    public static func check(units: [TranslationUnit], library: LibraryModel, ownership: OwnershipResult) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let facts = ProgramKnowledge(units: units, library: library, index: ownership.index)
        for (t, tu) in units.enumerated() {
            for (i, f) in tu.functions.enumerated() where f.hasBody && !f.isSystem {
                // A function defined in several units (a header's static inline) is checked once.
                let key = ownership.index.functionKey(tu: t, function: Int32(i))
                if let def = ownership.index.definition(of: key), def.tu != t || def.function != Int32(i) { continue }
                var c = FunctionChecker(tu: tu, tuIndex: t, function: Int32(i), library: library, ownership: ownership, knowledge: facts)
                out += c.run()
            }
        }
        return out.sorted(by: Diagnostic.ordered)
    }
}
