import CSyntax

/// Where each pointer local and each call of a candidate function occurs: tested, dereferenced,
/// dropped, given to a local, or used as a value (then it is no position).
struct PositionScan: RoleWalker {
    enum Context { case value, condition, place, effect }

    let program: Program
    let candidates: [Int: ElementPositions.Returned]
    let excluded: Set<Int>
    var function = -1
    /// Functions some call of which is used as a pointer value.
    var escaping: Set<Int> = []
    /// Calls dereferenced in place, with the argument for the pointed-into parameter.
    var placeCalls: [(function: Int, argument: CExpr?)] = []
    /// The values each candidate local is given.
    var values: [Int: [CExpr]] = [:]
    /// Candidate locals used as pointer values.
    var bad: Set<Int> = []
    /// The locals each function's calls are given to.
    var receivers: [Int: Set<Int>] = [:]
    /// The functions that return each function's calls (`return find(..)`).
    var returners: [Int: Set<Int>] = [:]
    /// The functions each function returns the calls of.
    var chains: [Int: Set<Int>] = [:]
    /// The locals each function returns (`return best;`).
    var returnedLocals: [Int: Set<Int>] = [:]
    /// Locals read as text by the C library (`printf("%s", v)`, `strcmp(v, k)`).
    var textUses: Set<Int> = []
    /// Positions lent to a parameter of the file's functions (`update(a, 5)`, `show(find(..))`):
    /// the parameter, and the position (a local, or a call whose root must be named).
    var loans: [(parameter: Int, local: Int?, function: Int?)] = []

    init(program: Program, candidates: [Int: ElementPositions.Returned], excluded: Set<Int>) {
        self.program = program
        self.candidates = candidates
        self.excluded = excluded
    }

    func candidateLocal(_ e: CExpr) -> Int? {
        guard case .variable(let id) = e.withoutQualifierCasts.kind else { return nil }
        let v = program.variables[id]
        guard v.storage == .local, v.cleanup == nil, v.vlaSize == nil, !excluded.contains(id), case .pointer(let pointee, _) = v.type,
              ReferenceLifting.liftable(pointee, program) else { return nil }
        if case .pointer = pointee { return nil }
        return id
    }

    func candidateCall(_ e: CExpr) -> (Int, [CExpr])? {
        guard case .call(let callee, let args) = e.withoutQualifierCasts.kind, case .function(let f) = callee.withoutCasts.kind, candidates[f] != nil else { return nil }
        return (f, args)
    }

    // The statements, through RoleWalker's walk.

    mutating func declared(_ id: Int) {
        let v = program.variables[id]
        if let e = v.initializer {
            if candidateLocal(CExpr(.variable(id), v.type, v.loc)) != nil { given(id, e) } else { expr(e, .value) }
        }
        if let n = v.vlaSize { expr(n, .value) }
    }

    mutating func effect(_ e: CExpr) { expr(e, .effect) }

    mutating func condition(_ e: CExpr) { expr(e, .condition) }

    /// A `switch` operand (a number) or a returned value: a position function's own returns
    /// evaluate only an element's index.
    mutating func value(_ e: CExpr) {
        if candidates[function] != nil, e.type.isPointer { returned(e) } else { expr(e, .value) }
    }

    /// The arguments a C library function reads as strings and keeps no pointer to.
    static func textArguments(_ name: String, _ args: [CExpr]) -> Set<Int> {
        switch name {
        case "printf": return Set(1..<max(1, args.count))
        case "fprintf", "sprintf": return Set(2..<max(2, args.count))
        case "snprintf": return Set(3..<max(3, args.count))
        case "puts", "fputs", "strlen", "atoi", "atol", "atoll", "atof", "strdup": return [0]
        case "strcmp", "strncmp", "strcasecmp", "strncasecmp": return [0, 1]
        case "strcpy", "strcat", "strncpy", "strncat": return [1]
        case "strtol", "strtoul", "strtoll", "strtoull", "strtod": return args.count > 1 && args[1].isNullPointerConstant ? [0] : []
        default: return []
        }
    }

