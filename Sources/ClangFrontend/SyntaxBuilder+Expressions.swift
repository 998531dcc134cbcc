import CClang
import CSyntax
import Foundation

extension SyntaxBuilder {
    func expression(_ c: CXCursor) -> CExpr {
        let kind = clang_getCursorKind(c)
        let t = type(clang_getCursorType(c))
        let at = loc(c)
        func make(_ k: CExprKind) -> CExpr { CExpr(k, t, at) }
        if let macro = intrinsicMacro(c) { return make(.intrinsic(macro.name, macro.arguments.map(expression))) }
        switch kind {
        case CXCursor_IntegerLiteral, CXCursor_CharacterLiteral:
            return make(.intLiteral(evaluate(c) ?? 0))
        case CXCursor_FloatingLiteral:
            return make(.floatLiteral(evaluateFloat(c) ?? 0))
        case CXCursor_StringLiteral:
            if case .array(.int(let k), _) = t, k.size > 1 {
                return make(.unsupported("a wide string literal (L\"...\", u\"...\", U\"...\")"))
            }
            return make(.stringLiteral(stringBytes(consume(clang_getCursorSpelling(c)))))
        case CXCursor_ParenExpr:
            guard let inner = expressionChildren(c).first else { return make(.unsupported("an empty parenthesis")) }
            return expression(inner)
        case CXCursor_DeclRefExpr:
            let d = clang_getCursorReferenced(c)
            switch clang_getCursorKind(d) {
            case CXCursor_VarDecl, CXCursor_ParmDecl:
                let id = variable(d)
                // A parameter's type as adjusted (`char *argv[]` is `char **`).
                let adjusted = clang_getCursorKind(d) == CXCursor_ParmDecl || program.variables[id].vlaSize != nil
                return CExpr(.variable(id), adjusted ? program.variables[id].type : t, at)
            case CXCursor_FunctionDecl: return make(.function(function(d)))
            case CXCursor_EnumConstantDecl:
                return make(.intLiteral(evaluate(c) ?? UInt64(bitPattern: clang_getEnumConstantDeclValue(d))))
            default: return make(.unsupported("a reference to \(consume(clang_getCursorSpelling(c)))"))
            }
        case CXCursor_MemberRefExpr:
            let d = clang_getCursorReferenced(c)
            guard clang_getCursorKind(d) == CXCursor_FieldDecl, let baseCursor = expressionChildren(c).first else {
                return make(.unsupported("a member access"))
            }
            let base = expression(baseCursor)
            let rec = record(clang_getCursorSemanticParent(d))
            var name = consume(clang_getCursorSpelling(d))
            if name.contains("(anonymous") || name.contains("(unnamed") { name = "" }   // an anonymous member, exposed
            let offset = Int(clang_Cursor_getOffsetOfField(d))
            let fields = program.records[rec].fields ?? []
            var index = 0
            if let exact = fields.firstIndex(where: { $0.name == name && $0.bitOffset == offset }) { index = exact }
            else if let named = fields.firstIndex(where: { $0.name == name }) { index = named }
            // A member of an anonymous struct or union inside the base's record: the path goes
            // through the unnamed members clang does not show.
            var outer = base.type.isPointer ? base.type.pointee : base.type
            var through = base
            var arrow = base.type.isPointer
            while case .record(let r)? = outer, r != rec, let k = anonymousPath(from: r, to: rec) {
                let ft = (program.records[r].fields ?? [])[k].type
                through = CExpr(.member(through, record: r, field: k, arrow: arrow), ft, at)
                arrow = false
                outer = ft
            }
            return make(.member(through, record: rec, field: index, arrow: arrow))
        case CXCursor_CallExpr:
            let parts = expressionChildren(c)
            guard let callee = parts.first else { return make(.unsupported("a call")) }
            return make(.call(expression(callee), parts.dropFirst().map(expression)))
        case CXCursor_UnaryOperator:
            guard let operandCursor = expressionChildren(c).first else { return make(.unsupported("a unary operator")) }
            let operand = expression(operandCursor)
            let op: CUnaryOp
            switch clang_getCursorUnaryOperatorKind(c) {
            case CXUnaryOperator_PostInc: op = .postInc
            case CXUnaryOperator_PostDec: op = .postDec
            case CXUnaryOperator_PreInc: op = .preInc
            case CXUnaryOperator_PreDec: op = .preDec
            case CXUnaryOperator_AddrOf: op = .addressOf
            case CXUnaryOperator_Deref: op = .deref
            case CXUnaryOperator_Plus: op = .plus
            case CXUnaryOperator_Minus: op = .minus
            case CXUnaryOperator_Not: op = .bitNot
            case CXUnaryOperator_LNot: op = .logicalNot
            case CXUnaryOperator_Extension: return operand
            default: return make(.unsupported("the operator __real/__imag"))
            }
            return folded(c, make(.unary(op, operand)))
        case CXCursor_BinaryOperator, CXCursor_CompoundAssignOperator:
            let parts = expressionChildren(c)
            guard parts.count == 2 else { return make(.unsupported("a binary operator")) }
            let l = expression(parts[0]), r = expression(parts[1])
            let raw = clang_getCursorBinaryOperatorKind(c)
            if raw == CXBinaryOperator_Assign { return make(.assign(l, r)) }
            let table: [CXBinaryOperatorKind: (CBinaryOp, Bool)] = [
                CXBinaryOperator_Mul: (.mul, false), CXBinaryOperator_Div: (.div, false), CXBinaryOperator_Rem: (.rem, false),
                CXBinaryOperator_Add: (.add, false), CXBinaryOperator_Sub: (.sub, false), CXBinaryOperator_Shl: (.shl, false),
                CXBinaryOperator_Shr: (.shr, false), CXBinaryOperator_LT: (.lt, false), CXBinaryOperator_GT: (.gt, false),
                CXBinaryOperator_LE: (.le, false), CXBinaryOperator_GE: (.ge, false), CXBinaryOperator_EQ: (.eq, false),
                CXBinaryOperator_NE: (.ne, false), CXBinaryOperator_And: (.and, false), CXBinaryOperator_Xor: (.xor, false),
                CXBinaryOperator_Or: (.or, false), CXBinaryOperator_LAnd: (.land, false), CXBinaryOperator_LOr: (.lor, false),
                CXBinaryOperator_Comma: (.comma, false),
                CXBinaryOperator_MulAssign: (.mul, true), CXBinaryOperator_DivAssign: (.div, true), CXBinaryOperator_RemAssign: (.rem, true),
                CXBinaryOperator_AddAssign: (.add, true), CXBinaryOperator_SubAssign: (.sub, true), CXBinaryOperator_ShlAssign: (.shl, true),
                CXBinaryOperator_ShrAssign: (.shr, true), CXBinaryOperator_AndAssign: (.and, true), CXBinaryOperator_XorAssign: (.xor, true),
                CXBinaryOperator_OrAssign: (.or, true),
            ]
            guard let (op, compound) = table[raw] else { return make(.unsupported("a pointer-to-member operator")) }
            if compound { return make(.compoundAssign(op, l, r)) }
            // `p + 10` on a parameter written `char p[27]`: libclang gives the written array
            // type; the value is the pointer.
            if t.element != nil, op == .add || op == .sub, let pointer = [l, r].first(where: { $0.type.isPointer }) {
                return CExpr(.binary(op, l, r), pointer.type, at)
            }
            return folded(c, make(.binary(op, l, r)))
        case CXCursor_ConditionalOperator:
            let parts = expressionChildren(c)
            guard parts.count == 3 else { return make(.unsupported("a conditional operator")) }
            return folded(c, make(.conditional(expression(parts[0]), expression(parts[1]), expression(parts[2]))))
        case CXCursor_ArraySubscriptExpr:
            let parts = expressionChildren(c)
            guard parts.count == 2 else { return make(.unsupported("a subscript")) }
            if let row = matrixRow(parts[0], parts[1], at) { return row }
            let a = expression(parts[0]), b = expression(parts[1])
            // `i[a]` is `a[i]`: the base is the pointer (or array) operand.
            if a.type.isInteger && (b.type.isPointer || b.type.element != nil) { return make(.subscript(b, a)) }
            return make(.subscript(a, b))
        case CXCursor_CStyleCastExpr:
            guard let inner = expressionChildren(c).last else { return make(.unsupported("a cast")) }
            let operand = expression(inner)
            if case .unsupported = t, let rows = flattenedRows(operand, clang_getCursorType(c)) { return rows }
            return folded(c, make(.cast(operand, explicit: true)))
        case CXCursor_UnaryExpr:
            // sizeof, _Alignof: constants (a variable-length array's sizeof is not).
            if let v = evaluate(c) { return make(.intLiteral(v)) }
            // `sizeof vla`: the size the array got where it was declared.
            if let operand = expressionChildren(c).first {
                let e = expression(operand)
                if case .variable(let id) = e.kind, program.variables[id].vlaSize != nil {
                    var reference = operand   // `sizeof(vla)`: the name inside the parentheses
                    while clang_getCursorKind(reference) == CXCursor_ParenExpr, let inner = expressionChildren(reference).first { reference = inner }
                    var element = clang_getArrayElementType(clang_getCanonicalType(clang_getCursorType(clang_getCursorReferenced(reference))))
                    while clang_getCanonicalType(element).kind == CXType_VariableArray { element = clang_getArrayElementType(clang_getCanonicalType(element)) }
                    let size = clang_Type_getSizeOf(element)
                    if size > 0 { return make(.vlaSizeof(variable: id, elementSize: UInt64(size))) }
                }
            }
            return make(.unsupported("sizeof of a variable-length array"))
        case CXCursor_InitListExpr:
            return initializer(c, for: t)
        case CXCursor_CompoundLiteralExpr:
            guard let list = children(c).last(where: { clang_getCursorKind($0) == CXCursor_InitListExpr }) else {
                return make(.unsupported("a compound literal"))
            }
            return make(.compoundLiteral(initializer(list, for: t)))
        case CXCursor_StmtExpr:
            guard let body = children(c).first(where: { clang_getCursorKind($0) == CXCursor_CompoundStmt }) else {
                return make(.unsupported("a statement expression"))
            }
            return make(.statementExpr(statement(body)))
        case CXCursor_GNUNullExpr:
            return make(.intLiteral(0))
        case CXCursor_UnexposedExpr:
            let parts = expressionChildren(c)
            if parts.count == 1, isVaList(clang_getCursorType(parts[0])), !isVaList(clang_getCursorType(c)) {
                // VAArgExpr: libclang does not expose it; its one child is the `va_list`, which
                // nothing else converts implicitly.
                return make(.vaArg(expression(parts[0])))
            }
            if parts.count >= 2, clang_getCursorType(parts[0]).kind == CXType_Pointer || clang_getCanonicalType(clang_getCursorType(parts[0])).kind == CXType_Pointer {
                let name = tokens(c).first?.spelling ?? ""
                if name.hasPrefix("__atomic_") || name.hasPrefix("__c11_atomic_") { return make(.atomic(name, parts.map(expression))) }
            }
            if parts.count == 1 {
                let inner = expression(parts[0])
                if inner.type == t { return inner }
                // Nothing converts to an array or a function: this is a parameter's written type
                // (`char *argv[]`) around its adjusted one.
                if t.element != nil || { if case .function = t { return true }; return false }() { return inner }
                // A variable-length array parameter (`double a[n]`) read: its adjusted pointer.
                if case .unsupported = t, case .variable(let id) = inner.kind, program.variables[id].storage == .parameter { return inner }
                if case .unsupported = t, let rows = flattenedRows(inner, clang_getCursorType(c)) { return rows }
                return folded(c, make(.cast(inner, explicit: false)))
            }
            if t.isInteger, let v = evaluate(c) { return make(.intLiteral(v)) }   // __builtin_offsetof and kin
            if parts.count == 4 {
                // `a ?: b` (BinaryConditionalOperator): the common operand, the condition and
                // the true value (both the common one again), and the false value.
                let common = expression(parts[0])
                return make(.elvis(common.type == t ? common : CExpr(.cast(common, explicit: false), t, common.loc), expression(parts[3])))
            }
            return make(.unsupported(parts.isEmpty ? "this expression (va_arg or a builtin)" : "this expression"))
        case CXCursor_AddrLabelExpr:
            // `&&label`: the label's name, and the function it is in (a static local's
            // initializer is built apart from its function's body).
            guard let ref = children(c).first(where: { clang_getCursorKind($0) == CXCursor_LabelRef }), labelFunction >= 0 else {
                return make(.unsupported("a label's address outside a function"))
            }
            return make(.labelAddress(function: labelFunction, label: consume(clang_getCursorSpelling(ref))))
        case CXCursor_GenericSelectionExpr:
            guard let chosen = genericSelection(c) else { return make(.unsupported("a _Generic selection whose association types oxidize cannot read")) }
            return expression(chosen)
        default:
            if t.isInteger, let v = evaluate(c) { return make(.intLiteral(v)) }
            return make(.unsupported("the expression kind \(consume(clang_getCursorKindSpelling(kind)))"))
        }
    }

