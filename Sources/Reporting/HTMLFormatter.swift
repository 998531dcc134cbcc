import Foundation

/// One self-contained page (inline CSS, no scripts, no network) that people browse instead of
/// reading JSON: a summary per class and per file, each function's pointers colored by class
/// with their evidence, and each finding with its path notes marked in the source.
public struct HTMLFormatter {
    public init() {}

    static func esc(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    static let css = """
    body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:0;color:#1d2433;background:#f6f7f9}
    header{background:#1d2433;color:#fff;padding:18px 28px}header h1{margin:0;font-size:20px}
    header p{margin:4px 0 0;color:#b8c0d0}main{padding:18px 28px;max-width:1200px}
    h2{font-size:17px;margin:26px 0 10px}table{border-collapse:collapse;background:#fff;width:100%;margin-bottom:8px}
    th,td{border:1px solid #dde1e8;padding:4px 8px;text-align:left;vertical-align:top}th{background:#eef1f5}
    .owned{color:#0a7d32;font-weight:600}.borrowed{color:#0a5fa8;font-weight:600}.shared{color:#8a2be2;font-weight:600}
    .raw{color:#c0262d;font-weight:600}.value{color:#6b7280}
    .bar{display:flex;height:14px;border-radius:3px;overflow:hidden;min-width:160px}.bar span{display:block}
    .b-owned{background:#2fa360}.b-borrowed{background:#3b82c4}.b-shared{background:#9b59d0}.b-raw{background:#d9534f}
    .fn{background:#fff;border:1px solid #dde1e8;border-radius:6px;margin:10px 0;padding:8px 12px}
    .fn h3{margin:0 0 6px;font-size:15px}.fn h3 small{color:#6b7280;font-weight:400}
    .ev{color:#4b5563;font-size:12px}code,pre{font:12px/1.4 ui-monospace,Menlo,Consolas,monospace}
    .finding{background:#fff;border-left:4px solid #d9534f;margin:12px 0;padding:8px 12px}
    .finding.warning{border-color:#e0a526}.finding h3{margin:0;font-size:15px}
    pre.src{background:#1d2433;color:#e6e9ef;padding:8px 0;border-radius:4px;overflow-x:auto}
    pre.src span{display:block;padding:0 10px}pre.src .hit{background:#5a2a2e}pre.src .note{background:#2d3f5c}
    pre.src em{font-style:normal;color:#f5c26b}.muted{color:#6b7280}
    """

    /// - Parameter source: the text of line N of a file, if readable.
    public func format(_ r: Report, title: String = "oxidize report", source: (String, Int) -> String?) -> String {
        var h = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>\(Self.esc(title))</title>\n<style>\(Self.css)</style></head><body>\n"
        let s = r.summary
        h += "<header><h1>\(Self.esc(title))</h1><p>\(s.functions) functions, \(s.pointers) pointers, safe share \(String(format: "%.1f", s.safeShare * 100))% &middot; \(r.diagnostics.count) finding\(r.diagnostics.count == 1 ? "" : "s") &middot; oxidize \(Self.esc(r.tool.version)) &middot; \(Self.esc(r.tool.clang))</p></header>\n<main>\n"
        h += section("Summary", id: "summary")
        h += "<table><tr><th>class</th><th>pointers</th><th>share</th></tr>"
        for (name, n) in [("owned", s.owned), ("borrowed", s.borrowed), ("shared", s.shared), ("raw", s.raw)] {
            let share = s.pointers == 0 ? 0 : Double(n) / Double(s.pointers) * 100
            h += "<tr><td class=\"\(name)\">\(name)</td><td>\(n)</td><td>\(String(format: "%.1f", share))%</td></tr>"
        }
        h += "</table>\n"
        h += perFile(r)
        if !r.diagnostics.isEmpty {
            h += section("Findings", id: "findings")
            for (i, d) in r.diagnostics.enumerated() { h += finding(d, index: i, source: source) }
        }
        h += section("Functions", id: "functions")
        for f in r.functions { h += function(f) }
        if !r.structs.isEmpty {
            h += section("Structs", id: "structs")
            for st in r.structs { h += structure(st) }
        }
        h += "</main></body></html>\n"
        return h
    }

    func section(_ title: String, id: String) -> String { "<h2 id=\"\(id)\">\(title)</h2>\n" }

    func perFile(_ r: Report) -> String {
        var byFile: [String: [String: Int]] = [:]
        var fnCount: [String: Int] = [:]
        func add(_ file: String, _ e: Report.Entry) {
            guard e.ownership != "value" else { return }
            byFile[file, default: [:]][e.ownership, default: 0] += 1
        }
        for f in r.functions {
            fnCount[f.file, default: 0] += 1
            f.params.forEach { add(f.file, $0) }; f.returns.map { add(f.file, $0) }; f.locals.forEach { add(f.file, $0) }
        }
        for st in r.structs { st.fields.forEach { add(st.file, $0) } }
        var h = "<table><tr><th>file</th><th>functions</th><th>owned</th><th>borrowed</th><th>shared</th><th>raw</th><th>safe share</th><th></th></tr>"
        for file in Set(byFile.keys).union(fnCount.keys).sorted() {
            let c = byFile[file] ?? [:]
            let total = c.values.reduce(0, +)
            let safe = total == 0 ? 100 : Double(total - c["raw", default: 0]) / Double(total) * 100
            var bar = "<div class=\"bar\">"
            for k in ["owned", "borrowed", "shared", "raw"] where total > 0 && c[k, default: 0] > 0 {
                bar += "<span class=\"b-\(k)\" style=\"width:\(String(format: "%.1f", Double(c[k]!) / Double(total) * 100))%\"></span>"
            }
            bar += "</div>"
            h += "<tr><td><code>\(Self.esc(file))</code></td><td>\(fnCount[file, default: 0])</td><td>\(c["owned", default: 0])</td><td>\(c["borrowed", default: 0])</td><td>\(c["shared", default: 0])</td><td>\(c["raw", default: 0])</td><td>\(String(format: "%.1f", safe))%</td><td>\(bar)</td></tr>"
        }
        return h + "</table>\n"
    }

    func row(_ kind: String, _ e: Report.Entry) -> String {
        let cls = e.ownership + (e.mutable ? " mut" : "")
        let ev = e.evidence.map { Self.esc($0.line > 0 ? "\($0.message) (line \($0.line))" : $0.message) }.joined(separator: "<br>")
        return "<tr><td>\(kind)</td><td><code>\(Self.esc(e.name ?? "return"))</code></td><td><code>\(Self.esc(e.type))</code></td><td class=\"\(e.ownership)\">\(cls)</td><td><code>\(Self.esc(e.rust))</code></td><td class=\"ev\">\(ev)</td></tr>"
    }

    func function(_ f: Report.Function) -> String {
        var h = "<div class=\"fn\" id=\"fn-\(Self.esc(f.name))\"><h3>\(Self.esc(f.name)) <small>\(Self.esc(f.file)):\(f.line)</small></h3>"
        let rows = f.params.map { row("param", $0) } + (f.returns.map { [row("return", $0)] } ?? []) + f.locals.filter { $0.ownership != "value" || $0.mutable }.map { row("local", $0) }
        if rows.isEmpty { return h + "<p class=\"muted\">no pointers</p></div>\n" }
        h += "<table><tr><th></th><th>name</th><th>C type</th><th>class</th><th>Rust</th><th>evidence</th></tr>" + rows.joined() + "</table></div>\n"
        return h
    }

    func structure(_ st: Report.Struct) -> String {
        var h = "<div class=\"fn\" id=\"struct-\(Self.esc(st.name))\"><h3>\(st.isUnion ? "union" : "struct") \(Self.esc(st.name))\(st.refcounted ? " (reference counted)" : "") <small>\(Self.esc(st.file)):\(st.line)</small></h3>"
        h += "<table><tr><th></th><th>name</th><th>C type</th><th>class</th><th>Rust</th><th>evidence</th></tr>" + st.fields.map { row("field", $0) }.joined() + "</table></div>\n"
        return h
    }

    /// The finding, then its source from the first note to the finding, lines with notes marked.
    func finding(_ d: Report.Diagnostic, index: Int, source: (String, Int) -> String?) -> String {
        var h = "<div class=\"finding \(d.severity)\" id=\"finding-\(index)\"><h3>\(Self.esc(d.file)):\(d.line):\(d.column): \(d.severity): \(Self.esc(d.message)) <code>[\(d.id)]</code></h3>"
        h += "<p class=\"muted\">in <code>\(Self.esc(d.function))</code> &middot; \(d.certainty) &middot; Rust: \(Self.esc(d.rust))</p>"
        let sameFile = d.notes.filter { $0.file == d.file }.map(\.line)
        let first = max(1, min(sameFile.min() ?? d.line, d.line) - 1), last = max(sameFile.max() ?? d.line, d.line) + 1
        if last - first < 80 {
            var lines = ""
            for n in first...last {
                guard let text = source(d.file, n) else { continue }
                let notes = d.notes.filter { $0.file == d.file && $0.line == n }.map(\.message)
                let cls = n == d.line ? " class=\"hit\"" : (notes.isEmpty ? "" : " class=\"note\"")
                let mark = notes.isEmpty ? (n == d.line ? "  <em>&larr; \(Self.esc(d.id))</em>" : "") : "  <em>&larr; " + notes.map(Self.esc).joined(separator: "; ") + "</em>"
                lines += "<span\(cls)>\(String(format: "%5d", n))  \(Self.esc(text))\(mark)</span>"
            }
            if !lines.isEmpty { h += "<pre class=\"src\">\(lines)</pre>" }
        }
        let elsewhere = d.notes.filter { $0.file != d.file }
        if !elsewhere.isEmpty {
            h += "<ul>" + elsewhere.map { "<li><code>\(Self.esc($0.file)):\($0.line)</code> \(Self.esc($0.message))</li>" }.joined() + "</ul>"
        }
        return h + "</div>\n"
    }
}
