// Prints the Rust syntax tree. Parentheses come from precedence alone; a cast on the left of
// `<` or `<<` is parenthesised (rustc would read a generic argument list); a statement that
// would start with a block-like expression is parenthesised whole.

public struct RustPrinter {
    private var out = ""
    private var indent = 0
    /// Functions and function pointer types are `extern "C-unwind"` (a program that uses
    /// `longjmp`, translated as an unwind through its functions), and so are the library's
    /// fixed-arity functions in extern blocks.
    private var unwind = false
    /// Function pointer types are safe `extern "C" fn`s (every function they can hold is safe).
    private var safeFunctionPointers = false

    public init() {}

    public static func print(_ items: [RItem], unwind: Bool = false, safeFunctionPointers: Bool = false) -> String {
        var p = RustPrinter()
        p.unwind = unwind
        p.safeFunctionPointers = safeFunctionPointers
        for (i, item) in items.enumerated() {
            if i > 0, !(isAttribute(item) && isAttribute(items[i - 1])) { p.out += "\n" }
            p.item(item)
        }
        return p.out
    }

    private static func isAttribute(_ i: RItem) -> Bool { if case .attribute = i { return true }; return false }

    // MARK: lines

    private mutating func line(_ s: String) {
        out += String(repeating: "    ", count: indent) + s + "\n"
    }

    /// Starts a line (indented) without ending it.
    private mutating func start(_ s: String = "") { out += String(repeating: "    ", count: indent) + s }

    // MARK: items

    private mutating func item(_ i: RItem) {
        switch i {
        case .attribute(let a): line(a)
        case .comment(let c): comment(c)
        case .function(let f): function(f)
        case .record(let name, let isUnion, let repr, let fields, let comments, let copy):
            for c in comments { comment(c) }
            line(copy ? "#[derive(Copy, Clone)]" : "#[derive(Clone)]")
            line("#[repr(\(repr))]")
            line("pub \(isUnion ? "union" : "struct") \(name) {")
            indent += 1
            for f in fields { line("pub \(f.name): \(type(f.type)),") }
            indent -= 1
            line("}")
        case .use(let path): line("use \(path);")
        case .staticVar(let name, let t, let value, let mutable, let isPublic, let comments):
            for c in comments { comment(c) }
            start("\(isPublic ? "pub " : "")static \(mutable ? "mut " : "")\(name): \(type(t)) = ")
            expr(value, 0)
            out += ";\n"
        case .threadLocal(let name, let t, let value, let constant, let comments):
            for c in comments { comment(c) }
            line("thread_local! {")
            indent += 1
            start("static \(name): \(type(t)) = " + (constant ? "const { " : ""))
            expr(value, 0)
            out += (constant ? " }" : "") + ";\n"
            indent -= 1
            line("}")
        case .externBlock(let link, let items):
            // With unwinding, the library's fixed-arity functions are `"C-unwind"` too, as the
            // function pointers they may be stored in (`alloc = malloc`); a variadic one stays `"C"`.
            func fixed(_ e: RExternItem) -> Bool { if case .function(_, _, _, false) = e { return true }; return false }
            let blocks: [(String, [RExternItem])] = unwind ? [("C-unwind", items.filter(fixed)), ("C", items.filter { !fixed($0) })] : [("C", items)]
            for (abi, list) in blocks where !list.isEmpty || blocks.count == 1 {
                if let link { line("#[link(name = \"\(link)\")]") }
                line("extern \"\(abi)\" {")
                indent += 1
                for e in list {
                    switch e {
                    case .function(let name, let params, let result, let variadic):
                        var ps = params.enumerated().map { "_: \(type($0.element))" }
                        if variadic { ps.append("...") }
                        line("fn \(name)(\(ps.joined(separator: ", ")))\(result.map { " -> " + type($0) } ?? "");")
                    case .staticVar(let name, let t):
                        line("static mut \(name): \(type(t));")
                    }
                }
                indent -= 1
                line("}")
            }
        case .impl(let t, let fns):
            line("impl \(t) {")
            indent += 1
            for (k, f) in fns.enumerated() {
                if k > 0 { out += "\n" }
                function(f)
            }
            indent -= 1
            line("}")
        }
    }

