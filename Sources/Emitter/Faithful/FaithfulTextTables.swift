import CSyntax
import RustSyntax

/// Tables of text: arrays of `char` pointers that only ever hold static text, and the
/// parameters they are lent to. Each element is the text's bytes with its NUL (`&[u8]`), so
/// `printf("%s", names[i])`, `strcmp(names[i], key)` or a parameter lifted to bytes read it
/// without `unsafe`; any other use of an element gets C's pointer (`names[i].as_ptr()`),
/// which forming is safe.
///
/// A table is, over the whole file:
/// - an array (global, static or local) whose every element is initialised with a string
///   literal (`const char *names[] = {"ada", "grace"}`), or `main`'s `argv`;
/// - or a parameter of pointer-to-`char`-pointer type (`const char *const *table`,
///   `const char *names[]`) of a function only ever called directly, given a table at every
///   call (`lookup(weekdays, 7)`): `&[&[u8]]`.
///
/// It is only indexed: an element read (`t[i]`, `t[i][j]`), an element written with other text
/// (a literal, another table's element, a text local: `names[j] = names[j - 1]`), or the table
/// lent whole to a table parameter. An array written so is a `let mut` local, a parameter
/// that writes, or lends to one that writes, is `&mut [&[u8]]`: globals and `argv` are only
/// read, and a table lent mutably is named by no other argument of that call. No pointer
/// arithmetic on it, no address of an element, no write into an element's characters. `argv`
/// has no NULL at `argv[argc]` as a slice: its elements, and those of every parameter it is
/// lent to, are only read as strings.
extension FaithfulTranslator {
    struct TextTables: Sendable {
        /// Every table (arrays, `argv`, parameters).
        var all: Set<Int> = []
        /// Tables whose elements are written, or lent to a parameter that writes them.
        var mutable: Set<Int> = []
        /// The text locals whose values the tables' writes store (FaithfulTextLocals).
        var texts: Set<Int> = []
        /// Comparators `qsort` only sorts tables with (FaithfulComparators): their parameters
        /// point to elements, `&&'static [u8]`, and `*a` is an element's text.
        var comparators: Set<Int> = []
        /// Those comparators' parameters.
        var references: Set<Int> = []
    }

    /// The tables of the file; `notTexts`: locals that are no text locals after all, whatever
    /// their values (a cursor's base, a literal alias); `parameters`: whether parameters may be
    /// tables (no: the translation that lifts nothing).
    /// `sorting`: the rewritten comparators whose elements are `char` pointers.
    static func textTables(_ program: Program, notTexts: Set<Int> = [], parameters lending: Bool = true,
                           sorting: Set<Int> = []) -> TextTables {
        var candidates: Set<Int> = []
        let argv = argumentVector(program)
        if let argv { candidates.insert(argv) }
        for (id, v) in program.variables.enumerated() where (v.storage == .global && !v.isExported) || v.storage == .staticLocal || v.storage == .local {
            guard case .array(.pointer(.int(.char), _), let n?) = v.type, let ini = v.initializer,
                  case .initList(let entries) = ini.kind, entries.count == n else { continue }
            // Every element a literal, in any designated order.
            let indices = Set(entries.compactMap { entry -> Int? in if case .index(let i) = entry.0 { return i }; return nil })
            let literals = entries.allSatisfy { entry in
                if case .stringLiteral = entry.1.withoutCasts.kind { return true }
                return false
            }
            if literals, indices == Set(0..<n) { candidates.insert(id) }
        }
        let parameters = lending ? tableParameters(program).subtracting(argv.map { [$0] } ?? []) : []
        candidates.formUnion(parameters)
        guard !candidates.isEmpty else { return TextTables() }

        var set = candidates
        var sorters = sorting
        while true {
            let references = Set(sorters.flatMap { program.functions[$0].params })
            let texts = textLocals(program, tables: set, functions: [], excluded: notTexts, references: references)
            var scan = TableScan(program: program, tables: set, texts: texts, argv: argv, sorters: sorters, references: references)
            scan.run()
            var bad = scan.bad
            // A comparator also given anything but a table sorts no table.
            if !scan.unsorted.isEmpty {
                sorters.subtract(scan.unsorted)
                bad.formUnion(scan.sorted.filter { scan.unsorted.contains($0.comparator) }.map(\.table))
            }
            // Mutability flows from a parameter that writes to what is lent to it.
            var mutable = scan.written
            var grew = true
            while grew {
                grew = false
                for (t, p) in scan.lent where mutable.contains(p) && !mutable.contains(t) { mutable.insert(t); grew = true }
            }
            // `argv` and the parameters it reaches only read their elements as strings.
            var reached: Set<Int> = argv.map { [$0] } ?? []
            grew = true
            while grew {
                grew = false
                for (t, p) in scan.lent where reached.contains(t) && !reached.contains(p) { reached.insert(p); grew = true }
            }
            bad.formUnion(reached.intersection(scan.readOtherwise))
            for t in mutable {
                let s = program.variables[t].storage
                if s != .local && s != .parameter || t == argv { bad.insert(t) }
            }
            for call in scan.calls {
                for (t, p) in call.lent where mutable.contains(p) && call.arguments.filter({ $0.mentions(variable: t) }).count > 1 { bad.insert(t) }
            }
            if bad.isEmpty {
                let used = Set(scan.writtenValues.flatMap { $0.variables }).intersection(texts)
                let comparators = Set(scan.sorted.map(\.comparator))
                return TextTables(all: set, mutable: mutable, texts: used,
                                  comparators: comparators, references: Set(comparators.flatMap { program.functions[$0].params }))
            }
            set.subtract(bad)
        }
    }

