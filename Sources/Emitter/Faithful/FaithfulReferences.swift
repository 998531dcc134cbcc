import CSyntax

/// Pointer parameters lifted to references and slices. A parameter `T *p` becomes `&mut T`
/// (`&T` when it points to `const`), or `&mut [T]` (`&[T]`) when it is indexed or handed on
/// offset, when that is provably what it is, from the whole file:
/// - in its function, `p` is only dereferenced (`*p`, `p->f`), compared or tested, passed on to
///   another lifted parameter, or lent to a C library function that does not keep it (not
///   `strtok`, `setvbuf`, `free`, ...): never assigned, stored, returned, offset or cast;
/// - its function is only called directly (its address is never taken), is not `main`, not
///   variadic and has a prototype;
/// - every call passes `&x` or `&x.f.g` of a local `x` (for a slice: a local array `a`, `a + k`
///   or `&a[k]`) whose address is taken nowhere else but in such arguments and in calls that do
///   not keep it, and that no other argument of the same call mentions; or a lifted parameter of
///   the caller (`q`, `&q->f`, for a slice `q + k`); or, for a single object, NULL: the
///   parameter is then an `Option` (`nullable`).
/// A slice is as long as what the caller lent: an index past its end panics where the C's
/// behaviour was undefined.
/// Then no other pointer reaches the object while the reference lives, which is what Rust's
/// reference promises, and the function's accesses through it need no `unsafe`. Anything else
/// stays a raw pointer. rustc checks the result; what it rejects is translated again without
/// lifting.
struct ReferenceLifting {
    struct Lift: Equatable, Sendable {
        /// `&mut` rather than `&`.
        var mutable: Bool
        /// `&[T]` rather than `&T`.
        var slice: Bool
        /// A `const char *` every caller gives a string literal (or such a parameter): `&[u8]`,
        /// the literal's bytes with its NUL, each read as C's `char`.
        var bytes = false
        /// A slice the function walks (`s++`, `s += k` as statements): a hidden offset
        /// (`s_at`) says where the C pointer is, and `*s` reads `s[s_at]`.
        var cursor = false
        /// Callers may point into the middle of what they lend (`a + k`, their own walked
        /// slice): they lend the whole and say where, in a parameter `s_at` after the slice, so
        /// that `s[-1]` still reaches what C reaches.
        var offset = false
        /// Some caller passes NULL (or its own nullable parameter): `Option<&mut T>`, `None`
        /// for NULL; the function's NULL tests read it, and a dereference unwraps it (a panic
        /// where C's read of NULL faults). Single objects only, not slices.
        var nullable = false
        /// Some caller lends a raw pointer it holds (`p`, `q->next`, `a[i]`): converted at the
        /// call (`p.as_mut()`, `None` for NULL), so the parameter is `nullable` too. Raw pointers
        /// may reach the object elsewhere, so the function must need no `unsafe` at all
        /// (FaithfulTranslator checks it): while it runs, nothing but the reference reaches it.
        var raw = false
        /// `&Cell<T>` for a number only ever read and written whole (`*p`), where callers lend
        /// places that may be the same (`swap(&a[i], &a[j])`): each caller lends one view of
        /// the array as cells, and `*p` is `p.get()`, `*p = v` is `p.set(v)`, so the C's meaning
        /// holds even when the two are one (see FaithfulReferences+Cells).
        var cell = false
    }

    /// Lifted parameters (variable ids).
    var lifted: [Int: Lift] = [:]

    /// A function outside the translation may keep a pointer it is given past the call (or free
    /// it), unless it is a function of the C library (declared in a system header, or a
    /// compiler builtin) that is not one of the `retaining` ones. A function of the project's
    /// own headers that the file does not define may keep anything (another module of a crate,
    /// another file of the project).
    static func mayRetain(_ f: CFunction) -> Bool {
        retaining.contains(f.name) || !(f.isSystem || f.name.hasPrefix("__builtin_"))
    }

    /// Library functions that keep a pointer they are given past the call, or free it.
    static let retaining: Set<String> = [
        "strtok", "strtok_r", "setvbuf", "setbuf", "putenv", "pthread_create", "pthread_setspecific", "atexit", "on_exit",
        "free", "realloc", "reallocarray", "fclose", "freopen", "signal", "sigaction", "qsort_r", "bsearch", "tsearch", "tfind",
        "tdelete", "hsearch", "aio_read", "aio_write", "mmap", "munmap", "longjmp", "setjmp", "_setjmp", "sigsetjmp",
    ]

