import CModel
import Diagnostics
import Ownership
import Reporting

/// Ownership facts -> the versioned report (sorted, deterministic).
enum ReportBuilder {
    static func entry(_ f: PointerFact, named: Bool = true) -> Report.Entry {
        Report.Entry(name: named ? f.name : nil, type: f.cType, ownership: f.ownership.rawValue, mutable: f.mutable,
                     rust: f.rust, line: f.line, nullable: f.nullable, borrowsFrom: f.borrowsFrom, resource: f.resource,
                     evidence: f.evidence.map { Report.Evidence(message: $0.message, file: $0.file, line: $0.line) })
    }

    static func build(facts: ProgramFacts, diagnostics: [Diagnostic], files: [String], models: [String], tool: Report.Tool) -> Report {
        var counts: [OwnershipClass: Int] = [:]
        func count(_ f: PointerFact) { if f.isPointer || f.ownership != .value { counts[f.ownership, default: 0] += 1 } }
        for fn in facts.functions { fn.params.forEach(count); fn.returns.map(count); fn.locals.forEach(count) }
        // Entries are copies of the facts, function by function: made on all cores for large reports.
        let all = facts.functions
        let n = all.count >= 1000 ? 8 : 1
        let functions = parallelMap(n, lanes: 8) { part -> [Report.Function] in
            all[part * all.count / n ..< (part + 1) * all.count / n].map { fn in
                Report.Function(name: fn.name, file: fn.file, line: fn.line, params: fn.params.map { entry($0) },
                                returns: fn.returns.map { entry($0, named: false) }, locals: fn.locals.map { entry($0) })
            }
        }.flatMap { $0 }
        let structs = facts.structs.map { s -> Report.Struct in
            s.fields.forEach(count)
            return Report.Struct(name: s.name, file: s.file, line: s.line, isUnion: s.isUnion, refcounted: s.refcounted,
                                 fields: s.fields.map { entry($0) })
        }
        let owned = counts[.owned, default: 0], borrowed = counts[.borrowed, default: 0]
        let shared = counts[.shared, default: 0], raw = counts[.raw, default: 0]
        let total = owned + borrowed + shared + raw
        let share = total == 0 ? 1.0 : (Double(total - raw) / Double(total) * 10000).rounded() / 10000
        return Report(tool: tool, models: models, files: files, functions: functions, structs: structs,
                      summary: .init(functions: functions.count, pointers: total, owned: owned, borrowed: borrowed,
                                     shared: shared, raw: raw, safeShare: share),
                      diagnostics: diagnostics.map { d in
                          Report.Diagnostic(id: d.kind.id, severity: d.severity.rawValue, certainty: d.certainty.rawValue,
                                            rust: d.rustRule, file: d.file, line: d.line, column: d.column,
                                            function: d.function, message: d.message,
                                            notes: d.notes.map { Report.Note(file: $0.file, line: $0.line, column: $0.column, message: $0.message) })
                      })
    }
}
