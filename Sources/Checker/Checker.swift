import CModel
import Diagnostics
import Ownership

/// The checker stage: where the C breaks a rule Rust enforces. Pure: model + ownership in,
/// diagnostics out, sorted by (file, line, column, id). Functions are checked independently,
/// on both cores; the output does not depend on the schedule.
public enum Checker {
    public static func check(units: [TranslationUnit], library: LibraryModel, ownership: OwnershipResult) -> [Diagnostic] {
        var knowledge = ProgramKnowledge(units: units, library: library, index: ownership.index)
        knowledge.releases = ReleaseSummaries.compute(units: units, library: library, ownership: ownership, knowledge: knowledge)
        var work: [(tu: Int, function: Int32)] = []
        for (t, tu) in units.enumerated() {
            for (i, f) in tu.functions.enumerated() where f.hasBody && !f.isSystem {
                // A function defined in several units (a header's static inline) is checked once.
                let key = ownership.index.functionKey(tu: t, function: Int32(i))
                if let def = ownership.index.definition(of: key), def.tu != t || def.function != Int32(i) { continue }
                work.append((t, Int32(i)))
            }
        }
        // Largest bodies first: the cores take the next function as they finish, so one long
        // function (sqlite3VdbeExec) runs beside all the others instead of after half of them.
        // The findings are sorted afterwards, so the order of the work does not show.
        work.sort { a, b in
            let fa = units[a.tu].functions[Int(a.function)], fb = units[b.tu].functions[Int(b.function)]
            return (fa.bodyEnd - fa.bodyStart, b.tu, b.function) > (fb.bodyEnd - fb.bodyStart, a.tu, a.function)
        }
        let todo = work
        let known = knowledge
        let results = parallelMap(todo.count, lanes: 4) { i -> [Diagnostic] in
            var c = FunctionChecker(tu: units[todo[i].tu], tuIndex: todo[i].tu, function: todo[i].function,
                                    library: library, ownership: ownership, knowledge: known)
            return c.run()
        }
        return results.flatMap { $0 }.sorted(by: Diagnostic.ordered)
    }
}
