import CSyntax
import RustSyntax

/// Standard input in safe Rust. When the program reads standard input only through `fgets`
/// into a `char` buffer reached without a pointer, `getchar`, `fgetc`/`getc`/`ungetc` on
/// `stdin`, and asks `feof`/`ferror`/`clearerr` about it, those calls go to the `cstdio`
/// module's input side: its own buffer over file descriptor 0, refilled as glibc refills
/// (flushing a line-buffered standard output first when standard input is a terminal).
/// Anything else that reads standard input (`scanf`, `getline`, `fread`, `read(0, ..)`,
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
    }

    /// Library functions that read standard input in ways the module cannot share.
    static let stdinBlockers: Set<String> = [
        "scanf", "vscanf", "__isoc99_scanf", "__isoc99_vscanf", "__isoc23_scanf", "gets", "getchar_unlocked", "getline", "getdelim",
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
        default: return nil
        }
    }

    static let stdinFunctions: Set<String> = ["fgets", "getchar", "fgetc", "getc", "_IO_getc", "ungetc", "feof", "ferror", "clearerr"]

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
                        let onStdin = name == "getchar" || args.contains { isStandardInput($0, program) }
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
            let buffer: RExpr
            switch target {
            case .array(let x): buffer = .method(place(x), "as_mut_ptr", [])
            case .lifted(let id): buffer = variableRef(id)
            case .nothing: buffer = .turbofish("::core::ptr::null_mut", [.named("i8")], [])   // not reached: fgets always has a buffer
            }
            return .ifElse(read, RBlock(tail: .cast(buffer, rtype(e.type))), .block(RBlock(tail: zero(e.type))))
        case .getchar: return convert(.call(.path("cstdin::getchar"), []), from: .int(.int), to: e.type)
        case .ungetc(let c): return convert(.call(.path("cstdin::ungetc"), [cast(c, to: .int(.int))]), from: .int(.int), to: e.type)
        case .feof: return convert(.call(.path("cstdin::feof"), []), from: .int(.int), to: e.type)
        case .ferror: return convert(.call(.path("cstdin::ferror"), []), from: .int(.int), to: e.type)
        case .clearerr: return .call(.path("cstdin::clearerr"), [])
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
