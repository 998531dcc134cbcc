import Foundation
import CModel
import Diagnostics
import Ownership

/// What the emitter needs: one lowered unit, the ownership decisions, the checker's findings
/// and the main file's text (for `#define` constants and macro names at their use sites).
public struct TranslationInput: Sendable {
    public var unit: TranslationUnit
    public var facts: ProgramFacts
    public var refcounted: Set<String>
    public var diagnostics: [Diagnostic]
    public var source: String
    /// `--strict`: moves and borrows translated literally, so that rustc rejects the C's bugs.
    public var strict: Bool
    /// The library models: a function's `rust` template says what a call to it becomes.
    public var library: LibraryModel
    public init(unit: TranslationUnit, facts: ProgramFacts, refcounted: Set<String>, diagnostics: [Diagnostic],
                source: String, library: LibraryModel, strict: Bool = false) {
        self.unit = unit; self.facts = facts; self.refcounted = refcounted; self.diagnostics = diagnostics
        self.source = source; self.library = library; self.strict = strict
    }
}

/// The emitted Rust and what building it needs.
public struct RustTranslation: Sendable {
    public var code: String
    /// Crates the code uses besides std (`zmq`).
    public var crates: [String]
    /// Has a `main` (a binary) rather than being a library.
    public var isProgram: Bool
    /// `unsafe` blocks the code contains.
    public var unsafeBlocks: Int
    /// C constructs that were not translated (each also marked in the code).
    public var gaps: [String]
    /// Which tier wrote it.
    public var tier: Tier = .idiomatic
    /// What the translation wants the user to know (which tier, why, whether rustc checked it).
    public var notes: [String] = []

    public enum Tier: String, Sendable { case idiomatic, faithful }
}

/// The emitter stage: C model + ownership decisions -> the Rust a person would write.
/// Pure Swift over CModel and the ownership facts; it never calls libclang.
public enum RustEmitter {
    public static func translate(_ input: TranslationInput) -> RustTranslation {
        let unit = UnitContext(input)
        return unit.emit()
    }
}

/// A C function's Rust shape.
struct FunctionPlan {
    enum Kind {
        case normal
        /// Only releases what its parameters own: its Rust form is dropping them.
        case destructor
        /// Increments a reference count and returns its parameter: `Rc::clone`.
        case acquire
        /// A `qsort` comparator: `const void *` parameters become `&T`.
        case comparator(IdiomType)
        /// Returns a status code and, on success (0), a value through one out-parameter:
        /// `Result<T, i32>`, the out-parameter gone from the signature.
        case resultOut(param: Int, ok: IdiomType)
        case main
    }
    var kind: Kind
    var name: String
    var params: [(name: String, type: IdiomType)]
    var returns: IdiomType
    var facts: FunctionFacts?
}

/// A Rust struct for a C record.
struct StructPlan {
    var name: String
    var fields: [(cName: String, name: String, type: IdiomType, field: Int32)]
    var refcount: Int32?       // the counter field, dropped in Rust (Rc counts)
    var interiorMutable: Bool  // shared and written after construction: Rc<RefCell<T>>
    var copy: Bool
    var facts: StructFacts?
}

final class UnitContext {
    let input: TranslationInput
    let tu: TranslationUnit
    var structs: [Int32: StructPlan] = [:]        // by record id
    var structByName: [String: Int32] = [:]
    var plans: [Int32: FunctionPlan] = [:]          // by function id
    var defines: [String: Define] = [:]
    var usedDefines: Set<String> = []
    var usedEnumConsts: [String: Int64] = [:]
    var helpers: Set<String> = []
    var imports: Set<String> = []
    var crates: Set<String> = []
    var gaps: [String] = []
    let lines: [Substring]
    var diagnosticsByLine: [Int: [Diagnostic]] = [:]
    var nullability = Nullability()
    /// Structs that are a kind beside a union: Rust enums.
    var tagged: [Int32: TaggedUnion] = [:]

    func taggedUnion(tagField f: Int32) -> TaggedUnion? { tagged.values.first { $0.tagField == f } }
    func taggedUnion(unionRecord r: Int32) -> TaggedUnion? { tagged.values.first { $0.unionRecord == r } }

    struct Define { var name: String; var text: String; var isString: Bool; var isFloat: Bool; var unsignedSuffix: Bool }

    /// Has a `main`: a binary; otherwise a library whose items are `pub`.
    var isProgram: Bool { tu.functions.contains { $0.name == "main" && $0.hasBody && $0.loc.file == 0 } }

    init(_ input: TranslationInput) {
        self.input = input
        self.tu = input.unit
        self.lines = input.source.split(separator: "\n", omittingEmptySubsequences: false)
        for d in input.diagnostics where d.file == tu.mainFile { diagnosticsByLine[d.line, default: []].append(d) }
        readDefines()
        planStructs()
        nullability = Nullability(self)
        planFunctions()
    }

    // MARK: source text

