// The complete, typed C syntax tree that the faithful translation tier reads: every expression
// with its C type, every statement form, every declaration with its initializer, records with
// their exact layout. Filled by ClangFrontend's `SyntaxBuilder` for `oxidize translate`; the
// compact `CModel` stays the analysis' model. No libclang type appears here.

/// A position in a source file (path, 1-based line and column).
public struct CLoc: Sendable, Hashable {
    public var file: String
    public var line: Int
    public var column: Int
    public init(file: String, line: Int, column: Int) { self.file = file; self.line = line; self.column = column }
    public static let unknown = CLoc(file: "<unknown>", line: 0, column: 0)
    public var description: String { "\(file):\(line):\(column)" }
}

public enum IntKind: UInt8, Sendable, Hashable {
    case bool, char, schar, uchar, short, ushort, int, uint, long, ulong, longlong, ulonglong, int128, uint128
    public var isSigned: Bool {
        switch self {
        case .char, .schar, .short, .int, .long, .longlong, .int128: return true
        default: return false
        }
    }
    /// Size in bytes on the x86_64 / aarch64 Linux targets oxidize translates for.
    public var size: Int {
        switch self {
        case .bool, .char, .schar, .uchar: return 1
        case .short, .ushort: return 2
        case .int, .uint: return 4
        case .long, .ulong, .longlong, .ulonglong: return 8
        case .int128, .uint128: return 16
        }
    }
}

public enum FloatKind: UInt8, Sendable, Hashable { case float, double, longDouble }

/// A C type, canonical (typedefs resolved; enums are their integer type).
public indirect enum CTy: Sendable, Hashable {
    case void
    case int(IntKind)
    case float(FloatKind)
    /// `constPointee`: `const T *`.
    case pointer(CTy, constPointee: Bool)
    /// `count` nil: incomplete (`T x[]`, a flexible member) or variable length.
    case array(CTy, count: Int?)
    /// Index into `Program.records`.
    case record(Int)
    case function(FnTy)
    /// A SIMD vector (`__m128i`, GCC's `vector_size`): `count` elements of the element type.
    case vector(CTy, count: Int)
    /// Something the faithful tier has no form for (`_Complex`); `spelling` names it.
    case unsupported(String)

    public var isPointer: Bool { if case .pointer = self { return true }; return false }
    public var isInteger: Bool { if case .int = self { return true }; return false }
    public var isFloating: Bool { if case .float = self { return true }; return false }
    public var isArithmetic: Bool { isInteger || isFloating }
    public var isScalar: Bool { isArithmetic || isPointer }
    public var pointee: CTy? { if case .pointer(let p, _) = self { return p }; return nil }
    public var element: CTy? { if case .array(let e, _) = self { return e }; return nil }
    public var intKind: IntKind? { if case .int(let k) = self { return k }; return nil }
}

public struct FnTy: Sendable, Hashable {
    public var result: CTy
    public var params: [CTy]
    public var variadic: Bool
    /// Declared without a prototype (`int f()`).
    public var noPrototype: Bool
    public init(result: CTy, params: [CTy], variadic: Bool, noPrototype: Bool = false) {
        self.result = result; self.params = params; self.variadic = variadic; self.noPrototype = noPrototype
    }
}

public struct CField: Sendable {
    public var name: String
    public var type: CTy
    /// Offset from the start of the record, in bits (clang's layout).
    public var bitOffset: Int
    /// Bit-field width; nil for an ordinary member.
    public var bitWidth: Int?
    public init(name: String, type: CTy, bitOffset: Int, bitWidth: Int?) {
        self.name = name; self.type = type; self.bitOffset = bitOffset; self.bitWidth = bitWidth
    }
}

public struct CRecord: Sendable {
    /// Tag, or the typedef that names an anonymous record, or "" (the emitter names it).
    public var name: String
    public var isUnion: Bool
    /// nil: declared but never defined in the unit (opaque).
    public var fields: [CField]?
    public var size: Int
    public var align: Int
    public var loc: CLoc
    /// Defined in a system header (the C library's `FILE`, `struct tm`): its layout is the library's.
    public var isSystem = false
    public init(name: String, isUnion: Bool, fields: [CField]?, size: Int, align: Int, loc: CLoc) {
        self.name = name; self.isUnion = isUnion; self.fields = fields; self.size = size; self.align = align; self.loc = loc
    }
}

