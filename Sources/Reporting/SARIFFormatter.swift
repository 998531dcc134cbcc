import Diagnostics
import Foundation

/// SARIF 2.1.0: one rule per diagnostic id (from the catalog, with its help URI), results with
/// locations, code flows for the path notes, and partial fingerprints that survive line moves.
public enum SARIFFormatter {
    struct Log: Encodable {
        let version = "2.1.0"
        let schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var runs: [Run]
        enum CodingKeys: String, CodingKey { case version, runs, schema = "$schema" }
    }
    struct Run: Encodable { var tool: Tool; var results: [Result]; var originalUriBaseIds: [String: ArtifactLocation]? }
    struct Tool: Encodable { var driver: Driver }
    struct Driver: Encodable {
        var name: String; var version: String; var informationUri: String?; var rules: [Rule]
    }
    struct Rule: Encodable {
        var id: String; var name: String; var shortDescription: Text; var fullDescription: Text
        var helpUri: String?; var defaultConfiguration: Configuration; var properties: RuleProperties
    }
    struct RuleProperties: Encodable { var rust: String }
    struct Configuration: Encodable { var level: String }
    struct Text: Encodable { var text: String }
    struct Result: Encodable {
        var ruleId: String; var ruleIndex: Int; var level: String; var message: Text
        var locations: [Location]; var codeFlows: [CodeFlow]?; var partialFingerprints: [String: String]
        var properties: ResultProperties
    }
    struct ResultProperties: Encodable { var certainty: String; var function: String; var rust: String }
    struct Location: Encodable { var physicalLocation: PhysicalLocation; var message: Text? }
    struct PhysicalLocation: Encodable { var artifactLocation: ArtifactLocation; var region: Region }
    struct ArtifactLocation: Encodable { var uri: String; var uriBaseId: String? }
    struct Region: Encodable { var startLine: Int; var startColumn: Int? }
    struct CodeFlow: Encodable { var threadFlows: [ThreadFlow] }
    struct ThreadFlow: Encodable { var locations: [ThreadFlowLocation] }
    struct ThreadFlowLocation: Encodable { var location: Location }

    static func level(_ severity: String) -> String {
        switch severity { case "error": return "error"; case "note": return "note"; default: return "warning" }
    }

    static func location(_ file: String, _ line: Int, _ column: Int, _ message: String? = nil) -> Location {
        let relative = !file.hasPrefix("/")
        return Location(physicalLocation: PhysicalLocation(
            artifactLocation: ArtifactLocation(uri: uriPath(file), uriBaseId: relative ? "SRCROOT" : nil),
            region: Region(startLine: max(1, line), startColumn: column > 0 ? column : nil)),
            message: message.map(Text.init))
    }

    static func uriPath(_ file: String) -> String {
        let allowed = CharacterSet.urlPathAllowed
        let encoded = file.addingPercentEncoding(withAllowedCharacters: allowed) ?? file
        return file.hasPrefix("/") ? "file://" + encoded : encoded
    }

    /// - Parameters:
    ///   - lineText: the source line of each finding, for fingerprints.
    ///   - docsBase: an absolute URI of the folder holding `docs/` (`--docs-url`), for helpUri.
    public static func format(_ report: Report, docsBase: String?, lineText: (Report.Diagnostic) -> String) -> Data {
        let kinds = DiagnosticKind.allCases
        let rules = kinds.map { k in
            Rule(id: k.id, name: k.id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(),
                 shortDescription: Text(text: k.summary), fullDescription: Text(text: k.summary + " (Rust: \(k.rustRule))"),
                 helpUri: docsBase.map { $0 + k.docPath }, defaultConfiguration: Configuration(level: level(k.defaultSeverity.rawValue)),
                 properties: RuleProperties(rust: k.rustRule))
        }
        let results = report.diagnostics.map { d -> Result in
            let index = kinds.firstIndex { $0.id == d.id } ?? 0
            var flows: [CodeFlow]? = nil
            if !d.notes.isEmpty {
                let steps = d.notes.map { ThreadFlowLocation(location: location($0.file, $0.line, $0.column, $0.message)) }
                flows = [CodeFlow(threadFlows: [ThreadFlow(locations: steps)])]
            }
            let fingerprint = Baseline.fingerprint(id: d.id, file: d.file, function: d.function, text: lineText(d))
            return Result(ruleId: d.id, ruleIndex: index, level: level(d.severity), message: Text(text: d.message),
                          locations: [location(d.file, d.line, d.column)], codeFlows: flows,
                          partialFingerprints: ["oxidizeFinding/v1": fingerprint],
                          properties: ResultProperties(certainty: d.certainty, function: d.function, rust: d.rust))
        }
        let log = Log(runs: [Run(tool: Tool(driver: Driver(name: "oxidize", version: report.tool.version,
                                                              informationUri: docsBase.map { $0 + "README.md" }, rules: rules)),
                                 results: results,
                                 originalUriBaseIds: ["SRCROOT": ArtifactLocation(uri: "file://" + FileManager.default.currentDirectoryPath + "/", uriBaseId: nil)])])
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = (try? enc.encode(log)) ?? Data()
        data.append(0x0A)
        return data
    }
}
