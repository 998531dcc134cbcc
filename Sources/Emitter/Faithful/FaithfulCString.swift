import CSyntax
import RustSyntax

/// `strlen`, `strcmp`, `strncmp`, `strcpy` and `strcat` on strings reached without a pointer (a
/// literal, a local `char` array, a parameter lifted to a slice, an element of a literal table)
/// go to the `cstring` support module: safe Rust over slices that computes what glibc computes
/// (`strcmp` returns the difference of the first differing bytes as `unsigned char`, as glibc's
/// x86-64 version does). Reading or writing past a slice's end panics where the C was undefined.
/// Any other operand keeps the C library's function.
extension FaithfulTranslator {
    /// A string the module reads.
    indirect enum CStringSource {
        case literal([UInt8])
        /// `c ? "a" : "b"`: one of two literals.
        case choice(CExpr, [UInt8], [UInt8])
        /// A `char` array in place (a local, a member of one).
        case array(CExpr)
        /// Such an array from an offset (`buf + k`).
        case arrayTail(CExpr, CExpr)
        case lifted(Int)
        /// A local `char` buffer that is a `Vec`.
        case vector(Int)
        case table(Int, CExpr)
        /// A call of a function that only returns literals.
        case call(CExpr)
        /// A struct member or a global that only holds literals (NULL panics, where C's read faults).
        case optional(CExpr)
    }

    /// A `char` array the module writes.
    enum CStringTarget {
        case array(CExpr)
        case lifted(Int)
        /// A `char` array inside a heap object or a global's cell (`strcpy(p->name, s)`): written
        /// inside its closure, the source computed first.
        case object(CExpr)
        /// A local `char` buffer that is a `Vec` (`strcpy(buf, s)` of `buf = malloc(32)`).
        case vector(Int)
        /// No buffer: `snprintf(NULL, 0, ...)` measures only.
        case nothing
        /// The rest of a buffer from an offset (`strcpy(buf + n, s)`, `snprintf(out + len, ...)`,
        /// `buf + n + 1`): an array in place, a lifted slice or a vector, from offsets that
        /// write nothing (`strlen(buf)` reads).
        indirect case tail(CStringTarget, [(CExpr, subtracted: Bool)])
    }

    /// The local a target writes (for overlap checks): nil where none is named.
    static func targetRoot(_ t: CStringTarget) -> Int? {
        switch t {
        case .lifted(let id), .vector(let id): return id
        case .array(let x): return arrayRoot(x)
        case .tail(let d, _): return targetRoot(d)
        case .nothing, .object: return nil
        }
    }

    enum CStringCall {
        case strlen(CStringSource)
        case strcmp(CStringSource, CStringSource)
        case strncmp(CStringSource, CStringSource, CExpr)
        /// `memcmp` of two strings' bytes: `n` of them, NULs included.
        case memcmp(CStringSource, CStringSource, CExpr)
        case strcpy(CStringTarget, CStringSource)
        case strcat(CStringTarget, CStringSource)
        /// `strncpy` and `strncat`: at most `n` bytes.
        case strncpy(CStringTarget, CStringSource, CExpr)
        case strncat(CStringTarget, CStringSource, CExpr)
        /// `strtol(s, NULL, base)` and kin (`atoi` is base 10 cut to `int`): what glibc parses,
        /// clamped as glibc clamps; only in a program that never reads `errno`, which they set.
        case strtol(CStringSource, CExpr?, unsigned: Bool)
    }

    static let cstringFunctions: Set<String> = [
        "strlen", "strcmp", "strncmp", "memcmp", "strcpy", "strcat", "strncpy", "strncat", "atoi", "atol", "atoll", "strtol", "strtoll", "strtoul", "strtoull",
    ]

