import CModel
import CSyntax

/// The C constructs whose meaning the idiomatic tier does not yet keep (it would compile and
/// compute something else): a file that uses one goes to the faithful tier. Each reason names
/// the construct and where it is; the list shrinks as the idiomatic tier learns them.
public enum IdiomaticGuard {
    /// `sizeof` of an expression (not of a type): the idiomatic tier sizes the wrong object
    /// (`sizeof a / sizeof a[0]`, `sizeof p.x`). Found in the compact model with the source text.
    /// Parameters written as sized arrays (`int m[4]`, `double g[N][N]`): C passes a pointer,
    /// the idiomatic tier a copy, so the function's writes were lost.
    public static func arrayParameterReasons(_ unit: TranslationUnit) -> [String] {
        for f in unit.functions where f.hasBody {
            for v in f.params where Int(v) >= 0 && Int(v) < unit.variables.count {
                let t = unit.variables[Int(v)].type
                // A sized one (`int v[4]`); `char *argv[]` is no copy.
                // (The front end gives it the pointer C adjusts it to, with the declared count.)
                guard Int(t) >= 0, Int(t) < unit.types.count, [.array, .pointer].contains(unit.types[Int(t)].shape), unit.types[Int(t)].count > 0 else { continue }
                let loc = unit.variables[Int(v)].loc
                return ["an array parameter (\(unit.mainFile.split(separator: "/").last ?? ""):\(loc.line))"]
            }
        }
        return []
    }

    public static func sizeofReasons(_ unit: TranslationUnit, source: String) -> [String] {
        var lineStarts: [Int] = [0]
        let bytes = Array(source.utf8)
        for (i, b) in bytes.enumerated() where b == 10 { lineStarts.append(i + 1) }
        let typeWords: Set<String> = ["int", "char", "short", "long", "unsigned", "signed", "float", "double", "void", "struct",
                                      "union", "enum", "const", "volatile", "_Bool", "bool", "size_t"]
        for node in unit.nodes where node.kind == .sizeofExpr && node.loc.file == 0 {
            let line = Int(node.loc.line) - 1, column = Int(node.loc.column) - 1
            guard line >= 0, line < lineStarts.count else { continue }
            var i = lineStarts[line] + column
            guard i + 6 <= bytes.count, String(decoding: bytes[i..<(i + 6)], as: UTF8.self) == "sizeof" else {
                // Written inside a macro: what it measures cannot be read here.
                return ["sizeof inside a macro (\(unit.mainFile.split(separator: "/").last ?? ""):\(node.loc.line))"]
            }
            i += 6
            while i < bytes.count, bytes[i] == 32 || bytes[i] == 9 || bytes[i] == UInt8(ascii: "(") { i += 1 }
            var word = ""
            while i < bytes.count, bytes[i] == UInt8(ascii: "_") || (bytes[i] >= 48 && bytes[i] <= 57) || (bytes[i] | 0x20 >= 97 && bytes[i] | 0x20 <= 122) {
                word.append(Character(UnicodeScalar(bytes[i]))); i += 1
            }
            let isType = typeWords.contains(word) || word.hasSuffix("_t") || unit.records.contains { $0.name == word }
            if isType { continue }
            // The operand's rest (a member or an element), and what stands around the sizeof.
            var rest = ""
            var j = i
            while j < bytes.count, bytes[j] != UInt8(ascii: ")"), bytes[j] != UInt8(ascii: ","), bytes[j] != UInt8(ascii: ";"), bytes[j] != 10 {
                rest.append(Character(UnicodeScalar(bytes[j]))); j += 1
            }
            var before = lineStarts[line] + column - 1
            while before > 0, bytes[before] == 32 || bytes[before] == UInt8(ascii: "(") { before -= 1 }
            let divides = rest.contains("/") || (before >= 0 && bytes[before] == UInt8(ascii: "/"))
            if rest.hasPrefix(".") || rest.hasPrefix("->") || rest.hasPrefix("[") || divides {
                return ["sizeof of a member, an element or in a division (\(unit.mainFile.split(separator: "/").last ?? ""):\(node.loc.line))"]
            }
        }
        return []
    }

