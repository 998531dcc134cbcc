import CSyntax
import RustSyntax

/// Standard input in safe Rust. When the program reads standard input only through `fgets`
/// into a `char` buffer reached without a pointer, `getchar`, `fgetc`/`getc`/`ungetc` on
/// `stdin`, `scanf` into objects in place (`scanTargets`), and asks `feof`/`ferror`/`clearerr`
/// about it, those calls go to the `cstdio`
/// module's input side: its own buffer over file descriptor 0, refilled as glibc refills
/// (flushing a line-buffered standard output first when standard input is a terminal).
/// Anything else that reads standard input (another `scanf`, `getline`, `fread`, `read(0, ..)`,
/// `stdin` held in a variable...) keeps the whole program on the C library's `stdin`: two
/// buffers over one descriptor would each take bytes the other should see.
/// Known differences: Rust's standard input reads ahead in blocks of 8 KiB where glibc reads
/// 4096 bytes, so a process that shares the descriptor after this one exits (`{ prog; head; }
/// < file`) finds it further on; and Rust opens `/dev/null` for a descriptor 0 closed at start,
/// so reading it is end of file, where C's read fails (`ferror`).
extension FaithfulTranslator {
    enum StdinCall {
        case fgets(CStringTarget, CExpr)
        case getchar
        case ungetc(CExpr)
        case feof, ferror, clearerr
        /// `scanf` with a literal format: the format and each destination.
        case scanf([UInt8], [ScanTarget])
    }

    /// Where one `scanf` conversion stores: a number in place (`&n`, `&p.x`), one `char`
    /// (`%c` into `&ch`), or a `char` array in place (`%s`, `%5c`).
    struct ScanTarget {
        /// The `cstdin::Scan` variant.
        var kind: String
        var place: CExpr
        /// `place` is the `char` (a slice of one is lent), not an array.
        var single = false
    }

    /// `scanf`'s destinations, when every conversion is one the module reads into an object in
    /// place of the exact type, no two into one variable.
    static func scanTargets(_ format: [UInt8], _ args: ArraySlice<CExpr>, _ program: Program) -> [ScanTarget]? {
        var kinds: [(String, Int)] = []   // the variant, and the width (0: none)
        var i = 0
        func at(_ k: Int) -> UInt8 { k < format.count ? format[k] : 0 }
        while i < format.count {
            guard format[i] == UInt8(ascii: "%") else { i += 1; continue }
            i += 1
            if at(i) == UInt8(ascii: "%") { i += 1; continue }
            let skip = at(i) == UInt8(ascii: "*")
            if skip { i += 1 }
            var width = 0
            while (48...57).contains(at(i)) { width = width * 10 + Int(at(i) - 48); i += 1 }
            var longs = 0
            while at(i) == UInt8(ascii: "l") { longs += 1; i += 1 }
            if "hLqjzt".utf8.contains(at(i)) { return nil }
            let c = at(i)
            i += 1
            let kind: String
            switch (c, longs) {
            case (UInt8(ascii: "d"), 0): kind = "Int"
            case (UInt8(ascii: "d"), _): kind = "Long"
            case (UInt8(ascii: "u"), 0): kind = "UInt"
            case (UInt8(ascii: "u"), _): kind = "ULong"
            case (UInt8(ascii: "f"), 0), (UInt8(ascii: "e"), 0), (UInt8(ascii: "g"), 0): kind = "Float"
            case (UInt8(ascii: "f"), 1), (UInt8(ascii: "e"), 1), (UInt8(ascii: "g"), 1): kind = "Double"
            case (UInt8(ascii: "c"), 0): kind = "Chars"
            case (UInt8(ascii: "s"), 0): kind = "Word"
            default: return nil
            }
            if !skip { kinds.append((kind, width)) }
        }
        guard kinds.count == args.count else { return nil }
        var targets: [ScanTarget] = []
        var roots: Set<Int> = []
        for ((kind, width), a) in zip(kinds, args) {
            let value = a.withoutCasts
            var target: ScanTarget
            if kind == "Word" || kind == "Chars" && width > 1 {
                // A `char` array in place, long enough for what the conversion can store.
                guard case .array(.int(.char), let n?) = value.type, isInPlace(value, program) else { return nil }
                if width > 0, width + (kind == "Word" ? 1 : 0) > n { return nil }
                target = ScanTarget(kind: kind, place: value)
            } else {
                guard case .unary(.addressOf, let x) = value.kind, isInPlace(x, program) else { return nil }
                let expected: [String: [CTy]] = ["Int": [.int(.int)], "Long": [.int(.long), .int(.longlong)], "UInt": [.int(.uint)],
                                                 "ULong": [.int(.ulong), .int(.ulonglong)], "Float": [.float(.float)],
                                                 "Double": [.float(.double)], "Chars": [.int(.char)]]
                guard expected[kind]?.contains(x.type) == true else { return nil }
                target = ScanTarget(kind: kind, place: x, single: kind == "Chars")
            }
            guard let root = arrayRoot(target.place), roots.insert(root).inserted else { return nil }
            targets.append(target)
        }
        return targets
    }

