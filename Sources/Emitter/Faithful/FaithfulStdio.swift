import CSyntax
import RustSyntax

/// Standard output and error in safe Rust. When every way a program writes to standard output
/// is a call the `cstdio` support module can take (`printf` with a literal format, `puts`,
/// `putchar`, `fprintf`/`fputs`/`fputc` to `stdout` or `stderr`, `fflush(stdout)`, `exit`),
/// those calls go to that module instead of the C library: it formats as glibc does and
/// buffers standard output as C does, so the bytes and the moments they reach the file
/// descriptor are the C program's, and a function that only prints needs no `unsafe`.
/// Anything else that could write to or end standard output (`vprintf`, `write`, `system`,
/// `atexit`, `stdout` held in a variable, a format not written as a literal...) keeps the whole
/// program on the C library, since two buffers in front of one descriptor would reorder it.
extension FaithfulTranslator {
    /// What is read as a C string without `unsafe`: parameters lifted to slices, tables of
    /// literals, locals that only hold one literal, functions that only return literals.
    struct SafeStrings: Sendable {
        var lifted: [Int: ReferenceLifting.Lift] = [:]
        var tables: Set<Int> = []
        var aliases: [Int: [UInt8]] = [:]
        var functions: Set<Int> = []
        /// Struct members that only hold literals or NULL (FaithfulLiteralFields).
        var fields: Set<FieldKey> = []
        /// Globals that only hold literals or NULL (FaithfulLiteralGlobals).
        var globals: Set<Int> = []
        /// The program reads or writes `errno`: `strtol` and kin keep the C library (they set it).
        var errno = true
        /// Records on heaps of handles (FaithfulHeap): their `char` arrays are read from a copy.
        var heap: Set<Int> = []
        /// Locals that only hold static text (FaithfulTextLocals): read as their slices.
        var texts: Set<Int> = []
        /// Globals in thread-local cells (FaithfulGlobalCells): their `char` arrays are read from a copy.
        var cells: Set<Int> = []
        /// Local `char` buffers that are `Vec`s (FaithfulVectors): read and written as slices.
        var vectors: Set<Int> = []
        /// Every local buffer that is a `Vec`, and every cursor into an array of records: an
        /// array inside one of its elements is in place.
        var elements: Set<Int> = []
        /// A text comparator's parameters (FaithfulTextTables): `*a` is an element's text.
        var references: Set<Int> = []
        /// Positions in arrays (FaithfulElementPositions): `a->name` is an array in place.
        var positions = ElementPositions.none
    }

    var safeStrings: SafeStrings {
        SafeStrings(lifted: liftedParameters, tables: literalTables, aliases: literalAliases, functions: literalFunctions,
                    fields: literalFields, globals: Set(literalGlobals.keys), errno: usesErrno, heap: heapRecords, texts: textLocals,
                    cells: unboundCells, vectors: localVectors.charVectors,
                    elements: localVectors.ids.union(localCursors.inArrays()),
                    references: textTables.references, positions: elementPositions)
    }

    /// A stream argument the support module knows.
    enum StdioStream { case out, err }

    /// How one `printf` argument is passed.
    indirect enum StdioArgument {
        case int(CExpr)
        case double(CExpr)
        /// A pointer for `%p`.
        case pointer(CExpr)
        /// A string literal's bytes.
        case literal([UInt8])
        /// A char array reached without a pointer (a local, a member of a local): a safe slice.
        case array(CExpr)
        /// Such an array from an offset (`buf + 2`, `&buf[2]`): the slice's rest.
        case arrayTail(CExpr, from: CExpr)
        /// A `char *` read up to its NUL (or `limit` bytes): an `unsafe` read.
        case cString(CExpr, limit: Int?)
        /// A parameter lifted to a slice (`&[u8]` holding a literal, or `&[i8]`): read safely.
        case liftedString(Int)
        /// A local `char` buffer from `malloc`, a `Vec` (FaithfulVectors): its elements, read safely.
        case vector(Int)
        /// An element of a table of string literals (`names[i]`): read safely.
        case tableString(table: Int, index: CExpr)
        /// `c ? a : b` of two strings read safely.
        case choice(CExpr, StdioArgument, StdioArgument)
        /// A call of a function that only returns literals (its `&[u8]`).
        case literalCall(CExpr)
        /// A struct member or a global that only holds literals or NULL, with what is printed for NULL.
        case optionalString(CExpr, null: [UInt8])
    }

