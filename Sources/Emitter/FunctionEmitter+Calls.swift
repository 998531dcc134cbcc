import Foundation
import CModel
import Ownership

extension FunctionEmitter {
    func call(_ n: Int32) -> E {
        let nd = node(n)
        guard nd.ref >= 0 else { return E(text: gap("call through a function pointer", n), type: .unit, prec: E.atom) }
        let f = tu.functions[Int(nd.ref)]
        let args = kids(n)
        if let plan = unit.plans[nd.ref] {
            if f.isVariadic { return E(text: gap("call to the variadic function \(f.name)", n), type: plan.returns, prec: E.atom) }
            if case .resultOut = plan.kind {
                return E(text: gap("the status of \(f.name) used outside a test of it", n), type: .scalar("i32"), prec: E.atom)
            }
            switch plan.kind {
            case .acquire:
                unit.imports.insert("std::rc::Rc")
                let a = expr(args[0])
                if case .ref = a.type { return E(text: "Rc::clone(\(a.text))", type: plan.returns, prec: E.atom) }
                return E(text: "Rc::clone(&\(a.text))", type: a.type, prec: E.atom)
            case .destructor:
                let a = expr(args[0])
                return E(text: "drop(\(a.text))", type: .unit, prec: E.atom)
            default: break
            }
            var texts: [String] = []
            for (k, a) in args.enumerated() {
                let want = k < plan.params.count ? plan.params[k].type : .unit
                if case .main = plan.kind { texts.append(expr(a).text); continue }
                texts.append(coerce(expr(a), to: want, at: a))
            }
            return E(text: "\(plan.name)(\(texts.joined(separator: ", ")))", type: plan.returns, prec: E.atom)
        }
        return library(f.name, n, args)
    }

    func arg(_ a: Int32, _ t: IdiomType) -> String { coerce(expr(a), to: t, at: a) }

    /// The name of the macro written at an argument (`ZMQ_REP`), if any.
    func macroName(_ a: Int32) -> String? {
        var i = a
        while kind(i) == .implicit || kind(i) == .cast, node(i).end > i + 1 { i += 1 }
        return unit.identifier(at: node(i).loc)
    }

    /// A call through the library model's `rust` template: each `{i}` is argument i converted
    /// to the template's type for it.
    func templated(_ t: LibraryModel.RustTemplate, _ args: [Int32]) -> E {
        if let c = t.crate { unit.crates.insert(c) }
        var text = t.expr
        for (i, a) in args.enumerated().reversed() {
            let key = "{\(i)}"
            guard text.contains(key) else { continue }
            let want = t.args.flatMap { i < $0.count ? $0[i] : nil } ?? ""
            var value: E
            if want.isEmpty {
                // As it is; `&x` of a value the method can borrow itself is just `x`.
                var x = s(a)
                if kind(x) == .unary, UnaryOp(rawValue: node(x).op) == .addressOf { x = s(x + 1) }
                value = expr(x)
            } else {
                let e = expr(a)
                let target = IdiomType.parse(want)
                let converted = coerce(e, to: target, at: a)
                value = E(text: converted, type: target, prec: converted == e.text ? e.prec : E.cast)
            }
            // `({0} as u8)` of what already is a byte is just the byte.
            if value.type == .scalar("u8") { text = text.replacingOccurrences(of: "(\(key) as u8)", with: key) }
            let receiver = text.contains(key + ".")
            text = text.replacingOccurrences(of: key, with: receiver ? paren(value, E.atom).text : value.text)
        }
        let type = IdiomType.parse(t.type)
        // How tightly the template binds: a cast or a binary operator outside all parentheses loosens it.
        var depth = 0, prec = E.atom
        let chars = Array(t.expr)
        for (i, c) in chars.enumerated() {
            if c == "(" || c == "[" || c == "{" { depth += 1 } else if c == ")" || c == "]" || c == "}" { depth -= 1 }
            else if depth == 0, c == " " {
                let rest = String(chars[(i + 1)...].prefix(3))
                if rest.hasPrefix("as ") { prec = min(prec, E.cast) } else if !rest.hasPrefix(" ") { prec = min(prec, E.assign) }
            }
        }
        return E(text: text, type: type == .named("Result<()>") ? .named("Result<()>") : type, prec: prec)
    }