    public static func reasons(_ program: Program) -> [String] {
        var out: [String] = []
        var seen: Set<String> = []
        func flag(_ what: String, _ loc: CLoc) {
            guard seen.insert(what).inserted else { return }
            out.append("\(what) (\(loc.file.split(separator: "/").last ?? ""):\(loc.line))")
        }
        // Definitions the file gets from an included `.c` file (a unity build) or a `main` from
        // elsewhere: the idiomatic tier translates the file's own definitions only.
        for f in program.functions where f.body != nil && f.loc.file != program.mainFile
            && (f.loc.file.hasSuffix(".c") || f.name == "main") && !f.isSystem {
            flag("definitions from an included .c file", f.loc)
        }
        for v in program.variables where v.cleanup != nil && v.loc.file == program.mainFile {
            flag("__attribute__((cleanup))", v.loc)
        }
        for f in program.functions where f.body != nil && f.loc.file == program.mainFile {
            var walker = Walker(program: program, flag: flag)
            walker.statement(f.body!)
            // A char cursor that is advanced and read against characters other than NUL
            // (`while (*s >= '0' && *s <= '9') s++;`): the idiomatic slice has no NUL to meet.
            if let at = walker.cursorReads.first(where: { walker.advanced.contains($0.0) && !walker.nulChecked.contains($0.0) }) {
                flag("a char pointer advanced and compared with characters", at.1)
            }
        }
        if let d = program.designatedInitializers.first(where: { $0.file == program.mainFile }) { flag("designated initializers", d) }
        // A flexible array member (`int buf[];`, or GNU's `[0]`): the object is allocated with its
        // elements behind it, where the idiomatic `Box` of the record holds none.
        for r in program.records where r.loc.file == program.mainFile && !r.isUnion {
            if let last = r.fields?.last, case .array(_, let n) = last.type, n == nil || n == 0 { flag("a flexible array member", r.loc) }
        }
        for v in program.variables where v.loc.file == program.mainFile {
            // The idiomatic tier declares it a plain `let`, which starts again at each call.
            if v.storage == .staticLocal { flag("a static local variable", v.loc) }
            if v.vlaSize != nil { flag("a variable-length array", v.loc) }
            if v.explicitlyAligned { flag("a variable aligned past its type (_Alignas)", v.loc) }
            if v.type == .float(.longDouble) { flag("long double", v.loc) }
            if let ini = v.initializer { var w = Walker(program: program, flag: flag); w.expression(ini) }
        }
        return out
    }

    struct Walker {
        let program: Program
        let flag: (String, CLoc) -> Void
        /// Char pointer variables incremented in the function, and reads `*p` compared with a
        /// character other than NUL.
        var advanced: Set<Int> = []
        /// String literals that are the operand of a call that is not the C library's output.
        var operandLiterals: Set<ObjectIdentifier> = []
        var cursorReads: [(Int, CLoc)] = []
        /// Cursors whose NUL is tested (`*p != '\0'`, `while (*p)`): the idiomatic slice ends there too.
        var nulChecked: Set<Int> = []
        /// `strcmp`-like calls whose result is only tested for its sign (`< 0`, `== 0`, `!`, a truth test).
        var signTested: Set<ObjectIdentifier> = []

        private mutating func noteTruthTest(_ c: CExpr) {
            if case .call = stripped(c).kind { signTested.insert(ObjectIdentifier(stripped(c))) }
            switch stripped(c).kind {
            case .unary(.logicalNot, let x): noteTruthTest(x)
            case .unary(.deref, let p): if case .variable(let v) = stripped(p).kind { nulChecked.insert(v) }
            case .binary(.land, let a, let b), .binary(.lor, let a, let b): noteTruthTest(a); noteTruthTest(b)
            default: break
            }
        }