    /// A call the support module takes instead of the C library.
    enum StdioCall {
        case printf(StdioStream, [UInt8], [StdioArgument])
        case puts(StdioArgument)
        case fputs(StdioArgument, StdioStream)
        case fputc(CExpr, StdioStream)
        case fflush(StdioStream)
        case exit(CExpr)
    }

    /// The library functions that write to standard output or end the program with it flushed.
    static let stdioFunctions: Set<String> = ["printf", "fprintf", "puts", "putchar", "fputs", "fputc", "putc", "fflush", "exit"]

    /// Functions that write to standard output, flush it or end the program in ways the support
    /// module cannot follow: a program calling one keeps the C library's standard output.
    static let stdioBlockers: Set<String> = [
        "vprintf", "vdprintf", "dprintf", "write", "writev", "pwrite", "fwrite", "fwrite_unlocked", "putchar_unlocked", "putc_unlocked",
        "fputc_unlocked", "fputs_unlocked", "puts_unlocked", "__printf_chk", "__fprintf_chk", "__vprintf_chk",
        "system", "popen", "fork", "vfork", "execv", "execvp", "execve", "execl", "execlp", "execle", "posix_spawn", "posix_spawnp",
        "atexit", "at_quick_exit", "on_exit", "err", "errx", "verr", "verrx", "error", "error_at_line",
        "setlocale", "uselocale", "dup", "dup2", "dup3", "close", "freopen", "setvbuf", "setbuf", "setlinebuf", "fcloseall",
    ]

    /// `stdout` or `stderr` named directly.
    static func standardStream(_ e: CExpr, _ program: Program) -> StdioStream? {
        guard case .variable(let id) = e.withoutCasts.kind, program.variables[id].storage == .external else { return nil }
        switch program.variables[id].name {
        case "stdout": return .out
        case "stderr": return .err
        default: return nil
        }
    }

    /// Whether the program's standard output can go through the support module: every call
    /// that writes to it is one `stdioCall` takes, `stdout` appears only as such a call's
    /// stream, and no `stdioBlockers` function is called or taken as a value.
    static func stdioRuntimeApplies(_ program: Program) -> Bool {
        var ok = true
        func expression(_ e: CExpr) {
            guard ok else { return }
            switch e.kind {
            case .call(let callee, let args):
                if case .function(let id) = callee.withoutCasts.kind, program.functions[id].body == nil {
                    let name = program.functions[id].name
                    if stdioBlockers.contains(name) { ok = false; return }
                    if stdioFunctions.contains(name) {
                        guard stdioCall(name, args, program) != nil else { ok = false; return }
                        // The stream is known; the other operands are looked at as values.
                        for a in args where standardStream(a, program) == nil { expression(a) }
                        return
                    }
                    args.forEach(expression)
                    return
                }
                expression(callee); args.forEach(expression)
            case .function(let id):
                let name = program.functions[id].name
                if program.functions[id].body == nil, stdioFunctions.contains(name) || stdioBlockers.contains(name) { ok = false }
            case .variable(let id):
                if program.variables[id].storage == .external, program.variables[id].name == "stdout" { ok = false }
            default:
                e.forEachChild(expression)
            }
        }
        for f in program.functions where f.body != nil { f.body!.forEachExpression(expression) }
        for v in program.variables { if let e = v.initializer { expression(e) } }
        return ok
    }

