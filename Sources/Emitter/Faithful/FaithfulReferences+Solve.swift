import CSyntax

/// The fixed point: which candidate parameters are references, slices or literal bytes, and which loans each call may make.
extension ReferenceLifting {
    mutating func solveTransient() {
        var set: Set<Int> = []
        for f in program.functions where f.body != nil {
            for p in f.params where program.variables[p].type.isPointer { set.insert(p) }
        }
        var changed = true
        while changed {
            changed = false
            for p in set where !(uses[p] ?? []).allSatisfy({ staysInCall($0, set) }) {
                set.remove(p)
                changed = true
            }
        }
        transient = set
    }

    func staysInCall(_ u: Use, _ set: Set<Int>) -> Bool {
        switch u {
        case .place: return true
        case .escape: return false
        case .passed(let f, let i), .passedField(let f, let i), .passedPart(let f, let i), .passedRow(let f, let i):
            let params = program.functions[f].params
            return i < params.count && set.contains(params[i])
        case .indexed, .indexedBefore, .advanced: return true
        case .library(let keeps, _): return !keeps
        }
    }

    /// `const char *` parameters that callers give string literals only (with those passed to or
    /// from one): read-only byte slices, `&[u8]`. Where a literal and a `char` array both reach a
    /// parameter (directly or through the parameters it is passed to and from), it stays an
    /// `&[i8]` slice and the literal is lent as an `&[i8]` array of its bytes.
    func literalParameters(_ candidates: Set<Int>) -> Set<Int> {
        func plainConstChar(_ p: Int) -> Bool {
            if case .pointer(.int(.char), true) = program.variables[p].type { return true }
            return false
        }
        var texts: Set<Int> = [], arrays: Set<Int> = []
        var links: [(Int, Int)] = []
        for call in calls {
            for (i, a) in call.args.enumerated() {
                guard let p = program.functions[call.callee].params[safe: i], candidates.contains(p), plainConstChar(p) else { continue }
                if FaithfulTranslator.literalBytes(a, aliases) != nil || staticText(a) { texts.insert(p) }
                else if let q = parameter(offsetForm(a)?.0 ?? a), plainConstChar(q) { links.append((p, q)) }
                else { arrays.insert(p) }
            }
        }
        var changed = true
        while changed {
            changed = false
            for (p, q) in links {
                for set in [0, 1] {
                    let has = set == 0 ? texts : arrays
                    if has.contains(p) != has.contains(q) {
                        if set == 0 { texts.insert(p); texts.insert(q) } else { arrays.insert(p); arrays.insert(q) }
                        changed = true
                    }
                }
            }
        }
        return texts.subtracting(arrays)
    }

    /// Parameters that are slices rather than single objects: indexed, handed on offset, given
    /// an array or an offset (`a + k`, not `&a[k]`) by a caller, or passed to or from another
    /// such parameter.
    /// Parameters `apart` (cell candidates) neither are slices nor pass it on.
    func sliceParameters(_ candidates: Set<Int>, apart: Set<Int> = []) -> Set<Int> {
        var slices: Set<Int> = []
        for p in candidates.subtracting(apart) where (uses[p] ?? []).contains(where: {
            switch $0 { case .indexed, .indexedBefore, .passedPart, .advanced: return true; default: return false }
        }) { slices.insert(p) }
        for call in calls {
            for (i, a) in call.args.enumerated() {
                guard let p = program.functions[call.callee].params[safe: i], candidates.contains(p), !apart.contains(p) else { continue }
                // `&a[k]` lends one element unless the function indexes it (then the rest of `a`).
                let element: Bool = { if case .unary(.addressOf, _) = a.withoutQualifierCasts.kind { return true }; return false }()
                if decayedElement(a) != nil || offsetForm(a) != nil && !element { slices.insert(p) }
                if FaithfulTranslator.literalBytes(a, aliases) != nil { slices.insert(p) }
            }
        }
        var changed = true
        while changed {
            changed = false
            for call in calls {
                for (i, a) in call.args.enumerated() {
                    guard let p = program.functions[call.callee].params[safe: i], let q = parameter(a), !apart.contains(p), !apart.contains(q) else { continue }
                    if slices.contains(p) != slices.contains(q) { slices.insert(p); slices.insert(q); changed = true }
                }
            }
        }
        return slices
    }

