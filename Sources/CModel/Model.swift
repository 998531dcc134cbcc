// The compact C model: flat arrays and integer ids, filled by one cursor walk per
// translation unit in ClangFrontend and read by every later stage. No libclang type appears here.

/// A position in a source file. `file` indexes `TranslationUnit.files`.
public struct SourceLoc: Hashable, Comparable, Sendable {
    public var file: Int32
    public var line: Int32
    public var column: Int32
    public init(file: Int32, line: Int32, column: Int32) {
        self.file = file; self.line = line; self.column = column
    }
    public static let none = SourceLoc(file: -1, line: 0, column: 0)
    public static func < (a: SourceLoc, b: SourceLoc) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// The shape of a C type, as far as the analysis needs it.
public enum TypeShape: UInt8, Sendable {
    case void, integer, floating, boolean, pointer, array, record, enumeration, function, other
}

public struct CType: Sendable {
    /// The type as written (`const char *`, `node_t *`).
    public var spelling: String
    public var shape: TypeShape
    /// For pointers and arrays: the pointee / element type id, else -1.
    public var pointee: Int32
    /// For pointers: the pointee is const-qualified.
    public var pointeeConst: Bool
    /// For records: index into `TranslationUnit.records`, else -1.
    public var record: Int32
    /// Size in bytes where known (integers: for the Rust type), else -1.
    public var size: Int32
    /// Integers: signed.
    public var signed: Bool
    /// For arrays: element count where constant, else -1. For the pointer a parameter declared as
    /// an array is adjusted to (`int v[4]`): the declared count.
    public var count: Int64
    /// Canonical spelling (typedefs resolved), used for Rust type names.
    public var canonical: String
    /// The canonical spelling without const/volatile, for comparing types (set by the front end).
    public var canonicalBare: String
    /// The spelling as written without const/volatile (`size_t`, `node_t`).
    public var bare: String
    public init(spelling: String, shape: TypeShape, pointee: Int32 = -1, pointeeConst: Bool = false,
                record: Int32 = -1, size: Int32 = -1, signed: Bool = true, count: Int64 = -1, canonical: String = "") {
        self.spelling = spelling; self.shape = shape; self.pointee = pointee
        self.pointeeConst = pointeeConst; self.record = record; self.size = size
        self.signed = signed; self.count = count; self.canonical = canonical.isEmpty ? spelling : canonical
        self.canonicalBare = self.canonical
        self.bare = spelling
    }