    /// `#define NAME literal` lines of the main file: they become `const`s.
    func readDefines() {
        for raw in lines {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard line.hasPrefix("#define ") || line.hasPrefix("# define ") else { continue }
            let rest = line.drop(while: { $0 != "e" }).dropFirst(6).trimmingCharacters(in: .whitespaces)
            let parts = rest.split(separator: " ", maxSplits: 1).map(String.init)
            guard parts.count == 2, let first = parts[0].first, first.isLetter || first == "_",
                  parts[0].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), !parts[0].hasPrefix("_") else { continue }
            var value = parts[1].trimmingCharacters(in: .whitespaces)
            if let c = value.range(of: "//") { value = String(value[..<c.lowerBound]).trimmingCharacters(in: .whitespaces) }
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                defines[parts[0]] = Define(name: parts[0], text: value, isString: true, isFloat: false, unsignedSuffix: false)
                continue
            }
            var digits = value
            var unsignedSuffix = false
            while let l = digits.last, "uUlL".contains(l) { if "uU".contains(l) { unsignedSuffix = true }; digits.removeLast() }
            if Int64(digits) != nil || (digits.hasPrefix("0x") && Int64(digits.dropFirst(2), radix: 16) != nil) {
                defines[parts[0]] = Define(name: parts[0], text: digits, isString: false, isFloat: false, unsignedSuffix: unsignedSuffix)
            } else if Double(digits) != nil, digits.contains(".") {
                defines[parts[0]] = Define(name: parts[0], text: digits, isString: false, isFloat: true, unsignedSuffix: false)
            }
        }
    }

    /// The identifier written at a location of the main file (a macro's name at its use).
    func identifier(at loc: SourceLoc) -> String? {
        guard loc.file == 0, loc.line >= 1, Int(loc.line) <= lines.count else { return nil }
        let line = lines[Int(loc.line) - 1]
        let chars = Array(line.utf8)
        var i = Int(loc.column) - 1
        guard i >= 0, i < chars.count else { return nil }
        var out: [UInt8] = []
        while i < chars.count, chars[i] == UInt8(ascii: "_") || (chars[i] >= 48 && chars[i] <= 57) || (chars[i] | 0x20 >= 97 && chars[i] | 0x20 <= 122) {
            out.append(chars[i]); i += 1
        }
        return out.isEmpty ? nil : String(decoding: out, as: UTF8.self)
    }

    /// The source text from a location to the end of its line (for `sizeof x`).
    func text(at loc: SourceLoc) -> Substring? {
        guard loc.file == 0, loc.line >= 1, Int(loc.line) <= lines.count else { return nil }
        let line = lines[Int(loc.line) - 1]
        let start = max(0, Int(loc.column) - 1)
        guard start <= line.utf8.count else { return nil }
        return Substring(line.utf8.dropFirst(start))
    }

    // MARK: names

    static let keywords: Set<String> = ["as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for",
        "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self", "Self", "static",
        "struct", "super", "trait", "true", "type", "unsafe", "use", "where", "while", "async", "await", "dyn", "abstract",
        "become", "box", "do", "final", "macro", "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "gen"]

    static func ident(_ s: String) -> String { keywords.contains(s) ? "r#\(s)" : s }

    static func camel(_ s: String) -> String {
        var out = ""
        var up = true
        for ch in s {
            if ch == "_" { up = true; continue }
            out.append(up ? Character(ch.uppercased()) : ch)
            up = false
        }
        return out.isEmpty ? "Anon" : out
    }

    // MARK: types

    /// The Rust spelling of a non-pointer C type.
    func scalar(_ type: Int32) -> IdiomType {
        guard type >= 0 else { return .unit }
        let t = tu.types[Int(type)]
        switch t.bare {
        case "size_t": return .scalar("usize")
        case "ssize_t", "ptrdiff_t", "intptr_t": return .scalar("isize")
        case "uintptr_t": return .scalar("usize")
        case "zmq_msg_t": return .named("zmq::Message")
        default: break
        }
        switch t.shape {
        case .void: return .unit
        case .boolean: return .scalar("bool")
        case .integer:
            switch t.size {
            case 1: return t.canonicalBare == "unsigned char" ? .scalar("u8") : (t.canonicalBare == "char" ? .scalar("u8") : .scalar("i8"))
            case 2: return .scalar(t.signed ? "i16" : "u16")
            case 8: return .scalar(t.signed ? "i64" : "u64")
            default: return .scalar(t.signed ? "i32" : "u32")
            }
        case .enumeration: return .scalar("i32")
        case .floating: return .scalar(t.size == 4 ? "f32" : "f64")
        case .record:
            if t.record >= 0, let s = structs[t.record] { return .named(s.name) }
            return .named(Self.camel(t.record >= 0 ? tu.records[Int(t.record)].name : t.bare))
        case .array:
            return .array(scalar(t.pointee), max(0, t.count))
        case .pointer:
            return .raw(t.pointeeConst ? "*const u8" : "*mut u8")
        default: return .named(t.bare)
        }
    }

    /// Renames C record names inside a parsed report type (`Box<node>` -> `Box<Node>`),
    /// and gives shared records with interior mutability their `RefCell`.
    func rename(_ t: IdiomType) -> IdiomType {
        switch t {
        case .named(let n):
            if let id = structByName[n], let s = structs[id] { return .named(s.name) }
            if let t = tagged.values.first(where: { tu.records[Int($0.record)].name == n }) { return .named(t.name) }
            if n == "std::fs::File" { return .named("BufReader<File>") }
            return t
        case .box(let x): return .box(rename(x))
        case .option(let x): return .option(rename(x))
        case .vec(let x): return .vec(rename(x))
        case .ref(let x, let m): return .ref(rename(x), mutable: m)
        case .slice(let x, let m): return .slice(rename(x), mutable: m)
        case .array(let x, let n): return .array(rename(x), n)
        case .rc(let x):
            let inner = rename(x)
            if case .named(let n) = inner, let id = structByName[n] ?? structs.first(where: { $0.value.name == n })?.key,
               structs[id]?.interiorMutable == true { return .rc(.named("RefCell<\(n)>")) }
            return .rc(inner)
        default: return t
        }
    }

    func rustType(fact: PointerFact?, cType: Int32) -> IdiomType {
        guard let fact, fact.isPointer || fact.ownership != .value else { return scalar(cType) }
        let t = IdiomType.parse(fact.rust)
        if case .named(let n) = t, n.hasPrefix("*") { return .raw(n) }
        return rename(t)
    }

    func recordOf(pointer type: Int32) -> Int32? {
        guard type >= 0 else { return nil }
        var t = tu.types[Int(type)]
        if t.shape == .pointer, t.pointee >= 0 { t = tu.types[Int(t.pointee)] }
        return t.shape == .record && t.record >= 0 ? t.record : nil
    }

    // MARK: plans

    func planStructs() {
        var factsByName: [String: StructFacts] = [:]
        for s in input.facts.structs { factsByName[s.name] = s }
        tagged = TaggedUnion.find(tu, name: { Self.camel(self.tu.records[Int($0)].name) }, payloadType: { f in
            let field = self.tu.fields[Int(f)]
            let t = self.tu.types[Int(field.type)]
            if t.shape == .pointer {
                if t.pointee >= 0, self.tu.types[Int(t.pointee)].canonicalBare == "char" { return .string }
                return .box(self.scalar(t.pointee))
            }
            return self.scalar(field.type)
        })
        for (i, r) in tu.records.enumerated() where r.isUserDefined && !r.fields.isEmpty && !r.isUnion && tagged[Int32(i)] == nil {
            structByName[r.name] = Int32(i)
            structs[Int32(i)] = StructPlan(name: Self.camel(r.name), fields: [], refcount: nil, interiorMutable: false,
                                           copy: true, facts: factsByName[r.name])
        }
        for (id, var plan) in structs {
            let r = tu.records[Int(id)]
            let refcounted = input.refcounted.contains(r.name)
            if refcounted { plan.refcount = refcountField(id) }
            for f in r.fields {
                let field = tu.fields[Int(f)]
                if f == plan.refcount { continue }
                plan.fields.append((field.name, Self.ident(field.name), .unit, f))
            }
            structs[id] = plan
        }
        // Types need every struct's name first.
        for (id, var plan) in structs {
            for k in plan.fields.indices {
                let field = tu.fields[Int(plan.fields[k].field)]
                let fact = plan.facts?.fields.first { $0.name == field.name }
                var t = rustType(fact: fact, cType: field.type)
                if case .raw = t, let fact, fact.ownership == .raw, tu.isPointer(field.type) { t = .raw(renamedRaw(fact.rust)) }
                plan.fields[k].type = t
                if !t.isCopy { plan.copy = false }
            }
            structs[id] = plan
        }
        // A field Rust never sees null: every store is an allocation or a non-null value (the C's
        // `if (p->name == NULL)` after strdup is the allocation check, not a sign of NULL).
        for (id, var plan) in structs {
            for k in plan.fields.indices {
                guard case .option(let inner) = plan.fields[k].type, !fieldMayBeNull(plan.fields[k].field, record: id) else { continue }
                plan.fields[k].type = inner
            }
            structs[id] = plan
        }
        // Shared objects written after construction need interior mutability.
        for (id, plan) in structs where plan.refcount != nil {
            if sharedFieldWritten(id) { structs[id]!.interiorMutable = true }
        }
        // Re-type fields that point to such objects.
        for (id, var plan) in structs {
            for k in plan.fields.indices { plan.fields[k].type = rename(plan.fields[k].type) }
            structs[id] = plan
        }
    }

    func fieldMayBeNull(_ f: Int32, record: Int32) -> Bool {
        // Links of recursive structures end somewhere.
        if recordOf(pointer: tu.fields[Int(f)].type) == record { return true }
        var stores = 0
        for (i, n) in tu.nodes.enumerated() where n.kind == .binary && BinaryOp(rawValue: n.op) == .assign {
            let lhs = tu.nodes[Int(tu.strip(Int32(i + 1)))]
            guard lhs.kind == .member, lhs.ref == f, let rhs = Array(tu.children(of: Int32(i))).last else { continue }
            stores += 1
            var x = rhs
            while (tu.nodes[Int(x)].kind == .implicit || tu.nodes[Int(x)].kind == .cast), tu.nodes[Int(x)].end > x + 1 { x += 1 }
            let r = tu.nodes[Int(x)]
            if r.kind == .intLiteral { return true }
            if r.kind == .call, r.ref >= 0 {
                let name = tu.functions[Int(r.ref)].name
                if Nullability.allocators.contains(name) { continue }
                if tu.functions[Int(r.ref)].hasBody { continue }
                if Nullability.nullableLibrary.contains(name) { return true }
                continue
            }
            if r.kind == .varRef { continue }
            return true
        }
        return stores == 0
    }

    /// `*mut node` -> `*mut Node`.
    func renamedRaw(_ s: String) -> String {
        let words = s.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        return words.map { w in structByName[w].flatMap { structs[$0]?.name } ?? w }.joined(separator: " ")
    }

    /// The counter field of a reference-counted record: an integer field incremented somewhere.
    func refcountField(_ rec: Int32) -> Int32? {
        for (i, n) in tu.nodes.enumerated() where n.kind == .unary {
            let op = UnaryOp(rawValue: n.op)
            guard op == .postInc || op == .preInc else { continue }
            let target = tu.strip(Int32(i + 1))
            let m = tu.nodes[Int(target)]
            if m.kind == .member, m.ref >= 0, tu.fields[Int(m.ref)].record == rec { return m.ref }
        }
        return nil
    }

    /// A non-counter field of the record assigned outside the function that allocated the object.
    func sharedFieldWritten(_ rec: Int32) -> Bool {
        for f in tu.functions where f.hasBody {
            var allocates = false
            for i in f.bodyStart..<f.bodyEnd where tu.nodes[Int(i)].kind == .call {
                let c = tu.nodes[Int(i)]
                if c.ref >= 0, ["malloc", "calloc"].contains(tu.functions[Int(c.ref)].name) { allocates = true }
            }
            if allocates { continue }
            for i in f.bodyStart..<f.bodyEnd {
                let n = tu.nodes[Int(i)]
                guard n.kind == .binary, BinaryOp(rawValue: n.op) == .assign || n.op >= BinaryOp.mulAssign.rawValue && n.op <= BinaryOp.orAssign.rawValue else { continue }
                let lhs = tu.strip(i + 1)
                let m = tu.nodes[Int(lhs)]
                if m.kind == .member, m.ref >= 0, tu.fields[Int(m.ref)].record == rec, m.ref != structs[rec]?.refcount { return true }
            }
        }
        return false
    }

    func planFunctions() {
        var factsByName: [String: FunctionFacts] = [:]
        for f in input.facts.functions where f.file == tu.mainFile { factsByName[f.name] = f }
        var comparators: [Int32: IdiomType] = [:]
        for (i, n) in tu.nodes.enumerated() where n.kind == .call && n.ref >= 0 && tu.functions[Int(n.ref)].name == "qsort" {
            let args = Array(tu.children(of: Int32(i)))
            guard args.count == 4 else { continue }
            let f = tu.strip(args[3])
            let base = tu.strip(args[0])
            if tu.nodes[Int(f)].kind == .funcRef, let rec = recordOf(pointer: tu.nodes[Int(base)].type), let s = structs[rec] {
                comparators[tu.nodes[Int(f)].ref] = .named(s.name)
            } else if tu.nodes[Int(f)].kind == .funcRef, tu.nodes[Int(base)].type >= 0 {
                let t = tu.types[Int(tu.nodes[Int(base)].type)]
                comparators[tu.nodes[Int(f)].ref] = scalar(t.pointee)
            }
        }
        for (i, f) in tu.functions.enumerated() where f.hasBody && f.loc.file == 0 {
            let facts = factsByName[f.name]
            var params: [(String, IdiomType)] = []
            for (k, v) in f.params.enumerated() {
                let variable = tu.variables[Int(v)]
                let fact = facts?.params.indices.contains(k) == true ? facts!.params[k] : nil
                var t = optional(textual(rustType(fact: fact, cType: variable.type), variable.type), nullability.variables.contains(v))
                // NULL is never tested nor passed in this unit (a library may accept NULL: not a reason for Option).
                if case .option(let inner) = t, !nullability.variables.contains(v), case .ref = inner { t = inner }
                params.append((Self.ident(variable.name), t))
            }
            var ret: IdiomType = tu.types.indices.contains(Int(f.returnType)) ? scalar(f.returnType) : .unit
            if let r = facts?.returns {
                ret = rustType(fact: r, cType: f.returnType)
                // Derived from a parameter the function owns: ownership passes through.
                if r.ownership == .borrowed, let from = r.borrowsFrom, let k = f.params.firstIndex(where: { tu.variables[Int($0)].name == from }),
                   k < params.count, isOwning(params[k].1) {
                    ret = params[k].1
                }
                ret = optional(ret, nullability.returns.contains(Int32(i)))
            }
            // A `void *` parameter whose only use is to become a `T *` local is that local's type.
            for (k, v) in f.params.enumerated() where k < params.count {
                guard let t = Optional(tu.types[Int(tu.variables[Int(v)].type)]), t.shape == .pointer, t.pointee >= 0,
                      tu.types[Int(t.pointee)].shape == .void, let local = soleLocalOf(param: v, in: f),
                      let lf = facts?.locals.first(where: { $0.name == tu.variables[Int(local)].name }) else { continue }
                let lt = optional(rustType(fact: lf, cType: tu.variables[Int(local)].type), nullability.variables.contains(v))
                switch lt.unwrapped { case .ref: params[k].1 = lt; default: break }
            }
            var kind: FunctionPlan.Kind = .normal
            if f.name == "main" { kind = .main }
            else if let elem = comparators[Int32(i)] {
                kind = .comparator(elem)
                params = params.map { ($0.0, .ref(elem, mutable: false)) }
            }
            plans[Int32(i)] = FunctionPlan(kind: kind, name: Self.ident(f.name), params: params, returns: ret, facts: facts)
        }
        // `T **head` lent to a callee that may find NULL in it (a list's head): &mut Option<Box<T>>.
        for (id, plan) in plans {
            for (k, p) in plan.params.enumerated() {
                guard case .ref(.box(let inner), true) = p.type, pointeeMayBeNull(function: id, param: k) else { continue }
                plans[id]!.params[k].type = .ref(.option(.box(inner)), mutable: true)
            }
        }
        for (id, plan) in plans {
            if case .normal = plan.kind, isAcquire(id) { plans[id]!.kind = .acquire }
            if case .normal = plan.kind, let (k, ok) = resultOut(id) {
                plans[id]!.kind = .resultOut(param: k, ok: ok)
                plans[id]!.returns = .named("Result<\(ok), i32>")
            }
        }
        // Destructors: a fixpoint, since they call each other (tree_free calls itself).
        var candidates = Set(plans.keys.filter { id in
            if case .normal = plans[id]!.kind { return tu.types.indices.contains(Int(tu.functions[Int(id)].returnType)) ? tu.types[Int(tu.functions[Int(id)].returnType)].shape == .void : false }
            return false
        })
        var changed = true
        while changed {
            changed = false
            for id in candidates where !isDestructor(id, candidates) { candidates.remove(id); changed = true }
        }
        for id in candidates { plans[id]!.kind = .destructor }
        // Shared parameters: borrowed (`&Rc<T>`) unless the function consumes them.
        for (id, plan) in plans {
            for (k, p) in plan.params.enumerated() {
                if case .rc = p.type, case .destructor = plan.kind { continue }
                if case .rc = p.type, !consumesParam(id, k) { plans[id]!.params[k].type = .ref(p.type, mutable: false) }
            }
        }
    }

    /// A `const char *` the C indexes byte by byte is still text: `&str` (indexing becomes `as_bytes()`).
    func textual(_ t: IdiomType, _ cType: Int32) -> IdiomType {
        guard cType >= 0, tu.types[Int(cType)].shape == .pointer, tu.types[Int(cType)].pointeeConst,
              tu.types[Int(cType)].pointee >= 0, tu.types[Int(tu.types[Int(cType)].pointee)].canonicalBare == "char" else { return t }
        switch t {
        case .slice(.scalar("u8"), false): return .str
        case .option(.slice(.scalar("u8"), false)): return .option(.str)
        default: return t
        }
    }

    /// A caller passes `&p` with `p` possibly NULL, or the function stores a possibly-NULL value
    /// through the parameter (`*head = n->next`).
    func pointeeMayBeNull(function id: Int32, param k: Int) -> Bool {
        for (i, n) in tu.nodes.enumerated() where n.kind == .call && n.ref == id {
            let args = Array(tu.children(of: Int32(i)))
            guard k < args.count else { continue }
            var a = tu.strip(args[k])
            if tu.nodes[Int(a)].kind == .unary, UnaryOp(rawValue: tu.nodes[Int(a)].op) == .addressOf {
                a = tu.strip(a + 1)
                if tu.nodes[Int(a)].kind == .varRef, nullability.variables.contains(tu.nodes[Int(a)].ref) { return true }
                if tu.nodes[Int(a)].kind == .member, let rec = Optional(tu.fields[Int(tu.nodes[Int(a)].ref)].record),
                   structs[rec]?.fields.first(where: { $0.field == tu.nodes[Int(a)].ref })?.type.isOption == true { return true }
            }
        }
        let f = tu.functions[Int(id)]
        let v = f.params[k]
        for i in f.bodyStart..<f.bodyEnd where tu.nodes[Int(i)].kind == .binary && BinaryOp(rawValue: tu.nodes[Int(i)].op) == .assign {
            let lhs = tu.strip(i + 1)
            guard tu.nodes[Int(lhs)].kind == .unary, UnaryOp(rawValue: tu.nodes[Int(lhs)].op) == .deref,
                  tu.nodes[Int(tu.strip(lhs + 1))].kind == .varRef, tu.nodes[Int(tu.strip(lhs + 1))].ref == v,
                  let rhs = Array(tu.children(of: i)).last else { continue }
            let r = tu.nodes[Int(tu.strip(rhs))]
            if r.kind == .member, let plan = structs[tu.fields[Int(r.ref)].record], plan.fields.first(where: { $0.field == r.ref })?.type.isOption == true { return true }
            if r.kind == .varRef, nullability.variables.contains(r.ref) { return true }
        }
        return false
    }

    /// The local a parameter initialises (`struct counter *c = data;`) when that is its only use.
    func soleLocalOf(param v: Int32, in f: Function) -> Int32? {
        var found: Int32? = nil
        var uses = 0
        for i in f.bodyStart..<f.bodyEnd where tu.nodes[Int(i)].kind == .varRef && tu.nodes[Int(i)].ref == v { uses += 1 }
        guard uses == 1 else { return nil }
        for i in f.bodyStart..<f.bodyEnd where tu.nodes[Int(i)].kind == .varDecl && tu.nodes[Int(i)].end > i + 1 {
            let x = tu.strip(i + 1)
            if tu.nodes[Int(x)].kind == .varRef, tu.nodes[Int(x)].ref == v, tu.isPointer(tu.variables[Int(tu.nodes[Int(i)].ref)].type) {
                found = tu.nodes[Int(i)].ref
            }
        }
        return found
    }

    /// `T` -> `Option<T>` for a pointer that may be null.
    func optional(_ t: IdiomType, _ nullable: Bool) -> IdiomType {
        guard nullable, !t.isOption else { return t }
        switch t { case .box, .ref, .rc, .str, .string, .named: return .option(t); default: return t }
    }

    func isOwning(_ t: IdiomType) -> Bool {
        switch t.unwrapped { case .box, .vec, .string, .rc: return true; default: return false }
    }

    /// `int f(..., T *out)`: every return is an integer literal, `out` is only stored through
    /// (`*out = v;` right before `return 0;`) and never read or passed on.
    func resultOut(_ id: Int32) -> (Int, IdiomType)? {
        let f = tu.functions[Int(id)]
        guard f.returnType >= 0, tu.types[Int(f.returnType)].shape == .integer else { return nil }
        var candidate: (Int, IdiomType)? = nil
        for (k, v) in f.params.enumerated() {
            let t = tu.types[Int(tu.variables[Int(v)].type)]
            guard t.shape == .pointer, !t.pointeeConst, t.pointee >= 0 else { continue }
            let pt = tu.types[Int(t.pointee)]
            guard pt.shape == .integer || pt.shape == .floating || pt.shape == .boolean, pt.canonicalBare != "char" else { continue }
            var ok = true
            var stores = 0
            for i in f.bodyStart..<f.bodyEnd where tu.nodes[Int(i)].kind == .varRef && tu.nodes[Int(i)].ref == v {
                // Allowed only as `*out = v;` followed by `return 0;`.
                var d = i - 1
                while d > f.bodyStart, tu.nodes[Int(d)].kind == .implicit { d -= 1 }
                let deref = tu.nodes[Int(d)]
                guard deref.kind == .unary, UnaryOp(rawValue: deref.op) == .deref else { ok = false; break }
                var a = d - 1
                while a > f.bodyStart, tu.nodes[Int(a)].kind == .implicit { a -= 1 }
                let assign = tu.nodes[Int(a)]
                guard assign.kind == .binary, BinaryOp(rawValue: assign.op) == .assign, tu.strip(a + 1) == d else { ok = false; break }
                let next = tu.nodes.indices.contains(Int(assign.end)) ? tu.nodes[Int(assign.end)] : Node(kind: .nullStmt)
                guard next.kind == .returnStmt, next.end > assign.end + 1, tu.nodes[Int(tu.strip(assign.end + 1))].kind == .intLiteral,
                      tu.nodes[Int(tu.strip(assign.end + 1))].value == 0 else { ok = false; break }
                stores += 1
            }
            if ok, stores > 0 {
                if candidate != nil { return nil }
                candidate = (k, scalar(t.pointee))
            }
        }
        guard let candidate else { return nil }
        var zeros = 0, stores = 0
        let out = f.params[candidate.0]
        for i in f.bodyStart..<f.bodyEnd where tu.nodes[Int(i)].kind == .varRef && tu.nodes[Int(i)].ref == out { stores += 1 }
        for i in f.bodyStart..<f.bodyEnd where tu.nodes[Int(i)].kind == .returnStmt && tu.nodes[Int(i)].end > i + 1 {
            let x = tu.strip(i + 1)
            if tu.nodes[Int(x)].kind == .intLiteral, tu.nodes[Int(x)].value == 0 { zeros += 1 }
        }
        guard zeros == stores else { return nil }   // every success hands a value out
        for i in f.bodyStart..<f.bodyEnd where tu.nodes[Int(i)].kind == .returnStmt {
            guard tu.nodes[Int(i)].end > i + 1 else { return nil }
            var x = i + 1
            while tu.nodes[Int(x)].kind == .implicit || (tu.nodes[Int(x)].kind == .unary && UnaryOp(rawValue: tu.nodes[Int(x)].op) == .minus), tu.nodes[Int(x)].end > x + 1 { x += 1 }
            if tu.nodes[Int(x)].kind != .intLiteral { return nil }
        }
        return candidate
    }

    func isReleaseCall(_ name: String) -> Bool {
        ["free", "fclose", "zmq_close", "zmq_ctx_destroy", "zmq_ctx_term", "zmq_msg_close", "g_free"].contains(name)
    }

    /// `c->refs++; return c;`
    func isAcquire(_ id: Int32) -> Bool {
        let f = tu.functions[Int(id)]
        guard f.params.count == 1, let rec = recordOf(pointer: tu.variables[Int(f.params[0])].type),
              let counter = structs[rec]?.refcount else { return false }
        var increments = false
        var returnsParam = false
        for i in f.bodyStart..<f.bodyEnd {
            let n = tu.nodes[Int(i)]
            if n.kind == .unary, [.postInc, .preInc].contains(UnaryOp(rawValue: n.op)), tu.nodes[Int(tu.strip(i + 1))].ref == counter { increments = true }
            if n.kind == .returnStmt, n.end > i + 1, tu.nodes[Int(tu.strip(i + 1))].kind == .varRef, tu.nodes[Int(tu.strip(i + 1))].ref == f.params[0] { returnsParam = true }
            if n.kind == .call { return false }
        }
        return increments && returnsParam
    }

    /// Everything the body does is release what the parameters own (and walk to it).
    func isDestructor(_ id: Int32, _ candidates: Set<Int32>) -> Bool {
        let f = tu.functions[Int(id)]
        guard !f.params.isEmpty else { return false }
        let counter: Int32? = recordOf(pointer: tu.variables[Int(f.params[0])].type).flatMap { structs[$0]?.refcount }
        var releases = 0
        for i in f.bodyStart..<f.bodyEnd {
            let n = tu.nodes[Int(i)]
            switch n.kind {
            case .call:
                guard n.ref >= 0 else { return false }
                let name = tu.functions[Int(n.ref)].name
                if isReleaseCall(name) || candidates.contains(n.ref) { releases += 1 } else { return false }
            case .varRef:
                let v = tu.variables[Int(n.ref)]
                if v.storage == .global || v.storage == .staticLocal { return false }
                if !tu.isPointer(v.type) { return false }
            case .binary:
                let op = BinaryOp(rawValue: n.op)
                if op == .assign {
                    let lhs = tu.nodes[Int(tu.strip(i + 1))]
                    // Only the walk's own pointer variables may change (`head = next`), nothing the caller sees.
                    if lhs.kind != .varRef && !(lhs.kind == .member && lhs.ref == counter) { return false }
                } else if ![.eq, .ne].contains(op) { return false }
            case .unary:
                let op = UnaryOp(rawValue: n.op)
                if [.postInc, .postDec, .preInc, .preDec].contains(op) {
                    if counter == nil || tu.nodes[Int(tu.strip(i + 1))].ref != counter { return false }
                } else if op != .logicalNot { return false }
            case .compoundAssign:
                if counter == nil || tu.nodes[Int(tu.strip(i + 1))].ref != counter { return false }
            case .returnStmt:
                if n.end > i + 1 { return false }
            case .compound, .declStmt, .varDecl, .ifStmt, .whileStmt, .member, .implicit, .intLiteral, .cast, .nullStmt, .forStmt: break
            default: return false
            }
        }
        return releases > 0
    }

    /// Whether a shared parameter is moved (released, stored, returned, passed on to a consumer).
    func consumesParam(_ id: Int32, _ k: Int) -> Bool {
        let f = tu.functions[Int(id)]
        let v = f.params[k]
        for i in f.bodyStart..<f.bodyEnd {
            let n = tu.nodes[Int(i)]
            if n.kind == .call, n.ref >= 0 {
                for (j, a) in tu.children(of: i).enumerated() where tu.nodes[Int(tu.strip(a))].kind == .varRef && tu.nodes[Int(tu.strip(a))].ref == v {
                    if let p = plans[n.ref] {
                        if case .destructor = p.kind { return true }
                        if case .acquire = p.kind { continue }
                        if j < p.params.count, case .rc = p.params[j].type { return true }
                    }
                }
            }
            if n.kind == .returnStmt, n.end > i + 1, tu.nodes[Int(tu.strip(i + 1))].kind == .varRef, tu.nodes[Int(tu.strip(i + 1))].ref == v { return true }
            if n.kind == .binary, BinaryOp(rawValue: n.op) == .assign {
                let rhs = tu.child(i, 1).map { tu.strip($0) }
                if let rhs, tu.nodes[Int(rhs)].kind == .varRef, tu.nodes[Int(rhs)].ref == v { return true }
            }
        }
        return false
    }
}

