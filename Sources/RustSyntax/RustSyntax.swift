// The Rust syntax tree the translation builds and the printer writes once: precedence,
// parentheses, raw identifiers and block-like expressions in statement position are decided
// here, by construction, never by the code that builds the tree.

public indirect enum RType: Sendable, Hashable {
    /// A path: `i32`, `S0`, `::core::ffi::c_void`.
    case named(String)
    case pointer(RType, mutable: Bool)
    /// `&T`, `&mut T`.
    case reference(RType, mutable: Bool)
    /// `&'static T`: a shared reference to a static.
    case staticReference(RType)
    /// `[T]` (behind a reference).
    case slice(RType)
    case array(RType, Int)
    /// A C function pointer: `Option<unsafe extern "C" fn(A, B, ...) -> R>`.
    case functionPointer(params: [RType], result: RType?, variadic: Bool)
    /// The bare function type, for casting a function item: `unsafe extern "C" fn(A) -> R`.
    case function(params: [RType], result: RType?, variadic: Bool)
    /// A generic type applied to its arguments: `Vec<T>`.
    case generic(String, [RType])
    case unit
}

public enum RUnaryOp: String, Sendable { case neg = "-", not = "!", deref = "*", ref = "&", refMut = "&mut " }

public enum RBinaryOp: String, Sendable {
    case mul = "*", div = "/", rem = "%", add = "+", sub = "-", shl = "<<", shr = ">>"
    case bitAnd = "&", bitXor = "^", bitOr = "|"
    case eq = "==", ne = "!=", lt = "<", gt = ">", le = "<=", ge = ">="
    case and = "&&", or = "||"

    var precedence: Int {
        switch self {
        case .mul, .div, .rem: return 13
        case .add, .sub: return 12
        case .shl, .shr: return 11
        case .bitAnd: return 10
        case .bitXor: return 9
        case .bitOr: return 8
        case .eq, .ne, .lt, .gt, .le, .ge: return 7
        case .and: return 6
        case .or: return 5
        }
    }
    var isComparison: Bool { precedence == 7 }
}

public struct RBlock: Sendable {
    public var statements: [RStmt]
    public var tail: RExpr?
    public var isUnsafe: Bool
    public init(_ statements: [RStmt] = [], tail: RExpr? = nil, isUnsafe: Bool = false) {
        self.statements = statements; self.tail = tail; self.isUnsafe = isUnsafe
    }
}

public struct RArm: Sendable {
    /// Patterns joined by `|` (literals, ranges such as `1..=5`, or `_`).
    public var patterns: [String]
    public var body: RBlock
    public init(_ patterns: [String], _ body: RBlock) { self.patterns = patterns; self.body = body }
}

public indirect enum RExpr: Sendable {
    /// A literal token, complete with its suffix: `5`, `7u8`, `1.5f64`, `b"x\0"`, `true`.
    case literal(String)
    /// A path or identifier, already a valid Rust path (see `RIdent`).
    case path(String)
    case unary(RUnaryOp, RExpr)
    case binary(RBinaryOp, RExpr, RExpr)
    case cast(RExpr, RType)
    case call(RExpr, [RExpr])
    case method(RExpr, String, [RExpr])
    case field(RExpr, String)
    case index(RExpr, RExpr)
    /// `name!(args)`.
    case macro(String, [RExpr])
    /// A generic function call with explicit type arguments: `path::<T, U>(args)`.
    case turbofish(String, [RType], [RExpr])
    case block(RBlock)
    /// `if c { .. } else ..`; the else is a block or another `if`.
    case ifElse(RExpr, RBlock, RExpr?)
    case loop(label: String?, RBlock)
    case whileLoop(label: String?, RExpr, RBlock)
    /// `for pattern in iterable { .. }`.
    case forIn(pattern: String, RExpr, RBlock)
    case match(RExpr, [RArm])
    case assign(RExpr, RExpr)
    case compoundAssign(RBinaryOp, RExpr, RExpr)
    case breakLoop(label: String?)
    case continueLoop(label: String?)
    case returnValue(RExpr?)
    case structLiteral(String, [(String, RExpr)])
    case arrayLiteral([RExpr])
    case arrayRepeat(RExpr, Int)
    /// `vec![value; count]`.
    case vecRepeat(RExpr, RExpr)
    /// `start..`, a range to the end (an index of a slice).
    case rangeFrom(RExpr)
    /// `..end`, a range from the start.
    case rangeTo(RExpr)
    /// `start..end`.
    case range(RExpr, RExpr)
    /// `|| body`, a closure with no parameters.
    case closure(RBlock)
    /// `|a, b| value`, a closure with parameters whose body is one expression.
    case lambda([String], RExpr)
    /// `move |a| value`: a closure that owns what it captures.
    case moveLambda([String], RExpr)
    case unitValue
}