    static func cstringCall(_ name: String, _ args: [CExpr], _ program: Program, strings: SafeStrings) -> CStringCall? {
        let lifted = strings.lifted
        func source(_ e: CExpr) -> CStringSource? {
            if let x = strings.positions.textPlace(e) { return .array(x) }   // text at a position (NULL panics)
            let s = e.withoutCasts
            if let bytes = literalBytes(s, strings.aliases) { return .literal(bytes) }
            if case .conditional(let c, let a, let b) = s.kind, let x = literalBytes(a.withoutCasts, strings.aliases),
               let y = literalBytes(b.withoutCasts, strings.aliases) { return .choice(c, x, y) }
            if case .array(.int(let k), _) = s.type, k.size == 1, isInPlace(s, program, lifted: lifted, positions: strings.positions, vectors: strings.elements) { return .array(s) }
            if let (array, k) = arrayTail(e, program, lifted, strings.positions, strings.elements) { return .arrayTail(array, k) }
            switch safeString(e, strings) {
            case .liftedString(let id)?: return .lifted(id)
            case .vector(let id)?: return .vector(id)
            case .tableString(let t, let i)?: return .table(t, i)
            case .literalCall(let c)?: return .call(c)
            case .optionalString(let m, _)?: return .optional(m)
            case .array(let x)?: return .array(x)   // inside a heap object or a global's cell: a copy
            default: return nil
            }
        }
        func target(_ e: CExpr) -> CStringTarget? { writableTarget(e, program, strings) }
        switch (name, args.count) {
        case ("strlen", 1): return source(args[0]).map { .strlen($0) }
        case ("strcmp", 2):
            guard let a = source(args[0]), let b = source(args[1]) else { return nil }
            return .strcmp(a, b)
        case ("strncmp", 3):
            guard let a = source(args[0]), let b = source(args[1]), args[2].type.isInteger else { return nil }
            return .strncmp(a, b, args[2])
        case ("memcmp", 3):
            guard let a = source(args[0]), let b = source(args[1]), args[2].type.isInteger else { return nil }
            // A constant count past an array's end compares the members after it: the C library's.
            for x in [a, b] { if case .array(let array) = x, case .array(_, let n?) = array.type, let k = args[2].integerLiteralValue, k > n { return nil } }
            return .memcmp(a, b, args[2])
        case ("strcpy", 2):
            guard let d = target(args[0]), let s = source(args[1]), !overlaps(d, args[1], program) else { return nil }
            return .strcpy(d, s)
        case ("strcat", 2):
            guard let d = target(args[0]), let s = source(args[1]), !overlaps(d, args[1], program) else { return nil }
            return .strcat(d, s)
        case ("strncpy", 3), ("strncat", 3):
            // A count that reads the destination (`cap - strlen(out) - 1`) is computed before it is lent.
            guard let d = target(args[0]), let s = source(args[1]), args[2].type.isInteger, !overlaps(d, args[1], program),
                  !overlaps(d, args[2], program) || ReferenceLifting.effectFree(args[2], readers: program) else { return nil }
            return name == "strncpy" ? .strncpy(d, s, args[2]) : .strncat(d, s, args[2])
        case ("atoi", 1), ("atol", 1), ("atoll", 1):
            guard !strings.errno, let s = source(args[0]) else { return nil }
            return .strtol(s, nil, unsigned: false)
        case ("strtol", 3), ("strtoll", 3), ("strtoul", 3), ("strtoull", 3):
            guard !strings.errno, args[1].isNullPointerConstant, args[2].type.isInteger, let s = source(args[0]) else { return nil }
            return .strtol(s, args[2], unsigned: name.hasPrefix("strtou"))
        default: return nil
        }
    }

    /// A source that reaches the destination's array (`strcpy(rows[0], rows[1])`): two loans of
    /// one array, which Rust refuses (and an overlap that C leaves undefined).
    private static func overlaps(_ d: CStringTarget, _ source: CExpr, _ program: Program) -> Bool {
        switch d {
        case .array(let x):
            guard let root = arrayRoot(x) else { return true }
            // Another member of the destination's object (`strcpy(r->name, r->tag)`).
            if source.withoutCasts.type.isArrayLike, disjoint(source.withoutCasts, x, program) { return false }
            return source.mentions(variable: root)
        case .lifted(let id), .vector(let id): return source.mentions(variable: id)
        case .tail(let d, _): return overlaps(d, source, program)
        case .nothing, .object: return false   // an object's source is read first, into a copy
        }
    }

