import CSyntax
import RustSyntax

/// `qsort` with the program's own comparators, in safe Rust. A comparator
/// `int cmp(const void *a, const void *b)` that the program only ever gives to `qsort` over
/// elements of one type `T` (the base's element type, the size operand `sizeof(T)`), and that
/// only reads its parameters as `(const T *)a` (directly or through a local copy `const T *x =
/// a` never written), is rewritten before translation to take `const T *` (so its parameters
/// lift to `&T` like any other), and the call becomes `cstdlib::qsort(&mut v[..n], cmp)`:
/// glibc's merge sort (the one its `qsort` runs; indirect, through the elements' indexes, for
/// elements over 32 bytes, as glibc's), comparison for comparison, so the order of equal
/// elements and of the comparator's calls is the C library's. The base is lent as a
/// slice where it is a local array, a local `Vec` or a parameter lifted to a mutable slice;
/// any other pointer is read as `n` elements in place (`unsafe`).
struct TypedComparators: Sendable {
    /// Comparator (function id) -> the element type `T`.
    private(set) var elements: [Int: CTy] = [:]
    /// Comparator -> what its parameters point to: `T`, or `T` with more `const` inside
    /// (`const struct item *const *` over an array of `struct item *`).
    private(set) var pointees: [Int: CTy] = [:]

    static let none = TypedComparators()

    /// The `qsort` call's comparator and element type, where the call sorts with a rewritten one.
    func sortCall(_ name: String, _ args: [CExpr], _ program: Program) -> (comparator: Int, element: CTy)? {
        guard !elements.isEmpty, name == "qsort", args.count == 4, case .function(let c) = args[3].withoutCasts.kind,
              let t = elements[c] else { return nil }
        return (c, t)
    }

    /// The program with each provable comparator rewritten to take `const T *`.
    static func rewrite(_ program: Program) -> (Program, TypedComparators) {
        var uses: [Int: Int] = [:]
        var sorts: [Int: [CTy?]] = [:]
        func visit(_ e: CExpr) {
            if case .function(let id) = e.kind { uses[id, default: 0] += 1 }
            if case .call(let callee, let args) = e.kind, case .function(let q) = callee.withoutCasts.kind,
               program.functions[q].name == "qsort", program.functions[q].body == nil, args.count == 4,
               case .function(let c) = args[3].withoutCasts.kind, program.functions[c].body != nil {
                sorts[c, default: []].append(element(args[0], size: args[2], program))
            }
            e.forEachChild(visit)
        }
        for f in program.functions where f.body != nil { f.body!.forEachExpression(visit) }
        for v in program.variables { if let e = v.initializer { visit(e) } }
        var result = program
        var comparators = TypedComparators()
        for c in sorts.keys.sorted() {
            let types = sorts[c]!
            guard let first = types.first, let t = first, types.allSatisfy({ $0 == t }), uses[c] == types.count,
                  let (rewritten, u) = rewriteComparator(c, t, result) else { continue }
            result = rewritten
            comparators.elements[c] = t
            comparators.pointees[c] = u
        }
        return (result, comparators)
    }

    /// The element type `qsort(base, n, size, cmp)` sorts: the base's, when `size` is its size.
    private static func element(_ base: CExpr, size: CExpr, _ program: Program) -> CTy? {
        let b = sortBase(base)
        let t: CTy
        switch b.type {
        case .array(let e, _), .pointer(let e, _): t = e
        default: return nil
        }
        guard case .intLiteral(let n) = size.withoutCasts.kind, let s = cSize(t, program), s > 0, UInt64(s) == n else { return nil }
        return t
    }

    /// The base under its conversions to `void *` (an array before it decays).
    static func sortBase(_ base: CExpr) -> CExpr {
        var b = base
        while case .cast(let x, _) = b.kind {
            if x.type.isArrayLike { return x }
            guard x.type.isPointer else { break }
            b = x
        }
        return b
    }

    /// `sizeof(t)` as C lays it out, where it is plain.
    private static func cSize(_ t: CTy, _ program: Program) -> Int? {
        switch t {
        case .int(let k): return k.size
        case .float(let k): return k == .float ? 4 : k == .double ? 8 : 16
        case .pointer: return 8
        case .record(let r): return program.records[r].fields == nil || program.records[r].isUnion ? nil : program.records[r].size
        case .array(let e, let n?): return cSize(e, program).map { $0 * n }
        default: return nil
        }
    }

    /// `c` rewritten to take `const t *`, if every use of its parameters is a conversion to a
    /// pointer to `t` (or a local copy of one that is only read).
    /// The same type but for `const` on what pointers inside it point to.
    static func sameButConst(_ a: CTy, _ b: CTy) -> Bool {
        if case .pointer(let x, _) = a, case .pointer(let y, _) = b { return sameButConst(x, y) }
        return a == b
    }

