import CModel
import Ownership

/// Which parameters a program function releases on every path that returns.
///
/// The ownership stage calls a parameter owned when the function frees it on some path, or
/// stores it where it lives on (a list's item, a library handle's stream). For Rust both are a
/// move; for the C they differ: after `list_push(l, item)` or `BZ2_bzWriteOpen(&err, f, ...)`
/// the caller's pointer is still good (and the caller may still close `f`), and after
/// `BZ2_bzWriteClose(&err, b, ...)`, which frees `b` only when it succeeds, the caller may still
/// have to release `b`. Only a release on every path makes a later use or release an error in C.
///
/// Found by walking each function with an owned parameter with the checker itself, callees
/// first: at each exit the parameter's object must be released or null. Moved into a library
/// owner does not count: the owner may hand it to a callback that keeps it (`zmq_msg_init_data`).
enum ReleaseSummaries {
    static func compute(units: [TranslationUnit], library: LibraryModel, ownership: OwnershipResult,
                        knowledge: ProgramKnowledge) -> [Int32: [Bool]] {
        // Candidates: a defined function with a parameter it takes ownership of.
        var site: [Int32: (tu: Int, function: Int32)] = [:]
        for (key, effects) in ownership.effects where effects.params.contains(where: { $0.takesOwnership && !$0.shared }) {
            if let d = ownership.index.definition(of: key), !units[d.tu].functions[Int(d.function)].isSystem { site[key] = d }
        }
        // Callees first (depth-first post-order over calls between candidates; a cycle is cut
        // where the search meets it, and the callee not yet known there counts as not releasing).
        var order: [Int32] = []
        var state: [Int32: Bool] = [:]   // false: on the stack, true: done
        func visit(_ key: Int32) {
            guard state[key] == nil, let d = site[key] else { return }
            state[key] = false
            let tu = units[d.tu], f = tu.functions[Int(d.function)]
            var i = f.bodyStart
            while i < f.bodyEnd {
                let n = tu.nodes[Int(i)]
                if n.kind == .call, n.ref >= 0 { visit(ownership.index.functionKey(tu: d.tu, function: n.ref)) }
                i += 1
            }
            state[key] = true
            order.append(key)
        }
        for key in site.keys.sorted() { visit(key) }
        var known = knowledge
        for key in order {
            guard let d = site[key] else { continue }
            var c = FunctionChecker(tu: units[d.tu], tuIndex: d.tu, function: d.function,
                                    library: library, ownership: ownership, knowledge: known)
            known.releases[key] = c.releasedParameters()
        }
        return known.releases
    }
}

extension FunctionChecker {
    /// Walks the body once, findings discarded, and answers for each parameter whether every
    /// path that returns has released it or knows it to be null (moved into a library owner
    /// does not count, see `ReleaseSummaries`).
    mutating func releasedParameters() -> [Bool] {
        exitStates = [:]
        _ = run()
        let reached = exitStates?.isEmpty == false
        return function.params.indices.map { k in
            guard reached, let s = exitStates?[Self.parameterObject(k)] else { return false }
            return s.isSubset(of: [.released, .null])
        }
    }
}
