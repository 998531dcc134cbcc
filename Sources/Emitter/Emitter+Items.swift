import Foundation
import CModel
import Diagnostics
import Ownership

extension UnitContext {
    /// The whole file: header, imports, constants, structs, functions, helpers.
    func emit() -> RustTranslation {
        var body: [String] = []
        var unsafeBlocks = 0
        let order = plans.keys.sorted { tu.functions[Int($0)].loc < tu.functions[Int($1)].loc }
        for id in order {
            let plan = plans[id]!
            let f = tu.functions[Int(id)]
            body.append("")
            switch plan.kind {
            case .destructor, .acquire: body += annotation(plan, f, nil)
            default: break
            }
            switch plan.kind {
            case .destructor:
                body.append("// \(f.name): only releases what it is given; in Rust that is dropping it, so callers")
                body.append("// drop instead and the function is gone.")
                continue
            case .acquire:
                body.append("// \(f.name): reference-count bookkeeping; callers use Rc::clone and the function is gone.")
                continue
            default: break
            }
            let fe = FunctionEmitter(unit: self, function: id, plan: plan)
            let text = fe.emit()
            body += annotation(plan, f, fe)
            body += text
            unsafeBlocks += fe.unsafeBlocks
        }
        var out: [String] = []
        out.append("// Translated from \(tu.mainFile.oneLine) by oxidize \(UnitContext.version) (Rust 2021: `rustc --edition 2021`).")
        out.append("// Each function's comment gives the ownership decision for its pointers and the evidence;")
        out.append("// `WARNING` comments mark what the C checker found and what the translation did about it.")
        if !imports.isEmpty { out.append("") }
        for i in imports.sorted() { out.append("use \(i);") }
        let consts = constants()
        if !consts.isEmpty { out.append("") ; out += consts }
        var types: [(SourceLoc, [String])] = structs.keys.map { (tu.records[Int($0)].loc, structDecl(structs[$0]!)) }
        types += tagged.values.map { (tu.records[Int($0.record)].loc, $0.declaration(isProgram: isProgram)) }
        for (_, decl) in types.sorted(by: { $0.0 < $1.0 }) {
            out.append("")
            out += decl
        }
        out += body
        for h in helpers.sorted() { out.append(""); out += helperText(h) }
        return RustTranslation(code: out.joined(separator: "\n") + "\n", crates: crates.sorted(), isProgram: isProgram,
                               unsafeBlocks: unsafeBlocks, gaps: gaps)
    }

    static let version = "0.2.0"

    func constants() -> [String] {
        var out: [String] = []
        for name in usedDefines.sorted() {
            guard let d = defines[name] else { continue }
            if d.isString { out.append("const \(name): &str = \(d.text);") }
            else if d.isFloat { out.append("const \(name): f64 = \(d.text);") }
            else { out.append("const \(name): \(d.unsignedSuffix ? "u32" : "i32") = \(d.text);") }
        }
        for (name, value) in usedEnumConsts.sorted(by: { ($0.value, $0.key) < ($1.value, $1.key) }) {
            out.append("const \(name): i32 = \(value);")
        }
        return out
    }