public enum CStorage: UInt8, Sendable {
    case local, parameter, global, staticLocal
    /// Declared `extern` here, defined elsewhere (a library's `stdout`, another file's global).
    case external
}

public struct CVar: Sendable {
    public var name: String
    public var type: CTy
    public var storage: CStorage
    public var initializer: CExpr?
    public var loc: CLoc
    /// The function that declares it (locals, parameters, static locals), or -1.
    public var function: Int
    /// A variable-length array (`char buf[n]`, a local): its element count, evaluated where it
    /// is declared. Its `type` is then `.array(element, count: nil)`.
    public var vlaSize: CExpr?
    /// A two-dimensional variable-length array (`T a[n][m]`, a local): the hidden local (id)
    /// that holds its row length `m`, declared just before it. `vlaSize` is then `n * m`, and
    /// `a[i][j]` is element `i * m + j`.
    public var vlaColumns: Int?
    /// A parameter written as an array of constant size (`int v[9]`, `double g[3][4]`: 9, 3):
    /// how many elements the function says it reaches (C adjusts the type to a pointer).
    public var declaredCount: Int?
    /// A file-scope `static`: internal linkage, private to its file.
    public var isStatic = false
    /// `__attribute__((cleanup(f)))`: the function (id) called with the variable's address when
    /// it goes out of scope.
    public var cleanup: Int?
    /// A global that another file of a crate uses by name: its representation stays C's
    /// (set by the crate's translation; false in a single file).
    public var isExported = false
    /// Declared `_Alignas(n)` or `__attribute__((aligned(n)))`: its address is aligned past what
    /// its type asks (SIMD loads, type punning). `n` as the declaration spells it, 0 when it is
    /// no literal there (a macro, a type), nil with no such attribute.
    public var explicitAlignment: Int?
    public var explicitlyAligned: Bool { explicitAlignment != nil }
    public init(name: String, type: CTy, storage: CStorage, initializer: CExpr?, loc: CLoc, function: Int) {
        self.name = name; self.type = type; self.storage = storage
        self.initializer = initializer; self.loc = loc; self.function = function
    }
}

public struct CFunction: Sendable {
    public var name: String
    public var type: FnTy
    /// Variable ids of the parameters (definitions only).
    public var params: [Int]
    public var body: CStmt?
    /// Internal linkage (`static`).
    public var isStatic: Bool
    /// Defined in a system header (the C library's or the compiler's): not the project's code.
    public var isSystem = false
    /// A definition that another file of a crate calls or takes by name: its C signature stays
    /// (set by the crate's translation; false in a single file).
    public var isExported = false
    /// An exported definition that the other files only call directly, each through a prototype
    /// of its arity (no address taken elsewhere): its single-object pointer parameters may become
    /// `Option<&T>`/`Option<&mut T>`, which those callers convert their raw pointers to.
    public var isCalledAcross = false
    public var loc: CLoc
    public init(name: String, type: FnTy, params: [Int], body: CStmt?, isStatic: Bool, loc: CLoc) {
        self.name = name; self.type = type; self.params = params; self.body = body
        self.isStatic = isStatic; self.loc = loc
    }
}

public enum CUnaryOp: UInt8, Sendable {
    case postInc, postDec, preInc, preDec, addressOf, deref, plus, minus, bitNot, logicalNot
}

public enum CBinaryOp: UInt8, Sendable {
    case mul, div, rem, add, sub, shl, shr, lt, gt, le, ge, eq, ne, and, xor, or, land, lor, comma
    public var isComparison: Bool { switch self { case .lt, .gt, .le, .ge, .eq, .ne: return true; default: return false } }
}

/// One element of an initializer list after designators are resolved: where it goes.
public enum CDesignator: Sendable, Hashable {
    case field(Int)      // index into the record's fields
    case index(Int)      // array element
}

