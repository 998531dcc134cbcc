import Foundation
import CModel
import Ownership

extension FunctionEmitter {
    func kind(_ n: Int32) -> NodeKind { tu.nodes[Int(n)].kind }
    func node(_ n: Int32) -> Node { tu.nodes[Int(n)] }
    func kids(_ n: Int32) -> [Int32] { Array(tu.children(of: n)) }
    func s(_ n: Int32) -> Int32 { tu.strip(n) }

    /// The callee name of a direct call, or nil.
    func callee(_ n: Int32) -> String? {
        let c = node(s(n))
        guard c.kind == .call, c.ref >= 0 else { return nil }
        return tu.functions[Int(c.ref)].name
    }

    /// A statement list. Idioms that span statements (allocation then field stores) are found here.
    func block(children: [Int32], isFunctionBody: Bool = false) {
        // What a block declares or narrows ends with it.
        let saved = bindings
        defer { bindings = saved }
        var i = 0
        while i < children.count {
            let c = children[i]
            if consumed.contains(c) { i += 1; continue }
            let rest = Array(children[(i + 1)...])
            statement(c, following: rest, isFunctionBody: isFunctionBody)
            i += 1
        }
    }

    /// Releases at the end of the owner's scope disappear; elsewhere they become `drop`.
    func isTailRelease(_ following: [Int32], isFunctionBody: Bool) -> Bool {
        for f in following where !consumed.contains(f) {
            if isReleaseStatement(f) { continue }
            if kind(f) == .returnStmt {
                if isMain { return isFunctionBody && isZeroReturn(f) }
                return true
            }
            if kind(f) == .nullStmt { continue }
            return false
        }
        return true
    }

    func isZeroReturn(_ r: Int32) -> Bool {
        guard node(r).end > r + 1 else { return true }
        let v = s(r + 1)
        return kind(v) == .intLiteral && node(v).value == 0
    }

    func isReleaseStatement(_ st: Int32) -> Bool {
        guard let name = callee(st), let c = Optional(s(st)) else { return false }
        if unit.isReleaseCall(name) { return true }
        if let p = unit.plans[node(c).ref], case .destructor = p.kind { return true }
        return false
    }

    func statement(_ st: Int32, following: [Int32], isFunctionBody: Bool) {
        warnings(at: st)
        let n = node(st)
        switch n.kind {
        case .compound:
            line("{")
            depth += 1
            block(children: kids(st))
            depth -= 1
            line("}")
        case .declStmt:
            for d in kids(st) where kind(d) == .varDecl { declaration(d, following: following) }
        case .varDecl:
            declaration(st, following: following)
        case .returnStmt:
            returnStatement(st, isLast: isFunctionBody && following.allSatisfy { consumed.contains($0) || kind($0) == .nullStmt })
        case .ifStmt:
            ifStatement(st, following: following)
        case .whileStmt:
            whileStatement(st)
        case .doStmt:
            let k = kids(st)
            line("loop {")
            depth += 1
            continueLabel.append(nil)
            body(k[0])
            continueLabel.removeLast()
            line("if !(\(cond(k[1]))) {")
            line("    break;")
            line("}")
            depth -= 1
            line("}")
        case .forStmt:
            forStatement(st)
        case .breakStmt:
            line("break;")
        case .continueStmt:
            if let l = continueLabel.last, let l { line("break \(l);") } else { line("continue;") }
        case .nullStmt:
            break
        case .switchStmt:
            switchStatement(st)
        case .gotoStmt:
            // goto cleanup: the cleanup only releases owners, which Rust drops on return.
            if let c = cleanup, node(st).value == c.label {
                emitCleanupReturn(c, at: st)
            } else {
                line(gap("goto", st) + ";")
            }
        case .labelStmt:
            if let c = cleanup, node(st).value == c.label {
                line("// \(c.name): the C's cleanup releases owners; Rust drops them when the function returns.")
                for f in following { consumed.insert(f) }
                emitCleanupReturn(c, at: st)
            } else {
                line(gap("label", st) + ";")
                if let inner = kids(st).first { statement(inner, following: following, isFunctionBody: isFunctionBody) }
            }
        default:
            expressionStatement(st, following: following, isFunctionBody: isFunctionBody)
        }
    }

    /// A statement that is a block or a single statement, emitted inside the current braces.
    func body(_ st: Int32) {
        if kind(st) == .compound { block(children: kids(st)) }
        else { statement(st, following: [], isFunctionBody: false) }
    }

    // MARK: declarations

    func declaredType(_ v: Int32) -> IdiomType {
        let variable = tu.variables[Int(v)]
        if let fact = localFacts[v] {
            let t = unit.rustType(fact: fact, cType: variable.type)
            return unit.optional(t, unit.nullability.variables.contains(v))
        }
        return unit.scalar(variable.type)
    }

    func declaration(_ d: Int32, following: [Int32]) {
        let v = node(d).ref
        defer { if let b = bindings[v], declaredTypes[v] == nil { declaredTypes[v] = b.type } }
        let variable = tu.variables[Int(v)]
        let name = UnitContext.ident(variable.name)
        var type = declaredType(v)
        var initNode: Int32? = node(d).end > d + 1 ? kids(d).last : nil
        // An array's children start with its size expression; only an initializer list or a string initialises.
        if let i = initNode, tu.types.indices.contains(Int(variable.type)), tu.types[Int(variable.type)].shape == .array,
           kind(s(i)) != .initList, kind(s(i)) != .stringLiteral { initNode = nil }
        if loopBound.contains(v) { return }
        if let initNode, let alloc = allocation(initNode, for: type) {
            // `T *p = malloc(sizeof *p);` followed by stores to every field: one struct literal.
            if !strict, case .box(let inner) = type.unwrapped, let lit = structLiteral(for: v, inner: inner, following: following) {
                type = .box(inner)
                bindings[v] = Binding(name: name, type: type)
                if let ret = directReturn(v, following) {
                    consumed.insert(ret)
                    let value = coerce(E(text: "Box::new(\(lit))", type: type, prec: E.atom), to: plan.returns, at: ret)
                    line(node(ret).end == fn.bodyEnd ? value : "return \(value);")
                    return
                }
                line("let \(mutMarker(v))\(name) = Box::new(\(lit));")
                return
            }
            if case .rc(let inner) = type.unwrapped, let lit = structLiteral(for: v, inner: inner, following: following) {
                type = .rc(inner)
                bindings[v] = Binding(name: name, type: type)
                let value = inner.description.hasPrefix("RefCell<") ? "RefCell::new(\(lit))" : lit
                if value.hasPrefix("RefCell") { unit.imports.insert("std::cell::RefCell") }
                line("let \(mutMarker(v))\(name) = Rc::new(\(value));")
                unit.imports.insert("std::rc::Rc")
                return
            }
            if strict, case .box = type.unwrapped {
                // Literally: malloc can return NULL.
                type = .option(type.unwrapped)
                bindings[v] = Binding(name: name, type: type)
                line("let \(mutMarker(v))\(name): \(type) = Some(\(alloc));")
                return
            }
            if type.isOption, !(type.unwrapped.isBuffer) { type = type.unwrapped }
            if case .option(let t) = type, t.isBuffer { type = t }
            bindings[v] = Binding(name: name, type: type)
            line("let \(mutMarker(v))\(name): \(type) = \(alloc);")
            return
        }
        if initNode == nil, case .named(let sname) = type, sname != "zmq::Message",
           let rec = recordOf(type: variable.type), let lit = structLiteral(for: v, inner: .named(sname), following: following, record: rec) {
            bindings[v] = Binding(name: name, type: type)
            line("let \(mutMarker(v))\(name) = \(lit);")
            return
        }
        if case .named("zmq::Message") = type {
            // `zmq_msg_t m; zmq_msg_init(&m);`
            if let next = following.first, callee(next) == "zmq_msg_init" { consumed.insert(next) }
            bindings[v] = Binding(name: name, type: type)
            line("let \(mutMarker(v))\(name) = zmq::Message::new();")
            return
        }
        bindings[v] = Binding(name: name, type: type)
        if let initNode {
            if kind(s(initNode)) == .stringLiteral, case .array(let e, let count) = type, e == .scalar("u8") || e == .scalar("i8") {
                // char buf[N] = "text": the bytes and the NUL, zero-padded to N.
                let lit = expr(s(initNode))
                let body = String(lit.text.dropFirst().dropLast())
                let bytes = byteLength(body)
                if Int64(bytes + 1) == count {
                    line("let \(mutMarker(v))\(name): \(type) = *b\"\(body)\\0\";")
                } else {
                    line("let \(mutMarker(v))\(name): \(type) = {")
                    line("    let mut bytes = [0u8; \(count)];")
                    line("    bytes[..\(bytes)].copy_from_slice(b\"\(body)\");")
                    line("    bytes")
                    line("};")
                }
                return
            }
            if kind(s(initNode)) == .initList, case .named(let sname) = type, let plan = unit.structs.values.first(where: { $0.name == sname }) {
                // struct point p = {3, -4}: the fields in order.
                let elems = kids(s(initNode))
                let parts = plan.fields.enumerated().map { k, f -> String in
                    k < elems.count ? "\(f.name): \(coerce(expr(elems[k]), to: f.type, at: elems[k]))" : "\(f.name): \(zero(f.type))"
                }
                line("let \(mutMarker(v))\(name) = \(sname) { \(parts.joined(separator: ", ")) };")
                return
            }
            if kind(s(initNode)) == .initList {
                let elems = kids(s(initNode)).map { coerce(expr($0), to: type.element ?? .scalar("i32"), at: $0) }
                if case .array(let e, let count) = type, elems.count < count {
                    line("let \(mutMarker(v))\(name): \(type) = [\(elems.joined(separator: ", "))\(String(repeating: ", \(zero(e))", count: Int(count) - elems.count))];")
                } else {
                    line("let \(mutMarker(v))\(name): \(type) = [\(elems.joined(separator: ", "))];")
                }
                return
            }
            var e = expr(initNode)
            // A FILE * is whatever fopen made of it, even where the C releases it wrongly.
            if variable.type >= 0, tu.types[Int(variable.type)].spelling.contains("FILE"), e.type.description.contains("File") {
                type = e.type; bindings[v]!.type = type
            }
            // A library call that can fail, never checked in the C: Rust says where it would have crashed.
            if e.type.isOption, let name = callee(initNode), unit.plans[node(s(initNode)).ref] == nil, !hasNullTest(v) {
                type = e.type.unwrapped
                bindings[v]!.type = type
                line("let \(mutMarker(v))\(name == "fopen" ? name : name): \(type) = \(paren(e, E.atom).text).expect(\"\(name) failed\"); // unchecked in the C".replacingOccurrences(of: "let \(mutMarker(v))\(name):", with: "let \(mutMarker(v))\(UnitContext.ident(variable.name)):"))
                return
            }
            if isNull(initNode) { e = E(text: "None", type: type.isOption ? type : .option(type), prec: E.atom) }
            // A local whose pointer could not be classified takes the type its initializer proves.
            if case .raw = type, !(e.type.isScalar) { type = e.type; bindings[v]!.type = type }
            if type.isOption, !e.type.isOption, e.type != .unit, isNonNullable(e.type), !assignedLater(v, after: d) {
                type = e.type; bindings[v]!.type = type
            }
            if case .str = type, e.type == .string { e.text = "&" + paren(e, E.unary).text; e.type = .str }
            let value = coerce(e, to: type, at: initNode)
            // `T *p = f(); if (p == NULL) { ...; return; }`: one match.
            if case .option(let inner) = type, let check = immediateNullExit(v, following) {
                consumed.insert(check)
                warnings(at: check)
                line("let \(mutMarker(v))\(name) = match \(value) {")
                depth += 1
                line("Some(\(name)) => \(name),")
                line("None => {")
                depth += 1
                body(kids(check)[1])
                depth -= 1
                line("}")
                depth -= 1
                line("};")
                bindings[v] = Binding(name: name, type: inner)
                return
            }
            if e.literal || isConstantInit(initNode), assignedLater(v, after: d), deadInitializer(v, following) { allowUnusedAssignments = true }
            if callee(initNode) == "strlen", let a = kids(s(initNode)).first, !assigns(v, in: fn.bodyStart) { lengthOf[v] = expr(a).text }
            line("let \(mutMarker(v))\(name)\(annotate(type, e)) = \(value);")
        } else {
            if isFgetsBuffer(v) || isTextBuffer(v) {
                // A char array only ever used as text (filled by fgets, strcpy, snprintf...): a String.
                type = .string
                bindings[v] = Binding(name: name, type: type)
                // Declared where it is first written, when that is a statement of this block.
                if let first = following.first(where: { mentions($0, v) }), let callName = callee(first), s(first) == first || kind(first) != .call,
                   FunctionEmitter.textWriters.contains(callName), let a = kids(s(first)).first, kind(s(a)) == .varRef, node(s(a)).ref == v,
                   !kids(s(first)).dropFirst().contains(where: { mentions($0, v) }) {
                    declareAtWrite.insert(v)
                    return
                }
                line("let \(mutMarker(v))\(name) = String::new();")
                return
            }
            switch type {
            case .array(let e, _) where !e.isCopy:
                line("let \(mutMarker(v))\(name): \(type) = std::array::from_fn(|_| \(zero(e)));")
            case .array(let e, let n):
                line("let \(mutMarker(v))\(name): \(type) = [\(zero(e)); \(n)];")
            case .named(let n) where unit.structs.values.contains(where: { $0.name == n }):
                line("let \(mutMarker(v))\(name) = \(n)::default();")
            default:
                bindings[v]!.declToken = v
                line("\u{3}\(v)\u{4}let \(mutMarker(v))\(name): \(type);")
            }
        }
    }

