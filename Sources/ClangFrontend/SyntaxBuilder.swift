import CClang
import CSyntax
import Foundation

/// Lowers a parsed unit into the complete C syntax tree (`CSyntax.Program`) that the faithful
/// translation tier reads: every expression typed, implicit conversions made explicit (inferred
/// from the two types, since libclang does not expose cast kinds), initializer lists resolved to
/// the sub-objects they initialise, constant expressions folded by clang's own evaluator.
final class SyntaxBuilder {
    let unit: CXTranslationUnit
    var program: Program
    private var records: [UnsafeMutableRawPointer?: Int] = [:]
    private var variables: [UnsafeMutableRawPointer?: Int] = [:]
    private var functionsByName: [String: Int] = [:]
    private var currentFunction = -1
    /// The function whose static local's initializer is being built (-1: none).
    private var initializerFunction = -1
    /// The function a label named in an expression belongs to.
    var labelFunction: Int { currentFunction >= 0 ? currentFunction : initializerFunction }
    /// Hidden locals a function's body declares first: the columns of its parameters written
    /// `T a[n][m]` (`rowParameter`).
    private var entryDeclarations: [Int: [Int]] = [:]
    private var types: [UnsafeMutableRawPointer?: CTy] = [:]
    private var fileNames: [UnsafeMutableRawPointer?: String] = [:]
    /// Variables whose initializer is being lowered.
    private var initializing: Set<Int> = []
    /// Whether the unit includes the compiler's SIMD headers (`*intrin.h`): only then are
    /// expressions checked for intrinsic macros.
    let usesIntrinsics: Bool
    var systemFiles: [UnsafeMutableRawPointer?: Bool] = [:]
    /// Typedefs seen so far, by name.
    var typedefs: [String: CXCursor] = [:]

    init(unit: CXTranslationUnit, mainFile: String) {
        self.unit = unit
        self.program = Program(mainFile: mainFile)
        final class Found { var any = false }
        let found = Found()
        clang_getInclusions(unit, { file, _, _, data in
            guard let file else { return }
            if consume(clang_getFileName(file)).hasSuffix("intrin.h") { Unmanaged<Found>.fromOpaque(data!).takeUnretainedValue().any = true }
        }, Unmanaged.passUnretained(found).toOpaque())
        usesIntrinsics = found.any
    }

    func run() -> Program {
        let root = clang_getTranslationUnitCursor(unit)
        for c in children(root) { topLevel(c) }
        return program
    }

    // MARK: cursors

    /// The tokens of a cursor's extent as written (a macro's name where one is expanded).
    func tokens(_ c: CXCursor) -> [(kind: CXTokenKind, spelling: String, location: CXSourceLocation)] {
        var tokens: UnsafeMutablePointer<CXToken>?
        var n: UInt32 = 0
        clang_tokenize(unit, clang_getCursorExtent(c), &tokens, &n)
        guard let tokens else { return [] }
        defer { clang_disposeTokens(unit, tokens, n) }
        return (0..<Int(n)).map { (clang_getTokenKind(tokens[$0]), consume(clang_getTokenSpelling(unit, tokens[$0])), clang_getTokenLocation(unit, tokens[$0])) }
    }

