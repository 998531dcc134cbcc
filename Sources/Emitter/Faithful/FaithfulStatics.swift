import CSyntax

/// Globals and static locals that the program never writes: lookup tables, constants,
/// `static const` arrays. One whose type holds only numbers (no pointer, no union) becomes an
/// immutable Rust `static`, and reading it needs no `unsafe`. "Never written" is read from the
/// whole file: no assignment, `++` or `--` reaches it (or an element or member of it), and its
/// address is taken (`&g`, an array decaying to a pointer) only to read through: the base of
/// an index, or a pointer to `const` (writing through a pointer that C's `const` forbids is
/// undefined in C too). A global another file could see (a whole-program crate) stays `static mut`.
extension FaithfulTranslator {
    static func readOnlyStatics(_ program: Program) -> Set<Int> {
        var written: Set<Int> = []
        func strip(_ e: CExpr) -> CExpr {
            if case .cast(let x, _) = e.kind { return strip(x) }
            return e
        }
        /// The global or static local at the root of a place.
        func root(_ e: CExpr) -> Int? {
            switch e.kind {
            case .variable(let id):
                let s = program.variables[id].storage
                return s == .global || s == .staticLocal ? id : nil
            case .member(let base, _, _, false): return root(base)
            case .subscript(let base, _):
                if case .cast(let array, _) = base.kind, case .array = array.type { return root(array) }
                return nil
            default: return nil
            }
        }
        func readOnlyPointer(_ t: CTy) -> Bool {
            if case .pointer(_, true) = t { return true }
            return false
        }
        func visit(_ e: CExpr) {
            switch e.kind {
            case .assign(let l, _), .compoundAssign(_, let l, _):
                if let g = root(l) { written.insert(g) }
            case .unary(let op, let x) where [.preInc, .preDec, .postInc, .postDec].contains(op):
                if let g = root(x) { written.insert(g) }
            case .unary(.addressOf, let x):
                if let g = root(x), !readOnlyPointer(e.type) { written.insert(g) }
            case .subscript(let base, let index):
                // Indexing reads through the decayed array: the base is no escape (an array of one
                // element is indexed through a pointer, as the struct hack needs: that counts as one).
                if case .cast(let array, _) = base.kind, case .array(_, let n) = array.type, (n ?? 0) > 1 { visit(array) } else { visit(base) }
                visit(index)
                return
            case .cast(let x, _) where x.type.isArrayLike && e.type.isPointer:
                if let g = root(x), !readOnlyPointer(e.type) { written.insert(g) }
            default: break
            }
            e.forEachChild(visit)
        }
        for f in program.functions where f.body != nil { f.body!.forEachExpression(visit) }
        for v in program.variables { if let e = v.initializer { visit(e) }; if let n = v.vlaSize { visit(n) } }
        var result: Set<Int> = []
        for (id, v) in program.variables.enumerated() where (v.storage == .global || v.storage == .staticLocal) && !written.contains(id) {
            if plainData(v.type, program) { result.insert(id) }
        }
        return result
    }

    /// Numbers, arrays and structs of numbers: shareable between threads as they are (`Sync`).
    static func plainData(_ t: CTy, _ program: Program) -> Bool {
        switch t {
        case .int, .float: return t != .float(.longDouble)
        case .array(let e, let n): return n != nil && plainData(e, program)
        case .record(let r):
            let rec = program.records[r]
            guard !rec.isUnion, let fields = rec.fields else { return false }
            return fields.allSatisfy { $0.bitWidth == nil && plainData($0.type, program) }
        default: return false
        }
    }

    /// Tables of string literals (`static const char *names[] = {"red", "green"}`) that the
    /// program only indexes to read: each element is a literal's bytes (`&[u8]`, with its NUL)
    /// in an immutable static, so `printf("%s", names[i])` reads it without `unsafe`.
    static func literalTables(_ program: Program) -> Set<Int> {
        var candidates: Set<Int> = []
        for (id, v) in program.variables.enumerated() where v.storage == .global || v.storage == .staticLocal {
            guard case .array(.pointer(.int(.char), true), let n?) = v.type, let ini = v.initializer,
                  case .initList(let entries) = ini.kind, entries.count == n else { continue }
            // Every element a literal, in any designated order.
            let indices = Set(entries.compactMap { entry -> Int? in if case .index(let i) = entry.0 { return i }; return nil })
            let literals = entries.allSatisfy { entry in
                var e = entry.1
                while case .cast(let x, _) = e.kind { e = x }
                if case .stringLiteral = e.kind { return true }
                return false
            }
            if literals, indices == Set(0..<n) { candidates.insert(id) }
        }
        guard !candidates.isEmpty else { return [] }
        var bad: Set<Int> = []
        func tableRead(_ e: CExpr) -> Int? {
            guard case .subscript(let base, _) = e.kind, case .cast(let x, _) = base.kind, case .variable(let id) = x.kind,
                  candidates.contains(id) else { return nil }
            return id
        }
        func visit(_ e: CExpr) {
            switch e.kind {
            case .assign(let l, let r), .compoundAssign(_, let l, let r):
                if let g = tableRead(l) { bad.insert(g) }
                visit(l); visit(r)
                return
            case .unary(let op, let x) where [.preInc, .preDec, .postInc, .postDec, .addressOf].contains(op):
                if let g = tableRead(x) { bad.insert(g) }
            case .subscript(_, let index) where tableRead(e) != nil:
                visit(index)
                return
            case .variable(let id):
                if candidates.contains(id) { bad.insert(id) }
            default: break
            }
            e.forEachChild(visit)
        }
        for f in program.functions where f.body != nil { f.body!.forEachExpression(visit) }
        for (id, v) in program.variables.enumerated() where !candidates.contains(id) {
            if let e = v.initializer { visit(e) }
        }
        return candidates.subtracting(bad)
    }

    /// The literal table `e` reads an element of (`names[i]`), if it does.
    func literalTableRead(_ e: CExpr) -> (table: Int, index: CExpr)? {
        guard case .subscript(let base, let index) = e.kind, case .cast(let x, _) = base.kind, case .variable(let id) = x.kind,
              literalTables.contains(id) else { return nil }
        return (id, index)
    }
}