    /// The support module's form of a call to `name`, or nil when it cannot take this call.
    static func stdioCall(_ name: String, _ args: [CExpr], _ program: Program, strings: SafeStrings = SafeStrings()) -> StdioCall? {
        func stringArgument(_ e: CExpr, limit: Int?, _ program: Program) -> StdioArgument? {
            if let safe = safeString(e, strings) { return safe }
            return Self.stringArgument(e, limit: limit, program, strings.lifted, strings.positions, strings.elements)
        }
        switch name {
        case "printf":
            guard let first = args.first else { return nil }
            return printfCall(.out, first, args.dropFirst(), program, strings)
        case "fprintf":
            guard args.count >= 2, let stream = standardStream(args[0], program) else { return nil }
            return printfCall(stream, args[1], args.dropFirst(2), program, strings)
        case "puts":
            guard args.count == 1, let s = stringArgument(args[0], limit: nil, program) else { return nil }
            return .puts(s)
        case "putchar":
            guard args.count == 1 else { return nil }
            return .fputc(args[0], .out)
        case "fputs":
            guard args.count == 2, let stream = standardStream(args[1], program), let s = stringArgument(args[0], limit: nil, program) else { return nil }
            return .fputs(s, stream)
        case "fputc", "putc":
            guard args.count == 2, let stream = standardStream(args[1], program) else { return nil }
            return .fputc(args[0], stream)
        case "fflush":
            guard args.count == 1, let stream = standardStream(args[0], program) else { return nil }
            return .fflush(stream)
        case "exit":
            guard args.count == 1 else { return nil }
            return .exit(args[0])
        default:
            return nil
        }
    }

    private static func printfCall(_ stream: StdioStream, _ format: CExpr, _ rest: ArraySlice<CExpr>, _ program: Program,
                                   _ strings: SafeStrings) -> StdioCall? {
        formatted(format, rest, program, strings).map { .printf(stream, $0.0, $0.1) }
    }

    /// `snprintf(buf, n, "...", ...)` and `sprintf(buf, "...", ...)` into a `char` buffer reached
    /// without a pointer: the destination, the size (nil for `sprintf`), the format and its operands.
    static func formatCall(_ name: String, _ args: [CExpr], _ program: Program, _ strings: SafeStrings)
        -> (CStringTarget, CExpr?, [UInt8], [StdioArgument])? {
        let n: CExpr?, at: Int
        switch name {
        case "snprintf", "__builtin_snprintf": guard args.count >= 3, args[1].type.isInteger else { return nil }; n = args[1]; at = 2
        case "sprintf", "__builtin_sprintf": guard args.count >= 2 else { return nil }; n = nil; at = 1
        default: return nil
        }
        let measure = args[0].isNullPointerConstant && n?.integerLiteralValue == 0
        guard let target = measure ? .nothing : writableTarget(args[0], program, strings),
              let (format, operands) = formatted(args[at], args[(at + 1)...], program, strings) else { return nil }
        // An operand that reads the destination overlaps it (undefined in C; a borrow conflict here).
        let root = targetRoot(target)
        if let root {
            for (a, operand) in zip(args[(at + 1)...], operands) where a.mentions(variable: root) {
                switch operand {
                // Computed before the buffer is lent (as C computes them before the call).
                case .int, .double, .pointer, .literal, .tableString, .optionalString, .literalCall: continue
                // Another member of the destination's object (`snprintf(r->tag, n, "%s", r->name)`).
                case .array(let x): if case .array(let t) = target, disjoint(x, t, program) { continue }
                default: break
                }
                return nil
            }
        }
        return (target, n, format, operands)
    }

    private static func formatted(_ format: CExpr, _ rest: ArraySlice<CExpr>, _ program: Program,
                                  _ strings: SafeStrings) -> ([UInt8], [StdioArgument])? {
        guard case .stringLiteral(let bytes) = format.withoutCasts.kind, let kinds = conversions(bytes) else { return nil }
        let values = Array(rest)
        guard kinds.count == values.count else { return nil }
        var out: [StdioArgument] = []
        for (kind, a) in zip(kinds, values) {
            switch kind {
            case .int:
                guard a.type.isInteger else { return nil }
                out.append(.int(a))
            case .double:
                guard a.type.isFloating, a.type != .float(.longDouble) else { return nil }
                out.append(.double(a))
            case .pointer:
                guard a.type.isPointer, !isFunctionPointer(a.type) else { return nil }
                out.append(.pointer(a))
            case .string(let limit):
                if let safe = safeString(a, strings, limit: limit) { out.append(safe); continue }
                guard let s = stringArgument(a, limit: limit, program, strings.lifted, strings.positions, strings.elements) else { return nil }
                out.append(s)
            }
        }
        return (bytes, out)
    }