    /// `return v;` as the next statement, `v` used nowhere else: the value is returned as it is made.
    func directReturn(_ v: Int32, _ following: [Int32]) -> Int32? {
        guard let next = following.first(where: { !consumed.contains($0) }), kind(next) == .returnStmt, node(next).end > next + 1,
              kind(s(next + 1)) == .varRef, node(s(next + 1)).ref == v, !usedAfter(v, next) else { return nil }
        return next
    }

    /// `if (v == NULL) { ...; return/exit; }` right after v's declaration.
    func immediateNullExit(_ v: Int32, _ following: [Int32]) -> Int32? {
        guard let next = following.first(where: { !consumed.contains($0) }), kind(next) == .ifStmt else { return nil }
        let k = kids(next)
        guard k.count == 2, let t = nullTest(k[0]), t.isNull, t.variable == v, exits(k[1]) else { return nil }
        return next
    }

    /// Bytes a Rust string literal's body stands for (escapes counted once).
    func byteLength(_ body: String) -> Int {
        var n = 0
        var chars = Array(body.utf8)[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            if c == UInt8(ascii: "\\"), let e = chars.first {
                chars = chars.dropFirst()
                if e == UInt8(ascii: "u") {
                    // \u{..}
                    while let x = chars.first, x != UInt8(ascii: "}") { chars = chars.dropFirst() }
                    chars = chars.dropFirst()
                } else if e == UInt8(ascii: "x") { chars = chars.dropFirst(2) }
            }
            n += 1
        }
        return n
    }

    func annotate(_ type: IdiomType, _ e: E) -> String {
        if e.literal || e.type != type || type.isOption { return ": \(type)" }
        // A number other than `i32`: its literals take the type from here (`let top: u32 = 1 << 31`;
        // unannotated, `1 << 31` is an `i32`).
        if case .scalar(let s) = type, s != "i32", s != "bool" { return ": \(type)" }
        return ""
    }

    func isNonNullable(_ t: IdiomType) -> Bool {
        switch t { case .box, .vec, .string, .rc, .named: return true; default: return false }
    }

    func isConstantInit(_ n: Int32) -> Bool {
        let k = kind(s(n))
        return k == .intLiteral || k == .floatLiteral || k == .charLiteral || (k == .cast && isNull(n))
    }

    /// Assigned with `=` somewhere after its declaration.
    func assignedLater(_ v: Int32, after d: Int32) -> Bool {
        var i = node(d).end
        while i < fn.bodyEnd {
            let n = node(i)
            if n.kind == .binary, BinaryOp(rawValue: n.op) == .assign, kind(s(i + 1)) == .varRef, node(s(i + 1)).ref == v { return true }
            i += 1
        }
        return false
    }

    enum FirstUse { case reads, assigns, none }

    /// Whether every path from the declaration assigns `v` before reading it (rustc then calls
    /// the initial value dead, and the function gets an `allow` with the reason).
    func deadInitializer(_ v: Int32, _ following: [Int32]) -> Bool {
        firstUse(v, following.filter { !consumed.contains($0) }) == .assigns
    }

    func firstUse(_ v: Int32, _ stmts: [Int32]) -> FirstUse {
        for st in stmts {
            let r = firstUse(v, st)
            if r != .none { return r }
        }
        return .none
    }

    func firstUse(_ v: Int32, _ st: Int32) -> FirstUse {
        switch kind(st) {
        case .compound: return firstUse(v, kids(st))
        case .returnStmt:
            return mentions(st, v) ? .reads : .assigns
        case .breakStmt, .continueStmt, .gotoStmt: return .reads
        case .ifStmt:
            let k = kids(st)
            if mentions(k[0], v) { return .reads }
            let a = firstUse(v, [k[1]])
            let b = k.count > 2 ? firstUse(v, [k[2]]) : .none
            if a == .reads || b == .reads { return .reads }
            if a == .assigns && b == .assigns { return .assigns }
            // Paths through the assigning (or exiting) branch are settled; the others go on.
            return .none
        case .whileStmt, .forStmt, .doStmt, .switchStmt:
            return mentions(st, v) ? .reads : .none
        default:
            guard mentions(st, v) else {
                if let name = callee(st), name == "exit" || name == "abort" { return .assigns }
                return .none
            }
            let e = s(st)
            if kind(e) == .binary, BinaryOp(rawValue: node(e).op) == .assign, kind(s(e + 1)) == .varRef, node(s(e + 1)).ref == v,
               let rhs = kids(e).last, !mentions(rhs, v) { return .assigns }
            return .reads
        }
    }

    /// Assigned only with `=` (never `+=` or `++`): the initial value may never be read.
    func isPlainlyReassigned(_ v: Int32) -> Bool {
        for i in fn.bodyStart..<fn.bodyEnd {
            let n = node(i)
            if (n.kind == .compoundAssign || (n.kind == .unary && [.postInc, .postDec, .preInc, .preDec].contains(UnaryOp(rawValue: n.op)))),
               kind(s(i + 1)) == .varRef, node(s(i + 1)).ref == v { return false }
        }
        return true
    }

    func recordOf(type: Int32) -> Int32? {
        guard type >= 0 else { return nil }
        let t = tu.types[Int(type)]
        return t.shape == .record && t.record >= 0 ? t.record : nil
    }

    func zero(_ t: IdiomType) -> String {
        switch t {
        case .scalar(let s):
            if s == "bool" { return "false" }
            if s.hasPrefix("f") { return "0.0" }
            return "0"
        case .option: return "None"
        case .string: return "String::new()"
        case .vec: return "Vec::new()"
        case .array(let e, let n): return "[\(zero(e)); \(n)]"
        case .named(let n): return "\(n)::default()"
        case .raw(let r): return r.hasPrefix("*mut") ? "std::ptr::null_mut()" : "std::ptr::null()"
        default: return "Default::default()"
        }
    }