    /// Library functions that read standard input in ways the module cannot share.
    static let stdinBlockers: Set<String> = [
        "vscanf", "__isoc99_vscanf", "gets", "getchar_unlocked", "getline", "getdelim",
        "fread", "fread_unlocked", "fscanf", "vfscanf", "__isoc99_fscanf", "__isoc23_fscanf", "fgetc_unlocked", "getc_unlocked",
        "fgets_unlocked", "read", "readv", "pread", "freopen", "fclose", "fcloseall", "setvbuf", "setbuf", "fileno", "fseek",
        "ftell", "rewind", "fgetpos", "fsetpos", "fdopen", "dup", "dup2", "system", "popen", "fork", "vfork",
    ]

    /// `stdin` named directly.
    static func isStandardInput(_ e: CExpr, _ program: Program) -> Bool {
        guard case .variable(let id) = e.withoutCasts.kind else { return false }
        return program.variables[id].storage == .external && program.variables[id].name == "stdin"
    }

    /// The module's form of a call, or nil.
    static func stdinCall(_ name: String, _ args: [CExpr], _ program: Program, _ lifted: [Int: ReferenceLifting.Lift]) -> StdinCall? {
        switch (name, args.count) {
        case ("fgets", 3):
            guard isStandardInput(args[2], program), args[1].type.isInteger, let target = stringTarget(args[0], program, lifted) else { return nil }
            return .fgets(target, args[1])
        case ("getchar", 0): return .getchar
        case ("fgetc", 1), ("getc", 1), ("_IO_getc", 1): return isStandardInput(args[0], program) ? .getchar : nil
        case ("ungetc", 2): return isStandardInput(args[1], program) && args[0].type.isInteger ? .ungetc(args[0]) : nil
        case ("feof", 1): return isStandardInput(args[0], program) ? .feof : nil
        case ("ferror", 1): return isStandardInput(args[0], program) ? .ferror : nil
        case ("clearerr", 1): return isStandardInput(args[0], program) ? .clearerr : nil
        case ("scanf", 1...), ("__isoc99_scanf", 1...), ("__isoc23_scanf", 1...):
            // A program that reads `errno` keeps the C library's (it sets ERANGE on overflow).
            guard !usesErrno(program), case .stringLiteral(let format) = args[0].withoutCasts.kind,
                  let targets = scanTargets(format, args.dropFirst(), program) else { return nil }
            return .scanf(format, targets)
        default: return nil
        }
    }

    static let stdinFunctions: Set<String> = ["fgets", "getchar", "fgetc", "getc", "_IO_getc", "ungetc", "feof", "ferror", "clearerr",
                                              "scanf", "__isoc99_scanf", "__isoc23_scanf"]

    /// Whether the program's standard input can go through the module: every read of it is a
    /// call `stdinCall` takes, `stdin` appears only as such a call's stream, and no blocker is
    /// called or taken as a value. (A `fgets` into a buffer reached through a pointer is a
    /// blocker too: the whole program keeps one buffer.)
    static func stdinRuntimeApplies(_ program: Program, lifted: [Int: ReferenceLifting.Lift]) -> Bool {
        var ok = true
        var reads = false
        func expression(_ e: CExpr) {
            guard ok else { return }
            switch e.kind {
            case .call(let callee, let args):
                if case .function(let id) = callee.withoutCasts.kind, program.functions[id].body == nil {
                    let name = program.functions[id].name
                    if stdinBlockers.contains(name) { ok = false; return }
                    if stdinFunctions.contains(name) {
                        // Another stream (`fgets(line, n, file)`) is the C library's business.
                        let onStdin = name == "getchar" || name.hasSuffix("scanf") || args.contains { isStandardInput($0, program) }
                        if onStdin {
                            guard stdinCall(name, args, program, lifted) != nil else { ok = false; return }
                            reads = true
                        }
                        for a in args where !isStandardInput(a, program) { expression(a) }
                        return
                    }
                }
                e.forEachChild(expression)
            case .function(let id):
                let name = program.functions[id].name
                if program.functions[id].body == nil, stdinFunctions.contains(name) || stdinBlockers.contains(name) { ok = false }
            case .variable:
                if isStandardInput(e, program) { ok = false }
            default:
                e.forEachChild(expression)
            }
        }
        for f in program.functions where f.body != nil { f.body!.forEachExpression(expression) }
        for v in program.variables { if let e = v.initializer { expression(e) } }
        return ok && reads
    }