    /// A string operand read without `unsafe`: a lifted slice parameter, a literal table's element.
    static func safeString(_ e: CExpr, _ strings: SafeStrings, limit: Int? = nil) -> StdioArgument? {
        let s = e.withoutCasts
        if let x = strings.positions.textPlace(s) {
            // Text at a position (FaithfulElementPositions): glibc prints NULL as "(null)".
            return .choice(s, .array(x), .literal(Array((limit.map { $0 < 6 } ?? false ? "" : "(null)").utf8)))
        }
        if let bytes = literalBytes(s, strings.aliases) { return .literal(bytes) }
        // A `char` array inside a heap object (`p->name`): read from a copy of it.
        if case .array(.int(let k), _) = s.type, k.size == 1, HeapRecords.root(s, strings.heap) != nil || GlobalCells.root(s, strings.cells) != nil { return .array(s) }
        if case .variable(let id) = s.kind, strings.globals.contains(id) {
            return .optionalString(s, null: Array((limit.map { $0 < 6 } ?? false ? "" : "(null)").utf8))
        }
        if case .member(_, let r, let k, _) = s.kind, strings.fields.contains(FieldKey(record: r, field: k)) {
            return .optionalString(s, null: Array((limit.map { $0 < 6 } ?? false ? "" : "(null)").utf8))
        }
        if case .conditional(let c, let a, let b) = s.kind, let x = safeString(a, strings, limit: limit), let y = safeString(b, strings, limit: limit) {
            return .choice(c, x, y)
        }
        if case .variable(let id) = s.kind, strings.lifted[id]?.slice == true { return .liftedString(id) }
        if case .variable(let id) = s.kind, strings.vectors.contains(id) { return .vector(id) }
        if case .subscript(let base, let index) = s.kind, let id = tableName(base), strings.tables.contains(id) {
            return .tableString(table: id, index: index)
        }
        if case .call(let callee, _) = s.kind, case .function(let id) = callee.withoutCasts.kind, strings.functions.contains(id) { return .literalCall(s) }
        if case .variable(let id) = s.kind, strings.texts.contains(id) { return .literalCall(s) }   // its slice, as a literal function's
        if case .unary(.deref, let p) = s.kind, case .variable(let id) = p.withoutCasts.kind, strings.references.contains(id) { return .literalCall(s) }
        if textTail(s) != nil, isStaticText(s, tables: strings.tables, texts: strings.texts.union(strings.aliases.keys), functions: strings.functions,
                                            references: strings.references) {
            return .literalCall(s)   // the rest of static text: its slice
        }
        if let (b, _) = textTail(s), case .variable(let id) = b.withoutQualifierCasts.kind, let l = strings.lifted[id], l.slice, !l.cursor, !l.offset {
            return .literalCall(s)   // the rest of a lifted slice
        }
        return nil
    }

    private static func isFunctionPointer(_ t: CTy) -> Bool {
        if case .pointer(.function, _) = t { return true }
        return false
    }

    /// A string operand: a literal, a char array in place, or a `char *` to read.
    private static func stringArgument(_ e: CExpr, limit: Int?, _ program: Program, _ lifted: [Int: ReferenceLifting.Lift],
                                       _ positions: ElementPositions, _ vectors: Set<Int> = []) -> StdioArgument? {
        let s = e.withoutCasts
        if case .stringLiteral(let bytes) = s.kind { return .literal(bytes) }
        if case .array(.int(let k), _) = s.type, k.size == 1, isInPlace(s, program, lifted: lifted, positions: positions, vectors: vectors) { return .array(s) }
        if let (array, k) = arrayTail(e, program, lifted, positions, vectors) { return .arrayTail(array, from: k) }
        guard case .pointer(let p, _) = e.type, case .int(let k) = p, k.size == 1 else { return nil }
        return .cString(e, limit: limit)
    }

