import Foundation
import CModel
import Ownership

extension FunctionEmitter {
    func paren(_ e: E, _ min: Int) -> E {
        guard e.prec < min else { return e }
        var out = e
        out.text = "(\(e.text))"
        out.prec = E.atom
        return out
    }

    func markMutatedVar(_ v: Int32) { mutated.insert(v) }

    /// Marks the variable at the root of a place as mutated (`a.b[i].c = ...` mutates `a`,
    /// unless `a` is a `&mut` or a `Box` reached through one).
    func markMutated(_ n: Int32) {
        var i = s(n)
        var throughPointer = false
        while true {
            switch kind(i) {
            case .member:
                // Through a shared object with interior mutability: borrow_mut, no `mut` binding.
                if node(i).ref >= 0, let p = unit.structs[tu.fields[Int(node(i).ref)].record], p.interiorMutable { return }
                if node(i).flags.contains(.arrow) { throughPointer = true }
                i = s(i + 1)
            case .subscript_:
                i = s(i + 1)
            case .unary where UnaryOp(rawValue: node(i).op) == .deref:
                throughPointer = true
                i = s(i + 1)
            case .varRef:
                let v = node(i).ref
                // Stores through a raw pointer need no `mut` on the pointer.
                if throughPointer, let b = bindings[v], case .raw = b.type { return }
                if let b = bindings[v], case .ref(_, true) = b.type { return }
                if let b = bindings[v], case .slice(_, true) = b.type { return }
                if let b = bindings[v], b.mutId >= 0 { mutated.insert(b.mutId); return }
                mutated.insert(v)
                return
            default: return
            }
        }
    }

    /// A place being written.
    func lvalue(_ n: Int32) -> E {
        let t = s(n)
        if kind(t) == .varRef, let b = bindings[node(t).ref], b.declToken >= 0 { referenced.insert(b.declToken) }
        if kind(t) == .varRef, let b = bindings[node(t).ref], let outer = b.outer {
            mutated.insert(node(t).ref)
            return E(text: outer.name, type: outer.type, prec: E.atom, place: .local(node(t).ref))
        }
        markMutated(n)
        return expr(n, writing: true)
    }

    /// A C condition as a Rust `bool`.
    /// A NULL test in Rust terms, or nil when the pointer's Rust type has no such test.
    func nullTestText(_ t: Int32) -> String? {
        guard let nt = nullTest(t), let type = typeOfTest(nt) else { return nil }
        if type.isOption { return "\(paren(expr(nt.node), E.atom).text).\(nt.isNull ? "is_none" : "is_some")()" }
        if case .raw = type { return "\(nt.isNull ? "" : "!")\(paren(expr(nt.node), E.atom).text).is_null()" }
        if isNonNullable(type) || isReference(type) { return nt.isNull ? "false" : "true" }
        return nil
    }

    func cond(_ n: Int32) -> String {
        let t = s(n)
        if let text = nullTestText(t) { return text }
        if kind(t) == .unary, UnaryOp(rawValue: node(t).op) == .logicalNot {
            var inner = expr(t + 1)
            // `!isdigit(c)`: the int the C converts the test to is not needed in Rust.
            let bare = expr(s(t + 1))
            if bare.type == .scalar("bool") { inner = bare }
            if inner.type == .scalar("bool") { return "!\(paren(inner, E.unary).text)" }
            return "\(paren(inner, E.compare + 1).text) == \(inner.type.isFloat ? "0.0" : "0")"
        }
        let e = expr(t)
        return boolText(e)
    }

    func boolText(_ e: E) -> String {
        if e.type == .scalar("bool") { return e.text }
        if e.type.isOption { return "\(paren(e, E.atom).text).is_some()" }
        if e.type.isFloat { return "\(paren(e, E.compare + 1).text) != 0.0" }
        return "\(paren(e, E.compare + 1).text) != 0"
    }

    // MARK: coercion