        mutating func statement(_ s: CStmt) {
            switch s {
            case .compound(let list):
                // A loop whose condition reads input into a variable (`(c = getchar()) != EOF`,
                // `fgets(buf, ..)`), that variable read after the loop: the idiomatic loop leaves
                // it holding the last line or byte, where C leaves EOF or the buffer as it was.
                for (i, item) in list.enumerated() {
                    guard case .whileLoop(let c, _) = item, let v = Self.inputVariable(c) else { continue }
                    if list[(i + 1)...].contains(where: { later in
                        var seen = false
                        later.forEachExpression { if $0.mentions(variable: v) { seen = true } }
                        return seen
                    }) {
                        flag("an input loop's variable read after the loop", program.variables[v].loc)
                    }
                }
                list.forEach { statement($0) }
            case .declaration(let ids):
                for id in ids { if let e = program.variables[id].initializer { expression(e) } }
            case .expression(let e): expression(e)
            case .ifThen(let c, let a, let b): noteTruthTest(c); expression(c); statement(a); if let b { statement(b) }
            case .whileLoop(let c, let b): noteTruthTest(c); expression(c); statement(b)
            case .doWhile(let b, let c):
                // The idiomatic `loop` puts the condition at the end: `continue` skipped it.
                if Self.continues(b) { flag("continue in a do-while loop", c.loc) }
                statement(b); noteTruthTest(c); expression(c)
            case .forLoop(let i, let c, let n, let b):
                if let i { statement(i) }; if let c { noteTruthTest(c); expression(c) }; if let n { expression(n) }; statement(b)
            case .switchOn(let e, let b):
                // A `default:` with cases after it: the idiomatic `_ =>` arm, in place, swallowed them.
                var labels: [Bool] = []   // in order; true: default
                Self.switchLabels(b, &labels)
                if let d = labels.firstIndex(of: true), labels[(d + 1)...].contains(false) { flag("a default label before other cases", e.loc) }
                expression(e); statement(b)
            case .caseLabel(_, let b), .defaultLabel(let b), .labeled(_, let b): statement(b)
            case .caseRange(_, _, let b): statement(b)
            case .returnStmt(let e): if let e { expression(e) }
            default: break
            }
        }

        /// The C library's output functions: a non-ASCII literal they print came out re-encoded.
        static let outputFunctions: Set<String> = ["printf", "fprintf", "sprintf", "snprintf", "puts", "fputs", "putchar", "fputc", "putc", "dprintf"]

        /// The variable an input loop's condition fills: `(c = getchar()) != EOF`, `fgets(buf, ..)`.
        static func inputVariable(_ c: CExpr) -> Int? {
            var found: Int?
            func visit(_ e: CExpr) {
                if found != nil { return }
                if case .assign(let l, let r) = e.kind, case .variable(let v) = l.kind, case .call = r.withoutCasts.kind { found = v; return }
                if case .call(let callee, let args) = e.kind, case .function = callee.withoutCasts.kind, let first = args.first,
                   case .cast(let x, _) = first.kind, case .variable(let v) = x.kind, x.type.isArrayLike { found = v; return }
                e.forEachChild(visit)
            }
            visit(c)
            return found
        }

        /// A `continue` that belongs to the loop around `s` (not to a loop inside it).
        static func continues(_ s: CStmt) -> Bool {
            switch s {
            case .continueStmt: return true
            case .compound(let list): return list.contains(where: continues)
            case .ifThen(_, let a, let b): return continues(a) || (b.map(continues) ?? false)
            case .switchOn(_, let b), .caseLabel(_, let b), .caseRange(_, _, let b), .defaultLabel(let b), .labeled(_, let b): return continues(b)
            default: return false
            }
        }

        /// An integer literal, signed or not (`-1`, `~0u`), under conversions.
        static func isLiteralNumber(_ e: CExpr) -> Bool {
            switch e.kind {
            case .intLiteral: return true
            case .cast(let x, _): return isLiteralNumber(x)
            case .unary(let op, let x): return [.minus, .plus, .bitNot].contains(op) && isLiteralNumber(x)
            default: return false
            }
        }

        /// The case (false) and default (true) labels of a switch body, in order, not those of
        /// switches inside it.
        static func switchLabels(_ s: CStmt, _ out: inout [Bool]) {
            switch s {
            case .compound(let list): list.forEach { switchLabels($0, &out) }
            case .caseLabel(_, let b), .caseRange(_, _, let b): out.append(false); switchLabels(b, &out)
            case .defaultLabel(let b): out.append(true); switchLabels(b, &out)
            case .labeled(_, let b): switchLabels(b, &out)
            case .ifThen(_, let a, let b): switchLabels(a, &out); if let b { switchLabels(b, &out) }
            case .whileLoop(_, let b), .doWhile(let b, _), .forLoop(_, _, _, let b): switchLabels(b, &out)
            default: break
            }
        }