    mutating func solve() {
        for call in calls { callsTo[call.callee, default: []].append(call) }
        solveTransient()
        var mutability: [Int: Bool] = [:]
        for (id, f) in program.functions.enumerated() where f.body != nil && f.name != "main" && !f.type.variadic && !f.type.noPrototype
            && !addressTaken.contains(id) {
            for p in f.params where !tables.contains(p) && !links.contains(p) && program.variables[p].vlaColumns == nil {   // a table of text is a slice of its own (FaithfulTextTables)
                if case .pointer(let pointee, let constant) = program.variables[p].type, Self.liftable(pointee, program) {
                    if case .record(let r) = pointee, heap.contains(r) || constant && staticReferences.contains(r) { continue }
                    mutability[p] = !constant
                }
            }
        }
        let slices = sliceParameters(Set(mutability.keys))
        let texts = literalParameters(Set(mutability.keys))
        // Parameters that take raw loans: found round by round, as the lifting that rejects them
        // shows which callers lend raw pointers (their own parameters left raw among them).
        // The parameters of functions other modules call take raw loans from the start.
        var rawMarked = Set(mutability.keys.filter { across.contains(program.variables[$0].function) })
        while true {
            let result = lift(mutability, slices: slices, texts: texts, raw: rawMarked)
            let newly = rawLoaned(result, among: mutability, slices: slices.union(texts)).subtracting(rawMarked)
            if newly.isEmpty { lifted = result; break }
            rawMarked.formUnion(newly)
        }
        liftCells(mutability, texts: texts, raw: rawMarked)
    }

    /// Single-object parameters of functions that take raw loans, left out of `set` because some
    /// caller lends a raw pointer, or its own raw-lent parameter.
    func rawLoaned(_ set: [Int: Lift], among mutability: [Int: Bool], slices: Set<Int>) -> Set<Int> {
        var found: Set<Int> = []
        for call in calls where rawAccepting.contains(call.callee) {
            for (i, a) in call.args.enumerated() {
                guard let p = program.functions[call.callee].params[safe: i], mutability[p] != nil, !slices.contains(p), set[p]?.raw != true else { continue }
                for b in branches(a) {
                    if case .unary(.addressOf, let path) = b.withoutQualifierCasts.kind, let q = arrowRoot(path), set[q]?.raw == true {
                        found.insert(p)
                    } else if let q = parameter(b) {
                        if set[q].map({ $0.raw }) ?? true { found.insert(p) }
                    } else if rawLoanable(b, set) {
                        found.insert(p)
                    }
                }
            }
        }
        return found
    }

    /// `a` is a raw loan this file can convert: a pointer value read with no side effect, or the
    /// address of a place reached through one, not a local `Vec`, cursor, literal or text local
    /// (lent their own ways).
    func rawLoanable(_ a: CExpr, _ set: [Int: Lift]) -> Bool {
        Self.rawLoan(a, lifted: { set[$0] != nil }) { Self.lentOtherwise($0, vectors: vectors, cursors: cursors, aliases: aliases, texts: texts, positions: positions) }
    }

    /// A local written some other way than as a pointer (a `Vec`, a cursor's index, a literal, a
    /// text local): never a raw loan.
    static func lentOtherwise(_ id: Int, vectors: LocalVectors, cursors: LocalCursors, aliases: [Int: [UInt8]], texts: Set<Int>,
                              positions: ElementPositions) -> Bool {
        vectors.isVector(id) || cursors.isCursor(id) || aliases[id] != nil || texts.contains(id) || positions.locals[id] != nil
    }

