import XCTest

/// `--format html`: one self-contained page with the summary, every function's pointers and
/// every finding with its path marked in the source.
final class HTMLTests: XCTestCase {
    func testReportPageStructure() throws {
        let fixture = Repo.fixtures.appendingPathComponent("checker/use-after-free.c").path
        let json = try Run.oxidize(["report", "--format", "json", fixture])
        let report = try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any]
        let functions = (report?["functions"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        let findings = (report?["diagnostics"] as? [Any] ?? []).count
        XCTAssertGreaterThan(findings, 3)

        let r = try Run.oxidize(["report", "--format", "html", fixture])
        XCTAssertEqual(r.status, 0, r.stderr)
        let html = r.out
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.hasSuffix("</html>\n"))
        XCTAssertTrue(html.contains("<style>"))
        for offline in ["<script", "http://", "https://", "<link", "<img", "@import"] {
            XCTAssertFalse(html.contains(offline), "the page must be self-contained: found \(offline)")
        }
        for id in ["summary", "findings", "functions"] { XCTAssertTrue(html.contains("id=\"\(id)\""), id) }
        for f in functions { XCTAssertTrue(html.contains("id=\"fn-\(f)\""), "no section for function \(f)") }
        XCTAssertEqual(html.components(separatedBy: "class=\"finding ").count - 1, findings, "one block per finding")
        XCTAssertTrue(html.contains("class=\"hit\""), "the finding's line is marked in the source")
        XCTAssertTrue(html.contains("&larr; freed here"), "path notes are marked in the source")
        XCTAssertTrue(html.contains("class=\"owned\""))
        // Tags balance for the elements the page uses.
        for tag in ["div", "table", "pre", "h3"] {
            XCTAssertEqual(html.components(separatedBy: "<\(tag)").count, html.components(separatedBy: "</\(tag)>").count, tag)
        }
    }

    func testCheckPageAndEscaping() throws {
        let s = try Scratch()
        let c = try s.write("esc.c", "#include <stdlib.h>\nint f(void) { char *p = malloc(4); if (!p) return 0; free(p); return p[0] < 1 && 2 > 1; }\n")
        let r = try Run.oxidize(["check", "--format", "html", c])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.out.contains("p[0] &lt; 1 &amp;&amp; 2 &gt; 1"), "source text is escaped")
        XCTAssertFalse(r.out.contains("p[0] < 1"))
    }
}
