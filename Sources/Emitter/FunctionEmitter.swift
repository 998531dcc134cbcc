import Foundation
import CModel
import Diagnostics
import Ownership

/// A translated expression: its text, its Rust type, how tightly it binds, and whether it
/// names a place (moving out of a field needs `take`).
struct E {
    enum Place: Equatable { case local(Int32), field, index }
    var text: String
    var type: IdiomType
    var prec: Int
    var place: Place? = nil
    /// An integer or float literal: it takes whatever numeric type its context wants.
    var literal: Bool = false
    static let atom = 100, unary = 14, cast = 13, mul = 11, add = 10, shift = 9, bitAnd = 8, bitXor = 7, bitOr = 6
    static let compare = 5, and = 4, or = 3, assign = 1
}

/// What a C variable is in the Rust being written.
struct Binding {
    var name: String
    var type: IdiomType
    /// Inside `while let Some(node) = head`: assignments go to the outer `head`.
    var outer: (name: String, type: IdiomType)? = nil
    /// The id whose `mut` marker this binding's `let` carries (a narrowed rebinding has its own).
    var mutId: Int32 = -1
    /// A `let x: T;` without a value: dropped at the end if nothing read or wrote this binding.
    var declToken: Int32 = -1
}

/// Emits one function. Statements are written line by line; `let` and parameter mutability
/// is decided at the end from what the body really mutates, so no `mut` is missing or unused.
final class FunctionEmitter {
    unowned let unit: UnitContext
    let tu: TranslationUnit
    let id: Int32
    let fn: Function
    let plan: FunctionPlan
    var lines: [String] = []
    var depth = 1
    var unsafeBlocks = 0
    var bindings: [Int32: Binding] = [:]
    var mutated: Set<Int32> = []
    var localFacts: [Int32: PointerFact] = [:]
    var usesArgs = false
    var isMain: Bool { if case .main = plan.kind { return true }; return false }
    /// The variables a translated loop binds itself (`for i in 0..n`): no `let` for them.
    var loopBound: Set<Int32> = []
    /// Statements folded into an earlier one (field stores into a struct literal).
    var consumed: Set<Int32> = []
    var allowUnusedAssignments = false
    var labelCounter = 0
    /// `continue` inside a `for` translated as a `while`: break out of the body block instead.
    var continueLabel: [String?] = []
    /// Inside `if let Err(err) = ...`: what `zmq_errno()` / `zmq_strerror()` become.
    var errnoName: [String] = []
    /// The Rust type each local got (for the function's annotation).
    var declaredTypes: [Int32: IdiomType] = [:]
    var formatProblem: String?
    /// Bindings of `let x: T;` lines that the emitted code used.
    var referenced: Set<Int32> = []
    /// Locals holding `strlen(x)` (by the Rust text of x), and range loops' upper bounds: an index
    /// proven below a string's length reads `as_bytes()[i]`; any other reads C's NUL past the end.
    var lengthOf: [Int32: String] = [:]
    var rangeBound: [Int32: String] = [:]
    /// Inside a `match` arm on a tagged union: the union member's binding.
    var armBindings: [Int32: E] = [:]
    var strtokState: String?
    /// Text buffers whose `let` is their first write (`let name = "world".to_string();`).
    var declareAtWrite: Set<Int32> = []
    /// The statement being written stores through a raw pointer: it goes in an unsafe block.
    var needsUnsafe = false
    var unsafeReason = ""
    /// `for pt in &pts[..len]`: `pts[i]` is the item.
    var indexAlias: [Int32: (base: String, item: E)] = [:]
    /// The function's `goto cleanup` label, when the code after it only releases and returns.
    var cleanup: Cleanup?
    var tokenCounter = 0

    init(unit: UnitContext, function: Int32, plan: FunctionPlan) {
        self.unit = unit
        self.tu = unit.tu
        self.id = function
        self.fn = unit.tu.functions[Int(function)]
        self.plan = plan
        if let facts = plan.facts {
            var byName: [String: [PointerFact]] = [:]
            for l in facts.locals { byName[l.name, default: []].append(l) }
            for i in fn.bodyStart..<fn.bodyEnd where tu.nodes[Int(i)].kind == .varDecl {
                let v = tu.nodes[Int(i)].ref
                let variable = tu.variables[Int(v)]
                if let f = byName[variable.name]?.first(where: { $0.line == Int(variable.loc.line) }) ?? byName[variable.name]?.first {
                    localFacts[v] = f
                }
            }
        }
        for (k, v) in fn.params.enumerated() where k < plan.params.count {
            bindings[v] = Binding(name: plan.params[k].name, type: plan.params[k].type)
        }
    }

    // MARK: output

    func line(_ s: String) {
        lines.append(String(repeating: "    ", count: depth) + s)
    }

    func warnings(at node: Int32) {
        let l = Int(tu.nodes[Int(node)].loc.line)
        guard tu.nodes[Int(node)].loc.file == 0, let ds = unit.diagnosticsByLine[l] else { return }
        unit.diagnosticsByLine[l] = nil
        for d in ds {
            line("// WARNING [\(d.kind.id)]: \(d.message.oneLine) (\(tu.mainFile.oneLine):\(d.line)). \(remedy(d.kind))")
        }
    }

