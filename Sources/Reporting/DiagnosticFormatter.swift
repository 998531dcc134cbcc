/// Findings for people (clang style, with the source line, a caret and the path notes) and
/// for GitHub Actions (workflow-command annotations).
public struct DiagnosticFormatter {
    public var color: Bool
    public init(color: Bool) { self.color = color }

    func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    /// - Parameter source: the text of line `line` of `file`, if readable.
    public func text(_ diagnostics: [Report.Diagnostic], source: (String, Int) -> String?) -> String {
        var out = ""
        // File names, source lines and the names in messages come from the user's files: their
        // control characters are shown, never sent to the terminal.
        for d in diagnostics {
            let sevColor = d.severity == "error" ? "1;31" : (d.severity == "warning" ? "1;35" : "1;36")
            out += paint("\(d.file.visibleControls()):\(d.line):\(d.column): ", "1") + paint("\(d.severity):", sevColor)
                + paint(" \(d.message.visibleControls()) [\(d.id)]", "1") + " (\(d.certainty); Rust: \(d.rust))\n"
            if let line = source(d.file, d.line)?.visibleControls() {
                out += line + "\n"
                let caretPad = String(line.prefix(max(0, d.column - 1)).map { $0 == "\t" ? "\t" : " " })
                out += caretPad + paint("^", "1;32") + "\n"
            }
            for n in d.notes {
                out += paint("\(n.file.visibleControls()):\(n.line):\(n.column): ", "1") + paint("note:", "1;36") + " \(n.message.visibleControls())\n"
            }
        }
        let errors = diagnostics.filter { $0.severity == "error" }.count
        let warnings = diagnostics.filter { $0.severity == "warning" }.count
        var counts: [String] = []
        if warnings > 0 { counts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        if errors > 0 { counts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if !counts.isEmpty { out += counts.joined(separator: " and ") + " generated.\n" }
        return out
    }

    /// `::error file=a.c,line=3,col=5,title=oxidize use-after-free::'p' is used after being freed`
    public static func github(_ diagnostics: [Report.Diagnostic]) -> String {
        func escapeData(_ s: String) -> String {
            s.visibleControls(keepingNewlines: true).replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
        }
        func escapeProperty(_ s: String) -> String {
            escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
        }
        var out = ""
        for d in diagnostics {
            let level = d.severity == "error" ? "error" : (d.severity == "note" ? "notice" : "warning")
            var message = d.message + " (\(d.certainty); Rust: \(d.rust))"
            for n in d.notes { message += "\n\(n.file):\(n.line): \(n.message)" }
            out += "::\(level) file=\(escapeProperty(d.file)),line=\(d.line),col=\(d.column),title=\(escapeProperty("oxidize \(d.id)"))::\(escapeData(message))\n"
        }
        return out
    }
}