    /// Whether the program reads or writes `errno` (glibc's `__errno_location`), or has the C
    /// library print it (`perror`, `err`, `warn`, a `%m` format).
    static func usesErrno(_ program: Program) -> Bool {
        var found = false
        // Library functions that print `errno`'s message themselves, and `%m` in a format.
        let readers: Set<String> = ["__errno_location", "perror", "err", "errx", "warn", "warnx", "verr", "verrx", "vwarn", "vwarnx", "error", "psignal"]
        func visit(_ e: CExpr) {
            if found { return }
            if case .function(let id) = e.kind, readers.contains(program.functions[id].name), program.functions[id].body == nil { found = true; return }
            if case .stringLiteral(let bytes) = e.kind, bytes.count >= 2, zip(bytes, bytes.dropFirst()).contains(where: { $0 == UInt8(ascii: "%") && $1 == UInt8(ascii: "m") }) {
                found = true; return
            }
            e.forEachChild(visit)
        }
        for f in program.functions where f.body != nil { f.body!.forEachExpression(visit) }
        return found
    }

    /// A `char` buffer written without a pointer: an array in place, a mutable lifted slice.
    static func stringTarget(_ e: CExpr, _ program: Program, _ lifted: [Int: ReferenceLifting.Lift], _ positions: ElementPositions = .none,
                             _ vectors: Set<Int> = []) -> CStringTarget? {
        let s = e.withoutCasts
        if case .array(.int(let k), _) = s.type, k.size == 1, isInPlace(s, program, lifted: lifted, positions: positions, writing: true, vectors: vectors) { return .array(s) }
        if case .variable(let id) = s.kind, let l = lifted[id], l.slice, l.mutable, !l.bytes { return .lifted(id) }
        return nil
    }

    /// Any `char` buffer the modules write: `stringTarget`'s, a local `char` buffer that is a
    /// `Vec` (a slice), or an array inside a heap object or a global's cell (written inside its
    /// closure).
    static func writableTarget(_ e: CExpr, _ program: Program, _ strings: SafeStrings) -> CStringTarget? {
        if let t = stringTarget(e, program, strings.lifted, strings.positions, strings.elements) { return t }
        let s = e.withoutCasts
        if case .variable(let id) = s.kind, strings.vectors.contains(id) { return .vector(id) }
        let (base, offsets) = pointerOffsets(e)
        if !offsets.isEmpty, offsets.allSatisfy({ $0.0.type.isInteger && ReferenceLifting.effectFree($0.0, readers: program) }) {
            // `buf + n`, `&buf[n]`, `out + n + 1`: the rest of a buffer written without a pointer.
            if case .array(.int(let c), _) = base.type, c.size == 1,
               isInPlace(base, program, lifted: strings.lifted, positions: strings.positions, writing: true, vectors: strings.elements) {
                return .tail(.array(base), offsets)
            }
            if case .variable(let id) = base.kind, case .pointer(.int(let c), _) = base.type, c.size == 1 {
                if let l = strings.lifted[id], l.slice, l.mutable, !l.bytes, !l.cursor, !l.offset { return .tail(.lifted(id), offsets) }
                if strings.vectors.contains(id) { return .tail(.vector(id), offsets) }
            }
        }
        guard case .array(.int(let k), _) = s.type, k.size == 1,
              HeapRecords.root(s, strings.heap) != nil || GlobalCells.root(s, strings.cells) != nil else { return nil }
        return .object(s)
    }

    func cstringExpression(_ call: CStringCall, _ e: CExpr) -> RExpr {
        requireCStringSupport()
        switch call {
        case .strlen(let s): return convert(.call(.path("cstring::strlen"), [slice(s)]), from: .int(.ulong), to: e.type)
        case .strcmp(let a, let b): return convert(.call(.path("cstring::strcmp"), [slice(a), slice(b)]), from: .int(.int), to: e.type)
        case .strncmp(let a, let b, let n):
            let (first, count) = countFirst(n)
            return first(convert(.call(.path("cstring::strncmp"), [slice(a), slice(b), count]), from: .int(.int), to: e.type))
        case .memcmp(let a, let b, let n):
            let (first, count) = countFirst(n)
            return first(convert(.call(.path("cstring::memcmp"), [slice(a), slice(b), count]), from: .int(.int), to: e.type))
        case .strtol(let s, let base, let unsigned):
            let b: RExpr = base.map { cast($0, to: .int(.int)) } ?? .literal("10i32")
            let parsed = RExpr.call(.path(unsigned ? "cstring::strtoul" : "cstring::strtol"), [slice(s), b])
            return convert(parsed, from: unsigned ? .int(.ulong) : .int(.long), to: e.type)
        case .strcpy(.object(let x), let s), .strcat(.object(let x), let s), .strncpy(.object(let x), let s, _), .strncat(.object(let x), let s, _):
            return objectStringCopy(call, into: x, from: s)
        case .strcpy(let d, let s), .strcat(let d, let s), .strncpy(let d, let s, _), .strncat(let d, let s, _):
            var copy: RExpr
            switch call {
            case .strcpy: copy = .call(.path("cstring::strcpy"), [slice(d), slice(s)])
            case .strcat: copy = .call(.path("cstring::strcat"), [slice(d), slice(s)])
            case .strncpy(_, _, let n):
                let (first, count) = countFirst(n)
                copy = first(.call(.path("cstring::strncpy"), [slice(d), slice(s), count]))
            case .strncat(_, _, let n):
                let (first, count) = countFirst(n)
                copy = first(.call(.path("cstring::strncat"), [slice(d), slice(s), count]))
            default: return .unitValue
            }
            if e.type == .void { return copy }
            // The destination, as C returns it.
            return .block(RBlock([.expr(copy)], tail: .cast(targetPointer(d), rtype(e.type))))
        }
    }