    /// The unnamed member of record `r` that holds record `target` (directly or deeper).
    private func anonymousPath(from r: Int, to target: Int) -> Int? {
        for (k, f) in (program.records[r].fields ?? []).enumerated() where f.name.isEmpty {
            if case .record(let inner) = f.type, inner == target || anonymousPath(from: inner, to: target) != nil { return k }
        }
        return nil
    }

    /// An integer expression made only of constants is replaced by its value, as clang computes it.
    /// libclang gives a value in 64 bits: a 128-bit one (`(__int128)1 << 100`) stays computed.
    private func folded(_ c: CXCursor, _ e: CExpr) -> CExpr {
        if case .int(let k) = e.type, k == .int128 || k == .uint128 { return e }
        guard e.type.isInteger, Self.isConstantShaped(e), let v = evaluate(c) else { return e }
        return CExpr(.intLiteral(v), e.type, e.loc)
    }

    static func isConstantShaped(_ e: CExpr) -> Bool {
        switch e.kind {
        case .intLiteral, .floatLiteral: return true
        case .unary(let op, let x): return [.plus, .minus, .bitNot, .logicalNot].contains(op) && isConstantShaped(x)
        case .binary(let op, let a, let b): return op != .comma && isConstantShaped(a) && isConstantShaped(b)
        case .conditional(let a, let b, let c): return isConstantShaped(a) && isConstantShaped(b) && isConstantShaped(c)
        case .cast(let x, _): return x.type.isArithmetic && isConstantShaped(x)
        default: return false
        }
    }

