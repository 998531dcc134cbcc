import CSyntax
import RustSyntax

/// Variadic functions on stable Rust. A C function defined with `...` takes its variable
/// arguments as a slice of `CVarArg` (each one as C's default promotions left it: an integer,
/// a double or a pointer); a call to it builds the slice. `va_list` is C's own type on x86-64,
/// an array of one `__va_list_tag`, whose Rust form `VaListTag` walks the slice: `va_start`
/// sets it, `va_arg` takes the next argument and converts it, `va_copy` copies it, and a
/// `va_list` passed to a function is a pointer to the caller's, as in C. The C library's
/// `vprintf` family cannot take such a list; the translation formats with the library's own
/// `snprintf`, one conversion at a time, so the text is the library's.
extension FaithfulTranslator {
    static let vaListTag = "__va_list_tag"
    static let vaArgsName = "__va_args"

    /// The library functions that take a `va_list`, and what replaces them.
    static let vaListFunctions: [String: String] = [
        "vprintf": "__oxidize_vprintf", "vfprintf": "__oxidize_vfprintf", "vsprintf": "__oxidize_vsprintf",
        "vsnprintf": "__oxidize_vsnprintf", "vdprintf": "__oxidize_vdprintf",
    ]

    func isTranslatedVariadic(_ f: CFunction) -> Bool {
        f.type.variadic && (f.body != nil || crate?.functionPath(f.name, from: unitIndex) != nil)
    }

    /// `__attribute__((cleanup))`'s guard, once in the output (or the crate's types module).
    func requireCleanupSupport() {
        if let crate { crate.addSupport("support:cleanup", Self.cleanupSupport) } else { needsCleanupSupport = true }
    }