public enum RStmt: Sendable {
    case letBinding(name: String, mutable: Bool, type: RType?, value: RExpr?)
    /// An expression statement (printed with `;` unless it is block-like).
    case expr(RExpr)
    case item(RItem)
    case comment(String)
}

public struct RParam: Sendable {
    public var name: String
    public var type: RType
    public init(_ name: String, _ type: RType) { self.name = name; self.type = type }
}

public struct RFunction: Sendable {
    public var name: String
    public var params: [RParam]
    public var result: RType?
    public var body: RBlock
    public var isPublic: Bool
    /// `unsafe extern "C" fn`: the faithful tier's functions, callable through C function pointers.
    public var isUnsafeExternC: Bool
    /// `extern "C" fn` without `unsafe`: a faithful function that needs no unsafe operation.
    public var isExternC = false
    public var comments: [String]
    public init(name: String, params: [RParam], result: RType?, body: RBlock, isPublic: Bool = false,
                isUnsafeExternC: Bool = false, comments: [String] = []) {
        self.name = name; self.params = params; self.result = result; self.body = body
        self.isPublic = isPublic; self.isUnsafeExternC = isUnsafeExternC; self.comments = comments
    }
}

public struct RField: Sendable {
    public var name: String
    public var type: RType
    public init(_ name: String, _ type: RType) { self.name = name; self.type = type }
}

public enum RExternItem: Sendable {
    case function(name: String, params: [RType], result: RType?, variadic: Bool)
    case staticVar(name: String, type: RType)
}

public enum RItem: Sendable {
    case function(RFunction)
    /// `#[repr(...)]` struct or union with `#[derive(Copy, Clone)]` (`Clone` alone when not `copy`:
    /// a member owns memory).
    case record(name: String, isUnion: Bool, repr: String, fields: [RField], comments: [String], copy: Bool = true)
    case staticVar(name: String, type: RType, value: RExpr, mutable: Bool, isPublic: Bool = false, comments: [String])
    /// `thread_local! { static name: type = value; }`: a value per thread, initialised on first use;
    /// `constant`: `= const { value }`, laid out before the thread runs (no copy on its stack).
    case threadLocal(name: String, type: RType, value: RExpr, constant: Bool = false, comments: [String])
    /// `use path;` (a glob import when the path ends in `*`).
    case use(String)
    /// `#[link(name = ..)] extern "C" { .. }`; no link: the C library, which std links.
    case externBlock(link: String?, [RExternItem])
    case impl(type: String, [RFunction])
    /// Inner attributes and other crate-level lines (`#![allow(...)]`), printed as they are.
    case attribute(String)
    case comment(String)
}

/// Rust identifiers for C names: keywords become raw identifiers, and the four that cannot be
/// raw (`self`, `Self`, `super`, `crate`) get a trailing underscore.
public enum RIdent {
    static let keywords: Set<String> = [
        "as", "break", "const", "continue", "else", "enum", "extern", "false", "fn", "for", "if", "impl", "in",
        "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "static", "struct", "trait", "true",
        "type", "unsafe", "use", "where", "while", "async", "await", "dyn", "abstract", "become", "box", "do",
        "final", "macro", "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "gen",
    ]
    public static func of(_ name: String) -> String {
        if ["self", "Self", "super", "crate", "_"].contains(name) { return name + "_" }
        return keywords.contains(name) ? "r#" + name : name
    }
}
