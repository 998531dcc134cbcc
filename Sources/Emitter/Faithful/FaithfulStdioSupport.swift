import RustSyntax

/// The `cstdio` support module (see FaithfulStdio): safe Rust that formats as glibc's `printf`
/// and buffers standard output as C does. `c_string`, the one `unsafe` function, goes into the
/// output only when a `char *` is printed.
extension FaithfulTranslator {
    static func stdioSupport(raw: Bool) -> [RItem] {
        [.attribute(stdioModule + (raw ? stdioRawString : "") + "}")]
    }

    static let stdioModule = #"""
/// C's standard output and error in safe Rust: `printf`'s conversions as glibc writes them,
/// and standard output buffered as C buffers it (by lines on a terminal, in blocks of 4096
/// bytes otherwise, as `stdbuf` asks if it does, flushed by `exit`), so that what reaches the
/// file descriptors and when is what the C program does.
pub mod cstdio {
    use std::io::Write;
    use std::sync::Mutex;

    /// One argument of a `printf` call, as C's default promotions left it.
    pub enum Arg<'a> {
        Int(i64),
        Double(f64),
        /// A string's bytes (its NUL, if any, ends it).
        Str(&'a [u8]),
        /// A `char` array's elements (its NUL ends it).
        Chars(&'a [i8]),
        Ptr(usize),
    }

    #[derive(Clone, Copy, PartialEq)]
    pub enum Stream {
        Out,
        Err,
    }

    /// How standard output is buffered: written through (a terminal, or `stdbuf -o0`), by
    /// lines (`stdbuf -oL`), or in blocks of a size (4096, or `stdbuf -oN`).
    #[derive(Clone, Copy, PartialEq)]
    enum Mode {
        Through,
        Lines,
        Blocks(usize),
    }

    struct Buffer {
        bytes: Vec<u8>,
        /// Decided at the first write.
        mode: Option<Mode>,
    }

    static STDOUT: Mutex<Buffer> = Mutex::new(Buffer { bytes: Vec::new(), mode: None });

    fn is_terminal() -> bool {
        match std::fs::read_link("/proc/self/fd/1") {
            Ok(p) => {
                let p = p.to_string_lossy();
                p.starts_with("/dev/pts/") || p.starts_with("/dev/tty") || p == "/dev/console"
            }
            Err(_) => false,
        }
    }

    /// C's choice for standard output: coreutils' `stdbuf` tells the C library through
    /// `_STDBUF_O`; otherwise a terminal is written through and anything else by blocks.
    fn mode() -> Mode {
        if let Ok(v) = std::env::var("_STDBUF_O") {
            if v == "0" {
                return Mode::Through;
            }
            if v == "L" {
                return Mode::Lines;
            }
            let (digits, scale) = match v.chars().last() {
                Some('K') => (&v[..v.len() - 1], 1024),
                Some('M') => (&v[..v.len() - 1], 1024 * 1024),
                _ => (&v[..], 1),
            };
            if let Ok(n) = digits.parse::<usize>() {
                if n > 0 {
                    return Mode::Blocks(n * scale);
                }
            }
        }
        if is_terminal() { Mode::Lines } else { Mode::Blocks(4096) }
    }

    /// Before the program reads standard input from a terminal, a line-buffered standard output
    /// is flushed (a prompt without a newline shows), as glibc does.
    pub fn before_input() {
        // Whether standard input is a terminal, found once (0: not yet, 1: no, 2: yes).
        let mut known = STDIN_TERMINAL.load(std::sync::atomic::Ordering::Relaxed);
        if known == 0 {
            // glibc flushes before reading a line-buffered or unbuffered stdin: a terminal, or
            // one `stdbuf -iL`/`-i0` set so.
            let terminal = match std::fs::read_link("/proc/self/fd/0") {
                Ok(p) => p.to_string_lossy().starts_with("/dev/pts/") || p.to_string_lossy().starts_with("/dev/tty"),
                Err(_) => false,
            } || std::env::var("_STDBUF_I").map(|v| v == "0" || v == "L").unwrap_or(false);
            known = if terminal { 2 } else { 1 };
            STDIN_TERMINAL.store(known, std::sync::atomic::Ordering::Relaxed);
        }
        if known == 1 {
            return;
        }
        let lines = match STDOUT.lock() {
            Ok(g) => g.mode == Some(Mode::Lines),
            Err(p) => p.into_inner().mode == Some(Mode::Lines),
        };
        if lines {
            flush();
        }
    }

    static STDIN_TERMINAL: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

    fn write(stream: Stream, data: &[u8]) {
        if stream == Stream::Err {
            let _ = std::io::stderr().write_all(data);
            return;
        }
        let mut out = match STDOUT.lock() {
            Ok(g) => g,
            Err(p) => p.into_inner(),
        };
        let mode = match out.mode {
            Some(m) => m,
            None => {
                let m = mode();
                out.mode = Some(m);
                m
            }
        };
        let mut o = std::io::stdout();
        let block = match mode {
            Mode::Through => {
                let _ = o.write_all(data);
                let _ = o.flush();
                return;
            }
            Mode::Lines => {
                out.bytes.extend_from_slice(data);
                // Through the last newline; what follows it waits.
                if let Some(last) = out.bytes.iter().rposition(|&b| b == b'\n') {
                    let _ = o.write_all(&out.bytes[..last + 1]);
                    let _ = o.flush();
                    out.bytes.drain(..last + 1);
                }
                return;
            }
            Mode::Blocks(n) => n,
        };
        let room = block - out.bytes.len();
        // A buffer that is just full waits for the next write, as glibc's does.
        if data.len() <= room {
            out.bytes.extend_from_slice(data);
            return;
        }
        // As glibc: fill the block and write it, write whole blocks directly, keep the rest.
        out.bytes.extend_from_slice(&data[..room]);
        let _ = o.write_all(&out.bytes);
        out.bytes.clear();
        let rest = &data[room..];
        let whole = rest.len() - rest.len() % block;
        let _ = o.write_all(&rest[..whole]);
        let _ = o.flush();
        out.bytes.extend_from_slice(&rest[whole..]);
    }

    /// `fflush(stdout)`.
    pub fn flush() -> i32 {
        let mut out = match STDOUT.lock() {
            Ok(g) => g,
            Err(p) => p.into_inner(),
        };
        let mut o = std::io::stdout();
        let _ = o.write_all(&out.bytes);
        let _ = o.flush();
        out.bytes.clear();
        0
    }

    /// `fflush(stream)`: standard error holds nothing to flush.
    pub fn fflush(stream: Stream) -> i32 {
        if stream == Stream::Out { flush() } else { 0 }
    }

    /// `exit(code)`: standard output is flushed first, as C's `exit` does.
    pub fn exit(code: i32) -> ! {
        flush();
        std::process::exit(code)
    }

    pub fn printf(format: &[u8], args: &[Arg]) -> i32 {
        fprintf(Stream::Out, format, args)
    }

    pub fn fprintf(stream: Stream, format: &[u8], args: &[Arg]) -> i32 {
        let text = render(format, args);
        write(stream, &text);
        text.len() as i32
    }

    /// A C `char` (`i8`) or `unsigned char` (`u8`) buffer element.
    pub trait Byte: Copy {
        fn of(b: u8) -> Self;
    }
    impl Byte for u8 {
        fn of(b: u8) -> u8 { b }
    }
    impl Byte for i8 {
        fn of(b: u8) -> i8 { b as i8 }
    }

    /// `snprintf(dst, n, ..)` (`sprintf` with no size): at most `n - 1` bytes and a NUL; the
    /// length of the whole text. Writing past `dst` panics (undefined in C).
    pub fn snprintf<T: Byte>(dst: &mut [T], n: Option<usize>, format: &[u8], args: &[Arg]) -> i32 {
        let text = render(format, args);
        let room = match n {
            Some(0) => return text.len() as i32,
            Some(n) => (n - 1).min(text.len()),
            None => text.len(),
        };
        for (k, &b) in text[..room].iter().enumerate() {
            dst[k] = T::of(b);
        }
        dst[room] = T::of(0);
        text.len() as i32
    }

    pub fn puts(s: Arg) -> i32 {
        let mut line = text(&s, None);
        line.push(b'\n');
        write(Stream::Out, &line);
        line.len() as i32
    }

    /// glibc's `fputs` returns 1 on success.
    pub fn fputs(s: Arg, stream: Stream) -> i32 {
        let t = text(&s, None);
        write(stream, &t);
        1
    }

    pub fn fputc(c: i32, stream: Stream) -> i32 {
        write(stream, &[c as u8]);
        c as u8 as i32
    }

    pub fn putchar(c: i32) -> i32 {
        fputc(c, Stream::Out)
    }

    /// A string argument's bytes up to its NUL (or `limit` bytes).
    fn text(a: &Arg, limit: Option<usize>) -> Vec<u8> {
        let max = limit.unwrap_or(usize::MAX);
        match a {
            Arg::Str(s) => s.iter().take_while(|&&b| b != 0).take(max).cloned().collect(),
            Arg::Chars(s) => s.iter().take_while(|&&b| b != 0).take(max).map(|&b| b as u8).collect(),
            _ => b"(null)".iter().take(max).cloned().collect(),
        }
    }

    fn int_of(a: Option<&Arg>) -> i64 {
        match a {
            Some(Arg::Int(v)) => *v,
            Some(Arg::Ptr(p)) => *p as i64,
            Some(Arg::Double(d)) => *d as i64,
            _ => 0,
        }
    }

    fn double_of(a: Option<&Arg>) -> f64 {
        match a {
            Some(Arg::Double(d)) => *d,
            Some(Arg::Int(v)) => *v as f64,
            _ => 0.0,
        }
    }

    struct Spec {
        left: bool,
        plus: bool,
        space: bool,
        alt: bool,
        zero: bool,
        width: usize,
        precision: Option<usize>,
        upper: bool,
    }

    /// `printf`'s text for `format` and `args`.
    pub fn render(format: &[u8], args: &[Arg]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut next = 0usize;
        let mut i = 0usize;
        let at = |i: usize| -> u8 { if i < format.len() { format[i] } else { 0 } };
        while at(i) != 0 {
            let c = at(i);
            if c != b'%' {
                out.push(c);
                i += 1;
                continue;
            }
            let start = i;
            i += 1;
            let mut s = Spec { left: false, plus: false, space: false, alt: false, zero: false, width: 0, precision: None, upper: false };
            loop {
                match at(i) {
                    b'-' => s.left = true,
                    b'+' => s.plus = true,
                    b' ' => s.space = true,
                    b'#' => s.alt = true,
                    b'0' => s.zero = true,
                    b'\'' => {}
                    _ => break,
                }
                i += 1;
            }
            if at(i) == b'*' {
                let w = int_of(args.get(next)) as i32;
                next += 1;
                if w < 0 {
                    s.left = true;
                }
                s.width = w.unsigned_abs() as usize;
                i += 1;
            } else {
                while at(i).is_ascii_digit() {
                    s.width = s.width * 10 + (at(i) - b'0') as usize;
                    i += 1;
                }
            }
            if at(i) == b'.' {
                i += 1;
                if at(i) == b'*' {
                    let p = int_of(args.get(next)) as i32;
                    next += 1;
                    s.precision = if p < 0 { None } else { Some(p as usize) };
                    i += 1;
                } else {
                    let mut p = 0usize;
                    while at(i).is_ascii_digit() {
                        p = p * 10 + (at(i) - b'0') as usize;
                        i += 1;
                    }
                    s.precision = Some(p);
                }
            }
            // Length: hh -2, h -1, none 0, l 1, ll and the 64-bit ones 2.
            let mut length = 0i32;
            loop {
                match at(i) {
                    b'h' => length = if length == -1 { -2 } else { -1 },
                    b'l' => length = if length >= 1 { 2 } else { 1 },
                    b'L' | b'q' | b'j' | b'z' | b't' | b'Z' => length = 2,
                    _ => break,
                }
                i += 1;
            }
            let conversion = at(i);
            if conversion == 0 {
                out.extend_from_slice(&format[start..i]);
                break;
            }
            i += 1;
            s.upper = conversion.is_ascii_uppercase();
            match conversion {
                b'%' => out.push(b'%'),
                b'd' | b'i' => {
                    let v = int_of(args.get(next));
                    next += 1;
                    let v = match length {
                        -2 => v as i8 as i64,
                        -1 => v as i16 as i64,
                        0 => v as i32 as i64,
                        _ => v,
                    };
                    let sign: &[u8] = if v < 0 { b"-" } else if s.plus { b"+" } else if s.space { b" " } else { b"" };
                    integer(&mut out, &s, sign, v.unsigned_abs(), 10, b"");
                }
                b'u' | b'o' | b'x' | b'X' | b'b' | b'B' => {
                    let v = int_of(args.get(next));
                    next += 1;
                    let v = match length {
                        -2 => v as u8 as u64,
                        -1 => v as u16 as u64,
                        0 => v as u32 as u64,
                        _ => v as u64,
                    };
                    let base = match conversion {
                        b'o' => 8,
                        b'x' | b'X' => 16,
                        b'b' | b'B' => 2,
                        _ => 10,
                    };
                    let prefix: &[u8] = match conversion {
                        b'x' if s.alt && v != 0 => b"0x",
                        b'X' if s.alt && v != 0 => b"0X",
                        b'b' if s.alt && v != 0 => b"0b",
                        b'B' if s.alt && v != 0 => b"0B",
                        _ => b"",
                    };
                    integer(&mut out, &s, b"", v, base, prefix);
                }
                b'c' => {
                    let v = int_of(args.get(next)) as u8;
                    next += 1;
                    pad(&mut out, &s, b"", &[v], false);
                }
                b's' => {
                    let t = args.get(next).map(|a| text(a, s.precision)).unwrap_or_default();
                    next += 1;
                    pad(&mut out, &s, b"", &t, false);
                }
                b'p' => {
                    let v = int_of(args.get(next)) as u64;
                    next += 1;
                    if v == 0 {
                        s.zero = false;
                        s.precision = None;
                        pad(&mut out, &s, b"", b"(nil)", false);
                    } else {
                        let sign: &[u8] = if s.plus { b"+" } else if s.space { b" " } else { b"" };
                        integer(&mut out, &s, sign, v, 16, b"0x");
                    }
                }
                b'f' | b'F' | b'e' | b'E' | b'g' | b'G' | b'a' | b'A' => {
                    let v = double_of(args.get(next));
                    next += 1;
                    float(&mut out, &s, v, conversion.to_ascii_lowercase());
                }
                _ => out.extend_from_slice(&format[start..i]),
            }
        }
        out
    }

    fn digits(mut v: u64, base: u64, upper: bool) -> Vec<u8> {
        let table: &[u8] = if upper { b"0123456789ABCDEF" } else { b"0123456789abcdef" };
        let mut d = Vec::new();
        while v > 0 {
            d.push(table[(v % base) as usize]);
            v /= base;
        }
        d.reverse();
        d
    }

    fn integer(out: &mut Vec<u8>, s: &Spec, sign: &[u8], v: u64, base: u64, prefix: &[u8]) {
        let mut body = if v == 0 && s.precision == Some(0) { Vec::new() } else if v == 0 { vec![b'0'] } else { digits(v, base, s.upper) };
        if let Some(p) = s.precision {
            while body.len() < p {
                body.insert(0, b'0');
            }
        }
        if base == 8 && s.alt && body.first() != Some(&b'0') {
            body.insert(0, b'0');
        }
        let mut lead = sign.to_vec();
        lead.extend_from_slice(prefix);
        pad(out, s, &lead, &body, s.zero && s.precision.is_none());
    }

    /// `lead` (sign, prefix) then `body`, padded to the width: spaces on the left or right, or
    /// zeros between the two.
    fn pad(out: &mut Vec<u8>, s: &Spec, lead: &[u8], body: &[u8], zeros: bool) {
        let len = lead.len() + body.len();
        let fill = if s.width > len { s.width - len } else { 0 };
        if s.left {
            out.extend_from_slice(lead);
            out.extend_from_slice(body);
            out.extend(std::iter::repeat(b' ').take(fill));
        } else if zeros {
            out.extend_from_slice(lead);
            out.extend(std::iter::repeat(b'0').take(fill));
            out.extend_from_slice(body);
        } else {
            out.extend(std::iter::repeat(b' ').take(fill));
            out.extend_from_slice(lead);
            out.extend_from_slice(body);
        }
    }

    /// `d.ddd` and the decimal exponent of `v` (not negative) to `precision` digits after the
    /// point, correctly rounded (ties to even, as glibc).
    fn scientific(v: f64, precision: usize) -> (Vec<u8>, i32) {
        let t = format!("{:.*e}", precision, v);
        let (m, e) = t.split_at(t.find('e').unwrap_or(t.len()));
        let exponent = e.get(1..).and_then(|x| x.parse::<i32>().ok()).unwrap_or(0);
        (m.as_bytes().to_vec(), exponent)
    }

    fn exponent_text(e: i32, upper: bool) -> Vec<u8> {
        let mut t = vec![if upper { b'E' } else { b'e' }, if e < 0 { b'-' } else { b'+' }];
        let d = format!("{:02}", e.unsigned_abs());
        t.extend_from_slice(d.as_bytes());
        t
    }

    fn strip_zeros(body: &mut Vec<u8>) {
        if body.contains(&b'.') {
            while body.last() == Some(&b'0') {
                body.pop();
            }
            if body.last() == Some(&b'.') {
                body.pop();
            }
        }
    }

    fn float(out: &mut Vec<u8>, s: &Spec, v: f64, conversion: u8) {
        let sign: &[u8] = if v.is_sign_negative() { b"-" } else if s.plus { b"+" } else if s.space { b" " } else { b"" };
        let a = v.abs();
        if !a.is_finite() {
            let word: &[u8] = match (a.is_nan(), s.upper) {
                (true, false) => b"nan",
                (true, true) => b"NAN",
                (false, false) => b"inf",
                (false, true) => b"INF",
            };
            pad(out, s, sign, word, false);
            return;
        }
        let mut body: Vec<u8>;
        match conversion {
            b'f' => {
                body = format!("{:.*}", s.precision.unwrap_or(6), a).into_bytes();
                if s.alt && s.precision == Some(0) {
                    body.push(b'.');
                }
            }
            b'e' => {
                let (m, e) = scientific(a, s.precision.unwrap_or(6));
                body = m;
                if s.alt && s.precision == Some(0) {
                    body.push(b'.');
                }
                body.extend(exponent_text(e, s.upper));
            }
            b'g' => {
                let p = match s.precision {
                    Some(0) => 1,
                    Some(p) => p,
                    None => 6,
                };
                let (m, x) = scientific(a, p - 1);
                if (x as i64) < p as i64 && x >= -4 {
                    body = format!("{:.*}", (p as i64 - 1 - x as i64) as usize, a).into_bytes();
                    if s.alt {
                        if !body.contains(&b'.') {
                            body.push(b'.');
                        }
                    } else {
                        strip_zeros(&mut body);
                    }
                } else {
                    body = m;
                    if s.alt {
                        // glibc's quirk: when rounding carries a value that would print in
                        // fixed style into a new power of ten that prints in exponent style,
                        // `%#g` keeps the point but not the zeros (`1.e+06` for 999999.5).
                        let unrounded = scientific(a, 17).1;
                        if unrounded < x && unrounded >= -4 && (unrounded as i64) < p as i64 {
                            body = b"1.".to_vec();
                        } else if !body.contains(&b'.') {
                            body.push(b'.');
                        }
                    } else {
                        strip_zeros(&mut body);
                    }
                    body.extend(exponent_text(x, s.upper));
                }
            }
            _ => {
                body = hex_float(a, s.precision, s.alt, s.upper);
                let mut lead = sign.to_vec();
                lead.extend_from_slice(if s.upper { b"0X" } else { b"0x" });
                pad(out, s, &lead, &body, s.zero);
                return;
            }
        }
        if s.upper {
            body.make_ascii_uppercase();
        }
        pad(out, s, sign, &body, s.zero);
    }

    /// `%a` without its `0x`: `h.hhhp±d`, as glibc writes it.
    fn hex_float(a: f64, precision: Option<usize>, alt: bool, upper: bool) -> Vec<u8> {
        let bits = a.to_bits();
        let raw_exponent = ((bits >> 52) & 0x7ff) as i32;
        let mut mantissa = bits & ((1u64 << 52) - 1);
        let (mut lead, exponent) = if raw_exponent == 0 {
            if mantissa == 0 { (0u64, 0) } else { (0u64, -1022) }
        } else {
            (1u64, raw_exponent - 1023)
        };
        let mut count = 13usize;
        if let Some(p) = precision {
            if p < 13 {
                // Round the 52 bits to 4p, to nearest, ties to even.
                let drop = (13 - p) * 4;
                let kept = mantissa >> drop;
                let rest = mantissa & ((1u64 << drop) - 1);
                let half = 1u64 << (drop - 1);
                let mut k = kept;
                // Ties to even: with no digit kept after the point, the leading digit's parity.
                let odd = if p == 0 { (lead & 1) == 1 } else { (k & 1) == 1 };
                if rest > half || (rest == half && odd) {
                    k += 1;
                }
                if k >> (p * 4) != 0 {
                    lead += 1;
                    k &= (1u64 << (p * 4)) - 1;
                }
                mantissa = k << drop;
            }
            count = p;
        } else {
            while count > 0 && (mantissa >> ((13 - count) * 4)) & 0xf == 0 {
                count -= 1;
            }
        }
        let table: &[u8] = if upper { b"0123456789ABCDEF" } else { b"0123456789abcdef" };
        let mut body = vec![table[lead as usize]];
        if count > 0 || alt {
            body.push(b'.');
        }
        for k in 0..count {
            let nibble = if k < 13 { (mantissa >> ((12 - k) * 4)) & 0xf } else { 0 };
            body.push(table[nibble as usize]);
        }
        body.push(if upper { b'P' } else { b'p' });
        body.push(if exponent < 0 { b'-' } else { b'+' });
        body.extend_from_slice(exponent.unsigned_abs().to_string().as_bytes());
        body
    }
"""#

    static let stdioRawString = #"""
    /// The bytes of the C string at `p`, up to its NUL or `limit` bytes; a null pointer is
    /// `(null)` as glibc prints it (nothing under a precision below 6).
    pub unsafe fn c_string<'a>(p: *const u8, limit: Option<usize>) -> Arg<'a> {
        if p.is_null() {
            return Arg::Str(if limit.map_or(false, |l| l < 6) { b"" } else { b"(null)" });
        }
        let max = limit.unwrap_or(usize::MAX);
        let mut n = 0usize;
        while n < max && *p.add(n) != 0 {
            n += 1;
        }
        Arg::Str(std::slice::from_raw_parts(p, n))
    }
"""#
}