public indirect enum CExprKind: Sendable {
    case intLiteral(UInt64)
    case floatLiteral(Double)
    /// The literal's bytes, without the terminating NUL (the type's array count includes it).
    case stringLiteral([UInt8])
    case variable(Int)
    case function(Int)
    case unary(CUnaryOp, CExpr)
    case binary(CBinaryOp, CExpr, CExpr)
    /// `a = b`.
    case assign(CExpr, CExpr)
    /// `a op= b`; the right side carries the conversion to the computation type.
    case compoundAssign(CBinaryOp, CExpr, CExpr)
    case conditional(CExpr, CExpr, CExpr)
    /// `a ?: b` (GNU).
    case elvis(CExpr, CExpr)
    case call(CExpr, [CExpr])
    /// `base.field` or `base->field` (`arrow`); `field` indexes `Program.records[record].fields`.
    case member(CExpr, record: Int, field: Int, arrow: Bool)
    /// `base[index]`, normalised so that `base` is the pointer or array operand.
    case `subscript`(CExpr, CExpr)
    /// A conversion, implicit (clang's implicit casts, inferred from the two types) or explicit.
    case cast(CExpr, explicit: Bool)
    /// `{ ... }` with each element's place resolved; elements not named are zero.
    case initList([(CDesignator, CExpr)])
    /// `(T){ ... }`.
    case compoundLiteral(CExpr)
    /// `({ ... })` (GNU): the value is the last statement's.
    case statementExpr(CStmt)
    /// `sizeof vla`: the element count the array got where it was declared, times the
    /// element's size.
    case vlaSizeof(variable: Int, elementSize: UInt64)
    /// `va_arg(list, T)`: the next variable argument, of the expression's type.
    case vaArg(CExpr)
    /// GCC's `__atomic_*` builtins (clang's AtomicExpr): the builtin's name and its operands in
    /// clang's order (pointer, memory order, value, ...).
    case atomic(String, [CExpr])
    /// An x86 SIMD intrinsic written as a macro (`_mm_shuffle_epi32(a, 3)`): clang expands it
    /// into builtins on the header's internal vector types; kept as its name and the caller's
    /// arguments, in the order written.
    case intrinsic(String, [CExpr])
    /// `&&label` (GNU): the address of a label of `function`, a value only `goto *` uses.
    case labelAddress(function: Int, label: String)
    /// Forms the tier refuses, named for the error.
    case unsupported(String)
}

public final class CExpr: Sendable {
    public let kind: CExprKind
    public let type: CTy
    public let loc: CLoc
    public init(_ kind: CExprKind, _ type: CTy, _ loc: CLoc) { self.kind = kind; self.type = type; self.loc = loc }
}

public indirect enum CStmt: Sendable {
    case compound([CStmt])
    /// Variable ids (locals and static locals) declared here, with their initializers in `Program.variables`.
    case declaration([Int])
    case expression(CExpr)
    case ifThen(CExpr, CStmt, CStmt?)
    case whileLoop(CExpr, CStmt)
    case doWhile(CStmt, CExpr)
    case forLoop(CStmt?, CExpr?, CExpr?, CStmt)
    case switchOn(CExpr, CStmt)
    /// `case v:` (the value converted to the switch's promoted type); `caseRange` for GNU `case a ... b:`.
    case caseLabel(Int64, CStmt)
    case caseRange(Int64, Int64, CStmt)
    case defaultLabel(CStmt)
    case breakStmt
    case continueStmt
    case returnStmt(CExpr?)
    case gotoLabel(String)
    /// `goto *p;` (GNU): to the label whose address (`&&label`) `p` holds.
    case indirectGoto(CExpr)
    case labeled(String, CStmt)
    case empty
    /// Something the tier refuses (inline assembly), named for the error.
    case unsupported(String, CLoc)
}

/// One translation unit, complete.
public struct Program: Sendable {
    public var mainFile: String
    public var records: [CRecord] = []
    public var variables: [CVar] = []
    public var functions: [CFunction] = []
    /// Where designated initializers (`.x = 1`, `[3] = 2`, `[1 ... 4] = 0`) are written.
    public var designatedInitializers: [CLoc] = []
    public init(mainFile: String) { self.mainFile = mainFile }
}

extension CExpr {
    /// The expression under every conversion (`(long)(char)x` -> `x`).
    public var withoutCasts: CExpr {
        if case .cast(let x, _) = kind { return x.withoutCasts }
        return self
    }

