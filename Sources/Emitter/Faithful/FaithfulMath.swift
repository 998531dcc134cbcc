import CSyntax
import RustSyntax

/// `<math.h>` functions that take and return numbers only (`floor`, `sqrt`, `pow`, `lround`...)
/// are called through safe wrappers in a `cmath` module, each one `unsafe` call of the same C
/// library function: the results (and `errno`) are glibc's, bit for bit, and the wrapper is
/// sound because the function reads no memory for any argument. A caller needs no `unsafe`.
/// Functions whose result depends on the floating-point environment a program can change
/// (`rint`, `lrint`, `nearbyint`) are wrapped only in a program that never calls `fesetround`.
extension FaithfulTranslator {
    static let pureMath: Set<String> = {
        let names = ["acos", "asin", "atan", "atan2", "cos", "sin", "tan", "acosh", "asinh", "atanh", "cosh", "sinh", "tanh",
                     "exp", "exp2", "expm1", "log", "log10", "log1p", "log2", "logb", "pow", "sqrt", "cbrt", "hypot", "erf", "erfc",
                     "tgamma", "lgamma", "ceil", "floor", "round", "trunc", "fmod", "remainder", "fabs", "fmin", "fmax", "fdim",
                     "copysign", "nextafter", "ldexp", "scalbn", "ilogb", "lround", "llround", "rint", "lrint", "llrint", "nearbyint"]
        return Set(names + names.map { $0 + "f" })
    }()

    static let roundingModeDependent: Set<String> = ["rint", "lrint", "llrint", "nearbyint", "rintf", "lrintf", "llrintf", "nearbyintf"]

    /// The program may change the rounding mode.
    static func setsRounding(_ program: Program) -> Bool {
        program.functions.contains { $0.name == "fesetround" || $0.name == "fesetenv" }
    }

    /// `f` is a math function the `cmath` module wraps in this program.
    /// `rounding`: whether the program sets the rounding mode (nil: this file's calls tell).
    static func isPureMath(_ f: CFunction, _ program: Program, rounding: Bool? = nil) -> Bool {
        guard f.body == nil, pureMath.contains(f.name), !f.type.variadic, !f.type.noPrototype else { return false }
        func number(_ t: CTy) -> Bool {
            switch t {
            case .int(let k): return k != .int128 && k != .uint128
            case .float(let k): return k != .longDouble
            default: return false
            }
        }
        guard number(f.type.result), f.type.params.allSatisfy(number) else { return false }
        if roundingModeDependent.contains(f.name) { return !(rounding ?? setsRounding(program)) }
        return true
    }

    /// The `cmath` module: one safe wrapper per math function the output calls.
    func mathSupport() -> RItem? {
        guard !mathWrappers.isEmpty else { return nil }
        var lines = ["/// `<math.h>` in safe wrappers: each calls the C library's function (it reads no memory).", "pub mod cmath {"]
        for id in mathWrappers.sorted(by: { functionName($0) < functionName($1) }) {
            let f = program.functions[id]
            let name = functionName(id)
            func typeName(_ t: CTy) -> String {
                if case .named(let n) = rtype(t) { return n }
                return "f64"
            }
            let params = f.type.params.indices.map { "a\($0): \(typeName(f.type.params[$0]))" }.joined(separator: ", ")
            let args = f.type.params.indices.map { "a\($0)" }.joined(separator: ", ")
            lines.append("    pub fn \(name)(\(params)) -> \(typeName(f.type.result)) {")
            lines.append("        unsafe { super::\(name)(\(args)) }")
            lines.append("    }")
        }
        lines.append("}")
        return .attribute(lines.joined(separator: "\n"))
    }
}