    /// A pointer value read from a variable, a member or an element with no side effect (`p`,
    /// `q->next`, `a[i]`), or the address of a place reached through such a pointer
    /// (`&slots[k]`, `&p->inner`), that neither names a lifted parameter (`lifted`) nor a local
    /// lent another way (`excluded`): lent to a parameter that takes raw loans as `p.as_mut()`.
    static func rawLoan(_ a: CExpr, lifted: (Int) -> Bool, excluded: (Int) -> Bool) -> Bool {
        let e = a.withoutQualifierCasts
        guard case .pointer(let pointee, _) = e.type, !e.isNullPointerConstant else { return false }
        if case .function = pointee { return false }
        func pure(_ x: CExpr) -> Bool {
            switch x.kind {
            case .variable(let id): return !excluded(id)
            case .intLiteral: return true
            case .member(let b, _, _, _): return pure(b)
            case .subscript(let b, let i): return pure(b) && pure(i)
            case .cast(let y, _): return pure(y)
            case .unary(let op, let y): return [.deref, .minus, .plus, .bitNot, .logicalNot].contains(op) && pure(y)
            case .binary(let op, let l, let r): return op != .comma && pure(l) && pure(r)
            default: return false
            }
        }
        /// The pointer through which `path` is reached.
        func pointerRoot(_ path: CExpr) -> CExpr? {
            switch path.kind {
            case .member(let b, _, _, true): return b
            case .member(let b, _, _, false): return pointerRoot(b)
            case .unary(.deref, let x): return x
            case .subscript(let b, _):
                if case .cast(let array, _) = b.kind, array.type.isArrayLike { return pointerRoot(array) }
                return b.type.isPointer ? b : nil
            default: return nil
            }
        }
        switch e.kind {
        case .variable(let id): return !lifted(id) && !excluded(id)
        case .member, .subscript: return pure(e)
        case .unary(.addressOf, let path):
            guard pure(path), let root = pointerRoot(path) else { return false }
            if case .variable(let id) = root.withoutQualifierCasts.kind, lifted(id) { return false }
            return true
        default: return false
        }
    }

    /// Objects of these types may share bytes: the same type, one inside the other, or a type
    /// that is no record (a `char` reaches any object).
    static func mayOverlap(_ t: CTy?, _ u: CTy?, _ program: Program) -> Bool {
        guard let t, let u, case .record = t, case .record = u else { return true }
        func holds(_ outer: CTy, _ inner: CTy) -> Bool {
            if outer == inner { return true }
            switch outer {
            case .record(let r): return (program.records[r].fields ?? []).contains { holds($0.type, inner) }
            case .array(let e, _): return holds(e, inner)
            default: return false
            }
        }
        return holds(t, u) || holds(u, t)
    }

    func lift(_ mutability: [Int: Bool], slices: Set<Int>, texts: Set<Int>, raw rawMarked: Set<Int>) -> [Int: Lift] {
        var candidates: [Int: Lift] = [:]
        for (p, m) in mutability {
            let walks = (uses[p] ?? []).contains { if case .advanced = $0 { return true }; return false }
            candidates[p] = Lift(mutable: m, slice: slices.contains(p) || texts.contains(p), bytes: texts.contains(p), cursor: walks)
        }
        // Parameters given a position inside what is lent: an offset form, or a parameter that
        // is itself walked or given one.
        var moved = true
        while moved {
            moved = false
            for call in calls {
                for (i, a) in call.args.enumerated() {
                    guard let p = program.functions[call.callee].params[safe: i], let lift = candidates[p], lift.slice, !lift.offset else { continue }
                    var inside = offsetForm(a) != nil
                    if let q = parameter(a), let l = candidates[q], l.cursor || l.offset { inside = true }
                    if inside {
                        candidates[p]!.offset = true
                        candidates[p]!.cursor = true
                        moved = true
                    }
                }
            }
        }
        for p in rawMarked where candidates[p] != nil { candidates[p]!.raw = true; candidates[p]!.nullable = true }
        // Parameters some caller gives NULL, and those its nullable parameters are passed to.
        var nulled = true
        while nulled {
            nulled = false
            for call in calls {
                for (i, a) in call.args.enumerated() {
                    guard let p = program.functions[call.callee].params[safe: i], let lift = candidates[p], !lift.slice, !lift.nullable else { continue }
                    // A position lent (FaithfulElementPositions) may be NULL too.
                    if branches(a).contains(where: { $0.isNullPointerConstant || positions.isPosition($0) || parameter($0).flatMap({ candidates[$0] })?.nullable == true }) {
                        candidates[p]!.nullable = true
                        nulled = true
                    }
                }
            }
        }
        var changed = true
        while changed {
            changed = false
            for (p, lift) in candidates where !acceptable(p, lift, candidates) {
                candidates[p] = nil
                changed = true
            }
        }
        return candidates
    }