    /// The text of `e` where a value of type `to` is wanted (a move, a borrow, a conversion).
    func coerce(_ e: E, to: IdiomType, at n: Int32) -> String {
        if e.literal, to.isScalar {
            if to.isFloat, !e.text.contains("."), !e.text.contains("e"), Int64(e.text) != nil { return e.text + ".0" }
            if to.isFloat || to.isInteger { return e.text }
        }
        if e.text == "None", to.isOption { return "None" }
        if e.text == "None", case .raw(let r) = to { return r.hasPrefix("*mut") ? "std::ptr::null_mut()" : "std::ptr::null()" }
        if e.type == to { return moved(e, at: n) }
        switch (e.type, to) {
        case (.scalar(let a), .scalar(let b)):
            if a == "bool" { return "\(b)::from(\(e.text))" }
            if b == "bool" { return boolText(e) }
            if a == "u8", b == "char" { return "\(paren(e, E.cast).text) as char" }
            return "\(paren(e, E.cast).text) as \(b)"
        case (.option(let a), .option(let b)):
            switch (a, b) {
            case (.box(let x), .ref(let y, let m)) where x == y || true:
                if m { markMutated(n) }
                return "\(paren(e, E.atom).text).\(m ? "as_deref_mut" : "as_deref")()"
            case (.ref(_, true), .ref(_, false)):
                return "\(paren(e, E.atom).text).as_deref()"
            default: return moved(e, at: n)
            }
        case (_, .option(let inner)):
            if e.text == "None" { return e.text }
            return "Some(\(coerce(e, to: inner, at: n)))"
        case (.option(let a), _):
            // An Option used where a value is required: C would crash on NULL; Rust panics.
            if e.place == .field || e.place == .index, !a.isCopy {
                // Moved out of a place: take it (the place is left None).
                markMutated(s(n))
                return "\(receiver(e)).take().expect(\"non-null pointer\")"
            }
            switch (a, to) {
            case (.box, .ref(_, let m)):
                if m { markMutated(n) }
                return "\(paren(e, E.atom).text).\(m ? "as_deref_mut" : "as_deref")().expect(\"non-null pointer\")"
            default:
                return "\(paren(e, E.atom).text).expect(\"non-null pointer\")"
            }
        case (.box, .ref(_, let m)), (.named, .ref(_, let m)), (.vec, .slice(_, let m)), (.array, .slice(_, let m)), (.rc, .ref(_, let m)):
            if m { markMutated(n) }
            return (m ? "&mut " : "&") + paren(e, E.unary).text
        case (.ref(_, true), .ref(_, false)), (.slice(_, true), .slice(_, false)):
            return e.text
        case (.ref(let x, _), _) where x == to && x.isCopy:
            return "*" + paren(e, E.unary).text
        case (.ref(_, false), .ref(_, true)) where e.text.hasPrefix("&") && !e.text.hasPrefix("&mut "):
            // `&x` passed where the callee writes through it.
            markMutated(s(n))
            if kind(s(n)) == .unary { markMutated(s(n) + 1) }
            return "&mut " + e.text.dropFirst()
        case (.string, .str):
            return "&" + paren(e, E.unary).text
        case (.array(.scalar("u8"), _), .str):
            // A NUL-terminated char array read as text.
            unit.helpers.insert("c_str")
            return "&c_str(&\(e.text))"
        case (.str, .slice(.scalar("u8"), false)):
            return "\(paren(e, E.atom).text).as_bytes()"
        case (.ref(let x, _), .raw(let r)):
            // A reference handed to code that keeps a raw pointer.
            let inner = e.text.hasPrefix("&mut ") ? String(e.text.dropFirst(5)) : (e.text.hasPrefix("&") ? String(e.text.dropFirst()) : "*" + paren(e, E.unary).text)
            if r.hasPrefix("*mut") { markMutated(s(n)); if kind(s(n)) == .unary { markMutated(s(n) + 1) }; return "&mut \(inner) as *mut \(x)" + (r == "*mut \(x)" ? "" : " as \(r)") }
            return "&\(inner) as *const \(x)" + (r == "*const \(x)" ? "" : " as \(r)")
        case (.str, .raw(let r)):
            return "\(paren(e, E.atom).text).as_ptr()" + (r == "*const u8" ? "" : " as \(r)")
        case (.str, .string):
            return "\(paren(e, E.atom).text).to_string()"
        case (.rc, .rc), (.ref(.rc, _), .rc):
            unit.imports.insert("std::rc::Rc")
            let base: String
            if case .ref = e.type { base = e.text } else { base = "&" + paren(e, E.unary).text }
            return "Rc::clone(\(base))"
        case (.box(let x), .rc(let y)) where x == y:
            return "Rc::from(\(e.text))"
        default:
            return moved(e, at: n)
        }
    }

    /// The text of `e` as a method receiver: `*head` is just `head` (methods auto-dereference).
    func receiver(_ e: E) -> String {
        if e.text.hasPrefix("*"), e.text.dropFirst().allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { return String(e.text.dropFirst()) }
        return paren(e, E.atom).text
    }

    /// A move out of a place: fields and elements are taken, locals used later are cloned if shared.
    func moved(_ e: E, at n: Int32) -> String {
        if e.type.isCopy { return e.text }
        switch e.place {
        case .field?, .index?:
            markMutated(n)
            switch e.type {
            case .option: return "\(receiver(e)).take()"
            case .vec, .string: return "std::mem::take(&mut \(e.text))"
            case .rc:
                unit.imports.insert("std::rc::Rc")
                return "Rc::clone(&\(e.text))"
            default: return e.text
            }
        case .local(let v)?:
            if case .rc = e.type, usedAfter(v, n) {
                unit.imports.insert("std::rc::Rc")
                return "Rc::clone(&\(e.text))"
            }
            return e.text
        default: return e.text
        }
    }

    // MARK: expressions

