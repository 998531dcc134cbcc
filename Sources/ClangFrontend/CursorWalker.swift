import CClang
import CModel
import Foundation

/// One pass over a translation unit's cursors into `TranslationUnit`.
/// Declarations are interned by their libclang pointer (`CXCursor.data.0`), types by their
/// `QualType` pointer, files by `CXFile`, so every entity costs one libclang query once.
final class CursorWalker {
    private let unit: CXTranslationUnit
    private var tu: TranslationUnit
    /// Ids by libclang pointer (`pointerKey`): asked once per node.
    private var fileIDs = IntKeyMap<Int32>(capacity: 64)
    private var lastFile: (file: UnsafeMutableRawPointer?, id: Int32) = (nil, -1)
    private var typeIDs = IntKeyMap<Int32>(capacity: 4096)
    /// Array types as parameters adjust them: the pointer type made for each (`parameterType`).
    private var decayedTypes: [Int32: Int32] = [:]
    private var declVars = IntKeyMap<Int32>(capacity: 8192)
    private var declFields = IntKeyMap<Int32>(capacity: 1024)
    private var declRecords = IntKeyMap<Int32>(capacity: 512)
    private var declFunctions = IntKeyMap<Int32>(capacity: 4096)
    private var functionByName: [String: Int32] = [:]
    private var currentFunction: Int32 = -1
    /// Which function definitions have been dealt to a share, and each share's load so far
    /// (bytes of source in the bodies dealt to it).
    private var definitionCounted: [Bool] = []
    private var shareLoad: [Int] = []

    init(unit: CXTranslationUnit, mainFile: String, share: Int32 = 0, of shareCount: Int32 = 1) {
        self.unit = unit
        self.tu = TranslationUnit(mainFile: mainFile)
        tu.share = share
        tu.shareCount = shareCount
        shareLoad = Array(repeating: 0, count: Int(shareCount))
        let main = clang_getFile(unit, mainFile)
        if let main { _ = fileID(main) }
    }

    func run() -> TranslationUnit {
        // About one node per 24 bytes of the main file, shared among the shares: reserved at
        // once rather than grown (and copied) step by step.
        var st = stat()
        if stat(tu.mainFile, &st) == 0 { tu.nodes.reserveCapacity(Int(st.st_size) / 24 / Int(tu.shareCount) + 256) }
        let root = clang_getTranslationUnitCursor(unit)
        withSelf { ptr in
            _ = clang_visitChildren(root, { c, _, data in
                let w = Unmanaged<CursorWalker>.fromOpaque(data!).takeUnretainedValue()
                w.topLevel(c)
                return CXChildVisit_Continue
            }, ptr)
        }
        return tu
    }

    private func withSelf(_ body: (UnsafeMutableRawPointer) -> Void) {
        body(Unmanaged.passUnretained(self).toOpaque())
    }

    // MARK: top level

    private func topLevel(_ c: CXCursor) {
        let kind = clang_getCursorKind(c)
        switch kind {
        case CXCursor_FunctionDecl:
            let loc = clang_getCursorLocation(c)
            if clang_Location_isInSystemHeader(loc) != 0 { return }
            let id = function(c)
            if clang_isCursorDefinition(c) != 0 {
                // Every share counts the same definitions in the same order; each walks its own.
                while definitionCounted.count <= Int(id) { definitionCounted.append(false) }
                guard !definitionCounted[Int(id)] else { return }
                definitionCounted[Int(id)] = true
                let mine = tu.shareCount == 1 || dealt(c) == Int(tu.share)
                // Every share knows where each function is defined, and its linkage.
                describeDefinition(id, c)
                if mine { defineFunction(id, c) }
            }
        case CXCursor_StructDecl, CXCursor_UnionDecl:
            let loc = clang_getCursorLocation(c)
            if clang_Location_isInSystemHeader(loc) != 0 { return }
            if clang_isCursorDefinition(c) != 0 { _ = record(c) }
        case CXCursor_TypedefDecl:
            let loc = clang_getCursorLocation(c)
            if clang_Location_isInSystemHeader(loc) != 0 { return }
            // `typedef struct { ... } name;` names the anonymous struct.
            let under = clang_getCanonicalType(clang_getTypedefDeclUnderlyingType(c))
            if under.kind == CXType_Record {
                let decl = clang_getTypeDeclaration(under)
                if clang_Cursor_isAnonymous(decl) != 0 {
                    let r = record(decl)
                    tu.records[Int(r)].name = consume(clang_getCursorSpelling(c))
                }
            }
        case CXCursor_VarDecl:
            let loc = clang_getCursorLocation(c)
            if clang_Location_isInSystemHeader(loc) != 0 { return }
            _ = variable(c)
        default:
            return
        }
    }