    private static func rewriteComparator(_ c: Int, _ t: CTy, _ program: Program) -> (Program, CTy)? {
        let f = program.functions[c]
        guard f.params.count == 2, f.type.params.count == 2, !f.type.variadic, case .int = f.type.result, let body = f.body else { return nil }
        for q in f.params { guard case .pointer(.void, _) = program.variables[q].type else { return nil } }
        let params = Set(f.params)
        // What the parameters are converted to point to: one type, `t` but for inner `const`.
        var pointee: CTy?
        func toT(_ ty: CTy) -> Bool {
            guard case .pointer(let e, _) = ty, sameButConst(e, t), pointee == nil || pointee == e else { return false }
            pointee = e
            return true
        }
        var copies: [Int: Int] = [:]
        for (id, v) in program.variables.enumerated() where v.storage == .local && v.function == c && toT(v.type) {
            if let i = v.initializer, case .cast(let x, _) = i.kind, case .variable(let q) = x.kind, params.contains(q) { copies[id] = q }
        }
        var ok = true
        func named(_ e: CExpr) -> Int? { if case .variable(let id) = e.withoutCasts.kind, params.contains(id) || copies[id] != nil { return id }; return nil }
        func check(_ e: CExpr) {
            guard ok else { return }
            switch e.kind {
            case .cast(let x, _):
                if case .variable(let q) = x.kind, params.contains(q) {
                    if e.type == .void { return }   // `(void)a`: not read
                    if !toT(e.type) { ok = false }
                    return
                }
                check(x)
            case .variable(let id): if params.contains(id) { ok = false }
            case .assign(let l, _), .compoundAssign(_, let l, _):
                if named(l) != nil { ok = false; return }
                e.forEachChild(check)
            case .unary(let op, let x) where [.addressOf, .preInc, .preDec, .postInc, .postDec].contains(op):
                if named(x) != nil { ok = false; return }
                e.forEachChild(check)
            default: e.forEachChild(check)
            }
        }
        body.forEachExpression(check)
        for (id, v) in program.variables.enumerated() where v.function == c && v.storage == .local && copies[id] == nil {
            if let i = v.initializer { check(i) }
        }
        guard ok else { return nil }
        let u = pointee ?? t   // no parameter read: the elements' own type
        let typed = CTy.pointer(u, constPointee: true)
        func change(_ e: CExpr) -> CExpr? {
            if case .cast(let x, _) = e.kind, e.type != .void, case .variable(let q) = x.kind, params.contains(q) { return CExpr(.variable(q), typed, e.loc) }
            if case .variable(let id) = e.kind, let q = copies[id] { return CExpr(.variable(q), typed, e.loc) }
            return nil
        }
        var p = program
        for q in f.params { p.variables[q].type = typed }
        p.functions[c].type.params = [typed, typed]
        p.functions[c].body = body.rewritten(change, declared: { copies[$0] == nil })
        for (id, v) in program.variables.enumerated() where v.function == c && v.storage == .local {
            // A copy is gone (no longer declared), its initializer with it.
            if copies[id] != nil { p.variables[id].initializer = nil; continue }
            if let i = v.initializer { p.variables[id].initializer = i.rewritten(change) }
        }
        return (p, u)
    }
}

extension FaithfulTranslator {
    /// Where a sorted base is lent from.
    enum SortedBase {
        /// A local array in place.
        case array(CExpr)
        /// A local `Vec` (FaithfulVectors).
        case vector(Int)
        /// A parameter lifted to a mutable slice.
        case slice(Int)
        /// Any other pointer: `n` elements read in place (`unsafe`).
        case raw(CExpr)
    }

    static func sortedBase(_ base: CExpr, _ program: Program, lifted: [Int: ReferenceLifting.Lift], vectors: LocalVectors) -> SortedBase {
        let b = TypedComparators.sortBase(base)
        if case .variable(let id) = b.kind {
            let v = program.variables[id]
            if case .array = v.type, v.storage == .local, v.vlaSize == nil { return .array(b) }
            if vectors.isVector(id) { return .vector(id) }
            if let l = lifted[id], l.slice, l.mutable, !l.cursor, !l.offset, !l.bytes { return .slice(id) }
        }
        return .raw(b)
    }