    func expr(_ n: Int32, writing: Bool = false) -> E {
        let nd = node(n)
        if (nd.kind == .implicit || nd.kind == .cast), isNull(n) { return E(text: "None", type: .option(.unit), prec: E.atom) }
        // The macro's own expansion (glibc's `table[c] & mask`, or the call), not an expression
        // that merely starts with it (`isdigit(c) || c == 'x'`, `toupper(c) + 1`).
        if nd.kind == .binary && BinaryOp(rawValue: nd.op) == .and || nd.kind == .call, let m = unit.identifier(at: nd.loc),
           Self.ctypeMacros.contains(m), let e = ctypeMacro(m, n) { return e }
        switch nd.kind {
        case .implicit:
            guard nd.end > n + 1 else { return E(text: "()", type: .unit, prec: E.atom) }
            let inner = expr(n + 1, writing: writing)
            return implicitConversion(inner, to: nd.type, child: n + 1)
        case .varRef:
            return variableRef(n)
        case .intLiteral:
            if let name = unit.identifier(at: nd.loc), let d = unit.defines[name], !d.isString {
                unit.usedDefines.insert(name)
                return E(text: name, type: d.isFloat ? .scalar("f64") : .scalar(d.unsignedSuffix ? "u32" : "i32"), prec: E.atom)
            }
            return E(text: "\(nd.value)", type: .scalar("i32"), prec: nd.value < 0 ? E.unary : E.atom, literal: true)
        case .charLiteral:
            return E(text: charText(nd.value), type: .scalar("u8"), prec: E.atom)
        case .floatLiteral:
            if let name = unit.identifier(at: nd.loc), let d = unit.defines[name], d.isFloat {
                unit.usedDefines.insert(name)
                return E(text: name, type: .scalar("f64"), prec: E.atom)
            }
            let d = Double(bitPattern: UInt64(bitPattern: nd.value))
            var text = "\(d)"
            if !text.contains(".") && !text.contains("e") { text += ".0" }
            return E(text: text, type: .scalar("f64"), prec: E.atom, literal: true)
        case .stringLiteral:
            if let name = unit.identifier(at: nd.loc), let d = unit.defines[name], d.isString {
                unit.usedDefines.insert(name)
                return E(text: name, type: .str, prec: E.atom)
            }
            return E(text: rustString(tu.strings[Int(nd.ref)]), type: .str, prec: E.atom)
        case .enumConstRef:
            let name = nd.ref >= 0 ? tu.strings[Int(nd.ref)] : "\(nd.value)"
            unit.usedEnumConsts[name] = nd.value
            return E(text: name, type: .scalar("i32"), prec: E.atom)
        case .member:
            return member(n, writing: writing)
        case .subscript_:
            return subscriptExpr(n, writing: writing)
        case .call:
            return call(n)
        case .unary:
            return unary(n, writing: writing)
        case .binary:
            return binary(n)
        case .compoundAssign:
            return E(text: gap("assignment inside an expression", n), type: .unit, prec: E.atom)
        case .conditional:
            let k = kids(n)
            let a = expr(k[1]), b = expr(k[2])
            var t = nd.type >= 0 && !tu.isPointer(nd.type) ? unit.scalar(nd.type) : a.type
            // `argc > 1 ? argv[1] : "default"`: text either way, borrowed.
            if tu.isPointer(nd.type), a.type.isTextual || b.type.isTextual { t = a.type.isOption || b.type.isOption ? .option(.str) : .str }
            // A literal arm in a type other than i32 says its type (`c ? -1 : 0u` is unsigned: -1 is
            // 4294967295), else Rust types an `if` of two literals as i32.
            func arm(_ x: E, _ at: Int32) -> String {
                if x.literal, case .scalar(let name) = t, t.isInteger, name != "i32", Int64(x.text) != nil { return "\(x.text)i64 as \(name)" }
                return coerce(x, to: t, at: at)
            }
            return E(text: "if \(cond(k[0])) { \(arm(a, k[1])) } else { \(arm(b, k[2])) }", type: t, prec: E.assign)
        case .cast:
            return cast(n)
        case .sizeofExpr:
            return sizeofText(n)
        default:
            return E(text: gap("C expression kind \(nd.kind)", n), type: .unit, prec: E.atom)
        }
    }

    /// `*const T` -> T
    func rawPointee(_ r: String) -> IdiomType {
        let inner = r.hasPrefix("*const ") ? String(r.dropFirst(7)) : (r.hasPrefix("*mut ") ? String(r.dropFirst(5)) : "u8")
        return IdiomType.parse(inner)
    }

    /// Why a raw pointer could not be proven: the report's evidence for it.
    func safetyReason(_ n: Int32) -> String {
        let x = s(n)
        guard kind(x) == .varRef else { return "a pointer oxidize could not classify" }
        let v = node(x).ref
        let name = tu.variables[Int(v)].name
        let fact = localFacts[v] ?? plan.facts?.params.first { $0.name == name }
        let why = fact?.evidence.first?.text ?? "nothing about it could be proven"
        return "`\(name)` stays a raw pointer (\(why))"
    }

    /// A read through a raw pointer: the smallest unsafe block, with the reason above the statement.
    func unsafeRead(_ place: String, _ t: IdiomType, reason: String) -> E {
        line("// SAFETY: \(reason); the C reads through it here, so it must point to a live value.")
        unsafeBlocks += 1
        return E(text: "unsafe { \(place) }", type: t, prec: E.atom)
    }

    static let ctypeMacros: Set<String> = ["isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower", "ispunct", "isxdigit", "toupper", "tolower"]