    // MARK: files and locations

    private func fileID(_ f: CXFile) -> Int32 {
        if f == lastFile.file { return lastFile.id }   // consecutive nodes are mostly in one file
        if let id = fileIDs[pointerKey(f)] { lastFile = (f, id); return id }
        let id = Int32(tu.files.count)
        var name = consume(clang_getFileName(f))
        if id == 0 { name = tu.mainFile }   // the main file keeps the spelling the user passed
        else if !name.hasPrefix("/") {
            // Relative to a build folder's working directory: give the real path instead.
            let real = consume(clang_File_tryGetRealPathName(f))
            if !real.isEmpty { name = real }
        } else if name.contains("/../") || name.contains("/./") {
            name = (name as NSString).standardizingPath   // src/../include/x.h -> include/x.h
        }
        tu.files.append(name)
        let loc = clang_getLocationForOffset(unit, f, 0)
        tu.fileIsSystem.append(clang_Location_isInSystemHeader(loc) != 0)
        fileIDs[pointerKey(f)] = id
        return id
    }

    /// The location of the last character of a cursor's extent (a body's closing brace).
    func endLocation(_ c: CXCursor) -> SourceLoc {
        let end = clang_getRangeEnd(clang_getCursorExtent(c))
        var file: CXFile?
        var line: UInt32 = 0, col: UInt32 = 0
        clang_getExpansionLocation(end, &file, &line, &col, nil)
        guard let file else { return .none }
        return SourceLoc(file: fileID(file), line: Int32(line), column: Int32(max(1, Int(col) - 1)))
    }

    private var labelIDs: [String: Int64] = [:]
    func labelID(_ name: String) -> Int64 {
        if let id = labelIDs[name] { return id }
        let id = Int64(labelIDs.count + 1)
        labelIDs[name] = id
        return id
    }

    @inline(__always)
    private func location(_ c: CXCursor) -> SourceLoc {
        let l = clang_getCursorLocation(c)
        var file: CXFile?
        var line: UInt32 = 0, col: UInt32 = 0
        clang_getExpansionLocation(l, &file, &line, &col, nil)
        guard let file else { return .none }
        return SourceLoc(file: fileID(file), line: Int32(line), column: Int32(col))
    }

    // MARK: types

    func typeID(_ t: CXType) -> Int32 {
        if t.kind == CXType_Invalid { return -1 }
        guard let key = t.data.0 else { return -1 }
        if let id = typeIDs[pointerKey(key)] { return id }
        let id = Int32(tu.types.count)
        typeIDs[pointerKey(key)] = id
        tu.types.append(CType(spelling: "", shape: .other))   // placeholder (recursive types)
        let canon = clang_getCanonicalType(t)
        let spelling = consume(clang_getTypeSpelling(t))
        // A type that is its own canonical type (no typedef or other sugar) is spelled once.
        let isCanonical = canon.kind == t.kind && canon.data.0 == t.data.0 && canon.data.1 == t.data.1
        var ct = CType(spelling: spelling, shape: .other,
                       canonical: isCanonical ? spelling : consume(clang_getTypeSpelling(canon)))
        switch canon.kind {
        case CXType_Void: ct.shape = .void
        case CXType_Bool: ct.shape = .boolean; ct.size = 1
        case CXType_Char_U, CXType_UChar, CXType_UShort, CXType_UInt, CXType_ULong, CXType_ULongLong, CXType_UInt128, CXType_Char16, CXType_Char32:
            ct.shape = .integer; ct.signed = false; ct.size = Int32(clang_Type_getSizeOf(canon))
        case CXType_Char_S, CXType_SChar, CXType_WChar, CXType_Short, CXType_Int, CXType_Long, CXType_LongLong, CXType_Int128:
            ct.shape = .integer; ct.signed = true; ct.size = Int32(clang_Type_getSizeOf(canon))
        case CXType_Float, CXType_Double, CXType_LongDouble, CXType_Float16, CXType_Float128, CXType_Half:
            ct.shape = .floating; ct.size = Int32(clang_Type_getSizeOf(canon))
        case CXType_Pointer:
            ct.shape = .pointer
            let p = clang_getPointeeType(canon)
            ct.pointeeConst = clang_isConstQualifiedType(p) != 0
            ct.pointee = typeID(pointeeSugared(t) ?? p)
        case CXType_ConstantArray, CXType_IncompleteArray, CXType_VariableArray, CXType_DependentSizedArray:
            ct.shape = .array
            ct.pointee = typeID(clang_getArrayElementType(canon))
            ct.count = clang_getArraySize(canon)
        case CXType_Record:
            ct.shape = .record
            ct.record = record(clang_getTypeDeclaration(canon))
        case CXType_Enum:
            ct.shape = .enumeration; ct.size = Int32(clang_Type_getSizeOf(canon))
        case CXType_FunctionProto, CXType_FunctionNoProto:
            ct.shape = .function
        default:
            ct.shape = .other
        }
        ct.bare = CType.unqualified(ct.spelling)
        ct.canonicalBare = isCanonical ? ct.bare : CType.unqualified(ct.canonical)
        tu.types[Int(id)] = ct
        return id
    }

