import CSyntax
import RustSyntax

/// `assert` in safe Rust. glibc's `assert(e)` calls `__assert_fail("e", __FILE__, __LINE__,
/// __ASSERT_FUNCTION)` when `e` is false; with those operands all literals (as the macro writes
/// them) the call goes to the `cassert` support module, which prints glibc's message on standard
/// error (`prog: file.c:12: f: Assertion `e' failed.`) and aborts, as the C library does (standard
/// output's buffer is not flushed). gcc's `__PRETTY_FUNCTION__` in C is the function's plain name
/// (clang's would spell its prototype): the name is the C function's.
extension FaithfulTranslator {
    /// The operands of an `__assert_fail` call the module takes: the assertion's text, the file.
    static func assertCall(_ name: String, _ args: [CExpr], _ aliases: [Int: [UInt8]]) -> (assertion: [UInt8], file: [UInt8], line: CExpr)? {
        guard name == "__assert_fail", args.count == 4, args[2].type.isInteger,
              let assertion = literalBytes(args[0].withoutCasts, aliases), let file = literalBytes(args[1].withoutCasts, aliases),
              literalBytes(args[3].withoutCasts, aliases) != nil else { return nil }
        return (assertion, file, args[2])
    }

    func assertExpression(_ assertion: [UInt8], _ file: [UInt8], _ line: CExpr, at: CLoc) -> RExpr {
        needsAssertSupport = true
        let function = currentFunction >= 0 ? program.functions[currentFunction].name : ""
        // gcc's `__LINE__` in a macro spread over lines is the line the macro's name is on
        // (clang's, in the operand, is its last): the call's own place.
        let where_: RExpr = at.line > 0 ? .literal("\(at.line)u32") : cast(line, to: .int(.uint))
        return .call(.path("cassert::fail"), [.literal(byteString(assertion)), .literal(byteString(file)), where_,
                                              .literal(byteString(Array(function.utf8)))])
    }

    static let assertSupport: [RItem] = [.attribute(#"""
    /// glibc's `__assert_fail` in safe Rust: its message on standard error, then `abort`.
    pub mod cassert {
        use std::io::Write;

        fn text(s: &[u8]) -> &[u8] {
            &s[..s.iter().position(|&c| c == 0).unwrap_or(s.len())]
        }

        pub fn fail(assertion: &[u8], file: &[u8], line: u32, function: &[u8]) -> ! {
            // glibc's `__progname`: the program's name after its last `/`.
            let name: Vec<u8> = match std::env::args_os().next() {
                Some(a) => {
                    let b = std::os::unix::ffi::OsStrExt::as_bytes(a.as_os_str());
                    b[b.iter().rposition(|&c| c == b'/').map(|i| i + 1).unwrap_or(0)..].to_vec()
                }
                None => Vec::new(),
            };
            let mut m = name.clone();
            if !name.is_empty() {
                m.extend_from_slice(b": ");
            }
            m.extend_from_slice(text(file));
            m.extend(format!(":{}: ", line).bytes());
            m.extend_from_slice(text(function));
            m.extend_from_slice(b": Assertion `");
            m.extend_from_slice(text(assertion));
            m.extend_from_slice(b"' failed.\n");
            let _ = std::io::stderr().write_all(&m);
            std::process::abort()
        }
    }
    """#)]
}