    /// A comment, one `//` line per line of its text: a line break in it (a C file's name may
    /// hold one) never ends the comment.
    private mutating func comment(_ text: String) {
        for l in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\u{85}" }) {
            line("// " + l)
        }
    }

    private mutating func function(_ f: RFunction) {
        for c in f.comments { comment(c) }
        let params = f.params.map { $0.name.hasSuffix("self") ? $0.name : "\($0.name): \(type($0.type))" }.joined(separator: ", ")
        let abi = unwind ? "\"C-unwind\"" : "\"C\""
        let head = (f.isPublic ? "pub " : "") + (f.isUnsafeExternC ? "unsafe extern \(abi) " : f.isExternC ? "extern \(abi) " : "")
        start("\(head)fn \(f.name)(\(params))\(f.result.map { " -> " + type($0) } ?? "") ")
        block(f.body)
        out += "\n"
    }

    // MARK: types

    func type(_ t: RType) -> String {
        switch t {
        case .named(let n): return n
        case .pointer(let p, let m): return (m ? "*mut " : "*const ") + type(p)
        case .reference(let p, let m): return (m ? "&mut " : "&") + type(p)
        case .staticReference(let p): return "&'static " + type(p)
        case .slice(let e): return "[\(type(e))]"
        case .array(let e, let n): return "[\(type(e)); \(n)]"
        case .functionPointer(let ps, let r, let v): return "Option<\(fnType(ps, r, v))>"
        case .function(let ps, let r, let v): return fnType(ps, r, v)
        case .generic(let name, let arguments): return name + "<" + arguments.map(type).joined(separator: ", ") + ">"
        case .unit: return "()"
        }
    }

    private func fnType(_ ps: [RType], _ r: RType?, _ variadic: Bool) -> String {
        var parts = ps.map(type)
        if variadic { parts.append("...") }
        return (safeFunctionPointers && !variadic ? "" : "unsafe ") + "extern \(unwind && !variadic ? "\"C-unwind\"" : "\"C\"") fn(\(parts.joined(separator: ", ")))\(r.map { " -> " + type($0) } ?? "")"
    }

    // MARK: blocks and statements

    private mutating func block(_ b: RBlock) {
        out += b.isUnsafe ? "unsafe {" : "{"
        if b.statements.isEmpty, b.tail == nil { out += "}"; return }
        out += "\n"
        indent += 1
        for s in b.statements { statement(s) }
        if let t = b.tail {
            start()
            statementExpr(t)
            out += "\n"
        }
        indent -= 1
        start("}")
    }

    private mutating func statement(_ s: RStmt) {
        switch s {
        case .comment(let c): comment(c)
        case .item(let i): item(i)
        case .letBinding(let name, let mutable, let t, let value):
            start("let \(mutable ? "mut " : "")\(name)")
            if let t { out += ": " + type(t) }
            if let value { out += " = "; expr(value, 0) }
            out += ";\n"
        case .expr(let e):
            start()
            statementExpr(e)
            out += Self.isBlockLike(e) ? "\n" : ";\n"
        }
    }

    /// An expression in statement position: one that starts with a block-like expression but
    /// is not one (`if a {1} else {2} as u8`) is parenthesised.
    private mutating func statementExpr(_ e: RExpr) {
        if !Self.isBlockLike(e) && Self.startsWithBlockLike(e) { out += "("; expr(e, 0); out += ")" }
        else { expr(e, 0) }
    }

    /// Whether `e`, printed where at least `minimum` binds, ends with an unparenthesised cast.
    static func endsWithCast(_ e: RExpr, _ minimum: Int) -> Bool {
        if precedence(e) < minimum { return false }   // parenthesised anyway
        switch e {
        case .cast: return true
        case .binary(let op, _, let r): return endsWithCast(r, op.precedence + 1)
        case .unary(_, let x): return endsWithCast(x, 15)
        case .assign(_, let r), .compoundAssign(_, _, let r): return endsWithCast(r, 3)
        case .returnValue(let v?): return endsWithCast(v, 0)
        default: return false
        }
    }

    static func isBlockLike(_ e: RExpr) -> Bool {
        switch e {
        case .block, .ifElse, .loop, .whileLoop, .match, .forIn: return true
        default: return false
        }
    }

    private static func startsWithBlockLike(_ e: RExpr) -> Bool {
        switch e {
        case .block, .ifElse, .loop, .whileLoop, .match, .forIn: return true
        case .binary(_, let l, _), .cast(let l, _), .method(let l, _, _), .field(let l, _), .index(let l, _),
             .assign(let l, _), .compoundAssign(_, let l, _), .call(let l, _):
            return startsWithBlockLike(l)
        default: return false
        }
    }

    // MARK: expressions

    private static func precedence(_ e: RExpr) -> Int {
        switch e {
        case .literal(let s): return s.hasPrefix("-") ? 15 : 16
        case .path, .call, .method, .field, .index, .macro, .turbofish, .structLiteral, .arrayLiteral, .arrayRepeat, .vecRepeat, .unitValue: return 16
        case .block, .ifElse, .loop, .whileLoop, .match, .forIn: return 16
        case .unary: return 15
        case .cast: return 14
        case .binary(let op, _, _): return op.precedence
        case .assign, .compoundAssign: return 3
        case .closure, .lambda, .moveLambda: return 1
        case .rangeFrom, .rangeTo, .range: return 2
        case .breakLoop, .continueLoop, .returnValue: return 2
        }
    }

    private mutating func expr(_ e: RExpr, _ minimum: Int) {
        let p = Self.precedence(e)
        // Block-like operands inside larger expressions are parenthesised for the reader's sake
        // and for rustc's statement rules.
        let wrap = p < minimum || (Self.isBlockLike(e) && minimum > 0)
        if wrap { out += "(" }
        body(e)
        if wrap { out += ")" }
    }

    private mutating func body(_ e: RExpr) {
        switch e {
        case .literal(let s), .path(let s): out += s
        case .unitValue: out += "()"
        case .unary(let op, let x):
            out += op.rawValue
            // `- -x` and `--x` differ; `-(-1)` keeps its parentheses.
            if op == .neg, case .unary(.neg, _) = x { out += "("; expr(x, 0); out += ")"; return }
            if op == .neg, case .literal(let s) = x, s.hasPrefix("-") { out += "(" + s + ")"; return }
            expr(x, 15)
        case .binary(let op, let l, let r):
            let p = op.precedence
            var leftMin = op.isComparison ? p + 1 : p
            // `x as T < y` would read `T<` as generic arguments: a left operand that ends in a cast is parenthesised.
            if op == .lt || op == .shl, Self.endsWithCast(l, leftMin) { leftMin = 17 }
            expr(l, leftMin)
            out += " \(op.rawValue) "
            expr(r, p + 1)
        case .cast(let x, let t):
            expr(x, 14)
            out += " as " + type(t)
        case .rangeFrom(let start):
            expr(start, 15)
            out += ".."
        case .rangeTo(let end):
            out += ".."
            expr(end, 15)
        case .range(let start, let end):
            expr(start, 15)
            out += ".."
            expr(end, 15)
        case .call(let f, let args):
            expr(f, 16)
            arguments(args)
        case .method(let recv, let name, let args):
            expr(recv, 16)
            out += "." + name
            arguments(args)
        case .field(let base, let name):
            expr(base, 16)
            out += "." + name
        case .index(let base, let i):
            expr(base, 16)
            out += "["
            expr(i, 0)
            out += "]"
        case .macro(let name, let args):
            out += name + "!"
            arguments(args)
        case .turbofish(let path, let types, let args):
            out += path + (types.isEmpty ? "" : "::<" + types.map(type).joined(separator: ", ") + ">")
            arguments(args)
        case .block(let b): block(b)
        case .closure(let b):
            out += "|| "
            block(b)
        case .lambda(let params, let body):
            out += "|" + params.joined(separator: ", ") + "| "
            expr(body, 1)
        case .moveLambda(let params, let body):
            out += "move |" + params.joined(separator: ", ") + "| "
            expr(body, 1)
        case .ifElse(let c, let then, let otherwise):
            out += "if "
            expr(c, 1)
            out += " "
            block(then)
            if let otherwise {
                out += " else "
                if case .ifElse = otherwise { body(otherwise) }
                else if case .block(let b) = otherwise { block(b) }
                else { block(RBlock(tail: otherwise)) }
            }
        case .loop(let label, let b):
            if let label { out += label + ": " }
            out += "loop "
            block(b)
        case .whileLoop(let label, let c, let b):
            if let label { out += label + ": " }
            out += "while "
            expr(c, 1)
            out += " "
            block(b)
        case .forIn(let pattern, let iterable, let b):
            out += "for \(pattern) in "
            expr(iterable, 1)
            out += " "
            block(b)
        case .match(let scrutinee, let arms):
            out += "match "
            expr(scrutinee, 1)
            out += " {\n"
            indent += 1
            for arm in arms {
                start(arm.patterns.joined(separator: " | ") + " => ")
                block(arm.body)
                out += "\n"
            }
            indent -= 1
            start("}")
        case .assign(let l, let r):
            expr(l, 4)
            out += " = "
            expr(r, 3)
        case .compoundAssign(let op, let l, let r):
            expr(l, 4)
            out += " \(op.rawValue)= "
            expr(r, 3)
        case .breakLoop(let label): out += "break" + (label.map { " " + $0 } ?? "")
        case .continueLoop(let label): out += "continue" + (label.map { " " + $0 } ?? "")
        case .returnValue(let v):
            out += "return"
            if let v { out += " "; expr(v, 0) }
        case .structLiteral(let name, let fields):
            out += name + " { "
            for (k, f) in fields.enumerated() {
                if k > 0 { out += ", " }
                out += f.0 + ": "
                expr(f.1, 0)
            }
            out += " }"
        case .arrayLiteral(let xs):
            out += "["
            for (k, x) in xs.enumerated() {
                if k > 0 { out += ", " }
                expr(x, 0)
            }
            out += "]"
        case .arrayRepeat(let x, let n):
            out += "["
            expr(x, 0)
            out += "; \(n)]"
        case .vecRepeat(let x, let n):
            out += "vec!["
            expr(x, 0)
            out += "; "
            expr(n, 0)
            out += "]"
        }
    }

    private mutating func arguments(_ args: [RExpr]) {
        out += "("
        for (k, a) in args.enumerated() {
            if k > 0 { out += ", " }
            expr(a, 0)
        }
        out += ")"
    }
}