    /// The pointer under conversions that only change qualifiers: implicit ones (`char *` ->
    /// `const char *`) and explicit ones that add `const`; the same object, the same pointee type.
    public var withoutQualifierCasts: CExpr {
        guard isQualifierCast, case .cast(let x, _) = kind else { return self }
        return x.withoutQualifierCasts
    }

    /// The pointer under implicit conversions from other pointers (`T *` to `void *`, to
    /// `const T *`) and explicit ones that only add `const`: what a loan lends.
    public var withoutPointerConversions: CExpr {
        guard case .cast(let x, let explicit) = kind, x.type.isPointer, !explicit || isQualifierCast else { return self }
        return x.withoutPointerConversions
    }

    /// A conversion of a pointer that only changes qualifiers, as `withoutQualifierCasts` strips.
    public var isQualifierCast: Bool {
        guard case .cast(let x, let explicit) = kind, case .pointer(let to, let toConst) = type,
              case .pointer(let from, let fromConst) = x.type, to == from else { return false }
        // An explicit cast only adding `const` (`sum((const int *)v, n)`) changes nothing either.
        return !explicit || toConst || !fromConst
    }

    /// Whether variable `id` appears anywhere in the expression.
    public func mentions(variable id: Int) -> Bool {
        if case .variable(let v) = kind { return v == id }
        var found = false
        forEachChild { if !found, $0.mentions(variable: id) { found = true } }
        return found
    }

    /// The variables the expression names.
    public var variables: Set<Int> {
        if case .variable(let v) = kind { return [v] }
        var all: Set<Int> = []
        forEachChild { all.formUnion($0.variables) }
        return all
    }

    /// Whether the expression names a variable that `other` names.
    public func mentionsAny(of other: CExpr) -> Bool {
        !variables.isDisjoint(with: other.variables)
    }

    /// Calls `body` on each direct operand.
    public func forEachChild(_ body: (CExpr) -> Void) {
        switch kind {
        case .intLiteral, .floatLiteral, .stringLiteral, .variable, .function, .vlaSizeof, .labelAddress, .unsupported: return
        case .unary(_, let x), .cast(let x, _), .compoundLiteral(let x), .vaArg(let x): body(x)
        case .binary(_, let a, let b), .assign(let a, let b), .compoundAssign(_, let a, let b), .subscript(let a, let b), .elvis(let a, let b):
            body(a); body(b)
        case .conditional(let a, let b, let c): body(a); body(b); body(c)
        case .call(let f, let args): body(f); args.forEach(body)
        case .member(let b, _, _, _): body(b)
        case .initList(let entries): entries.forEach { body($0.1) }
        case .statementExpr(let s): s.forEachExpression(body)
        case .atomic(_, let operands): operands.forEach(body)
        case .intrinsic(_, let args): args.forEach(body)
        }
    }
}

extension CStmt {
    /// Calls `body` on each expression the statement holds at its top (and on declarations'
    /// initializers), recursing through nested statements.
    public func forEachExpression(_ body: (CExpr) -> Void) {
        switch self {
        case .compound(let list): list.forEach { $0.forEachExpression(body) }
        case .expression(let e): body(e)
        case .ifThen(let c, let a, let b): body(c); a.forEachExpression(body); b?.forEachExpression(body)
        case .whileLoop(let c, let s): body(c); s.forEachExpression(body)
        case .doWhile(let s, let c): s.forEachExpression(body); body(c)
        case .forLoop(let i, let c, let n, let s):
            i?.forEachExpression(body); if let c { body(c) }; if let n { body(n) }; s.forEachExpression(body)
        case .switchOn(let e, let s): body(e); s.forEachExpression(body)
        case .caseLabel(_, let s), .caseRange(_, _, let s), .defaultLabel(let s), .labeled(_, let s): s.forEachExpression(body)
        case .returnStmt(let e): if let e { body(e) }
        case .indirectGoto(let e): body(e)
        default: break
        }
    }
}

/// A walk over statements that sees each expression in its role: evaluated for its effect alone
/// (an expression statement, a `for` step), as a controlling expression, as a value (a `switch`
/// operand, a returned value), and each declared variable. The analyses that tell apart a
/// pointer's uses by where they occur conform and get the traversal.
public protocol RoleWalker {
    mutating func declared(_ id: Int)
    mutating func effect(_ e: CExpr)
    mutating func condition(_ e: CExpr)
    mutating func value(_ e: CExpr)
    /// The value a `return` statement gives back (by default a value like any other).
    mutating func returned(_ e: CExpr)
}

