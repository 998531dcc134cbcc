import CSyntax

/// Which functions of the faithful tier need `unsafe` at all. A function whose body only
/// computes on its locals and parameters by value (no pointer dereference or arithmetic, no
/// global, no union member, no library call, no call through a pointer, no call to a function
/// that needs `unsafe` itself) is written as a safe `extern "C" fn`. The answer is checked by
/// rustc: an `unsafe` operation this misses is error E0133, and the pipeline then translates
/// again with every function `unsafe`.
extension FaithfulTranslator {
    /// The functions (by id) that need `unsafe`, over the functions with bodies, each with why.
    func functionsNeedingUnsafe(_ ids: [Int]) -> [Int: String] {
        var direct: [Int: String] = [:]
        var callers: [Int: Set<Int>] = [:]
        let packed = Set(program.records.indices.filter { isPacked($0) })
        for id in ids {
            guard let body = program.functions[id].body else { continue }
            var scan = UnsafeScan(program: program, packed: packed, stdio: stdioRuntime, lifted: liftedParameters,
                                  immutable: immutableStatics.union(atomicStatics).union(literalGlobals.keys).union(globalCells),
                                  tables: literalTables, cstring: liftsLibraryCalls, aliases: literalAliases,
                                  cursors: localCursors, vectors: localVectors, ctype: ctypeRuntime, literalFunctions: literalFunctions,
                                  indirectCalls: safeFunctionPointers, stdin: stdinRuntime, errno: usesErrno, fields: literalFields, literalGlobals: Set(literalGlobals.keys), objectAliases: objectAliases,
                                  zeroable: zeroSetsEveryByte, heap: heapRecords, texts: textLocals, errnoModule: errnoModule,
                                  sorted: comparators, cells: globalCells, staticReferences: staticReferences, links: Set(heapLinks.variables.keys),
                                  references: textTables.references, discarded: discardedCalls, positions: elementPositions,
                                  crateFunctions: crateFunctions, safeCalls: safeCrateFunctions, crateLifts: crateLifts, safelyLent: safelyLentLocals, rounding: crate?.setsRounding, function: id)
            scan.statement(body)
            if let why = scan.reason ?? (program.functions[id].type.variadic ? "variable arguments" : nil) {
                direct[id] = why
                if let loc = scan.reasonLoc { unsafeSites[id] = loc }
            }
            for callee in scan.callees { callers[callee, default: []].insert(id) }
        }
        // A caller of a function that needs `unsafe` needs it too.
        var result = direct
        var work = Array(direct.keys)
        for id in ids where program.functions[id].body == nil { work.append(id); result[id] = "a C library call" }
        while let f = work.popLast() {
            for c in callers[f] ?? [] where result[c] == nil {
                result[c] = "a call to a function that needs unsafe"
                work.append(c)
            }
        }
        return result
    }