    /// `const volatile char *const` -> `char *`-ish: qualifier words removed, spaces kept single.
    public static func unqualified(_ s: String) -> String {
        // A plain byte scan: Foundation's String.contains costs microseconds per call.
        let words = s.utf8.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        var kept: [Substring.UTF8View.SubSequence] = []
        var changed = false
        for w in words {
            if w.elementsEqual("const".utf8) || w.elementsEqual("volatile".utf8) || w.elementsEqual("restrict".utf8) { changed = true }
            else { kept.append(w) }
        }
        guard changed else { return s }
        return kept.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
    }
}

public enum StorageClass: UInt8, Sendable { case automatic, staticLocal, global, parameter }

/// A parameter, local or global variable.
public struct Variable: Sendable {
    public var name: String
    public var type: Int32
    public var loc: SourceLoc
    public var storage: StorageClass
    /// Owning function (index into `functions`) or -1 for globals.
    public var function: Int32
    /// Parameter position, or -1.
    public var paramIndex: Int32
    /// `__attribute__((cleanup(f)))`: `f(&v)` runs when the variable goes out of scope.
    public var hasCleanup = false
    public init(name: String, type: Int32, loc: SourceLoc, storage: StorageClass, function: Int32, paramIndex: Int32) {
        self.name = name; self.type = type; self.loc = loc; self.storage = storage
        self.function = function; self.paramIndex = paramIndex
    }
}

public struct Field: Sendable {
    public var name: String
    public var type: Int32
    public var record: Int32
    public var loc: SourceLoc
    public init(name: String, type: Int32, record: Int32, loc: SourceLoc) {
        self.name = name; self.type = type; self.record = record; self.loc = loc
    }
}

public struct Record: Sendable {
    /// Tag name, or the typedef name for an anonymous struct.
    public var name: String
    public var isUnion: Bool
    public var loc: SourceLoc
    public var fields: [Int32]
    /// Defined (has a body) in a file the user asked about (not a system header).
    public var isUserDefined: Bool
    public init(name: String, isUnion: Bool, loc: SourceLoc, fields: [Int32], isUserDefined: Bool) {
        self.name = name; self.isUnion = isUnion; self.loc = loc; self.fields = fields; self.isUserDefined = isUserDefined
    }
}

/// Clang ownership attributes found on a declaration (`ownership_returns`, `ownership_takes`,
/// `ownership_holds`, `malloc`, `nonnull`).
public struct OwnershipAttributes: Sendable, Equatable {
    public var returnsOwned = false          // malloc or ownership_returns
    public var takes: [Int32] = []           // 0-based parameter indexes
    public var holds: [Int32] = []
    public var nonnull: [Int32] = []         // empty + nonnullAll for a bare `nonnull`
    public var nonnullAll = false
    /// `__attribute__((noreturn))` or `_Noreturn`.
    public var noreturn = false
    public init() {}
    /// No ownership evidence (noreturn says nothing about ownership).
    public var isEmpty: Bool { !returnsOwned && takes.isEmpty && holds.isEmpty && nonnull.isEmpty && !nonnullAll }
}

public struct Function: Sendable {
    public var name: String
    public var loc: SourceLoc
    public var returnType: Int32
    public var params: [Int32]          // variable ids
    public var paramTypes: [Int32]      // for declarations without a body too
    public var isVariadic: Bool
    public var isStatic: Bool
    /// Node range of the body: `nodes[bodyStart..<bodyEnd]`; empty without a body.
    public var bodyStart: Int32
    public var bodyEnd: Int32
    /// Declared in a system header.
    public var isSystem: Bool
    public var attributes: OwnershipAttributes
    /// Where the body's closing brace is.
    public var bodyEndLoc: SourceLoc = .none
    /// The unit defines it: its body is here, or in another share of the unit.
    public var isDefined = false
    public var hasBody: Bool { bodyEnd > bodyStart }
    public init(name: String, loc: SourceLoc, returnType: Int32, params: [Int32], paramTypes: [Int32],
                isVariadic: Bool, isStatic: Bool, bodyStart: Int32, bodyEnd: Int32, isSystem: Bool,
                attributes: OwnershipAttributes) {
        self.name = name; self.loc = loc; self.returnType = returnType; self.params = params
        self.paramTypes = paramTypes; self.isVariadic = isVariadic; self.isStatic = isStatic
        self.bodyStart = bodyStart; self.bodyEnd = bodyEnd; self.isSystem = isSystem; self.attributes = attributes
    }
}

public enum NodeKind: UInt8, Sendable {
    // statements
    case compound, declStmt, ifStmt, whileStmt, doStmt, forStmt, switchStmt, caseStmt, defaultStmt
    case returnStmt, breakStmt, continueStmt, gotoStmt, labelStmt, nullStmt, otherStmt
    /// A local variable declaration; `ref` is the variable id, children are the initializer.
    case varDecl
    // expressions
    case varRef        // ref = variable id
    case funcRef       // ref = function id
    case enumConstRef  // value = constant value, ref = index into `strings` (its name)
    case member        // ref = field id; flags & arrow
    /// ref = callee function id, children: the arguments; or ref = -1 (indirect call),
    /// children: the callee expression, then the arguments.
    case call
    case unary         // op = UnaryOp
    case binary        // op = BinaryOp
    case compoundAssign // op = BinaryOp of the arithmetic part
    case conditional   // a ? b : c
    case subscript_    // a[i]
    case cast          // explicit C cast; type is the target
    case implicit      // implicit cast, parens and other transparent wrappers
    case intLiteral    // value
    case stringLiteral // ref = index into `strings` (the literal as written)
    case charLiteral, floatLiteral   // value = the character's code / the Double's bits
    case sizeofExpr    // sizeof / alignof (operand not walked: never evaluated)
    case initList
    case stmtExpr
    case otherExpr
}

public enum UnaryOp: UInt8, Sendable {
    case postInc = 1, postDec, preInc, preDec, addressOf, deref, plus, minus, bitNot, logicalNot, real, imag, ext, other
}

public enum BinaryOp: UInt8, Sendable {
    case ptrMemD = 1, ptrMemI, mul, div, rem, add, sub, shl, shr, cmp, lt, gt, le, ge, eq, ne
    case and, xor, or, land, lor, assign, mulAssign, divAssign, remAssign, addAssign, subAssign
    case shlAssign, shrAssign, andAssign, xorAssign, orAssign, comma, other
}

public struct NodeFlags: OptionSet, Sendable {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let arrow = NodeFlags(rawValue: 1)
    /// The node comes from a macro expansion.
    public static let macro = NodeFlags(rawValue: 2)
}

/// One statement or expression, in pre-order. `end` is the index one past the last descendant,
/// so the children of node i are found by walking i+1 ..< end, skipping each child's subtree.
public struct Node: Sendable {
    public var kind: NodeKind
    public var op: UInt8
    public var flags: NodeFlags
    public var end: Int32
    public var type: Int32
    public var ref: Int32
    public var value: Int64
    public var loc: SourceLoc
    public init(kind: NodeKind, op: UInt8 = 0, flags: NodeFlags = [], end: Int32 = 0, type: Int32 = -1,
                ref: Int32 = -1, value: Int64 = 0, loc: SourceLoc = .none) {
        self.kind = kind; self.op = op; self.flags = flags; self.end = end; self.type = type
        self.ref = ref; self.value = value; self.loc = loc
    }
}

/// A translation unit, lowered. Every id is an index into one of these arrays.
public struct TranslationUnit: Sendable {
    /// The main file as passed by the user.
    public var mainFile: String
    /// File paths as clang reports them; index 0 is the main file.
    public var files: [String] = []
    /// Whether `files[i]` is a system header.
    public var fileIsSystem: [Bool] = []
    public var types: [CType] = []
    public var variables: [Variable] = []
    public var fields: [Field] = []
    public var records: [Record] = []
    public var functions: [Function] = []
    public var nodes: [Node] = []
    /// Every file the unit read (the main file and all it includes), for the cache's validation.
    public var inputs: [String] = []
    /// String literals as written, by `Node.ref` of `.stringLiteral` nodes; enum constants' names
    /// by `Node.ref` of `.enumConstRef` nodes.
    public var strings: [String] = []
    /// A large unit may be lowered in shares, on several cores at once: share `share` of
    /// `shareCount` holds the bodies of the function definitions dealt to it (each definition,
    /// in source order, to the share with the least source so far) and the declarations, types
    /// and records of the whole unit.
    /// The shares of one unit together say what the unit lowered whole says; the analysis
    /// treats them like units of one program. A unit lowered whole is share 0 of 1.
    public var share: Int32 = 0
    public var shareCount: Int32 = 1
    public init(mainFile: String) { self.mainFile = mainFile }