    static func isIdentifierByte(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "_") || (b >= 48 && b <= 57) || (b | 0x20 >= 97 && b | 0x20 <= 122)
    }

    /// The parenthesis written at `offset` in a file as clang holds it (after an identifier and
    /// spaces: a macro's or `_Generic`'s name): its top-level, comma-separated parts as written
    /// (string and character literals kept, comments and line continuations dropped) and the
    /// offset of its closing `)`. nil when no parenthesis opens there or it does not close.
    func writtenArguments(in f: CXFile, at offset: Int) -> (parts: [String], close: Int)? {
        var size = 0
        guard let buffer = clang_getFileContents(unit, f, &size) else { return nil }
        let text = UnsafeRawBufferPointer(start: UnsafeRawPointer(buffer), count: size)
        var i = offset
        while i < size, Self.isIdentifierByte(text[i]) { i += 1 }
        while i < size, [9, 10, 13, 32].contains(text[i]) { i += 1 }
        guard i < size, text[i] == UInt8(ascii: "(") else { return nil }
        var parts: [[UInt8]] = [[]]
        var depth = 0
        i += 1
        while i < size {
            let b = text[i]
            let next: UInt8 = i + 1 < size ? text[i + 1] : 0
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                let start = i
                i += 1
                while i < size, text[i] != b { if text[i] == UInt8(ascii: "\\") { i += 1 }; i += 1 }
                parts[parts.count - 1] += text[start..<min(i + 1, size)]
            } else if b == UInt8(ascii: "/"), next == UInt8(ascii: "*") {
                i += 2
                while i + 1 < size, !(text[i] == UInt8(ascii: "*") && text[i + 1] == UInt8(ascii: "/")) { i += 1 }
                i += 1
                parts[parts.count - 1].append(32)
            } else if b == UInt8(ascii: "/"), next == UInt8(ascii: "/") {
                while i < size, text[i] != 10 { i += 1 }
                parts[parts.count - 1].append(32)
            } else if b == UInt8(ascii: "\\"), next == 10 {
                i += 1   // a macro's line continuation
            } else if b == UInt8(ascii: "(") {
                depth += 1; parts[parts.count - 1].append(b)
            } else if b == UInt8(ascii: ")") {
                if depth == 0 { return (parts.map { String(decoding: $0, as: UTF8.self) }, i) }
                depth -= 1; parts[parts.count - 1].append(b)
            } else if b == UInt8(ascii: ","), depth == 0 {
                parts.append([])
            } else {
                parts[parts.count - 1].append(b)
            }
            i += 1
        }
        return nil
    }

    func children(_ c: CXCursor) -> [CXCursor] {
        final class Box { var list: [CXCursor] = [] }
        let box = Box()
        _ = clang_visitChildren(c, { ch, _, data in
            Unmanaged<Box>.fromOpaque(data!).takeUnretainedValue().list.append(ch)
            return CXChildVisit_Continue
        }, Unmanaged.passUnretained(box).toOpaque())
        return box.list
    }

    func expressionChildren(_ c: CXCursor) -> [CXCursor] {
        children(c).filter { clang_isExpression(clang_getCursorKind($0)) != 0 }
    }

    func loc(_ c: CXCursor) -> CLoc {
        var file: CXFile?
        var line: UInt32 = 0, col: UInt32 = 0
        clang_getExpansionLocation(clang_getCursorLocation(c), &file, &line, &col, nil)
        guard let file else { return .unknown }
        if let name = fileNames[file] { return CLoc(file: name, line: Int(line), column: Int(col)) }
        var name = consume(clang_getFileName(file))
        if clang_File_isEqual(file, clang_getFile(unit, program.mainFile)) != 0 { name = program.mainFile }
        fileNames[file] = name
        return CLoc(file: name, line: Int(line), column: Int(col))
    }

    // MARK: top level

    private func topLevel(_ c: CXCursor) {
        switch clang_getCursorKind(c) {
        // Records are made when a type names them; the translator orders its output by place.
        case CXCursor_FunctionDecl:
            let id = function(c)
            if clang_isCursorDefinition(c) != 0, program.functions[id].body == nil { define(id, c) }
        case CXCursor_VarDecl:
            _ = variable(c)
        case CXCursor_TypedefDecl:
            typedefs[consume(clang_getCursorSpelling(c))] = c   // for `_Generic`'s association types
            // `typedef struct { ... } name;` names the anonymous struct.
            let under = clang_getCanonicalType(clang_getTypedefDeclUnderlyingType(c))
            if under.kind == CXType_Record {
                let decl = clang_getTypeDeclaration(under)
                if clang_Cursor_isAnonymous(decl) != 0 {
                    let r = record(decl)
                    if program.records[r].name.isEmpty { program.records[r].name = consume(clang_getCursorSpelling(c)) }
                }
            }
        case CXCursor_LinkageSpec, CXCursor_UnexposedDecl:
            for ch in children(c) { topLevel(ch) }
        default:
            return
        }
    }

    // MARK: declarations

    func function(_ c: CXCursor) -> Int {
        let name = consume(clang_getCursorSpelling(c))
        if let id = functionsByName[name] {
            // A later declaration may have the prototype an earlier one lacked.
            if program.functions[id].type.noPrototype, case .function(let f) = type(clang_getCursorType(c)), !f.noPrototype {
                program.functions[id].type = f
            }
            if clang_getCursorLinkage(c) == CXLinkage_Internal { program.functions[id].isStatic = true }
            return id
        }
        var fty = FnTy(result: .int(.int), params: [], variadic: false, noPrototype: true)
        if case .function(let f) = type(clang_getCursorType(c)) { fty = f }
        let id = program.functions.count
        functionsByName[name] = id
        program.functions.append(CFunction(name: name, type: fty, params: [], body: nil,
                                           isStatic: clang_getCursorLinkage(c) == CXLinkage_Internal, loc: loc(c)))
        // Where it is declared, until a definition says where it is defined.
        program.functions[id].isSystem = clang_Location_isInSystemHeader(clang_getCursorLocation(c)) != 0
        return id
    }

    private func define(_ id: Int, _ c: CXCursor) {
        program.functions[id].isSystem = clang_Location_isInSystemHeader(clang_getCursorLocation(c)) != 0
        let saved = currentFunction
        currentFunction = id
        defer { currentFunction = saved }
        var params: [Int] = []
        let n = max(clang_Cursor_getNumArguments(c), 0)
        for i in 0..<n { params.append(variable(clang_Cursor_getArgument(c, UInt32(i)))) }
        program.functions[id].params = params
        program.functions[id].loc = loc(c)
        if case .function(let f) = type(clang_getCursorType(c)) {
            // A K&R definition: the parameters' own types (`short x;`) are the signature; clang's
            // prototype for it has them promoted.
            let declared = params.map { program.variables[$0].type }
            program.functions[id].type = f.noPrototype || (declared.count == f.params.count && declared != f.params)
                ? FnTy(result: f.result, params: declared, variadic: f.noPrototype ? false : f.variadic, noPrototype: false) : f
        }
        if let body = children(c).last(where: { clang_getCursorKind($0) == CXCursor_CompoundStmt }) {
            let statements = statement(body)
            if let hidden = entryDeclarations[id] { program.functions[id].body = .compound([.declaration(hidden), statements]) } else { program.functions[id].body = statements }
        }
    }

    /// The element of the rows a parameter of type `t` points to when they are variable-length
    /// arrays of fixed elements (`T [n][m]`, `T [][m]`, `T (*)[m]`), with its `const`.
    func rowElement(_ t: CXType) -> (CTy, Bool)? {
        let canon = clang_getCanonicalType(t)
        let row: CXType
        switch canon.kind {
        case CXType_Pointer: row = clang_getCanonicalType(clang_getPointeeType(canon))
        case CXType_VariableArray, CXType_ConstantArray, CXType_IncompleteArray: row = clang_getCanonicalType(clang_getArrayElementType(canon))
        default: return nil
        }
        guard row.kind == CXType_VariableArray else { return nil }
        let element = clang_getArrayElementType(row)
        guard clang_getCanonicalType(element).kind != CXType_VariableArray else { return nil }
        let e = type(element)
        if case .unsupported = e { return nil }
        return (e, clang_isConstQualifiedType(element) != 0 || clang_isConstQualifiedType(row) != 0)
    }

    /// The hidden local holding a row parameter's columns, declared first in its function.
    private func rowParameter(_ id: Int, columns: CXCursor) {
        let v = program.variables[id]
        let cols = program.variables.count
        program.variables.append(CVar(name: "__\(v.name)_columns", type: Self.sizeType, storage: .local,
                                      initializer: Self.asSize(expression(columns)), loc: v.loc, function: currentFunction))
        program.variables[id].vlaColumns = cols
        entryDeclarations[currentFunction, default: []].append(cols)
    }

    static let sizeType = CTy.int(.ulong)
    /// `e` converted to `size_t`, as C converts an array size or an index scaled by one.
    static func asSize(_ e: CExpr) -> CExpr { e.type == sizeType ? e : CExpr(.cast(e, explicit: false), sizeType, e.loc) }

    /// `T a[n][m]`, a local: `n * m` elements and a hidden local holding `m`, evaluated once, as
    /// C evaluates the sizes once where the array is declared.
    private func matrix(_ id: Int, element: CTy, rows: CXCursor, columns: CXCursor) {
        if case .unsupported = element { return }
        let v = program.variables[id]
        let cols = program.variables.count
        program.variables.append(CVar(name: "__\(v.name)_columns", type: Self.sizeType, storage: .local,
                                      initializer: Self.asSize(expression(columns)), loc: v.loc, function: v.function))
        let colsRef = CExpr(.variable(cols), Self.sizeType, v.loc)
        program.variables[id].vlaColumns = cols
        program.variables[id].vlaSize = CExpr(.binary(.mul, Self.asSize(expression(rows)), colsRef), Self.sizeType, v.loc)
        program.variables[id].type = .array(element, count: nil)
    }

    func variable(_ c: CXCursor) -> Int {
        let key = clang_getCanonicalCursor(c).data.0
        if let id = variables[UnsafeMutableRawPointer(mutating: key)] {
            // A definition after an `extern` declaration, or a tentative definition's initializer.
            if clang_getCursorKind(c) == CXCursor_VarDecl, clang_Cursor_getStorageClass(c) != CX_SC_Extern,
               program.variables[id].storage == .external { program.variables[id].storage = .global }
            // `extern T a[];` then `T a[256] = {...};`: the definition completes the type.
            if case .array(_, nil) = program.variables[id].type, program.variables[id].vlaSize == nil,
               case .array(_, let n?) = type(clang_getCursorType(c)) {
                program.variables[id].type = .array(program.variables[id].type.element!, count: n)
            }
            if program.variables[id].initializer == nil, !initializing.contains(id) { addInitializer(id, c) }
            return id
        }
        let kind = clang_getCursorKind(c)
        let parent = clang_getCursorKind(clang_getCursorSemanticParent(c))
        let sc = clang_Cursor_getStorageClass(c)
        let storage: CStorage
        if kind == CXCursor_ParmDecl { storage = .parameter }
        else if parent == CXCursor_FunctionDecl || parent == CXCursor_CompoundStmt || currentFunction >= 0 && parent != CXCursor_TranslationUnit {
            storage = sc == CX_SC_Static ? .staticLocal : sc == CX_SC_Extern ? .external : .local
        } else {
            storage = sc == CX_SC_Extern ? .external : .global
        }
        let id = program.variables.count
        variables[UnsafeMutableRawPointer(mutating: key)] = id
        program.variables.append(CVar(name: consume(clang_getCursorSpelling(c)), type: .void, storage: storage, initializer: nil,
                                      loc: loc(c), function: storage == .global || storage == .external ? -1 : currentFunction))
        if storage == .global, sc == CX_SC_Static { program.variables[id].isStatic = true }
        var t = type(clang_getCursorType(c))
        let written = clang_getCanonicalType(clang_getCursorType(c))
        if storage == .local, written.kind == CXType_VariableArray {
            // `T name[n]`: the element count is the declaration's expression child.
            let inner = clang_getCanonicalType(clang_getArrayElementType(written))
            let element = type(inner)
            let sizes = expressionChildren(c)
            if case .unsupported = element {
                if inner.kind == CXType_VariableArray, sizes.count == 2 {
                    // libclang visits an array type's element before its size: `[m]` comes first.
                    matrix(id, element: type(clang_getArrayElementType(inner)), rows: sizes[1], columns: sizes[0])
                    t = program.variables[id].type
                }
            } else if let size = sizes.first {
                t = .array(element, count: nil)
                program.variables[id].vlaSize = expression(size)
            }
        }
        if storage == .parameter {
            // C adjusts an array parameter to a pointer and a function parameter to a pointer to it.
            if case .array(let e, let count) = t {
                program.variables[id].declaredCount = count
                // `const T a[3]` is `const T *a`, as the function's type says.
                // (clang keeps an array's element qualifiers on the array type itself.)
                let array = clang_getCanonicalType(clang_getCursorType(c))
                let isConst = clang_isConstQualifiedType(array) != 0 || clang_isConstQualifiedType(clang_getArrayElementType(array)) != 0
                t = .pointer(e, constPointee: isConst)
            }
            if case .function = t { t = .pointer(t, constPointee: false) }
            if let (element, isConst) = rowElement(written) {
                // `double a[n][m]`, `double (*a)[m]`: a pointer to its first element, and its rows
                // `m` elements apart (a hidden local, evaluated as the function starts, as C does).
                if let columns = expressionChildren(c).first {
                    t = .pointer(element, constPointee: isConst)
                    rowParameter(id, columns: columns)
                } else {
                    t = .unsupported("a parameter of variable-length rows")
                }
            } else if written.kind == CXType_VariableArray {
                // `double a[n]` is `double *a` too: the count is no part of its type.
                let element = clang_getArrayElementType(written)
                t = .pointer(type(element), constPointee: clang_isConstQualifiedType(element) != 0 || clang_isConstQualifiedType(written) != 0)
            }
        }
        program.variables[id].type = t
        if storage == .local, children(c).contains(where: { clang_getCursorKind($0) == CXCursor_UnexposedAttr }) {
            program.variables[id].cleanup = cleanupFunction(c)
        }
        if storage != .parameter, children(c).contains(where: { clang_getCursorKind($0) == CXCursor_AlignedAttr }) {
            program.variables[id].explicitAlignment = declaredAlignment(c)
        }
        addInitializer(id, c)
        return id
    }

    /// `__attribute__((cleanup(f)))` on a local: libclang does not expose the attribute, but its
    /// pretty-printed declaration spells it (also when a macro wrote it).
    private func cleanupFunction(_ c: CXCursor) -> Int? {
        let policy = clang_getCursorPrintingPolicy(c)
        defer { clang_PrintingPolicy_dispose(policy) }
        let text = consume(clang_getCursorPrettyPrinted(c, policy))
        guard let r = text.range(of: "cleanup(") else { return nil }
        let name = text[r.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        return program.functions.firstIndex { $0.name == name }
    }

    /// The largest `n` of `_Alignas(n)`, `alignas(n)` or `aligned(n)` the declaration spells with
    /// a literal (libclang gives the attribute, not its value); 0 when none is a literal.
    private func declaredAlignment(_ c: CXCursor) -> Int {
        let t = tokens(c).map(\.spelling)
        var found = 0
        for (i, word) in t.enumerated() where ["_Alignas", "alignas", "aligned", "__aligned__"].contains(word) {
            guard i + 3 < t.count, t[i + 1] == "(", t[i + 3] == ")" else { continue }
            let digits = t[i + 2].lowercased().prefix { $0.isHexDigit || $0 == "x" }
            let n = digits.hasPrefix("0x") ? Int(digits.dropFirst(2), radix: 16) : Int(digits)
            if let n, n > 0, n & (n - 1) == 0 { found = max(found, n) }
        }
        return found
    }

    private func addInitializer(_ id: Int, _ c: CXCursor) {
        let ini = clang_Cursor_getVarDeclInitializer(c)
        guard clang_Cursor_isNull(ini) == 0 else { return }
        // `static struct list head = { &head, &head };` names itself while it is being built.
        initializing.insert(id)
        defer { initializing.remove(id) }
        // A static local's initializer may take its function's labels' addresses (`&&op`).
        let owner = clang_getCursorSemanticParent(c)
        let saved = initializerFunction
        initializerFunction = clang_getCursorKind(owner) == CXCursor_FunctionDecl ? function(owner) : -1
        defer { initializerFunction = saved }
        if program.variables[id].storage == .external { program.variables[id].storage = .global }
        program.variables[id].initializer = initializer(ini, for: program.variables[id].type)
    }

    func record(_ c: CXCursor) -> Int {
        let canon = clang_getCanonicalCursor(c)
        let key = UnsafeMutableRawPointer(mutating: canon.data.0)
        let def = clang_getCursorDefinition(c)
        if let id = records[key] { return id }
        let id = program.records.count
        records[key] = id
        var name = consume(clang_getCursorSpelling(c))
        if clang_Cursor_isAnonymous(c) != 0 || name.contains("(unnamed") || name.contains("(anonymous") { name = "" }
        let t = clang_getCursorType(clang_Cursor_isNull(def) == 0 ? def : c)
        program.records.append(CRecord(name: name, isUnion: clang_getCursorKind(canon) == CXCursor_UnionDecl, fields: nil,
                                       size: Int(max(clang_Type_getSizeOf(t), 0)), align: Int(max(clang_Type_getAlignOf(t), 1)),
                                       loc: loc(clang_Cursor_isNull(def) == 0 ? def : c)))
        program.records[id].isSystem = clang_Location_isInSystemHeader(clang_getCursorLocation(clang_Cursor_isNull(def) == 0 ? def : c)) != 0
        if clang_Cursor_isNull(def) == 0 {
            var fields: [CField] = []
            for f in children(def) {
                let kind = clang_getCursorKind(f)
                if kind == CXCursor_FieldDecl {
                    let width = clang_Cursor_isBitField(f) != 0 ? Int(clang_getFieldDeclBitWidth(f)) : nil
                    fields.append(CField(name: consume(clang_getCursorSpelling(f)), type: type(clang_getCursorType(f)),
                                         bitOffset: Int(clang_Cursor_getOffsetOfField(f)), bitWidth: width))
                } else if kind == CXCursor_StructDecl || kind == CXCursor_UnionDecl, clang_Cursor_isAnonymousRecordDecl(f) != 0 {
                    // An anonymous member (`union { long i; double d; };`): an unnamed field of
                    // the inner record's type, placed where its first named member says.
                    let inner = record(f)
                    var offset = 0
                    if let first = children(f).first(where: { clang_getCursorKind($0) == CXCursor_FieldDecl && !consume(clang_getCursorSpelling($0)).isEmpty }) {
                        let name = consume(clang_getCursorSpelling(first))
                        let outerOffset = clang_Type_getOffsetOf(t, name)
                        if outerOffset >= 0 { offset = Int(outerOffset) - Int(clang_Cursor_getOffsetOfField(first)) }
                    }
                    fields.append(CField(name: "", type: .record(inner), bitOffset: offset, bitWidth: nil))
                }
            }
            program.records[id].fields = fields
        }
        return id
    }

    // MARK: types

    func type(_ t: CXType) -> CTy {
        let canon = clang_getCanonicalType(t)
        let key = UnsafeMutableRawPointer(mutating: canon.data.0)
        if let known = types[key] { return known }
        let result = makeType(canon)
        types[key] = result
        return result
    }

    private func makeType(_ t: CXType) -> CTy {
        switch t.kind {
        case CXType_Void: return .void
        case CXType_Bool: return .int(.bool)
        case CXType_Char_S: return .int(.char)
        case CXType_Char_U, CXType_UChar: return .int(.uchar)
        case CXType_SChar: return .int(.schar)
        case CXType_Short: return .int(.short)
        case CXType_UShort: return .int(.ushort)
        case CXType_Int: return .int(.int)
        case CXType_UInt: return .int(.uint)
        case CXType_Long: return .int(.long)
        case CXType_ULong: return .int(.ulong)
        case CXType_LongLong: return .int(.longlong)
        case CXType_ULongLong: return .int(.ulonglong)
        case CXType_Int128: return .int(.int128)
        case CXType_UInt128: return .int(.uint128)
        case CXType_WChar: return .int(.int)
        case CXType_Char16: return .int(.ushort)
        case CXType_Char32: return .int(.uint)
        case CXType_Float: return .float(.float)
        case CXType_Double: return .float(.double)
        case CXType_LongDouble: return .float(.longDouble)
        case CXType_Pointer:
            let p = clang_getPointeeType(t)
            // A pointer to variable-length rows moves by rows: no Rust form (a parameter's is
            // flattened where it is declared).
            if clang_getCanonicalType(p).kind == CXType_VariableArray { return .unsupported("a pointer to a variable-length array") }
            return .pointer(type(p), constPointee: clang_isConstQualifiedType(p) != 0)
        case CXType_ConstantArray:
            return .array(type(clang_getArrayElementType(t)), count: Int(clang_getArraySize(t)))
        case CXType_IncompleteArray:
            return .array(type(clang_getArrayElementType(t)), count: nil)
        case CXType_Record:
            return .record(record(clang_getTypeDeclaration(t)))
        case CXType_Enum:
            let decl = clang_getTypeDeclaration(t)
            if case .int(let k) = type(clang_getEnumDeclIntegerType(decl)) { return .int(k) }
            return .int(.uint)
        case CXType_FunctionProto, CXType_FunctionNoProto:
            let n = max(clang_getNumArgTypes(t), 0)
            var params: [CTy] = []
            for i in 0..<n {
                let p = clang_getArgType(t, UInt32(i))
                if let (element, isConst) = rowElement(p) { params.append(.pointer(element, constPointee: isConst)) } else { params.append(type(p)) }
            }
            // libclang calls `f()` (no prototype) variadic; it is not a `...` function.
            return .function(FnTy(result: type(clang_getResultType(t)), params: params,
                                  variadic: t.kind == CXType_FunctionProto && clang_isFunctionTypeVariadic(t) != 0,
                                  noPrototype: t.kind == CXType_FunctionNoProto))
        case CXType_Atomic:
            return type(clang_Type_getValueType(t))
        case CXType_VariableArray:
            return .unsupported("a variable-length array")
        case CXType_Vector, CXType_ExtVector:
            return .vector(type(clang_getElementType(t)), count: Int(clang_getNumElements(t)))
        default:
            return .unsupported(consume(clang_getTypeSpelling(t)))
        }
    }

    // MARK: constants

    func evaluate(_ c: CXCursor) -> UInt64? {
        guard let r = clang_Cursor_Evaluate(c) else { return nil }
        defer { clang_EvalResult_dispose(r) }
        guard clang_EvalResult_getKind(r) == CXEval_Int else { return nil }
        if clang_EvalResult_isUnsignedInt(r) != 0 { return UInt64(clang_EvalResult_getAsUnsigned(r)) }
        return UInt64(bitPattern: Int64(clang_EvalResult_getAsLongLong(r)))
    }

    func evaluateFloat(_ c: CXCursor) -> Double? {
        guard let r = clang_Cursor_Evaluate(c) else { return nil }
        defer { clang_EvalResult_dispose(r) }
        guard clang_EvalResult_getKind(r) == CXEval_Float else { return nil }
        return clang_EvalResult_getAsDouble(r)
    }
}
