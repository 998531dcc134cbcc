import CSyntax
import RustSyntax

// MARK: writing vectors

extension FaithfulTranslator {
    /// The element count of an allocation, as `usize`.
    func vectorCount(_ c: LocalVectors.Count) -> RExpr {
        guard let operand = c.operand else { return .literal("\(c.factor)usize") }
        let n = RExpr.cast(cast(operand, to: .int(.ulong)), .named("usize"))
        if c.divisor > 1 { return .binary(.div, n, .literal("\(c.divisor)usize")) }
        return c.factor == 1 ? n : .method(n, "wrapping_mul", [.literal("\(c.factor)usize")])
    }

    /// `p = malloc(..)` (a fresh vector of zeroed elements) or `p = realloc(p, ..)` (resized).
    func vectorAllocation(_ id: Int, _ e: CExpr) -> [RStmt]? {
        let flagged = localVectors.nullFlags.contains(id)
        if let m = localVectors.witness(e), vectorName(m) == id, case .variable(let w) = e.withoutCasts.kind {
            // A witness handed back: already resized; C's pointer is now NULL where `realloc`
            // returned NULL, which the witness says.
            return flagged ? [.expr(.assign(.path(nullFlagName(id)), .path(localName(w))))] : []
        }
        if e.isNullPointerConstant, localVectors.elements[id] != nil {
            // NULL: the buffer dropped (as C leaks it) and the flag set.
            return [.expr(.assign(.path(localName(id)), .call(.path("Vec::new"), [])))]
                + (flagged ? [.expr(.assign(.path(nullFlagName(id)), .literal("true")))] : [])
        }
        /// C's pointer is not NULL now.
        let notNull: [RStmt] = flagged ? [.expr(.assign(.path(nullFlagName(id)), .literal("false")))] : []
        if localVectors.elements[id] != nil, localVectors.receivedCall(e) != nil {
            // The vector a function returns: this local owns it now (the old one dropped, as C leaks it).
            return receivedStatements(id, e)
        }
        guard let element = localVectors.elements[id], let (count, keeps) = localVectors.allocation(e, for: id) else { return nil }
        let name = RExpr.path(localName(id))
        if keeps, flagged {
            // glibc's realloc of a buffer to 0 bytes frees it and returns NULL.
            let n = temporary("n")
            let null = RExpr.binary(.and, .binary(.eq, .path(n), .literal("0usize")), .unary(.not, .method(name, "is_empty", [])))
            return [.letBinding(name: n, mutable: false, type: .named("usize"), value: vectorCount(count)),
                    .expr(.assign(.path(nullFlagName(id)), null)),
                    .expr(.method(name, "resize", [.path(n), zero(element)]))]
        }
        let resize = RStmt.expr(.method(name, "resize", [vectorCount(count), zero(element)]))
        return keeps ? [resize] : [.expr(.assign(name, .call(.path("Vec::new"), []))), resize] + notNull
    }

    /// The flag of a vector that says whether C's pointer is NULL (LocalVectors.nullFlags).
    func nullFlagName(_ id: Int) -> String {
        "__" + localName(id).replacingOccurrences(of: "r#", with: "") + "_null"
    }

    /// A vector's declaration: empty, then its allocation.
    func vectorDeclaration(_ id: Int) -> [RStmt]? {
        guard let element = localVectors.elements[id] else { return nil }
        let slot = RStmt.letBinding(name: localName(id), mutable: true, type: .generic("Vec", [rtype(element)]), value: .call(.path("Vec::new"), []))
        let startsNull = program.variables[id].initializer?.isNullPointerConstant == true
        let flag: [RStmt] = localVectors.nullFlags.contains(id)
            ? [.letBinding(name: nullFlagName(id), mutable: true, type: .named("bool"), value: .literal(startsNull ? "true" : "false"))] : []
        if startsNull { return flag + [slot] }
        if let e = program.variables[id].initializer, let f = localVectors.receivedCall(e) {
            guard localVectors.nullableReturns.contains(f) else {
                return flag + [.letBinding(name: localName(id), mutable: true, type: .generic("Vec", [rtype(element)]), value: rvalue(e.withoutCasts))]
            }
            return flag + [slot] + receivedStatements(id, e)
        }
        guard let e = program.variables[id].initializer, let allocation = vectorAllocation(id, e) else { return flag + [slot] }
        return flag + [slot] + allocation.dropFirst()
    }