    /// `p->f = e;` statements right after `p`'s allocation (or declaration), covering fields: a
    /// struct literal. The statements used are marked consumed.
    func structLiteral(for v: Int32, inner: IdiomType, following: [Int32], record: Int32? = nil) -> String? {
        guard case .named(var sname) = inner else { return nil }
        if sname.hasPrefix("RefCell<") { sname = String(sname.dropFirst(8).dropLast()) }
        guard let plan = unit.structs.values.first(where: { $0.name == sname }) else { return nil }
        var values: [String: String] = [:]
        var used: [Int32] = []
        var skipNullChecks: [Int32] = []
        for st in following {
            let n = node(st)
            // `if (p == NULL) { ... }` right after the allocation: Box::new cannot fail.
            if n.kind == .ifStmt, values.isEmpty, let c = kids(st).first, nullTest(c)?.variable == v { skipNullChecks.append(st); continue }
            // A check on a field just stored (`if (p->name == NULL)` after strdup).
            if n.kind == .ifStmt, let c = kids(st).first, let t = nullTest(c), t.variable == nil, let f = t.field,
               values[tu.fields[Int(f)].name] != nil, let ft = plan.fields.first(where: { $0.field == f })?.type, !ft.isOption {
                skipNullChecks.append(st); continue
            }
            guard n.kind == .binary, BinaryOp(rawValue: n.op) == .assign else { break }
            let lhs = s(st + 1)
            guard kind(lhs) == .member, kind(s(lhs + 1)) == .varRef, node(s(lhs + 1)).ref == v else { break }
            let f = node(lhs).ref
            guard let rhs = kids(st).last, !mentions(rhs, v) else { break }
            let fieldName = tu.fields[Int(f)].name
            if f == plan.refcount { used.append(st); continue }
            guard let ft = plan.fields.first(where: { $0.field == f }) else { break }
            values[fieldName] = fieldValue(rhs, type: ft.type)
            used.append(st)
        }
        guard !used.isEmpty || record != nil else { return nil }
        if record != nil && used.isEmpty { return nil }
        for u in used + skipNullChecks { consumed.insert(u) }
        let parts = plan.fields.map { f -> String in
            let value = values[tu.fields[Int(f.field)].name] ?? zero(f.type)
            return value == f.name ? f.name : "\(f.name): \(value)"
        }
        return "\(plan.name) { \(parts.joined(separator: ", ")) }"
    }

    func fieldValue(_ rhs: Int32, type: IdiomType) -> String {
        if let a = allocation(rhs, for: type) { return a }
        return coerce(expr(rhs), to: type, at: rhs)
    }

    /// Whether a subtree refers to a variable.
    func mentions(_ n: Int32, _ v: Int32) -> Bool {
        anyNode(in: n) { kind($0) == .varRef && node($0).ref == v }
    }

    /// Whether some node of the subtree at `n` (itself included) passes `test`.
    func anyNode(in n: Int32, _ test: (Int32) -> Bool) -> Bool {
        var i = n
        while i < node(n).end {
            if test(i) { return true }
            i += 1
        }
        return false
    }

    /// The target of a store (`x = ...`, `x op= ...`), stripped; nil for any other node.
    func storeTarget(_ i: Int32) -> Int32? {
        let k = kind(i)
        guard (k == .binary && BinaryOp(rawValue: node(i).op) == .assign) || k == .compoundAssign else { return nil }
        return s(i + 1)
    }

    func isVar(_ n: Int32, _ v: Int32) -> Bool { kind(n) == .varRef && node(n).ref == v }

    /// `malloc`/`calloc`/`strdup` and friends as the construction of the target type.
    func allocation(_ n: Int32, for type: IdiomType) -> String? {
        guard let name = callee(n) else { return nil }
        let c = s(n)
        let args = kids(c)
        switch name {
        case "malloc", "calloc":
            switch type.unwrapped {
            case .box(let inner): return "Box::new(\(zero(inner)))"
            case .rc(let inner): unit.imports.insert("std::rc::Rc"); return "Rc::new(\(zero(inner)))"
            case .vec(let e):
                let count = name == "calloc" ? args[0] : countOf(args[0])
                guard let count else { return nil }
                return "vec![\(zero(e)); \(coerce(expr(s(count)), to: .scalar("usize"), at: count))]"
            case .string:
                return "String::new()"
            default: return nil
            }
        case "strdup", "g_strdup":
            guard let a = args.first else { return nil }
            let e = expr(a)
            return e.type == .string ? "\(paren(e, E.atom).text).clone()" : "\(paren(e, E.atom).text).to_string()"
        case "zmq_ctx_new":
            unit.crates.insert("zmq")
            return "zmq::Context::new()"
        default: return nil
        }
    }

    /// `n * sizeof *p` -> `n`; `sizeof *p` -> 1.
    func countOf(_ n: Int32) -> Int32? {
        let b = s(n)
        if kind(b) == .sizeofExpr { return nil }
        guard kind(b) == .binary, BinaryOp(rawValue: node(b).op) == .mul else { return b }
        let k = kids(b)
        if kind(s(k[1])) == .sizeofExpr { return k[0] }
        if kind(s(k[0])) == .sizeofExpr { return k[1] }
        return b
    }

    // MARK: return

    func returnStatement(_ st: Int32, isLast: Bool) {
        let hasValue = node(st).end > st + 1
        if isMain {
            if isLast && (!hasValue || isZeroReturn(st)) { return }
            let code = hasValue ? coerce(expr(st + 1), to: .scalar("i32"), at: st + 1) : "0"
            line("std::process::exit(\(code));")
            return
        }
        guard hasValue else { line(isLast ? "" : "return;"); if isLast { lines.removeLast() }; return }
        let e = expr(st + 1)
        if case .resultOut = plan.kind {
            let value = "Err(\(coerce(e, to: .scalar("i32"), at: st + 1)))"
            line(isLast ? value : "return \(value);")
            return
        }
        let value = coerce(e, to: plan.returns, at: st + 1)
        line(isLast ? value : "return \(value);")
    }

    // MARK: if

    struct NullTest { var variable: Int32?; var field: Int32?; var isNull: Bool; var node: Int32 }

    /// `p == NULL`, `!p`, `p != NULL`, `p` on a pointer variable or field.
    func nullTest(_ c: Int32) -> NullTest? {
        let n = s(c)
        func target(_ x: Int32) -> (Int32?, Int32?)? {
            let t = s(x)
            if kind(t) == .varRef, tu.isPointer(node(t).type) { return (node(t).ref, nil) }
            if kind(t) == .member, tu.isPointer(node(t).type) { return (nil, node(t).ref) }
            return nil
        }
        if kind(n) == .binary, let op = BinaryOp(rawValue: node(n).op), op == .eq || op == .ne {
            let k = kids(n)
            if isNull(k[1]), let (v, f) = target(k[0]) { return NullTest(variable: v, field: f, isNull: op == .eq, node: s(k[0])) }
            if isNull(k[0]), let (v, f) = target(k[1]) { return NullTest(variable: v, field: f, isNull: op == .eq, node: s(k[1])) }
        }
        if kind(n) == .unary, UnaryOp(rawValue: node(n).op) == .logicalNot, let (v, f) = target(n + 1) {
            return NullTest(variable: v, field: f, isNull: true, node: s(n + 1))
        }
        if let (v, f) = target(n) { return NullTest(variable: v, field: f, isNull: false, node: n) }
        return nil
    }


    /// The C tests this variable against NULL somewhere in the function.
    func hasNullTest(_ v: Int32) -> Bool {
        for i in fn.bodyStart..<fn.bodyEnd {
            let n = node(i)
            if n.kind == .ifStmt || n.kind == .whileStmt || n.kind == .forStmt || n.kind == .conditional {
                for c in kids(i).dropLast() { if let t = nullTest(c), t.variable == v { return true } }
            }
            if n.kind == .binary, [.eq, .ne].contains(BinaryOp(rawValue: n.op)), let t = nullTest(i), t.variable == v { return true }
            if n.kind == .unary, UnaryOp(rawValue: n.op) == .logicalNot, let t = nullTest(i), t.variable == v { return true }
        }
        return false
    }

    /// A null pointer constant: `NULL`, `0` or `(void *)0`.
    func isNull(_ n: Int32) -> Bool { tu.isNullPointerConstant(n) }

    /// Ends by leaving the function (return, exit, a noreturn call) on its last statement.
    func exits(_ st: Int32) -> Bool {
        var last = st
        if kind(st) == .compound { guard let l = kids(st).last else { return false }; last = l }
        if kind(last) == .returnStmt { return true }
        if let name = callee(last), name == "exit" || name == "abort" { return true }
        if kind(last) == .breakStmt || kind(last) == .continueStmt || kind(last) == .gotoStmt { return true }
        return false
    }

    func typeOfTest(_ t: NullTest) -> IdiomType? {
        if let v = t.variable { return bindings[v]?.type }
        return expr(t.node).type
    }

