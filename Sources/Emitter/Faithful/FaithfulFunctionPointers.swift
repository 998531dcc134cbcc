import CSyntax

/// Function pointers without `unsafe`. C's function pointers are `Option<unsafe extern "C"
/// fn(..)>` in the faithful tier, and a call through one needs `unsafe`. When every function a
/// pointer can hold is one of the file's own functions and needs no `unsafe` itself, the type
/// is the safe `extern "C" fn(..)` and the call is safe: what the pointer calls is then known
/// to be safe code. That holds when the program takes only its own, safe, non-variadic
/// functions as values, hands no function pointer to or from the C library (`qsort`,
/// `signal`, `atexit` keep theirs), and never converts a function pointer to another type.
extension FaithfulTranslator {
    /// The functions the program uses as values (not only calls), or nil when a function
    /// pointer could come from elsewhere or be converted (then no pointer can be made safe).
    static func functionPointerTargets(_ program: Program, sorted: TypedComparators = .none) -> Set<Int>? {
        var taken: Set<Int> = []
        var ok = true
        func isFunctionPointer(_ t: CTy) -> Bool {
            if case .pointer(.function, _) = t { return true }
            return false
        }
        func mentionsFunctionPointer(_ t: CTy) -> Bool {
            switch t {
            case .pointer(.function, _): return true
            case .pointer(let p, _): return mentionsFunctionPointer(p)
            case .array(let e, _): return mentionsFunctionPointer(e)
            case .function(let f): return mentionsFunctionPointer(f.result) || f.params.contains(where: mentionsFunctionPointer)
            default: return false
            }
        }
        func visit(_ e: CExpr) {
            guard ok else { return }
            switch e.kind {
            case .call(let callee, let args):
                if case .function(let id) = callee.withoutCasts.kind {
                    let f = program.functions[id]
                    // `qsort` with a rewritten comparator: no function pointer (FaithfulComparators).
                    if f.body == nil, sorted.sortCall(f.name, args, program) != nil { args.prefix(3).forEach(visit); return }
                    // A library function that takes or gives a function pointer.
                    if f.body == nil, mentionsFunctionPointer(.function(f.type)) { ok = false; return }
                    args.forEach(visit)
                    return
                }
                visit(callee); args.forEach(visit)
            case .function(let id):
                let f = program.functions[id]
                if f.body == nil || f.type.variadic || f.type.noPrototype { ok = false; return }
                taken.insert(id)
            case .cast(let x, _):
                // A function pointer converted (to another signature, to an integer, from `void *`).
                if isFunctionPointer(e.type) || isFunctionPointer(x.type), e.type != x.type {
                    if case .function = x.type {} else if x.isNullPointerConstant {} else { ok = false; return }
                }
                visit(x)
            case .variable(let id):
                let v = program.variables[id]
                if v.storage == .external, mentionsFunctionPointer(v.type) { ok = false; return }
            default:
                e.forEachChild(visit)
            }
        }
        for f in program.functions where f.body != nil { f.body!.forEachExpression(visit) }
        for v in program.variables { if let e = v.initializer { visit(e) } }
        return ok ? taken : nil
    }
}