    /// Where a target starts, as the C pointer (what `strcpy` returns).
    func targetPointer(_ d: CStringTarget) -> RExpr {
        switch d {
        case .array(let x): return .method(mutablePlace(x, true), "as_mut_ptr", [])
        case .lifted(let id): return variableRef(id)   // where a walked slice is now
        case .vector(let id): return .method(.path(localName(id)), "as_mut_ptr", [])
        case .tail(let inner, let offsets):
            let at = offsetIndex(offsets) ?? .literal("0usize")
            return .method(targetPointer(inner), "wrapping_add", [at])
        case .nothing, .object: return .turbofish("::core::ptr::null_mut", [.named("i8")], [])
        }
    }

    /// A count that may change what the strings hold (`strncpy(d, s->name, grab(s))`) is computed
    /// before they are read, as C computes its arguments before the call reads the strings.
    private func countFirst(_ n: CExpr) -> ((RExpr) -> RExpr, RExpr) {
        let count = cast(n, to: .int(.ulong))
        // Literals and plain locals need no temporary; anything else may read a buffer the call lends.
        if n.integerLiteralValue != nil { return ({ $0 }, count) }
        if case .variable(let id) = n.withoutCasts.kind, !n.withoutCasts.type.isArrayLike, program.variables[id].storage == .local { return ({ $0 }, count) }
        let t = temporary("n")
        return ({ .block(RBlock([.letBinding(name: t, mutable: false, type: .named("u64"), value: count)], tail: $0)) }, .path(t))
    }

    private func slice(_ s: CStringSource) -> RExpr {
        switch s {
        case .literal(let bytes): return .method(.literal(byteString(bytes)), "as_slice", [])
        case .choice(let c, let a, let b):
            return .ifElse(condition(c), RBlock(tail: slice(.literal(a))), .block(RBlock(tail: slice(.literal(b)))))
        case .array(let x): return .method(place(x), "as_slice", [])
        case .arrayTail(let x, let k): return .unary(.ref, .index(place(x), .rangeFrom(.cast(rvalue(k), .named("usize")))))
        case .lifted(let id): return liftedRest(id, mutable: false)
        case .vector(let id): return .method(.path(localName(id)), "as_slice", [])
        case .table(let t, let i): return .index(variableRef(t), .cast(rvalue(i), .named("usize")))
        case .call(let c): return literalSlice(c)
        case .optional(let m): return literalFieldSlice(m, null: nil)
        }
    }