/// Which pointers may hold NULL, found over the whole unit: a null constant, a nullable source,
/// a null test (except right after an allocation that Rust cannot fail), a caller passing one.
/// These become `Option`.
struct Nullability {
    var variables: Set<Int32> = []
    var returns: Set<Int32> = []
    init() {}

    /// The variables a condition tests `== NULL` (or `!p`) as one of its top-level `||` terms.
    static func nullTestedInDisjunction(_ tu: TranslationUnit, _ c: Int32, isNull: (Int32) -> Bool) -> [Int32] {
        let x = tu.strip(c)
        let n = tu.nodes[Int(x)]
        if n.kind == .binary, BinaryOp(rawValue: n.op) == .lor {
            return Array(tu.children(of: x)).flatMap { nullTestedInDisjunction(tu, $0, isNull: isNull) }
        }
        if n.kind == .binary, BinaryOp(rawValue: n.op) == .eq {
            let k = Array(tu.children(of: x))
            for (a, b) in [(k[0], k[1]), (k[1], k[0])] where isNull(b) {
                let v = tu.nodes[Int(tu.strip(a))]
                if v.kind == .varRef { return [v.ref] }
            }
        }
        if n.kind == .unary, UnaryOp(rawValue: n.op) == .logicalNot {
            let v = tu.nodes[Int(tu.strip(x + 1))]
            if v.kind == .varRef, tu.isPointer(v.type) { return [v.ref] }
        }
        return []
    }

