import XCTest

/// `oxidize diff` over Fixtures/diff (v1 and v2 of a small API): each kind of contract change,
/// a new and a fixed diagnostic, golden-tested in all three formats.
final class DiffTests: XCTestCase {
    let v1 = "Fixtures/diff/api_v1.c", v2 = "Fixtures/diff/api_v2.c"

    func golden(_ format: String, _ ext: String) throws {
        let r = try Run.oxidize(["diff", v1, v2, "--format", format], cwd: Repo.root)
        XCTAssertEqual(r.status, 1, "changes exit 1; stderr: \(r.stderr)")
        let path = Repo.fixtures.appendingPathComponent("diff/api.expected.\(ext)")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] != nil {
            try r.stdout.write(to: path)
        }
        let expected = try String(contentsOf: path, encoding: .utf8)
        XCTAssertEqual(r.out, expected, "golden \(path.lastPathComponent) differs (UPDATE_GOLDEN=1 swift test regenerates it; review the diff)")
    }

    func testTextGolden() throws { try golden("text", "txt") }
    func testJSONGolden() throws { try golden("json", "json") }
    func testMarkdownGolden() throws { try golden("markdown", "md") }

    func testEveryKindOfChangeIsThere() throws {
        let r = try Run.oxidize(["diff", v1, v2, "--format", "json"], cwd: Repo.root)
        let json = try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any]
        let changes = json?["changes"] as? [[String: Any]] ?? []
        func has(_ name: String, _ aspect: String, _ old: String?, _ new: String?, breaking: Bool) -> Bool {
            changes.contains { $0["name"] as? String == name && $0["aspect"] as? String == aspect
                && $0["old"] as? String == old && $0["new"] as? String == new && $0["breaking"] as? Bool == breaking }
        }
        XCTAssertTrue(has("buf_set_name.name", "ownership", "borrowed", "owned", breaking: true))
        XCTAssertTrue(has("buf_adopt.data", "ownership", "owned", "borrowed", breaking: true))
        XCTAssertTrue(has("buf_peek.b", "mutability", "immutable", "mutable", breaking: true))
        XCTAssertTrue(has("buf_touch.b", "mutability", "mutable", "immutable", breaking: false))
        XCTAssertTrue(has("buf_first", "ownership", "borrowed", "owned", breaking: true))
        XCTAssertTrue(has("buf.name", "ownership", "borrowed", "owned", breaking: true))
        XCTAssertTrue(has("buf_clear", "removed", nil, nil, breaking: true))
        XCTAssertTrue(has("buf_new", "added", nil, nil, breaking: false))
        XCTAssertEqual((json?["new_diagnostics"] as? [[String: Any]])?.first?["id"] as? String, "leak")
        XCTAssertEqual((json?["fixed_diagnostics"] as? [[String: Any]])?.first?["id"] as? String, "use-after-free")
    }

    func testReportsAndExitCodes() throws {
        let s = try Scratch()
        let a = s.path("a.json"), b = s.path("b.json")
        XCTAssertEqual(try Run.oxidize(["report", "--format", "json", v1, "-o", a], cwd: Repo.root).status, 0)
        XCTAssertEqual(try Run.oxidize(["report", "--format", "json", v2, "-o", b], cwd: Repo.root).status, 0)
        let same = try Run.oxidize(["diff", a, a])
        XCTAssertEqual(same.status, 0, same.stderr)
        XCTAssertEqual(same.out, "no changes\n")
        let fromReports = try Run.oxidize(["diff", a, b])
        XCTAssertEqual(fromReports.status, 1)
        XCTAssertEqual(fromReports.out, try Run.oxidize(["diff", v1, v2], cwd: Repo.root).out, "reports and sources give the same diff")
        let notReport = try s.write("x.json", "{\"hello\": 1}")
        let bad = try Run.oxidize(["diff", notReport, b])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("not an oxidize report"), bad.stderr)
        let future = try s.write("f.json", "{\"version\": \"7.0\"}")
        let r = try Run.oxidize(["diff", future, b])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("not supported"), r.stderr)
        XCTAssertEqual(try Run.oxidize(["diff", s.path("missing.json"), b]).status, 2)
    }
}