    /// `strcpy` (and kin) into a `char` array inside a heap object or a global's cell: the source
    /// and count first (a heap or cell array read into a copy), then the copy inside the object's
    /// closure; the value is the destination's address, as C's.
    private func objectStringCopy(_ call: CStringCall, into x: CExpr, from s: CStringSource) -> RExpr {
        // The count and the destination's indexes first; the source is read when the copy runs,
        // after every operand (a copy of it, last, when it is inside a heap object or cell).
        var stmts: [RStmt] = []
        var count: RExpr?
        switch call {
        case .strncpy(_, _, let n), .strncat(_, _, let n):
            let t = temporary("n")
            stmts.append(.letBinding(name: t, mutable: false, type: nil, value: cast(n, to: .int(.ulong))))
            count = .path(t)
        default: break
        }
        guard let (pins, handle, path) = heapAccess(x) else { return .unitValue }
        stmts += pins
        let source = temporary("s")
        if case .array(let y) = s, closurePlace(y) {
            stmts.append(.letBinding(name: source, mutable: false, type: nil, value: place(y)))
            stmts.append(.letBinding(name: source, mutable: false, type: nil, value: .method(.path(source), "as_slice", [])))
        } else {
            stmts.append(.letBinding(name: source, mutable: false, type: nil, value: slice(s)))
        }
        let operands: [RExpr] = [.path(source)] + [count].compactMap { $0 }
        let name: String
        switch call {
        case .strcpy: name = "cstring::strcpy"
        case .strcat: name = "cstring::strcat"
        case .strncpy: name = "cstring::strncpy"
        default: name = "cstring::strncat"
        }
        let copy = RExpr.call(.path(name), [.method(path, "as_mut_slice", [])] + operands)
        let written = RBlock([.expr(copy)], tail: .method(path, "as_mut_ptr", []))
        return .block(RBlock(stmts, tail: .method(handle, "set", [.lambda([Self.heapObject], .block(written))])))
    }

    /// A place inside a heap object or a global's cell: read and written in its closure.
    func closurePlace(_ x: CExpr) -> Bool { closuresInUse && heapPlace(x) != nil }

    func slice(_ d: CStringTarget) -> RExpr {
        switch d {
        case .object(let x): return .method(mutablePlace(x, true), "as_mut_slice", [])   // not reached: written by objectStringCopy
        case .vector(let id): return .method(.path(localName(id)), "as_mut_slice", [])
        case .array(let x): return .method(mutablePlace(x, true), "as_mut_slice", [])   // a nullable parameter reborrowed mutably
        case .lifted(let id): return liftedRest(id, mutable: true)
        case .nothing: return .unary(.refMut, .arrayRepeat(.literal("0u8"), 0))
        case .tail(let inner, let offsets):
            // The offset first, then the loan (`&mut buf[strlen(&buf)..]` would borrow twice).
            let t = temporary("at")
            return .block(RBlock([.letBinding(name: t, mutable: false, type: nil, value: offsetIndex(offsets) ?? .literal("0usize"))],
                                 tail: .unary(.refMut, .index(slice(inner), .rangeFrom(.path(t))))))
        }
    }

    /// A lifted slice parameter from where the C pointer is now: the slice itself, or what is
    /// left of a walked one (`&s[s_at..]`).
    func liftedRest(_ id: Int, mutable: Bool) -> RExpr {
        let name = RExpr.path(localName(id))
        guard let at = cursorOffsets[id] else { return mutable ? .unary(.refMut, .unary(.deref, name)) : name }
        return .unary(mutable ? .refMut : .ref, .index(name, .rangeFrom(.path(at))))
    }

    func requireCStringSupport() { needsCStringSupport = true }