    func remedy(_ k: DiagnosticKind) -> String {
        switch k {
        case .leak: return "Rust drops it at the end of its scope, so the leak is gone."
        case .useAfterFree: return "Translated as a move; rustc rejects the later use (E0382) until the C is fixed."
        case .doubleFree: return "Where both releases end the owner's scope Rust drops it once; elsewhere the second drop is a use after move (E0382), as --strict shows."
        case .nullUnchecked: return "The allocation cannot fail in Rust; the value is never null."
        case .freeNonHeap, .freeOffset, .mismatchedDealloc: return "Only owners are dropped in Rust; the release is not translated."
        case .stackAddressEscape: return "A reference to a local cannot outlive it in Rust (E0515/E0597)."
        case .mutableAlias: return "Rust allows one mutable borrow at a time (E0499/E0502)."
        case .releaseWhileBorrowed: return "Rust does not let an owner go while it is borrowed (E0505)."
        }
    }

    func gap(_ what: String, _ node: Int32) -> String {
        let loc = tu.nodes[Int(node)].loc
        unit.gaps.append("\(tu.mainFile):\(loc.line): \(what)")
        return "todo!(\"oxidize: \(what.replacingOccurrences(of: "\"", with: "'")) at line \(loc.line)\")"
    }

    func mutMarker(_ v: Int32) -> String { "\u{1}\(v)\u{2}" }

    /// The function's text.
    func emit() -> [String] {
        var header: String
        if isMain {
            header = "fn main() {"
        } else {
            var skip = -1
            if case .resultOut(let k, _) = plan.kind { skip = k }
            let params = fn.params.enumerated().filter { $0.offset != skip }.map { k, v in "\(mutMarker(v))\(plan.params[k].name): \(plan.params[k].type)" }
            let ret = plan.returns == .unit ? "" : " -> \(lifetimed(plan.returns))"
            let lt = needsLifetime() ? "<'a>" : ""
            header = "fn \(plan.name)\(lt)(\(params.joined(separator: ", ")))\(ret) {"
        }
        let bodyRoot = fn.bodyStart
        cleanup = findCleanup()
        block(children: Array(tu.children(of: bodyRoot)), isFunctionBody: true)
        // Findings on lines no statement starts on (a closing brace): at the end of the body.
        if fn.loc.file == 0 {
            for l in Int(fn.loc.line)...max(Int(fn.loc.line), Int(fn.bodyEndLoc.line)) {
                guard let ds = unit.diagnosticsByLine[l] else { continue }
                unit.diagnosticsByLine[l] = nil
                for d in ds { line("// WARNING [\(d.kind.id)]: \(d.message.oneLine) (\(tu.mainFile.oneLine):\(d.line)). \(remedy(d.kind))") }
            }
        }
        var out: [String] = []
        if allowUnusedAssignments { out.append("#[allow(unused_assignments)] // C initialises locals it overwrites before reading") }
        if needsLifetime() {
            // The parameters the result may come from: the one the report names, and each returned as it is.
            var from: Set<String> = []
            if let f = plan.facts?.returns?.borrowsFrom { from.insert(f) }
            for i in fn.bodyStart..<fn.bodyEnd where tu.nodes[Int(i)].kind == .returnStmt && tu.nodes[Int(i)].end > i + 1 {
                let r = tu.nodes[Int(tu.strip(i + 1))]
                if r.kind == .varRef, tu.variables[Int(r.ref)].storage == .parameter { from.insert(tu.variables[Int(r.ref)].name) }
            }
            let params = fn.params.enumerated().map { k, v -> String in
                var t = "\(plan.params[k].type)"
                if from.isEmpty || from.contains(tu.variables[Int(v)].name) {
                    t = t.replacingOccurrences(of: "&", with: "&'a ")
                }
                return "\(mutMarker(v))\(plan.params[k].name): \(t)"
            }
            header = "fn \(plan.name)<'a>(\(params.joined(separator: ", "))) -> \(lifetimed(plan.returns)) {"
        }
        if !unit.isProgram && !fn.isStatic { header = "pub " + header }
        out.append(header)
        if usesArgs { out.append("    let args: Vec<String> = std::env::args().collect();") }
        out += lines
        out.append("}")
        // `let x: T;` lines nothing used (the C declared a loop variable that became the loop's own).
        out = out.compactMap { l in
            guard let a = l.firstIndex(of: "\u{3}"), let b = l[a...].firstIndex(of: "\u{4}") else { return l }
            let v = Int32(l[l.index(after: a)..<b]) ?? -1
            if !referenced.contains(v) { return nil }
            var s = l
            s.removeSubrange(a...b)
            return s
        }
        // Mutability from what the body did.
        return out.map { l in
            guard l.contains("\u{1}") else { return l }
            var s = l
            while let a = s.firstIndex(of: "\u{1}"), let b = s[a...].firstIndex(of: "\u{2}") {
                let v = Int32(s[s.index(after: a)..<b]) ?? -1
                s.replaceSubrange(a...b, with: mutated.contains(v) ? "mut " : "")
            }
            return s
        }
    }

    /// A borrowed return with more than one reference parameter needs a named lifetime.
    var strict: Bool { unit.input.strict }

    func needsLifetime() -> Bool {
        guard case .ref = plan.returns.unwrapped else { if plan.returns == .str { return refParams() > 1 }; return false }
        return refParams() > 1
    }
    func refParams() -> Int {
        plan.params.filter { p in switch p.type.unwrapped { case .ref, .str, .slice: return true; default: return false } }.count
    }
    func lifetimed(_ t: IdiomType) -> String {
        if needsLifetime() { return "\(t)".replacingOccurrences(of: "&", with: "&'a ") }
        // A borrowed return with nothing to borrow from can only be static (a local's address
        // then fails with E0515, as it should).
        if refParams() == 0, "\(t)".contains("&") { return "\(t)".replacingOccurrences(of: "&", with: "&'static ") }
        return "\(t)"
    }
}