    public func children(of i: Int32) -> ChildSequence { ChildSequence(nodes: nodes, parent: i) }
    public func child(_ i: Int32, _ n: Int) -> Int32? {
        var k = 0
        for c in children(of: i) { if k == n { return c }; k += 1 }
        return nil
    }
    public func childCount(_ i: Int32) -> Int {
        var k = 0
        for _ in children(of: i) { k += 1 }
        return k
    }
    /// Skips transparent wrappers (implicit casts and parentheses).
    public func strip(_ i: Int32) -> Int32 {
        var i = i
        while nodes[Int(i)].kind == .implicit, nodes[Int(i)].end > i + 1 { i += 1 }
        return i
    }
    public func type(of node: Int32) -> CType? {
        let t = nodes[Int(node)].type
        return t >= 0 ? types[Int(t)] : nil
    }
    public func isPointer(_ typeID: Int32) -> Bool { typeID >= 0 && types[Int(typeID)].shape == .pointer }
    public func fileName(_ loc: SourceLoc) -> String { loc.file >= 0 ? files[Int(loc.file)] : "<unknown>" }
}

public struct ChildSequence: Sequence, IteratorProtocol {
    let nodes: [Node]
    var next_: Int32
    let end: Int32
    init(nodes: [Node], parent: Int32) {
        self.nodes = nodes; self.next_ = parent + 1; self.end = nodes[Int(parent)].end
    }
    public mutating func next() -> Int32? {
        guard next_ < end else { return nil }
        let c = next_
        next_ = nodes[Int(c)].end
        return c
    }
}

/// A problem found while reading input (a parse error, a missing header, an unreadable file).
public struct InputError: Error, Sendable {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    public init(file: String, line: Int = 0, column: Int = 0, message: String) {
        self.file = file; self.line = line; self.column = column; self.message = message
    }
    /// clang style: `file:line:col: error: message`.
    public var description: String {
        line > 0 ? "\(file):\(line):\(column): error: \(message)" : "\(file): error: \(message)"
    }
}
