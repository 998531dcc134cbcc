import XCTest
import Pipeline
import Reporting

/// The JSON report is a contract: valid against docs/report.schema.json, deterministic,
/// and user models extend the bundled ones.
final class ReportContractTests: XCTestCase {
    func testReportValidatesAgainstSchema() throws {
        let s = try Scratch()
        let out = s.path("report.json")
        let files = Repo.fixtures(in: "ownership").map(\.path) + [Repo.root.appendingPathComponent("examples/zmq_hello.c").path]
        for f in files {
            let r = try Run.oxidize(["report", "--format", "json", f, "-o", out])
            XCTAssertEqual(r.status, 0, r.stderr)
            let schema = Repo.root.appendingPathComponent("docs/report.schema.json").path
            if let problem = try validateJSONSchema(instance: out, schema: schema) {
                XCTFail("\(f): report does not validate against docs/report.schema.json:\n\(problem)")
            }
        }
    }

    func testSchemaRejectsABrokenReport() throws {
        let s = try Scratch()
        let out = s.path("report.json")
        let fixture = Repo.fixtures.appendingPathComponent("ownership/params_borrow.c").path
        let r = try Run.oxidize(["report", "--format", "json", fixture, "-o", out])
        XCTAssertEqual(r.status, 0, r.stderr)
        var text = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertTrue(text.contains("\"ownership\": \"borrowed\""))
        text = text.replacingOccurrences(of: "\"ownership\": \"borrowed\"", with: "\"ownership\": \"lent\"")
        try text.write(toFile: out, atomically: true, encoding: .utf8)
        let schema = Repo.root.appendingPathComponent("docs/report.schema.json").path
        XCTAssertNotNil(try validateJSONSchema(instance: out, schema: schema), "the schema must reject an unknown class")
    }

    func testDeterministicBytes() throws {
        let files = Repo.fixtures(in: "ownership").map(\.path)
        let a = try Run.oxidize(["report", "--format", "json"] + files)
        let b = try Run.oxidize(["report", "--format", "json"] + files)
        XCTAssertEqual(a.status, 0, a.stderr)
        XCTAssertEqual(a.stdout, b.stdout, "same input, same bytes")
        let t1 = try Run.oxidize(["report"] + files, env: ["NO_COLOR": "1"])
        XCTAssertFalse(t1.out.contains("\u{1B}["), "no color when piped")
    }

    func testUserModelFile() throws {
        let s = try Scratch()
        let c = try s.write("pool.c", """
        struct buf { int n; };
        struct buf *pool_get(void);
        void pool_put(struct buf *b);
        void use(void) {
            struct buf *b = pool_get();
            b->n = 1;
            pool_put(b);
        }
        void release_it(struct buf *b) { pool_put(b); }
        """)
        let model = try s.write("pool.json", """
        { "library": "pool",
          "resources": { "pool-buf": { "rust": "PoolBuf", "release": ["pool_put"] } },
          "functions": {
            "pool_get": { "params": [], "returns": { "class": "owned", "resource": "pool-buf" } },
            "pool_put": { "params": [ { "role": "release", "resource": "pool-buf" } ] } } }
        """)
        let without = try Pipeline.report(.init(files: [c], clangArguments: []))
        XCTAssertEqual(without.functions.first { $0.name == "release_it" }?.params.first?.ownership, "raw")
        let with = try Pipeline.report(.init(files: [c], clangArguments: [], modelFiles: [model]))
        let use = with.functions.first { $0.name == "use" }
        XCTAssertEqual(use?.locals.first?.ownership, "owned")
        XCTAssertEqual(use?.locals.first?.rust, "PoolBuf")
        XCTAssertEqual(with.functions.first { $0.name == "release_it" }?.params.first?.ownership, "owned")
        XCTAssertTrue(with.models.contains(model))
    }

    func testTextFormatShowsEveryPointer() throws {
        let r = try Run.oxidize(["report", Repo.root.appendingPathComponent("examples/zmq_hello.c").path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.out.contains("context"), r.out)
        XCTAssertTrue(r.out.contains("zmq::Context"), r.out)
        XCTAssertTrue(r.out.contains("safe share"), r.out)
    }
}

/// The fast writer and the Codable model agree: what is written decodes to the same report,
/// and to the same JSON value as Foundation's encoder gives.
final class JSONWriterTests: XCTestCase {
    func testWriterRoundTripsThroughCodable() throws {
        let files = Repo.fixtures(in: "ownership").map(\.path)
        let report = try Pipeline.report(.init(files: files, clangArguments: []))
        let fast = JSONFormatter.format(report)
        let decoded = try JSONFormatter.read(fast, file: "fast")
        XCTAssertEqual(decoded, report)
        let a = try JSONSerialization.jsonObject(with: fast) as? NSDictionary
        let b = try JSONSerialization.jsonObject(with: JSONFormatter.formatWithEncoder(report)) as? NSDictionary
        XCTAssertEqual(a, b)
    }

    /// A report of 1,000 functions or more is written in parts on all cores: the parts, joined
    /// or streamed, are the same JSON the encoder gives.
    func testManyFunctionsAreWrittenInParts() throws {
        let files = Repo.fixtures(in: "ownership").map(\.path)
        var report = try Pipeline.report(.init(files: files, clangArguments: []))
        let one = report.functions
        report.functions = (0..<2500).map { i in var f = one[i % one.count]; f.name += "_\(i)"; return f }
        let parts = JSONFormatter.parts(report)
        XCTAssertGreaterThan(parts.count, 2, "the functions were not written in parts")
        let fast = JSONFormatter.format(report)
        XCTAssertEqual(Data(parts.joined()), fast)
        var streamed = Data()
        try JSONFormatter.stream(report) { streamed.append(contentsOf: $0) }
        XCTAssertEqual(streamed, fast)
        XCTAssertEqual(try JSONFormatter.read(fast, file: "fast"), report)
        let a = try JSONSerialization.jsonObject(with: fast) as? NSDictionary
        let b = try JSONSerialization.jsonObject(with: JSONFormatter.formatWithEncoder(report)) as? NSDictionary
        XCTAssertEqual(a, b)
    }

    func testEscaping() throws {
        var r = try Pipeline.report(.init(files: [Repo.fixtures(in: "ownership")[0].path], clangArguments: []))
        r.files = ["we\"ird\\path\n\t\u{1}.c", "ünïcödé.c"]
        XCTAssertEqual(try JSONFormatter.read(JSONFormatter.format(r), file: "x"), r)
    }
}
