import Foundation

/// The versioned ownership report: the contract `check`, `translate` and `diff` build on.
/// Documented in docs/report-format.md, validated against docs/report.schema.json.
public struct Report: Codable, Sendable, Equatable {
    public static let currentVersion = "1.2"

    public var version: String
    public var tool: Tool
    public var models: [String]
    public var files: [String]
    public var functions: [Function]
    public var structs: [Struct]
    public var summary: Summary
    public var diagnostics: [Diagnostic]
    /// Only in shard reports (`--shard K/N`): the lowered units, so that `oxidize merge` can
    /// analyse the whole program again. Base64 of a bundle (see `UnitBundle`).
    public var units: String?

    public struct Tool: Codable, Sendable, Equatable {
        public var name: String
        public var version: String
        public var clang: String
        public init(name: String, version: String, clang: String) { self.name = name; self.version = version; self.clang = clang }
    }

    public struct Evidence: Codable, Sendable, Equatable {
        public var message: String
        public var file: String
        public var line: Int
        public init(message: String, file: String, line: Int) { self.message = message; self.file = file; self.line = line }
    }

    /// A parameter, local, return value or field.
    public struct Entry: Codable, Sendable, Equatable {
        public var name: String?
        public var type: String
        public var ownership: String
        public var mutable: Bool
        public var rust: String
        public var line: Int
        public var nullable: Bool
        public var borrowsFrom: String?
        public var resource: String?
        public var evidence: [Evidence]
        enum CodingKeys: String, CodingKey {
            case name, type, ownership, mutable, rust, line, nullable, evidence, resource
            case borrowsFrom = "borrows_from"
        }
        public init(name: String?, type: String, ownership: String, mutable: Bool, rust: String, line: Int,
                    nullable: Bool, borrowsFrom: String?, resource: String?, evidence: [Evidence]) {
            self.name = name; self.type = type; self.ownership = ownership; self.mutable = mutable; self.rust = rust
            self.line = line; self.nullable = nullable; self.borrowsFrom = borrowsFrom; self.resource = resource; self.evidence = evidence
        }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            if let name { try c.encode(name, forKey: .name) }
            try c.encode(type, forKey: .type)
            try c.encode(ownership, forKey: .ownership)
            try c.encode(mutable, forKey: .mutable)
            try c.encode(rust, forKey: .rust)
            try c.encode(line, forKey: .line)
            try c.encode(nullable, forKey: .nullable)
            try c.encode(borrowsFrom, forKey: .borrowsFrom)
            try c.encode(resource, forKey: .resource)
            try c.encode(evidence, forKey: .evidence)
        }
    }

    public struct Function: Codable, Sendable, Equatable {
        public var name: String
        public var file: String
        public var line: Int
        public var params: [Entry]
        public var returns: Entry?
        public var locals: [Entry]
        public init(name: String, file: String, line: Int, params: [Entry], returns: Entry?, locals: [Entry]) {
            self.name = name; self.file = file; self.line = line; self.params = params; self.returns = returns; self.locals = locals
        }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name); try c.encode(file, forKey: .file); try c.encode(line, forKey: .line)
            try c.encode(params, forKey: .params); try c.encode(returns, forKey: .returns); try c.encode(locals, forKey: .locals)
        }
    }

    public struct Struct: Codable, Sendable, Equatable {
        public var name: String
        public var file: String
        public var line: Int
        public var isUnion: Bool
        public var refcounted: Bool
        public var fields: [Entry]
        enum CodingKeys: String, CodingKey {
            case name, file, line, fields, refcounted
            case isUnion = "union"
        }
        public init(name: String, file: String, line: Int, isUnion: Bool, refcounted: Bool, fields: [Entry]) {
            self.name = name; self.file = file; self.line = line; self.isUnion = isUnion; self.refcounted = refcounted; self.fields = fields
        }
    }

    public struct Summary: Codable, Sendable, Equatable {
        public var functions: Int
        public var pointers: Int
        public var owned: Int
        public var borrowed: Int
        public var shared: Int
        public var raw: Int
        /// Share of pointers that get a safe Rust type (not raw), rounded to 4 decimals.
        public var safeShare: Double
        enum CodingKeys: String, CodingKey {
            case functions, pointers, owned, borrowed, shared, raw
            case safeShare = "safe_share"
        }
        public init(functions: Int, pointers: Int, owned: Int, borrowed: Int, shared: Int, raw: Int, safeShare: Double) {
            self.functions = functions; self.pointers = pointers; self.owned = owned; self.borrowed = borrowed
            self.shared = shared; self.raw = raw; self.safeShare = safeShare
        }
    }

    public struct Note: Codable, Sendable, Equatable {
        public var file: String
        public var line: Int
        public var column: Int
        public var message: String
        public init(file: String, line: Int, column: Int, message: String) {
            self.file = file; self.line = line; self.column = column; self.message = message
        }
    }

    public struct Diagnostic: Codable, Sendable, Equatable {
        public var id: String
        public var severity: String
        /// `definite` (every path) or `possible` (some path).
        public var certainty: String
        /// The rustc error code (or Rust idiom) that rejects the same code.
        public var rust: String
        public var file: String
        public var line: Int
        public var column: Int
        public var function: String
        public var message: String
        /// The path: "allocated here", "freed here", "used here".
        public var notes: [Note]
        public init(id: String, severity: String, certainty: String, rust: String, file: String, line: Int, column: Int,
                    function: String, message: String, notes: [Note]) {
            self.id = id; self.severity = severity; self.certainty = certainty; self.rust = rust; self.file = file
            self.line = line; self.column = column; self.function = function; self.message = message; self.notes = notes
        }
    }

    public init(version: String = Report.currentVersion, tool: Tool, models: [String], files: [String], functions: [Function],
                structs: [Struct], summary: Summary, diagnostics: [Diagnostic]) {
        self.version = version; self.tool = tool; self.models = models; self.files = files; self.functions = functions
        self.structs = structs; self.summary = summary; self.diagnostics = diagnostics
    }
}
