import Foundation

/// What a library function does with its arguments and result: data read from model files
/// (`Models/*.json` shipped with the tool, plus `--model FILE` from the user).
public struct LibraryModel: Sendable {
    /// What a function does with one argument. One interpreter per stage reads these with an
    /// exhaustive `switch` (the extractor and the checker), so a new role is a compile error
    /// wherever it is not handled yet.
    public enum Role: String, Codable, CaseIterable, Sendable {
        /// A number or a value the analysis does not track.
        case value
        /// Read for the call.
        case borrow
        /// Written for the call.
        case borrowMut = "borrow-mut"
        /// Released (freed, closed): `free`, `fclose`, `zmq_close`.
        case release
        /// Reallocated: the old block is gone, the result is the new one.
        case realloc
        /// `T *p` initialised in place (`pthread_mutex_init`, `zmq_msg_init`).
        case initialise = "init"
        /// Taken over for good (`zmq_msg_init_data`'s buffer).
        case move
        /// Taken over when the call succeeds (`zmq_msg_send`, `fdopen`'s descriptor).
        case moveOnSuccess = "move-on-success"
        /// `T **p`: the call stores a new owned value into `*p`.
        case out
        /// A reference count taken (`g_object_ref`).
        case acquire
        /// A reference count dropped (`g_object_unref`).
        case releaseShared = "release-shared"
        /// Kept past the call without being owned (`setvbuf`'s buffer).
        case keep
        /// Nothing can be proven about it.
        case raw
    }
    /// What a function's result is.
    public enum ReturnClass: String, Codable, CaseIterable, Sendable {
        case owned, borrowed, shared, none, raw
    }
    /// One parameter number or several (`"length_of": 1`, `"length_of": [0, 1]`).
    public struct Indexes: Codable, Sendable {
        public var values: [Int]
        public init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let one = try? c.decode(Int.self) { values = [one] } else { values = try c.decode([Int].self) }
        }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            if values.count == 1 { try c.encode(values[0]) } else { try c.encode(values) }
        }
    }
    public struct Returns: Codable, Sendable {
        public var `class`: ReturnClass
        public var resource: String?
        public var nullable: Bool?
        public var from: Int?
        public var depends: Int?
        public var string: Bool?
        public var buffer: Bool?
        public var `static`: Bool?
    }
    public struct Param: Codable, Sendable {
        public var role: Role
        public var resource: String?
        public var string: Bool?
        public var buffer: Bool?
        public var nullable: Bool?
        public var indirect: Bool?
        /// The value the call leaves behind holds nothing to release: `zmq_msg_init` makes an
        /// empty message, and a successful `zmq_msg_send` empties the one it sends (the caller
        /// may reuse or close it, or neither).
        public var empty: Bool?
        /// The element count of the buffers these parameters point to (`size_t n`).
        public var lengthOf: Indexes?
        enum CodingKeys: String, CodingKey {
            case role, resource, string, buffer, nullable, indirect, empty
            case lengthOf = "length_of"
        }
        public init(role: Role) { self.role = role }
    }
    public struct FunctionModel: Codable, Sendable {
        public var params: [Param]?
        /// The role of every argument past `params` (a variadic function's).
        public var variadic: Role?
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
        try Self.checkKeys(data, file: path)
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
            // Parameter numbers name parameters the model gives (when it gives any).
            if let params = f.params {
                let refs = params.flatMap { $0.lengthOf?.values ?? [] } + [f.returns?.from, f.returns?.depends].compactMap { $0 }
                if let bad = refs.first(where: { $0 < 0 || $0 >= params.count }) {
                    throw ModelError(file: path, message: "function '\(name)': parameter \(bad) is named but the model gives \(params.count) parameter(s)")
                }
            }
            if let t = f.rust {
                let used = t.expr.split(separator: "{", omittingEmptySubsequences: false).dropFirst().compactMap { Int($0.prefix(while: { $0.isNumber })) }
                if let bad = used.first(where: { $0 >= max(f.params?.count ?? 0, t.args?.count ?? 0) && f.variadic == nil }) {
                    throw ModelError(file: path, message: "function '\(name)': rust.expr uses {\(bad)} but the function has \(f.params?.count ?? 0) parameters")
                }
            }
            functions[name] = f
        }
        sources.append(label ?? path)
    }

    /// The keys each object of a model file may have: anything else is a mistake (a misspelt
    /// `nullable` would otherwise be ignored), reported with where it is.
    public static let keys: [String: Set<String>] = [
        "file": ["library", "links", "resources", "functions"],
        "link": ["name", "headers"],
        "resource": ["rust", "release", "value"],
        "function": ["params", "variadic", "returns", "noreturn", "indirect", "rust"],
        "parameter": ["role", "resource", "string", "buffer", "nullable", "indirect", "empty", "length_of"],
        "returns": ["class", "resource", "nullable", "from", "depends", "string", "buffer", "static"],
        "rust": ["expr", "type", "args", "crate"],
    ]

    static func checkKeys(_ data: Data, file: String) throws {
        guard let top = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return }   // the decoder says why
        func check(_ object: Any?, _ kind: String, _ at: String) throws {
            guard let o = object as? [String: Any], let known = keys[kind] else { return }
            if let bad = o.keys.sorted().first(where: { !known.contains($0) }) {
                throw ModelError(file: file, message: "\(at): unknown key '\(bad)' (known: \(known.sorted().joined(separator: ", ")))")
            }
        }
        try check(top, "file", "the file")
        for case let l as [String: Any] in top["links"] as? [Any] ?? [] { try check(l, "link", "a link") }
        for (name, r) in top["resources"] as? [String: Any] ?? [:] { try check(r, "resource", "resource '\(name)'") }
        for (name, f) in (top["functions"] as? [String: Any] ?? [:]).sorted(by: { $0.key < $1.key }) {
            try check(f, "function", "function '\(name)'")
            guard let fn = f as? [String: Any] else { continue }
            for (k, p) in (fn["params"] as? [Any] ?? []).enumerated() { try check(p, "parameter", "function '\(name)', parameter \(k)") }
            try check(fn["returns"], "returns", "function '\(name)', returns")
            try check(fn["rust"], "rust", "function '\(name)', rust")
        }
    }

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