    struct UnsafeScan {
        let program: Program
        /// Records laid out packed: their members are reached through unaligned reads.
        let packed: Set<Int>
        /// Standard output goes through the `cstdio` support module: its calls are safe.
        let stdio: Bool
        /// Parameters lifted to references: reached through them without `unsafe`.
        let lifted: [Int: ReferenceLifting.Lift]
        /// Immutable statics: read without `unsafe`.
        let immutable: Set<Int>
        /// Tables of string literals: their elements are read without `unsafe`.
        let tables: Set<Int>
        /// `strlen` and its kin on slices go to the `cstring` module.
        let cstring: Bool
        /// Locals that only ever hold one string literal.
        let aliases: [Int: [UInt8]]
        /// Local pointers written as indexes into their arrays: checked indexes.
        let cursors: LocalCursors
        /// Local buffers written as `Vec`s: checked indexes.
        let vectors: LocalVectors
        /// `<ctype.h>` goes to the `cctype` module.
        let ctype: Bool
        /// Functions that only return string literals (as `&'static [u8]`).
        let literalFunctions: Set<Int>
        /// Calls through function pointers are safe (every function they can hold is).
        let indirectCalls: Bool
        /// Standard input goes through the `cstdin` module.
        let stdin: Bool
        /// The program uses `errno`.
        let errno: Bool
        /// Struct members that only hold literals or NULL.
        let fields: Set<FieldKey>
        /// Globals that only hold literals or NULL.
        let literalGlobals: Set<Int>
        /// Local pointers that always point to one local object: `*p` is that object.
        let objectAliases: [Int: CExpr]
        /// The types whose Rust zero value sets every byte (`memset(&s, 0, sizeof s)`).
        let zeroable: (CTy) -> Bool
        /// Records whose objects live on heaps of handles: reached by checked handles.
        let heap: Set<Int>
        /// Locals that only hold static text: their bytes read by checked indexes.
        let texts: Set<Int>
        /// `errno` is read and written through the `cerrno` module.
        let errnoModule: Bool
        /// `qsort` calls with rewritten comparators go to `cstdlib`.
        let sorted: TypedComparators
        /// Globals in thread-local cells (FaithfulGlobalCells): read and written in their closures.
        let cells: Set<Int>
        /// Records whose `const T *` are static references (FaithfulStaticReferences).
        let staticReferences: Set<Int>
        /// Pointers to handles that are links (FaithfulHeapLinks): `*pp` is `pp.get()`.
        let links: Set<Int>
        /// A text comparator's parameters (FaithfulTextTables): `*a` is an element's text.
        let references: Set<Int>
        /// Calls whose value is dropped or only tested.
        let discarded: Set<CLoc>
        /// Positions in arrays (FaithfulElementPositions): checked indexes.
        let positions: ElementPositions
        /// Declarations of functions another module of the crate defines (no C library function).
        let crateFunctions: Set<Int>
        /// Declarations of functions another module defines and wrote safe.
        let safeCalls: Set<Int>
        /// Declarations of another module's functions whose parameters take raw loans.
        let crateLifts: [Int: [Int: Bool]]
        /// Locals lent to them as references (ReferenceLifting.safelyLent).
        let safelyLent: Set<Int>
        /// The crate sets the rounding mode (nil: a single file, whose calls tell).
        let rounding: Bool?
        /// The function scanned.
        let function: Int
        var strings: FaithfulTranslator.SafeStrings {
            FaithfulTranslator.SafeStrings(lifted: lifted, tables: tables, aliases: aliases, functions: literalFunctions, fields: fields,
                                           globals: literalGlobals, errno: errno, heap: heap, texts: texts, cells: cells,
                                           vectors: vectors.charVectors, elements: vectors.ids.union(cursors.inArrays()),
                                           references: references, positions: positions)
        }
        /// Why the function needs `unsafe`: its first unsafe operation (nil: none).
        var reason: String?
        var needsUnsafe: Bool { reason != nil }
        /// A function of the C library, called by its C name.
        func library(_ id: Int) -> Bool { program.functions[id].body == nil && !crateFunctions.contains(id) }
        var callees: Set<Int> = []

        /// Where the first unsafe operation is (the expression being scanned when it was found).
        var reasonLoc: CLoc?
        var here: CLoc? = nil

        mutating func unsafe(_ why: String) {
            if reason == nil { reason = why; reasonLoc = here }
        }

        /// `e` names a parameter lifted to a reference.
        func isLifted(_ e: CExpr, slice: Bool? = nil) -> Bool {
            if case .variable(let id) = e.withoutQualifierCasts.kind, let l = lifted[id] { return slice == nil || l.slice == slice }
            return false
        }

        /// `e` moves a walked slice parameter: the step's operand (nil for 1).
        func cursorStep(_ e: CExpr) -> CExpr?? {
            func cursor(_ x: CExpr) -> Bool {
                var x = x
                while case .cast(let inner, false) = x.kind, inner.type.isPointer { x = inner }
                if case .variable(let id) = x.kind { return lifted[id]?.cursor == true }
                return false
            }
            switch e.kind {
            case .unary(let op, let x) where [.preInc, .preDec, .postInc, .postDec].contains(op) && cursor(x): return .some(nil)
            case .compoundAssign(let op, let x, let k) where (op == .add || op == .sub) && cursor(x): return .some(k)
            case .assign(let x, let v) where cursor(x):
                var v = v
                while case .cast(let inner, _) = v.kind { v = inner }
                if case .binary(_, _, let k) = v.kind { return .some(k) }
                return nil
            default: return nil
            }
        }

