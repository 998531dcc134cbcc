import Foundation

/// What changed between two ownership reports, as an API contract: parameters, returns and
/// fields that changed class or mutability, functions added or removed, diagnostics new or
/// fixed. Everything is matched by name and position, never by line number.
public struct ReportDiff: Codable, Sendable, Equatable {
    public static let version = "1.0"

    public struct Change: Codable, Sendable, Equatable {
        /// `param`, `return`, `field`, `function`, `struct`
        public var entity: String
        /// `FUNCTION.PARAM`, `FUNCTION`, `STRUCT.FIELD`
        public var name: String
        /// `ownership`, `mutability`, `rust`, `added`, `removed`
        public var aspect: String
        public var old: String?
        public var new: String?
        public var breaking: Bool
        public var explanation: String
    }

    public struct DiagnosticChange: Codable, Sendable, Equatable {
        public var id: String
        public var function: String
        public var file: String
        public var line: Int
        public var message: String
    }

    public var version: String
    public var changes: [Change]
    public var newDiagnostics: [DiagnosticChange]
    public var fixedDiagnostics: [DiagnosticChange]

    enum CodingKeys: String, CodingKey {
        case version, changes
        case newDiagnostics = "new_diagnostics"
        case fixedDiagnostics = "fixed_diagnostics"
    }

    public var isEmpty: Bool { changes.isEmpty && newDiagnostics.isEmpty && fixedDiagnostics.isEmpty }
    public var breakingCount: Int { changes.filter(\.breaking).count }

    // MARK: comparing