    /// The pointee with its typedef name kept (`node_t *` -> `node_t`), where libclang gives it.
    private func pointeeSugared(_ t: CXType) -> CXType? {
        var t = t
        while t.kind == CXType_Elaborated || t.kind == CXType_Attributed {
            t = t.kind == CXType_Elaborated ? clang_Type_getNamedType(t) : clang_Type_getModifiedType(t)
        }
        guard t.kind == CXType_Pointer else { return nil }
        let p = clang_getPointeeType(t)
        return p.kind == CXType_Invalid ? nil : p
    }

    // MARK: declarations

    private func record(_ c: CXCursor) -> Int32 {
        let canon = clang_getCanonicalCursor(c)
        guard let key = UnsafeRawPointer(canon.data.0) else { return -1 }
        // Prefer the definition, which holds the fields.
        let def = clang_getCursorDefinition(c)
        if let id = declRecords[pointerKey(key)] {
            if tu.records[Int(id)].fields.isEmpty, clang_Cursor_isNull(def) == 0 { fillFields(id, def) }
            return id
        }
        let id = Int32(tu.records.count)
        declRecords[pointerKey(key)] = id
        let isUnion = clang_getCursorKind(canon) == CXCursor_UnionDecl
        var name = consume(clang_getCursorSpelling(c))
        let loc = location(clang_Cursor_isNull(def) == 0 ? def : c)
        if clang_Cursor_isAnonymous(c) != 0 || name.contains("(unnamed") || name.contains("(anonymous") {
            let file = loc.file >= 0 ? tu.files[Int(loc.file)] : "?"
            name = "(anonymous \(isUnion ? "union" : "struct") at \(file):\(loc.line))"
        }
        let user = loc.file >= 0 && !tu.fileIsSystem[Int(loc.file)]
        tu.records.append(Record(name: name, isUnion: isUnion, loc: loc, fields: [], isUserDefined: user))
        if clang_Cursor_isNull(def) == 0 { fillFields(id, def) }
        return id
    }

    private var fillingRecord: Int32 = -1
    private func fillFields(_ id: Int32, _ def: CXCursor) {
        let saved = fillingRecord
        fillingRecord = id
        withSelf { ptr in
            _ = clang_visitChildren(def, { c, _, data in
                let w = Unmanaged<CursorWalker>.fromOpaque(data!).takeUnretainedValue()
                if clang_getCursorKind(c) == CXCursor_FieldDecl { _ = w.field(c) }
                return CXChildVisit_Continue
            }, ptr)
        }
        fillingRecord = saved
    }

    private func field(_ c: CXCursor) -> Int32 {
        guard let key = UnsafeRawPointer(c.data.0) else { return -1 }
        if let id = declFields[pointerKey(key)] { return id }
        let rec = fillingRecord >= 0 ? fillingRecord : record(clang_getCursorSemanticParent(c))
        if let id = declFields[pointerKey(key)] { return id }   // filled while materializing the record
        let id = Int32(tu.fields.count)
        declFields[pointerKey(key)] = id
        tu.fields.append(Field(name: consume(clang_getCursorSpelling(c)), type: -1, record: rec, loc: location(c)))
        tu.fields[Int(id)].type = typeID(clang_getCursorType(c))
        if rec >= 0 { tu.records[Int(rec)].fields.append(id) }
        return id
    }

