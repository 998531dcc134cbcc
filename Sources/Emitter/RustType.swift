/// A Rust type as the emitter reasons about it: parsed from the ownership report's `rust`
/// strings and built from C scalar types, so that every conversion is decided on structure.
indirect enum IdiomType: Equatable, CustomStringConvertible {
    case unit
    /// i32, u8, f64, usize, bool...
    case scalar(String)
    case array(IdiomType, Int64)
    case box(IdiomType)
    case option(IdiomType)
    case vec(IdiomType)
    case string
    /// `&str`
    case str
    case ref(IdiomType, mutable: Bool)
    case slice(IdiomType, mutable: Bool)
    case rc(IdiomType)
    /// A struct, enum or library type by name (`Node`, `zmq::Socket`, `BufReader<File>`).
    case named(String)
    /// A raw pointer (`*const T` / `*mut T`), kept where nothing could be proven.
    case raw(String)

    var description: String {
        switch self {
        case .unit: return "()"
        case .scalar(let s): return s
        case .array(let e, let n): return "[\(e); \(n)]"
        case .box(let t): return "Box<\(t)>"
        case .option(let t): return "Option<\(t)>"
        case .vec(let t): return "Vec<\(t)>"
        case .string: return "String"
        case .str: return "&str"
        case .ref(let t, let m): return m ? "&mut \(t)" : "&\(t)"
        case .slice(let t, let m): return m ? "&mut [\(t)]" : "&[\(t)]"
        case .rc(let t): return "Rc<\(t)>"
        case .named(let n): return n
        case .raw(let s): return s
        }
    }

    var isOption: Bool { if case .option = self { return true }; return false }
    var unwrapped: IdiomType { if case .option(let t) = self { return t }; return self }
    var isScalar: Bool { if case .scalar = self { return true }; return false }
    var isInteger: Bool {
        if case .scalar(let s) = self { return s.hasPrefix("i") || s.hasPrefix("u") }
        return false
    }
    var isUnsigned: Bool { if case .scalar(let s) = self { return s.hasPrefix("u") }; return false }
    var isFloat: Bool { if case .scalar(let s) = self { return s.hasPrefix("f") }; return false }
    /// Moving a value of this type out of a place leaves nothing behind (not `Copy`).
    var isCopy: Bool {
        switch self {
        case .unit, .scalar, .str, .raw: return true
        case .ref(_, let m), .slice(_, let m): return !m
        case .array(let e, _): return e.isCopy
        case .option(let t): return t.isCopy
        case .named: return false
        default: return false
        }
    }
    /// The pointee a C pointer of this Rust type designates (`Box<Node>` -> `Node`).
    var pointee: IdiomType? {
        switch self {
        case .box(let t), .ref(let t, _), .rc(let t): return t
        case .option(let t): return t.pointee
        default: return nil
        }
    }
    var isTextual: Bool {
        switch self { case .string, .str: return true; case .option(let t): return t.isTextual; default: return false }
    }
    var isBuffer: Bool {
        switch self { case .vec, .slice, .array: return true; case .option(let t): return t.isBuffer; default: return false }
    }
    var element: IdiomType? {
        switch self {
        case .vec(let e), .slice(let e, _), .array(let e, _): return e
        case .string, .str: return .scalar("u8")
        case .option(let t): return t.element
        default: return nil
        }
    }

    /// Parses the report's `rust` strings. Unknown shapes become `.named` (still printable).
    static func parse(_ s: String) -> IdiomType {
        var p = Parser(text: Array(s.unicodeScalars), i: 0)
        return p.type()
    }

    private struct Parser {
        var text: [Unicode.Scalar]
        var i: Int
        mutating func skip() { while i < text.count, text[i] == " " { i += 1 } }
        mutating func eat(_ s: String) -> Bool {
            skip()
            let u = Array(s.unicodeScalars)
            guard i + u.count <= text.count, Array(text[i..<i + u.count]) == u else { return false }
            i += u.count
            return true
        }
        mutating func word() -> String {
            skip()
            var out = ""
            while i < text.count, text[i].properties.isAlphabetic || text[i].properties.numericType != nil || text[i] == "_" || text[i] == ":" {
                out.unicodeScalars.append(text[i]); i += 1
            }
            return out
        }
        mutating func type() -> IdiomType {
            skip()
            if eat("*const ") || eat("*mut ") {
                let start = i
                _ = type()
                let inner = String(String.UnicodeScalarView(text[start..<i]))
                let isConst = String(String.UnicodeScalarView(text[0..<start])).hasSuffix("*const ")
                return .raw((isConst ? "*const " : "*mut ") + inner)
            }
            if eat("&") {
                if eat("'") { _ = word() }
                let m = eat("mut ")
                if eat("[") { let e = type(); _ = eat("]"); return .slice(e, mutable: m) }
                if eat("str") { return .str }
                return .ref(type(), mutable: m)
            }
            if eat("[") {
                let e = type()
                if eat(";") { let n = Int64(word()) ?? 0; _ = eat("]"); return .array(e, n) }
                _ = eat("]")
                return .slice(e, mutable: false)
            }
            if eat("()") { return .unit }
            let w = word()
            if eat("<") {
                let inner = type()
                _ = eat(">")
                switch w {
                case "Box": return .box(inner)
                case "Option": return .option(inner)
                case "Vec": return .vec(inner)
                case "Rc": return .rc(inner)
                default: return .named("\(w)<\(inner)>")
                }
            }
            switch w {
            case "String": return .string
            case "bool", "char", "f32", "f64", "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize":
                return .scalar(w)
            default: return .named(w)
            }
        }
    }
}