        /// `t` is a static reference (FaithfulStaticReferences).
        func staticReference(_ t: CTy) -> Bool {
            if case .pointer(.record(let r), true) = t { return staticReferences.contains(r) }
            return false
        }

        /// `e` is a handle to a heap object (FaithfulHeap).
        func isHandle(_ e: CExpr) -> Bool {
            if case .pointer(.record(let r), _) = e.type { return heap.contains(r) }
            return false
        }

        func aliasedObject(_ p: CExpr) -> CExpr? {
            guard case .variable(let id) = p.withoutQualifierCasts.kind else { return nil }
            return objectAliases[id]
        }

        /// A pointer variable that only ever holds one literal (read as its bytes).
        func isAlias(_ p: CExpr) -> Bool {
            guard case .variable(let id) = p.withoutCasts.kind, p.type.isPointer else { return false }
            return aliases[id] != nil || texts.contains(id)
        }

        func isLink(_ e: CExpr) -> Bool {
            if case .variable(let id) = e.withoutQualifierCasts.kind { return links.contains(id) }
            return false
        }

        /// A link's value (FaithfulHeapLinks): the place it borrows, reached as any place is
        /// (`&mut c.table[i]`), or a link lent again.
        mutating func linkValue(_ e: CExpr) {
            if isLink(e) { return }
            if case .conditional(let c, let a, let b) = e.withoutQualifierCasts.kind { expression(c); linkValue(a); linkValue(b); return }
            if case .unary(.addressOf, let x) = e.withoutQualifierCasts.kind { expression(x) } else { expression(e) }
        }

        /// A parameter lifted to a slice, not walked (`&s[k..]` is its rest).
        func liftedSlice(_ e: CExpr) -> Bool {
            guard case .variable(let id) = e.withoutQualifierCasts.kind, let l = lifted[id] else { return false }
            return l.slice && !l.cursor && !l.offset
        }

        func staticText(_ e: CExpr) -> Bool {
            FaithfulTranslator.isStaticText(e, tables: tables, texts: texts.union(aliases.keys), functions: literalFunctions, references: references)
        }

        func isTableRead(_ base: CExpr) -> Bool {
            FaithfulTranslator.tableName(base).map { tables.contains($0) } ?? false
        }

        /// An argument for a parameter that takes raw loans converts one (`p.as_mut()`), in
        /// either operand of `c ? p : q`.
        func rawLoans(_ a: CExpr) -> Bool {
            if case .conditional(_, let x, let y) = a.withoutQualifierCasts.kind, a.type.isPointer { return rawLoans(x) || rawLoans(y) }
            return ReferenceLifting.rawLoan(a, lifted: { lifted[$0] != nil }) {
                ReferenceLifting.lentOtherwise($0, vectors: vectors, cursors: cursors, aliases: aliases, texts: texts, positions: positions)
            }
        }

        /// An argument for a lifted parameter: a loan (`&x`, an array, `a + k`, `&a[k]`) whose
        /// operands are scanned, not its address arithmetic.
        mutating func liftedArgument(_ a: CExpr) {
            let e = a.withoutPointerConversions
            // A compound literal lent as a temporary (`&mut [1, 2, 3]`), no slot behind a pointer.
            if let (object, _) = ReferenceLifting.compoundLoan(a), case .compoundLiteral(let inner) = object.kind { expression(inner); return }
            if case .conditional(let c, let x, let y) = e.kind { expression(c); liftedArgument(x); liftedArgument(y); return }
            if case .binary(.add, let b, let k) = e.kind, b.type.isPointer { expression(b); expression(k); return }
            if case .unary(.addressOf, let x) = e.kind, case .subscript(let b, let k) = x.kind { expression(b); expression(k); return }
            expression(a)
        }