    /// The bytes of a string literal from clang's spelling of it (quotes, escapes, a prefix).
    func stringBytes(_ spelling: String) -> [UInt8] {
        var bytes = Array(spelling.utf8)
        while let f = bytes.first, f != UInt8(ascii: "\"") { bytes.removeFirst() }   // u8, L, u, U prefixes
        guard bytes.count >= 2 else { return [] }
        bytes = Array(bytes[1..<(bytes.count - 1)])
        var out: [UInt8] = []
        var i = 0
        func hex(_ b: UInt8) -> UInt8? {
            switch b {
            case 48...57: return b - 48
            case 97...102: return b - 87
            case 65...70: return b - 55
            default: return nil
            }
        }
        while i < bytes.count {
            let b = bytes[i]
            if b != UInt8(ascii: "\\") { out.append(b); i += 1; continue }
            i += 1
            guard i < bytes.count else { break }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "n"): out.append(10)
            case UInt8(ascii: "t"): out.append(9)
            case UInt8(ascii: "r"): out.append(13)
            case UInt8(ascii: "a"): out.append(7)
            case UInt8(ascii: "b"): out.append(8)
            case UInt8(ascii: "f"): out.append(12)
            case UInt8(ascii: "v"): out.append(11)
            case UInt8(ascii: "e"): out.append(27)
            case UInt8(ascii: "x"):
                var v: UInt32 = 0
                while i < bytes.count, let h = hex(bytes[i]) { v = v &* 16 &+ UInt32(h); i += 1 }
                out.append(UInt8(truncatingIfNeeded: v))
            case 48...55:
                var v = UInt32(e - 48), n = 1
                while n < 3, i < bytes.count, bytes[i] >= 48, bytes[i] <= 55 { v = v * 8 + UInt32(bytes[i] - 48); i += 1; n += 1 }
                out.append(UInt8(truncatingIfNeeded: v))
            case UInt8(ascii: "u"), UInt8(ascii: "U"):
                let n = e == UInt8(ascii: "u") ? 4 : 8
                var v: UInt32 = 0
                for _ in 0..<n where i < bytes.count { v = v * 16 + UInt32(hex(bytes[i]) ?? 0); i += 1 }
                out.append(contentsOf: Array(String(UnicodeScalar(v).map(Character.init) ?? "?").utf8))
            default: out.append(e)
            }
        }
        return out
    }

    // MARK: initializers

    /// An initializer for an object of type `t`: a braced list resolved against the object's
    /// sub-objects (brace elision, designators), or a plain expression.
    func initializer(_ c: CXCursor, for t: CTy) -> CExpr {
        guard clang_getCursorKind(c) == CXCursor_InitListExpr else { return expression(c) }
        let items = rawItems(c)
        if let whole = bracedString(t, items) { return whole }
        var pos = 0
        return fill(t, items, &pos, braced: true, at: loc(c))
    }

    struct RawItem {
        var designators: [RawDesignator]
        var value: CXCursor
        var isList: Bool
    }
    enum RawDesignator { case field(String), index(Int), range(Int, Int) }

    private func rawItems(_ list: CXCursor) -> [RawItem] {
        let items = rawItemList(list)
        if items.contains(where: { !$0.designators.isEmpty }) { program.designatedInitializers.append(loc(list)) }
        return items
    }

    private func rawItemList(_ list: CXCursor) -> [RawItem] {
        expressionChildren(list).map { item in
            let kind = clang_getCursorKind(item)
            if kind == CXCursor_UnexposedExpr {
                // A designated initializer: member references and index expressions, then the value.
                let parts = children(item)
                let designatorParts = parts.dropLast()
                if !designatorParts.isEmpty, designatorParts.allSatisfy({ clang_getCursorKind($0) == CXCursor_MemberRef || clang_isExpression(clang_getCursorKind($0)) != 0 }),
                   let value = parts.last, clang_getCursorType(item).kind != CXType_Invalid,
                   designatorParts.contains(where: { clang_getCursorKind($0) == CXCursor_MemberRef }) || parts.count >= 2 && isDesignatedShape(item) {
                    if designatorParts.count == 2, designatorParts.allSatisfy({ clang_isExpression(clang_getCursorKind($0)) != 0 }), hasEllipsis(item) {
                        let lo = Int(Int64(bitPattern: evaluate(designatorParts[designatorParts.startIndex]) ?? 0))
                        let hi = Int(Int64(bitPattern: evaluate(designatorParts[designatorParts.startIndex + 1]) ?? 0))
                        return RawItem(designators: [.range(lo, hi)], value: value, isList: clang_getCursorKind(value) == CXCursor_InitListExpr)
                    }
                    let ds: [RawDesignator] = designatorParts.compactMap { p in
                        guard clang_getCursorKind(p) == CXCursor_MemberRef else { return .index(Int(Int64(bitPattern: evaluate(p) ?? 0))) }
                        let name = consume(clang_getCursorSpelling(p))
                        // clang spells out the anonymous members on the way; the named member finds them again.
                        if name.isEmpty || name.contains("(anonymous") || name.contains("(unnamed") { return nil }
                        return .field(name)
                    }
                    return RawItem(designators: ds, value: value, isList: clang_getCursorKind(value) == CXCursor_InitListExpr)
                }
            }
            return RawItem(designators: [], value: item, isList: kind == CXCursor_InitListExpr)
        }
    }

    /// `va_list` as an operand: a pointer to (or array of) the target's `__va_list_tag`.
    private func isVaList(_ t: CXType) -> Bool {
        let canonical = clang_getCanonicalType(t)
        var inner = canonical
        if canonical.kind == CXType_Pointer { inner = clang_getPointeeType(canonical) }
        else if canonical.kind == CXType_ConstantArray { inner = clang_getArrayElementType(canonical) }
        else { return false }
        return inner.kind == CXType_Record && consume(clang_getTypeSpelling(inner)).hasSuffix("__va_list_tag")
    }

    /// Whether a designated initializer spells `...` (GNU's `[lo ... hi]`).
    private func hasEllipsis(_ c: CXCursor) -> Bool { tokens(c).contains { $0.spelling == "..." } }

    /// An unexposed expression with several expression children inside an initializer list is a
    /// designated initializer (`[3] = x`); an implicit conversion has one child.
    private func isDesignatedShape(_ c: CXCursor) -> Bool { expressionChildren(c).count >= 2 }

    private func isAggregate(_ t: CTy) -> Bool {
        switch t {
        case .array: return true
        case .record: return true
        default: return false
        }
    }

    /// Whether `item` initialises a sub-object of type `t` whole (rather than its first member,
    /// by brace elision).
    private func initialisesWhole(_ t: CTy, _ item: RawItem) -> Bool {
        if item.isList || !isAggregate(t) { return true }
        let vt = type(clang_getCursorType(item.value))
        if vt == t { return true }
        if case .array(.int(let k), _) = t, k.size == 1, clang_getCursorKind(stripParens(item.value)) == CXCursor_StringLiteral { return true }
        return false
    }

    private func stripParens(_ c: CXCursor) -> CXCursor {
        var c = c
        while clang_getCursorKind(c) == CXCursor_ParenExpr || clang_getCursorKind(c) == CXCursor_UnexposedExpr,
              let inner = expressionChildren(c).first, expressionChildren(c).count == 1 { c = inner }
        return c
    }

    /// `char s[] = { "text" }`: a string in braces initialises the char array whole.
    private func bracedString(_ t: CTy, _ items: [RawItem]) -> CExpr? {
        guard case .array(.int(let k), _) = t, k.size == 1, items.count == 1, items[0].designators.isEmpty, !items[0].isList,
              clang_getCursorKind(stripParens(items[0].value)) == CXCursor_StringLiteral else { return nil }
        return expression(items[0].value)
    }

    private func value(_ t: CTy, _ item: RawItem) -> CExpr {
        if item.isList {
            let items = rawItems(item.value)
            if let whole = bracedString(t, items) { return whole }
            var pos = 0
            if !isAggregate(t) {   // `int x = {5};`, `{{5}}`
                return items.isEmpty ? CExpr(.intLiteral(0), t, loc(item.value)) : value(t, items[0])
            }
            return fill(t, items, &pos, braced: true, at: loc(item.value))
        }
        return expression(item.value)
    }

    /// Consumes items for one object of type `t`. `braced`: the items are the object's own list
    /// (designators apply); otherwise the object's braces were elided and it takes what it needs.
    private func fill(_ t: CTy, _ items: [RawItem], _ pos: inout Int, braced: Bool, at: CLoc, designatedFirst: Bool = false) -> CExpr {
        var entries: [(CDesignator, CExpr)] = []
        // A designation that goes into a sub-object (`.in.a = 1, 2`) lets its first item name
        // a member here; the items after it go on from there (C11 6.7.9p17).
        var designatorAllowed = braced || designatedFirst
        switch t {
        case .record(let r):
            let fields = program.records[r].fields ?? []
            let isUnion = program.records[r].isUnion
            var next = 0
            while pos < items.count {
                var item = items[pos]
                defer { designatorAllowed = braced }
                if !item.designators.isEmpty {
                    guard designatorAllowed, case .field(let name) = item.designators[0] else { break }
                    if let k = fields.firstIndex(where: { $0.name == name }) {
                        next = k
                        item.designators.removeFirst()
                    } else if let k = fields.indices.first(where: { fields[$0].name.isEmpty && contains(fields[$0].type, member: name) }) {
                        next = k   // a member of an anonymous struct or union: the designator applies inside it
                    } else { break }
                    if !item.designators.isEmpty {
                        // `.a.b = x`: the rest of the designation applies to member a.
                        var rest = items
                        rest[pos] = item
                        let value = fill(fields[next].type, rest, &pos, braced: false, at: at, designatedFirst: true)
                        let previous = entries.first { if case .field(next) = $0.0 { return true }; return false }?.1
                        entries.removeAll { if case .field(next) = $0.0 { return true }; return false }
                        entries.append((.field(next), merged(previous, value)))
                        next += 1
                        if isUnion { break }
                        continue
                    }
                } else {
                    while next < fields.count, fields[next].name.isEmpty, fields[next].bitWidth != nil { next += 1 }
                }
                guard next < fields.count else { break }
                if isUnion && !entries.isEmpty && item.designators.isEmpty && items[pos].designators.isEmpty { break }
                let ft = fields[next].type
                let v: CExpr
                if initialisesWhole(ft, item) { v = value(ft, item); pos += 1 }
                else { v = fill(ft, items, &pos, braced: false, at: at) }
                entries.removeAll { if case .field(next) = $0.0 { return true }; return false }
                entries.append((.field(next), v))
                next += 1
                if isUnion && !braced { break }
            }
        case .array(let element, let count):
            var next = 0
            while pos < items.count {
                var item = items[pos]
                defer { designatorAllowed = braced }
                if !item.designators.isEmpty {
                    guard designatorAllowed else { break }
                    if case .range(let lo, let hi) = item.designators[0], item.designators.count == 1, hi >= lo {
                        // GNU `[lo ... hi] = v`: every element of the range (v is evaluated once in
                        // C: a value with effects is refused rather than repeated).
                        var v = value(element, item)
                        if !item.isList, !Self.isConstantShaped(v) {
                            v = CExpr(.unsupported("a range designator whose value is not constant"), element, v.loc)
                        }
                        for k in lo...hi {
                            entries.removeAll { if case .index(k) = $0.0 { return true }; return false }
                            entries.append((.index(k), v))
                        }
                        pos += 1; next = hi + 1
                        continue
                    }
                    guard case .index(let k) = item.designators[0] else { break }
                    next = k
                    item.designators.removeFirst()
                    if !item.designators.isEmpty {
                        var rest = items
                        rest[pos] = item
                        let value = fill(element, rest, &pos, braced: false, at: at, designatedFirst: true)
                        let previous = entries.first { if case .index(next) = $0.0 { return true }; return false }?.1
                        entries.removeAll { if case .index(next) = $0.0 { return true }; return false }
                        entries.append((.index(next), merged(previous, value)))
                        next += 1
                        continue
                    }
                }
                if let count, next >= count { break }
                let v: CExpr
                if initialisesWhole(element, item) { v = value(element, item); pos += 1 }
                else { v = fill(element, items, &pos, braced: false, at: at) }
                entries.removeAll { if case .index(next) = $0.0 { return true }; return false }
                entries.append((.index(next), v))
                next += 1
            }
        default:
            if pos < items.count { let v = value(t, items[pos]); pos += 1; return v }
            return CExpr(.intLiteral(0), t, at)
        }
        return CExpr(.initList(entries), t, at)
    }

    private func contains(_ t: CTy, member name: String) -> Bool {
        guard case .record(let r) = t else { return false }
        return (program.records[r].fields ?? []).contains { $0.name == name || $0.name.isEmpty && contains($0.type, member: name) }
    }

    /// Two designations into the same aggregate member (`.a.x = 1, .a.y = 2`): both apply.
    private func merged(_ old: CExpr?, _ new: CExpr) -> CExpr {
        guard let old, case .initList(let a) = old.kind, case .initList(let b) = new.kind else { return new }
        var entries = a.filter { e in !b.contains { $0.0 == e.0 } }
        for e in b {
            if let prior = a.first(where: { $0.0 == e.0 }) { entries.append((e.0, merged(prior.1, e.1))) } else { entries.append(e) }
        }
        return CExpr(.initList(entries), new.type, new.loc)
    }

}

