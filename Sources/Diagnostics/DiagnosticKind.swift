/// The catalog of checker findings. Ids are stable, lowercase kebab-case, never reused;
/// each has a page in docs/diagnostics/ID.md and a fixture in Fixtures/checker/ID.c.
public enum DiagnosticKind: String, CaseIterable, Sendable, Codable {
    case useAfterFree = "use-after-free"
    case doubleFree = "double-free"
    case leak = "leak"
    case freeNonHeap = "free-non-heap"
    case freeOffset = "free-offset"
    case stackAddressEscape = "stack-address-escape"
    case mismatchedDealloc = "mismatched-dealloc"
    case mutableAlias = "mutable-alias"
    case releaseWhileBorrowed = "release-while-borrowed"
    case nullUnchecked = "null-unchecked"

    public var id: String { rawValue }

    public var defaultSeverity: Severity {
        switch self {
        case .nullUnchecked, .leak: return .warning
        case .mutableAlias: return .warning
        default: return .error
        }
    }

    /// One line for SARIF's shortDescription and `--list`.
    public var summary: String {
        switch self {
        case .useAfterFree: return "memory used after it was freed, closed or moved into an owner"
        case .doubleFree: return "a resource released twice"
        case .leak: return "an owned resource unreachable and unreleased at an exit of its owner"
        case .freeNonHeap: return "releasing the address of a local, a global, a string literal or an array"
        case .freeOffset: return "releasing a pointer advanced past the start of its allocation"
        case .stackAddressEscape: return "the address of a local outlives its frame"
        case .mismatchedDealloc: return "a resource released with the wrong function"
        case .mutableAlias: return "one object lent twice at once, at least once mutably"
        case .releaseWhileBorrowed: return "an owner released while something still borrows from it"
        case .nullUnchecked: return "the result of an allocation that can fail used without a null check"
        }
    }

    /// The rustc error that the same mistake gets in Rust.
    public var rustRule: String {
        switch self {
        case .useAfterFree: return "E0382"
        case .doubleFree: return "E0382"
        case .leak: return "drop"
        case .freeNonHeap: return "E0308"
        case .freeOffset: return "E0308"
        case .stackAddressEscape: return "E0515"
        case .mismatchedDealloc: return "E0308"
        case .mutableAlias: return "E0502"
        case .releaseWhileBorrowed: return "E0505"
        case .nullUnchecked: return "Option"
        }
    }

    /// Relative path of the documentation page.
    public var docPath: String { "docs/diagnostics/\(rawValue).md" }
}

public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case note, warning, error
    var rank: Int { switch self { case .note: 0; case .warning: 1; case .error: 2 } }
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
}

public enum Certainty: String, Sendable, Codable {
    /// On every path that reaches the location.
    case definite
    /// On some path.
    case possible
}

/// A location with a message: "allocated here", "freed here", "used here".
public struct DiagnosticNote: Sendable, Hashable, Codable {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file; self.line = line; self.column = column; self.message = message
    }
}

/// One finding.
public struct Diagnostic: Sendable, Hashable {
    public var kind: DiagnosticKind
    public var severity: Severity
    public var certainty: Certainty
    public var file: String
    public var line: Int
    public var column: Int
    public var function: String
    public var message: String
    public var notes: [DiagnosticNote]
    /// The rustc error this finding gets, when it differs from the kind's usual one
    /// (two mutable borrows: E0499; one mutable and one shared: E0502).
    public var rustRule: String
    public init(kind: DiagnosticKind, severity: Severity? = nil, certainty: Certainty, file: String, line: Int, column: Int,
                function: String, message: String, notes: [DiagnosticNote], rustRule: String? = nil) {
        self.kind = kind; self.severity = severity ?? kind.defaultSeverity; self.certainty = certainty
        self.file = file; self.line = line; self.column = column; self.function = function
        self.message = message; self.notes = notes; self.rustRule = rustRule ?? kind.rustRule
    }

    /// Sort order of output: file, line, column, id.
    public static func ordered(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        (a.file, a.line, a.column, a.kind.rawValue, a.message) < (b.file, b.line, b.column, b.kind.rawValue, b.message)
    }
}
