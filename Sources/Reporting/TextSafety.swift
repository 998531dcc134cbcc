/// Text from the user's files (source lines, file names, identifiers in messages) on its way to
/// a terminal, a CI log or a Markdown comment, where some characters act instead of showing.

extension String {
    /// Control characters (ESC, BEL, CR, ..., DEL) shown as `<U+001B>`, as clang shows them, so
    /// that a source line or a file name cannot move the cursor, recolour or clear a terminal.
    /// Tabs stay (carets line up under them); line feeds stay only when `newlines` is true.
    public func visibleControls(keepingNewlines newlines: Bool = false) -> String {
        guard unicodeScalars.contains(where: { Self.isControl($0, newlines) }) else { return self }
        var out = ""
        for u in unicodeScalars {
            if Self.isControl(u, newlines) {
                let hex = String(u.value, radix: 16, uppercase: true)
                out += "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
            } else {
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    private static func isControl(_ u: Unicode.Scalar, _ newlines: Bool) -> Bool {
        if u == "\t" || (newlines && u == "\n") { return false }
        return u.value < 0x20 || (0x7F...0x9F).contains(u.value)
    }

    /// Plain Markdown text: what Markdown would read as syntax (emphasis, links, HTML, code,
    /// table cells) is escaped; line breaks become spaces.
    public var markdownText: String {
        var out = ""
        for ch in visibleControls().replacingOccurrences(of: "\n", with: " ") {
            switch ch {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\\", "`", "*", "_", "[", "]", "|", "#", "!", "~": out += "\\" + String(ch)
            default: out.append(ch)
            }
        }
        return out
    }

    /// A Markdown code span holding the text as it is: fenced by more backticks than any run
    /// inside it, and with `|` escaped (GitHub's tables split cells on it even in code).
    public var markdownCode: String {
        let text = visibleControls().replacingOccurrences(of: "\n", with: " ")
        var longest = 0, run = 0
        for ch in text { run = ch == "`" ? run + 1 : 0; longest = max(longest, run) }
        let fence = String(repeating: "`", count: longest + 1)
        let padded = longest > 0 || text.hasPrefix(" ") || text.hasSuffix(" ") ? " " + text + " " : text
        return fence + padded.replacingOccurrences(of: "|", with: "\\|") + fence
    }
}

/// Lines of a source file as clang counts them: "\n", "\r\n" and a lone "\r" each end a line
/// (a file saved with CR-only line endings is one line to a split on "\n").
public func sourceLines(_ bytes: [UInt8]) -> [String] {
    var lines: [String] = []
    var start = 0, i = 0
    while i < bytes.count {
        let b = bytes[i]
        if b == 0x0A || b == 0x0D {
            lines.append(String(decoding: bytes[start..<i], as: UTF8.self))
            if b == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
            start = i + 1
        }
        i += 1
    }
    lines.append(String(decoding: bytes[start..<bytes.count], as: UTF8.self))
    return lines
}