    func stdinExpression(_ call: StdinCall, _ e: CExpr) -> RExpr {
        requireStdioSupport()
        needsStdinSupport = true
        switch call {
        case .fgets(let target, let n):
            let read = RExpr.call(.path("cstdin::fgets"), [slice(target), cast(n, to: .int(.int))])
            if e.type == .void { return read }
            let buffer = targetPointer(target)
            return .ifElse(read, RBlock(tail: .cast(buffer, rtype(e.type))), .block(RBlock(tail: zero(e.type))))
        case .getchar: return convert(.call(.path("cstdin::getchar"), []), from: .int(.int), to: e.type)
        case .ungetc(let c): return convert(.call(.path("cstdin::ungetc"), [cast(c, to: .int(.int))]), from: .int(.int), to: e.type)
        case .feof: return convert(.call(.path("cstdin::feof"), []), from: .int(.int), to: e.type)
        case .ferror: return convert(.call(.path("cstdin::ferror"), []), from: .int(.int), to: e.type)
        case .clearerr: return .call(.path("cstdin::clearerr"), [])
        case .scanf(let format, let targets):
            let destinations: [RExpr] = targets.map { t in
                let place = mutablePlace(t.place, true)
                let lent: RExpr = t.single ? .call(.path("::core::slice::from_mut"), [.unary(.refMut, place)])
                    : t.place.type.isArrayLike ? .method(place, "as_mut_slice", []) : .unary(.refMut, place)
                return .call(.path("cstdin::Scan::\(t.kind)"), [lent])
            }
            let read = RExpr.call(.path("cstdin::scanf"), [.literal(byteString(format)), .method(.arrayLiteral(destinations), "as_mut_slice", [])])
            return e.type == .void ? read : convert(read, from: .int(.int), to: e.type)
        }
    }

    static let stdinModule = #"""
/// Standard input as glibc's `stdin` reads it: a buffer over file descriptor 0, refilled when
/// empty (a line-buffered standard output is flushed first when the input is a terminal).
pub mod cstdin {
    use std::io::Read;
    use std::sync::Mutex;

    pub struct Input {
        bytes: Vec<u8>,
        at: usize,
        eof: bool,
        error: bool,
    }

    use super::cstdio::Byte;

    static STDIN: Mutex<Input> = Mutex::new(Input { bytes: Vec::new(), at: 0, eof: false, error: false });

    fn input() -> std::sync::MutexGuard<'static, Input> {
        match STDIN.lock() {
            Ok(g) => g,
            Err(p) => p.into_inner(),
        }
    }