    func library(_ name: String, _ n: Int32, _ args: [Int32]) -> E {
        if let t = unit.input.library.functions[name]?.rust { return templated(t, args) }
        // Writers into a char array that became a String.
        if FunctionEmitter.textWriters.contains(name), let a = args.first, kind(s(a)) == .varRef, let b = bindings[node(s(a)).ref], b.type == .string {
            let v = node(s(a)).ref
            var target = b.name
            if declareAtWrite.remove(v) != nil { target = "let \(mutMarker(v))\(b.name)" } else { markMutated(a) }
            switch name {
            case "strcpy": return E(text: "\(target) = \(coerce(expr(args[1]), to: .string, at: args[1]))", type: .unit, prec: E.assign)
            case "strcat":
                if target.hasPrefix("let ") { return E(text: "\(target) = \(coerce(expr(args[1]), to: .string, at: args[1]))", type: .unit, prec: E.assign) }
                return E(text: "\(b.name).push_str(\(coerce(expr(args[1]), to: .str, at: args[1])))", type: .unit, prec: E.atom)
            default:
                let fmtIndex = name == "snprintf" ? 2 : 1
                formatProblem = nil
                guard args.count > fmtIndex, let (f, texts, _) = format(args[fmtIndex], Array(args.dropFirst(fmtIndex + 1)), n) else {
                    return E(text: gap(formatProblem ?? "\(name) with a format that is not a literal", n), type: .unit, prec: E.atom)
                }
                return E(text: "\(target) = format!(\((["\"\(f)\""] + texts).joined(separator: ", ")))", type: .unit, prec: E.assign)
            }
        }
        switch name {
        case "printf": return printCall(args[0], Array(args.dropFirst()), err: false, n)
        case "fprintf":
            let stream = macroName(args[0]) ?? ""
            if stream == "stderr" || stream == "stdout" { return printCall(args[1], Array(args.dropFirst(2)), err: stream == "stderr", n) }
            return E(text: gap("fprintf to a file", n), type: .unit, prec: E.atom)
        case "puts":
            let e = expr(args[0])
            if e.text == "\"\"" { return E(text: "println!()", type: .unit, prec: E.atom) }
            if e.text.hasPrefix("\""), !e.text.contains("{"), !e.text.contains("}") { return E(text: "println!(\(e.text))", type: .unit, prec: E.atom) }
            return E(text: "println!(\"{}\", \(display(e)))", type: .unit, prec: E.atom)
        case "putchar":
            let e = expr(args[0])
            if kind(s(args[0])) == .charLiteral || e.literal { return E(text: "print!(\"{}\", \(charArg(e)))", type: .unit, prec: E.atom) }
            // One byte, as C writes it (`as char` would write a byte past 127 as two of UTF-8).
            unit.imports.insert("std::io::Write")
            return E(text: "{ let _ = std::io::stdout().write_all(&[\(paren(e, E.cast).text) as u8]); }", type: .unit, prec: E.atom)
        case "strlen":
            let e = expr(args[0])
            if case .array = e.type { unit.helpers.insert("c_str"); return E(text: "c_str(&\(e.text)).len()", type: .scalar("usize"), prec: E.atom) }
            return E(text: "\(paren(e, E.atom).text).len()", type: .scalar("usize"), prec: E.atom)
        case "atoi":
            unit.helpers.insert("atoi")
            let e = expr(args[0])
            return E(text: "atoi(\(coerce(e, to: .str, at: args[0])))", type: .scalar("i32"), prec: E.atom)
        case "qsort":
            let base = expr(args[0])
            let count = arg(args[1], .scalar("usize"))
            let cmp = s(args[3])
            guard kind(cmp) == .funcRef, let p = unit.plans[node(cmp).ref] else { return E(text: gap("qsort with this comparator", n), type: .unit, prec: E.atom) }
            markMutated(args[0])
            // glibc's merge sort, comparison for comparison (a comparator that prints, counts or
            // is inconsistent sees what it sees in C), not `sort_by`'s.
            unit.helpers.insert("c_qsort")
            return E(text: "c_qsort(&mut \(paren(base, E.atom).text)[..\(count)], |a, b| \(p.name)(a, b))", type: .unit, prec: E.atom)
        case "fopen":
            let path = expr(args[0])
            let mode = kind(s(args[1])) == .stringLiteral ? tu.strings[Int(node(s(args[1])).ref)] : "\"r\""
            unit.imports.insert("std::fs::File")
            let p = coerce(path, to: .str, at: args[0])
            if mode.hasPrefix("\"r") {
                unit.imports.insert("std::io::BufReader")
                return E(text: "File::open(\(p)).ok().map(BufReader::new)", type: .option(.named("BufReader<File>")), prec: E.atom)
            }
            return E(text: "File::create(\(p)).ok()", type: .option(.named("File")), prec: E.atom)
        case "strdup", "g_strdup":
            let e = expr(args[0])
            return E(text: e.type == .string ? "\(paren(e, E.atom).text).clone()" : "\(paren(e, E.atom).text).to_string()", type: .string, prec: E.atom)
        case "fgetc", "getc":
            let f = expr(args[0])
            markMutated(args[0])
            unit.imports.insert("std::io::Read")
            return E(text: "\(paren(f, E.atom).text).by_ref().bytes().next().map_or(-1, |b| b.map_or(-1, i32::from))", type: .scalar("i32"), prec: E.atom)
        case "strtok":
            // strtok(s, d) starts a token iterator over s; strtok(NULL, d) takes the next token.
            let d = expr(args[1])
            if isNull(args[0]) {
                guard let st = strtokState else { return E(text: gap("strtok(NULL, ...) without a strtok(s, ...) before it", n), type: .option(.str), prec: E.atom) }
                return E(text: "\(st).next()", type: .option(.str), prec: E.atom)
            }
            let text = expr(args[0])
            tokenCounter += 1
            let st = tokenCounter == 1 ? "tokens" : "tokens\(tokenCounter)"
            strtokState = st
            line("let mut \(st) = \(paren(text, E.atom).text).split(|c: char| \(d.text).contains(c)).filter(|t| !t.is_empty());")
            return E(text: "\(st).next()", type: .option(.str), prec: E.atom)
        case "snprintf":
            return snprintf(n, args)
        case "sscanf":
            return sscanf(n, args)
        default:
            if name.hasPrefix("zmq_") { return zmq(name, n, args) }
            return E(text: gap("call to \(name)", n), type: .unit, prec: E.atom)
        }
    }

    // MARK: printf

    func display(_ e: E) -> String {
        switch e.type {
        case .array(.scalar("u8"), _), .array(.scalar("i8"), _):
            unit.helpers.insert("c_str")
            return "c_str(&\(e.text))"
        case .slice(.scalar("u8"), _):
            return "String::from_utf8_lossy(\(e.text))"
        case .option(.str):
            return "\(paren(e, E.atom).text).unwrap_or(\"(null)\")"   // what glibc prints for NULL
        case .option(.string):
            return "\(paren(e, E.atom).text).as_deref().unwrap_or(\"(null)\")"
        default: return e.text
        }
    }

    func charArg(_ e: E) -> String {
        if e.type == .scalar("u8") { return "\(paren(e, E.cast).text) as char" }
        return "\(paren(e, E.cast).text) as u8 as char"
    }

    /// printf's format as Rust's: `%5.2f` -> `{:5.2}`, `%-10s` -> `{:<10}`, `%%` -> `%`.
    /// `bytes`: a `%c` of a value (no literal) may be written as its byte, and the cuts say where
    /// (otherwise it is refused: a formatted string cannot hold a byte past 127).
    func format(_ fmtNode: Int32, _ args: [Int32], _ n: Int32, bytes: Bool = false) -> (String, [String], [ByteCut])? {
        let f = expr(fmtNode)
        var raw: String
        if f.type == .str, f.text.hasPrefix("\"") { raw = String(f.text.dropFirst().dropLast()) }
        else if let d = unit.defines[f.text], d.isString { raw = String(d.text.dropFirst().dropLast()) }
        else { return nil }
        var out = ""
        var texts: [String] = []
        var cuts: [ByteCut] = []
        var k = 0
        let chars = Array(raw)
        var i = 0
        func nextArg() -> E? {
            guard k < args.count else { return nil }
            defer { k += 1 }
            return expr(args[k])
        }
        while i < chars.count {
            let c = chars[i]
            if c == "{" { out += "{{"; i += 1; continue }
            if c == "}" { out += "}}"; i += 1; continue }
            guard c == "%" else { out.append(c); i += 1; continue }
            i += 1
            guard i < chars.count else { break }
            if chars[i] == "%" { out += "%"; i += 1; continue }
            var flags = ""
            while i < chars.count, "-+ 0#".contains(chars[i]) { flags.append(chars[i]); i += 1 }
            var width = ""
            var starWidth = false
            if i < chars.count, chars[i] == "*" { starWidth = true; i += 1 }
            while i < chars.count, chars[i].isNumber { width.append(chars[i]); i += 1 }
            var precision: String? = nil
            if i < chars.count, chars[i] == "." {
                i += 1
                var p = ""
                if i < chars.count, chars[i] == "*" { p = "*"; i += 1 }
                while i < chars.count, chars[i].isNumber { p.append(chars[i]); i += 1 }
                precision = p.isEmpty ? "0" : p
            }
            while i < chars.count, "hlLqjzt".contains(chars[i]) { i += 1 }
            guard i < chars.count else { break }
            let conv = chars[i]
            i += 1
            if starWidth { formatProblem = "printf width from an argument (%*)"; return nil }
            var spec = ""
            if flags.contains("-") { spec += "<" } else if conv == "s" || conv == "c" { if !width.isEmpty { spec += ">" } }
            if flags.contains("+") { spec += "+" }
            if flags.contains("#") { spec += "#" }
            if flags.contains("0"), !flags.contains("-") { spec += "0" }
            spec += width
            if precision == "*" {
                guard let pe = nextArg() else { return nil }
                texts.append("\(paren(pe, E.cast).text) as usize")
                spec += ".*"
            } else if let precision, conv != "d", conv != "i" {
                spec += ".\(precision)"
            }
            guard let e = nextArg() else { return nil }
            switch conv {
            case "d", "i", "u":
                texts.append(e.type == .scalar("bool") ? "i32::from(\(e.text))" : e.text)
            case "x", "X", "o":
                spec += String(conv == "o" ? "o" : conv)
                texts.append(e.text)
            case "f", "F":
                if precision == nil { spec += ".6" }
                texts.append(e.type.isFloat ? e.text : "\(paren(e, E.cast).text) as f64")
            case "e", "E", "g", "G":
                // Rust's {:e} does not print C's exponent form (3.5e0 against 3.500000e+00).
                formatProblem = "printf %\(conv) (C's exponent format)"
                return nil
            case "c":
                // The byte itself, before C's promotion to int.
                let node = s(args[k - 1])
                let byte = expr(node)
                let value = byte.type.isInteger ? byte : e
                if kind(node) != .charLiteral && !value.literal {
                    // A byte read at run time may pass 127: written as the byte, not as a
                    // `char` (two bytes of UTF-8).
                    guard bytes, width.isEmpty else { formatProblem = "printf %c of a value into text"; return nil }
                    cuts.append(ByteCut(at: out.count, argument: texts.count,
                                        byte: value.type == .scalar("u8") ? value.text : "\(paren(value, E.cast).text) as u8"))
                    continue
                }
                texts.append(charArg(value))
            case "s" where !width.isEmpty && precision == nil && !e.text.hasPrefix("\""):
                // C pads to a width in bytes, Rust's `{:8}` in characters: text read at run time may
                // not be ASCII, so the padding is counted here.
                unit.helpers.insert("c_pad")
                out += "{}"
                texts.append("c_pad(&\(paren(E(text: display(e), type: .str, prec: E.atom), E.atom).text), \(width), \(flags.contains("-")))")
                continue
            case "s":
                texts.append(display(e))
            default:
                formatProblem = "printf %\(conv)"
                return nil
            }
            out += spec.isEmpty ? "{}" : "{:\(spec)}"
        }
        return (out, texts, cuts)
    }

    func printCall(_ fmt: Int32, _ args: [Int32], err: Bool, _ n: Int32) -> E {
        formatProblem = nil
        guard let (f, texts, cuts) = format(fmt, args, n, bytes: true) else {
            return E(text: gap(formatProblem ?? "printf with a format that is not a literal", n), type: .unit, prec: E.atom)
        }
        if !cuts.isEmpty { return bytePrint(f, texts, cuts, err: err) }
        var fmtText = f
        var mac = err ? "eprint" : "print"
        if fmtText.hasSuffix("\\n") { fmtText.removeLast(2); mac += "ln" }
        if fmtText.isEmpty && texts.isEmpty { return E(text: "\(mac)!()", type: .unit, prec: E.atom) }
        let all = ["\"\(fmtText)\""] + texts
        return E(text: "\(mac)!(\(all.joined(separator: ", ")))", type: .unit, prec: E.atom)
    }

    /// Where `%c` of a value cuts a printf: the place in the Rust format, the arguments before it,
    /// and the byte.
    struct ByteCut {
        var at: Int
        var argument: Int
        var byte: String
    }

    /// A printf with `%c` of values: the formatted pieces and the bytes, one after another, through
    /// one lock of the stream.
    func bytePrint(_ format: String, _ texts: [String], _ cuts: [ByteCut], err: Bool) -> E {
        unit.imports.insert("std::io::Write")
        let chars = Array(format)
        var parts: [String] = []
        var from = 0, argument = 0
        func piece(to end: Int, arguments upTo: Int) {
            let text = String(chars[from..<end])
            if !text.isEmpty {
                let all = ["\"\(text)\""] + texts[argument..<upTo]
                parts.append("let _ = __out.write_all(format!(\(all.joined(separator: ", "))).as_bytes());")
            }
            from = end
            argument = upTo
        }
        for cut in cuts {
            piece(to: cut.at, arguments: cut.argument)
            parts.append("let _ = __out.write_all(&[\(cut.byte)]);")
        }
        piece(to: chars.count, arguments: texts.count)
        let stream = err ? "std::io::stderr()" : "std::io::stdout()"
        return E(text: "{ let mut __out = \(stream).lock(); \(parts.joined(separator: " ")) }", type: .unit, prec: E.atom)
    }

    func snprintf(_ n: Int32, _ args: [Int32]) -> E {
        guard args.count >= 3, let (f, texts, _) = format(args[2], Array(args.dropFirst(3)), n) else { return E(text: gap("snprintf", n), type: .unit, prec: E.atom) }
        let buf = expr(args[0])
        markMutated(args[0])
        unit.helpers.insert("write_c_str")
        let all = ["\"\(f)\""] + texts
        return E(text: "write_c_str(&mut \(buf.text), &format!(\(all.joined(separator: ", "))))", type: .scalar("i32"), prec: E.atom)
    }

    func sscanf(_ n: Int32, _ args: [Int32]) -> E {
        guard args.count >= 2, kind(s(args[1])) == .stringLiteral else { return E(text: gap("sscanf", n), type: .unit, prec: E.atom) }
        let fmt = tu.strings[Int(node(s(args[1])).ref)]
        let convs = fmt.split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        guard convs.allSatisfy({ $0 == "%d" }), convs.count == args.count - 2 else { return E(text: gap("sscanf with this format", n), type: .unit, prec: E.atom) }
        let text = display(expr(args[0]))
        var outs: [String] = []
        for a in args.dropFirst(2) {
            var t = s(a)
            if kind(t) == .unary, UnaryOp(rawValue: node(t).op) == .addressOf { t = s(t + 1) }
            markMutated(t)
            outs.append("&mut \(expr(t).text)")
        }
        unit.helpers.insert("scan_ints")
        return E(text: "scan_ints(&\(text), &mut [\(outs.joined(separator: ", "))])", type: .scalar("i32"), prec: E.atom)
    }

    // MARK: zeromq

    /// The zeromq C API as the `zmq` crate (0.9).
    func zmq(_ name: String, _ n: Int32, _ args: [Int32]) -> E {
        unit.crates.insert("zmq")
        func sock(_ i: Int) -> String { paren(expr(args[i]), E.atom).text }
        func bytes(_ a: Int32, _ len: Int32) -> String {
            let e = expr(a)
            let before = unit.usedDefines
            let l = expr(s(len))
            // The whole literal: send it as it is.
            if e.type == .str, l.literal || unit.defines[l.text] != nil {
                let lit = e.text.hasPrefix("\"") ? e.text : (unit.defines[e.text]?.text ?? "")
                let value = l.literal ? Int(l.text) : Int(unit.defines[l.text]?.text ?? "")
                if let value, lit.count - 2 == value { unit.usedDefines = before.union(e.text.hasPrefix("\"") ? [] : [e.text]); return e.text }
            }
            let count = coerce(l, to: .scalar("usize"), at: len)
            switch e.type {
            case .str: return "&\(paren(e, E.atom).text).as_bytes()[..\(count)]"
            case .string: return "&\(paren(e, E.atom).text).as_bytes()[..\(count)]"
            default: return "&\(paren(e, E.atom).text)[..\(count)]"
            }
        }
        switch name {
        case "zmq_ctx_new", "zmq_init":
            return E(text: "zmq::Context::new()", type: .named("zmq::Context"), prec: E.atom)
        case "zmq_socket":
            let kindName = macroName(args[1]).map { $0.hasPrefix("ZMQ_") ? "zmq::" + $0.dropFirst(4) : $0 } ?? "zmq::REQ"
            return E(text: "\(sock(0)).socket(\(kindName)).ok()", type: .option(.named("zmq::Socket")), prec: E.atom)
        case "zmq_send":
            return E(text: "\(sock(0)).send(\(bytes(args[1], args[2])), \(arg(args[3], .scalar("i32"))))", type: .named("Result<()>"), prec: E.atom)
        case "zmq_recv":
            markMutated(args[1])
            let buf = expr(args[1])
            let len = coerce(expr(args[2]), to: .scalar("usize"), at: args[2])
            let b = paren(buf, E.atom).text
            // The length is computed before the buffer is lent mutably.
            if len.contains(b + ".") {
                return E(text: "{ let len = \(len); \(sock(0)).recv_into(&mut \(b)[..len], \(arg(args[3], .scalar("i32")))) }.map_or(-1, |n| n as i32)",
                         type: .scalar("i32"), prec: E.atom)
            }
            return E(text: "\(sock(0)).recv_into(&mut \(b)[..\(len)], \(arg(args[3], .scalar("i32")))).map_or(-1, |n| n as i32)",
                     type: .scalar("i32"), prec: E.atom)
        case "zmq_msg_recv":
            var m = s(args[0])
            if kind(m) == .unary, UnaryOp(rawValue: node(m).op) == .addressOf { m = s(m + 1) }
            markMutated(m)
            return E(text: "\(sock(1)).recv(&mut \(expr(m).text), \(arg(args[2], .scalar("i32"))))", type: .named("Result<()>"), prec: E.atom)
        case "zmq_msg_send":
            var m = s(args[0])
            if kind(m) == .unary, UnaryOp(rawValue: node(m).op) == .addressOf { m = s(m + 1) }
            return E(text: "\(sock(1)).send(\(expr(m).text), \(arg(args[2], .scalar("i32"))))", type: .named("Result<()>"), prec: E.atom)
        case "zmq_msg_data":
            var m = s(args[0])
            if kind(m) == .unary, UnaryOp(rawValue: node(m).op) == .addressOf { m = s(m + 1) }
            let e = expr(m)
            return E(text: "&\(e.text)[..]", type: .slice(.scalar("u8"), mutable: false), prec: E.unary)
        case "zmq_setsockopt":
            let opt = macroName(args[1]) ?? ""
            var v = s(args[2])
            if kind(v) == .unary, UnaryOp(rawValue: node(v).op) == .addressOf { v = s(v + 1) }
            switch opt {
            case "ZMQ_RCVTIMEO": return E(text: "\(sock(0)).set_rcvtimeo(\(arg(v, .scalar("i32"))))", type: .named("Result<()>"), prec: E.atom)
            case "ZMQ_SNDTIMEO": return E(text: "\(sock(0)).set_sndtimeo(\(arg(v, .scalar("i32"))))", type: .named("Result<()>"), prec: E.atom)
            case "ZMQ_LINGER": return E(text: "\(sock(0)).set_linger(\(arg(v, .scalar("i32"))))", type: .named("Result<()>"), prec: E.atom)
            case "ZMQ_SUBSCRIBE":
                let e = expr(v)
                let data: String
                if callee(args[3]) == "strlen", e.type == .str || e.type == .string { data = "\(paren(e, E.atom).text).as_bytes()" }
                else { data = bytes(v, args[3]) }
                return E(text: "\(sock(0)).set_subscribe(\(data))", type: .named("Result<()>"), prec: E.atom)
            default: return E(text: gap("zmq_setsockopt \(opt)", n), type: .unit, prec: E.atom)
            }
        case "zmq_errno":
            return E(text: errnoName.last ?? "zmq::Error::EINVAL", type: .named("zmq::Error"), prec: E.atom)
        case "zmq_strerror":
            return E(text: errnoName.last ?? "\"zmq error\"", type: .named("zmq::Error"), prec: E.atom)
        default:
            return E(text: gap("call to \(name)", n), type: .unit, prec: E.atom)
        }
    }
}