    func structDecl(_ s: StructPlan) -> [String] {
        var out: [String] = []
        if let f = s.facts {
            for field in f.fields where field.isPointer {
                out.append("// \(field.name): \(field.ownership.rawValue)\(field.mutable ? " mutable" : "") (\(field.evidence.prefix(2).map(\.text).joined(separator: "; ")))")
            }
        }
        if let c = s.refcount { out.append("// \(tu.fields[Int(c)].name): the reference count; Rc keeps it (Rc::strong_count).") }
        var derives = ["Debug"]
        let defaultable = s.fields.allSatisfy { f in
            switch f.type { case .raw, .ref, .slice, .str, .rc: return false; case .array(_, let n): return n <= 32; default: return true }
        }
        if s.copy { derives += ["Clone", "Copy"] }
        if defaultable { derives.append("Default") }
        out.append("#[derive(\(derives.joined(separator: ", ")))]")
        let needsLifetime = s.fields.contains { f in
            switch f.type { case .ref, .slice, .str: return true; case .option(let t): if case .ref = t { return true }; return t == .str; default: return false }
        }
        let vis = isProgram ? "" : "pub "
        out.append("\(vis)struct \(s.name)\(needsLifetime ? "<'a>" : "") {")
        for f in s.fields {
            var t = "\(f.type)"
            if needsLifetime { t = t.replacingOccurrences(of: "&", with: "&'a ") }
            out.append("    \(vis)\(f.name): \(t),")
        }
        out.append("}")
        return out
    }

    /// `// p: owned mutable -> Box<Node> (freed at list.c:42)`: the decision, the Rust type the
    /// code really uses, and the evidence.
    func annotation(_ plan: FunctionPlan, _ f: Function, _ fe: FunctionEmitter?) -> [String] {
        guard let facts = plan.facts else { return [] }
        var out: [String] = []
        func line(_ label: String, _ p: PointerFact, _ rust: IdiomType?) {
            guard p.isPointer else { return }
            let ev = p.evidence.prefix(3).map(\.text).joined(separator: "; ")
            let shown = rust.map { "\($0)" } ?? "\(rename(IdiomType.parse(p.rust)))"
            out.append("// \(label): \(p.ownership.rawValue)\(p.mutable ? " mutable" : "") -> \(shown) (\(ev))")
        }
        for (k, p) in facts.params.enumerated() {
            if case .resultOut(let outIndex, let ok) = plan.kind, k == outIndex {
                out.append("// \(p.name): out-parameter -> the Ok(\(ok)) of the Result")
                continue
            }
            let main: Bool
            if case .main = plan.kind { main = true } else { main = false }
            if main { out.append("// \(p.name): std::env::args()"); continue }
            line(p.name, p, k < plan.params.count ? plan.params[k].type : nil)
        }
        if let r = facts.returns { line("return", r, plan.returns) }
        var localIDs: [String: Int32] = [:]
        for i in f.bodyStart..<f.bodyEnd where tu.nodes[Int(i)].kind == .varDecl {
            let v = tu.nodes[Int(i)].ref
            if localIDs[tu.variables[Int(v)].name] == nil { localIDs[tu.variables[Int(v)].name] = v }
        }
        for l in facts.locals { line(l.name, l, localIDs[l.name].flatMap { fe?.declaredTypes[$0] }) }
        return out
    }

    func helperText(_ name: String) -> [String] {
        switch name {
        case "c_str":
            return ["/// The text of a NUL-terminated byte buffer (C's view of a `char` array).",
                    "fn c_str(buf: &[u8]) -> std::borrow::Cow<'_, str> {",
                    "    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());",
                    "    String::from_utf8_lossy(&buf[..end])",
                    "}"]
        case "c_qsort":
            return ["/// C's `qsort` as glibc runs it: a merge sort, comparison for comparison (through the",
                    "/// indexes for elements over 32 bytes, which stay in their slots until the end).",
                    "fn c_qsort<T: Clone>(v: &mut [T], cmp: impl Fn(&T, &T) -> i32) {",
                    "    fn msort<U: Clone>(b: &mut [U], tmp: &mut Vec<U>, cmp: &impl Fn(&U, &U) -> i32) {",
                    "        let n = b.len();",
                    "        if n <= 1 {",
                    "            return;",
                    "        }",
                    "        let n1 = n / 2;",
                    "        {",
                    "            let (l, r) = b.split_at_mut(n1);",
                    "            msort(l, tmp, cmp);",
                    "            msort(r, tmp, cmp);",
                    "        }",
                    "        tmp.clear();",
                    "        let (mut i, mut j) = (0, n1);",
                    "        while i < n1 && j < n {",
                    "            if cmp(&b[i], &b[j]) <= 0 {",
                    "                tmp.push(b[i].clone());",
                    "                i += 1;",
                    "            } else {",
                    "                tmp.push(b[j].clone());",
                    "                j += 1;",
                    "            }",
                    "        }",
                    "        tmp.extend_from_slice(&b[i..n1]);",
                    "        b[..tmp.len()].clone_from_slice(tmp);",
                    "    }",
                    "    if std::mem::size_of::<T>() > 32 {",
                    "        let mut order: Vec<usize> = (0..v.len()).collect();",
                    "        {",
                    "            let slots: &[T] = v;",
                    "            msort(&mut order, &mut Vec::new(), &|a: &usize, b: &usize| cmp(&slots[*a], &slots[*b]));",
                    "        }",
                    "        let sorted: Vec<T> = order.iter().map(|&i| v[i].clone()).collect();",
                    "        v.clone_from_slice(&sorted);",
                    "        return;",
                    "    }",
                    "    msort(v, &mut Vec::new(), &cmp);",
                    "}"]
        case "atoi":
            return ["/// C's `atoi`, as glibc computes it (`strtol` cut to `int`): C's blanks, an optional sign,",
                    "/// then digits, saturated at 64 bits; 0 when there are none.",
                    "fn atoi(s: &str) -> i32 {",
                    "    let b = s.as_bytes();",
                    "    let mut i = 0;",
                    "    while i < b.len() && (b[i] == b' ' || (9..=13).contains(&b[i])) {",
                    "        i += 1;",
                    "    }",
                    "    let negative = i < b.len() && b[i] == b'-';",
                    "    if i < b.len() && (b[i] == b'-' || b[i] == b'+') {",
                    "        i += 1;",
                    "    }",
                    "    let mut v: i64 = 0;",
                    "    let mut saturated = false;",
                    "    while i < b.len() && b[i].is_ascii_digit() {",
                    "        let d = (b[i] - b'0') as i64;",
                    "        match v.checked_mul(10).and_then(|x| if negative { x.checked_sub(d) } else { x.checked_add(d) }) {",
                    "            Some(x) => v = x,",
                    "            None => saturated = true,",
                    "        }",
                    "        i += 1;",
                    "    }",
                    "    if saturated {",
                    "        v = if negative { i64::MIN } else { i64::MAX };",
                    "    }",
                    "    v as i32",
                    "}"]
        case "write_c_str":
            return ["/// What `snprintf` leaves in a byte buffer: the text, cut to fit, then a NUL.",
                    "fn write_c_str(buf: &mut [u8], text: &str) -> i32 {",
                    "    let n = text.len().min(buf.len().saturating_sub(1));",
                    "    buf[..n].copy_from_slice(&text.as_bytes()[..n]);",
                    "    if n < buf.len() {",
                    "        buf[n] = 0;",
                    "    }",
                    "    text.len() as i32",
                    "}"]
        case "c_pad":
            return ["/// printf's `%-8s` (`left`) or `%8s`: padded with spaces to `width` bytes, as C counts.",
                    "fn c_pad(text: &str, width: usize, left: bool) -> String {",
                    "    let pad = \" \".repeat(width.saturating_sub(text.len()));",
                    "    if left {",
                    "        format!(\"{text}{pad}\")",
                    "    } else {",
                    "        format!(\"{pad}{text}\")",
                    "    }",
                    "}"]
        case "scan_ints":
            return ["/// `sscanf(text, \"%d %d ...\", ...)` as C reads it: each `%d` skips blanks, then takes a sign",
                    "/// and digits (`12abc` gives 12); input that ends before the first gives EOF (-1).",
                    "fn scan_ints(text: &str, out: &mut [&mut i32]) -> i32 {",
                    "    let b = text.as_bytes();",
                    "    let (mut i, mut count) = (0, 0);",
                    "    for slot in out.iter_mut() {",
                    "        while i < b.len() && (b[i] == b' ' || (9..=13).contains(&b[i])) {",
                    "            i += 1;",
                    "        }",
                    "        if i == b.len() {",
                    "            return if count == 0 { -1 } else { count };",
                    "        }",
                    "        let negative = b[i] == b'-';",
                    "        if b[i] == b'-' || b[i] == b'+' {",
                    "            i += 1;",
                    "        }",
                    "        let digits = i;",
                    "        let mut v: i64 = 0;",
                    "        while i < b.len() && b[i].is_ascii_digit() {",
                    "            v = v.wrapping_mul(10).wrapping_add(i64::from(b[i] - b'0'));",
                    "            i += 1;",
                    "        }",
                    "        if i == digits {",
                    "            return count;",
                    "        }",
                    "        **slot = if negative { v.wrapping_neg() } else { v } as i32;",
                    "        count += 1;",
                    "    }",
                    "    count",
                    "}"]
        default: return []
        }
    }
}