    static let cleanupSupport: [RItem] = [.attribute(#"""
    pub mod __oxidize_cleanup {
    /// `__attribute__((cleanup(f)))`: calls `f` with the variable's address when dropped (`run`
    /// calls it, whatever its ABI: `"C-unwind"` in a program that uses longjmp).
    pub struct __OxidizeCleanup<T, F: FnMut(*mut T)> {
        place: *mut T,
        run: F,
    }

    impl<T, F: FnMut(*mut T)> __OxidizeCleanup<T, F> {
        pub fn new(place: *mut T, run: F) -> __OxidizeCleanup<T, F> {
            __OxidizeCleanup { place, run }
        }
    }

    impl<T, F: FnMut(*mut T)> Drop for __OxidizeCleanup<T, F> {
        fn drop(&mut self) {
            (self.run)(self.place)
        }
    }
    }
    pub use __oxidize_cleanup::*;
    """#)]

    /// The support items go once into the output (or the crate's types module).
    func requireVarargSupport() {
        if let crate { crate.addSupport("support:varargs", Self.varargSupport) } else { needsVarargSupport = true }
    }

    /// A call's variable arguments as `&[CVarArg]`.
    func variableArguments(_ args: ArraySlice<CExpr>) -> RExpr {
        requireVarargSupport()
        let values = args.map { a -> RExpr in
            let t = a.type
            if t.isFloating { return .call(.path("CVarArg::Double"), [.cast(rvalue(a), .named("f64"))]) }
            if case .pointer(.function, _) = t {
                return .call(.path("CVarArg::Ptr"), [.turbofish("::core::mem::transmute", [rtype(t), .pointer(.named("u8"), mutable: true)], [rvalue(a)])])
            }
            if t.isPointer || t.element != nil { return .call(.path("CVarArg::Ptr"), [.cast(rvalue(a), .pointer(.named("u8"), mutable: true))]) }
            if t.isInteger { return .call(.path("CVarArg::Int"), [.cast(rvalue(a), .named("i64"))]) }
            refuse("a variable argument of type \(t) (a record passed through `...`)", at: a.loc)
            return .unitValue
        }
        return .method(.arrayLiteral(values), "as_slice", [])
    }

    /// `va_start`, `va_end`, `va_copy`; nil for other names.
    func varargBuiltin(_ name: String, _ args: [CExpr], at loc: CLoc) -> RExpr? {
        switch name {
        case "__builtin_va_start", "__builtin_c23_va_start":
            requireVarargSupport()
            guard let list = args.first else { return .unitValue }
            guard currentFunction >= 0, program.functions[currentFunction].type.variadic else {
                refuse("va_start outside a variadic function", at: loc)
                return .unitValue
            }
            return .assign(.unary(.deref, rvalue(list)), .call(.path("VaListTag::new"), [.path(Self.vaArgsName)]))
        case "__builtin_va_end":
            return .unitValue
        case "__builtin_va_copy":
            guard args.count == 2 else { return .unitValue }
            return .assign(.unary(.deref, rvalue(args[0])), .unary(.deref, rvalue(args[1])))
        default:
            return nil
        }
    }

    /// `va_arg(list, T)`.
    func vaArg(_ list: CExpr, _ e: CExpr) -> RExpr {
        requireVarargSupport()
        let tag = RExpr.unary(.deref, rvalue(list))
        let t = e.type
        if t == .int(.bool) { return .binary(.ne, .method(tag, "next_int", []), .literal("0")) }
        if t.isInteger { return .cast(.method(tag, "next_int", []), rtype(t)) }
        if t.isFloating { return .cast(.method(tag, "next_double", []), rtype(t)) }
        if case .pointer(.function, _) = t {
            return .turbofish("::core::mem::transmute", [.pointer(.named("u8"), mutable: true), rtype(t)], [.method(tag, "next_ptr", [])])
        }
        if t.isPointer { return .cast(.method(tag, "next_ptr", []), rtype(t)) }
        refuse("va_arg of type \(t)", at: e.loc)
        return .unitValue
    }

    /// A call of the C library's `vprintf` family, through the support functions.
    func vaListLibraryCall(_ name: String, _ args: [CExpr]) -> RExpr? {
        guard let replacement = Self.vaListFunctions[name] else { return nil }
        requireVarargSupport()
        return .call(.path(replacement), args.map { a in
            // Streams and buffers go as untyped pointers: the support code names no C type.
            a.type.isPointer && !isVaList(a.type) ? .cast(rvalue(a), .pointer(.named("u8"), mutable: true)) : { if case .int(let k) = a.type { return .cast(rvalue(a), .named(k.isSigned ? "i32" : "usize")) }; return rvalue(a) }()
        })
    }

    private func isVaList(_ t: CTy) -> Bool {
        if case .pointer(.record(let r), _) = t { return program.records[r].name == Self.vaListTag }
        return false
    }

    /// In a module of their own, re-exported: their bindings (`buf`, `format`, `value`) are names
    /// C globals have, and a binding may not shadow a static in scope.
    static let varargSupport: [RItem] = [.attribute(#"""
    pub mod __oxidize_varargs {
    /// A variable argument as C's default promotions leave it (oxidize: variadic functions).
    #[derive(Copy, Clone)]
    pub enum CVarArg {
        Int(i64),
        Double(f64),
        Ptr(*mut u8),
    }

    /// C's `__va_list_tag`: where a `va_list` stands in its function's variable arguments.
    #[derive(Copy, Clone)]
    #[repr(C)]
    pub struct VaListTag {
        pub args: *const CVarArg,
        pub len: usize,
        pub next: usize,
    }

    impl VaListTag {
        pub fn new(args: &[CVarArg]) -> VaListTag {
            VaListTag { args: args.as_ptr(), len: args.len(), next: 0 }
        }
        /// The next argument; past the last one (undefined in C) a zero.
        unsafe fn take(&mut self) -> CVarArg {
            if self.next >= self.len {
                return CVarArg::Int(0);
            }
            self.next += 1;
            *self.args.add(self.next - 1)
        }
        pub unsafe fn next_int(&mut self) -> i64 {
            match self.take() {
                CVarArg::Int(v) => v,
                CVarArg::Double(d) => d.to_bits() as i64,
                CVarArg::Ptr(p) => p as usize as i64,
            }
        }
        pub unsafe fn next_double(&mut self) -> f64 {
            match self.take() {
                CVarArg::Int(v) => f64::from_bits(v as u64),
                CVarArg::Double(d) => d,
                CVarArg::Ptr(p) => f64::from_bits(p as usize as u64),
            }
        }
        pub unsafe fn next_ptr(&mut self) -> *mut u8 {
            match self.take() {
                CVarArg::Int(v) => v as usize as *mut u8,
                CVarArg::Double(d) => d.to_bits() as usize as *mut u8,
                CVarArg::Ptr(p) => p,
            }
        }
    }

    extern "C" {
        #[link_name = "snprintf"]
        fn __oxidize_snprintf(s: *mut u8, n: usize, format: *const u8, ...) -> i32;
        #[link_name = "fwrite"]
        fn __oxidize_fwrite(p: *const u8, size: usize, n: usize, stream: *mut u8) -> usize;
        #[link_name = "write"]
        fn __oxidize_write(fd: i32, p: *const u8, n: usize) -> isize;
        #[link_name = "stdout"]
        static mut __oxidize_stdout: *mut u8;
    }

    /// One conversion, formatted by the C library into `out`.
    unsafe fn __oxidize_piece(out: &mut Vec<u8>, spec: &[u8], stars: &[i32], value: CVarArg) {
        let f = spec.as_ptr();
        let mut n = 0i32;
        for pass in 0..2 {
            let start = out.len();
            let (buf, room) = if pass == 0 {
                (::core::ptr::null_mut(), 0)
            } else {
                out.resize(start + n as usize + 1, 0);
                (out.as_mut_ptr().add(start), n as usize + 1)
            };
            n = match (stars.len(), value) {
                (0, CVarArg::Int(v)) => __oxidize_snprintf(buf, room, f, v),
                (0, CVarArg::Double(v)) => __oxidize_snprintf(buf, room, f, v),
                (0, CVarArg::Ptr(v)) => __oxidize_snprintf(buf, room, f, v),
                (1, CVarArg::Int(v)) => __oxidize_snprintf(buf, room, f, stars[0], v),
                (1, CVarArg::Double(v)) => __oxidize_snprintf(buf, room, f, stars[0], v),
                (1, CVarArg::Ptr(v)) => __oxidize_snprintf(buf, room, f, stars[0], v),
                (_, CVarArg::Int(v)) => __oxidize_snprintf(buf, room, f, stars[0], stars[1], v),
                (_, CVarArg::Double(v)) => __oxidize_snprintf(buf, room, f, stars[0], stars[1], v),
                (_, CVarArg::Ptr(v)) => __oxidize_snprintf(buf, room, f, stars[0], stars[1], v),
            };
            if n < 0 {
                return;
            }
            if pass == 1 {
                out.truncate(start + n as usize);
            }
        }
    }

    /// `format` with the arguments of `ap`, as the C library's printf would write it.
    pub unsafe fn __oxidize_vformat(format: *mut u8, ap: *mut VaListTag) -> Vec<u8> {
        let mut out: Vec<u8> = Vec::new();
        let mut p = format as *const u8;
        loop {
            let c = *p;
            if c == 0 {
                break;
            }
            p = p.add(1);
            if c != b'%' {
                out.push(c);
                continue;
            }
            if *p == b'%' {
                out.push(b'%');
                p = p.add(1);
                continue;
            }
            let mut spec: Vec<u8> = vec![b'%'];
            let mut stars: Vec<i32> = Vec::new();
            while b"-+ #0'I".contains(&*p) && *p != 0 {
                spec.push(*p);
                p = p.add(1);
            }
            for part in 0..2 {
                if part == 1 {
                    if *p != b'.' {
                        break;
                    }
                    spec.push(b'.');
                    p = p.add(1);
                }
                if *p == b'*' {
                    stars.push((*ap).next_int() as i32);
                    spec.push(b'*');
                    p = p.add(1);
                } else {
                    while (*p).is_ascii_digit() {
                        spec.push(*p);
                        p = p.add(1);
                    }
                }
            }
            let mut length: Vec<u8> = Vec::new();
            while b"hlLqjzt".contains(&*p) && *p != 0 {
                length.push(*p);
                p = p.add(1);
            }
            let conv = *p;
            if conv == 0 {
                break;
            }
            p = p.add(1);
            let value = match conv {
                b'd' | b'i' => {
                    let v = (*ap).next_int();
                    match &length[..] {
                        b"hh" => v as i8 as i64,
                        b"h" => v as i16 as i64,
                        b"" => v as i32 as i64,
                        _ => v,
                    }
                }
                b'u' | b'x' | b'X' | b'o' => {
                    let v = (*ap).next_int();
                    match &length[..] {
                        b"hh" => v as u8 as i64,
                        b"h" => v as u16 as i64,
                        b"" => v as u32 as i64,
                        _ => v,
                    }
                }
                b'c' => (*ap).next_int() as i32 as i64,
                b'f' | b'F' | b'e' | b'E' | b'g' | b'G' | b'a' | b'A' => {
                    spec.push(conv);
                    spec.push(0);
                    let d = (*ap).next_double();
                    __oxidize_piece(&mut out, &spec, &stars, CVarArg::Double(d));
                    continue;
                }
                b's' | b'p' => {
                    spec.push(conv);
                    spec.push(0);
                    let q = (*ap).next_ptr();
                    __oxidize_piece(&mut out, &spec, &stars, CVarArg::Ptr(q));
                    continue;
                }
                b'n' => {
                    let q = (*ap).next_ptr();
                    match &length[..] {
                        b"hh" => *(q as *mut i8) = out.len() as i8,
                        b"h" => *(q as *mut i16) = out.len() as i16,
                        b"" => *(q as *mut i32) = out.len() as i32,
                        _ => *(q as *mut i64) = out.len() as i64,
                    }
                    continue;
                }
                _ => {
                    out.extend_from_slice(&spec);
                    out.extend_from_slice(&length);
                    out.push(conv);
                    continue;
                }
            };
            // Integers go to the library as `long long`, converted as the length said.
            if conv != b'c' {
                spec.extend_from_slice(b"ll");
            }
            spec.push(conv);
            spec.push(0);
            __oxidize_piece(&mut out, &spec, &stars, CVarArg::Int(value));
        }
        out
    }

    pub unsafe fn __oxidize_vsnprintf(buf: *mut u8, size: usize, format: *mut u8, ap: *mut VaListTag) -> i32 {
        let text = __oxidize_vformat(format, ap);
        if size > 0 {
            let n = text.len().min(size - 1);
            ::core::ptr::copy_nonoverlapping(text.as_ptr(), buf, n);
            *buf.add(n) = 0;
        }
        text.len() as i32
    }

    pub unsafe fn __oxidize_vsprintf(buf: *mut u8, format: *mut u8, ap: *mut VaListTag) -> i32 {
        // No bound: all the text and its NUL.
        __oxidize_vsnprintf(buf, usize::MAX, format, ap)
    }

    pub unsafe fn __oxidize_vfprintf(stream: *mut u8, format: *mut u8, ap: *mut VaListTag) -> i32 {
        let text = __oxidize_vformat(format, ap);
        __oxidize_fwrite(text.as_ptr(), 1, text.len(), stream);
        text.len() as i32
    }

    pub unsafe fn __oxidize_vprintf(format: *mut u8, ap: *mut VaListTag) -> i32 {
        __oxidize_vfprintf(__oxidize_stdout, format, ap)
    }

    pub unsafe fn __oxidize_vdprintf(fd: i32, format: *mut u8, ap: *mut VaListTag) -> i32 {
        let text = __oxidize_vformat(format, ap);
        __oxidize_write(fd, text.as_ptr(), text.len());
        text.len() as i32
    }
    }
    pub use __oxidize_varargs::*;
    """#)]
}