extension RoleWalker {
    public mutating func returned(_ e: CExpr) { value(e) }

    public mutating func walk(_ s: CStmt) {
        switch s {
        case .compound(let list): list.forEach { walk($0) }
        case .declaration(let ids): ids.forEach { declared($0) }
        case .expression(let e): effect(e)
        case .ifThen(let c, let a, let b): condition(c); walk(a); if let b { walk(b) }
        case .whileLoop(let c, let body): condition(c); walk(body)
        case .doWhile(let body, let c): walk(body); condition(c)
        case .forLoop(let i, let c, let n, let body):
            if let i { walk(i) }; if let c { condition(c) }; if let n { effect(n) }; walk(body)
        case .switchOn(let e, let body): value(e); walk(body)
        case .caseLabel(_, let body), .caseRange(_, _, let body), .defaultLabel(let body), .labeled(_, let body): walk(body)
        case .returnStmt(let e): if let e { returned(e) }
        case .indirectGoto(let e): value(e)
        case .breakStmt, .continueStmt, .gotoLabel, .empty, .unsupported: return
        }
    }

    /// A GNU statement expression (`({ int *t = f(); t ? *t : 0; })`) met inside an expression:
    /// its statements walked (its declarations too), its last expression a value.
    public mutating func walkStatementExpression(_ s: CStmt) {
        guard case .compound(let list) = s, case .expression(let last)? = list.last else { walk(s); return }
        list.dropLast().forEach { walk($0) }
        value(last)
    }
}

extension CExpr {
    /// `0` or `(void *)0`, under casts: C's null pointer constant.
    public var isNullPointerConstant: Bool {
        if case .intLiteral(0) = kind { return true }
        if case .cast(let x, _) = kind { return x.isNullPointerConstant }
        return false
    }

    /// An integer literal's value under integer conversions (nil for anything else).
    public var integerLiteralValue: Int? {
        switch kind {
        case .intLiteral(let v): return type.intKind?.isSigned == true ? Int(Int64(truncatingIfNeeded: v)) : (v <= UInt64(Int.max) ? Int(v) : nil)
        case .cast(let x, _) where type.isInteger: return x.integerLiteralValue
        default: return nil
        }
    }

    /// Whether `self` and `other` name the same place by the same path, with nothing evaluated
    /// on the way that could differ between the two: variables, members, dereferences and
    /// constant indexes (`v->data` and `v->data`, `s.items[2]`), under casts.
    public func isSamePath(as other: CExpr) -> Bool {
        let a = withoutCasts, b = other.withoutCasts
        switch (a.kind, b.kind) {
        case (.variable(let x), .variable(let y)): return x == y
        case (.member(let x, let r, let f, let arrow), .member(let y, let r2, let f2, let arrow2)):
            return r == r2 && f == f2 && arrow == arrow2 && x.isSamePath(as: y)
        case (.unary(.deref, let x), .unary(.deref, let y)): return x.isSamePath(as: y)
        case (.subscript(let x, let i), .subscript(let y, let j)):
            guard let k = i.integerLiteralValue, k == j.integerLiteralValue else { return false }
            return x.isSamePath(as: y)
        default: return false
        }
    }

    /// `p + k` or `&p[k]` (under qualifier conversions): the pointer and the integer offset.
    public var pointerOffset: (base: CExpr, offset: CExpr)? {
        let s = withoutQualifierCasts
        if case .binary(.add, let b, let k) = s.kind, b.type.isPointer, k.type.isInteger { return (b, k) }
        if case .unary(.addressOf, let x) = s.kind, case .subscript(let b, let k) = x.kind, k.type.isInteger { return (b, k) }
        return nil
    }
}

extension Program {
    /// Calls `body` on every top-level expression of the program: those of the function bodies,
    /// then each variable's initializer and variable-length array size.
    public func forEachExpression(_ body: (CExpr) -> Void) {
        for f in functions where f.body != nil { f.body!.forEachExpression(body) }
        for v in variables {
            if let e = v.initializer { body(e) }
            if let n = v.vlaSize { body(n) }
        }
    }
}