    private func variable(_ c: CXCursor) -> Int32 {
        guard let key = UnsafeRawPointer(c.data.0) else { return -1 }
        if let id = declVars[pointerKey(key)] { return id }
        let kind = clang_getCursorKind(c)
        let parentKind = clang_getCursorKind(clang_getCursorSemanticParent(c))
        let storage: StorageClass
        if kind == CXCursor_ParmDecl { storage = .parameter }
        else if parentKind == CXCursor_TranslationUnit { storage = .global }
        else if clang_Cursor_getStorageClass(c) == CX_SC_Static || clang_Cursor_getStorageClass(c) == CX_SC_Extern { storage = .staticLocal }
        else { storage = .automatic }
        let id = Int32(tu.variables.count)
        declVars[pointerKey(key)] = id
        tu.variables.append(Variable(name: consume(clang_getCursorSpelling(c)), type: -1, loc: location(c),
                                     storage: storage, function: storage == .global ? -1 : currentFunction, paramIndex: -1))
        let type = clang_getCursorType(c)
        tu.variables[Int(id)].type = storage == .parameter ? parameterType(type) : typeID(type)
        if storage == .automatic, clang_Cursor_hasAttrs(c) != 0 { tu.variables[Int(id)].hasCleanup = hasCleanupAttribute(c) }
        return id
    }

    /// A parameter's type as C adjusts it: one declared as an array (`uint8_t hash[20]`,
    /// `int m[][4]`) is a pointer to its element, which the function reads and writes through.
    private func parameterType(_ t: CXType) -> Int32 {
        let id = typeID(t)
        guard id >= 0, tu.types[Int(id)].shape == .array else { return id }
        if let d = decayedTypes[id] { return d }
        let canon = clang_getCanonicalType(t)
        let element = tu.types[Int(id)].pointee
        let e = element >= 0 ? tu.types[Int(element)] : CType(spelling: "void", shape: .void)
        func pointer(to s: String) -> String { s.hasSuffix("*") ? s + "*" : s + " *" }
        var ct = CType(spelling: pointer(to: e.spelling), shape: .pointer, pointee: element,
                       pointeeConst: clang_isConstQualifiedType(clang_getArrayElementType(canon)) != 0, canonical: pointer(to: e.canonical))
        ct.bare = CType.unqualified(ct.spelling)
        ct.canonicalBare = CType.unqualified(ct.canonical)
        ct.count = tu.types[Int(id)].count   // as declared: `int v[4]` passes a pointer, not 4 ints
        let d = Int32(tu.types.count)
        tu.types.append(ct)
        decayedTypes[id] = d
        return d
    }

    /// `__attribute__((cleanup(f)))` among the declaration's attributes.
    private func hasCleanupAttribute(_ c: CXCursor) -> Bool {
        collectAttributeTokens(c)
        return attributeTokens.contains { $0.first.map(Self.attributeName) == "cleanup" }
    }

    private func function(_ c: CXCursor) -> Int32 {
        if let key = UnsafeRawPointer(c.data.0), let id = declFunctions[pointerKey(key)] { return id }
        let name = consume(clang_getCursorSpelling(c))
        if let id = functionByName[name] {
            if let key = UnsafeRawPointer(c.data.0) { declFunctions[pointerKey(key)] = id }
            return id
        }
        let id = Int32(tu.functions.count)
        functionByName[name] = id
        if let key = UnsafeRawPointer(c.data.0) { declFunctions[pointerKey(key)] = id }
        let t = clang_getCursorType(c)
        let n = max(clang_Cursor_getNumArguments(c), 0)
        var paramTypes: [Int32] = []
        for i in 0..<n { paramTypes.append(typeID(clang_getCursorType(clang_Cursor_getArgument(c, UInt32(i))))) }
        let loc = location(c)
        let isSystem = clang_Location_isInSystemHeader(clang_getCursorLocation(c)) != 0
        var attrs = attributes(c)
        // GNU `__attribute__((noreturn))` is no attribute cursor: clang puts it on the function's
        // type (glibc's `__assert_fail`, which `assert` calls; `exit`, `abort`), where only the
        // type's spelling shows it.
        if !attrs.noreturn, clang_getResultType(t).kind == CXType_Void,
           consume(clang_getTypeSpelling(t)).hasSuffix("__attribute__((noreturn))") { attrs.noreturn = true }
        tu.functions.append(Function(
            name: name, loc: loc, returnType: typeID(clang_getResultType(t)), params: [], paramTypes: paramTypes,
            isVariadic: clang_isFunctionTypeVariadic(t) != 0,
            isStatic: clang_getCursorLinkage(c) == CXLinkage_Internal,
            bodyStart: 0, bodyEnd: 0, isSystem: isSystem, attributes: attrs))
        return id
    }