    /// `qsort(base, n, size, cmp)` with a rewritten comparator: `cstdlib::qsort`.
    func sortExpression(_ args: [CExpr], comparator c: Int, element t: CTy) -> RExpr {
        needsSortSupport = true
        need(function: c)
        // The count first: it may read the array the call then lends mutably (`strlen(w)`).
        let count = temporary("n")
        let first = RStmt.letBinding(name: count, mutable: false, type: .named("usize"), value: .cast(rvalue(args[1]), .named("usize")))
        let n = RExpr.path(count)
        func counted(_ call: RExpr) -> RExpr { .block(RBlock([first], tail: call)) }
        let name = functionName(c)
        // A closure (an `extern "C" fn` is no `Fn`), its call `unsafe` where the comparator is.
        // Pointers to elements that are pointers, given with more `const` inside: a copy converted.
        let u = comparators.pointees[c] ?? t
        let converted = rtype(u) != rtype(t) && !textTables.comparators.contains(c)   // a table's elements are its text
        func operand(_ x: String) -> RExpr { converted ? .unary(.ref, .cast(.unary(.deref, .path(x)), rtype(u))) : .path(x) }
        let call = RExpr.call(.path(name), [operand("__a"), operand("__b")])
        let cmp: RExpr = .lambda(["__a", "__b"], safeComparators.contains(c) ? call : .block(RBlock(tail: call, isUnsafe: true)))
        if case .variable(let t) = TypedComparators.sortBase(args[0]).kind, literalTables.contains(t) {
            return counted(.call(.path("cstdlib::qsort"), [.unary(.refMut, .index(variableRef(t), .rangeTo(n))), cmp]))   // a table of text
        }
        switch Self.sortedBase(args[0], program, lifted: liftedParameters, vectors: localVectors) {
        case .array(let a): return counted(.call(.path("cstdlib::qsort"), [.unary(.refMut, .index(place(a), .rangeTo(n))), cmp]))
        case .vector(let v): return counted(.call(.path("cstdlib::qsort"), [.unary(.refMut, .index(.path(localName(v)), .rangeTo(n))), cmp]))
        case .slice(let p): return counted(.call(.path("cstdlib::qsort"), [.unary(.refMut, .index(.path(localName(p)), .rangeTo(n))), cmp]))
        case .raw(let b):
            // An array (a global's) as C gives it: decayed to a pointer to its first element.
            let pointer = b.type.isArrayLike ? rvalue(args[0]) : rvalue(b)
            return counted(.call(.path("cstdlib::qsort_raw"), [.cast(pointer, .pointer(rtype(t), mutable: true)), n, cmp]))
        }
    }

    static let sortSupport: [RItem] = [.attribute(#"""
    /// glibc's `qsort` for the program's own comparators: its merge sort (`msort_with_tmp`),
    /// comparison for comparison, so equal elements and the comparator's calls come in the C
    /// library's order.
    pub mod cstdlib {
        pub fn qsort<T: Copy>(v: &mut [T], cmp: impl Fn(&T, &T) -> i32) {
            if std::mem::size_of::<T>() > 32 {
                // glibc sorts elements over 32 bytes indirectly: the comparator sees them in
                // their slots, which stay put until the sorted order is copied back.
                let mut order: Vec<usize> = (0..v.len()).collect();
                {
                    let slots: &[T] = v;
                    let mut tmp: Vec<usize> = Vec::with_capacity(slots.len());
                    msort(&mut order, &mut tmp, &|a: &usize, b: &usize| cmp(&slots[*a], &slots[*b]));
                }
                let sorted: Vec<T> = order.iter().map(|&i| v[i]).collect();
                v.copy_from_slice(&sorted);
                return;
            }
            let mut tmp: Vec<T> = Vec::with_capacity(v.len());
            msort(v, &mut tmp, &cmp);
        }

        fn msort<T: Copy>(b: &mut [T], tmp: &mut Vec<T>, cmp: &impl Fn(&T, &T) -> i32) {
            let n = b.len();
            if n <= 1 {
                return;
            }
            let n1 = n / 2;
            {
                let (l, r) = b.split_at_mut(n1);
                msort(l, tmp, cmp);
                msort(r, tmp, cmp);
            }
            tmp.clear();
            let (mut i, mut j) = (0, n1);
            while i < n1 && j < n {
                if cmp(&b[i], &b[j]) <= 0 {
                    tmp.push(b[i]);
                    i += 1;
                } else {
                    tmp.push(b[j]);
                    j += 1;
                }
            }
            // The rest of the left run follows; the right run's rest is in place already.
            tmp.extend_from_slice(&b[i..n1]);
            b[..tmp.len()].copy_from_slice(tmp);
        }

        /// `qsort` of `n` elements read in place through a pointer.
        pub unsafe fn qsort_raw<T: Copy>(base: *mut T, n: usize, cmp: impl Fn(&T, &T) -> i32) {
            if n > 1 {
                qsort(std::slice::from_raw_parts_mut(base, n), cmp)
            }
        }
    }
    """#)]
}