    /// glibc's `isspace(c)` is a macro over a table (`(*__ctype_b_loc())[(int)(c)] & _ISspace`):
    /// the argument is the table's index.
    func ctypeMacro(_ name: String, _ n: Int32) -> E? {
        var a: Int32
        if kind(n) == .call {
            // The function itself (`toupper(s[i])`): its argument, not a subscript inside it.
            let k = kids(n)   // the arguments
            guard k.count == 1 else { return nil }
            a = s(k[0])
        } else {
            // glibc's expansion: the operand is the index into its table (`(*__ctype_b_loc())[(int)(c)]`).
            var i = n
            while i < node(n).end {
                if kind(i) == .subscript_ { break }
                i += 1
            }
            guard i < node(n).end, let index = kids(i).last else { return nil }
            a = s(index)
        }
        while kind(a) == .cast || kind(a) == .implicit, node(a).end > a + 1 { a = s(a + 1) }
        guard let t = unit.input.library.functions[name]?.rust else { return nil }
        return templated(t, [a])
    }

    func charText(_ v: Int64) -> String {
        switch v {
        case 0: return "b'\\0'"
        case 10: return "b'\\n'"
        case 9: return "b'\\t'"
        case 13: return "b'\\r'"
        case 39: return "b'\\''"
        case 92: return "b'\\\\'"
        case 32...126: return "b'\(Character(Unicode.Scalar(UInt8(v))))'"
        default: return "\(v)u8"
        }
    }

    /// A C string literal as a Rust one: escapes that differ are rewritten.
    func rustString(_ c: String) -> String {
        var s = Substring(c)
        if s.hasPrefix("L") || s.hasPrefix("u8") { s = s.drop(while: { $0 != "\"" }) }
        // Adjacent literals ("a" "b") come as one spelling in clang; keep the first quoted run.
        var out = "\""
        var chars = Array(s.dropFirst())
        if chars.last == "\"" { chars.removeLast() }
        var i = 0
        while i < chars.count {
            let ch = chars[i]
            if ch == "\\", i + 1 < chars.count {
                let nx = chars[i + 1]
                if nx.isNumber, nx != "8", nx != "9" {
                    var j = i + 1, v = 0, digits = 0
                    while j < chars.count, digits < 3, let d = chars[j].wholeNumberValue, d < 8 { v = v * 8 + d; j += 1; digits += 1 }
                    out += v == 0 ? "\\0" : String(format: "\\u{%x}", v)
                    i = j
                    continue
                }
                if nx == "\"" && i + 2 <= chars.count {}
                switch nx {
                case "a": out += "\\u{7}"
                case "b": out += "\\u{8}"
                case "f": out += "\\u{c}"
                case "v": out += "\\u{b}"
                case "e": out += "\\u{1b}"
                case "?": out += "?"
                case "u", "U":
                    // \u00e9 / \U0001F600: Rust writes \u{e9}.
                    let digits = nx == "u" ? 4 : 8
                    let hex = String(chars[(i + 2)..<min(chars.count, i + 2 + digits)])
                    out += "\\u{\(hex.drop(while: { $0 == "0" }).isEmpty ? "0" : String(hex.drop(while: { $0 == "0" })))}"
                    i += 2 + digits
                    continue
                case "'": out += "'"
                default: out += "\\\(nx)"
                }
                i += 2
                continue
            }
            if ch == "\"" {
                // The end of one literal and the start of the next: `"a" "b"`.
                var j = i + 1
                while j < chars.count, chars[j] == " " || chars[j] == "\n" || chars[j] == "\t" { j += 1 }
                if j < chars.count, chars[j] == "\"" { i = j + 1; continue }
            }
            out.append(ch)
            i += 1
        }
        return out + "\""
    }

    func variableRef(_ n: Int32) -> E {
        let v = node(n).ref
        let variable = tu.variables[Int(v)]
        if isMain, variable.storage == .parameter {
            usesArgs = true
            if variable.paramIndex == 0 { return E(text: "args.len() as i32", type: .scalar("i32"), prec: E.cast) }
            return E(text: "args", type: .vec(.string), prec: E.atom, place: .local(v))
        }
        if let b = bindings[v] {
            if b.declToken >= 0 { referenced.insert(b.declToken) }
            return E(text: b.name, type: b.type, prec: E.atom, place: .local(v))
        }
        if variable.storage == .global || variable.storage == .staticLocal {
            return E(text: gap("\(variable.storage == .global ? "global" : "static local") variable '\(variable.name)'", n), type: unit.scalar(variable.type), prec: E.atom)
        }
        return E(text: UnitContext.ident(variable.name), type: unit.scalar(variable.type), prec: E.atom, place: .local(v))
    }

    func implicitConversion(_ inner: E, to type: Int32, child: Int32) -> E {
        guard type >= 0 else { return inner }
        let t = tu.types[Int(type)]
        switch t.shape {
        case .integer, .floating, .boolean, .enumeration:
            let target = unit.scalar(type)
            guard inner.type.isScalar, inner.type != target else { return inner }
            // An enum value is an i32 in Rust, whatever integer type the C compiler gave the enum.
            let ct = node(child).type
            if target.isInteger, ct >= 0, tu.types[Int(ct)].shape == .enumeration || kind(s(child)) == .enumConstRef { return inner }
            if inner.literal {
                var e = inner
                if target.isFloat, !e.text.contains(".") { e.text += ".0" }
                e.type = target
                return e
            }
            if case .scalar("u8") = inner.type, kind(s(child)) == .charLiteral, target.isInteger {
                return E(text: "\(inner.text) as \(target)", type: target, prec: E.cast)
            }
            if inner.type == .scalar("bool") { return E(text: "\(target)::from(\(inner.text))", type: target, prec: E.atom) }
            return E(text: "\(paren(inner, E.cast).text) as \(target)", type: target, prec: E.cast)
        default:
            return inner
        }
    }