        /// A compound literal used as an object, not a value: its address taken, its array
        /// decayed, a member of it read (the emitter reaches its slot through a pointer).
        func reachedInSlot(_ e: CExpr) -> Bool {
            func literal(_ x: CExpr) -> Bool { if case .compoundLiteral = x.kind { return true }; return false }
            switch e.kind {
            case .unary(.addressOf, let x): return literal(x)
            case .cast(let x, _): return literal(x) && x.type.isArrayLike
            case .member(let x, _, _, false): return literal(x)
            case .subscript(let b, _): if case .cast(let x, _) = b.kind { return literal(x) }; return false
            default: return false
            }
        }

        mutating func statement(_ s: CStmt) {
            guard !needsUnsafe else { return }
            switch s {
            case .compound(let list): list.forEach { statement($0) }
            case .declaration(let ids):
                for id in ids {
                    let v = program.variables[id]
                    if v.storage != .local, !immutable.contains(id), !tables.contains(id) { unsafe("a global or static") }
                    if links.contains(id), let e = v.initializer { linkValue(e) }
                    else if positions.locals[id] != nil, let e = v.initializer, let operands = positions.valueOperands(e, program) { operands.forEach { expression($0) } }
                    else if let operands = cursors.initializerOperands(id) ?? vectors.initializerOperands(id) ?? vectors.witnessOperands(id) { operands.forEach { expression($0) } }
                    else if let e = v.initializer { expression(e) }
                    if let n = v.vlaSize { expression(n) }
                }
            case .expression(let e): expression(e)
            case .ifThen(let c, let a, let b): expression(c); statement(a); if let b { statement(b) }
            case .whileLoop(let c, let b): expression(c); statement(b)
            case .doWhile(let b, let c): statement(b); expression(c)
            case .forLoop(let i, let c, let n, let b):
                if let i { statement(i) }; if let c { expression(c) }; if let n { expression(n) }; statement(b)
            case .switchOn(let e, let b): expression(e); statement(b)
            case .caseLabel(_, let b), .caseRange(_, _, let b), .defaultLabel(let b), .labeled(_, let b): statement(b)
            case .returnStmt(let e?) where positions.functions[function] != nil:
                (positions.valueOperands(e, program) ?? [e]).forEach { expression($0) }
            case .returnStmt(let e): if let e { expression(e) }
            case .unsupported: unsafe("an untranslatable construct")
            default: break
            }
        }

        private func isFunctionPointer(_ t: CTy) -> Bool {
            if case .pointer(.function, _) = t { return true }
            return false
        }

        /// A call of the `cstdio` module: its operands, and the C strings it reads through pointers.
        mutating func stdioCall(_ form: FaithfulTranslator.StdioCall) {
            func argument(_ a: FaithfulTranslator.StdioArgument) {
                switch a {
                case .int(let x), .double(let x), .pointer(let x), .array(let x): expression(x)
                case .arrayTail(let x, let k): expression(x); expression(k)
                case .literal, .liftedString, .vector: return
                case .literalCall(let c), .optionalString(let c, _): expression(c)
                case .tableString(_, let index): expression(index)
                case .choice(let c, let a, let b): expression(c); argument(a); argument(b)
                case .cString: unsafe("a C string read through a pointer")
                }
            }
            switch form {
            case .printf(_, _, let args): args.forEach(argument)
            case .puts(let a), .fputs(let a, _): argument(a)
            case .fputc(let x, _), .exit(let x): expression(x)
            case .fflush: return
            }
        }