    /// What a function that returns its vectors gives back: the vector itself, moved out (an
    /// empty one for a `return NULL` that a NULL test of a vector guards, never taken).
    func returnedVector(_ e: CExpr) -> RExpr? {
        guard localVectors.returning[currentFunction] != nil else { return nil }
        guard localVectors.nullableReturns.contains(currentFunction) else {
            if let v = vectorName(e) { return .path(localName(v)) }
            if localVectors.receivedCall(e) != nil { return rvalue(e.withoutCasts) }   // another's vector, handed on
            return e.isNullPointerConstant ? .call(.path("Vec::new"), []) : nil
        }
        // `Option<Vec<T>>`: NULL is `None`, a vector `Some` (`None` where its flag says NULL).
        if e.isNullPointerConstant { return .path("None") }
        if let v = vectorName(e) {
            let some = RExpr.call(.path("Some"), [.path(localName(v))])
            guard localVectors.nullFlags.contains(v) else { return some }
            return .ifElse(.path(nullFlagName(v)), RBlock(tail: .path("None")), .block(RBlock(tail: some)))
        }
        if let g = localVectors.receivedCall(e) {
            return localVectors.nullableReturns.contains(g) ? rvalue(e.withoutCasts) : .call(.path("Some"), [rvalue(e.withoutCasts)])
        }
        return nil
    }

    /// What a function that returns its vectors is declared to return: `Vec<T>`, or
    /// `Option<Vec<T>>` where it may return NULL.
    func returnedVectorType(_ f: Int, _ element: CTy) -> RType {
        let vector = RType.generic("Vec", [rtype(element)])
        return localVectors.nullableReturns.contains(f) ? .generic("Option", [vector]) : vector
    }

    /// A local taking the call of a function that returns its vectors: the vector, and its
    /// flag (C's pointer NULL where the function returned `None`).
    private func receivedStatements(_ id: Int, _ call: CExpr) -> [RStmt] {
        guard let f = localVectors.receivedCall(call) else { return [] }
        let value = rvalue(call.withoutCasts)
        guard localVectors.nullableReturns.contains(f) else {
            return [.expr(.assign(.path(localName(id)), value))]
                + (localVectors.nullFlags.contains(id) ? [.expr(.assign(.path(nullFlagName(id)), .literal("false")))] : [])
        }
        let t = temporary("returned")
        return [.letBinding(name: t, mutable: false, type: nil, value: value),
                .expr(.assign(.path(nullFlagName(id)), .method(.path(t), "is_none", []))),
                .expr(.assign(.path(localName(id)), .method(.path(t), "unwrap_or_default", [])))]
    }

    /// The vector `e` names (under casts).
    func vectorName(_ e: CExpr) -> Int? {
        guard !localVectors.isEmpty, case .variable(let id) = e.withoutCasts.kind, localVectors.isVector(id) else { return nil }
        return id
    }

    /// A vector's element `index` (nil: element 0).
    func vectorElement(_ id: Int, _ index: CExpr?) -> RExpr {
        .index(.path(localName(id)), index.map { elementIndex($0) } ?? .literal("0usize"))
    }

    /// The raw pointer C's code holds, for a library call: the vector's buffer.
    func vectorPointer(_ id: Int) -> RExpr {
        let type = rtype(program.variables[id].type)
        guard localVectors.nullFlags.contains(id), let element = localVectors.elements[id] else { return vectorBuffer(id) }
        return .cast(.ifElse(.path(nullFlagName(id)), RBlock(tail: .turbofish("::core::ptr::null_mut", [rtype(element)], [])),
                             .block(RBlock(tail: .method(.path(localName(id)), "as_mut_ptr", [])))), type)
    }

    /// The vector's buffer as C's pointer, whatever its NULL flag says (`realloc(NULL, n)`'s result).
    func vectorBuffer(_ id: Int) -> RExpr {
        .cast(.method(.path(localName(id)), "as_mut_ptr", []), rtype(program.variables[id].type))
    }
}