    func cast(_ n: Int32) -> E {
        let inner = expr(n + 1)
        let t = node(n).type
        guard t >= 0 else { return inner }
        let ct = tu.types[Int(t)]
        switch ct.shape {
        case .integer, .floating, .boolean, .enumeration:
            let target = unit.scalar(t)
            if inner.type == target { return inner }
            if inner.literal { var e = inner; e.type = target; if target.isFloat, !e.text.contains(".") { e.text += ".0" }; return e }
            if inner.type == .scalar("bool") { return E(text: "\(target)::from(\(inner.text))", type: target, prec: E.atom) }
            return E(text: "\(paren(inner, E.cast).text) as \(target)", type: target, prec: E.cast)
        case .void:
            return E(text: "", type: .unit, prec: E.atom)
        case .pointer where inner.type.isInteger:
            // An integer made back into a pointer: nothing about it can be proven.
            let r = ct.pointeeConst ? "*const \(unit.scalar(ct.pointee))" : "*mut \(unit.scalar(ct.pointee))"
            return E(text: "\(paren(inner, E.cast).text) as \(r)", type: .raw(r), prec: E.cast)
        default:
            return inner
        }
    }

    /// `sizeof x` for an array local -> `x.len()`; `sizeof(T)` -> `std::mem::size_of::<T>()`.
    func sizeofText(_ n: Int32) -> E {
        guard let text = unit.text(at: node(n).loc) else { return E(text: gap("sizeof", n), type: .scalar("usize"), prec: E.atom) }
        var rest = text.drop(while: { $0 != " " && $0 != "(" }).drop(while: { $0 == " " || $0 == "(" })
        var deref = false
        if rest.hasPrefix("*") { deref = true; rest = rest.dropFirst() }
        let name = String(rest.prefix(while: { $0.isLetter || $0.isNumber || $0 == "_" }))
        // The innermost variable of that name (the highest id): deterministic whatever the dictionary order.
        if !deref, let (_, b) = bindings.filter({ $0.value.name == name || tu.variables[Int($0.key)].name == name }).max(by: { $0.key < $1.key }) {
            if case .array(let e, _) = b.type {
                if e == .scalar("u8") || e == .scalar("i8") { return E(text: "\(b.name).len()", type: .scalar("usize"), prec: E.atom) }
                return E(text: "std::mem::size_of_val(&\(b.name))", type: .scalar("usize"), prec: E.atom)
            }
            return E(text: "std::mem::size_of_val(&\(b.name))", type: .scalar("usize"), prec: E.atom)
        }
        let words = String(rest.prefix(while: { $0 != ")" })).split(separator: " ").map(String.init)
        let cTypes: [String: String] = ["char": "u8", "short": "i16", "int": "i32", "long": "i64", "float": "f32", "double": "f64",
                                         "size_t": "usize", "unsigned": "u32", "void": "u8"]
        if words.first == "struct" || words.first == "union", words.count >= 2 {
            if let p = unit.structs.values.first(where: { $0.name == UnitContext.camel(words[1]) }) {
                return E(text: "std::mem::size_of::<\(p.name)>()", type: .scalar("usize"), prec: E.atom)
            }
        } else if !words.isEmpty, !words.contains(where: { $0.contains("*") }) {
            let base = words.filter { $0 != "unsigned" && $0 != "signed" && $0 != "const" }
            if let last = base.last ?? (words.contains("unsigned") ? "unsigned" : nil), let r = cTypes[last] {
                let t = words.contains("unsigned") && r.hasPrefix("i") ? "u" + r.dropFirst() : r
                return E(text: "std::mem::size_of::<\(t)>()", type: .scalar("usize"), prec: E.atom)
            }
        }
        return E(text: gap("sizeof of \(name)", n), type: .scalar("usize"), prec: E.atom)
    }