        /// A call of the `cstring` module: the operands it evaluates.
        mutating func cstringCall(_ form: FaithfulTranslator.CStringCall) {
            func source(_ s: FaithfulTranslator.CStringSource) {
                switch s {
                case .literal, .lifted, .vector: return
                case .choice(let c, _, _): expression(c)
                case .call(let c), .optional(let c): expression(c)
                case .array(let x): expression(x)
                case .arrayTail(let x, let k): expression(x); expression(k)
                case .table(_, let i): expression(i)
                }
            }
            func target(_ t: FaithfulTranslator.CStringTarget) {
                if case .array(let x) = t { expression(x) }
                if case .object(let x) = t { expression(x) }
                if case .tail(let d, let offsets) = t { target(d); offsets.forEach { expression($0.0) } }
            }
            switch form {
            case .strlen(let a): source(a)
            case .strcmp(let a, let b): source(a); source(b)
            case .strncmp(let a, let b, let n), .memcmp(let a, let b, let n): source(a); source(b); expression(n)
            case .strcpy(let d, let s), .strcat(let d, let s): target(d); source(s)
            case .strncpy(let d, let s, let n), .strncat(let d, let s, let n): target(d); source(s); expression(n)
            case .strtol(let s, let base, _): source(s); if let base { expression(base) }
            }
        }

