import CClang
import CSyntax
import Foundation

extension SyntaxBuilder {
    func statement(_ c: CXCursor) -> CStmt {
        let kind = clang_getCursorKind(c)
        if clang_isExpression(kind) != 0 { return .expression(expression(c)) }
        let parts = children(c)
        switch kind {
        case CXCursor_CompoundStmt:
            return .compound(parts.map(statement))
        case CXCursor_DeclStmt:
            var ids: [Int] = []
            for d in parts {
                switch clang_getCursorKind(d) {
                case CXCursor_VarDecl:
                    let id = variable(d)
                    if let columns = program.variables[id].vlaColumns { ids.append(columns) }
                    ids.append(id)
                case CXCursor_FunctionDecl: _ = function(d)
                default: break   // a local struct, enum or typedef: types are global
                }
            }
            return .declaration(ids)
        case CXCursor_IfStmt:
            guard parts.count >= 2 else { return .unsupported("this if statement", loc(c)) }
            return .ifThen(expression(parts[0]), statement(parts[1]), parts.count > 2 ? statement(parts[2]) : nil)
        case CXCursor_WhileStmt:
            guard parts.count == 2 else { return .unsupported("this while statement", loc(c)) }
            return .whileLoop(expression(parts[0]), statement(parts[1]))
        case CXCursor_DoStmt:
            guard parts.count == 2 else { return .unsupported("this do statement", loc(c)) }
            return .doWhile(statement(parts[0]), expression(parts[1]))
        case CXCursor_ForStmt:
            return forStatement(c, parts)
        case CXCursor_SwitchStmt:
            guard parts.count >= 2 else { return .unsupported("this switch statement", loc(c)) }
            return .switchOn(expression(parts[parts.count - 2]), statement(parts[parts.count - 1]))
        case CXCursor_CaseStmt:
            guard parts.count >= 2 else { return .unsupported("this case label", loc(c)) }
            let lo = Int64(bitPattern: evaluate(parts[0]) ?? 0)
            if parts.count == 3 {   // GNU `case a ... b:`
                return .caseRange(lo, Int64(bitPattern: evaluate(parts[1]) ?? 0), statement(parts[2]))
            }
            return .caseLabel(lo, statement(parts[1]))
        case CXCursor_DefaultStmt:
            guard let body = parts.last else { return .unsupported("this default label", loc(c)) }
            return .defaultLabel(statement(body))
        case CXCursor_BreakStmt: return .breakStmt
        case CXCursor_ContinueStmt: return .continueStmt
        case CXCursor_ReturnStmt:
            return .returnStmt(parts.first(where: { clang_isExpression(clang_getCursorKind($0)) != 0 }).map(expression))
        case CXCursor_GotoStmt:
            let target = clang_getCursorReferenced(c)
            return .gotoLabel(consume(clang_getCursorSpelling(target)))
        case CXCursor_LabelStmt:
            let name = consume(clang_getCursorSpelling(c))
            let body = parts.last(where: { clang_getCursorKind($0) != CXCursor_LabelRef })
            return .labeled(name, body.map(statement) ?? .empty)
        case CXCursor_NullStmt: return .empty
        case CXCursor_IndirectGotoStmt:
            guard let target = parts.first else { return .unsupported("a computed goto (goto *p)", loc(c)) }
            return .indirectGoto(expression(target))
        case CXCursor_GCCAsmStmt:
            // `asm volatile("" : "+r"(x) :: "memory")`: an empty template only keeps the compiler
            // from moving or merging code across it (xxhash's and zstd's guards, benchmarks'
            // DoNotOptimize); it computes nothing, so it is kept as nothing.
            if tokens(c).first(where: { $0.kind == CXToken_Literal && $0.spelling.hasPrefix("\"") })?.spelling == "\"\"" { return .compound([]) }
            return .unsupported("inline assembly", loc(c))
        case CXCursor_AsmStmt, CXCursor_MSAsmStmt: return .unsupported("inline assembly", loc(c))
        default:
            // An attributed statement (`__attribute__((fallthrough));`) and other wrappers.
            if let inner = parts.last, clang_isStatement(clang_getCursorKind(inner)) != 0 || clang_isExpression(clang_getCursorKind(inner)) != 0 {
                return statement(inner)
            }
            if parts.isEmpty { return .empty }
            return .unsupported("the statement kind \(consume(clang_getCursorKindSpelling(kind)))", loc(c))
        }
    }

    /// libclang omits a `for`'s missing parts, so which child is which comes from where each
    /// starts relative to the two semicolons of the header.
    private func forStatement(_ c: CXCursor, _ parts: [CXCursor]) -> CStmt {
        guard let bodyCursor = parts.last else { return .unsupported("this for statement", loc(c)) }
        let header = Array(parts.dropLast())
        let body = statement(bodyCursor)
        var initPart: CXCursor?, condPart: CXCursor?, incPart: CXCursor?
        if header.count == 3 {
            (initPart, condPart, incPart) = (header[0], header[1], header[2])
        } else if !header.isEmpty {
            let semis = headerSemicolons(c, before: bodyCursor)
            for h in header {
                let at = offset(clang_getRangeStart(clang_getCursorExtent(h)))
                if let semis, at < semis.0 { initPart = h }
                else if let semis, at < semis.1 { condPart = h }
                else if semis != nil { incPart = h }
                else if initPart == nil && clang_getCursorKind(h) == CXCursor_DeclStmt { initPart = h }
                else { return .unsupported("a for statement whose header comes from a macro", loc(c)) }
            }
        }
        return .forLoop(initPart.map(statement), condPart.map(expression), incPart.map(expression), body)
    }

    /// Where a location is in the file being read (a macro argument's or body's place is where
    /// the macro is used, so a `for` header built by macros still lines up with its semicolons).
    private func offset(_ l: CXSourceLocation) -> UInt32 {
        var o: UInt32 = 0
        clang_getExpansionLocation(l, nil, nil, nil, &o)
        return o
    }

    private func headerSemicolons(_ c: CXCursor, before body: CXCursor) -> (UInt32, UInt32)? {
        // The whole statement's tokens (its body may start inside a macro, whose location is
        // elsewhere), read up to the `)` that closes the header.
        var depth = 0
        var found: [UInt32] = []
        for t in tokens(c) {
            if t.spelling == "(" { depth += 1 } else if t.spelling == ")" { depth -= 1; if depth == 0 { break } }
            else if t.spelling == ";" && depth == 1 { found.append(offset(t.location)) }
        }
        return found.count >= 2 ? (found[0], found[1]) : nil
    }
}
