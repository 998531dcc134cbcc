import XCTest
import CModel
import Pipeline

/// The compact model keeps what later stages need (literals for the translator) and survives
/// the cache's binary form unchanged.
final class ModelTests: XCTestCase {
    func parse(_ text: String) throws -> TranslationUnit {
        let s = try Scratch()
        let c = try s.write("lit.c", text)
        let units = try Pipeline.parse(.init(files: [c], clangArguments: []))
        return units[0]
    }

    func testLiteralsAreKept() throws {
        let tu = try parse("double f(const char **out) { *out = \"hi\\tthere\\n\"; char c = 'a'; return 2.5 + c; }\n")
        XCTAssertEqual(tu.strings, ["\"hi\\tthere\\n\""])
        let s = tu.nodes.first { $0.kind == .stringLiteral }
        XCTAssertEqual(s?.ref, 0)
        XCTAssertEqual(tu.nodes.first { $0.kind == .charLiteral }?.value, 97)
        let f = tu.nodes.first { $0.kind == .floatLiteral }
        XCTAssertEqual(f.map { Double(bitPattern: UInt64(bitPattern: $0.value)) }, 2.5)
    }

    func testBinaryRoundTrip() throws {
        let tu = try parse(try String(contentsOf: Repo.fixtures.appendingPathComponent("ownership/linked_list.c"), encoding: .utf8))
        guard let back = TranslationUnit.decode(tu.encoded()) else { return XCTFail("does not decode") }
        XCTAssertEqual(back.files, tu.files)
        XCTAssertEqual(back.strings, tu.strings)
        XCTAssertEqual(back.inputs, tu.inputs)
        XCTAssertEqual(back.nodes.count, tu.nodes.count)
        XCTAssertEqual(back.functions.map(\.name), tu.functions.map(\.name))
        XCTAssertEqual(back.types.map(\.spelling), tu.types.map(\.spelling))
        XCTAssertEqual(back.encoded(), tu.encoded(), "encoding is stable")
        // Any truncation is refused, never trusted.
        let bytes = tu.encoded()
        for cut in [1, 7, bytes.count / 2, bytes.count - 1] {
            XCTAssertNil(TranslationUnit.decode(bytes.prefix(cut)), "a unit cut at \(cut) bytes must not decode")
        }
    }
}