        /// `toupper(c)` or `tolower(c)`: a character mapped, a character again.
        func caseMapped(_ x: CExpr) -> Bool {
            guard case .call(let callee, let args) = x.withoutCasts.kind, args.count == 1, case .function(let id) = callee.withoutCasts.kind else { return false }
            return ["toupper", "tolower"].contains(program.functions[id].name)
        }

        private func isNarrow(_ t: CTy) -> Bool {
            if case .int(let k) = t { return k != .bool && k.size < 4 }
            return false
        }

        mutating func expression(_ e: CExpr) {
            switch e.kind {
            case .member(let base, let r, let f, _):
                if (program.records[r].fields ?? [])[f].bitWidth != nil { flag("bit-fields", e.loc) }
                expression(base)
            case .compoundAssign(let op, let l, let r):
                if isNarrow(l.type) { flag("arithmetic assigned to a char or short", e.loc) }
                if op == .shl || op == .shr, l.type.intKind?.size == 8 { flag("64-bit shifts", e.loc) }
                expression(l); expression(r)
            case .unary(let op, let x):
                if op == .logicalNot { noteTruthTest(x) }
                if [.preInc, .preDec, .postInc, .postDec].contains(op), isNarrow(x.type) { flag("++ or -- on a char or short", e.loc) }
                if [.preInc, .postInc].contains(op), case .variable(let v) = x.kind, case .pointer(.int(let k), _) = x.type, k.size == 1 {
                    advanced.insert(v)
                }
                expression(x)
            case .cast(let x, let explicit):
                if explicit, e.type == .int(.char) || e.type == .int(.schar) { flag("a conversion to plain char", e.loc) }
                // `b[0] = k`, `buf[i] = base + i`: a wider value stored in a plain char wraps to a
                // negative one past 127, where the idiomatic bytes stay positive (and print as UTF-8).
                if !explicit, e.type == .int(.char) || e.type == .int(.schar), let k = x.type.intKind, k.size > 1,
                   !(x.integerLiteralValue.map { (0...127).contains($0) } ?? false), !caseMapped(x) {
                    flag("a value converted to plain char", e.loc)
                }
                if e.type == .float(.longDouble) || x.type == .float(.longDouble) { flag("long double", e.loc) }
                expression(x)
            case .binary(let op, let l, let r):
                // `2.0f / 3.0f`: the idiomatic tier computed `float` expressions in f64.
                if e.type == .float(.float), [.add, .sub, .mul, .div].contains(op) { flag("float arithmetic", e.loc) }
                // `p == q` of two pointers: the idiomatic references compare the values they point to.
                if op == .eq || op == .ne, l.type.isPointer, r.type.isPointer, !l.isNullPointerConstant, !r.isNullPointerConstant {
                    flag("a comparison of two pointers", e.loc)
                }
                if op.isComparison {
                    for (a, b) in [(l, r), (r, l)] where b.integerLiteralValue == 0 {
                        if case .call = stripped(a).kind { signTested.insert(ObjectIdentifier(stripped(a))) }
                    }
                }
                // `s[i] < 0` of plain char: the idiomatic bytes are unsigned.
                if [.lt, .le, .gt, .ge].contains(op), isPromotedChar(l) && r.integerLiteralValue == 0 || isPromotedChar(r) && l.integerLiteralValue == 0 {
                    flag("a sign test of plain char", e.loc)
                }
                if op.isComparison, isPromotedChar(l) && isOutsideASCII(r) || isPromotedChar(r) && isOutsideASCII(l) {
                    flag("a comparison of plain char with a value outside ASCII", e.loc)
                }
                if op == .shl || op == .mul, e.type.intKind?.size == 8, case .intLiteral = l.kind { flag("64-bit constant arithmetic", e.loc) }
                if op.isComparison {
                    for (a, b) in [(l, r), (r, l)] {
                        if case .unary(.deref, let p) = stripped(a).kind, case .variable(let v) = stripped(p).kind,
                           case .intLiteral(let c) = stripped(b).kind {
                            if c != 0 { cursorReads.append((v, e.loc)) } else { nulChecked.insert(v) }
                        }
                    }
                }
                if op == .land || op == .lor { noteTruthTest(l); noteTruthTest(r) }
                expression(l); expression(r)
            case .elvis(let a, let b):
                flag("the GNU ?: operator", e.loc)
                expression(a); expression(b)
            case .initList(let entries):
                for (k, entry) in entries.enumerated() {
                    switch entry.0 {
                    case .field(let i), .index(let i): if i != k { flag("designated initializers", e.loc) }
                    }
                    // `{NULL, 0}` of a record: the idiomatic tier's owned member became `None.expect(..)`.
                    if case .record = e.type, entry.1.type.isPointer, entry.1.isNullPointerConstant { flag("a NULL member in a record's initializer", e.loc) }
                    expression(entry.1)
                }
            case .intLiteral(let v) where e.type == .int(.char) && Int8(truncatingIfNeeded: v) < 0:
                flag("a plain char outside ASCII", e.loc)
            case .stringLiteral(let bytes):
                // Valid UTF-8 is a `&str` as it is where it is a call's operand; other high bytes
                // would be re-encoded, and so would a non-ASCII literal returned or held (the
                // idiomatic tier reads its bytes back as characters of their own).
                if bytes.contains(where: { $0 >= 0x80 }) {
                    // Valid UTF-8 stays a `&str` as the operand of a function the idiomatic tier
                    // hands it to (a model template); printed, returned or held it came out
                    // re-encoded (`puts("café")`, `%10s` of it).
                    if String(validating: bytes, as: UTF8.self) == nil { flag("bytes that are not UTF-8 in a string", e.loc) }
                    else if !operandLiterals.contains(ObjectIdentifier(e)) { flag("a string outside ASCII", e.loc) }
                }
                // C's string ends at the first NUL; a `&str` goes on through it.
                if bytes.contains(0) { flag("a string with a NUL inside", e.loc) }
            case .call(let callee, let args):
                // `strcmp(a, b)` of two `char` arrays: the idiomatic tier compared the whole arrays,
                // bytes after the NUL too.
                if case .function(let id) = stripped(callee).kind, ["strcmp", "strncmp"].contains(program.functions[id].name),
                   args.contains(where: { arrayOperand($0) }) {
                    flag("strcmp of a char array", e.loc)
                }
                // `snprintf` that may fill its buffer: the idiomatic `format!` kept no limit.
                if case .function(let id) = stripped(callee).kind, program.functions[id].name == "snprintf", !Self.snprintfFits(args) {
                    flag("snprintf that may truncate", e.loc)
                }
                if case .function(let id) = stripped(callee).kind, !Self.outputFunctions.contains(program.functions[id].name) {
                    for a in args { if case .stringLiteral = stripped(a).kind { operandLiterals.insert(ObjectIdentifier(stripped(a))) } }
                }
                // glibc's strcmp returns the difference of the bytes; the idiomatic `cmp` gives -1, 0 or 1.
                if case .function(let id) = stripped(callee).kind, ["strcmp", "strncmp", "memcmp", "strcasecmp", "strncasecmp"].contains(program.functions[id].name),
                   !signTested.contains(ObjectIdentifier(e)) {
                    flag("the value of \(program.functions[id].name) beyond its sign", e.loc)
                }
                callCheck(callee, args, e.loc)
                expression(callee); args.forEach { expression($0) }
            case .assign(let l, let r):
                // `d.back = d.front`: two members own one buffer; the idiomatic tier moved it out of the first.
                if case .member = l.withoutCasts.kind, case .member = r.withoutCasts.kind, l.type.isPointer { flag("a pointer member given another member's pointer", e.loc) }
                // `malloc(n * sizeof(int))` into a `char *`: the idiomatic tier counted elements, not bytes.
                if case .pointer(let p, _) = l.type, p.intKind?.size == 1, case .call(let callee, let args) = r.withoutCasts.kind,
                   case .function(let id) = stripped(callee).kind, ["malloc", "realloc"].contains(program.functions[id].name),
                   let bytes = args.last, case .binary(.mul, let a, let b) = bytes.withoutCasts.kind, a.integerLiteralValue.map({ $0 > 1 }) ?? b.integerLiteralValue.map({ $0 > 1 }) ?? false {
                    flag("an allocation of bytes counted in wider elements", e.loc)
                }
                expression(l); expression(r)
            case .conditional(let a, let b, let c):
                // `c ? &x : NULL`: the idiomatic tier makes the NULL side an unwrap that panics.
                if e.type.isPointer, b.isNullPointerConstant != c.isNullPointerConstant { flag("a conditional that gives a pointer or NULL", e.loc) }
                // `c ? -1 : 0u`: two literals in a type other than int, which Rust types as i32.
                if e.type.isInteger, e.type != .int(.int), Self.isLiteralNumber(b), Self.isLiteralNumber(c) {
                    flag("a conditional of two literals in a type other than int", e.loc)
                }
                noteTruthTest(a)
                expression(a); expression(b); expression(c)
            case .subscript(let a, let b): expression(a); expression(b)
            case .compoundLiteral(let x): expression(x)
            case .statementExpr(let s): statement(s)
            default: break
            }
        }