    func ifStatement(_ st: Int32, following: [Int32]) {
        let k = kids(st)
        let c = k[0], then = k[1], els: Int32? = k.count > 2 ? k[2] : nil
        if let t = nullTest(c), let type = typeOfTest(t) {
            // A pointer Rust proves non-null: the test is constant.
            if !type.isOption, isNonNullable(type) || isReference(type) {
                let branch = t.isNull ? els : then
                line("// `\(sourceCondition(t))` \(t.isNull ? "cannot happen" : "always holds") here: \(type) is never null.")
                if let branch { if kind(branch) == .compound { block(children: kids(branch)) } else { body(branch) } }
                return
            }
            // `if (p == NULL) { ...; return; }` on an Option: let-else, and `p` is known below.
            if t.isNull, els == nil, let v = t.variable, case .option(let inner) = type, exits(then), let b = bindings[v] {
                let narrowed = v + 1_000_000 * Int32(1 + (lines.count % 1000))
                // `match` rather than let-else: Debian stable's rustc (1.63) builds it too.
                line("let \(mutMarker(narrowed))\(b.name) = match \(b.name) {")
                depth += 1
                line("Some(\(b.name)) => \(b.name),")
                line("None => {")
                depth += 1
                body(then)
                depth -= 1
                line("}")
                depth -= 1
                line("};")
                bindings[v] = Binding(name: b.name, type: inner, mutId: narrowed)
                return
            }
        }
        if resultTest(st, c, then, els) { return }
        // `if (a == NULL || b == NULL || more) continue;`: a and b are known below; the rest stays a test.
        if els == nil, exits(then) {
            let terms = disjuncts(c)
            var lead: [Int32] = []
            for t in terms {
                guard let nt = nullTest(t), nt.isNull, let v = nt.variable, let b = bindings[v], b.type.isOption, !lead.contains(v) else { break }
                lead.append(v)
            }
            if !lead.isEmpty {
                let names = lead.map { bindings[$0]!.name }
                let ids = lead.map { v in v + 1_000_000 * Int32(1 + (lines.count % 1000)) }
                if lead.count == 1 {
                    line("let \(mutMarker(ids[0]))\(names[0]) = match \(names[0]) {")
                    depth += 1
                    line("Some(\(names[0])) => \(names[0]),")
                } else {
                    let pattern = zip(ids, names).map { "\(mutMarker($0))\($1)" }.joined(separator: ", ")
                    line("let (\(pattern)) = match (\(names.joined(separator: ", "))) {")
                    depth += 1
                    line("(\(names.map { "Some(\($0))" }.joined(separator: ", "))) => (\(names.joined(separator: ", "))),")
                }
                line(lead.count == 1 ? "None => {" : "_ => {")
                depth += 1
                body(then)
                depth -= 1
                line("}")
                depth -= 1
                line("};")
                for (k, v) in lead.enumerated() { bindings[v] = Binding(name: names[k], type: bindings[v]!.type.unwrapped, mutId: ids[k]) }
                let rest = terms.dropFirst(lead.count)
                if !rest.isEmpty {
                    line("if \(rest.map { cond($0) }.joined(separator: " || ")) {")
                    depth += 1
                    body(then)
                    depth -= 1
                    line("}")
                }
                return
            }
        }
        // `if (zmq_bind(...) != 0) { ... zmq_strerror(zmq_errno()) ... }`: if let Err(e).
        if let (call, _) = errorTest(c), usesErrno(then) {
            let e = expr(call)
            if e.type.description.hasPrefix("Result") {
                line("if let Err(err) = \(e.text) {")
                depth += 1
                errnoName.append("err")
                body(then)
                errnoName.removeLast()
                depth -= 1
                closeIf(els)
                return
            }
        }
        line("if \(cond(c)) {")
        depth += 1
        body(then)
        depth -= 1
        closeIf(els)
    }

    /// `if (f(x, &v) == 0) ...` for a function that returns its value as a Result.
    func resultTest(_ st: Int32, _ c: Int32, _ then: Int32, _ els: Int32?) -> Bool {
        var x = s(c)
        var success: Bool
        if kind(x) == .unary, UnaryOp(rawValue: node(x).op) == .logicalNot { x = s(x + 1); success = true }
        else if kind(x) == .binary, let op = BinaryOp(rawValue: node(x).op), let k = Optional(kids(x)), kind(s(k[1])) == .intLiteral, node(s(k[1])).value == 0,
                [.eq, .ne, .lt, .ge].contains(op) {
            x = s(k[0]); success = op == .eq || op == .ge
        } else { success = false }
        guard kind(x) == .call, node(x).ref >= 0, let p = unit.plans[node(x).ref], case .resultOut(let k, let ok) = p.kind else { return false }
        let args = kids(x)
        guard k < args.count else { return false }
        var outArg = s(args[k])
        guard kind(outArg) == .unary, UnaryOp(rawValue: node(outArg).op) == .addressOf else { return false }
        outArg = s(outArg + 1)
        guard kind(outArg) == .varRef else { return false }
        let v = node(outArg).ref
        let name = UnitContext.ident(tu.variables[Int(v)].name)
        let callArgs = args.enumerated().filter { $0.offset != k }.map { i, a in coerce(expr(a), to: i < p.params.count ? p.params[i].type : .unit, at: a) }
        let call = "\(p.name)(\(callArgs.joined(separator: ", ")))"
        let saved = bindings[v]
        if success {
            line("if let Ok(\(name)) = \(call) {")
            bindings[v] = Binding(name: name, type: ok)
            depth += 1
            body(then)
            depth -= 1
            bindings[v] = saved
            closeIf(els)
            return true
        }
        if let els {
            line("match \(call) {")
            depth += 1
            line("Err(_) => {"); depth += 1; body(then); depth -= 1; line("}")
            line("Ok(\(name)) => {"); depth += 1
            bindings[v] = Binding(name: name, type: ok)
            body(els)
            bindings[v] = saved
            depth -= 1; line("}")
            depth -= 1
            line("}")
            return true
        }
        guard exits(then) else { return false }
        line("let \(name) = match \(call) {")
        depth += 1
        line("Ok(\(name)) => \(name),")
        line("Err(_) => {"); depth += 1; body(then); depth -= 1; line("}")
        depth -= 1
        line("};")
        bindings[v] = Binding(name: name, type: ok)
        return true
    }

    /// The terms of a top-level `a || b || c`.
    func disjuncts(_ c: Int32) -> [Int32] {
        let x = s(c)
        if kind(x) == .binary, BinaryOp(rawValue: node(x).op) == .lor { return kids(x).flatMap { disjuncts($0) } }
        return [c]
    }

    func closeIf(_ els: Int32?) {
        guard let els else { line("}"); return }
        if kind(els) == .ifStmt {
            let before = lines.count
            ifStatement(els, following: [])
            // Join `}` and the nested `if` into `} else if`.
            if lines.count > before, lines[before].trimmingCharacters(in: .whitespaces).hasPrefix("if ") {
                let text = lines[before].trimmingCharacters(in: .whitespaces)
                lines[before] = String(repeating: "    ", count: depth) + "} else " + text
                return
            }
            lines.insert(String(repeating: "    ", count: depth) + "} else {", at: before)
            for i in (before + 1)..<lines.count { lines[i] = "    " + lines[i] }
            line("}")
            return
        }
        line("} else {")
        depth += 1
        body(els)
        depth -= 1
        line("}")
    }

    func isReference(_ t: IdiomType) -> Bool {
        switch t { case .ref, .str, .slice: return true; default: return false }
    }

    func sourceCondition(_ t: NullTest) -> String {
        let name = t.variable.map { tu.variables[Int($0)].name } ?? t.field.map { "->" + tu.fields[Int($0)].name } ?? "p"
        return t.isNull ? "\(name) == NULL" : "\(name) != NULL"
    }

    /// `f(...) != 0`, `f(...) == -1`, `f(...) < 0` for calls that report failure that way.
    func errorTest(_ c: Int32) -> (Int32, Bool)? {
        let n = s(c)
        guard kind(n) == .binary, let op = BinaryOp(rawValue: node(n).op) else { return nil }
        let k = kids(n)
        guard callee(k[0]) != nil, kind(s(k[1])) == .intLiteral || (kind(s(k[1])) == .unary) else { return nil }
        if op == .ne || op == .eq || op == .lt { return (k[0], true) }
        return nil
    }

    func usesErrno(_ st: Int32) -> Bool {
        anyNode(in: st) { kind($0) == .call && ["zmq_errno", "zmq_strerror"].contains(callee($0) ?? "") }
    }

    // MARK: loops

    func whileStatement(_ st: Int32) {
        let k = kids(st)
        let c = k[0], b = k[1]
        // while ((c = fgetc(f)) != EOF)
        if let (v, file) = fgetcLoop(c) {
            let reader = stream(file)
            let name = bindings[v]?.name ?? "c"
            unit.imports.insert("std::io::Read")
            line("for byte in \(reader.text)\(reader.isStdin ? "" : ".by_ref()").bytes() {")
            depth += 1
            markMutatedVar(v)
            line("\(name) = match byte { Ok(b) => i32::from(b), Err(_) => break };")
            continueLabel.append(nil)
            body(b)
            continueLabel.removeLast()
            depth -= 1
            line("}")
            return
        }
        // while (fgets(line, n, f) != NULL): read_line into the String.
        if let (buf, size, file) = fgetsLoop(c), kind(s(buf)) == .varRef, bindings[node(s(buf)).ref]?.type == .string {
            let bufE = expr(buf)
            let reader = stream(file)
            markMutated(buf)
            unit.imports.insert("std::io::BufRead")
            line("loop {")
            depth += 1
            line("\(bufE.text).clear();")
            // Text the String cannot hold (not UTF-8) stops the program, not the loop: C read on.
            line("if \(reader.text).read_line(&mut \(bufE.text)).expect(\"input that is not UTF-8 text\") == 0 {")
            line("    break;")
            line("}")
            // C reads a line longer than its buffer in pieces; one line here.
            let t = tu.variables[Int(node(s(buf)).ref)].type
            let count = t >= 0 ? tu.types[Int(t)].count : -1
            let n: Int64? = count > 0 ? count : (kind(s(size)) == .intLiteral ? node(s(size)).value : nil)
            if let n { line("assert!(\(bufE.text).len() < \(n), \"a line longer than the C's buffer, which C reads in pieces\");") }
            continueLabel.append(nil)
            body(b)
            continueLabel.removeLast()
            depth -= 1
            line("}")
            return
        }
        // while (head != NULL) over a list: take (or borrow) each node in turn.
        if let t = nullTest(c), !t.isNull, let v = t.variable, let bnd = bindings[v], case .option(let inner) = bnd.type,
           isWalkable(inner), !readAfterAssign(v, in: b), assignsDirectly(v, in: b), !takesAddress(v, in: b) {
            let nodeName = "node"
            let narrowed = v + 1_000_000 * Int32(1 + (lines.count % 1000))
            line("while let Some(\(mutMarker(narrowed))\(nodeName)) = \(bnd.name) {")
            bindings[v] = Binding(name: nodeName, type: inner, outer: (bnd.name, bnd.type), mutId: narrowed)
            depth += 1
            continueLabel.append(nil)
            body(b)
            continueLabel.removeLast()
            depth -= 1
            bindings[v] = bnd
            line("}")
            return
        }
        loopBlock("while \(cond(c))", b)
    }

    /// `v = ...` in the body (the walk moves on by itself).
    func assignsDirectly(_ v: Int32, in b: Int32) -> Bool {
        anyNode(in: b) { isAssignment($0) && isVar(s($0 + 1), v) }
    }