    public static func compare(old: Report, new: Report) -> ReportDiff {
        var changes: [Change] = []
        let oldFns = Dictionary(old.functions.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let newFns = Dictionary(new.functions.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for name in Set(oldFns.keys).union(newFns.keys).sorted() {
            switch (oldFns[name], newFns[name]) {
            case (let o?, nil):
                changes.append(Change(entity: "function", name: name, aspect: "removed", old: nil, new: nil, breaking: true,
                                      explanation: "removed: callers no longer link"))
                _ = o
            case (nil, _?):
                changes.append(Change(entity: "function", name: name, aspect: "added", old: nil, new: nil, breaking: false,
                                      explanation: "added"))
            case (let o?, let n?):
                changes += compareParams(name, o.params, n.params)
                changes += compareEntry("return", name, o.returns, n.returns, isReturn: true)
            default: break
            }
        }
        let oldStructs = Dictionary(old.structs.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let newStructs = Dictionary(new.structs.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for name in Set(oldStructs.keys).union(newStructs.keys).sorted() {
            guard let o = oldStructs[name], let n = newStructs[name] else {
                let added = oldStructs[name] == nil
                changes.append(Change(entity: "struct", name: name, aspect: added ? "added" : "removed", old: nil, new: nil,
                                      breaking: !added, explanation: added ? "added" : "removed"))
                continue
            }
            let of = Dictionary(o.fields.compactMap { f in f.name.map { ($0, f) } }, uniquingKeysWith: { a, _ in a })
            for f in n.fields {
                guard let fname = f.name else { continue }
                changes += compareEntry("field", "\(name).\(fname)", of[fname], f, isReturn: false)
            }
        }
        let (added, fixed) = compareDiagnostics(old.diagnostics, new.diagnostics)
        return ReportDiff(version: version, changes: changes, newDiagnostics: added, fixedDiagnostics: fixed)
    }

    static func compareParams(_ fn: String, _ old: [Report.Entry], _ new: [Report.Entry]) -> [Change] {
        var out: [Change] = []
        let oldByName = Dictionary(old.compactMap { p in p.name.map { ($0, p) } }, uniquingKeysWith: { a, _ in a })
        for (i, p) in new.enumerated() {
            guard let pname = p.name else { continue }
            // By name; a renamed parameter is matched by position when the count is unchanged.
            let match = oldByName[pname] ?? (old.count == new.count && i < old.count ? old[i] : nil)
            if let match {
                out += compareEntry("param", "\(fn).\(pname)", match, p, isReturn: false)
            } else {
                out.append(Change(entity: "param", name: "\(fn).\(pname)", aspect: "added", old: nil, new: p.ownership,
                                  breaking: true, explanation: "new parameter: callers must pass it"))
            }
        }
        let newNames = Set(new.compactMap(\.name))
        for (i, p) in old.enumerated() where !(p.name.map(newNames.contains) ?? false) && !(old.count == new.count && i < new.count) {
            out.append(Change(entity: "param", name: "\(fn).\(p.name ?? "#\(i)")", aspect: "removed", old: p.ownership, new: nil,
                              breaking: true, explanation: "parameter removed: callers must stop passing it"))
        }
        return out
    }

    static func compareEntry(_ entity: String, _ name: String, _ o: Report.Entry?, _ n: Report.Entry?, isReturn: Bool) -> [Change] {
        guard let o, let n else {
            if o == nil, let n, entity == "field" {
                return [Change(entity: entity, name: name, aspect: "added", old: nil, new: n.ownership, breaking: false, explanation: "new field")]
            }
            if let o, n == nil, entity == "return" {
                return [Change(entity: entity, name: name, aspect: "ownership", old: o.ownership, new: "none", breaking: true,
                               explanation: "no longer returns a pointer")]
            }
            if o == nil, let n, entity == "return" {
                return [Change(entity: entity, name: name, aspect: "ownership", old: "none", new: n.ownership, breaking: true,
                               explanation: "now returns a pointer")]
            }
            return []
        }
        var out: [Change] = []
        if o.ownership != n.ownership {
            let (breaking, why) = explain(entity: entity, from: o.ownership, to: n.ownership, isReturn: isReturn)
            out.append(Change(entity: entity, name: name, aspect: "ownership", old: o.ownership, new: n.ownership, breaking: breaking, explanation: why))
        }
        if o.mutable != n.mutable, n.ownership != "value" || o.ownership != "value" {
            let gained = n.mutable
            out.append(Change(entity: entity, name: name, aspect: "mutability", old: o.mutable ? "mutable" : "immutable",
                              new: n.mutable ? "mutable" : "immutable", breaking: gained && entity == "param",
                              explanation: gained ? (entity == "param" ? "now written through: callers must lend it mutably (&mut)" : "now written through")
                                                  : "no longer written through"))
        }
        if o.ownership == n.ownership, o.rust != n.rust, o.mutable == n.mutable {
            out.append(Change(entity: entity, name: name, aspect: "rust", old: o.rust, new: n.rust, breaking: false,
                              explanation: "the Rust type changed"))
        }
        return out
    }

    /// Whether a class change breaks callers, and what they must do.
    static func explain(entity: String, from: String, to: String, isReturn: Bool) -> (Bool, String) {
        switch (entity, from, to) {
        case ("param", "borrowed", "owned"): return (true, "now takes ownership: callers must stop freeing it")
        case ("param", "owned", "borrowed"): return (true, "no longer takes ownership: callers that handed it over now leak it")
        case ("return", "borrowed", "owned"): return (true, "now returns an owned value: callers must free it")
        case ("return", "owned", "borrowed"): return (true, "now returns a borrowed pointer: callers must stop freeing it")
        case ("field", "borrowed", "owned"): return (true, "now owns what it points to: whoever set it must stop freeing it")
        case ("field", "owned", "borrowed"): return (true, "no longer owns what it points to: it now leaks unless freed elsewhere")
        case (_, _, "shared"): return (true, "now reference counted: take and drop references instead of freeing")
        case (_, "shared", _): return (true, "no longer reference counted")
        case (_, _, "raw"): return (false, "no longer provable: it becomes a raw pointer in Rust")
        case (_, "raw", _): return (false, "now provable: it gets a safe Rust type")
        default: return (true, "class changed")
        }
    }

    static func compareDiagnostics(_ old: [Report.Diagnostic], _ new: [Report.Diagnostic]) -> ([DiagnosticChange], [DiagnosticChange]) {
        func key(_ d: Report.Diagnostic) -> String { "\(d.id)\u{0}\(d.function)\u{0}\(d.message)" }
        func change(_ d: Report.Diagnostic) -> DiagnosticChange {
            DiagnosticChange(id: d.id, function: d.function, file: d.file, line: d.line, message: d.message)
        }
        var oldCount: [String: Int] = [:]
        for d in old { oldCount[key(d), default: 0] += 1 }
        var newCount: [String: Int] = [:]
        for d in new { newCount[key(d), default: 0] += 1 }
        var added: [DiagnosticChange] = []
        var seen: [String: Int] = [:]
        for d in new {
            seen[key(d), default: 0] += 1
            if seen[key(d)]! > oldCount[key(d), default: 0] { added.append(change(d)) }
        }
        var fixed: [DiagnosticChange] = []
        seen = [:]
        for d in old {
            seen[key(d), default: 0] += 1
            if seen[key(d)]! > newCount[key(d), default: 0] { fixed.append(change(d)) }
        }
        return (added, fixed)
    }

    // MARK: output

    public func text() -> String {
        var out = ""
        for c in changes {
            let arrow = c.old.map { o in c.new.map { "\(o) -> \($0)" } ?? o } ?? (c.new ?? "")
            out += "\(c.entity) \(c.name): \(c.aspect)\(arrow.isEmpty ? "" : " \(arrow)")\(c.breaking ? " [breaking]" : ""): \(c.explanation)\n"
        }
        for d in newDiagnostics { out += "new \(d.id) in \(d.function) (\(d.file):\(d.line)): \(d.message)\n" }
        for d in fixedDiagnostics { out += "fixed \(d.id) in \(d.function): \(d.message)\n" }
        out += summaryLine() + "\n"
        return out
    }

    func summaryLine() -> String {
        isEmpty ? "no changes" :
            "\(changes.count) contract change\(changes.count == 1 ? "" : "s") (\(breakingCount) breaking), \(newDiagnostics.count) new diagnostic\(newDiagnostics.count == 1 ? "" : "s"), \(fixedDiagnostics.count) fixed"
    }

    /// For a pull-request comment.
    public func markdown() -> String {
        var out = "### oxidize: ownership contract changes\n\n"
        if isEmpty { return out + "No changes.\n" }
        if !changes.isEmpty {
            out += "| | what | change | old | new | meaning |\n|---|---|---|---|---|---|\n"
            for c in changes {
                out += "| \(c.breaking ? "⚠️ breaking" : "") | \(c.name.markdownCode) (\(c.entity)) | \(c.aspect) | \(c.old.map(\.markdownCode) ?? "") | \(c.new.map(\.markdownCode) ?? "") | \(c.explanation) |\n"
            }
            out += "\n"
        }
        if !newDiagnostics.isEmpty {
            out += "**New diagnostics**\n\n"
            for d in newDiagnostics { out += "- \(d.id.markdownCode) in \(d.function.markdownCode) (\(d.file.markdownText):\(d.line)): \(d.message.markdownText)\n" }
            out += "\n"
        }
        if !fixedDiagnostics.isEmpty {
            out += "**Fixed diagnostics**\n\n"
            for d in fixedDiagnostics { out += "- \(d.id.markdownCode) in \(d.function.markdownCode): \(d.message.markdownText)\n" }
            out += "\n"
        }
        out += summaryLine() + "\n"
        return out
    }

    public func json() -> Data {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var d = (try? enc.encode(self)) ?? Data()
        d.append(0x0A)
        return d
    }
}