    /// `(int[]){1, 2, 3}` decayed, or `&(struct p){...}`: the literal, and whether it decays.
    static func compoundLoan(_ a: CExpr) -> (CExpr, Bool)? {
        let e = a.withoutPointerConversions
        if case .cast(let x, _) = e.kind, case .compoundLiteral = x.kind, x.type.isArrayLike { return (x, true) }
        if case .unary(.addressOf, let x) = e.kind, case .compoundLiteral = x.kind { return (x, false) }
        return nil
    }

    /// The values an argument can give: both operands of `c ? x : y`.
    func branches(_ a: CExpr) -> [CExpr] {
        if case .conditional(_, let x, let y) = a.withoutQualifierCasts.kind, a.type.isPointer { return branches(x) + branches(y) }
        return [a]
    }

    func liftedParameter(_ function: Int, _ index: Int, _ set: [Int: Lift]) -> Lift? {
        program.functions[function].params[safe: index].flatMap { set[$0] }
    }

    func allowed(_ u: Use, _ lift: Lift, _ set: [Int: Lift]) -> Bool {
        switch u {
        case .place: return true
        case .escape: return false
        case .indexed: return lift.slice
        case .advanced, .indexedBefore: return lift.slice && lift.cursor
        case .passed(let f, let i):
            if cellCandidate(f, i) != nil, lift.mutable && !lift.slice && !lift.nullable && !lift.raw { return true }
            guard let target = liftedParameter(f, i, set), target.slice == lift.slice, target.bytes == lift.bytes,
                  !lift.nullable || target.nullable else { return false }
            return lift.mutable || !target.mutable
        case .passedField(let f, let i):
            // Given to a parameter that stays a pointer: one that does not keep it.
            guard let target = liftedParameter(f, i, set), !target.slice else {
                return program.functions[f].params[safe: i].map { transient.contains($0) } ?? false
            }
            return lift.mutable || !target.mutable
        case .passedPart(let f, let i):
            if cellCandidate(f, i) != nil, lift.slice && lift.mutable && !lift.cursor && !lift.offset && !lift.bytes && !lift.nullable { return true }
            guard lift.slice, let target = liftedParameter(f, i, set), target.slice, target.offset, target.bytes == lift.bytes else { return false }
            return lift.mutable || !target.mutable
        case .passedRow(let f, let i):
            guard lift.slice, !lift.cursor, !lift.offset, let target = liftedParameter(f, i, set), target.slice, !target.bytes, !target.offset, !target.nullable
            else { return false }
            return lift.mutable || !target.mutable
        case .library(let keeps, let readOnly): return !keeps && (lift.mutable || readOnly)
        }
    }