    /// `&v` in the body (a callee may change v: pop(&stack)).
    func takesAddress(_ v: Int32, in b: Int32) -> Bool {
        anyNode(in: b) { kind($0) == .unary && UnaryOp(rawValue: node($0).op) == .addressOf && isVar(s($0 + 1), v) }
    }

    func isWalkable(_ t: IdiomType) -> Bool {
        switch t { case .box, .ref: return true; default: return false }
    }

    /// The buffer of `fgets(buf, n, f)` somewhere in the function.
    func isFgetsBuffer(_ v: Int32) -> Bool {
        for i in fn.bodyStart..<fn.bodyEnd where kind(i) == .call && callee(i) == "fgets" {
            if let a = kids(i).first, kind(s(a)) == .varRef, node(s(a)).ref == v { return true }
        }
        return false
    }

    static let textFunctions: Set<String> = ["strcpy", "strcat", "snprintf", "sprintf", "strlen", "strcmp", "printf", "fprintf",
                                              "puts", "strdup", "atoi", "fputs"]
    static let textWriters: Set<String> = ["strcpy", "strcat", "snprintf", "sprintf"]

    /// A char array whose every use is as an argument of a string function, and that one of
    /// strcpy/strcat/snprintf/sprintf fills: text, so a String.
    func isTextBuffer(_ v: Int32) -> Bool {
        let t = tu.types[Int(tu.variables[Int(v)].type)]
        guard t.shape == .array, t.pointee >= 0, tu.types[Int(t.pointee)].canonicalBare == "char" else { return false }
        var written = false
        var i = fn.bodyStart
        while i < fn.bodyEnd {
            if kind(i) == .call, let name = callee(i) {
                for (k, a) in kids(i).enumerated() where kind(s(a)) == .varRef && node(s(a)).ref == v {
                    guard Self.textFunctions.contains(name) else { return false }
                    if Self.textWriters.contains(name), k == 0 { written = true }
                }
            }
            i += 1
        }
        // Every reference is a direct call argument (no indexing, no other use).
        var refs = 0, args = 0
        for j in fn.bodyStart..<fn.bodyEnd {
            if kind(j) == .varRef, node(j).ref == v { refs += 1 }
            if kind(j) == .call, callee(j) != nil { args += kids(j).filter { kind(s($0)) == .varRef && node(s($0)).ref == v }.count }
        }
        return written && refs == args
    }

    /// `fgets(buf, n, f) != NULL` or `fgets(buf, n, f)` -> (buf, f).
    /// `fgets(buf, size, file)` as a loop's condition: its operands.
    func fgetsLoop(_ c: Int32) -> (buffer: Int32, size: Int32, file: Int32)? {
        var x = s(c)
        if kind(x) == .binary, BinaryOp(rawValue: node(x).op) == .ne, let k = Optional(kids(x)), isNull(k[1]) { x = s(k[0]) }
        guard kind(x) == .call, callee(x) == "fgets" else { return nil }
        let args = kids(x)
        guard args.count == 3 else { return nil }
        return (args[0], args[1], args[2])
    }

    /// `header {` body `}` for a loop; a `continue` inside means this loop.
    func loopBlock(_ header: String, _ b: Int32) {
        line(header + " {")
        depth += 1
        continueLabel.append(nil)
        body(b)
        continueLabel.removeLast()
        depth -= 1
        line("}")
    }

    /// After the first assignment to `v` in the loop body, `v` is not read again.
    func readAfterAssign(_ v: Int32, in b: Int32) -> Bool {
        var assigned = false
        var i = b
        while i < node(b).end {
            let n = node(i)
            if n.kind == .binary, BinaryOp(rawValue: n.op) == .assign, kind(s(i + 1)) == .varRef, node(s(i + 1)).ref == v {
                // The right side is read before the store: it still sees the current node.
                assigned = true
                i = n.end
                continue
            }
            if assigned, n.kind == .varRef, n.ref == v { return true }
            i += 1
        }
        return false
    }

    /// `(c = fgetc(f)) != EOF` -> (c, f).
    func fgetcLoop(_ c: Int32) -> (Int32, Int32)? {
        let n = s(c)
        guard kind(n) == .binary, BinaryOp(rawValue: node(n).op) == .ne else { return nil }
        let k = kids(n)
        let a = s(k[0])
        guard kind(a) == .binary, BinaryOp(rawValue: node(a).op) == .assign else { return nil }
        let ak = kids(a)
        guard kind(s(ak[0])) == .varRef, let name = callee(ak[1]), name == "fgetc" || name == "getc" || name == "getchar" else { return nil }
        return (node(s(ak[0])).ref, name == "getchar" ? -1 : kids(s(ak[1]))[0])
    }

    /// The Rust reader for a C stream argument: standard input, or the file's own variable.
    func stream(_ file: Int32) -> (text: String, isStdin: Bool) {
        if file < 0 { return ("std::io::stdin().lock()", true) }
        let x = s(file)
        if kind(x) == .varRef, tu.variables[Int(node(x).ref)].name == "stdin", tu.variables[Int(node(x).ref)].storage == .global {
            return ("std::io::stdin().lock()", true)
        }
        markMutated(file)
        return (paren(expr(file), E.atom).text, false)
    }

    func forStatement(_ st: Int32) {
        // for (init; cond; inc) body: the model keeps the children in that order, with empty parts absent.
        let k = kids(st)
        guard k.count >= 2 else { line(gap("for loop shape", st) + ";"); return }
        let b = k.last!
        var initS: Int32? = nil, c: Int32? = nil, inc: Int32? = nil
        let parts = Array(k.dropLast())
        // Recover which part is which from the source order of a full `for (a; b; c)`.
        if parts.count == 3 { initS = parts[0]; c = parts[1]; inc = parts[2] }
        else if parts.count == 2 {
            if kind(parts[0]) == .declStmt || isAssignment(parts[0]) { initS = parts[0]; if isIncrement(parts[1]) { inc = parts[1] } else { c = parts[1] } }
            else { c = parts[0]; inc = parts[1] }
        } else if parts.count == 1 {
            if kind(parts[0]) == .declStmt || isAssignment(parts[0]) { initS = parts[0] } else if isIncrement(parts[0]) { inc = parts[0] } else { c = parts[0] }
        }
        if let initS, let c, let inc, rangeLoop(st, initS, c, inc, b) { return }
        if let initS, let c, let inc, listWalk(st, initS, c, inc, b) { return }
        if let initS, let c, let inc, strtokLoop(st, initS, c, inc, b) { return }
        // The general form: init; while cond { body; inc }
        line("{")
        depth += 1
        if let initS { statement(initS, following: [], isFunctionBody: false) }
        line("while \(c.map { cond($0) } ?? "true") {")
        depth += 1
        let needsLabel = inc != nil && jumpsOut(.continueStmt, from: b)
        if needsLabel {
            labelCounter += 1
            let label = "'body\(labelCounter)"
            line("\(label): {")
            depth += 1
            continueLabel.append(label)
            body(b)
            continueLabel.removeLast()
            depth -= 1
            line("}")
        } else {
            continueLabel.append(nil)
            body(b)
            continueLabel.removeLast()
        }
        if let inc { expressionStatement(inc, following: [], isFunctionBody: false) }
        depth -= 1
        line("}")
        depth -= 1
        line("}")
    }

    /// A `break` or `continue` in this subtree that leaves it: not one caught by a loop inside it
    /// (nor, for `break`, by a switch inside it).
    func jumpsOut(_ jump: NodeKind, from st: Int32) -> Bool {
        var i = st
        while i < node(st).end {
            let k = kind(i)
            if k == .whileStmt || k == .forStmt || k == .doStmt || (jump == .breakStmt && k == .switchStmt) { i = node(i).end; continue }
            if k == jump { return true }
            i += 1
        }
        return false
    }

    func isAssignment(_ n: Int32) -> Bool { kind(n) == .binary && BinaryOp(rawValue: node(n).op) == .assign }
    func isIncrement(_ n: Int32) -> Bool {
        (kind(n) == .unary && [.postInc, .preInc, .postDec, .preDec].contains(UnaryOp(rawValue: node(n).op))) || kind(n) == .compoundAssign
            || (isAssignment(n) && kind(s(kids(n)[1])) != .call)
    }

    /// The loop variable declared or assigned by a for's init part, and its start value.
    func loopInit(_ initS: Int32) -> (Int32, Int32, declared: Bool)? {
        if kind(initS) == .declStmt, let d = kids(initS).first, kind(d) == .varDecl, node(d).end > d + 1, kids(initS).count == 1 {
            return (node(d).ref, kids(d).last!, true)
        }
        if isAssignment(initS), kind(s(initS + 1)) == .varRef { return (node(s(initS + 1)).ref, kids(initS)[1], false) }
        return nil
    }

    /// Stored to, incremented or lent by address in the subtree.
    func assigns(_ v: Int32, in b: Int32) -> Bool {
        anyNode(in: b) { i in
            if let t = storeTarget(i) { return isVar(t, v) }
            return kind(i) == .unary && [.postInc, .postDec, .preInc, .preDec, .addressOf].contains(UnaryOp(rawValue: node(i).op)) && isVar(s(i + 1), v)
        }
    }

    func usedAfter(_ v: Int32, _ n: Int32) -> Bool {
        var i = node(n).end
        while i < fn.bodyEnd {
            if kind(i) == .varRef, node(i).ref == v {
                // Assigned before read: a new value.
                let p = parentAssign(i)
                if !p { return true }
            }
            i += 1
        }
        return false
    }

    func parentAssign(_ ref: Int32) -> Bool {
        // The varRef is the first child of an assignment whose node starts just before it.
        var j = ref - 1
        while j >= fn.bodyStart, kind(j) == .implicit { j -= 1 }
        return j >= fn.bodyStart && kind(j) == .binary && BinaryOp(rawValue: node(j).op) == .assign && s(j + 1) == ref
    }