    static let nullableLibrary: Set<String> = ["fopen", "zmq_socket", "strtok", "strchr", "strrchr", "strstr", "getenv", "fdopen", "popen"]
    static let allocators: Set<String> = ["malloc", "calloc", "realloc", "strdup", "strndup", "zmq_ctx_new", "g_malloc", "g_strdup"]

    init(_ unit: UnitContext) {
        let tu = unit.tu
        func strip(_ n: Int32) -> Int32 { tu.strip(n) }
        func isNull(_ n: Int32) -> Bool { tu.isNullPointerConstant(n) }
        var allocated: Set<Int32> = []
        for (i, n) in tu.nodes.enumerated() where n.kind == .varDecl && n.end > Int32(i) + 1 {
            let c = strip(Int32(i) + 1)
            if tu.nodes[Int(c)].kind == .call, tu.nodes[Int(c)].ref >= 0, Self.allocators.contains(tu.functions[Int(tu.nodes[Int(c)].ref)].name) {
                allocated.insert(n.ref)
            }
        }
        // Where a variable is known non-null: inside `if (p)`, `while (p != NULL)`, `for (...; p; ...)`.
        var guards: [(v: Int32, from: Int32, to: Int32)] = []
        for (i, n) in tu.nodes.enumerated() where n.kind == .ifStmt || n.kind == .whileStmt || n.kind == .forStmt {
            let k = Array(tu.children(of: Int32(i)))
            for c in k.dropLast() {
                let x = strip(c)
                var v: Int32? = nil
                let xn = tu.nodes[Int(x)]
                if xn.kind == .varRef, tu.isPointer(xn.type) { v = xn.ref }
                if xn.kind == .binary, BinaryOp(rawValue: xn.op) == .ne {
                    let kk = Array(tu.children(of: x))
                    if kk.count == 2, isNull(kk[1]), tu.nodes[Int(strip(kk[0]))].kind == .varRef { v = tu.nodes[Int(strip(kk[0]))].ref }
                }
                if let v { guards.append((v, n.kind == .ifStmt ? k[1] : Int32(i), n.kind == .ifStmt ? tu.nodes[Int(k[1])].end : n.end)) }
            }
        }
        // After `if (p == NULL || ...) return/continue/break;` to the end of the block.
        for (ci, c) in tu.nodes.enumerated() where c.kind == .compound {
            for st in tu.children(of: Int32(ci)) where tu.nodes[Int(st)].kind == .ifStmt {
                let k = Array(tu.children(of: st))
                guard k.count == 2 else { continue }
                var last = k[1]
                if tu.nodes[Int(last)].kind == .compound, let l = Array(tu.children(of: last)).last { last = l }
                let lk = tu.nodes[Int(last)].kind
                let exits = lk == .returnStmt || lk == .continueStmt || lk == .breakStmt || lk == .gotoStmt
                    || (lk == .call && tu.nodes[Int(last)].ref >= 0 && ["exit", "abort"].contains(tu.functions[Int(tu.nodes[Int(last)].ref)].name))
                guard exits else { continue }
                for v in Self.nullTestedInDisjunction(tu, k[0], isNull: isNull) {
                    guards.append((v, tu.nodes[Int(st)].end, c.end))
                }
            }
        }
        func guarded(_ v: Int32, _ at: Int32) -> Bool { guards.contains { $0.v == v && $0.from <= at && at < $0.to } }
        var changed = true
        func mark(_ v: Int32) { if tu.isPointer(tu.variables[Int(v)].type), variables.insert(v).inserted { changed = true } }
        func maybeNull(_ n: Int32) -> Bool {
            if isNull(n) { return true }
            let x = strip(n)
            let node = tu.nodes[Int(x)]
            switch node.kind {
            case .varRef: return variables.contains(node.ref)
            case .member:
                let rec = tu.fields[Int(node.ref)].record
                if let plan = unit.structs[rec], let f = plan.fields.first(where: { $0.field == node.ref }) { return f.type.isOption }
                return false
            case .call:
                guard node.ref >= 0 else { return false }
                let f = tu.functions[Int(node.ref)]
                if f.hasBody { return returns.contains(node.ref) }
                return Self.nullableLibrary.contains(f.name)
            case .conditional:
                let k = Array(tu.children(of: x))
                return k.count == 3 && (maybeNull(k[1]) || maybeNull(k[2]))
            default: return false
            }
        }
        // Variables the C tests against NULL somewhere.
        var tested = Set<Int32>()
        for (i, n) in tu.nodes.enumerated() {
            if n.kind == .binary, [.eq, .ne].contains(BinaryOp(rawValue: n.op)) {
                let k = Array(tu.children(of: Int32(i)))
                for (a, b) in [(k[0], k[1]), (k[1], k[0])] where isNull(b) && tu.nodes[Int(strip(a))].kind == .varRef { tested.insert(tu.nodes[Int(strip(a))].ref) }
            }
            if n.kind == .unary, UnaryOp(rawValue: n.op) == .logicalNot, tu.nodes[Int(strip(Int32(i) + 1))].kind == .varRef {
                tested.insert(tu.nodes[Int(strip(Int32(i) + 1))].ref)
            }
            if n.kind == .ifStmt || n.kind == .whileStmt, let c = Array(tu.children(of: Int32(i))).first, tu.nodes[Int(strip(c))].kind == .varRef {
                tested.insert(tu.nodes[Int(strip(c))].ref)
            }
        }
        // A library result the C never tests is used as if it cannot be NULL (Rust says so with expect).
        func untestedLibraryResult(_ v: Int32, _ e: Int32) -> Bool {
            let x = tu.nodes[Int(strip(e))]
            return x.kind == .call && x.ref >= 0 && !tu.functions[Int(x.ref)].hasBody && !tested.contains(v)
        }
        while changed {
            changed = false
            for f in tu.functions.indices where tu.functions[f].hasBody {
                let fn = tu.functions[f]
                for i in fn.bodyStart..<fn.bodyEnd {
                    let n = tu.nodes[Int(i)]
                    switch n.kind {
                    case .varDecl where n.end > i + 1:
                        if let last = Array(tu.children(of: i)).last, maybeNull(last), !untestedLibraryResult(n.ref, last) { mark(n.ref) }
                    case .binary:
                        let op = BinaryOp(rawValue: n.op)
                        let k = Array(tu.children(of: i))
                        guard k.count == 2 else { continue }
                        if op == .assign {
                            let l = tu.nodes[Int(strip(k[0]))]
                            if l.kind == .varRef, maybeNull(k[1]), !untestedLibraryResult(l.ref, k[1]) { mark(l.ref) }
                        } else if op == .eq || op == .ne {
                            for (a, b) in [(k[0], k[1]), (k[1], k[0])] where isNull(b) {
                                let l = tu.nodes[Int(strip(a))]
                                if l.kind == .varRef, !allocated.contains(l.ref) { mark(l.ref) }
                            }
                        }
                    case .unary where UnaryOp(rawValue: n.op) == .logicalNot:
                        let l = tu.nodes[Int(strip(i + 1))]
                        if l.kind == .varRef, tu.isPointer(l.type), !allocated.contains(l.ref) { mark(l.ref) }
                    case .call where n.ref >= 0 && tu.functions[Int(n.ref)].hasBody:
                        let callee = tu.functions[Int(n.ref)]
                        for (k, a) in tu.children(of: i).enumerated() where k < callee.params.count && maybeNull(a) {
                            let x = tu.nodes[Int(strip(a))]
                            if x.kind == .varRef, guarded(x.ref, i) { continue }
                            mark(callee.params[k])
                        }
                    case .returnStmt where n.end > i + 1:
                        if maybeNull(i + 1), returns.insert(Int32(f)).inserted { changed = true }
                    default: break
                    }
                }
            }
        }
    }
}

extension TranslationUnit {
    /// A null pointer constant: `NULL`, `0` or `(void *)0` where a pointer is expected.
    func isNullPointerConstant(_ n: Int32) -> Bool {
        var i = n
        while nodes[Int(i)].kind == .implicit || nodes[Int(i)].kind == .cast, nodes[Int(i)].end > i + 1 { i += 1 }
        return nodes[Int(i)].kind == .intLiteral && nodes[Int(i)].value == 0 && isPointer(nodes[Int(n)].type)
    }
}