    func member(_ n: Int32, writing: Bool) -> E {
        let f = node(n).ref
        guard f >= 0 else { return E(text: gap("member of an unknown record", n), type: .unit, prec: E.atom) }
        let field = tu.fields[Int(f)]
        if unit.taggedUnion(unionRecord: field.record) != nil {
            if let b = armBindings[f] { return b }
            return E(text: gap("a union member read outside a match on its kind", n), type: .unit, prec: E.atom)
        }
        if unit.taggedUnion(tagField: f) != nil {
            return E(text: gap("the kind of a tagged union used as a value", n), type: .scalar("i32"), prec: E.atom)
        }
        let base = expr(n + 1, writing: writing)
        let rec = field.record
        let plan = unit.structs[rec]
        if let plan, plan.refcount == f {
            unit.imports.insert("std::rc::Rc")
            let b: String
            if case .ref = base.type { b = base.text } else { b = "&" + paren(base, E.unary).text }
            return E(text: "Rc::strong_count(\(b)) as i32", type: .scalar("i32"), prec: E.cast)
        }
        let ftype = plan?.fields.first { $0.field == f }?.type ?? unit.scalar(field.type)
        let fname = UnitContext.ident(field.name)
        var baseText = paren(base, E.atom).text
        if case .raw = base.type {
            let place = "(*\(paren(base, E.unary).text)).\(fname)"
            if writing { needsUnsafe = true; unsafeReason = safetyReason(n + 1); return E(text: place, type: ftype, prec: E.atom, place: .field) }
            return unsafeRead(place, ftype, reason: safetyReason(n + 1))
        }
        switch base.type {
        case .option where strict:
            break   // literally: a pointer that may be NULL has no fields (E0609)
        case .option(let inner):
            if case .box = inner { baseText += writing ? ".as_mut().expect(\"non-null pointer\")" : ".as_ref().expect(\"non-null pointer\")" }
            else { baseText += ".expect(\"non-null pointer\")" }
        case .rc(let inner), .ref(.rc(let inner), _):
            if inner.description.hasPrefix("RefCell<") { baseText += writing ? ".borrow_mut()" : ".borrow()" }
        default: break
        }
        return E(text: "\(baseText).\(fname)", type: ftype, prec: E.atom, place: .field)
    }

    func subscriptExpr(_ n: Int32, writing: Bool) -> E {
        let k = kids(n)
        if kind(s(k[1])) == .varRef, let alias = indexAlias[node(s(k[1])).ref], kind(s(k[0])) == .varRef,
           bindings[node(s(k[0])).ref]?.name == alias.base {
            // A scalar element is used by value; a struct through the reference.
            if case .ref(let t, _) = alias.item.type, t.isScalar { return E(text: "*\(alias.item.text)", type: t, prec: E.unary) }
            return alias.item
        }
        let base = expr(k[0], writing: writing)
        let index = expr(k[1])
        let idx = coerce(index, to: .scalar("usize"), at: k[1])
        switch base.type.unwrapped {
        case .str, .string:
            let b = paren(base, E.atom).text
            let i = s(k[1])
            if kind(i) == .varRef, rangeBound[node(i).ref] == "\(b).len()" {
                return E(text: "\(b).as_bytes()[\(idx)]", type: .scalar("u8"), prec: E.atom)
            }
            if kind(i) == .intLiteral, node(i).value == 0 {
                return E(text: "\(b).as_bytes().first().copied().unwrap_or(0)", type: .scalar("u8"), prec: E.atom)
            }
            // C reads the NUL past the last character; a Rust string has none.
            return E(text: "\(b).as_bytes().get(\(idx)).copied().unwrap_or(0)", type: .scalar("u8"), prec: E.atom)
        case .vec(let e), .slice(let e, _), .array(let e, _):
            if base.type.isOption {
                return E(text: "\(paren(base, E.atom).text).as_\(writing ? "mut" : "ref")().expect(\"non-null pointer\")[\(idx)]", type: e, prec: E.atom, place: .index)
            }
            if !writing, e == .scalar("u8"), case .slice = base.type.unwrapped, node(n).type >= 0, tu.types[Int(node(n).type)].size == 1, tu.types[Int(node(n).type)].bare.hasSuffix("char") {
                // The bytes of a string: C reads the NUL past the last one, which the slice has not.
                return E(text: "\(paren(base, E.atom).text).get(\(idx)).copied().unwrap_or(0)", type: e, prec: E.atom)
            }
            return E(text: "\(paren(base, E.atom).text)[\(idx)]", type: e, prec: E.atom, place: .index)
        default:
            return E(text: "\(paren(base, E.atom).text)[\(idx)]", type: unit.scalar(node(n).type), prec: E.atom, place: .index)
        }
    }