        /// A `char` array (not a literal) under the conversions to a pointer.
        private func arrayOperand(_ e: CExpr) -> Bool {
            var x = e
            while case .cast(let inner, _) = x.kind {
                if inner.type.isArrayLike { return !isLiteral(inner) }
                x = inner
            }
            return false
        }

        private func isLiteral(_ e: CExpr) -> Bool {
            if case .stringLiteral = e.kind { return true }
            return false
        }

        /// `snprintf(buf, n, "literal", ...)` that does not truncate a string: a format of numbers
        /// (`%d %i %u %x %c`, with `l`/`ll` and a plain width; their values are taken to fit, as in
        /// `"%05d %d"`), or whose `%s` operands are literals and whose longest output fits `n`.
        /// (A number cut by a buffer too small for it is not guarded.)
        static func snprintfFits(_ args: [CExpr]) -> Bool {
            guard args.count >= 3, let n = args[1].integerLiteralValue,
                  case .stringLiteral(let format) = args[2].withoutCasts.kind else { return false }
            var operand = 3
            var strings = false
            var longest = 0, i = 0
            while i < format.count {
                guard format[i] == UInt8(ascii: "%") else { longest += 1; i += 1; continue }
                i += 1
                var width = 0
                while i < format.count, (48...57).contains(format[i]) { width = width * 10 + Int(format[i] - 48); i += 1 }
                var longs = 0
                while i < format.count, format[i] == UInt8(ascii: "l") { longs += 1; i += 1 }
                guard i < format.count else { return false }
                let c = format[i]
                i += 1
                let size: Int
                switch c {
                case UInt8(ascii: "d"), UInt8(ascii: "i"): size = longs > 0 ? 20 : 11
                case UInt8(ascii: "u"): size = longs > 0 ? 20 : 10
                case UInt8(ascii: "x"), UInt8(ascii: "X"): size = longs > 0 ? 16 : 8
                case UInt8(ascii: "c"): size = 1
                case UInt8(ascii: "%"): size = 1; operand -= 1
                case UInt8(ascii: "s"):
                    guard operand < args.count, case .stringLiteral(let text) = args[operand].withoutCasts.kind else { return false }
                    strings = true
                    size = text.count
                default: return false
                }
                operand += 1
                longest += max(size, width)
            }
            return !strings || longest < n
        }

