import XCTest
import Foundation
import Ownership

/// Library models are typed data: docs/model.schema.json describes the format, every shipped
/// model validates against it, the schema's enums and keys are the loader's, and a model with
/// an unknown key or a parameter number past its parameters is refused at load.
final class ModelSchemaTests: XCTestCase {
    let schemaPath = Repo.root.appendingPathComponent("docs/model.schema.json").path

    func schema() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: schemaPath))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func testShippedModelsValidate() throws {
        let dir = Repo.root.appendingPathComponent("Sources/Ownership/Models")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".json") }.sorted()
        XCTAssertGreaterThanOrEqual(files.count, 5)
        for f in files {
            let path = dir.appendingPathComponent(f).path
            if let problem = try validateJSONSchema(instance: path, schema: schemaPath) {
                XCTFail("\(f) does not validate against docs/model.schema.json:\n\(problem)")
            }
            var m = LibraryModel()
            XCTAssertNoThrow(try m.load(path: path), "\(f) does not load")
        }
    }

    func testSchemaAgreesWithTheLoader() throws {
        let s = try schema()
        let defs = try XCTUnwrap(s["$defs"] as? [String: Any])
        let roles = try XCTUnwrap((defs["role"] as? [String: Any])?["enum"] as? [String])
        XCTAssertEqual(Set(roles), Set(LibraryModel.Role.allCases.map(\.rawValue)), "the schema's roles are the loader's")
        let returns = try XCTUnwrap(defs["returns"] as? [String: Any])
        let classes = try XCTUnwrap(((returns["properties"] as? [String: Any])?["class"] as? [String: Any])?["enum"] as? [String])
        XCTAssertEqual(Set(classes), Set(LibraryModel.ReturnClass.allCases.map(\.rawValue)))
        func keys(_ object: Any?) -> Set<String> { Set(((object as? [String: Any])?["properties"] as? [String: Any] ?? [:]).keys) }
        XCTAssertEqual(keys(s), LibraryModel.keys["file"])
        XCTAssertEqual(keys(defs["function"]), LibraryModel.keys["function"])
        XCTAssertEqual(keys(defs["parameter"]), LibraryModel.keys["parameter"])
        XCTAssertEqual(keys(returns), LibraryModel.keys["returns"])
    }

    func testUnknownKeysAndParameterNumbersAreRefused() throws {
        let s = try Scratch()
        func refused(_ text: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) throws {
            let path = try s.write("model.json", text)
            var m = LibraryModel()
            XCTAssertThrowsError(try m.load(path: path), file: file, line: line) { error in
                let message = (error as? ModelError)?.description ?? "\(error)"
                XCTAssertTrue(message.contains(expected), "message: \(message)", file: file, line: line)
            }
            if let problem = try validateJSONSchema(instance: path, schema: schemaPath) {
                XCTAssertFalse(problem.isEmpty, file: file, line: line)
            } else if !expected.contains("parameter 2 is named") {
                XCTFail("the schema accepts what the loader refuses: \(text)", file: file, line: line)
            }
        }
        try refused(#"{"functions": {"pool_put": {"params": [{"role": "release", "nulable": true}]}}}"#,
                    "function 'pool_put', parameter 0: unknown key 'nulable'")
        try refused(#"{"functions": {"pool_get": {"params": [], "return": {"class": "owned"}}}}"#, "function 'pool_get': unknown key 'return'")
        try refused(#"{"functions": {"f": {"params": [{"role": "borrow"}, {"role": "value"}], "returns": {"class": "borrowed", "from": 2}}}}"#,
                    "parameter 2 is named but the model gives 2 parameter(s)")
        try refused(#"{"functions": {"f": {"params": [{"role": "lend"}]}}}"#, "lend")
        // The near miss: every key known, every number in range.
        let ok = try s.write("ok.json", #"{"functions": {"f": {"params": [{"role": "borrow", "buffer": true}, {"role": "value", "length_of": 0}], "returns": {"class": "borrowed", "from": 0}}}}"#)
        var m = LibraryModel()
        XCTAssertNoThrow(try m.load(path: ok))
        XCTAssertNil(try validateJSONSchema(instance: ok, schema: schemaPath))
    }
}
