import CSyntax
import RustSyntax

/// `<ctype.h>` in safe Rust. glibc's `isalpha(c)` and its kin expand to a read of the locale's
/// class table (`(*__ctype_b_loc())[c] & _ISalpha`); `toupper`, `tolower` and the `is*`
/// functions are calls. In a program that never changes its locale (no `setlocale`,
/// `uselocale`, `newlocale`) the table is the "C" locale's, which the `cctype` support module
/// computes: the same bits, the same values for -128..=255 (EOF and signed `char` included), a
/// panic outside the table where the C read out of bounds.
extension FaithfulTranslator {
    /// The three tables glibc's macros index.
    enum CTypeTable: String {
        case classes = "__ctype_b_loc"
        case upper = "__ctype_toupper_loc"
        case lower = "__ctype_tolower_loc"

        var function: String {
            switch self {
            case .classes: return "cctype::class"
            case .upper: return "cctype::toupper_entry"
            case .lower: return "cctype::tolower_entry"
            }
        }
    }

    /// Functions that read or change the locale: a program calling one keeps the C library's tables.
    static let localeFunctions: Set<String> = ["setlocale", "uselocale", "newlocale", "duplocale", "freelocale"]

    /// The `is*` functions (called, not expanded) and the class bits each tests.
    static let ctypeClassFunctions: [String: Int] = [
        "isupper": 0x100, "islower": 0x200, "isalpha": 0x400, "isdigit": 0x800, "isxdigit": 0x1000, "isspace": 0x2000,
        "isprint": 0x4000, "isgraph": 0x8000, "isblank": 0x1, "iscntrl": 0x2, "ispunct": 0x4, "isalnum": 0x8,
    ]

    /// Whether the program keeps the "C" locale: it never names a locale function.
    static func ctypeRuntimeApplies(_ program: Program) -> Bool {
        !program.functions.contains { $0.body == nil && localeFunctions.contains($0.name) }
    }

    /// `(*__ctype_b_loc())[c]` and the like: the table and the index.
    static func ctypeTableRead(_ e: CExpr, _ program: Program) -> (CTypeTable, CExpr)? {
        guard case .subscript(let base, let index) = e.kind, case .unary(.deref, let loc) = base.withoutCasts.kind,
              case .call(let callee, let args) = loc.withoutCasts.kind, args.isEmpty,
              case .function(let id) = callee.withoutCasts.kind, program.functions[id].body == nil,
              let table = CTypeTable(rawValue: program.functions[id].name) else { return nil }
        return (table, index)
    }

    /// Whether a call to `name` with `args` goes to the support module.
    static func isCTypeCall(_ name: String, _ args: [CExpr]) -> Bool {
        args.count == 1 && args[0].type.isInteger && (name == "toupper" || name == "tolower" || ctypeClassFunctions[name] != nil)
    }

    /// A table read as the support module's entry.
    func ctypeTableExpression(_ table: CTypeTable, _ index: CExpr, _ t: CTy) -> RExpr {
        requireCTypeSupport()
        let entry = RExpr.call(.path(table.function), [cast(index, to: .int(.int))])
        return table == .classes ? convert(entry, from: .int(.ushort), to: t) : convert(entry, from: .int(.int), to: t)
    }

    /// `toupper(c)`, `isalpha(c)`: glibc's results (an `is*` function gives the class bit, not 1).
    func ctypeCallExpression(_ name: String, _ arg: CExpr, _ t: CTy) -> RExpr {
        requireCTypeSupport()
        let c = cast(arg, to: .int(.int))
        if name == "toupper" || name == "tolower" { return convert(.call(.path("cctype::" + name), [c]), from: .int(.int), to: t) }
        let bits = RExpr.binary(.bitAnd, .call(.path("cctype::class"), [c]), .literal("\(Self.ctypeClassFunctions[name]!)u16"))
        return convert(bits, from: .int(.ushort), to: t)
    }

    func requireCTypeSupport() { needsCTypeSupport = true }

    static let ctypeSupport: [RItem] = [.attribute(#"""
    /// `<ctype.h>`'s tables in the "C" locale, as glibc has them, in safe Rust: each entry of
    /// -128..=255 (a signed `char` and EOF included); an index outside panics (undefined in C).
    pub mod cctype {
        fn entry(c: i32) -> i32 {
            assert!((-128..=255).contains(&c), "a <ctype.h> table read at {} (undefined in C)", c);
            // glibc's tables give a negative `char` the value of its unsigned byte (EOF stays -1).
            if c < -1 { c + 256 } else { c }
        }

        /// `(*__ctype_b_loc())[c]`: the class bits (upper 0x100, lower 0x200, alpha 0x400,
        /// digit 0x800, xdigit 0x1000, space 0x2000, print 0x4000, graph 0x8000, blank 0x1,
        /// cntrl 0x2, punct 0x4, alnum 0x8).
        pub fn class(c: i32) -> u16 {
            let c = entry(c);
            if !(0..=127).contains(&c) {
                return 0;
            }
            let b = c as u8;
            let alnum = b.is_ascii_alphanumeric();
            let graph = (0x21..=0x7e).contains(&b);
            let tests = [
                (b.is_ascii_uppercase(), 0x100),
                (b.is_ascii_lowercase(), 0x200),
                (b.is_ascii_alphabetic(), 0x400),
                (b.is_ascii_digit(), 0x800),
                (b.is_ascii_hexdigit(), 0x1000),
                (matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r'), 0x2000),
                (graph || b == b' ', 0x4000),
                (graph, 0x8000),
                (b == b' ' || b == b'\t', 0x1),
                (b < 0x20 || b == 0x7f, 0x2),
                (graph && !alnum, 0x4),
                (alnum, 0x8),
            ];
            tests.iter().filter(|t| t.0).fold(0u16, |bits, t| bits | t.1)
        }

        /// `(*__ctype_toupper_loc())[c]`.
        pub fn toupper_entry(c: i32) -> i32 {
            let c = entry(c);
            if (97..=122).contains(&c) { c - 32 } else { c }
        }

        /// `(*__ctype_tolower_loc())[c]`.
        pub fn tolower_entry(c: i32) -> i32 {
            let c = entry(c);
            if (65..=90).contains(&c) { c + 32 } else { c }
        }

        /// glibc's `toupper`: the table's entry, or `c` itself outside the table.
        pub fn toupper(c: i32) -> i32 {
            if (-128..=255).contains(&c) { toupper_entry(c) } else { c }
        }

        pub fn tolower(c: i32) -> i32 {
            if (-128..=255).contains(&c) { tolower_entry(c) } else { c }
        }
    }
    """#)]
}
