import CModel
import Ownership

/// Facts about the whole program the path walk needs and cannot see from one function:
/// which struct fields borrow from which (a socket field made from a context field), and which
/// functions reallocate a buffer held in a field of a parameter. Found by one scan of all bodies.
struct ProgramKnowledge {
    /// field key -> the field keys whose objects borrow from it (ctx -> [sock]).
    var fieldsBorrowing: [Int32: [Int32]] = [:]
    /// function key -> parameter index -> fields of that parameter it reallocates.
    var fieldsReallocated: [Int32: [Int: [Int32]]] = [:]
    /// Functions that never return (`exit` at the end of every path, or declared noreturn).
    var noreturn: Set<Int32> = []
    /// Functions that return a negative constant somewhere (`return -1`): the C convention where
    /// 0 is success, so `if (f(&out))` is the failure.
    var returnsNegative: Set<Int32> = []
    /// function key -> per parameter: released on every path that returns (`ReleaseSummaries`).
    var releases: [Int32: [Bool]] = [:]

    init(units: [TranslationUnit], library: LibraryModel, index: ProgramIndex) {
        findNoreturn(units, library, index)
        for (t, tu) in units.enumerated() {
            for (fi, f) in tu.functions.enumerated() where f.hasBody && !f.isSystem {
                let key = index.functionKey(tu: t, function: Int32(fi))
                var i = f.bodyStart
                while i < f.bodyEnd {
                    let n = tu.nodes[Int(i)]
                    if n.kind == .returnStmt, i + 1 < n.end {
                        let v = tu.strip(i + 1)
                        if tu.nodes[Int(v)].kind == .unary, tu.nodes[Int(v)].op == UnaryOp.minus.rawValue, v + 1 < tu.nodes[Int(v)].end,
                           tu.nodes[Int(tu.strip(v + 1))].kind == .intLiteral {
                            returnsNegative.insert(key)
                        }
                    }
                    if n.kind == .binary, n.op == BinaryOp.assign.rawValue {
                        scanAssignment(tu, t, i, library, index)
                    } else if n.kind == .call {
                        scanCall(tu, t, i, library, index, key: key)
                    }
                    i += 1
                }
            }
        }
    }

    /// A function whose body has no `return` and ends with a call that does not return.
    mutating func findNoreturn(_ units: [TranslationUnit], _ library: LibraryModel, _ index: ProgramIndex) {
        for (t, tu) in units.enumerated() {
            for (fi, f) in tu.functions.enumerated() where f.attributes.noreturn || library.functions[f.name]?.noreturn == true {
                noreturn.insert(index.functionKey(tu: t, function: Int32(fi)))
            }
        }
        var changed = true
        while changed {
            changed = false
            for (t, tu) in units.enumerated() {
                for (fi, f) in tu.functions.enumerated() where f.hasBody {
                    let key = index.functionKey(tu: t, function: Int32(fi))
                    if noreturn.contains(key) { continue }
                    var last: Int32 = -1, hasReturn = false
                    var i = f.bodyStart + 1
                    while i < f.bodyEnd {
                        if tu.nodes[Int(i)].kind == .returnStmt { hasReturn = true }
                        i += 1
                    }
                    for c in tu.children(of: f.bodyStart) { last = c }
                    guard !hasReturn, last >= 0 else { continue }
                    let call = tu.strip(last)
                    if tu.nodes[Int(call)].kind == .call, tu.nodes[Int(call)].ref >= 0,
                       noreturn.contains(index.functionKey(tu: t, function: tu.nodes[Int(call)].ref)) {
                        noreturn.insert(key)
                        changed = true
                    }
                }
            }
        }
    }

    /// `realloc(x->f, n)` where x is a parameter.
    mutating func scanCall(_ tu: TranslationUnit, _ t: Int, _ call: Int32, _ library: LibraryModel, _ index: ProgramIndex, key: Int32) {
        let c = tu.nodes[Int(call)]
        guard c.ref >= 0, let m = library.functions[tu.functions[Int(c.ref)].name] else { return }
        let args = Array(tu.children(of: call))
        for (k, p) in (m.params ?? []).enumerated() where p.role == .realloc && k < args.count {
            guard let base = memberBase(args[k], tu), tu.variables[Int(base)].paramIndex >= 0,
                  let field = memberField(args[k], tu) else { continue }
            let pi = Int(tu.variables[Int(base)].paramIndex)
            let fk = index.fieldKey(tu: t, field: field)
            if !(fieldsReallocated[key]?[pi] ?? []).contains(fk) { fieldsReallocated[key, default: [:]][pi, default: []].append(fk) }
        }
    }

    /// `x->f1 = maker(..., x->f2, ...)` where the maker's result depends on that argument.
    mutating func scanAssignment(_ tu: TranslationUnit, _ t: Int, _ i: Int32, _ library: LibraryModel, _ index: ProgramIndex) {
        let ks = Array(tu.children(of: i))
        guard ks.count == 2 else { return }
        let lhs = tu.strip(ks[0])
        guard tu.nodes[Int(lhs)].kind == .member, tu.nodes[Int(lhs)].ref >= 0 else { return }
        let target = index.fieldKey(tu: t, field: tu.nodes[Int(lhs)].ref)
        for call in calls(in: ks[1], tu) {
            let c = tu.nodes[Int(call)]
            guard c.ref >= 0, let m = library.functions[tu.functions[Int(c.ref)].name] else { continue }
            let args = Array(tu.children(of: call))
            if let d = m.returns?.depends, d < args.count, let src = memberField(args[d], tu) {
                let from = index.fieldKey(tu: t, field: src)
                if !(fieldsBorrowing[from] ?? []).contains(target) { fieldsBorrowing[from, default: []].append(target) }
            }
        }
    }

    func calls(in e: Int32, _ tu: TranslationUnit) -> [Int32] {
        var out: [Int32] = []
        var i = e
        while i < tu.nodes[Int(e)].end {
            if tu.nodes[Int(i)].kind == .call { out.append(i) }
            i += 1
        }
        return out
    }

    func memberField(_ e: Int32, _ tu: TranslationUnit) -> Int32? {
        let s = tu.strip(e)
        let n = tu.nodes[Int(s)]
        return n.kind == .member && n.ref >= 0 ? n.ref : nil
    }

    func memberBase(_ e: Int32, _ tu: TranslationUnit) -> Int32? {
        let s = tu.strip(e)
        guard tu.nodes[Int(s)].kind == .member, s + 1 < tu.nodes[Int(s)].end else { return nil }
        let b = tu.strip(s + 1)
        return tu.nodes[Int(b)].kind == .varRef ? tu.nodes[Int(b)].ref : nil
    }
}