    /// Parameters of pointer-to-`char`-pointer type of functions only ever called directly.
    private static func tableParameters(_ program: Program) -> Set<Int> {
        let taken = addressTakenFunctions(program)
        var parameters: Set<Int> = []
        for (id, f) in program.functions.enumerated() where f.body != nil && f.name != "main" && !taken.contains(id) && !f.type.variadic && !f.type.noPrototype {
            for p in f.params {
                if case .pointer(.pointer(.int(.char), _), _) = program.variables[p].type { parameters.insert(p) }
            }
        }
        return parameters
    }

    /// One pass over the file for `textTables`: what disqualifies a table, what is written, and
    /// what is lent to which parameter.
    private struct TableScan {
        let program: Program
        let tables: Set<Int>
        let texts: Set<Int>
        let argv: Int?
        let sorters: Set<Int>
        /// The sorters' parameters: `*a` is a table's element.
        let references: Set<Int>
        var bad: Set<Int> = []
        /// `qsort` of a table with a comparator, each; comparators given something else.
        var sorted: [(table: Int, comparator: Int)] = []
        var unsorted: Set<Int> = []
        var written: Set<Int> = []
        /// Tables an element of which is read otherwise than as a string.
        var readOtherwise: Set<Int> = []
        var writtenValues: [CExpr] = []
        var lent: [(table: Int, parameter: Int)] = []
        var calls: [(lent: [(Int, Int)], arguments: [CExpr])] = []

        mutating func run() {
            for f in program.functions where f.body != nil { f.body!.forEachExpression { visit($0) } }
            for (id, v) in program.variables.enumerated() where !tables.contains(id) {
                if let e = v.initializer { visit(e) }
            }
        }

        func tableRead(_ e: CExpr) -> Int? {
            guard case .subscript(let base, _) = e.kind, let id = FaithfulTranslator.tableName(base), tables.contains(id) else { return nil }
            return id
        }

        /// A whole table, under conversions (an argument).
        func wholeTable(_ e: CExpr) -> Int? {
            if case .variable(let id) = e.withoutCasts.kind, tables.contains(id) { return id }
            return nil
        }

        /// Static text: a literal, a table's element, a text local, a sorted element, the rest
        /// of one, or a choice of them.
        func text(_ e: CExpr) -> Bool {
            FaithfulTranslator.isStaticText(e, tables: tables, texts: texts, functions: [], references: references, literals: true)
        }

        /// A write to an element's characters, or to an element otherwise than by `=`.
        func written(_ l: CExpr) -> Int? {
            if let g = tableRead(l) { return g }
            if case .subscript(let b, _) = l.kind { return tableRead(b.withoutCasts) }
            if case .unary(.deref, let p) = l.kind { return tableRead(p.withoutCasts) }
            return nil
        }