    /// A value a position function returns: only an element's index is evaluated.
    mutating func returned(_ e: CExpr) {
        if e.isNullPointerConstant { return }
        if case .conditional(let c, let x, let y) = e.withoutQualifierCasts.kind, e.type.isPointer { expr(c, .condition); returned(x); returned(y); return }
        if let k = ElementPositions.position(e, program)?.index { expr(k, .value); return }
        if let (f, args) = candidateCall(e) {
            returners[f, default: []].insert(function)
            chains[function, default: []].insert(f)
            arguments(args, of: f)
            return
        }
        if let id = candidateLocal(e), e.type.isPointer { returnedLocals[function, default: []].insert(id); return }
        expr(e, .value)
    }

    /// A value given to a candidate local.
    mutating func given(_ id: Int, _ e: CExpr) {
        if case .conditional(let c, let x, let y) = e.withoutQualifierCasts.kind, e.type.isPointer { expr(c, .condition); given(id, x); given(id, y); return }
        values[id, default: []].append(e)
        if e.isNullPointerConstant { return }
        if let (f, args) = candidateCall(e) {
            receivers[f, default: []].insert(id)
            arguments(args, of: f)
            return
        }
        if let k = ElementPositions.position(e, program)?.index { expr(k, .value); return }
        bad.insert(id)
        expr(e, .value)
    }

    /// The arguments of a call of the file's function `f`: a position may be lent to its parameter.
    mutating func arguments(_ args: [CExpr], of f: Int) {
        for (i, a) in args.enumerated() {
            guard let p = program.functions[f].params[safe: i] else { expr(a, .value); continue }
            if let id = candidateLocal(a), a.type.isPointer {
                loans.append((p, id, nil))
                continue
            }
            if let (g, inner) = candidateCall(a) {
                loans.append((p, nil, g))
                placeCalls.append((g, inner[safe: candidates[g]!.index]))
                arguments(inner, of: g)
                continue
            }
            expr(a, .value)
        }
    }

    mutating func expr(_ e: CExpr, _ context: Context) {
        if let (f, args) = candidateCall(e) {
            if context == .value { escaping.insert(f) }
            if context == .place { placeCalls.append((f, args[safe: candidates[f]!.index])) }
            arguments(args, of: f)
            return
        }
        if let id = candidateLocal(e), e.type.isPointer {
            if context == .value || context == .effect { bad.insert(id) }
            return
        }
        switch e.kind {
        case .member(let b, _, _, true): expr(b, .place)
        case .unary(.deref, let x): expr(x, .place)
        case .unary(.logicalNot, let x): expr(x, .condition)
        case .binary(.land, let l, let r), .binary(.lor, let l, let r): expr(l, .condition); expr(r, .condition)
        case .binary(let op, let l, let r) where (op == .eq || op == .ne) && (l.isNullPointerConstant != r.isNullPointerConstant) && l.type.isPointer && r.type.isPointer:
            expr(l.isNullPointerConstant ? r : l, .condition)
        case .conditional(let c, let a, let b): expr(c, .condition); expr(a, .value); expr(b, .value)
        case .binary(.comma, let l, let r): expr(l, .effect); expr(r, context)
        case .cast(let x, _) where e.type == .void: expr(x, .effect)
        case .assign(let l, let r):
            // As a statement, or tested (`if ((a = find(b, id)) == NULL)`).
            if context == .effect || context == .condition, case .variable(let id) = l.kind, candidateLocal(l) != nil { given(id, r); return }
            expr(l, .value); expr(r, .value)
        case .call(let callee, let args):
            guard case .function(let f) = callee.withoutCasts.kind else { e.forEachChild { expr($0, .value) }; return }
            guard program.functions[f].body != nil else {
                // The C library reading a string it does not keep: a text local may be it.
                let reads = Self.textArguments(program.functions[f].name, args)
                for (i, a) in args.enumerated() {
                    if reads.contains(i), let id = candidateLocal(a), a.type.isPointer { textUses.insert(id) } else { expr(a, .value) }
                }
                return
            }
            arguments(args, of: f)
        case .statementExpr(let s):
            guard case .compound(let list) = s, case .expression(let last)? = list.last else { walk(s); return }
            list.dropLast().forEach { walk($0) }
            expr(last, context)
        default:
            e.forEachChild { expr($0, .value) }
        }
    }
}