extension SyntaxBuilder {
    /// Rows converted to variable-length ones of the same elements (`f(m)` or `(double
    /// (*)[k])m` for a parameter `double a[n][k]`): a pointer to their first element, as such a
    /// parameter is (`rowParameter`). nil for anything else.
    func flattenedRows(_ inner: CExpr, _ to: CXType) -> CExpr? {
        guard let (element, isConst) = rowElement(to) else { return nil }
        let flat = CTy.pointer(element, constPointee: isConst)
        switch inner.type {
        case .pointer(let e, _) where e == element: return inner
        case .pointer(.array(let e, _), _) where e == element: return CExpr(.cast(inner, explicit: false), flat, inner.loc)
        case .array(let e, nil) where e == element:
            if case .variable(let id) = inner.kind, program.variables[id].vlaColumns != nil { return CExpr(.cast(inner, explicit: false), flat, inner.loc) }
            return nil
        default: return nil
        }
    }

    /// `a[i]` on a two-dimensional variable-length array `T a[n][m]`: a row, which C uses as a
    /// pointer to its first element (`a[i][j]`, `f(a[i])`): here that pointer, `a + i * m`.
    func matrixRow(_ array: CXCursor, _ index: CXCursor, _ at: CLoc) -> CExpr? {
        var base = array
        while [CXCursor_UnexposedExpr, CXCursor_ParenExpr].contains(clang_getCursorKind(base)), let inner = expressionChildren(base).first { base = inner }
        guard clang_getCursorKind(base) == CXCursor_DeclRefExpr,
              [CXCursor_VarDecl, CXCursor_ParmDecl].contains(clang_getCursorKind(clang_getCursorReferenced(base))) else { return nil }
        let id = variable(clang_getCursorReferenced(base))
        guard let cols = program.variables[id].vlaColumns else { return nil }
        let offset = CExpr(.binary(.mul, Self.asSize(expression(index)), CExpr(.variable(cols), Self.sizeType, at)), Self.sizeType, at)
        switch program.variables[id].type {
        case .array(let element, nil):
            let pointer = CTy.pointer(element, constPointee: false)
            let storage = CExpr(.cast(CExpr(.variable(id), program.variables[id].type, at), explicit: false), pointer, at)
            return CExpr(.binary(.add, storage, offset), pointer, at)
        case .pointer(let element, let isConst):
            // A parameter of variable-length rows (`double a[n][m]`): a pointer to its first element.
            let pointer = CTy.pointer(element, constPointee: isConst)
            return CExpr(.binary(.add, CExpr(.variable(id), pointer, at), offset), pointer, at)
        default: return nil
        }
    }
}