        mutating func visit(_ e: CExpr) {
            switch e.kind {
            case .assign(let l, let r):
                if let t = tableRead(l), case .subscript(_, let index) = l.kind {
                    if text(r) { written.insert(t); writtenValues.append(r) } else { bad.insert(t) }
                    visit(index); visit(r)
                    return
                }
                if let g = written(l) { bad.insert(g) }
                visit(l); visit(r)
                return
            case .compoundAssign(_, let l, let r):
                if let g = written(l) { bad.insert(g) }
                visit(l); visit(r)
                return
            case .unary(let op, let x) where [.preInc, .preDec, .postInc, .postDec, .addressOf].contains(op):
                if let g = written(x) { bad.insert(g) }
            case .subscript(_, let index) where tableRead(e) != nil:
                // Read otherwise than as a string (printed, compared, measured, parsed) or
                // indexed further: not `argv`, which has no NULL at `argv[argc]` as a slice.
                if let g = tableRead(e) { readOtherwise.insert(g) }
                visit(index)
                return
            case .subscript(let row, let j) where tableRead(row.withoutCasts) != nil:
                if case .subscript(_, let i) = row.withoutCasts.kind { visit(i) }
                visit(j)
                return
            case .call(let callee, let args):
                guard case .function(let f) = callee.withoutCasts.kind else { break }
                let fn = program.functions[f]
                if fn.body == nil, fn.name == "qsort", args.count == 4, case .function(let c) = args[3].withoutCasts.kind, sorters.contains(c) {
                    // Sorted in place with the program's comparator: the elements move.
                    if let t = wholeTable(TypedComparators.sortBase(args[0])) { sorted.append((t, c)); written.insert(t) } else { unsorted.insert(c); visit(args[0]) }
                    visit(args[1]); visit(args[2])
                    return
                }
                if fn.body == nil, FaithfulTranslator.stdioFunctions.contains(fn.name) || FaithfulTranslator.cstringFunctions.contains(fn.name) {
                    for a in args {
                        if case .subscript(_, let i) = a.withoutCasts.kind, tableRead(a.withoutCasts) != nil { visit(i) } else { visit(a) }
                    }
                    return
                }
                guard fn.body != nil else { break }
                var here: [(Int, Int)] = []
                for (k, a) in args.enumerated() {
                    if let p = fn.params[safe: k], tables.contains(p) {
                        if let t = wholeTable(a) { lent.append((t, p)); here.append((t, p)) } else { bad.insert(p); visit(a) }
                    } else {
                        visit(a)   // a whole table given to anything else is named bare below
                    }
                }
                calls.append((here, args))
                return
            case .variable(let id):
                if tables.contains(id) { bad.insert(id) }
            default: break
            }
            e.forEachChild { visit($0) }
        }
    }

    /// The functions whose address the program takes (anything but a direct call's callee, a
    /// `cleanup` attribute's function): they may be called through pointers.
    static func addressTakenFunctions(_ program: Program) -> Set<Int> {
        var taken: Set<Int> = []
        func visit(_ e: CExpr) {
            if case .call(let callee, let args) = e.kind, case .function = callee.withoutCasts.kind { args.forEach(visit); return }
            if case .function(let id) = e.kind { taken.insert(id) }
            e.forEachChild(visit)
        }
        // Another module of the crate calls them by their C signature.
        for (id, f) in program.functions.enumerated() where f.isExported { taken.insert(id) }
        for f in program.functions where f.body != nil { f.body!.forEachExpression(visit) }
        for v in program.variables { if let e = v.initializer { visit(e) }; if let f = v.cleanup { taken.insert(f) } }
        return taken
    }

    /// The text comparator's parameter `e` names (FaithfulTextTables), if it is one.
    func textReference(_ e: CExpr) -> Int? {
        guard !textTables.references.isEmpty, case .variable(let id) = e.withoutCasts.kind, textTables.references.contains(id) else { return nil }
        return id
    }

    /// A table lent whole to a table parameter: `&names[0..]`, or `&mut names[0..]`.
    func tableLoan(_ table: Int, mutable: Bool) -> RExpr {
        .unary(mutable ? .refMut : .ref, .index(variableRef(table), .rangeFrom(.literal("0usize"))))
    }

    /// `names[i] = text` as a statement: the element is the text's slice.
    func tableWrite(_ l: CExpr, _ r: CExpr) -> RStmt? {
        guard let (table, i) = literalTableRead(l) else { return nil }
        return .expr(.assign(.index(variableRef(table), .cast(rvalue(i), .named("usize"))), textValue(r)))
    }
}