    /// An array reached without a raw pointer: a local variable, a member of one, a row of one
    /// (`names[i]` of `char names[4][8]`, a checked index), or a place a lifted parameter
    /// reaches (`r->name`, `rows[i].name`, `*m`), through a `&mut` one where it is `writing`,
    /// or a position in an array reaches (`a->name`, FaithfulElementPositions).
    static func isInPlace(_ e: CExpr, _ program: Program, lifted: [Int: ReferenceLifting.Lift] = [:], positions: ElementPositions = .none,
                          writing: Bool = false, vectors: Set<Int> = []) -> Bool {
        func liftedParameter(_ x: CExpr, slice: Bool) -> Bool {
            if !slice, positions.isPosition(x) {
                if case .pointer(_, true) = x.withoutQualifierCasts.type { return !writing }
                return true
            }
            guard case .variable(let id) = x.withoutQualifierCasts.kind else { return false }
            if vectors.contains(id) { return true }   // a local buffer written as a `Vec`
            guard let l = lifted[id] else { return false }
            return !l.bytes && (!slice || l.slice) && (!writing || l.mutable)
        }
        switch e.kind {
        case .variable(let id): return program.variables[id].storage == .local
        case .member(let base, let r, _, let arrow):
            guard !program.records[r].isUnion else { return false }
            if arrow { return liftedParameter(base, slice: false) }
            // A member of a record a call returns (`make().name`): a value no pointer reaches (C
            // cannot write it either).
            if case .call = base.kind { return !writing }
            return isInPlace(base, program, lifted: lifted, positions: positions, writing: writing, vectors: vectors)
        case .subscript(let base, _):
            if liftedParameter(base, slice: true) { return true }
            guard case .cast(let array, _) = base.kind, case .array(_, let n) = array.type, (n ?? 0) > 1 else { return false }
            return isInPlace(array, program, lifted: lifted, positions: positions, writing: writing, vectors: vectors)
        case .unary(.deref, let x): return liftedParameter(x, slice: false)
        default: return false
        }
    }

    /// `buf + k` or `&buf[k]` of a `char` array in place: the array and the offset.
    static func arrayTail(_ e: CExpr, _ program: Program, _ lifted: [Int: ReferenceLifting.Lift] = [:], _ positions: ElementPositions = .none,
                          _ vectors: Set<Int> = []) -> (CExpr, CExpr)? {
        guard let (base, k) = e.pointerOffset, case .cast(let array, _) = base.withoutQualifierCasts.kind,
              case .array(.int(let c), _) = array.type, c.size == 1, isInPlace(array, program, lifted: lifted, positions: positions, vectors: vectors) else { return nil }
        return (array, k)
    }

    /// The variable an array in place belongs to (`v` of `v.rows[i].name`, `r` of `r->name`).
    static func arrayRoot(_ e: CExpr) -> Int? {
        switch e.kind {
        case .variable(let id): return id
        case .member(let base, _, _, false): return arrayRoot(base)
        case .member(let base, _, _, true), .unary(.deref, let base):
            if case .variable(let id) = base.withoutQualifierCasts.kind { return id }
            return nil
        case .subscript(let base, _):
            if case .cast(let array, _) = base.kind { return arrayRoot(array) }
            if case .variable(let id) = base.withoutQualifierCasts.kind { return id }
            return nil
        default: return nil
        }
    }

    /// Two places of one object that share no byte: their member paths part at two members of
    /// a record (not a union) with nothing but members before (`r->name` and `r->tag`, `v.a.x`
    /// and `v.b`). Two elements of one array may be one (`a[i]`, `a[j]`).
    static func disjoint(_ a: CExpr, _ b: CExpr, _ program: Program) -> Bool {
        enum Step: Equatable { case member(record: Int, field: Int), index }
        func path(_ e: CExpr) -> (root: Int, steps: [Step])? {
            switch e.withoutQualifierCasts.kind {
            case .variable(let id): return (id, [])
            case .unary(.deref, let x):
                if case .variable(let id) = x.withoutQualifierCasts.kind { return (id, []) }
                return nil
            case .member(let base, let r, let k, true):
                guard case .variable(let id) = base.withoutQualifierCasts.kind else { return nil }
                return (id, [.member(record: r, field: k)])
            case .member(let base, let r, let k, false):
                return path(base).map { ($0.root, $0.steps + [.member(record: r, field: k)]) }
            case .subscript(let base, _):
                let inner = base.withoutCasts
                return path(inner.type.isArrayLike ? inner : base).map { ($0.root, $0.steps + [.index]) }
            default: return nil
            }
        }
        guard let p = path(a), let q = path(b), p.root == q.root else { return false }
        for (x, y) in zip(p.steps, q.steps) {
            guard case .member(let r, let k) = x, case .member(let s, let l) = y, r == s else { return false }
            if k != l { return !program.records[r].isUnion }
        }
        return false
    }