        mutating func expression(_ e: CExpr) {
            guard !needsUnsafe else { return }
            here = e.loc
            // A walked slice parameter moves its offset (only ever as a statement: see FaithfulReferences).
            if let step = cursorStep(e) { if let k = step { expression(k) }; return }
            // A local cursor's use: a checked index into its array.
            if !cursors.isEmpty, let operands = cursors.consumed(e) { operands.forEach { expression($0) }; return }
            // A local `Vec`'s use: a checked index, `free` as an empty vector, an allocation as `resize`.
            if !vectors.isEmpty, let operands = vectors.consumed(e) { operands.forEach { expression($0) }; return }
            switch e.kind {
            case .intLiteral, .floatLiteral, .stringLiteral: return
            case .variable(let id):
                let s = program.variables[id].storage
                // A table of text is an immutable `static` (FaithfulTextTables), read or lent whole.
                if s != .local && s != .parameter && !immutable.contains(id) && !tables.contains(id) { unsafe("a global or static") }
            case .function:
                return   // taking a function's address is safe, whatever the function
            case _ where reachedInSlot(e):
                unsafe("a compound literal's address")   // its slot is reached through a pointer
            case .unary(.deref, let f) where { if case .pointer(.function, _) = f.type { return true }; return false }():
                expression(f)   // `(*f)(x)` is `f(x)`
            case .unary(.deref, let x) where isAlias(x): return
            case .unary(.deref, let x) where { if case .subscript(let b, _) = x.withoutCasts.kind { return isTableRead(b) }; return false }():
                if case .subscript(_, let i) = x.withoutCasts.kind { expression(i) }   // `*names[i]`: a checked index
            case .unary(.deref, let x) where isLink(x): return
            case .unary(.deref, let x) where { if case .variable(let id) = x.withoutCasts.kind { return references.contains(id) }; return false }(): return
            case .unary(.deref, let x) where aliasedObject(x) != nil: expression(aliasedObject(x)!)
            case .member(let x, let r, _, true) where aliasedObject(x) != nil && !program.records[r].isUnion && !packed.contains(r):
                expression(aliasedObject(x)!)
            case .unary(let op, let x):
                if op == .deref, isLifted(x) { return }
                if op == .deref, staticReference(x.type) { expression(x); return }
                if op == .addressOf, staticReference(e.type) { expression(x); return }   // `Some(&X[i])`, a checked index
                if op == .deref, errnoModule, FaithfulTranslator.isErrnoLocation(x, program) { return }   // `cerrno`
                if op == .deref, isHandle(x) { expression(x); return }   // a checked handle
                if op == .deref, positions.isPosition(x) { expression(x.withoutQualifierCasts); return }   // an element at a checked index
                if op == .deref, case .unary(let step, let y) = x.withoutQualifierCasts.kind, [.preInc, .preDec, .postInc, .postDec].contains(step),
                   isLifted(y, slice: true), case .variable(let id) = y.withoutQualifierCasts.kind, lifted[id]?.cursor == true { return }   // `*s++`
                if op == .deref { unsafe("a pointer dereference"); return }
                if op == .addressOf, case .subscript(let b, let k) = x.kind, FaithfulTranslator.textTail(e) != nil, staticText(b) {
                    expression(b); expression(k); return   // the rest of static text: a checked slice
                }
                if op == .addressOf, case .subscript = x.kind { unsafe("pointer arithmetic"); return }   // `.offset`
                if [.preInc, .preDec, .postInc, .postDec].contains(op), x.type.isPointer { unsafe("pointer arithmetic"); return }
                expression(x)
            case .binary(.add, _, let r) where r.type.isInteger && FaithfulTranslator.textTail(e).map({ staticText($0.text) || liftedSlice($0.text) }) == true:
                let (text, from) = FaithfulTranslator.textTail(e)!
                expression(text); expression(from)   // the rest of static text or of a lifted slice: a checked slice
            case .binary(let op, let l, let r):
                if (op == .add || op == .sub), l.type.isPointer || r.type.isPointer { unsafe("pointer arithmetic"); return }
                expression(l); expression(r)
            case .assign(let l, let r) where isLink(l): linkValue(r)
            case .assign(let l, let r) where positions.local(l) != nil:
                (positions.valueOperands(r, program) ?? [r]).forEach { expression($0) }
            case .assign(let l, let r): expression(l); expression(r)
            case .compoundAssign(_, let l, let r):
                if l.type.isPointer { unsafe("pointer arithmetic"); return }
                expression(l); expression(r)
            case .conditional(let a, let b, let c): expression(a); expression(b); expression(c)
            case .elvis(let a, let b): expression(a); expression(b)
            case .call(let callee, let args):
                var target: Int?
                if case .function(let id) = callee.kind { target = id }
                if case .cast(let inner, _) = callee.kind, case .function(let id) = inner.kind { target = id }
                guard let id = target else {
                    if indirectCalls { expression(callee); args.forEach { expression($0) }; return }
                    unsafe("a call through a function pointer"); return
                }
                let name = program.functions[id].name
                if name == "free", program.functions[id].body == nil, args.count == 1, isHandle(args[0].withoutCasts) { expression(args[0].withoutCasts); return }
                if program.functions[id].body == nil, !heap.isEmpty, HeapRecords.wholeObjectCall(name, args, heap, program) != nil {
                    args.forEach { expression($0.withoutCasts) }   // the whole object zeroed or copied through its handle
                    return
                }
                if name == "free", library(id), args.count == 1, cstring, args[0].isNullPointerConstant { return }   // nothing
                if FaithfulTranslator.isIntrinsic(program.functions[id]) { unsafe("a SIMD intrinsic"); return }
                if FaithfulTranslator.safeBuiltins.contains(name) {
                    args.forEach { expression($0) }
                    return
                }
                if stdio, program.functions[id].body == nil, FaithfulTranslator.stdioFunctions.contains(name),
                   let form = FaithfulTranslator.stdioCall(name, args, program, strings: strings) {
                    stdioCall(form)
                    return
                }
                if stdin, program.functions[id].body == nil, let form = FaithfulTranslator.stdinCall(name, args, program, lifted) {
                    switch form {
                    case .fgets(let target, let n):
                        if case .array(let x) = target { expression(x) }
                    if case .object(let x) = target { expression(x) }
                        expression(n)
                    case .ungetc(let c): expression(c)
                    case .scanf(_, let targets): targets.forEach { expression($0.place) }
                    case .getchar, .feof, .ferror, .clearerr: break
                    }
                    return
                }
                if cstring, library(id), let (target, n, _, operands) = FaithfulTranslator.formatCall(name, args, program, strings) {
                    if case .array(let x) = target { expression(x) }
                    if case .object(let x) = target { expression(x) }
                    if let n { expression(n) }
                    stdioCall(.printf(.out, [], operands))
                    return
                }
                if cstring, library(id), let (_, _, line) = FaithfulTranslator.assertCall(name, args, aliases) {
                    expression(line)
                    return
                }
                if cstring, library(id), discarded.contains(e.loc),
                   let (d, s) = FaithfulTranslator.wholeCopy(name, args, program, lifted: FaithfulTranslator.oneObject(lifted)) {
                    expression(d); expression(s)
                    return
                }
                if cstring, library(id), discarded.contains(e.loc),
                   let c = FaithfulTranslator.sliceCopy(name, args, program, lifted: lifted, positions: positions, vectors: vectors) {
                    FaithfulTranslator.sliceCopyOperands(c).forEach { expression($0) }
                    return
                }
                if cstring, library(id), let form = FaithfulTranslator.memsetForm(name, args, program, zeroable: zeroable,
                                                                                                        lifted: FaithfulTranslator.oneObject(lifted), vectors: vectors) {
                    switch form {
                    case .fill(let a, _, let start, _, let c): expression(a); if let start { expression(start) }; expression(c)
                    case .bytes(let a, let start, let n, let c): expression(a); if let start { expression(start) }; expression(n); expression(c)
                    case .zero(let x): expression(x)
                    case .vector(_, _, let start, let count, let c):
                        start.forEach { expression($0.0) }; if let n = count.operand { expression(n) }; expression(c)
                    }
                    return
                }
                if ctype, program.functions[id].body == nil, FaithfulTranslator.isCTypeCall(name, args) {
                    expression(args[0])
                    return
                }
                if cstring, library(id), FaithfulTranslator.cstringFunctions.contains(name),
                   let form = FaithfulTranslator.cstringCall(name, args, program, strings: strings) {
                    cstringCall(form)
                    return
                }
                if cstring, !crateFunctions.contains(id), FaithfulTranslator.isPureMath(program.functions[id], program, rounding: rounding) {
                    args.forEach { expression($0) }   // through `cmath`'s safe wrapper
                    return
                }
                if program.functions[id].body == nil, let (c, _) = sorted.sortCall(name, args, program) {
                    // `cstdlib::qsort`: the comparator is called; the base is lent, or read in place.
                    callees.insert(c)
                    expression(args[1])
                    if case .variable(let t) = TypedComparators.sortBase(args[0]).kind, tables.contains(t) { return }   // a table of text
                    switch FaithfulTranslator.sortedBase(args[0], program, lifted: lifted, vectors: vectors) {
                    case .array(let a): expression(a)
                    case .vector, .slice: break
                    case .raw: unsafe("a C library call (qsort)")
                    }
                    return
                }
                if safeCalls.contains(id) {   // another module's safe function
                    for (i, a) in args.enumerated() {
                        if let mutable = crateLifts[id]?[i], !a.isNullPointerConstant {
                            if FaithfulTranslator.safeAcrossLoan(args, i, mutable: mutable, lifted: lifted, safelyLent: safelyLent, program: program) { continue }
                            unsafe("a raw pointer lent as a reference")
                            return
                        }
                        expression(a)
                    }
                    return
                }
                if crateFunctions.contains(id) { unsafe("a call to another module's unsafe function"); return }
                if program.functions[id].body == nil { unsafe("a C library call (\(name))"); return }
                callees.insert(id)
                let params = program.functions[id].params
                for (i, a) in args.enumerated() {
                    if i < params.count, links.contains(params[i]) { linkValue(a); continue }
                    guard i < params.count, let lift = lifted[params[i]] else { expression(a); continue }
                    if lift.raw, rawLoans(a) { unsafe("a raw pointer lent as a reference"); return }
                    liftedArgument(a)
                }
            case .member(let base, let r, _, let arrow):
                if arrow, isLifted(base), !program.records[r].isUnion, !packed.contains(r) { return }
                if arrow, staticReference(base.type), !packed.contains(r) { expression(base); return }   // `ops.expect(..).f`
                if arrow, isHandle(base) { expression(base); return }   // a checked handle
                if arrow, positions.isPosition(base), !program.records[r].isUnion, !packed.contains(r) { expression(base.withoutQualifierCasts); return }
                if arrow { unsafe("a pointer dereference"); return }
                if program.records[r].isUnion || packed.contains(r) { unsafe("a union or packed member"); return }
                expression(base)
            case .subscript(let base, _) where { if case .vector = base.type { return true }; return false }():
                unsafe("a vector element")   // through a pointer to the register's bytes
            case .subscript(_, let index) where ctype && FaithfulTranslator.ctypeTableRead(e, program) != nil:
                expression(index)   // a `<ctype.h>` table of the "C" locale, in the `cctype` module
            case .subscript(let base, let index) where isAlias(base):
                expression(index)   // a byte of the one literal the pointer holds, a checked index
            case .subscript(let base, let index) where isTableRead(base):
                expression(index)   // an element of a literal table, a checked index
            case .subscript(let base, let j) where { if case .subscript(let t, _) = base.withoutCasts.kind { return isTableRead(t) }; return false }():
                // A character of a table's string (`argv[i][j]`): checked indexes.
                if case .subscript(_, let i) = base.withoutCasts.kind { expression(i) }
                expression(j)
            case .subscript(let base, let index) where isLifted(base, slice: true):
                expression(index)   // a checked index of the lifted slice
            case .subscript(let base, let index):
                // Only a local array indexed in place is safe (a checked Rust index).
                guard case .cast(let array, _) = base.kind, case .array(let element, let n) = array.type, (n ?? 0) > 1 else { unsafe("a pointer dereference"); return }
                if case .stringLiteral = array.kind, element.intKind?.size != 1 { unsafe("a pointer dereference"); return }   // a wide literal
                expression(array); expression(index)
            case .cast(let x, _) where isHandle(e) && !isHandle(x) && !x.isNullPointerConstant:
                return   // `malloc(sizeof(T))`: a new heap object
            case .cast(let x, _):
                if isFunctionPointer(e.type) != isFunctionPointer(x.type), e.type.isPointer || x.type.isPointer {
                    if case .function = x.type {} else if x.isNullPointerConstant {} else { unsafe("a function pointer cast"); return }   // a transmute
                }
                expression(x)
            case .initList(let entries): entries.forEach { expression($0.1) }
            case .compoundLiteral(let inner): expression(inner)   // as a value; its address: see `reachedInSlot`
            case .vlaSizeof, .labelAddress: return   // a label's number
            case .vaArg: unsafe("variable arguments")
            case .atomic: unsafe("an atomic builtin")
            case .intrinsic: unsafe("a SIMD intrinsic")
            case .statementExpr(let s): statement(s)
            case .unsupported: unsafe("an untranslatable construct")
            }
        }
    }
}

