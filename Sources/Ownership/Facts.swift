import CModel

/// The ownership lattice, from most to least provable:
/// `value` (not a pointer) | `borrowed` < `owned` < `shared` < `raw`.
/// A pointer starts borrowed; evidence of release or a move raises it to owned; evidence of
/// reference counting raises it to shared; anything unprovable raises it to raw. Joins only go up.
public enum OwnershipClass: String, Sendable, Comparable, CaseIterable {
    case value, borrowed, owned, shared, raw
    var rank: Int {
        switch self { case .value: 0; case .borrowed: 1; case .owned: 2; case .shared: 3; case .raw: 4 }
    }
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
}

/// One reason for a decision, with where it was seen.
public struct Evidence: Hashable, Sendable, Comparable {
    public var message: String
    public var file: String
    public var line: Int
    public init(message: String, file: String, line: Int) { self.message = message; self.file = file; self.line = line }
    public static func < (a: Self, b: Self) -> Bool { (a.file, a.line, a.message) < (b.file, b.line, b.message) }
    /// `freed at util.c:42`
    /// One line (comments in the translation): a control character in the file's name is `?`.
    public var text: String {
        guard line > 0 else { return message }
        return "\(message) at \(file.oneLine):\(line)"
    }
}

/// The decision for one parameter, local, return value or field.
public struct PointerFact: Sendable {
    public var name: String
    public var cType: String
    public var ownership: OwnershipClass
    public var mutable: Bool
    public var rust: String
    public var nullable: Bool
    /// For borrowed returns: the parameter borrowed from, or "static".
    public var borrowsFrom: String?
    /// For owned resources: the resource kind (heap, file, fd, zmq-socket...).
    public var resource: String?
    public var evidence: [Evidence]
    public var line: Int
    /// Pointer (or resource handle) rather than a plain value.
    public var isPointer: Bool
}

public struct FunctionFacts: Sendable {
    public var name: String
    public var file: String
    public var line: Int
    public var params: [PointerFact]
    public var returns: PointerFact?
    public var locals: [PointerFact]
}

public struct StructFacts: Sendable {
    public var name: String
    public var file: String
    public var line: Int
    public var isUnion: Bool
    public var refcounted: Bool
    public var fields: [PointerFact]
}

public struct ProgramFacts: Sendable {
    public var functions: [FunctionFacts]
    public var structs: [StructFacts]
}