    enum ConversionKind: Equatable { case int, double, pointer, string(limit: Int?) }

    /// The arguments a literal format takes, in order (`*` widths and precisions are ints), or
    /// nil when the support module does not render it (`%n`, `%m`, positional `%1$d`, wide
    /// characters, `long double`, `%.*s`).
    static func conversions(_ bytes: [UInt8]) -> [ConversionKind]? {
        var kinds: [ConversionKind] = []
        var i = 0
        func at(_ k: Int) -> UInt8 { k < bytes.count ? bytes[k] : 0 }
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "%") else { i += 1; continue }
            i += 1
            while "-+ #0'".utf8.contains(at(i)) { i += 1 }
            if at(i) == UInt8(ascii: "*") { kinds.append(.int); i += 1 } else {
                var digits = 0
                while (48...57).contains(at(i)) { i += 1; digits += 1 }
                if digits > 0, at(i) == UInt8(ascii: "$") { return nil }
            }
            var precision: Int?
            var starPrecision = false
            if at(i) == UInt8(ascii: ".") {
                i += 1
                if at(i) == UInt8(ascii: "*") { kinds.append(.int); starPrecision = true; i += 1 } else {
                    var p = 0
                    while (48...57).contains(at(i)) { p = p * 10 + Int(at(i) - 48); i += 1 }
                    precision = p
                }
            }
            var long = 0
            while "hlLqjztZ".utf8.contains(at(i)) {
                if at(i) == UInt8(ascii: "L") { return nil }
                if at(i) == UInt8(ascii: "l") { long += 1 }
                i += 1
            }
            let c = at(i)
            i += 1
            switch c {
            case UInt8(ascii: "%"): continue
            case UInt8(ascii: "d"), UInt8(ascii: "i"), UInt8(ascii: "u"), UInt8(ascii: "o"), UInt8(ascii: "x"), UInt8(ascii: "X"),
                 UInt8(ascii: "b"), UInt8(ascii: "B"):
                kinds.append(.int)
            case UInt8(ascii: "c"):
                if long > 0 { return nil }
                kinds.append(.int)
            case UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "g"), UInt8(ascii: "G"),
                 UInt8(ascii: "a"), UInt8(ascii: "A"):
                kinds.append(.double)
            case UInt8(ascii: "p"): kinds.append(.pointer)
            case UInt8(ascii: "s"):
                if long > 0 || starPrecision { return nil }
                kinds.append(.string(limit: precision))
            default:
                return nil   // %n, %m, %C, %S, a conversion glibc does not know, a format cut short
            }
        }
        return kinds
    }

    // MARK: emission

    private func stream(_ s: StdioStream) -> RExpr { .path(s == .out ? "cstdio::Stream::Out" : "cstdio::Stream::Err") }

    func stdioExpression(_ call: StdioCall, _ e: CExpr) -> RExpr {
        requireStdioSupport()
        let result: RExpr
        switch call {
        case .printf(let s, let format, let args):
            // A char array is lent to the call as a slice; the other operands are evaluated
            // first, so that one that also reaches the array (`strlen(word)`) does not meet the
            // loan. printf reads the array when it is called, after its operands, as here.
            let (lets, list) = formatOperands(args, always: false)
            let fmt = RExpr.literal(byteString(format))
            let printed: RExpr = s == .out ? .call(.path("cstdio::printf"), [fmt, list]) : .call(.path("cstdio::fprintf"), [stream(s), fmt, list])
            result = lets.isEmpty ? printed : .block(RBlock(lets, tail: printed))
        case .puts(let a): result = .call(.path("cstdio::puts"), [stdioArgument(a)])
        case .fputs(let a, let s): result = .call(.path("cstdio::fputs"), [stdioArgument(a), stream(s)])
        case .fputc(let c, let s): result = .call(.path("cstdio::fputc"), [cast(c, to: .int(.int)), stream(s)])
        case .fflush(let s): result = .call(.path("cstdio::fflush"), [stream(s)])
        case .exit(let code): return .call(.path("cstdio::exit"), [cast(code, to: .int(.int))])
        }
        if e.type == .int(.int) || e.type == .void { return result }
        return convert(result, from: .int(.int), to: e.type)
    }

    /// A format's operands as the module's `&[Arg]`. A char array is lent to the call as a
    /// slice; the other operands are evaluated first (always, when the call also writes a
    /// buffer), so that one that also reaches the array (`strlen(word)`) does not meet the loan.
    private func formatOperands(_ args: [StdioArgument], always: Bool) -> ([RStmt], RExpr) {
        var values = args.map(stdioArgument)
        var lets: [RStmt] = []
        if always || args.contains(where: {
            switch $0 { case .array, .arrayTail, .vector, .cString: return true; default: return false }
        }) {
            for (k, a) in args.enumerated() {
                switch a {
                case .array, .arrayTail, .literal, .vector, .cString: continue   // read when the call runs
                default:
                    let t = temporary("arg")
                    lets.append(.letBinding(name: t, mutable: false, type: nil, value: values[k]))
                    values[k] = .path(t)
                }
            }
        }
        return (lets, .method(.arrayLiteral(values), "as_slice", []))
    }

    /// `snprintf`/`sprintf` into a buffer: the module renders and copies, returning the length.
    func formatExpression(_ target: CStringTarget, _ n: CExpr?, _ format: [UInt8], _ args: [StdioArgument], _ e: CExpr) -> RExpr {
        requireStdioSupport()
        if case .object(let x) = target { return objectFormat(into: x, n, format, args, e) }
        let (lets, list) = formatOperands(args, always: true)
        let size: RExpr = n.map { .call(.path("Some"), [.cast(rvalue($0), .named("usize"))]) } ?? .path("None")
        var stmts = lets
        if n != nil, case .call(_, let sizeArg) = size {
            // The size first too: `sizeof buf` or a variable, never the buffer itself.
            let t = temporary("n")
            stmts.append(.letBinding(name: t, mutable: false, type: nil, value: sizeArg[0]))
            let written = RExpr.call(.path("cstdio::snprintf"), [slice(target), .call(.path("Some"), [.path(t)]), .literal(byteString(format)), list])
            return convert(.block(RBlock(stmts, tail: written)), from: .int(.int), to: e.type == .void ? .int(.int) : e.type)
        }
        let written = RExpr.call(.path("cstdio::snprintf"), [slice(target), size, .literal(byteString(format)), list])
        return convert(.block(RBlock(stmts, tail: written)), from: .int(.int), to: e.type == .void ? .int(.int) : e.type)
    }

    /// `snprintf` into a `char` array inside a heap object or a global's cell: every operand
    /// first (an array inside such an object read into a copy), then the write inside the
    /// object's closure.
    private func objectFormat(into x: CExpr, _ n: CExpr?, _ format: [UInt8], _ args: [StdioArgument], _ e: CExpr) -> RExpr {
        // The operands, count and destination's indexes first; the strings `%s` reads are read
        // when the call runs, after them (copies of those inside heap objects or cells, last).
        var stmts: [RStmt] = []
        var reads: [RStmt] = []
        var values: [RExpr] = []
        for a in args {
            let t = temporary("arg")
            if case .array(let y) = a, closurePlace(y) {
                reads.append(.letBinding(name: t, mutable: false, type: nil, value: place(y)))
                values.append(textArgument(.method(.path(t), "as_slice", []), of: y.type.element))
            } else {
                switch a {
                case .int, .double, .pointer: stmts.append(.letBinding(name: t, mutable: false, type: nil, value: stdioArgument(a)))
                default: reads.append(.letBinding(name: t, mutable: false, type: nil, value: stdioArgument(a)))
                }
                values.append(.path(t))
            }
        }
        var size: RExpr = .path("None")
        if let n {
            let t = temporary("n")
            stmts.append(.letBinding(name: t, mutable: false, type: nil, value: .cast(rvalue(n), .named("usize"))))
            size = .call(.path("Some"), [.path(t)])
        }
        guard let (pins, handle, path) = heapAccess(x) else { return .unitValue }
        stmts += pins + reads
        let written = RExpr.call(.path("cstdio::snprintf"), [.method(path, "as_mut_slice", []), size, .literal(byteString(format)),
                                                            .method(.arrayLiteral(values), "as_slice", [])])
        let call = RExpr.method(handle, "set", [.lambda([Self.heapObject], written)])
        return convert(.block(RBlock(stmts, tail: call)), from: .int(.int), to: e.type == .void ? .int(.int) : e.type)
    }

    /// A slice of C characters as the module's operand: `Arg::Chars` of `char`s (`i8`),
    /// `Arg::Str` of `unsigned char`s (`u8`).
    private func textArgument(_ slice: RExpr, of element: CTy?) -> RExpr {
        .call(.path(element?.intKind?.isSigned ?? true ? "cstdio::Arg::Chars" : "cstdio::Arg::Str"), [slice])
    }

    private func stdioArgument(_ a: StdioArgument) -> RExpr {
        switch a {
        case .int(let x): return .call(.path("cstdio::Arg::Int"), [cast(x, to: .int(.longlong))])
        case .double(let x): return .call(.path("cstdio::Arg::Double"), [cast(x, to: .float(.double))])
        case .pointer(let x): return .call(.path("cstdio::Arg::Ptr"), [.cast(rvalue(x), .named("usize"))])
        case .literal(let bytes): return .call(.path("cstdio::Arg::Str"), [.literal(byteString(bytes))])
        case .array(let x): return textArgument(.method(place(x), "as_slice", []), of: x.type.element)
        case .arrayTail(let x, let k):
            return textArgument(.unary(.ref, .index(place(x), .rangeFrom(.cast(rvalue(k), .named("usize"))))), of: x.type.element)
        case .vector(let id): return textArgument(.method(.path(localName(id)), "as_slice", []), of: localVectors.elements[id])
        case .liftedString(let id):
            let bytes = liftedParameters[id]?.bytes == true
            return .call(.path(bytes ? "cstdio::Arg::Str" : "cstdio::Arg::Chars"), [liftedRest(id, mutable: false)])
        case .choice(let c, let a, let b):
            return .ifElse(condition(c), RBlock(tail: stdioArgument(a)), .block(RBlock(tail: stdioArgument(b))))
        case .tableString(let table, let index):
            return .call(.path("cstdio::Arg::Str"), [.index(variableRef(table), .cast(rvalue(index), .named("usize")))])
        case .literalCall(let call):
            // The rest of a lifted `char` slice (`s + k` of `&[i8]`) is C's characters, not bytes.
            if let (b, _) = Self.textTail(call), let id = liftedID(b), liftedParameters[id]?.bytes == false {
                return .call(.path("cstdio::Arg::Chars"), [literalSlice(call)])
            }
            return .call(.path("cstdio::Arg::Str"), [literalSlice(call)])
        case .optionalString(let member, let null):
            return .call(.path("cstdio::Arg::Str"), [literalFieldSlice(member, null: null)])
        case .cString(let p, let limit):
            requireStdioRawSupport()
            let pointer = RExpr.cast(rvalue(p), .pointer(.named("u8"), mutable: false))
            return .call(.path("cstdio::c_string"), [pointer, limit.map { .literal("Some(\($0)usize)") } ?? .path("None")])
        }
    }

    func requireStdioSupport() {
        // In a crate, one buffer for every module (once in `types`): C's stdout is one stream.
        if let crate { crate.addSupport("support:stdio", Self.stdioSupport(raw: true)); return }
        needsStdioSupport = true
    }
    func requireStdioRawSupport() {
        if crate != nil { requireStdioSupport(); return }
        needsStdioSupport = true; needsStdioRawSupport = true
    }
}