    /// `e` writes nothing and calls nothing.
    /// With `readers`, calls to the C library functions that only read and return a number
    /// (`numberReaders`: `strlen(buf)`) count as free of effects too.
    static func effectFree(_ e: CExpr, readers program: Program? = nil) -> Bool {
        switch e.kind {
        case .call(let callee, let args):
            guard let program, case .function(let f) = callee.withoutCasts.kind, program.functions[f].body == nil,
                  numberReaders.contains(program.functions[f].name) else { return false }
            return args.allSatisfy { effectFree($0, readers: program) }
        case .assign, .compoundAssign, .statementExpr, .vaArg, .atomic, .intrinsic: return false
        case .unary(let op, _) where [.preInc, .preDec, .postInc, .postDec].contains(op): return false
        default:
            var free = true
            e.forEachChild { if free, !effectFree($0, readers: program) { free = false } }
            return free
        }
    }

    /// C library functions that only read their operands (strings) and return a number.
    static let numberReaders: Set<String> = [
        "strlen", "strnlen", "strcmp", "strncmp", "strcasecmp", "strncasecmp", "memcmp", "strspn", "strcspn", "atoi", "atol", "atoll", "atof",
    ]

    /// The printf family: their variable operands are only read.
    static let formatted: Set<String> = ["printf", "fprintf", "sprintf", "snprintf", "dprintf", "syslog"]

    enum Use {
        /// `*p`, `p->f`, a comparison or a truth test.
        case place
        /// An argument of a user function, at this parameter index.
        case passed(function: Int, index: Int)
        /// `&p->f` given to a user function (a reference into the object).
        case passedField(function: Int, index: Int)
        /// `p + k` or `&p[k]` given to a user function (the rest of a slice).
        case passedPart(function: Int, index: Int)
        /// `p[r]`, a row of a slice of arrays, given to a user function's parameter declared with
        /// at most that many elements (`check_group(g[r])` for `const int vals[9]`).
        case passedRow(function: Int, index: Int)
        /// `p[i]`.
        case indexed
        /// `p[-1]`: before the start, fine for a cursor that has moved on.
        case indexedBefore
        /// `p++`, `p -= k`, `p = p + k` as a statement of its own.
        case advanced
        /// An argument of a library function; `readOnly` when its parameter points to const.
        case library(retaining: Bool, readOnly: Bool)
        case escape
    }

    struct Call {
        var callee: Int
        var args: [CExpr]
    }

    let program: Program
    var uses: [Int: [Use]] = [:]
    /// Each use of a local's address: the same kinds as a parameter's uses.
    var lends: [Int: [Use]] = [:]
    var calls: [Call] = []
    /// `calls` by callee, for the fixed point.
    var callsTo: [Int: [Call]] = [:]
    var addressTaken: Set<Int> = []
    /// Local pointers that hold an address inside what a parameter points to (`char *end =
    /// w->buf + n`): storing one stores that address.
    var derived: [Int: Int] = [:]

    /// Statics the program never writes (FaithfulStatics): lent freely to `&T` and `&[T]`.
    let immutable: Set<Int>

    /// Locals that only ever hold one string literal: passed as that literal.
    let aliases: [Int: [UInt8]]

    /// Local pointers written as indexes (FaithfulCursors): a local array they walk is not
    /// reached through a pointer there.
    let cursors: LocalCursors
    /// Local buffers written as `Vec`s: lent like local arrays.
    let vectors: LocalVectors