extension FaithfulTranslator {
    /// GCC builtins that `builtinCall` writes as safe Rust (methods of the integer and float
    /// types, constants, `process::abort`); `__builtin_unreachable` is not one.
    static let safeBuiltins: Set<String> = [
        "__builtin_expect", "__builtin_expect_with_probability", "__builtin_bswap16", "__builtin_bswap32", "__builtin_bswap64",
        "__builtin_clz", "__builtin_clzl", "__builtin_clzll", "__builtin_ctz", "__builtin_ctzl", "__builtin_ctzll",
        "__builtin_popcount", "__builtin_popcountl", "__builtin_popcountll", "__builtin_constant_p", "__builtin_trap", "__builtin_abort",
        "__builtin_rotateleft8", "__builtin_rotateleft16", "__builtin_rotateleft32", "__builtin_rotateleft64",
        "__builtin_rotateright8", "__builtin_rotateright16", "__builtin_rotateright32", "__builtin_rotateright64",
        "__builtin_nan", "__builtin_nanf", "__builtin_nans", "__builtin_nansf", "__builtin_inf", "__builtin_inff",
        "__builtin_huge_val", "__builtin_huge_valf", "__builtin_isnan", "__builtin_isinf", "__builtin_isfinite", "__builtin_isnormal", "__builtin_fpclassify",
        "__builtin_isinf_sign", "__builtin_signbit", "__builtin_signbitf", "__builtin_fabs", "__builtin_fabsf",
    ]
}