        private func isOutsideASCII(_ e: CExpr) -> Bool {
            guard case .intLiteral(let v) = stripped(e).kind else { return false }
            let signed = Int64(bitPattern: v)
            return signed < 0 || signed > 127
        }

        private func isPromotedChar(_ e: CExpr) -> Bool {
            if case .cast(let x, false) = e.kind, x.type == .int(.char) { return true }
            return false
        }

        private func stripped(_ e: CExpr) -> CExpr {
            if case .cast(let x, _) = e.kind { return stripped(x) }
            return e
        }

        private mutating func callCheck(_ callee: CExpr, _ args: [CExpr], _ loc: CLoc) {
            guard case .function(let id) = stripped(callee).kind else { return }
            let name = program.functions[id].name
            let formatIndex: Int? = ["printf": 0, "fprintf": 1, "sprintf": 1, "snprintf": 2, "dprintf": 1][name]
            if let k = formatIndex, k < args.count, case .stringLiteral(let bytes) = stripped(args[k]).kind {
                if !formatIsPlain(bytes) { flag("printf flags, precision or conversions beyond the plain ones", loc) }
                // A NUL ends C's format (and a `%s` string) where Rust's text goes on.
                if bytes.contains(0) { flag("a string with a NUL inside", loc) }
                for a in args.dropFirst(k + 1) {
                    switch stripped(a).kind {
                    case .stringLiteral(let text) where text.contains(0): flag("a string with a NUL inside", loc)
                    // `b + 2`, `&b[2]`: text from inside a buffer, which the idiomatic tier prints from its start or as a number.
                    case .binary(.add, let l, _) where l.type.isPointer || l.type.element != nil: flag("%s of a pointer into a buffer", loc)
                    case .unary(.addressOf, let x): if case .subscript = x.kind { flag("%s of a pointer into a buffer", loc) }
                    default: break
                    }
                }
                // `%s` of a writable buffer: the idiomatic slice has no NUL to stop at.
                var argument = k + 1
                var i = 0
                while i < bytes.count {
                    if bytes[i] == UInt8(ascii: "%") {
                        var j = i + 1
                        while j < bytes.count, !(UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[j]) && !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[j]) && bytes[j] != UInt8(ascii: "%") { j += 1 }
                        if j < bytes.count, bytes[j] == UInt8(ascii: "%") { i = j + 1; continue }
                        if j < bytes.count, bytes[j] == UInt8(ascii: "s"), argument < args.count,
                           case .pointer(.int(let kind), let constant) = stripped(args[argument]).type, kind.size == 1, !constant,
                           case .variable(let v) = stripped(args[argument]).kind, program.variables[v].storage == .parameter {
                            flag("%s of a writable char buffer", loc)
                        }
                        // `%c` of a number computed in place (`d - 26`): a byte past 127 would print as two of UTF-8.
                        if j < bytes.count, bytes[j] == UInt8(ascii: "c"), argument < args.count, case .binary = stripped(args[argument]).kind,
                           stripped(args[argument]).type.intKind.map({ $0.size > 1 }) ?? false,
                           !(stripped(args[argument]).integerLiteralValue.map { (0...127).contains($0) } ?? false) {
                            flag("%c of a computed value", loc)
                        }
                        argument += 1
                        i = j + 1
                        continue
                    }
                    i += 1
                }
            }
            if ["putchar", "fputc", "putc"].contains(name), let first = args.first, case .intLiteral(let v) = stripped(first).kind, v >= 0x80 {
                flag("a non-ASCII byte written with \(name)", loc)
            }
            if name == "fgets", args.count >= 2, case .intLiteral(let n) = stripped(args[1]).kind, n < 64 {
                flag("fgets with a small buffer (lines split as C splits them)", loc)
            }

        }

