import Foundation

/// What a library function does with its arguments and result: data read from model files
/// (`Models/*.json` shipped with the tool, plus `--model FILE` from the user).
public struct LibraryModel: Sendable {
    public struct Returns: Codable, Sendable {
        public var `class`: String
        public var resource: String?
        public var nullable: Bool?
        public var from: Int?
        public var depends: Int?
        public var string: Bool?
        public var buffer: Bool?
        public var `static`: Bool?
    }
    public struct Param: Codable, Sendable {
        public var role: String
        public var resource: String?
        public var string: Bool?
        public var buffer: Bool?
        public var nullable: Bool?
        public var indirect: Bool?
        /// The value the call leaves behind holds nothing to release: `zmq_msg_init` makes an
        /// empty message, and a successful `zmq_msg_send` empties the one it sends (the caller
        /// may reuse or close it, or neither).
        public var empty: Bool?
    }
    public struct FunctionModel: Codable, Sendable {
        public var params: [Param]?
        public var variadic: String?
        public var returns: Returns?
        public var noreturn: Bool?
        public var indirect: Bool?
        /// What `oxidize translate` writes for a call (see `RustTemplate`).
        public var rust: RustTemplate?
    }
    /// A call's Rust form: `{"expr": "{0}.len()", "type": "usize", "args": ["&str"]}`. `{0}`,
    /// `{1}`... are the C arguments, each converted to the Rust type in `args` ("" keeps it as is).
    public struct RustTemplate: Codable, Sendable {
        public var expr: String
        public var type: String
        public var args: [String]?
        /// A crate the expression needs (`zmq`).
        public var crate: String?
    }
    public struct Resource: Codable, Sendable {
        public var rust: String
        public var release: [String]?
        /// Lives in a value (`zmq_msg_t msg`), initialised and released through its address.
        public var value: Bool?
    }
    /// A native library the functions of some headers live in (`-l zmq` for `zmq.h`).
    public struct Link: Codable, Sendable {
        public var name: String
        public var headers: [String]
    }
    struct File: Codable {
        var library: String?
        var links: [Link]?
        var resources: [String: Resource]?
        var functions: [String: FunctionModel]?
    }

    public private(set) var functions: [String: FunctionModel] = [:]
    public private(set) var resources: [String: Resource] = [:]
    /// Header file name (`zmq.h`) -> the native library to link (`zmq`).
    public private(set) var linkByHeader: [String: String] = [:]
    /// Model files read, in order (for the report's metadata and the cache key).
    public private(set) var sources: [String] = []

    public init() {}

    /// The models shipped with oxidize (libc, POSIX, zeromq, GLib).
    public static func bundled() throws -> LibraryModel {
        var m = LibraryModel()
        guard let dir = Bundle.module.url(forResource: "Models", withExtension: nil) else {
            throw ModelError(file: "Models", message: "the bundled model files are missing from the installation")
        }
        let files = (try FileManager.default.contentsOfDirectory(atPath: dir.path))
            .filter { $0.hasSuffix(".json") }.sorted()
        for f in files { try m.load(path: dir.appendingPathComponent(f).path, label: "builtin:\(f)") }
        return m
    }

    /// Adds a model file; later files override earlier entries of the same name.
    public mutating func load(path: String, label: String? = nil) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ModelError(file: path, message: "cannot read model file")
        }
        let file: File
        do { file = try JSONDecoder().decode(File.self, from: data) } catch let e as DecodingError {
            throw ModelError(file: path, message: "not a valid model file: \(Self.describe(e))")
        }
        for (name, r) in file.resources ?? [:] { resources[name] = r }
        for link in file.links ?? [] {
            guard !link.name.isEmpty, !link.headers.isEmpty else { throw ModelError(file: path, message: "a link needs a name and headers") }
            for h in link.headers { linkByHeader[h] = link.name }
        }
        for (name, f) in file.functions ?? [:] {
            for p in f.params ?? [] where !Self.roles.contains(p.role) {
                throw ModelError(file: path, message: "function '\(name)': unknown role '\(p.role)' (known: \(Self.roles.sorted().joined(separator: ", ")))")
            }
            if let t = f.rust {
                let used = t.expr.split(separator: "{", omittingEmptySubsequences: false).dropFirst().compactMap { Int($0.prefix(while: { $0.isNumber })) }
                if let bad = used.first(where: { $0 >= max(f.params?.count ?? 0, t.args?.count ?? 0) && f.variadic == nil }) {
                    throw ModelError(file: path, message: "function '\(name)': rust.expr uses {\(bad)} but the function has \(f.params?.count ?? 0) parameters")
                }
            }
            if let r = f.returns, !["owned", "borrowed", "shared", "none", "raw"].contains(r.class) {
                throw ModelError(file: path, message: "function '\(name)': unknown return class '\(r.class)'")
            }
            functions[name] = f
        }
        sources.append(label ?? path)
    }

    public static let roles: Set<String> = ["value", "borrow", "borrow-mut", "release", "realloc", "init", "move",
                                            "move-on-success", "out", "acquire", "release-shared", "keep", "raw"]

    static func describe(_ e: DecodingError) -> String {
        switch e {
        case .dataCorrupted(let c): return c.underlyingError.map { "\($0.localizedDescription)" } ?? c.debugDescription
        case .keyNotFound(let k, let c): return "missing key '\(k.stringValue)' at \(path(c))"
        case .typeMismatch(_, let c), .valueNotFound(_, let c): return "\(c.debugDescription) at \(path(c))"
        @unknown default: return "\(e)"
        }
    }
    static func path(_ c: DecodingError.Context) -> String {
        c.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }

    public func rustType(ofResource r: String) -> String? { resources[r]?.rust }

    /// Whether a resource lives in a value released through `&x` rather than behind a pointer.
    public func isValueResource(_ r: String) -> Bool { resources[r]?.value == true }
}

public struct ModelError: Error, Sendable {
    public var file: String
    public var message: String
    public var description: String { "\(file): error: \(message)" }
}