    /// Tables of string literals (and `argv`) and functions that only return literals: their
    /// elements and results are static text, lent to a `&[u8]` parameter as they are.
    let tables: Set<Int>
    /// Parameters typed by another analysis: links to handles (FaithfulHeapLinks), a text
    /// comparator's (FaithfulTextTables). Not lifted.
    let links: Set<Int>
    let literalFunctions: Set<Int>
    /// Records on heaps of handles (FaithfulHeap): a pointer to one is a handle, never a reference.
    let heap: Set<Int>
    /// Locals that only hold static text (FaithfulTextLocals).
    let texts: Set<Int>
    /// Functions whose single-object parameters may take raw loans (`Lift.raw`).
    let rawAccepting: Set<Int>
    /// Functions other modules of the crate call directly (`CFunction.isCalledAcross`) that may
    /// take raw loans: their parameters are lifted only as raw loans, which those callers make
    /// of whatever pointer they hold (`p.as_mut()`); the rest keep C's signature.
    let across: Set<Int>
    /// Declarations of another module's functions whose parameters take raw loans
    /// (`FaithfulTranslator.crateLifts`): index -> mutable. They keep no pointer given there.
    let crateLifts: [Int: [Int: Bool]]
    /// Locals whose address is only ever lent for a call (to lifted parameters, or to functions
    /// that keep no pointer): one lent to another module's reference parameter goes as
    /// `Some(&mut x)`, no raw pointer to it being alive.
    var safelyLent: Set<Int> = []
    /// Comparators `cstdlib::qsort` calls with references (FaithfulComparators): no address taken.
    let sortComparators: Set<Int>
    /// Globals that may live in thread-local cells (FaithfulGlobalCells): lent like locals, from
    /// inside the cell's closure.
    let cells: Set<Int>
    /// Records whose `const T *` are static references (FaithfulStaticReferences): never lifted.
    let staticReferences: Set<Int>
    /// Functions that return positions in an array and locals that hold them
    /// (FaithfulElementPositions): an element returned or held there is no address that escapes.
    let positions: ElementPositions
    /// The function being walked.
    var current = -1
    /// Parameters that may be lent as cells (FaithfulReferences+Cells): while the fixed point
    /// runs, a caller's reference may be lent on to one.
    var cellCandidates: Set<Int> = []

    init(program: Program, immutable: Set<Int> = [], aliases: [Int: [UInt8]] = [:], cursors: LocalCursors = .none, vectors: LocalVectors = .none,
         tables: Set<Int> = [], literalFunctions: Set<Int> = [], heap: Set<Int> = [], texts: Set<Int> = [], rawAccepting: Set<Int> = [],
         sortComparators: Set<Int> = [], cells: Set<Int> = [], staticReferences: Set<Int> = [], typedElsewhere: Set<Int> = [],
         positions: ElementPositions = .none, across: Set<Int> = [], crateLifts: [Int: [Int: Bool]] = [:]) {
        self.program = program
        self.crateLifts = crateLifts
        self.across = across.intersection(rawAccepting)
        self.positions = positions
        self.cells = cells
        self.staticReferences = staticReferences
        self.rawAccepting = rawAccepting
        self.sortComparators = sortComparators
        self.texts = texts
        self.heap = heap
        self.tables = tables
        self.links = typedElsewhere
        self.literalFunctions = literalFunctions
        self.immutable = immutable
        self.aliases = aliases
        self.cursors = cursors
        self.vectors = vectors
        findDerived()
        for (id, f) in program.functions.enumerated() where f.body != nil { current = id; statement(f.body!) }
        current = -1
        // A parameter a local cursor walks is indexed through it (FaithfulCursors).
        for p in cursors.parameterBases { note(p, .indexed) }
        // `__attribute__((cleanup(f)))` calls `f` through a pointer: its parameters stay raw.
        for v in program.variables { if let f = v.cleanup { addressTaken.insert(f) } }
        // Another module of the crate calls them by their C signature, or makes raw loans.
        for (id, f) in program.functions.enumerated() where f.isExported && !self.across.contains(id) { addressTaken.insert(id) }
        for v in program.variables where v.storage != .local && v.storage != .parameter { if let e = v.initializer { visit(e) } }
        for (id, v) in program.variables.enumerated() where v.storage == .local {
            if links.contains(id), let e = v.initializer { linkValue(e) }
            else if positions.locals[id] != nil, let e = v.initializer { positionValue(e) }
            else if let operands = cursors.initializerOperands(id) { operands.forEach { visit($0) } } else if let e = v.initializer { visit(e) }
            if let n = v.vlaSize { visit(n) }
        }
        solve()
        safelyLent = Set(lends.keys.filter { x in
            let v = program.variables[x]
            return (v.storage == .local || v.storage == .parameter) && !cells.contains(x) && (lends[x] ?? []).allSatisfy { lentSafely($0, lifted) }
        })
    }

    /// Pointer parameters whose value never outlives the call: only dereferenced, compared,
    /// or passed to such parameters and to library functions that do not keep it. A local
    /// lent to one is still reached by no other pointer once the call returns.
    var transient: Set<Int> = []
}

extension Array {
    subscript(safe i: Int) -> Element? { i >= 0 && i < count ? self[i] : nil }
}

extension CTy {
    var isArrayLike: Bool { if case .array = self { return true }; return false }
}