    /// The share a definition goes to: the one with the least source so far (the first of them
    /// on a tie). Every share sees the same definitions in the same order, so all deal alike.
    private func dealt(_ c: CXCursor) -> Int {
        let extent = clang_getCursorExtent(c)
        var fa: CXFile?, fb: CXFile?
        var a: UInt32 = 0, b: UInt32 = 0
        clang_getFileLocation(clang_getRangeStart(extent), &fa, nil, nil, &a)
        clang_getFileLocation(clang_getRangeEnd(extent), &fb, nil, nil, &b)
        let size = fa != nil && fb != nil && clang_File_isEqual(fa, fb) != 0 && b > a ? Int(b - a) : 1
        var k = 0
        for i in 1..<shareLoad.count where shareLoad[i] < shareLoad[k] { k = i }
        shareLoad[k] += size
        return k
    }

    /// What the definition says beyond the first declaration: where it is, its attributes.
    private func describeDefinition(_ id: Int32, _ c: CXCursor) {
        tu.functions[Int(id)].loc = location(c)
        tu.functions[Int(id)].isDefined = true
        tu.functions[Int(id)].isStatic = clang_getCursorLinkage(c) == CXLinkage_Internal
        let own = attributes(c)
        if !own.isEmpty || own.noreturn { tu.functions[Int(id)].attributes = own }
    }

    private func defineFunction(_ id: Int32, _ c: CXCursor) {
        let saved = currentFunction
        currentFunction = id
        defer { currentFunction = saved }
        var params: [Int32] = []
        let n = max(clang_Cursor_getNumArguments(c), 0)
        for i in 0..<n {
            let p = clang_Cursor_getArgument(c, UInt32(i))
            let v = variable(p)
            tu.variables[Int(v)].paramIndex = Int32(i)
            tu.variables[Int(v)].function = id
            params.append(v)
        }
        tu.functions[Int(id)].params = params
        let start = Int32(tu.nodes.count)
        withSelf { ptr in
            _ = clang_visitChildren(c, { ch, _, data in
                let w = Unmanaged<CursorWalker>.fromOpaque(data!).takeUnretainedValue()
                if clang_getCursorKind(ch) == CXCursor_CompoundStmt {
                    w.statement(ch)
                    w.tu.functions[Int(w.currentFunction)].bodyEndLoc = w.endLocation(ch)
                }
                return CXChildVisit_Continue
            }, ptr)
        }
        tu.functions[Int(id)].bodyStart = start
        tu.functions[Int(id)].bodyEnd = Int32(tu.nodes.count)
    }

    // MARK: attributes

    private var attributeTokens: [[String]] = []

    /// The words of each attribute of a declaration, into `attributeTokens`.
    private func collectAttributeTokens(_ c: CXCursor) {
        attributeTokens.removeAll(keepingCapacity: true)
        withSelf { ptr in
            _ = clang_visitChildren(c, { ch, _, data in
                let k = clang_getCursorKind(ch).rawValue
                if k >= CXCursor_FirstAttr.rawValue && k <= CXCursor_LastAttr.rawValue {
                    let w = Unmanaged<CursorWalker>.fromOpaque(data!).takeUnretainedValue()
                    w.attributeTokens.append(w.tokens(ch))
                }
                return CXChildVisit_Continue
            }, ptr)
        }
    }

    /// `__noreturn__` and `noreturn` are one attribute.
    private static func attributeName(_ word: String) -> String {
        word.trimmingCharacters(in: CharacterSet(charactersIn: "_"))
    }

    private func attributes(_ c: CXCursor) -> OwnershipAttributes {
        guard clang_Cursor_hasAttrs(c) != 0 else { return OwnershipAttributes() }
        collectAttributeTokens(c)
        var attrs = OwnershipAttributes()
        for toks in attributeTokens {
            guard let name = toks.first else { continue }
            let indexes = toks.dropFirst().compactMap { Int32($0) }.map { $0 - 1 }
            switch Self.attributeName(name) {
            case "malloc", "ownership_returns": attrs.returnsOwned = true
            case "ownership_takes": attrs.takes += indexes
            case "ownership_holds": attrs.holds += indexes
            case "nonnull":
                if indexes.isEmpty { attrs.nonnullAll = true } else { attrs.nonnull += indexes }
            case "noreturn", "Noreturn": attrs.noreturn = true
            default: break
            }
        }
        return attrs
    }