    /// for (int i = a; i < b; i++) -> for i in a..b
    func rangeLoop(_ st: Int32, _ initS: Int32, _ c: Int32, _ inc: Int32, _ b: Int32) -> Bool {
        guard let (v, start, declared) = loopInit(initS) else { return false }
        let type = declared ? declaredType(v) : (bindings[v]?.type ?? .scalar("i32"))
        guard type.isInteger else { return false }
        let incN = s(inc)
        guard kind(incN) == .unary, [.postInc, .preInc].contains(UnaryOp(rawValue: node(incN).op)), kind(s(incN + 1)) == .varRef,
              node(s(incN + 1)).ref == v else { return false }
        let cn = s(c)
        guard kind(cn) == .binary, let op = BinaryOp(rawValue: node(cn).op), op == .lt || op == .le else { return false }
        let ck = kids(cn)
        guard kind(s(ck[0])) == .varRef, node(s(ck[0])).ref == v else { return false }
        if assigns(v, in: b) { return false }
        // The bound must not change in the body.
        var i = ck[1]
        while i < node(ck[1]).end {
            // strlen of a string the body leaves alone is as fixed as a variable.
            if kind(i) == .call, callee(i) != "strlen" { return false }
            if kind(i) == .call, let a = kids(i).first, kind(s(a)) == .varRef, writesElements(of: node(s(a)).ref, in: b) { return false }
            if kind(i) == .varRef, assigns(node(i).ref, in: b) { return false }
            if kind(i) == .member, assignsField(node(i).ref, in: b) { return false }
            i += 1
        }
        if !declared, usedAfter(v, st) { return false }
        let name = UnitContext.ident(tu.variables[Int(v)].name)
        let saved = bindings[v]
        bindings[v] = Binding(name: name, type: type)
        let definesBefore = unit.usedDefines
        var lo = coerce(expr(start), to: type, at: start)
        let hi = coerce(expr(ck[1]), to: type, at: ck[1])
        // `for (long n = 50000; n < 50003; n++)`: a range of two literals is an `i32` unless one says otherwise.
        if type != .scalar("i32"), case .scalar(let t) = type, Int64(lo) != nil, Int64(hi) != nil { lo += t }
        if op == .lt {
            let bound = s(ck[1])
            if kind(bound) == .varRef, let text = lengthOf[node(bound).ref] { rangeBound[v] = text + ".len()" } else { rangeBound[v] = hi }
        }
        defer { rangeBound[v] = nil }
        if declared { loopBound.insert(v) }
        declaredTypes[v] = type
        // Only ever `a[i]`, read, from 0: iterate over the elements themselves.
        if declared, op == .lt, kind(s(start)) == .intLiteral, node(s(start)).value == 0, let (base, elem) = onlyIndexes(v, in: b) {
            let baseE = expr(base)
            var item = baseE.text.hasSuffix("s") && baseE.text.count > 2 && baseE.text.allSatisfy({ $0.isLetter || $0 == "_" })
                ? String(baseE.text.dropLast()) : "item"
            if bindings.values.contains(where: { $0.name == item }) || UnitContext.keywords.contains(item) { item += "_item" }
            var whole = false
            if case .array(_, let count) = baseE.type, let bound = Int64(unit.defines[hi]?.text ?? hi), bound == count {
                whole = true
                unit.usedDefines = definesBefore   // the bound is the array's own length
            }
            let range = whole ? "&\(baseE.text)" : "&\(paren(baseE, E.atom).text)[..\(coerce(expr(ck[1]), to: .scalar("usize"), at: ck[1]))]"
            indexAlias[v] = (baseE.text, E(text: item, type: .ref(elem, mutable: false), prec: E.atom))
            loopBlock("for \(item) in \(range)", b)
            indexAlias[v] = nil
            if let saved { bindings[v] = saved } else if declared { bindings[v] = nil }
            return true
        }
        loopBlock("for \(mentions(b, v) ? name : "_" + (name.hasPrefix("r#") ? String(name.dropFirst(2)) : name)) in \(lo)\(op == .le ? "..=" : "..")\(hi)", b)
        if let saved { bindings[v] = saved } else if declared { bindings[v] = nil }
        return true
    }

    /// Every use of `v` in the body is `a[v]`, the same `a` (a local buffer, no calls in it), read
    /// only: the base node and the element type.
    func onlyIndexes(_ v: Int32, in b: Int32) -> (Int32, IdiomType)? {
        var uses = 0, indexed = 0
        var base: Int32? = nil
        var baseVar: Int32 = -1
        var i = b
        while i < node(b).end {
            if kind(i) == .varRef, node(i).ref == v { uses += 1 }
            if kind(i) == .subscript_, let idx = kids(i).last, kind(s(idx)) == .varRef, node(s(idx)).ref == v {
                guard let a = kids(i).first, kind(s(a)) == .varRef else { return nil }
                let av = node(s(a)).ref
                if base == nil { base = s(a); baseVar = av } else if baseVar != av { return nil }
                indexed += 1
            }
            // Written through a[v] (or a[v].field): not a read-only walk.
            let k = kind(i)
            if (k == .binary && BinaryOp(rawValue: node(i).op) == .assign) || k == .compoundAssign
                || (k == .unary && [.postInc, .preInc, .postDec, .preDec, .addressOf].contains(UnaryOp(rawValue: node(i).op))) {
                var t = s(i + 1)
                while kind(t) == .member { t = s(t + 1) }
                if kind(t) == .subscript_, let idx = kids(t).last, kind(s(idx)) == .varRef, node(s(idx)).ref == v { return nil }
            }
            i += 1
        }
        guard let base, uses == indexed, !assigns(baseVar, in: b), let bt = bindings[baseVar]?.type else { return nil }
        switch bt {
        case .vec(let e), .array(let e, _), .slice(let e, _): return (base, e)
        default: return nil
        }
    }

    /// `v[i] = ...` (or `v[i].f = ...`) somewhere in the body.
    func writesElements(of v: Int32, in b: Int32) -> Bool {
        anyNode(in: b) { i in
            guard var t = storeTarget(i) else { return false }
            while kind(t) == .member { t = s(t + 1) }
            guard kind(t) == .subscript_, let a = kids(t).first else { return false }
            return isVar(s(a), v)
        }
    }

    func assignsField(_ f: Int32, in b: Int32) -> Bool {
        anyNode(in: b) { i in storeTarget(i).map { kind($0) == .member && node($0).ref == f } ?? false }
    }

    /// for (n = head; n != NULL; n = n->next) -> for n in successors(head, |n| n.next.as_deref())
    func listWalk(_ st: Int32, _ initS: Int32, _ c: Int32, _ inc: Int32, _ b: Int32) -> Bool {
        guard let (v, start, declared) = loopInit(initS), tu.isPointer(tu.variables[Int(v)].type) else { return false }
        guard let t = nullTest(c), !t.isNull, t.variable == v else { return false }
        let incN = s(inc)
        guard isAssignment(incN), kind(s(incN + 1)) == .varRef, node(s(incN + 1)).ref == v else { return false }
        let rhs = s(kids(incN)[1])
        guard kind(rhs) == .member, kind(s(rhs + 1)) == .varRef, node(s(rhs + 1)).ref == v else { return false }
        if assigns(v, in: b) || (!declared && usedAfter(v, st)) { return false }
        let field = node(rhs).ref
        guard let rec = unit.recordOf(pointer: tu.fields[Int(field)].type), let plan = unit.structs[rec] else { return false }
        let startE = expr(start)
        let first = coerce(startE, to: .option(.ref(.named(plan.name), mutable: false)), at: start)
        let fname = UnitContext.ident(tu.fields[Int(field)].name)
        let name = UnitContext.ident(tu.variables[Int(v)].name)
        let ft = plan.fields.first { $0.field == field }?.type ?? .unit
        let step: String
        switch ft {
        case .option(.box): step = "\(name).\(fname).as_deref()"
        case .option(.ref): step = "\(name).\(fname)"
        case .box: step = "Some(&*\(name).\(fname))"
        default: return false
        }
        if declared { loopBound.insert(v) }
        let saved = bindings[v]
        bindings[v] = Binding(name: name, type: .ref(.named(plan.name), mutable: false))
        declaredTypes[v] = .ref(.named(plan.name), mutable: false)
        let loopName = mentions(b, v) ? name : "_" + (name.hasPrefix("r#") ? String(name.dropFirst(2)) : name)
        loopBlock("for \(loopName) in std::iter::successors(\(first), |\(name)| \(step))", b)
        bindings[v] = saved
        return true
    }

    /// for (tok = strtok(s, d); tok != NULL; tok = strtok(NULL, d)) -> for tok in s.split(...)
    func strtokLoop(_ st: Int32, _ initS: Int32, _ c: Int32, _ inc: Int32, _ b: Int32) -> Bool {
        guard let (v, start, declared) = loopInit(initS), callee(start) == "strtok" else { return false }
        guard let t = nullTest(c), !t.isNull, t.variable == v else { return false }
        let incN = s(inc)
        guard isAssignment(incN), callee(kids(incN)[1]) == "strtok" else { return false }
        let args = kids(s(start))
        let text = expr(args[0])
        let delims = expr(args[1])
        if assigns(v, in: b) || (!declared && usedAfter(v, st)) { return false }
        let name = UnitContext.ident(tu.variables[Int(v)].name)
        if declared { loopBound.insert(v) }
        let saved = bindings[v]
        bindings[v] = Binding(name: name, type: .str)
        declaredTypes[v] = .str
        loopBlock("for \(name) in \(paren(text, E.atom).text).split(|c: char| \(delims.text).contains(c)).filter(|t| !t.is_empty())", b)
        bindings[v] = saved
        return true
    }

    // MARK: switch

    /// `switch (v.kind)` on a tagged union: a match whose arms bind the member they read.
    func taggedSwitch(_ st: Int32, _ tg: TaggedUnion, _ tagNode: Int32) -> Bool {
        let k = kids(st)
        var arms: [(constants: [String], isDefault: Bool, body: [Int32])] = []
        func collect(_ n: Int32) {
            if kind(n) == .caseStmt {
                let ck = kids(n)
                let c = s(ck[0])
                guard kind(c) == .enumConstRef else { return }
                let name = tu.strings[Int(node(c).ref)]
                if let last = arms.last, last.body.isEmpty, !last.isDefault { arms[arms.count - 1].constants.append(name) } else { arms.append(([name], false, [])) }
                if ck.count > 1 { collect(ck[1]) }
            } else if kind(n) == .defaultStmt {
                arms.append(([], true, []))
                if let c = kids(n).first { collect(c) }
            } else if !arms.isEmpty {
                arms[arms.count - 1].body.append(n)
            }
        }
        let bodyNode = k[1]
        for c in (kind(bodyNode) == .compound ? kids(bodyNode) : [bodyNode]) { collect(c) }
        guard arms.allSatisfy({ $0.isDefault || $0.constants.allSatisfy { tg.variant(constant: $0) != nil } }) else { return false }
        // Breaks from inside an arm, or arms running into the next: the plain switch handles those.
        for (ai, arm) in arms.enumerated() {
            var b = arm.body
            if let l = b.last, kind(l) == .breakStmt { b.removeLast() }
            if b.contains(where: { jumpsOut(.breakStmt, from: $0) }) { return false }
            if ai < arms.count - 1, let l = arm.body.last, kind(l) != .breakStmt, !exits(l) { return false }
        }
        // Only now, when the match will be written: evaluating it may emit lines and notes.
        let base = expr(tagNode + 1)
        let scrutinee: String
        if case .ref = base.type { scrutinee = base.text } else { scrutinee = "&" + paren(base, E.unary).text }
        line("match \(scrutinee) {")
        depth += 1
        var covered = Set<String>()
        let named = Set(arms.flatMap { $0.constants })
        let allCovered = tg.variants.allSatisfy { named.contains($0.constant) }
        for arm in arms {
            // Every kind has its arm: a `default:` can never run in Rust.
            if arm.isDefault, allCovered { continue }
            var stmts = arm.body
            if let last = stmts.last, kind(last) == .breakStmt { stmts.removeLast() }
            var pattern: String
            let saved = armBindings
            if arm.isDefault {
                pattern = "_"
            } else {
                let vs = arm.constants.compactMap { tg.variant(constant: $0) }
                covered.formUnion(vs.map(\.name))
                if vs.count == 1, let v = vs.first, let m = v.member, let payload = v.payload,
                   stmts.contains(where: { st in (st..<node(st).end).contains { kind($0) == .member && node($0).ref == m } }) {
                    let bind = UnitContext.ident(tu.fields[Int(m)].name)
                    pattern = "\(tg.name)::\(v.name)(\(bind))"
                    armBindings[m] = payload.isCopy ? E(text: "*\(bind)", type: payload, prec: E.unary) : E(text: bind, type: payload, prec: E.atom)
                } else {
                    pattern = vs.map { "\(tg.name)::\($0.name)\($0.payload == nil ? "" : "(..)")" }.joined(separator: " | ")
                }
            }
            line("\(pattern) => {")
            depth += 1
            block(children: stmts)
            depth -= 1
            line("}")
            armBindings = saved
        }
        if !arms.contains(where: { $0.isDefault }), covered.count < tg.variants.count { line("_ => {}") }
        depth -= 1
        line("}")
        return true
    }

    func switchStatement(_ st: Int32) {
        let k = kids(st)
        let tagNode = s(k[0])
        if kind(tagNode) == .member, let tg = unit.taggedUnion(tagField: node(tagNode).ref), taggedSwitch(st, tg, tagNode) { return }
        let scrutinee = expr(k[0])
        line("match \(scrutinee.text) {")
        depth += 1
        // Cases: case nodes hold their value and the first statement; statements follow until break.
        var arms: [(labels: [String], body: [Int32])] = []
        func collect(_ n: Int32) {
            if kind(n) == .caseStmt {
                let ck = kids(n)
                var label = expr(ck[0]).text
                if case .named = scrutinee.type {} else if scrutinee.type.isInteger, kind(s(ck[0])) == .charLiteral { label = "\(label)" }
                if let last = arms.last, last.body.isEmpty { arms[arms.count - 1].labels.append(label) } else { arms.append(([label], [])) }
                if ck.count > 1 { collect(ck[1]) }
            } else if kind(n) == .defaultStmt {
                if let last = arms.last, last.body.isEmpty { arms[arms.count - 1].labels.append("_") } else { arms.append((["_"], [])) }
                if let c = kids(n).first { collect(c) }
            } else if !arms.isEmpty {
                arms[arms.count - 1].body.append(n)
            }
        }
        let bodyNode = k[1]
        for c in (kind(bodyNode) == .compound ? kids(bodyNode) : [bodyNode]) { collect(c) }
        var hasDefault = false
        for (ai, arm) in arms.enumerated() {
            let labels = arm.labels.contains("_") ? "_" : arm.labels.joined(separator: " | ")
            if labels == "_" { hasDefault = true }
            line("\(labels) => {")
            depth += 1
            var stmts = arm.body
            if let last = stmts.last, kind(last) == .breakStmt { stmts.removeLast() }
            // A `break` that leaves the switch from inside the arm would leave the loop in Rust,
            // and an arm that runs on into the next one has no match form: both stay untranslated.
            if stmts.contains(where: { jumpsOut(.breakStmt, from: $0) }) {
                line(gap("a break out of a switch from inside a case", st) + ";")
            } else if ai < arms.count - 1, !arm.body.isEmpty, let last = arm.body.last, kind(last) != .breakStmt, !exits(last) {
                line(gap("a switch case that falls through into the next", st) + ";")
            } else {
                block(children: stmts)
            }
            depth -= 1
            line("}")
        }
        if !hasDefault { line("_ => {}") }
        depth -= 1
        line("}")
    }


    // MARK: expression statements

    func expressionStatement(_ st: Int32, following: [Int32], isFunctionBody: Bool) {
        needsUnsafe = false
        let before = lines.count
        expressionStatementBody(st, following: following, isFunctionBody: isFunctionBody)
        if needsUnsafe, lines.count == before + 1 {
            // A store through a raw pointer: the smallest unsafe block around the statement.
            let text = lines[before].trimmingCharacters(in: .whitespaces)
            lines.removeLast()
            line("// SAFETY: \(unsafeReason); the C writes through it here, so it must point to a live value.")
            line("unsafe { \(text) }")
            unsafeBlocks += 1
        }
        needsUnsafe = false
    }

    func expressionStatementBody(_ st: Int32, following: [Int32], isFunctionBody: Bool) {
        let n = s(st)
        let nd = node(n)
        // (void)x;
        if nd.kind == .cast, node(n).type >= 0, tu.types[Int(node(n).type)].shape == .void {
            // (void)x: the C's way of saying "unused on purpose".
            let x = s(n + 1)
            if kind(x) == .varRef, !(isMain && tu.variables[Int(node(x).ref)].storage == .parameter) { line("let _ = \(expr(x).text);") }
            return
        }
        if nd.kind == .unary, let op = UnaryOp(rawValue: nd.op), [.postInc, .preInc, .postDec, .preDec].contains(op) {
            if let r = refcountTarget(n + 1) { line("// \(r): counted by Rc"); return }
            if tu.isPointer(node(s(n + 1)).type) {
                let up = op == .postInc || op == .preInc
                if kind(s(n + 1)) == .varRef, let b = bindings[node(s(n + 1)).ref] {
                    switch b.type {
                    case .raw:
                        markMutated(n + 1)
                        line("\(b.name) = \(b.name).\(up ? "wrapping_add" : "wrapping_sub")(1);")
                        return
                    case .slice where up, .str where up:
                        // A cursor into a buffer moves on: the rest of it.
                        markMutated(n + 1)
                        line("\(b.name) = &\(b.name)[1..];")
                        return
                    default: break
                    }
                }
                line(gap("pointer increment", n) + ";")
                return
            }
            let target = lvalue(n + 1)
            if target.text.contains("todo!(") { line(target.text.hasPrefix("todo!(") ? target.text + ";" : gap("increment of an untranslated place", n) + ";"); return }
            line("\(target.text) \(op == .postInc || op == .preInc ? "+=" : "-=") 1;")
            return
        }
        if nd.kind == .binary, let op = BinaryOp(rawValue: nd.op) {
            if op == .assign, taggedStore(n, following: following) { return }
            if op == .assign, case .resultOut(let k, let ok) = plan.kind, kind(s(n + 1)) == .unary, UnaryOp(rawValue: node(s(n + 1)).op) == .deref,
               kind(s(s(n + 1) + 1)) == .varRef, node(s(s(n + 1) + 1)).ref == fn.params[k], let ret = following.first {
                consumed.insert(ret)
                let value = "Ok(\(coerce(expr(kids(n)[1]), to: ok, at: kids(n)[1])))"
                line(node(ret).end == fn.bodyEnd ? value : "return \(value);")
                return
            }
            if op == .assign { assignment(n); return }
            if op.rawValue >= BinaryOp.mulAssign.rawValue && op.rawValue <= BinaryOp.orAssign.rawValue {
                compoundAssignment(n, op); return
            }
            if op == .comma { for c in kids(n) { expressionStatement(c, following: [], isFunctionBody: false) }; return }
        }
        if nd.kind == .compoundAssign {
            compoundAssignment(n, BinaryOp(rawValue: nd.op) ?? .other); return
        }
        if nd.kind == .call, let name = callee(n) {
            if releaseStatement(n, name, following: following, isFunctionBody: isFunctionBody) { return }
        }
        let e = expr(n)
        if e.text.isEmpty { return }
        if e.type.description.hasPrefix("Result") { line("let _ = \(e.text);"); return }
        if e.type != .unit, nd.kind == .call, !e.text.hasPrefix("print") , !e.text.hasPrefix("eprint"), e.type.isScalar || e.type.isOption {
            line("let _ = \(e.text);")
            return
        }
        line(e.text + ";")
    }

    /// `v.kind = K; v.as.m = x;` -> `v = Name::Variant(x);`
    func taggedStore(_ n: Int32, following: [Int32]) -> Bool {
        let lhs = s(n + 1)
        guard kind(lhs) == .member, let tg = unit.taggedUnion(tagField: node(lhs).ref), let rhs = kids(n).last,
              kind(s(rhs)) == .enumConstRef, let v = tg.variant(constant: tu.strings[Int(node(s(rhs)).ref)]) else { return false }
        var payload: String? = nil
        if let next = following.first(where: { !consumed.contains($0) }), kind(next) == .binary, BinaryOp(rawValue: node(next).op) == .assign,
           kind(s(next + 1)) == .member, let m = v.member, node(s(next + 1)).ref == m, let value = kids(next).last {
            consumed.insert(next)
            let want = v.payload ?? .unit
            if let a = allocation(value, for: want) { payload = a } else { payload = coerce(expr(value), to: want, at: value) }
        }
        let place = lvalue(lhs + 1)
        let data = v.payload == nil ? "" : "(\(payload ?? zero(v.payload!)))"
        var target = place.text
        switch place.type {
        case .ref, .box: target = "*" + paren(place, E.unary).text   // stored through the pointer
        default: break
        }
        line("\(target) = \(tg.name)::\(v.name)\(data);")
        return true
    }

    struct Cleanup { var label: Int64; var name: String; var returns: Int32? }

    /// `label: releases...; return X;` at the end of the body, every goto going there.
    func findCleanup() -> Cleanup? {
        let top = kids(fn.bodyStart)
        guard let li = top.firstIndex(where: { kind($0) == .labelStmt }) else { return nil }
        let label = top[li]
        let labelID = node(label).value
        var rest = Array(top[(li + 1)...])
        if let inner = kids(label).first { rest.insert(inner, at: 0) }
        var ret: Int32? = nil
        if let last = rest.last, kind(last) == .returnStmt { ret = node(last).end > last + 1 ? last + 1 : nil; rest.removeLast() }
        else if plan.returns != .unit { return nil }
        guard rest.allSatisfy(releasesOnly) else { return nil }
        // Every goto of the function goes there, and no other label exists.
        for i in fn.bodyStart..<fn.bodyEnd {
            if kind(i) == .gotoStmt, node(i).value != labelID { return nil }
            if kind(i) == .labelStmt, i != label { return nil }
        }
        let name = labelName(label) ?? "cleanup"
        return Cleanup(label: labelID, name: name, returns: ret)
    }

    func labelName(_ l: Int32) -> String? { unit.identifier(at: node(l).loc) }

    /// A statement that only releases (calls to release or destroy functions, possibly under a
    /// test or in a loop over the owners).
    func releasesOnly(_ st: Int32) -> Bool {
        switch kind(st) {
        case .nullStmt: return true
        case .compound: return kids(st).allSatisfy(releasesOnly)
        case .ifStmt: return kids(st).dropFirst().allSatisfy(releasesOnly)
        case .forStmt, .whileStmt: return kids(st).last.map(releasesOnly) ?? true
        default: return isReleaseStatement(st)
        }
    }

    func emitCleanupReturn(_ c: Cleanup, at st: Int32) {
        if isMain {
            let code = c.returns.map { coerce(expr($0), to: .scalar("i32"), at: $0) } ?? "0"
            line("std::process::exit(\(code));")
            return
        }
        guard let r = c.returns else { if kind(st) != .labelStmt { line("return;") }; return }
        let value = coerce(expr(r), to: plan.returns, at: r)
        // The cleanup's own return ends the body: a tail expression there.
        if kind(st) == .labelStmt { line(value) } else { line("return \(value);") }
    }

    /// A release: gone at the end of the owner's scope, `drop(x)` elsewhere.
    func releaseStatement(_ n: Int32, _ name: String, following: [Int32], isFunctionBody: Bool) -> Bool {
        var isRelease = unit.isReleaseCall(name)
        if !isRelease, let p = unit.plans[node(n).ref], case .destructor = p.kind { isRelease = true }
        guard isRelease, let arg = kids(n).first else { return false }
        var a = s(arg)
        if kind(a) == .unary, UnaryOp(rawValue: node(a).op) == .addressOf { a = s(a + 1) }
        if isNull(arg) { return true }
        if kind(a) == .member, node(a).ref >= 0, unit.taggedUnion(unionRecord: tu.fields[Int(node(a).ref)].record) != nil {
            line("// \(name)(...\(tu.fields[Int(node(a).ref)].name)): the variant's data is dropped with it.")
            return true
        }
        // Only owners are dropped: freeing a borrowed pointer is not translated.
        let e = expr(a)
        let owner: Bool
        switch e.type { case .box, .option, .vec, .string, .rc, .named: owner = true; default: owner = false }
        // What the release function takes in Rust; anything else is the C's mistake.
        let expected = releasedType(name)
        if strict, let expected, !releases(name, e.type) {
            line("drop::<\(expected)>(\(e.text));")
            return true
        }
        if owner, expected != nil, !releases(name, e.type) {
            line("// \(name)(\(e.text)): a \(e.type) is not what \(name) releases; Rust drops it with its scope.")
            return true
        }
        if !owner {
            line("// \(name)(\(tu.variables.indices.contains(Int(node(a).ref)) && kind(a) == .varRef ? tu.variables[Int(node(a).ref)].name : "...")): not an owner in Rust; nothing to release.")
            return true
        }
        if isTailRelease(following, isFunctionBody: isFunctionBody) && e.place != .field && !unit.input.strict { return true }
        if e.place == .field {
            if case .option = e.type { markMutated(a); line("\(e.text) = None;") } else { line("// \(name): released with its owner") }
            return true
        }
        line("drop(\(e.text));")
        return true
    }

    func releasedType(_ name: String) -> String? {
        switch name {
        case "free", "g_free": return "Box<_>"
        case "fclose": return "BufReader<File>"
        case "zmq_close": return "zmq::Socket"
        case "zmq_ctx_destroy", "zmq_ctx_term": return "zmq::Context"
        case "zmq_msg_close": return "zmq::Message"
        default: return nil
        }
    }

    /// Whether a release function takes an owner of this Rust type.
    func releases(_ name: String, _ t: IdiomType) -> Bool {
        let u = t.unwrapped
        switch name {
        case "free", "g_free":
            switch u { case .box, .vec, .string, .rc: return true; default: return false }
        case "fclose": return u.description.contains("File")
        case "zmq_close": return u == .named("zmq::Socket")
        case "zmq_ctx_destroy", "zmq_ctx_term": return u == .named("zmq::Context")
        case "zmq_msg_close": return u == .named("zmq::Message")
        default: return true
        }
    }

    func refcountTarget(_ n: Int32) -> String? {
        let t = s(n)
        guard kind(t) == .member else { return nil }
        for (_, p) in unit.structs where p.refcount == node(t).ref { return tu.fields[Int(node(t).ref)].name }
        return nil
    }

    func assignment(_ n: Int32) {
        let k = kids(n)
        let lhsN = s(k[0]), rhsN = k[1]
        if refcountTarget(lhsN) != nil { return }
        // p = realloc(p, n * sizeof *p) on a Vec: resize.
        if callee(rhsN) == "realloc", let lb = lhsBinding(lhsN), case .vec(let e) = lb.type.unwrapped {
            let args = kids(s(rhsN))
            if let count = countOf(args[1]) {
                markMutated(lhsN)
                line("\(lb.name).resize(\(coerce(expr(count), to: .scalar("usize"), at: count)), \(zero(e)));")
                return
            }
        }
        // buf = format!(...) for snprintf is handled as a call statement.
        let lhs = lvalue(lhsN)
        if lhs.text.hasPrefix("todo!(") { line(lhs.text + ";"); return }
        var rhs: E
        if let a = allocation(rhsN, for: lhs.type) { rhs = E(text: a, type: lhs.type.unwrapped, prec: E.atom) }
        else { rhs = expr(rhsN) }
        if isNull(rhsN) { rhs = E(text: "None", type: lhs.type, prec: E.atom) }
        line("\(lhs.text) = \(coerce(rhs, to: lhs.type, at: rhsN));")
    }

    func lhsBinding(_ n: Int32) -> Binding? {
        guard kind(n) == .varRef else { return nil }
        return bindings[node(n).ref]
    }

    func compoundAssignment(_ n: Int32, _ op: BinaryOp) {
        let k = kids(n)
        let lhs = lvalue(k[0])
        if lhs.text.contains("todo!(") { line(lhs.text.hasPrefix("todo!(") ? lhs.text + ";" : gap("assignment to an untranslated place", n) + ";"); return }
        let rhs = expr(k[1])
        let sym: String
        switch op {
        case .mulAssign: sym = "*="
        case .divAssign: sym = "/="
        case .remAssign: sym = "%="
        case .addAssign: sym = "+="
        case .subAssign: sym = "-="
        case .shlAssign: sym = "<<="
        case .shrAssign: sym = ">>="
        case .andAssign: sym = "&="
        case .xorAssign: sym = "^="
        case .orAssign: sym = "|="
        default: line(gap("compound assignment", n) + ";"); return
        }
        switch lhs.type {
        case .slice, .str:
            // A cursor into a buffer moves on by n.
            if op == .addAssign { line("\(lhs.text) = &\(lhs.text)[\(coerce(rhs, to: .scalar("usize"), at: k[1]))..];"); return }
            line(gap("moving a buffer cursor backwards", n) + ";"); return
        case .raw:
            if op == .addAssign || op == .subAssign {
                line("\(lhs.text) = \(lhs.text).\(op == .addAssign ? "wrapping_add" : "wrapping_sub")(\(coerce(rhs, to: .scalar("usize"), at: k[1])));")
                return
            }
        default: break
        }
        if lhs.type.isUnsigned, op == .addAssign || op == .subAssign || op == .mulAssign {
            let m = op == .addAssign ? "wrapping_add" : op == .subAssign ? "wrapping_sub" : "wrapping_mul"
            line("\(lhs.text) = \(lhs.text).\(m)(\(coerce(rhs, to: lhs.type, at: k[1])));")
            return
        }
        line("\(lhs.text) \(sym) \(coerce(rhs, to: op == .shlAssign || op == .shrAssign ? rhs.type : lhs.type, at: k[1]));")
    }
}
