import Foundation
import XCTest

/// Text from the user's files reaches terminals, CI logs and pull-request comments: it is shown,
/// never obeyed (issue 13, items 5, 6 and 10).
final class OutputSafetyTests: XCTestCase {
    private let leak = "#include <stdlib.h>\nint f(void) {\n    char *p = malloc(4); /* \u{1B}[2J\u{07} */\n    return 0;\n}\n"

    /// ESC, BEL and CR in a source line and in a file name: shown as <U+001B> (as clang does),
    /// in text diagnostics, GitHub annotations and the report table.
    func testControlCharactersAreShownNotSent() throws {
        let s = try Scratch()
        let path = try s.write("evil\u{1B}]0;title\u{07}\r.c", leak)
        for format in ["text", "github"] {
            let r = try Run.oxidize(["check", "--no-cache", "--format", format, path])
            XCTAssertEqual(r.status, 1, r.stderr)
            XCTAssertFalse(r.stdout.contains(0x1B), "\(format): ESC reached the output")
            XCTAssertFalse(r.stdout.contains(0x07), "\(format): BEL reached the output")
            XCTAssertFalse(r.stdout.contains(0x0D), "\(format): CR reached the output")
            XCTAssertTrue(r.out.contains("<U+001B>"), "\(format): \(r.out)")
        }
        let table = try Run.oxidize(["report", "--no-cache", path])
        XCTAssertEqual(table.status, 0, table.stderr)
        XCTAssertFalse(table.stdout.contains(0x1B) || table.stdout.contains(0x07) || table.stdout.contains(0x0D), table.out)
    }

    /// A file saved with CR-only line endings: the snippet under a finding is its own line.
    func testCROnlyLineEndingsGiveTheRightSnippet() throws {
        let s = try Scratch()
        let path = try s.write("mac.c", leak.replacingOccurrences(of: "/* \u{1B}[2J\u{07} */", with: "/* here */")
            .replacingOccurrences(of: "\n", with: "\r"))
        let r = try Run.oxidize(["check", "--no-cache", path])
        XCTAssertEqual(r.status, 1, r.stderr)
        let lines = r.out.split(separator: "\n")
        guard let at = lines.firstIndex(where: { $0.contains("mac.c:4:") && $0.contains("[leak]") }) else {
            return XCTFail("no leak finding at line 4:\n\(r.out)")
        }
        XCTAssertEqual(lines[at + 1], "    return 0;", r.out)
        // CRLF too.
        let crlf = try s.write("dos.c", leak.replacingOccurrences(of: "\n", with: "\r\n"))
        let d = try Run.oxidize(["check", "--no-cache", crlf])
        let dl = d.out.split(separator: "\n")
        guard let k = dl.firstIndex(where: { $0.contains("dos.c:4:") }) else { return XCTFail(d.out) }
        XCTAssertEqual(dl[k + 1], "    return 0;", d.out)
    }

    /// `diff --format markdown`: a file name with Markdown and HTML in it is escaped text.
    func testMarkdownEscapesNamesFromTheCode() throws {
        let s = try Scratch()
        let old = try s.write("old.c", "int f(void) {\n    return 0;\n}\n")
        let new = try s.write("x`|<img src=y>*.c", leak)
        let r = try Run.oxidize(["diff", "--format", "markdown", old, new])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertFalse(r.out.contains("<img"), r.out)
        XCTAssertTrue(r.out.contains("x\\`\\|&lt;img src=y&gt;\\*.c"), r.out)
        XCTAssertFalse(r.stdout.contains(0x1B), r.out)
    }
}