    func unary(_ n: Int32, writing: Bool) -> E {
        let op = UnaryOp(rawValue: node(n).op) ?? .other
        switch op {
        case .minus:
            let e = expr(n + 1)
            if e.literal { return E(text: "-\(e.text)", type: e.type, prec: E.unary, literal: true) }
            return E(text: "-\(paren(e, E.unary).text)", type: e.type, prec: E.unary)
        case .plus: return expr(n + 1)
        case .bitNot:
            let e = expr(n + 1)
            return E(text: "!\(paren(e, E.unary).text)", type: e.type, prec: E.unary)
        case .logicalNot:
            return E(text: "!(\(cond(n + 1)))".replacingOccurrences(of: "!(!", with: "(!"), type: .scalar("bool"), prec: E.unary)
        case .deref:
            let e = expr(n + 1, writing: writing)
            if case .raw(let r) = e.type {
                let pointee = rawPointee(r)
                if writing { needsUnsafe = true; unsafeReason = safetyReason(n + 1); return E(text: "*\(paren(e, E.unary).text)", type: pointee, prec: E.unary, place: .field) }
                return unsafeRead("*\(paren(e, E.unary).text)", pointee, reason: safetyReason(n + 1))
            }
            if case .slice(let t, _) = e.type, !writing {
                // C's *p on a cursor into a string reads the NUL at the end as 0.
                if t == .scalar("u8") { return E(text: "\(paren(e, E.atom).text).first().copied().unwrap_or(0)", type: t, prec: E.atom) }
                return E(text: "\(paren(e, E.atom).text)[0]", type: t, prec: E.atom, place: .index)
            }
            switch e.type {
            case .ref(let t, _), .box(let t): return E(text: "*\(paren(e, E.unary).text)", type: t, prec: E.unary, place: .field)
            case .option(let inner): if let t = inner.pointee { return E(text: "*\(paren(e, E.atom).text).as_deref().expect(\"non-null pointer\")", type: t, prec: E.unary) }
            // C reads the NUL at the end of an empty string; a Rust string has none.
            case .str, .string: return E(text: "\(paren(e, E.atom).text).as_bytes().first().copied().unwrap_or(0)", type: .scalar("u8"), prec: E.atom)
            case .vec(let t), .slice(let t, _): return E(text: "\(paren(e, E.atom).text)[0]", type: t, prec: E.atom, place: .index)
            default: break
            }
            return E(text: gap("dereference of a raw pointer", n), type: .unit, prec: E.atom)
        case .addressOf:
            let e = expr(n + 1)
            return E(text: "&\(paren(e, E.unary).text)", type: .ref(e.type, mutable: false), prec: E.unary)
        case .postInc, .preInc, .postDec, .preDec:
            return E(text: gap("increment inside an expression", n), type: .unit, prec: E.atom)
        default:
            return E(text: gap("unary operator", n), type: .unit, prec: E.atom)
        }
    }