    func acceptable(_ p: Int, _ lift: Lift, _ set: [Int: Lift]) -> Bool {
        guard (uses[p] ?? []).allSatisfy({ allowed($0, lift, set) }) else { return false }
        let v = program.variables[p]
        guard v.function >= 0, let index = program.functions[v.function].params.firstIndex(of: p) else { return false }
        let pointee = v.type.pointee
        if across.contains(v.function) {
            // Other modules lend raw pointers to one object: a reference of its own, and a
            // mutable one overlaps no other pointer parameter's object.
            guard lift.raw, lift.nullable, !lift.slice, !lift.bytes, !lift.cursor, !lift.offset, !lift.cell else { return false }
            if lift.mutable, program.functions[v.function].params.contains(where: { q in
                q != p && program.variables[q].type.isPointer && Self.mayOverlap(pointee, program.variables[q].type.pointee, program)
            }) { return false }
        }
        /// The caller's lifted parameter `q` can be lent on here.
        func lendsOn(_ q: Int, _ call: Call) -> Bool {
            guard let l = set[q], l.slice == lift.slice, l.bytes == lift.bytes, l.mutable || !lift.mutable, !l.nullable || lift.nullable, !l.raw || lift.raw,
                  program.variables[q].type.pointee == pointee, !(l.cursor || l.offset) || lift.offset else { return false }
            return !lift.mutable || !call.args.enumerated().contains { $0.offset != index && !Self.readsValuesOnly($0.element, of: q, program: program) }
        }
        /// The caller's local `x` can be lent here: no other operand of the call reaches it but
        /// for values, or, for a shared loan, as another shared loan (`less(&a[i], &a[j])`).
        func lendable(_ x: Int, _ call: Call) -> Bool {
            guard (lends[x] ?? []).allSatisfy({ lentSafely($0, set) }) else { return false }
            let params = program.functions[call.callee].params
            return !call.args.enumerated().contains { k, other in
                guard k != index, !Self.readsValuesOnly(other, of: x, program: program) else { return false }
                guard !lift.mutable, let q = params[safe: k], let l = set[q], !l.mutable, !l.raw else { return true }
                return false
            }
        }
        /// The raw pointer `a` can be lent here: no other operand of the call reads the pointers
        /// it reads, and no other raw loan of the call may overlap it unless both are shared.
        func rawAccepted(_ a: CExpr, _ call: Call) -> Bool {
            let params = program.functions[call.callee].params
            // The pointers and arrays `a` reads: no other operand may reach the object through them.
            let ways = a.variables.filter { program.variables[$0].type.isPointer || program.variables[$0].type.isArrayLike }
            for (k, other) in call.args.enumerated() where k != index {
                if !other.variables.isDisjoint(with: ways) { return false }
                guard let q = params[safe: k], let l = set[q], l.raw, lift.mutable || l.mutable else { continue }
                if branches(other).contains(where: { rawLoanable($0, set) || parameter($0).map { set[$0] == nil } == true }),
                   Self.mayOverlap(pointee, program.variables[q].type.pointee, program) { return false }
            }
            return true
        }
        /// `a`, given at `index` in `call`, is a loan this lifting can take.
        func accepts(_ a: CExpr, _ call: Call) -> Bool {
            if case .conditional(_, let x, let y) = a.withoutQualifierCasts.kind, a.type.isPointer { return accepts(x, call) && accepts(y, call) }
            if let (object, decayed) = Self.compoundLoan(a) {
                // A compound literal is a fresh object no other pointer reaches.
                if decayed { return lift.slice && !lift.bytes && object.type.element == pointee }
                return !lift.slice && object.type == pointee
            }
            if a.isNullPointerConstant {
                guard lift.nullable else { return false }
                return true
            }
            if let root = positions.rootVariable(a, program) {
                // An element of an array in place, at a position (FaithfulElementPositions): no
                // other operand of the call may reach its object but for values.
                guard !lift.slice, lift.nullable, a.withoutQualifierCasts.type.pointee == pointee else { return false }
                return !call.args.enumerated().contains { $0.offset != index && !Self.readsValuesOnly($0.element, of: root, program: program) }
            }
            if let q = parameter(a) {
                if set[q] == nil, lift.raw { return program.variables[q].type.pointee == pointee && rawAccepted(a, call) }
                guard lendsOn(q, call) else { return false }
                return true
            }
            if lift.raw, a.withoutQualifierCasts.type.pointee == pointee, rawLoanable(a, set) {
                // A value read (`p`, `q->next`) here; the address of a place (`&slots[k]`) below,
                // after the loans of locals and of the caller's references.
                if case .unary(.addressOf, _) = a.withoutQualifierCasts.kind {} else { return rawAccepted(a, call) }
            }
            if lift.bytes {
                // A string literal, or the caller's own literal slice (offset or not).
                if FaithfulTranslator.literalBytes(a, aliases) != nil { return true }
                if staticText(a) { return !lift.offset }
                guard lift.offset, let (b, _) = offsetForm(a), let q = parameter(b), lendsOn(q, call) else { return false }
                return true
            }
            if !lift.mutable, !lift.bytes, immutableLoan(a) || offsetForm(a).map({ immutableLoan($0.0) }) == true {
                // A table the program never writes, read through a shared loan.
                if lift.slice, offsetForm(a) == nil || lift.offset, let element = decayedElement(offsetForm(a)?.0 ?? a), element == pointee { return true }
                if !lift.slice, case .unary(.addressOf, let path) = a.withoutQualifierCasts.kind, path.type == pointee { return true }
                return false
            }
            if lift.slice, !lift.bytes, !lift.offset, !lift.nullable, let (root, isParameter) = rowLoan(a, function: v.function, index: index) {
                // A row the callee declares it reaches no further than (`check_group(g[r])`).
                if isParameter {
                    guard let l = set[root], l.slice, !l.cursor, !l.offset, l.mutable || !lift.mutable else { return false }
                    return !call.args.enumerated().contains { $0.offset != index && $0.element.mentions(variable: root) && (lift.mutable || !Self.readsValuesOnly($0.element, of: root, program: program)) }
                }
                return lendable(root, call)
            }
            if lift.slice {
                // A literal lent to a read-only `char` slice, as an array of its bytes.
                if FaithfulTranslator.literalBytes(a, aliases) != nil {
                    guard !lift.mutable, pointee == .int(.char) else { return false }
                    return true
                }
                if let x = decayedArray(a) {
                    guard decayedElement(a) == pointee, lendable(x, call) else { return false }
                    return true
                }
                guard let (b, _) = offsetForm(a), lift.offset else { return false }
                if let q = parameter(b) {
                    guard lendsOn(q, call) else { return false }
                    return true
                }
                guard let x = decayedArray(b), decayedElement(b) == pointee, lendable(x, call) else { return false }
                return true
            }
            guard case .unary(.addressOf, let path) = a.withoutQualifierCasts.kind, path.type == pointee else { return false }
            if let q = arrowRoot(path) {
                if set[q] == nil { return lift.raw && rawLoanable(a, set) && rawAccepted(a, call) }
                // `&q->f`: a part of what the caller's own reference reaches.
                guard let l = set[q], !l.slice, l.mutable || !lift.mutable, !l.raw || lift.raw else { return false }
                for (k, other) in call.args.enumerated() where k != index && other.mentions(variable: q) { return false }
                return true
            }
            // `&a[k]`: one element of a local array (a checked index).
            if case .subscript(let b, _) = path.kind, let x = decayedArray(b), decayedElement(b) == pointee {
                return lendable(x, call)
            }
            // The local is reached by no other pointer, and by no other operand of the call.
            guard let x = lentLocal(a), lendable(x, call) else { return lift.raw && rawLoanable(a, set) && rawAccepted(a, call) }
            return true
        }
        for call in callsTo[v.function] ?? [] {
            guard index < call.args.count, accepts(call.args[index], call) else { return false }
        }
        return true
    }

    /// A local's address given to a lifted parameter, or to one that does not keep it.
    func lentSafely(_ u: Use, _ set: [Int: Lift]) -> Bool {
        switch u {
        case .passed(let f, let i), .passedField(let f, let i), .passedPart(let f, let i), .passedRow(let f, let i):
            guard let p = program.functions[f].params[safe: i] else { return false }
            return set[p] != nil || transient.contains(p)
        case .library(let keeps, _): return !keeps
        case .place, .escape, .indexed, .indexedBefore, .advanced: return false
        }
    }
}