    static let cstringSupport: [RItem] = [.attribute(#"""
    /// `<string.h>` over slices, in safe Rust: what glibc computes, for strings reached without
    /// a pointer. A read or write past a slice's end panics (undefined in C).
    pub mod cstring {
        /// A C `char` (`i8`) or `unsigned char` (`u8`) element.
        pub trait Byte: Copy {
            fn byte(self) -> u8;
            fn of(b: u8) -> Self;
        }
        impl Byte for u8 {
            fn byte(self) -> u8 { self }
            fn of(b: u8) -> u8 { b }
        }
        impl Byte for i8 {
            fn byte(self) -> u8 { self as u8 }
            fn of(b: u8) -> i8 { b as i8 }
        }

        pub fn strlen<T: Byte>(s: &[T]) -> u64 {
            let mut n = 0;
            while s[n].byte() != 0 {
                n += 1;
            }
            n as u64
        }

        pub fn strncmp<A: Byte, B: Byte>(a: &[A], b: &[B], n: u64) -> i32 {
            let mut i = 0usize;
            while (i as u64) < n {
                let (x, y) = (a[i].byte(), b[i].byte());
                if x != y {
                    return x as i32 - y as i32;
                }
                if x == 0 {
                    break;
                }
                i += 1;
            }
            0
        }

        pub fn memcmp<A: Byte, B: Byte>(a: &[A], b: &[B], n: u64) -> i32 {
            for i in 0..n as usize {
                let (x, y) = (a[i].byte(), b[i].byte());
                if x != y {
                    return x as i32 - y as i32;
                }
            }
            0
        }

        pub fn strcmp<A: Byte, B: Byte>(a: &[A], b: &[B]) -> i32 {
            strncmp(a, b, u64::MAX)
        }

        pub fn strcpy<D: Byte, S: Byte>(d: &mut [D], s: &[S]) {
            let mut i = 0;
            loop {
                let c = s[i].byte();
                d[i] = D::of(c);
                if c == 0 {
                    break;
                }
                i += 1;
            }
        }

        pub fn strcat<D: Byte, S: Byte>(d: &mut [D], s: &[S]) {
            let end = strlen(d) as usize;
            strcpy(&mut d[end..], s);
        }

        /// `s`'s first `n` bytes or fewer, up to its NUL; the rest of `n` filled with NULs.
        pub fn strncpy<D: Byte, S: Byte>(d: &mut [D], s: &[S], n: u64) {
            let n = n as usize;
            let mut i = 0;
            while i < n {
                let c = s[i].byte();
                if c == 0 {
                    break;
                }
                d[i] = D::of(c);
                i += 1;
            }
            while i < n {
                d[i] = D::of(0);
                i += 1;
            }
        }

        /// At most `n` bytes of `s` after `d`'s string, then a NUL.
        pub fn strncat<D: Byte, S: Byte>(d: &mut [D], s: &[S], n: u64) {
            let end = strlen(d) as usize;
            let mut i = 0;
            while (i as u64) < n {
                let c = s[i].byte();
                if c == 0 {
                    break;
                }
                d[end + i] = D::of(c);
                i += 1;
            }
            d[end + i] = D::of(0);
        }

        /// glibc's number parsing in the "C" locale: spaces, a sign, a base prefix (`0x` for 16
        /// or 0, `0` for 0), digits. The magnitude (saturated at u64::MAX, `true` if it did),
        /// whether it is negative; base 0 chooses 8, 10 or 16; a base outside 2..=36 reads nothing.
        fn parse<T: Byte>(s: &[T], base: i32) -> (u64, bool, bool) {
            let at = |i: usize| s[i].byte();
            let mut i = 0;
            while matches!(at(i), b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
                i += 1;
            }
            let negative = at(i) == b'-';
            if at(i) == b'-' || at(i) == b'+' {
                i += 1;
            }
            let digit = |c: u8| -> u32 {
                match c {
                    b'0'..=b'9' => (c - b'0') as u32,
                    b'a'..=b'z' => (c - b'a') as u32 + 10,
                    b'A'..=b'Z' => (c - b'A') as u32 + 10,
                    _ => 99,
                }
            };
            let mut base = base;
            if (base == 0 || base == 16) && at(i) == b'0' && (at(i + 1) | 0x20) == b'x' && digit(at(i + 2)) < 16 {
                i += 2;
                base = 16;
            } else if base == 0 {
                base = if at(i) == b'0' { 8 } else { 10 };
            }
            if !(2..=36).contains(&base) {
                return (0, false, false);
            }
            let (mut value, mut over) = (0u64, false);
            while digit(at(i)) < base as u32 {
                match value.checked_mul(base as u64).and_then(|v| v.checked_add(digit(at(i)) as u64)) {
                    Some(v) => value = v,
                    None => over = true,
                }
                i += 1;
            }
            (if over { u64::MAX } else { value }, negative, over)
        }

        /// `strtol(s, NULL, base)`: clamped to `LONG_MIN`..=`LONG_MAX`.
        pub fn strtol<T: Byte>(s: &[T], base: i32) -> i64 {
            let (v, negative, over) = parse(s, base);
            if negative {
                if over || v > 1u64 << 63 { i64::MIN } else { (v as i64).wrapping_neg() }
            } else if over || v > i64::MAX as u64 {
                i64::MAX
            } else {
                v as i64
            }
        }

        /// `strtoul(s, NULL, base)`: `ULONG_MAX` past the range, a negative number negated.
        pub fn strtoul<T: Byte>(s: &[T], base: i32) -> u64 {
            let (v, negative, over) = parse(s, base);
            if over { u64::MAX } else if negative { v.wrapping_neg() } else { v }
        }
    }
    """#)]
}