    /// The next byte, refilling the buffer when it is empty (None at end of file or on error).
    fn next(i: &mut Input) -> Option<u8> {
        if i.at == i.bytes.len() {
            // End of file is sticky, as in glibc since 2.28: nothing is read until `clearerr`.
            if i.eof {
                return None;
            }
            super::cstdio::before_input();
            // glibc reads a byte at a time from an unbuffered stdin (`stdbuf -i0`).
            let unbuffered = std::env::var("_STDBUF_I").map(|v| v == "0").unwrap_or(false);
            let mut block = vec![0u8; if unbuffered { 1 } else { 4096 }];
            loop {
                match std::io::stdin().lock().read(&mut block) {
                    Ok(0) => {
                        i.eof = true;
                        return None;
                    }
                    Ok(n) => {
                        i.bytes = block[..n].to_vec();
                        i.at = 0;
                        break;
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    Err(_) => {
                        i.error = true;
                        return None;
                    }
                }
            }
        }
        i.at += 1;
        Some(i.bytes[i.at - 1])
    }

    pub fn getchar() -> i32 {
        let mut i = input();
        next(&mut i).map(|b| b as i32).unwrap_or(-1)
    }

    pub fn ungetc(c: i32) -> i32 {
        if c == -1 {
            return -1;
        }
        let mut i = input();
        i.eof = false;
        if i.at > 0 {
            i.at -= 1;
            let at = i.at;
            i.bytes[at] = c as u8;
        } else {
            i.bytes.insert(0, c as u8);
        }
        c & 0xff
    }

    /// Up to `n - 1` bytes through the first newline, then a NUL; false (the buffer as it was)
    /// at end of file before any byte or on an error.
    pub fn fgets<T: Byte>(buf: &mut [T], n: i32) -> bool {
        if n <= 0 {
            return false;
        }
        let mut i = input();
        let mut k = 0usize;
        while k + 1 < n as usize {
            match next(&mut i) {
                Some(b) => {
                    buf[k] = T::of(b);
                    k += 1;
                    if b == b'\n' {
                        break;
                    }
                }
                None => {
                    if k == 0 || i.error {
                        return false;
                    }
                    break;
                }
            }
        }
        buf[k] = T::of(0);
        true
    }

    /// One `scanf` destination, as its conversion stores it.
    pub enum Scan<'a> {
        Int(&'a mut i32),
        Long(&'a mut i64),
        UInt(&'a mut u32),
        ULong(&'a mut u64),
        Double(&'a mut f64),
        Float(&'a mut f32),
        /// `%c` (`%Nc`): N bytes, no NUL.
        Chars(&'a mut [i8]),
        /// `%s` (`%Ns`): a word and its NUL.
        Word(&'a mut [i8]),
    }

    fn space(b: u8) -> bool {
        b == b' ' || (9..=13).contains(&b)
    }

    /// The next byte without taking it.
    fn peek(i: &mut Input) -> Option<u8> {
        let b = next(i)?;
        i.at -= 1;
        Some(b)
    }

    fn skip_space(i: &mut Input) {
        while let Some(b) = peek(i) {
            if !space(b) {
                break;
            }
            i.at += 1;
        }
    }

    /// `scanf` as glibc reads: whitespace in the format skips any, a literal byte must match,
    /// `%d %u %ld %lu %lld %llu %f %lf %c %s` (with widths, `*` to skip) convert; the count
    /// of stored conversions, or -1 when the input ends before the first conversion.
    pub fn scanf(format: &[u8], args: &mut [Scan]) -> i32 {
        let mut i = input();
        let mut stored = 0i32;
        let mut k = 0usize;
        let mut f = 0usize;
        // An input failure before anything was stored is EOF (a suppressed `%*d` stores nothing).
        let end = |i: &Input, stored: i32| if stored == 0 && (i.eof || i.error) { -1 } else { stored };
        while f < format.len() && format[f] != 0 {
            let c = format[f];
            if space(c) {
                while f < format.len() && space(format[f]) {
                    f += 1;
                }
                skip_space(&mut i);
                continue;
            }
            if c != b'%' || format.get(f + 1) == Some(&b'%') {
                if c == b'%' {
                    skip_space(&mut i);
                    f += 1;
                }
                match next(&mut i) {
                    Some(b) if b == c => {
                        f += 1;
                        continue;
                    }
                    Some(_) => {
                        i.at -= 1;
                        return stored;
                    }
                    None => return end(&*i, stored),
                }
            }
            f += 1;
            let skip = format.get(f) == Some(&b'*');
            if skip {
                f += 1;
            }
            let mut width = 0usize;
            while f < format.len() && format[f].is_ascii_digit() {
                width = width * 10 + (format[f] - b'0') as usize;
                f += 1;
            }
            while f < format.len() && b"hlLqjzt".contains(&format[f]) {
                f += 1;
            }
            let conv = format.get(f).copied().unwrap_or(0);
            f += 1;
            if conv == b'c' {
                let n = if width == 0 { 1 } else { width };
                let mut got = Vec::new();
                while got.len() < n {
                    match next(&mut i) {
                        Some(b) => got.push(b),
                        None => break,
                    }
                }
                if got.is_empty() {
                    return end(&*i, stored);
                }
                if !skip {
                    if let Some(Scan::Chars(d)) = args.get_mut(k) {
                        for (j, &b) in got.iter().enumerate() {
                            d[j] = b as i8;
                        }
                    }
                    k += 1;
                    stored += 1;
                }
                continue;
            }
            skip_space(&mut i);
            let limit = if width == 0 { usize::MAX } else { width };
            let mut text: Vec<u8> = Vec::new();
            if conv == b's' {
                while text.len() < limit {
                    match peek(&mut i) {
                        Some(b) if !space(b) => {
                            text.push(b);
                            i.at += 1;
                        }
                        _ => break,
                    }
                }
                if text.is_empty() {
                    return end(&*i, stored);
                }
                if !skip {
                    if let Some(Scan::Word(d)) = args.get_mut(k) {
                        for (j, &b) in text.iter().enumerate() {
                            d[j] = b as i8;
                        }
                        d[text.len()] = 0;
                    }
                    k += 1;
                    stored += 1;
                }
                continue;
            }
            let float = conv == b'f' || conv == b'e' || conv == b'g' || conv == b'E' || conv == b'G';
            // The longest prefix of a number: a sign, digits, and for floats a point and an exponent.
            let take = |i: &mut Input, text: &mut Vec<u8>, ok: &dyn Fn(u8) -> bool| -> bool {
                if text.len() >= limit {
                    return false;
                }
                match peek(i) {
                    Some(b) if ok(b) => {
                        text.push(b);
                        i.at += 1;
                        true
                    }
                    _ => false,
                }
            };
            take(&mut *i, &mut text, &|b| b == b'+' || b == b'-');
            if float && matches!(peek(&mut i), Some(b'i') | Some(b'I') | Some(b'n') | Some(b'N')) {
                // `inf`, `infinity`, `nan`, in any case, as strtod reads them.
                let first = peek(&mut i).unwrap_or(0).to_ascii_lowercase();
                let word: &[u8] = if first == b'i' { b"infinity" } else { b"nan" };
                let mut matched = 0;
                while matched < word.len() && take(&mut *i, &mut text, &|b: u8| b.to_ascii_lowercase() == word[matched]) {
                    matched += 1;
                }
                if matched < 3 {
                    return stored;
                }
                let negative = text.first() == Some(&b'-');
                let value = if first == b'i' { f64::INFINITY } else { f64::NAN };
                let value = if negative { -value } else { value };
                if !skip {
                    match args.get_mut(k) {
                        Some(Scan::Double(d)) => **d = value,
                        Some(Scan::Float(d)) => **d = value as f32,
                        _ => {}
                    }
                    k += 1;
                    stored += 1;
                }
                continue;
            }
            let mut digits = 0;
            while take(&mut *i, &mut text, &|b: u8| b.is_ascii_digit()) {
                digits += 1;
            }
            if float {
                if take(&mut *i, &mut text, &|b| b == b'.') {
                    while take(&mut *i, &mut text, &|b: u8| b.is_ascii_digit()) {
                        digits += 1;
                    }
                }
                let mantissa = text.len();
                if digits > 0 && take(&mut *i, &mut text, &|b| b == b'e' || b == b'E') {
                    take(&mut *i, &mut text, &|b| b == b'+' || b == b'-');
                    let mut exp = 0;
                    while take(&mut *i, &mut text, &|b: u8| b.is_ascii_digit()) {
                        exp += 1;
                    }
                    if exp == 0 {
                        // `1ex`: glibc keeps the number before the `e` (the `e` is consumed).
                        text.truncate(mantissa);
                    }
                }
            }
            if digits == 0 {
                return if text.is_empty() && (i.eof || i.error) { end(&*i, stored) } else { stored };
            }
            if skip {
                continue;
            }
            let s = std::str::from_utf8(&text).unwrap_or("0");
            // strtol's and strtoul's value: saturated at 64 bits, then cut to the destination.
            let (neg, digits_only) = match s.as_bytes()[0] {
                b'-' => (true, &s[1..]),
                b'+' => (false, &s[1..]),
                _ => (false, s),
            };
            let parsed = digits_only.parse::<u64>();
            let magnitude = *parsed.as_ref().unwrap_or(&u64::MAX);
            let signed = if neg {
                if magnitude > i64::MAX as u64 + 1 { i64::MIN } else { (magnitude as i64).wrapping_neg() }
            } else if magnitude > i64::MAX as u64 {
                i64::MAX
            } else {
                magnitude as i64
            };
            let unsigned = if parsed.is_err() { u64::MAX } else if neg { magnitude.wrapping_neg() } else { magnitude };
            match args.get_mut(k) {
                Some(Scan::Int(d)) => **d = signed as i32,
                Some(Scan::Long(d)) => **d = signed,
                Some(Scan::UInt(d)) => **d = unsigned as u32,
                Some(Scan::ULong(d)) => **d = unsigned,
                Some(Scan::Double(d)) => **d = s.parse::<f64>().unwrap_or(0.0),
                Some(Scan::Float(d)) => **d = s.parse::<f32>().unwrap_or(0.0),
                _ => {}
            }
            k += 1;
            stored += 1;
        }
        stored
    }

    pub fn feof() -> i32 {
        input().eof as i32
    }

    pub fn ferror() -> i32 {
        input().error as i32
    }

    pub fn clearerr() {
        let mut i = input();
        i.eof = false;
        i.error = false;
    }
}
"""#
}