    func binary(_ n: Int32) -> E {
        let op = BinaryOp(rawValue: node(n).op) ?? .other
        let k = kids(n)
        // A constant folded away by the front end (a case label's `1 << 4`) has no operands here.
        guard k.count == 2 else { return E(text: gap("binary operator", n), type: .unit, prec: E.atom) }
        switch op {
        case .land, .lor:
            // `s == NULL || strlen(s) == 0` / `p != NULL && p->ok`: the right side sees the value.
            if let t = nullTest(k[0]), let v = t.variable, let bnd = bindings[v], case .option(let inner) = bnd.type, mentions(k[1], v),
               (op == .lor) == t.isNull {
                bindings[v] = Binding(name: bnd.name, type: inner)
                let rhs = cond(k[1])
                bindings[v] = bnd
                return E(text: "\(bnd.name).map_or(\(op == .lor), |\(bnd.name)| \(rhs))", type: .scalar("bool"), prec: E.atom)
            }
            let a = cond(k[0]), b = cond(k[1])
            let p = op == .land ? E.and : E.or
            func wrap(_ t: String, _ node: Int32) -> String {
                let x = s(node)
                if kind(x) == .binary, let o = BinaryOp(rawValue: self.node(x).op), o == .land || o == .lor, o != op { return "(\(t))" }
                if kind(x) == .conditional { return "(\(t))" }
                return t
            }
            return E(text: "\(wrap(a, k[0])) \(op == .land ? "&&" : "||") \(wrap(b, k[1]))", type: .scalar("bool"), prec: p)
        case .eq, .ne, .lt, .gt, .le, .ge:
            // v.kind == K on a tagged union: matches!(v, Name::Variant(..))
            if op == .eq || op == .ne, let m = Optional(s(k[0])), kind(m) == .member, let tg = unit.taggedUnion(tagField: node(m).ref),
               kind(s(k[1])) == .enumConstRef, let v = tg.variant(constant: tu.strings[Int(node(s(k[1])).ref)]) {
                let base = expr(m + 1)
                let test = "matches!(\(base.text), \(tg.name)::\(v.name)\(v.payload == nil ? "" : "(..)"))"
                return E(text: op == .eq ? test : "!" + test, type: .scalar("bool"), prec: op == .eq ? E.atom : E.unary)
            }
            if let text = nullTestText(n) { return E(text: text, type: .scalar("bool"), prec: E.compare) }
            // strcmp(a, b) == 0 -> a == b
            if let c = strcmpCompare(k, op) { return c }
            var a = expr(k[0]), b = expr(k[1])
            // zeromq's `-1` / `0` status codes are a Result in Rust.
            if a.type.description.hasPrefix("Result"), b.literal, let v = Int(b.text) {
                let failed = (op == .eq && v == -1) || (op == .lt && v == 0) || (op == .ne && v == 0)
                return E(text: "\(paren(a, E.atom).text).\(failed ? "is_err" : "is_ok")()", type: .scalar("bool"), prec: E.atom)
            }
            var common = commonType(a, b)
            // C compares in the operands' converted type: unsigned where either is (an enum with
            // no negative constant is `unsigned int`, so `l > -1` is false).
            let ct = [k[0], k[1]].map { node($0).type >= 0 && !tu.isPointer(node($0).type) ? unit.scalar(node($0).type) : nil }
            if let c = ct[0], c == ct[1], c.isUnsigned, !common.isUnsigned, common.isInteger { common = c }
            let sym = [BinaryOp.eq: "==", .ne: "!=", .lt: "<", .gt: ">", .le: "<=", .ge: ">="][op]!
            a = E(text: coerce(a, to: common, at: k[0]), type: common, prec: a.type == common ? a.prec : E.cast)
            b = E(text: coerce(b, to: common, at: k[1]), type: common, prec: b.type == common ? b.prec : E.cast)
            var left = paren(a, E.compare + 1)
            // `x as T < y` parses as a generic: parenthesise casts before `<`.
            if (op == .lt || op == .le), left.prec == E.cast { left = paren(left, E.atom) }
            return E(text: "\(left.text) \(sym) \(paren(b, E.compare + 1).text)", type: .scalar("bool"), prec: E.compare)
        case .assign:
            return E(text: gap("assignment inside an expression", n), type: .unit, prec: E.atom)
        case .comma:
            return E(text: gap("comma operator", n), type: .unit, prec: E.atom)
        default:
            break
        }
        let (sym, p): (String, Int)
        switch op {
        case .mul: (sym, p) = ("*", E.mul)
        case .div: (sym, p) = ("/", E.mul)
        case .rem: (sym, p) = ("%", E.mul)
        case .add: (sym, p) = ("+", E.add)
        case .sub: (sym, p) = ("-", E.add)
        case .shl: (sym, p) = ("<<", E.shift)
        case .shr: (sym, p) = (">>", E.shift)
        case .and: (sym, p) = ("&", E.bitAnd)
        case .xor: (sym, p) = ("^", E.bitXor)
        case .or: (sym, p) = ("|", E.bitOr)
        default: return E(text: gap("binary operator", n), type: .unit, prec: E.atom)
        }
        let a = expr(k[0]), b = expr(k[1])
        var result: IdiomType = node(n).type >= 0 && !tu.isPointer(node(n).type) ? unit.scalar(node(n).type) : a.type
        // size_t arithmetic is `unsigned long` to clang; in Rust it stays usize.
        if result == .scalar("u64"), a.type == .scalar("usize") || b.type == .scalar("usize") || stripsToUsize(k[0]) || stripsToUsize(k[1]) {
            result = .scalar("usize")
        }
        if tu.isPointer(node(n).type) {
            // A buffer advanced by an offset: the rest of it, as a slice.
            if op == .add, a.type.isBuffer || a.type.isTextual, !a.type.isOption {
                let off = coerce(b, to: .scalar("usize"), at: k[1])
                let t: IdiomType = a.type.isTextual ? .str : .slice(a.type.element ?? .scalar("u8"), mutable: false)
                return E(text: "&\(paren(a, E.atom).text)[\(off)..]", type: t, prec: E.unary)
            }
            return E(text: gap("pointer arithmetic", n), type: .unit, prec: E.atom)
        }
        let ta = (op == .shl || op == .shr) ? result : result
        let tb = (op == .shl || op == .shr) ? (b.literal ? result : b.type) : result
        let at = E(text: coerce(a, to: ta, at: k[0]), type: ta, prec: a.type == ta || a.literal ? a.prec : E.cast)
        let bt = E(text: coerce(b, to: tb, at: k[1]), type: tb, prec: b.type == tb || b.literal ? b.prec : E.cast)
        // Unsigned arithmetic wraps in C.
        if result.isUnsigned, op == .add || op == .sub || op == .mul {
            let m = op == .add ? "wrapping_add" : op == .sub ? "wrapping_sub" : "wrapping_mul"
            return E(text: "\(paren(at, E.atom).text).\(m)(\(bt.text))", type: result, prec: E.atom)
        }
        return E(text: "\(paren(at, p).text) \(sym) \(paren(bt, p + 1).text)", type: result, prec: p)
    }

    func stripsToUsize(_ n: Int32) -> Bool {
        let x = s(n)
        if kind(x) == .sizeofExpr { return true }
        if kind(x) == .call, let name = callee(x), name == "strlen" || name == "zmq_msg_size" { return true }
        return false
    }

    func commonType(_ a: E, _ b: E) -> IdiomType {
        if a.literal && !b.literal { return b.type }
        if b.literal && !a.literal { return a.type }
        if a.type == .scalar("u8"), b.type.isInteger, b.type != a.type { return b.type }
        return a.type
    }

    func strcmpCompare(_ k: [Int32], _ op: BinaryOp) -> E? {
        guard let name = callee(k[0]), name == "strcmp", kind(s(k[1])) == .intLiteral, node(s(k[1])).value == 0 else { return nil }
        let args = kids(s(k[0]))
        let a = expr(args[0]), b = expr(args[1])
        let sym = [BinaryOp.eq: "==", .ne: "!=", .lt: "<", .gt: ">", .le: "<=", .ge: ">="][op]!
        func side(_ e: E) -> String {
            if case .vec = e.type { return e.text }
            return paren(e, E.compare + 1).text
        }
        var at = side(a), bt = side(b)
        // &str against String: compare as str.
        if a.type == .string && b.type == .string { at = a.text; bt = b.text }
        if a.type == .str && b.type == .string { bt = "\(paren(b, E.atom).text).as_str()" }
        return E(text: "\(at) \(sym) \(bt)", type: .scalar("bool"), prec: E.compare)
    }
}
