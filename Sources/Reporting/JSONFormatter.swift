import Foundation

/// Byte-for-byte deterministic JSON: sorted keys, fixed indentation, trailing newline.
public enum JSONFormatter {
    public static func format(_ report: Report) -> Data {
        Data(parts(report).joined())
    }

    /// The same bytes in consecutive parts (a large report's functions are written on all
    /// cores): written one after the other, they are the report, with no copy to join them.
    public static func parts(_ report: Report) -> [[UInt8]] {
        var out: [[UInt8]] = []
        try! stream(report) { out.append($0) }   // only `emit` can fail, and this one does not
        return out
    }

    /// The same bytes, part after part to `emit`, each as soon as it is ready.
    /// An error from `emit` ends the stream (after the parts in progress are done) and is thrown.
    public static func stream(_ report: Report, _ emit: ([UInt8]) throws -> Void) throws {
        var w = JSONWriter(capacity: 1 << 16)
        try w.writeParts(report, emit)
    }

    /// The same report through Foundation's JSONEncoder (the Codable reference for tests).
    public static func formatWithEncoder(_ report: Report) -> Data {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? enc.encode(report)) ?? Data()
    }

    /// Reads a report, checking it is one and of a version this build understands.
    public static func read(_ data: Data, file: String) throws -> Report {
        struct Probe: Decodable {
            var version: String?
            var schema: String?
            enum CodingKeys: String, CodingKey { case version, schema = "$schema" }
        }
        guard (try? JSONSerialization.jsonObject(with: data)) != nil else {
            throw ReportError(file: file, message: data.isEmpty ? "empty file, not an oxidize report"
                              : "not valid JSON (truncated or damaged?), not an oxidize report")
        }
        let probe = try? JSONDecoder().decode(Probe.self, from: data)
        if let schema = probe?.schema, schema.lowercased().contains("sarif") {
            throw ReportError(file: file, message: "a SARIF log, not an oxidize report (oxidize report --format json writes one)")
        }
        guard let v = probe?.version else {
            throw ReportError(file: file, message: "not an oxidize report (no \"version\"; oxidize report --format json writes one)")
        }
        guard v.split(separator: ".").first == Report.currentVersion.split(separator: ".").first else {
            throw ReportError(file: file, message: "report version \(v) is not supported (this oxidize reads \(Report.currentVersion))")
        }
        do { return try JSONDecoder().decode(Report.self, from: data) }
        catch { throw ReportError(file: file, message: "malformed report: \(error)") }
    }
}

public struct ReportError: Error, Sendable {
    public var file: String
    public var message: String
    public var description: String { "\(file): error: \(message)" }
}