    /// The attribute's source text, split into words (`ownership_takes(malloc, 1)` ->
    /// ["ownership_takes", "malloc", "1"]), read from the file buffer clang already holds.
    private func tokens(_ c: CXCursor) -> [String] {
        let extent = clang_getCursorExtent(c)
        var fa: CXFile?, fb: CXFile?
        var a: UInt32 = 0, b: UInt32 = 0
        clang_getSpellingLocation(clang_getRangeStart(extent), &fa, nil, nil, &a)
        clang_getSpellingLocation(clang_getRangeEnd(extent), &fb, nil, nil, &b)
        guard let fa, let fb, clang_File_isEqual(fa, fb) != 0, b > a, b - a < 200 else { return [] }
        var size = 0
        guard let buf = clang_getFileContents(unit, fa, &size), Int(b) <= size else { return [] }
        let bytes = UnsafeRawBufferPointer(start: UnsafeRawPointer(buf).advanced(by: Int(a)), count: Int(b - a))
        let text = String(decoding: bytes, as: UTF8.self)
        return text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }).map(String.init)
    }

    // MARK: statements and expressions

    /// Walks a statement tree with one recursive libclang visit (no visitor per node):
    /// a stack of open nodes is closed as the visit moves on to a different parent.
    private var open: [(cursor: CXCursor, node: Int, skipFirst: Bool)] = []
    private var openBase = 0

    private func statement(_ root: CXCursor) {
        guard let idx = makeNode(root, clang_getCursorKind(root)) else { return }
        let base = open.count
        let savedBase = openBase
        openBase = base
        defer { openBase = savedBase }
        noteBegin(idx, root)
        open.append((root, idx, false))
        withSelf { ptr in
            _ = clang_visitChildren(root, { ch, parent, data in
                // Borrowed, not retained: the walker outlives the visit.
                Unmanaged<CursorWalker>.fromOpaque(data!)._withUnsafeGuaranteedRef { $0.statementChild(ch, parent) }
            }, ptr)
        }
        while open.count > base { close(open.removeLast().node) }
        settleUnresolved()
    }

    @inline(__always)
    private func statementChild(_ ch: CXCursor, _ parent: CXCursor) -> CXChildVisitResult {
        // The root stays open: libclang may hand its children a parent cursor that is not
        // bit-equal to the one the function's visit gave us.
        var top = open.count - 1
        while top > openBase, !sameCursor(open[top].cursor, parent) {
            close(open.removeLast().node)
            top -= 1
        }
        let kind = clang_getCursorKind(ch)
        if kind == CXCursor_LabelRef, tu.nodes[open[top].node].kind == .gotoStmt {
            tu.nodes[open[top].node].value = labelID(consume(clang_getCursorSpelling(ch)))
            return CXChildVisit_Continue
        }
        if open[top].skipFirst {
            // The callee expression of a direct call: the call node already names it. It is
            // where the call begins.
            open[top].skipFirst = false
            if !unresolved.isEmpty { resolve(begin: location(ch)) }
            return CXChildVisit_Continue
        }
        guard let i = makeNode(ch, kind) else { return CXChildVisit_Continue }
        noteBegin(i, ch)
        let nodeKind = tu.nodes[i].kind
        open.append((ch, i, nodeKind == .call && tu.nodes[i].ref >= 0))
        // Operands of sizeof/alignof are never evaluated: not walked.
        return nodeKind == .sizeofExpr ? CXChildVisit_Continue : CXChildVisit_Recurse
    }

    // MARK: where expressions begin, in linear time
    //
    // libclang's location of a binary operator, a call, a subscript, a conditional or a postfix
    // operator is where its first operand begins, which clang finds by descending the operands:
    // asked of every node of `x+x+...+x`, that is quadratic (40,000 terms took 20 times clang's
    // parse). The walk creates nodes in pre-order, so a node whose beginning is its first
    // operand's is followed at once by that operand: such nodes wait in `unresolved` (each the
    // first child of the one before) until a node that knows where it begins arrives.

    private enum Begin { case known, deferred(setsLocation: Bool) }
    private var beginMode: Begin = .known
    private var unresolved: [(node: Int, cursor: CXCursor, setsLocation: Bool)] = []

    /// After `makeNode`: a node that knows where it begins settles the waiting chain.
    private func noteBegin(_ i: Int, _ c: CXCursor) {
        switch beginMode {
        case .deferred(let setsLocation):
            unresolved.append((i, c, setsLocation))
        case .known:
            guard !unresolved.isEmpty else { return }
            let loc = tu.nodes[i].loc
            resolve(begin: loc.line > 0 ? loc : location(c))
        }
    }

    private func resolve(begin: SourceLoc) {
        for u in unresolved where u.setsLocation { tu.nodes[u.node].loc = begin }
        unresolved.removeAll(keepingCapacity: true)
    }

    /// A waiting node that closes with no operand node (not expected): clang is asked directly.
    private func settleUnresolved() {
        for u in unresolved where u.setsLocation { tu.nodes[u.node].loc = location(u.cursor) }
        unresolved.removeAll(keepingCapacity: true)
    }

    private func close(_ idx: Int) {
        if let last = unresolved.last, last.node == idx { settleUnresolved() }
        tu.nodes[idx].end = Int32(tu.nodes.count)
        if tu.nodes[idx].kind == .member, idx + 1 < tu.nodes.count {
            let base = tu.nodes[idx + 1].type
            if base >= 0, tu.types[Int(base)].shape == .pointer { tu.nodes[idx].flags.insert(.arrow) }
        }
    }

    /// Appends the node for one cursor (not its children); nil for cursors that are not
    /// statements or expressions (type references, attributes).
    private func makeNode(_ c: CXCursor, _ kind: CXCursorKind) -> Int? {
        let raw = kind.rawValue
        if (raw >= 40 && raw < 100) || raw >= 400 { return nil }
        let idx = tu.nodes.count
        var node = Node(kind: .otherExpr)
        var isExpr = true
        var needsLocation = true
        beginMode = .known
        switch kind {
        case CXCursor_CompoundStmt: node.kind = .compound; isExpr = false
        case CXCursor_DeclStmt: node.kind = .declStmt; isExpr = false
        case CXCursor_IfStmt: node.kind = .ifStmt; isExpr = false
        case CXCursor_WhileStmt: node.kind = .whileStmt; isExpr = false
        case CXCursor_DoStmt: node.kind = .doStmt; isExpr = false
        case CXCursor_ForStmt: node.kind = .forStmt; isExpr = false
        case CXCursor_SwitchStmt: node.kind = .switchStmt; isExpr = false
        case CXCursor_CaseStmt: node.kind = .caseStmt; isExpr = false
        case CXCursor_DefaultStmt: node.kind = .defaultStmt; isExpr = false
        case CXCursor_ReturnStmt: node.kind = .returnStmt; isExpr = false
        case CXCursor_BreakStmt: node.kind = .breakStmt; isExpr = false
        case CXCursor_ContinueStmt: node.kind = .continueStmt; isExpr = false
        case CXCursor_GotoStmt, CXCursor_IndirectGotoStmt: node.kind = .gotoStmt; isExpr = false
        case CXCursor_LabelStmt: node.kind = .labelStmt; isExpr = false; node.value = labelID(consume(clang_getCursorSpelling(c)))
        case CXCursor_NullStmt: node.kind = .nullStmt; isExpr = false
        case CXCursor_VarDecl:
            node.kind = .varDecl; isExpr = false
            node.ref = variable(c)
            node.type = tu.variables[Int(node.ref)].type
        case CXCursor_DeclRefExpr:
            let d = clang_getCursorReferenced(c)
            switch clang_getCursorKind(d) {
            case CXCursor_VarDecl, CXCursor_ParmDecl:
                node.kind = .varRef; node.ref = variable(d)
                // The declared type, already interned (arrays and functions keep their own type).
                node.type = tu.variables[Int(node.ref)].type; isExpr = false
            case CXCursor_FunctionDecl:
                node.kind = .funcRef; node.ref = function(d)
            case CXCursor_EnumConstantDecl:
                node.kind = .enumConstRef; node.value = clang_getEnumConstantDeclValue(d)
                node.ref = Int32(tu.strings.count)
                tu.strings.append(consume(clang_getCursorSpelling(d)))
            default: node.kind = .otherExpr
            }
        case CXCursor_MemberRefExpr:
            node.kind = .member
            beginMode = .deferred(setsLocation: false)   // located at the member's name
            let d = clang_getCursorReferenced(c)
            if clang_getCursorKind(d) == CXCursor_FieldDecl {
                node.ref = field(d)
                if node.ref >= 0 { node.type = tu.fields[Int(node.ref)].type; isExpr = false }
            }
        case CXCursor_CallExpr:
            node.kind = .call
            beginMode = .deferred(setsLocation: true); needsLocation = false
            let d = clang_getCursorReferenced(c)
            if clang_getCursorKind(d) == CXCursor_FunctionDecl { node.ref = function(d) }
        case CXCursor_UnaryOperator:
            node.kind = .unary
            let op = clang_getCursorUnaryOperatorKind(c).rawValue
            node.op = (op >= 1 && op <= 13) ? UInt8(op) : UnaryOp.other.rawValue
            if op == CXUnaryOperator_PostInc.rawValue || op == CXUnaryOperator_PostDec.rawValue {
                beginMode = .deferred(setsLocation: true); needsLocation = false
            }
        case CXCursor_BinaryOperator, CXCursor_CompoundAssignOperator:
            node.kind = .binary
            let op = clang_getCursorBinaryOperatorKind(c).rawValue
            node.op = (op >= 1 && op <= 33) ? UInt8(op) : BinaryOp.other.rawValue
            beginMode = .deferred(setsLocation: true); needsLocation = false
        case CXCursor_ConditionalOperator:
            node.kind = .conditional
            beginMode = .deferred(setsLocation: true); needsLocation = false
        case CXCursor_ArraySubscriptExpr:
            node.kind = .subscript_
            beginMode = .deferred(setsLocation: true); needsLocation = false
        case CXCursor_CStyleCastExpr: node.kind = .cast
        case CXCursor_ParenExpr: node.kind = .implicit; needsLocation = false
        case CXCursor_UnexposedExpr:
            // An implicit conversion (or a constant) begins where its operand does.
            node.kind = .implicit; needsLocation = false
            beginMode = .deferred(setsLocation: false)
        case CXCursor_IntegerLiteral:
            node.kind = .intLiteral; isExpr = false
            node.value = integerValue(c)
        case CXCursor_StringLiteral:
            // The literal as written (quotes, escapes, prefixes), for the translator.
            node.kind = .stringLiteral; isExpr = false
            node.ref = Int32(tu.strings.count)
            tu.strings.append(consume(clang_getCursorSpelling(c)))
        case CXCursor_CharacterLiteral:
            node.kind = .charLiteral; isExpr = false
            node.value = integerValue(c)
        case CXCursor_FloatingLiteral:
            node.kind = .floatLiteral; isExpr = false
            node.value = floatBits(c)
        case CXCursor_UnaryExpr: node.kind = .sizeofExpr
        case CXCursor_InitListExpr: node.kind = .initList
        case CXCursor_StmtExpr: node.kind = .stmtExpr
        case CXCursor_GNUNullExpr: node.kind = .intLiteral
        default:
            if raw >= 200 { node.kind = .otherStmt; isExpr = false }
        }
        if needsLocation { node.loc = location(c) }
        if isExpr { node.type = typeID(clang_getCursorType(c)) }
        tu.nodes.append(node)
        return idx
    }

    /// A floating literal's value, as the bits of a Double.
    private func floatBits(_ c: CXCursor) -> Int64 {
        guard let r = clang_Cursor_Evaluate(c) else { return 0 }
        defer { clang_EvalResult_dispose(r) }
        guard clang_EvalResult_getKind(r) == CXEval_Float else { return 0 }
        return Int64(bitPattern: clang_EvalResult_getAsDouble(r).bitPattern)
    }

    private func integerValue(_ c: CXCursor) -> Int64 {
        guard let r = clang_Cursor_Evaluate(c) else { return 0 }
        defer { clang_EvalResult_dispose(r) }
        guard clang_EvalResult_getKind(r) == CXEval_Int else { return 0 }
        return clang_EvalResult_getAsLongLong(r)
    }
}

/// `clang_equalCursors` without the call: the same fields compared, a declaration's
/// "first in its group" word left out.
@inline(__always)
func sameCursor(_ a: CXCursor, _ b: CXCursor) -> Bool {
    guard a.kind == b.kind, a.xdata == b.xdata, a.data.0 == b.data.0, a.data.2 == b.data.2 else { return false }
    let k = a.kind.rawValue
    let declaration = (k >= CXCursor_FirstDecl.rawValue && k <= CXCursor_LastDecl.rawValue)
        || (k >= CXCursor_FirstExtraDecl.rawValue && k <= CXCursor_LastExtraDecl.rawValue)
    return declaration || a.data.1 == b.data.1
}

/// A libclang pointer as an `IntKeyMap` key.
@inline(__always)
func pointerKey(_ p: UnsafeRawPointer) -> UInt64 { UInt64(UInt(bitPattern: p)) }