        /// Conversions the idiomatic tier renders exactly: %d %i %u %ld %lu %zu %x %X %s %f %%
        /// with a plain width, `-` and `0` flags, and a precision only on %f and %s.
        private func formatIsPlain(_ bytes: [UInt8]) -> Bool {
            var i = 0
            while i < bytes.count {
                guard bytes[i] == UInt8(ascii: "%") else { i += 1; continue }
                i += 1
                var precision = false
                while i < bytes.count {
                    let c = bytes[i]
                    if c == UInt8(ascii: "#") || c == UInt8(ascii: " ") || c == UInt8(ascii: "'") { return false }
                    // `%.*s` (a length-bounded string) is rendered; other `*` widths are not.
                    if c == UInt8(ascii: "*"), !(precision && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "s")) { return false }
                    if c == UInt8(ascii: ".") { precision = true }
                    if (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(c) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(c) || c == UInt8(ascii: "%") {
                        // `h`/`hh` convert to short or char first, which the idiomatic tier does not.
                        if c == UInt8(ascii: "h") { return false }
                        if ["l", "z", "j", "t", "L", "q"].map({ UInt8(ascii: $0) }).contains(c) { i += 1; continue }
                        if c == UInt8(ascii: "%") || c == UInt8(ascii: "s") || c == UInt8(ascii: "f") { break }
                        if precision { return false }
                        if ["d", "i", "u", "x", "X"].map({ UInt8(ascii: $0) }).contains(c) { break }
                        if c == UInt8(ascii: "c") { break }
                        return false   // %e %g %a %o %p %n ...
                    }
                    i += 1
                }
                i += 1
            }
            return true
        }
    }
}
