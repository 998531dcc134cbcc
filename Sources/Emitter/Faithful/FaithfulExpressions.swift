import CSyntax
import RustSyntax

/// Expressions: C's semantics made explicit. Integer arithmetic wraps (unsigned wraps in C;
/// signed overflow is undefined there, so wrapping is one faithful choice), conversions are
/// casts, comparisons and logical operators give `int`, assignments and `++` used as values
/// are blocks that evaluate their place once.
extension FaithfulTranslator {
    static let addrOf = "::core::ptr::addr_of_mut"
    static let addrOfConst = "::core::ptr::addr_of"

    // MARK: literals

    func intLiteral(_ v: UInt64, _ t: CTy) -> RExpr {
        guard case .int(let k) = t else {
            if t.isPointer { return v == 0 ? zero(t) : .cast(.literal("\(v)usize"), rtype(t)) }
            if case .float(let f) = t { return .literal("\(Double(v))" + (f == .float ? "f32" : "f64")) }
            return .literal("\(v)")
        }
        if k == .bool { return .literal(v != 0 ? "true" : "false") }
        let bits = k.size * 8
        let masked = bits >= 64 ? v : v & ((1 << UInt64(bits)) - 1)
        if k.isSigned {
            var s = Int64(bitPattern: masked)
            if bits < 64, s >= (1 << Int64(bits - 1)) { s -= 1 << Int64(bits) }
            return .literal("\(s)\(Self.intName(k))")
        }
        return .literal("\(masked)\(Self.intName(k))")
    }

    func floatLiteral(_ v: Double, _ t: CTy) -> RExpr {
        let suffix = t == .float(.float) ? "f32" : "f64"
        if v.isNaN { return .path("\(suffix)::NAN") }
        if v.isInfinite { return .path(v > 0 ? "\(suffix)::INFINITY" : "\(suffix)::NEG_INFINITY") }
        var text = suffix == "f32" ? "\(Float(v))" : "\(v)"
        if !text.contains(".") && !text.contains("e") { text += ".0" }
        if text.contains("e") && !text.contains(".") {
            // `1e+20` is a valid Rust float literal only with a suffix: kept as `1e20f64`.
            text = text.replacingOccurrences(of: "e+", with: "e")
        }
        return .literal(text + suffix)
    }

    /// `b"..\0"` for a string literal's bytes.
    func byteString(_ bytes: [UInt8]) -> String {
        var s = "b\""
        for b in bytes + [0] {
            switch b {
            case 0x5C: s += "\\\\"
            case 0x22: s += "\\\""
            case 0x0A: s += "\\n"
            case 0x09: s += "\\t"
            case 0x20...0x7E: s += String(UnicodeScalar(b))
            default: s += "\\x" + String(b, radix: 16, uppercase: false).leftPad(2)
            }
        }
        return s + "\""
    }

    /// A char array's value from a string literal: the bytes, NUL-padded or cut to the array.
    func stringArray(_ bytes: [UInt8], element: CTy, count: Int) -> RExpr {
        var all = bytes + [0]
        if all.count < count { all += Array(repeating: 0, count: count - all.count) }
        all = Array(all.prefix(count))
        return .arrayLiteral(all.map { intLiteral(UInt64($0), element) })
    }

    /// A static's initializer is evaluated by rustc at compile time.
    var inStaticInitializer: Bool { currentFunction < 0 }

    // MARK: values

    func rvalue(_ e: CExpr) -> RExpr {
        // A value read inside a place being written (an index) reads shared.
        let saved = (placeMutably, hoistIndexes)
        placeMutably = false
        hoistIndexes = false
        defer { (placeMutably, hoistIndexes) = saved }
        return valueOf(e)
    }

    private func valueOf(_ e: CExpr) -> RExpr {
        if e.type == .float(.longDouble) {
            // Rust has no 80-bit float: computing in f64 would print other digits.
            refuse("`long double` arithmetic (Rust has no 80-bit float)", at: e.loc)
        }
        // A value of a type with no Rust form (a row of a variable-length array used as a whole,
        // `&a[i]`; `_Complex`) would come out as `()`: refused, never printed.
        if case .unsupported(let what) = e.type { refuse("a value of type \(what)", at: e.loc) }
        if case .member = e.kind, let (m, _) = fieldVector(e) { return fieldVectorPointer(m) }   // a member vector's buffer, lent to the C library
        if closuresInUse, let read = heapRead(e) { return read }
        switch e.kind {
        case .intLiteral(let v): return intLiteral(v, e.type)
        case .floatLiteral(let v): return floatLiteral(v, e.type)
        case .stringLiteral(let bytes):
            if case .array(let el, let n) = e.type { return stringArray(bytes, element: el, count: n ?? bytes.count + 1) }
            return .literal(byteString(bytes))
        case .variable(let id):
            if atomicStatics.contains(id) { return Self.atomicLoad(variableRef(id), float: atomicBits(e.type)) }
            if literalGlobals[id] != nil { return literalGlobalPointer(id) }
            return variableRef(id)
        case .function(let id):
            need(function: id)
            return .path(functionName(id))
        case .unary(let op, let x): return unary(op, x, e)
        case .binary(let op, let l, let r): return binary(op, l, r, e.type)
        case .assign, .compoundAssign: return assignmentValue(e)
        case .conditional(let c, let a, let b):
            return .ifElse(condition(c), RBlock(tail: rvalue(a)), .block(RBlock(tail: rvalue(b))))
        case .elvis(let a, let b):
            let t = temporary()
            return .block(RBlock([.letBinding(name: t, mutable: false, type: rtype(a.type), value: rvalue(a))],
                                 tail: .ifElse(truth(.path(t), a.type), RBlock(tail: .path(t)), .block(RBlock(tail: rvalue(b))))))
        case .call(let callee, let args): return call(callee, args, e)
        case .member(let base, let r, let f, let arrow):
            if let b = bitFields(of: r)[f] {
                let getter = b.name.hasPrefix("r#") ? String(b.name.dropFirst(2)) : b.name
                if !arrow, insidePacked(base) {
                    // A record that sits unaligned in a packed one is read through a copy.
                    return .block(RBlock([.letBinding(name: "__record", mutable: false, type: nil, value: place(base))],
                                         tail: .method(.path("__record"), getter, [])))
                }
                return .method(recordPlace(base, arrow), getter, [])
            }
            if isLiteralField(r, f) { return literalFieldPointer(.field(recordPlace(base, arrow), fieldName(r, f)), e.type) }
            return .field(recordPlace(base, arrow), fieldName(r, f))
        case .subscript:
            if let cell = atomicCell(e) { return Self.atomicLoad(cell, float: atomicBits(e.type)) }
            return place(e)
        case .cast(let x, _): return cast(x, to: e.type)
        case .initList: return aggregate(e)
        case .compoundLiteral(let inner): return rvalue(inner)
        case .statementExpr(let s): return .block(statementExpressionBlock(s, at: e.loc))
        case .vaArg(let list): return vaArg(list, e)
        case .labelAddress(let f, let label):
            // The label's number in its function's `goto *` dispatch (FaithfulGoto), never 0.
            return .cast(.literal("\((labelTargets(f).firstIndex(of: label) ?? -1) + 1)usize"), rtype(e.type))
        case .atomic(let name, let operands): return atomicBuiltin(name, operands, e)
        case .intrinsic(let name, let args): return intrinsic(name, args, e.type)
        case .vlaSizeof(let id, let size):
            return .method(.cast(.method(.path(localName(id)), "len", []), rtype(e.type)), "wrapping_mul", [intLiteral(size, e.type)])
        case .unsupported(let what):
            refuse(what, at: e.loc)
            return .unitValue
        }
    }

    func variableRef(_ id: Int) -> RExpr {
        let v = program.variables[id]
        switch v.storage {
        case .local, .parameter:
            if localCursors.isCursor(id) { return cursorPointer(id) }
            // A text local's value as C sees it: the pointer to its first byte.
            if textLocals.contains(id) { return .cast(.method(.path(localName(id)), "as_ptr", []), rtype(v.type)) }
            if localVectors.isVector(id) { return vectorPointer(id) }
            if localVectors.witnesses[id] != nil { return witnessPointer(id) }   // the member it resized, or NULL
            if let pointer = positionPointer(id) { return pointer }   // text at a position (FaithfulElementPositions)
            if v.explicitlyAligned { return .field(.path(localName(id)), "0") }   // inside its `AlignedN`
            // A lifted parameter's value as C sees it: the raw pointer.
            if let lift = liftedParameters[id] {
                var start: RExpr = .method(.path(localName(id)), lift.mutable ? "as_mut_ptr" : "as_ptr", [])
                // A walked slice: where the C pointer is now (wrapping_add on a pointer is safe).
                if let at = cursorOffsets[id] { start = .method(start, "wrapping_add", [.path(at)]) }
                if lift.bytes { return .cast(start, rtype(v.type)) }
                if lift.slice { return start }
                if lift.nullable, let pointee = v.type.pointee {
                    // `Some(r)` is `r`'s address, `None` is NULL.
                    let target = rtype(pointee)
                    let address = RExpr.match(.unary(.ref, .path(localName(id))), [
                        RArm(["Some(__r)"], RBlock(tail: .cast(.unary(.ref, .unary(.deref, .unary(.deref, .path("__r")))), .pointer(target, mutable: false)))),
                        RArm(["None"], RBlock(tail: .turbofish("::core::ptr::null", [target], [])))])
                    return .cast(address, rtype(v.type))
                }
                return .cast(.path(localName(id)), rtype(v.type))
            }
            return .path(localName(id))
        case .global, .external, .staticLocal:
            // Inside a loan's closure (FaithfulGlobalCells): the cell's value, through the closure's parameter.
            if let name = boundCells[id] { return .unary(.deref, .path(name)) }
            need(variable: id)
            if alignedStatics[id] != nil { return .field(.path(globalName(id)), "0") }
            return .path(globalName(id))
        }
    }

    private func isStaticStorage(_ e: CExpr) -> Bool {
        switch e.kind {
        case .variable(let id): return program.variables[id].storage != .local && program.variables[id].storage != .parameter
        case .member(let b, _, _, let arrow): return !arrow && isStaticStorage(b)
        case .subscript(let b, _):
            if case .cast(let inner, _) = b.kind, inner.type.element != nil { return isStaticStorage(inner) }
            return false
        default: return false
        }
    }

    /// A compound literal whose address is taken lives, as in C, until the end of the enclosing
    /// block: it becomes a local declared just before the statement (hoisted to the function's
    /// top in a state machine, whose blocks are match arms).
    func literalObject(_ value: CExpr, at loc: CLoc) -> RExpr {
        if inStaticInitializer {
            // In a static's initializer the literal has static storage: a static of its own.
            var name = "__literal_static"
            var k = 0
            while takenGlobalNames.contains(name) { k += 1; name = "__literal_static_\(k)" }
            takenGlobalNames.insert(name)
            extraItems.append(.staticVar(name: name, type: rtype(value.type), value: .block(RBlock(tail: rvalue(value), isUnsafe: true)),
                                         mutable: true, comments: ["a compound literal in a static initializer (\(loc.line):\(loc.column)): static storage, as in C"]))
            return .path(name)
        }
        // The slot is declared before the statement; the value is stored where C evaluates it
        // (a loop condition, one side of `&&`), and the place is the slot.
        let name = temporary("literal")
        let slot = RStmt.letBinding(name: name, mutable: true, type: rtype(value.type), value: zero(value.type))
        if hoistLiterals { hoistedLiterals.append(slot) } else { prelude.append(slot) }
        return .unary(.deref, .block(RBlock([.expr(.assign(.path(name), rvalue(value)))], tail: .macro(Self.addrOf, [.path(name)]))))
    }

    /// Runs `body` and puts the statements its compound literals need before its own.
    func withPrelude(_ body: () -> [RStmt]) -> [RStmt] {
        let saved = prelude
        prelude = []
        let out = body()
        let before = prelude
        prelude = saved
        return before + out
    }

    /// Whether the place `e` is a member of a packed record (so no reference to it may be made).
    func insidePacked(_ e: CExpr) -> Bool {
        switch e.kind {
        case .member(let base, let r, _, let arrow): return isPacked(r) || (!arrow && insidePacked(base))
        case .subscript(let base, _):
            if case .cast(let array, _) = base.kind, array.type.element != nil { return insidePacked(array) }
            return false
        default: return false
        }
    }

    /// The place of a record for a member access: `(*p)` for `p->f`, the record's own place for `s.f`.
    func recordPlace(_ base: CExpr, _ arrow: Bool) -> RExpr {
        arrow ? pointee(base) : place(base)
    }

    /// The literal a pointer variable always holds (a literal alias, FaithfulStatics).
    func aliasedLiteral(_ p: CExpr) -> [UInt8]? {
        guard case .variable(let id) = p.withoutCasts.kind, p.type.isPointer else { return nil }
        return literalAliases[id]
    }

    /// `*p` as a place: the object a pointer alias always points to, through a lifted
    /// parameter, a local cursor's index or a local `Vec`'s first element when `p` is one of
    /// those, through the raw pointer otherwise.
    func pointee(_ p: CExpr) -> RExpr {
        if let r = positionPlace(p) { return r }
        if let id = linkVariable(p) { return .method(.path(localName(id)), "get", []) }   // a handle a link points to
        if let id = textReference(p), case .pointer(let t, _) = p.type {
            return .cast(.method(.unary(.deref, .path(localName(id))), "as_ptr", []), rtype(t))   // an element a comparator is given
        }
        if errnoModule, Self.isErrnoLocation(p, program) { return errnoRead() }
        if let object = aliasedObject(p) { return place(object) }
        if let r = liftedPointee(p) { return r }
        if let id = textLocal(p), case .pointer(let t, _) = p.type { return textByte(id, nil, t) }
        if let (table, i) = literalTableRead(p.withoutCasts), case .pointer(let t, _) = p.type {
            // `*names[i]`: the first byte of a table's text.
            let byte = RExpr.index(.index(variableRef(table), .cast(rvalue(i), .named("usize"))), .literal("0usize"))
            return t == .int(.uchar) ? byte : .cast(byte, rtype(t))
        }
        if let bytes = aliasedLiteral(p), case .pointer(let t, _) = p.type {
            let byte = RExpr.index(.literal(byteString(bytes)), .literal("0usize"))
            return t == .int(.uchar) ? byte : .cast(byte, rtype(t))
        }
        if let c = cursorPlace(p) { return cursorElement(c) }
        if let v = vectorName(p) { return vectorElement(v, nil) }
        if let (b, k) = p.pointerOffset, case .binary = p.withoutQualifierCasts.kind, let v = vectorName(b) { return vectorElement(v, k) }   // `*(v + k)`
        if let (m, _) = fieldVector(p) { return fieldVectorElement(m, nil) }
        if staticReference(p.type) != nil { return staticReferencePointee(p) }
        return .unary(.deref, rvalue(p))
    }

    /// The lifted parameter `e` names (under conversions that keep the pointee).
    func lifted(_ e: CExpr) -> (name: String, lift: ReferenceLifting.Lift)? {
        guard let id = liftedID(e), let lift = liftedParameters[id] else { return nil }
        return (localName(id), lift)
    }

    func liftedID(_ e: CExpr) -> Int? {
        guard case .variable(let id) = e.withoutQualifierCasts.kind, liftedParameters[id] != nil else { return nil }
        return id
    }

    /// Where in a lifted slice `e` + `offset` is: the offset, moved by a walked slice's own.
    func sliceIndex(_ e: CExpr, _ offset: RExpr) -> RExpr {
        guard let id = liftedID(e), let at = cursorOffsets[id] else { return offset }
        if case .literal("0usize") = offset { return .path(at) }
        return .method(.path(at), "wrapping_add", [offset])
    }

    /// The object a lifted parameter points to, as a place: `*p`, or `p[0]` for a slice; for
    /// `*s++` of a walked slice, the element at its offset as it moves.
    func liftedPointee(_ e: CExpr) -> RExpr? {
        if let (slice, index, bytes) = steppedSliceElement(e) {
            let element = RExpr.index(slice, index)
            return bytes ? .cast(element, .named("i8")) : element
        }
        guard let (name, lift) = lifted(e) else { return nil }
        if lift.cell { return .method(.path(name), "get", []) }   // read whole (written through `target`)
        let first = RExpr.index(.path(name), sliceIndex(e, .literal("0usize")))
        if lift.bytes { return .cast(first, .named("i8")) }
        if lift.nullable {
            // NULL panics here, where C's access faults. Reborrowed mutably only where the place
            // is written or lent mutably; read shared (so `s->a[s->top]` borrows `s` twice, shared).
            let reference: RExpr = !lift.mutable ? .path(name) : .method(.path(name), placeMutably ? "as_deref_mut" : "as_deref", [])
            return .unary(.deref, .method(reference, "unwrap", []))
        }
        return lift.slice ? first : .unary(.deref, .path(name))
    }

    /// `s++` (`++s`, `s--`, `--s`) of a walked slice parameter, under `*`: the slice, the index
    /// of the element (a block that moves the offset), and whether it holds bytes read as `char`.
    func steppedSliceElement(_ e: CExpr) -> (RExpr, RExpr, Bool)? {
        guard case .unary(let op, let x) = e.withoutQualifierCasts.kind, [.preInc, .preDec, .postInc, .postDec].contains(op),
              let (name, lift) = lifted(x), lift.slice, let id = liftedID(x), let at = cursorOffsets[id] else { return nil }
        return (.path(name), steppedIndex(.path(at), op), lift.bytes)
    }

    /// For an offset parameter: the whole slice lent and the position in it (`0usize`, the
    /// caller's own offset, `k`, or both added).
    func offsetArgument(_ a: CExpr, _ lift: ReferenceLifting.Lift) -> (RExpr, RExpr) {
        let op: RUnaryOp = lift.mutable ? .refMut : .ref
        let e = a.withoutPointerConversions
        var base = e, offset: CExpr?
        if case .binary(.add, let b, let k) = e.kind, b.type.isPointer { base = b; offset = k }
        if case .unary(.addressOf, let x) = e.kind, case .subscript(let b, let k) = x.kind { base = b; offset = k }
        let k: RExpr? = offset.map { .cast(rvalue($0), .named("usize")) }
        if let (object, _) = ReferenceLifting.compoundLoan(base), case .compoundLiteral(let inner) = object.kind {
            return (.unary(op, rvalue(inner)), k ?? .literal("0usize"))
        }
        if let (name, _) = lifted(base), let id = liftedID(base) {
            let own: RExpr? = cursorOffsets[id].map { .path($0) }
            let at: RExpr = own.map { o in k.map { .method(o, "wrapping_add", [$0]) } ?? o } ?? k ?? .literal("0usize")
            // Passed on whole: `&mut *q` keeps `q` for later (an implicit reborrow needs no `&mut *`).
            return (.path(name), at)
        }
        // A literal first: it has an array type too, but is lent as its bytes.
        if let bytes = Self.literalBytes(base, literalAliases) {
            let lent: RExpr = lift.bytes ? .literal(byteString(bytes)) : .unary(.ref, .arrayLiteral((bytes + [0]).map { .literal("\(Int8(bitPattern: $0))i8") }))
            return (lent, k ?? .literal("0usize"))
        }
        let array = base.withoutCasts
        if case .array = array.type { return (.unary(op, place(array)), k ?? .literal("0usize")) }
        if let v = vectorName(base) { return (.method(.path(localName(v)), lift.mutable ? "as_mut_slice" : "as_slice", []), k ?? .literal("0usize")) }
        return (rvalue(a), .literal("0usize"))
    }

    /// `p++`, `p -= k`, `p = p + k` on a walked slice parameter, as a statement: its offset moves.
    func cursorAdvance(_ e: CExpr) -> [RStmt]? {
        var target: CExpr, step: RExpr = .literal("1usize"), back = false
        switch e.kind {
        case .unary(let op, let x) where [.preInc, .preDec, .postInc, .postDec].contains(op):
            target = x; back = op == .preDec || op == .postDec
        case .compoundAssign(let op, let x, let k) where (op == .add || op == .sub) && k.type.isInteger:
            target = x; back = op == .sub; step = .cast(rvalue(k), .named("usize"))
        case .assign(let x, let value):
            var v = value
            while case .cast(let inner, _) = v.kind { v = inner }
            guard case .binary(let op, let y, let k) = v.kind, op == .add || op == .sub, k.type.isInteger, liftedID(y) == liftedID(x) else { return nil }
            target = x; back = op == .sub; step = .cast(rvalue(k), .named("usize"))
        default: return nil
        }
        guard let id = liftedID(target), let at = cursorOffsets[id] else { return nil }
        return [.expr(.assign(.path(at), .method(.path(at), back ? "wrapping_sub" : "wrapping_add", [step])))]
    }

    /// `a` is a raw pointer (or the address of a place behind one) lent to a parameter that takes
    /// raw loans, converted at the call.
    func rawLoan(_ a: CExpr) -> Bool {
        ReferenceLifting.rawLoan(a, lifted: { self.liftedParameters[$0] != nil }) {
            ReferenceLifting.lentOtherwise($0, vectors: self.localVectors, cursors: self.localCursors, aliases: self.literalAliases, texts: self.textLocals,
                                           positions: self.elementPositions)
        }
    }

    /// An argument for a lifted parameter: the caller's reference or slice (`q`, `&mut q[k..]`),
    /// or a loan of its local (`&mut x`, `&mut a`, `&mut a[k..]`).
    func liftedArgument(_ a: CExpr, _ lift: ReferenceLifting.Lift) -> RExpr {
        if case .conditional(let c, let x, let y) = a.withoutQualifierCasts.kind, a.type.isPointer {
            return .ifElse(condition(c), RBlock(tail: liftedArgument(x, lift)), .block(RBlock(tail: liftedArgument(y, lift))))
        }
        if isPosition(a) { return positionLoan(a, mutable: lift.mutable) }
        if lift.nullable {
            // `None` for NULL, the caller's own `Option` lent on, `Some` of any other loan.
            if a.isNullPointerConstant { return .path("None") }
            if let (name, l) = lifted(a), l.nullable {
                // Reborrowed: mutably, or shared from the caller's `Option<&mut T>`; a shared one is copied.
                return l.mutable ? .method(.path(name), lift.mutable ? "as_deref_mut" : "as_deref", []) : .path(name)
            }
            var plain = lift
            plain.nullable = false
            if let (name, l) = lifted(a) {
                let loan: RExpr = lift.mutable ? .unary(.refMut, .unary(.deref, .path(name))) : l.mutable ? .unary(.ref, .unary(.deref, .path(name))) : .path(name)
                return .call(.path("Some"), [loan])
            }
            if lift.raw, rawLoan(a) {
                // A raw pointer the caller holds, lent for the call (FaithfulReferences: `Lift.raw`).
                prelude.append(.comment("SAFETY: a raw pointer lent as a reference (None for NULL): the callee needs no unsafe, so nothing else reaches the object while it runs, and it keeps no pointer to it"))
                return .method(rvalue(a), lift.mutable ? "as_mut" : "as_ref", [])
            }
            return .call(.path("Some"), [liftedArgument(a, plain)])
        }
        if let (name, l) = lifted(a) {
            // A walked slice lends what is left of it.
            if l.cursor { return .unary(lift.mutable ? .refMut : .ref, .index(.path(name), .rangeFrom(sliceIndex(a, .literal("0usize"))))) }
            return .path(name)
        }
        let e = a.withoutPointerConversions
        let op: RUnaryOp = lift.mutable ? .refMut : .ref
        if let (object, _) = ReferenceLifting.compoundLoan(a), case .compoundLiteral(let inner) = object.kind {
            return .unary(op, rvalue(inner))   // a temporary that lives to the end of the statement
        }
        if lift.bytes, let (table, i) = literalTableRead(a.withoutCasts) {
            return .index(variableRef(table), .cast(rvalue(i), .named("usize")))   // the element, with its NUL
        }
        if lift.bytes, case .call(let callee, _) = a.withoutCasts.kind, case .function(let id) = callee.withoutCasts.kind, literalFunctions.contains(id) {
            return literalSlice(a.withoutCasts)
        }
        if lift.bytes, let t = textLocal(a) { return .path(localName(t)) }
        if lift.bytes, case .unary(.deref, let p) = a.withoutCasts.kind, let r = textReference(p) { return .unary(.deref, .path(localName(r))) }
        if lift.bytes, Self.textTail(a) != nil, staticText(a) { return textValue(a) }
        if let bytes = Self.literalBytes(a, literalAliases) {
            // `b"..\0"` for a byte slice; for a `char` slice the same bytes as an `&[i8]` array.
            if lift.bytes { return .literal(byteString(bytes)) }
            return .unary(.ref, .arrayLiteral((bytes + [0]).map { .literal("\(Int8(bitPattern: $0))i8") }))
        }
        if lift.slice {
            if case .cast(let array, _) = e.kind, case .array = array.type { return .unary(op, place(array)) }
            if let v = vectorName(e) { return .method(.path(localName(v)), lift.mutable ? "as_mut_slice" : "as_slice", []) }
            var base: CExpr?, offset: CExpr?
            if case .binary(.add, let b, let k) = e.kind { base = b; offset = k }
            if case .unary(.addressOf, let x) = e.kind, case .subscript(let b, let k) = x.kind { base = b; offset = k }
            guard let base, let offset else { return rvalue(a) }
            let start = RExpr.rangeFrom(.cast(rvalue(offset), .named("usize")))
            if let (name, _) = lifted(base) { return .unary(op, .index(.path(name), .rangeFrom(sliceIndex(base, .cast(rvalue(offset), .named("usize")))))) }
            if let v = vectorName(base) { return .unary(op, .index(.path(localName(v)), start)) }
            if case .cast(let array, _) = base.kind, case .array = array.type { return .unary(op, .index(place(array), start)) }
            return rvalue(a)
        }
        guard case .unary(.addressOf, let path) = e.kind else { return rvalue(a) }
        return .unary(op, mutablePlace(path, lift.mutable))
    }

    // MARK: places

    /// A place whose address is taken. A member of a record that is no object (`f().name`, an
    /// array member decaying to a pointer) lives, in C, until the end of the full expression:
    /// the record goes into a slot first, as a compound literal does.
    func addressablePlace(_ e: CExpr) -> RExpr {
        guard case .member(let base, let r, let f, false) = e.kind else { return place(e) }
        switch base.kind {
        case .variable, .unary(.deref, _), .subscript, .compoundLiteral, .stringLiteral: return place(e)
        case .member: return .field(addressablePlace(base), fieldName(r, f))
        default: return .field(literalObject(base, at: base.loc), fieldName(r, f))
        }
    }

    /// `place(e)`, reached mutably (written, or lent `&mut`) when `mutably`.
    func mutablePlace(_ e: CExpr, _ mutably: Bool) -> RExpr {
        reached(mutably: mutably) { place(e) }
    }

    /// `body`'s places, reached mutably (written, lent `&mut`, `addr_of_mut!`) when `mutably`.
    func reached<T>(mutably: Bool, _ body: () -> T) -> T {
        let saved = placeMutably
        placeMutably = mutably
        defer { placeMutably = saved }
        return body()
    }

    /// The Rust place of a C lvalue (a bit-field has none: see `assignment`).
    func place(_ e: CExpr) -> RExpr {
        // A place inside a heap object is only ever read here (its writes go through `target`,
        // its arrays only to calls that read them while they run): a copy of it.
        if closuresInUse, let read = heapRead(e) { return read }
        switch e.kind {
        case .variable(let id): return variableRef(id)
        case .unary(.deref, let p): return pointee(p)
        case .member(let base, let r, let f, let arrow):
            return .field(recordPlace(base, arrow), fieldName(r, f))
        case .subscript(let base, let index) where { if case .vector = base.type { return true }; return false }():
            // GCC's vector element (`v[2]`): through a pointer to the register's bytes.
            guard case .vector(let element, _) = base.type else { return rvalue(e) }
            let bytes = RExpr.cast(.macro(Self.addrOf, [place(base)]), .pointer(rtype(element), mutable: true))
            return .unary(.deref, offset(bytes, index))
        case .subscript(let base, let index):
            if ctypeRuntime, let (table, i) = Self.ctypeTableRead(e, program) { return ctypeTableExpression(table, i, e.type) }
            if case .subscript(let row, let j) = e.kind, let (table, i) = literalTableRead(row.withoutCasts) {
                // A character of a table's string (`argv[i][j]`), as C's `char`.
                let byte = RExpr.index(.index(variableRef(table), .cast(rvalue(i), .named("usize"))), .cast(rvalue(j), .named("usize")))
                return e.type == .int(.uchar) ? byte : .cast(byte, rtype(e.type))
            }
            if let (table, i) = literalTableRead(e) {
                // An element of a literal table, as C's `const char *`.
                return .cast(.method(.index(variableRef(table), .cast(rvalue(i), .named("usize"))), "as_ptr", []), rtype(e.type))
            }
            if base.type.isPointer, let id = textLocal(base) { return textByte(id, index, e.type) }
            if base.type.isPointer, let bytes = aliasedLiteral(base) {
                // `s[i]` of a pointer that only holds one literal: the literal's byte, a checked index.
                let byte = RExpr.index(.literal(byteString(bytes)), .cast(rvalue(index), .named("usize")))
                return e.type == .int(.uchar) ? byte : .cast(byte, rtype(e.type))
            }
            if base.type.isPointer, let c = cursorPlace(base) { return cursorElement(c, plus: index) }
            if base.type.isPointer, let v = vectorName(base) { return vectorElement(v, index) }
            if base.type.isPointer, let (m, _) = fieldVector(base) { return fieldVectorElement(m, index) }
            if let (name, lift) = lifted(base), lift.slice {
                let element = RExpr.index(.path(name), sliceIndex(base, .cast(rvalue(index), .named("usize"))))
                return lift.bytes ? .cast(element, .named("i8")) : element   // read only: C's `const char`
            }
            if case .cast(let array, _) = base.kind, case .array(_, let count) = array.type, base.type.isPointer {
                // A flexible array member (`T data[]`) or the old struct hack (`T data[1]`) is
                // indexed past its declared end: through the pointer, as C does, not Rust's checked index.
                if case .stringLiteral(let bytes) = array.kind, case .array(.int(let k), _) = array.type, k.size == 1 {
                    // `"0123456789abcdef"[d]`: the literal's byte, a checked index (writing it is undefined in C).
                    let byte = RExpr.index(.literal(byteString(bytes)), .cast(rvalue(index), .named("usize")))
                    return e.type == .int(.uchar) ? byte : .cast(byte, rtype(e.type))
                } else if case .stringLiteral = array.kind {} else if let count, count > 1 {
                    return .index(place(array), elementIndex(index))
                }
            }
            return .unary(.deref, offset(rvalue(base), index))
        case .compoundLiteral(let inner): return literalObject(inner, at: e.loc)
        case .stringLiteral(let bytes): return .unary(.deref, .literal(byteString(bytes)))
        default:
            return rvalue(e)
        }
    }

    /// An element's index as `usize`; while a place is written through a borrow that the index
    /// reads again, computed first into a temporary (see `target`).
    func elementIndex(_ index: CExpr) -> RExpr {
        guard hoistIndexes, index.integerLiteralValue == nil else { return .cast(rvalue(index), .named("usize")) }
        let t = temporary("i")
        hoistedIndexes.append(.letBinding(name: t, mutable: false, type: nil, value: .cast(rvalue(index), .named("usize"))))
        return .path(t)
    }

    /// `p.offset(i)` with the index as isize.
    func offset(_ p: RExpr, _ index: CExpr, negate: Bool = false) -> RExpr {
        var i: RExpr
        if case .intLiteral(let v) = index.kind, index.type.isInteger {
            let s = Int64(bitPattern: v)
            i = .literal("\(negate ? -s : s)isize")
            if s == 0 { return p }
        } else {
            i = .cast(rvalue(index), .named("isize"))
            if negate { i = .method(i, "wrapping_neg", []) }
        }
        return .method(p, "offset", [i])
    }

    /// A place that can be written twice without evaluating anything twice.
    func isPure(_ e: CExpr) -> Bool {
        // A position evaluated once for the place it reaches (FaithfulAssignments).
        if !pinnedPositions.isEmpty, pinnedPositions[ObjectIdentifier(e.withoutQualifierCasts)] != nil { return true }
        switch e.kind {
        case .variable, .intLiteral, .floatLiteral, .stringLiteral, .function: return true
        case .unary(let op, let x): return [.deref, .addressOf, .minus, .plus, .bitNot, .logicalNot].contains(op) && isPure(x)
        case .binary(let op, let a, let b): return op != .comma && isPure(a) && isPure(b)
        case .member(let b, _, _, _): return isPure(b)
        case .subscript(let a, let b): return isPure(a) && isPure(b)
        case .cast(let x, _): return isPure(x)
        default: return false
        }
    }

    // MARK: conversions

    func cast(_ x: CExpr, to t: CTy) -> RExpr {
        let from = x.type
        if t == .void { return .block(RBlock([.letBinding(name: "_", mutable: false, type: nil, value: rvalue(x))])) }
        if let r = heapRecord(t) {
            // A heap object's handle: NULL, a new object, or the same handle (a qualifier changed).
            if x.isNullPointerConstant { return heapNull(r) }
            if heapRecord(from) != r { return heapAllocation(r) }
            return rvalue(x)
        }
        // `NULL` (`(void *)0`) as a function pointer: no function.
        if isFunctionPointerType(t), x.isNullPointerConstant { return .path("None") }
        if staticReference(t) != nil, staticReference(from) == nil {
            // A static reference (FaithfulStaticReferences): NULL, or an immutable static array's first element.
            if x.isNullPointerConstant { return .path("None") }
            if case .array = from { return .call(.path("Some"), [.unary(.ref, .index(place(x), .literal("0usize")))]) }
        }
        // Array to pointer.
        if case .array(let el, _) = from, case .pointer(_, let c) = t {
            let target = rtype(t)
            if case .stringLiteral(let bytes) = x.kind {
                return .cast(.method(.literal(byteString(bytes)), "as_ptr", []), target)
            }
            let elementPointer = RType.pointer(rtype(el), mutable: !c)
            let base: RExpr
            if case .variable(let id) = x.kind, program.variables[id].storage == .local || program.variables[id].storage == .parameter {
                base = .method(variableRef(id), c ? "as_ptr" : "as_mut_ptr", [])
            } else {
                let viaConst = c || inStaticInitializer
                // `addr_of_mut!` of a member reached through a nullable parameter reborrows it mutably.
                let object = reached(mutably: !viaConst) { addressablePlace(x) }
                base = .cast(.macro(viaConst ? Self.addrOfConst : Self.addrOf, [object]), elementPointer)
            }
            return elementPointer == target ? base : .cast(base, target)
        }
        // Function to pointer.
        if case .function(let f) = from {
            if case .unary(.deref, let p) = x.kind { return rvalue(p) }
            let fn = rvalue(x)
            let target = rtype(t)
            if case .pointer(.function(let g), _) = t, g.params.count == f.params.count, g.variadic == f.variadic {
                return .call(.path("Some"), [.cast(fn, rtype(.function(f)))])
            }
            return .turbofish("::core::mem::transmute", [rtype(.pointer(.function(f), constPointee: false)), target],
                              [.call(.path("Some"), [.cast(fn, rtype(.function(f)))])])
        }
        if case .intLiteral(let v) = x.kind, t.isScalar, from.isInteger { return literalConversion(v, from, t) }
        return convert(rvalue(x), from: from, to: t)
    }

    private func literalConversion(_ v: UInt64, _ from: CTy, _ t: CTy) -> RExpr {
        if case .int = t, case .int(let k) = from {
            // The literal's value as C converts it (sign-extended from its own type).
            var wide = v
            if k.isSigned, k.size < 8 {
                let bits = UInt64(k.size * 8)
                let m = v & ((1 << bits) - 1)
                wide = m & (1 << (bits - 1)) != 0 ? m | ~((1 << bits) - 1) : m
            }
            return intLiteral(wide, t)
        }
        if t.isPointer, v == 0 { return zero(t) }
        return convert(intLiteral(v, from), from: from, to: t)
    }

    func convert(_ value: RExpr, from: CTy, to t: CTy) -> RExpr {
        if from == t { return value }
        let target = rtype(t)
        switch (from, t) {
        case (_, .int(.bool)):
            return truth(value, from)
        case (.int(.bool), .float):
            return .cast(.cast(value, .named("u8")), target)
        case (.int, .int), (.int, .float), (.float, .int), (.float, .float):
            return rtype(from) == target ? value : .cast(value, target)
        case (.int, .pointer(.function, _)):
            return .turbofish("::core::mem::transmute", [.named("usize"), target], [.cast(value, .named("usize"))])
        case (.int, .pointer):
            return .cast(value, target)
        case (.pointer(.function, _), .int):
            return .cast(.turbofish("::core::mem::transmute", [rtype(from), .named("usize")], [value]), target)
        case (.pointer, .int):
            return .cast(value, target)
        case (.pointer(.function, _), .pointer(.function, _)):
            return rtype(from) == target ? value : .turbofish("::core::mem::transmute", [rtype(from), target], [value])
        case (.pointer(.function, _), .pointer), (.pointer, .pointer(.function, _)):
            return .turbofish("::core::mem::transmute", [rtype(from), target], [value])
        case (.pointer, .pointer):
            return rtype(from) == target ? value : .cast(value, target)
        default:
            return value
        }
    }

    /// A scalar as a Rust `bool` (C's "compares unequal to 0").
    func truth(_ value: RExpr, _ t: CTy) -> RExpr {
        switch t {
        case .int(.bool): return value
        case .int: return .binary(.ne, value, .literal("0"))
        case .float: return .binary(.ne, value, .literal(t == .float(.float) ? "0.0f32" : "0.0f64"))
        case .pointer(.function, _): return .method(value, "is_some", [])
        case .pointer(.record(let r), true) where staticReferences.contains(r): return .method(value, "is_some", [])
        case .pointer: return .unary(.not, .method(value, "is_null", []))
        default: return value
        }
    }

    /// A controlling expression (`if`, `while`, `?:`, `&&`) as a Rust `bool`.
    func condition(_ e: CExpr) -> RExpr {
        if let test = optionTest(e) { return test }
        switch e.kind {
        case .binary(let op, let l, let r) where op.isComparison:
            return comparison(op, l, r)
        case .binary(.land, let l, let r): return .binary(.and, condition(l), condition(r))
        case .binary(.lor, let l, let r): return .binary(.or, condition(l), condition(r))
        case .unary(.logicalNot, let x): return negate(condition(x))
        case .cast(let x, _) where e.type.isScalar && x.type.isScalar && !e.type.isPointer && e.type != .int(.bool) && isTruthPreserving(x.type, e.type):
            return condition(x)
        case .intLiteral(let v): return .literal(v != 0 ? "true" : "false")
        default: return truth(rvalue(e), e.type)
        }
    }

    /// `p`, `p != NULL`, `p == NULL` of a parameter lifted to an `Option`: `is_some()`, `is_none()`.
    private func optionTest(_ e: CExpr) -> RExpr? {
        if let test = positionTest(e) { return test }
        func nullable(_ x: CExpr) -> String? {
            guard let (name, lift) = lifted(x), lift.nullable else { return nil }
            return name
        }
        if let name = nullable(e) { return .method(.path(name), "is_some", []) }
        guard case .binary(let op, let l, let r) = e.kind, op == .eq || op == .ne else { return nil }
        let name = r.isNullPointerConstant ? nullable(l) : l.isNullPointerConstant ? nullable(r) : nil
        return name.map { .method(.path($0), op == .eq ? "is_none" : "is_some", []) }
    }

    /// A widening integer conversion keeps zero-ness.
    private func isTruthPreserving(_ from: CTy, _ to: CTy) -> Bool {
        guard case .int(let a) = from, case .int(let b) = to else { return false }
        return b.size >= a.size || a == .bool
    }

    private func negate(_ b: RExpr) -> RExpr {
        if case .binary(let op, let l, let r) = b {
            switch op {
            case .eq: return .binary(.ne, l, r)
            case .ne: return .binary(.eq, l, r)
            default: break
            }
        }
        if case .unary(.not, let inner) = b { return inner }
        return .unary(.not, b)
    }

    func comparison(_ op: CBinaryOp, _ l: CExpr, _ r: CExpr) -> RExpr {
        if let c = cursorComparison(op, l, r) { return c }
        let rop: RBinaryOp = [.lt: .lt, .gt: .gt, .le: .le, .ge: .ge, .eq: .eq, .ne: .ne][op]!
        if op == .eq || op == .ne, l.isNullPointerConstant != r.isNullPointerConstant, isPosition(l.isNullPointerConstant ? r : l) {
            return .method(positionOption(l.isNullPointerConstant ? r : l), op == .eq ? "is_none" : "is_some", [])
        }
        if (op == .eq || op == .ne), l.type.isPointer || r.type.isPointer {
            let (p, other) = r.isNullPointerConstant ? (l, r) : (r, l)
            if other.isNullPointerConstant {
                let test: RExpr = p.type.pointee.map({ if case .function = $0 { return true }; return false }) == true || staticReference(p.type) != nil
                    ? .method(rvalue(p), op == .eq ? "is_none" : "is_some", [])
                    : .method(rvalue(p), "is_null", [])
                if case .method(_, "is_null", _) = test, op == .ne { return .unary(.not, test) }
                return test
            }
        }
        if (op == .eq || op == .ne), let a = staticReference(l.type), staticReference(r.type) == a {
            return .binary(rop, staticReferenceAddress(l, a), staticReferenceAddress(r, a))   // by address, not by value
        }
        return .binary(rop, rvalue(l), rvalue(r))
    }

    // MARK: operators

    private func unary(_ op: CUnaryOp, _ x: CExpr, _ e: CExpr) -> RExpr {
        switch op {
        case .plus: return rvalue(x)
        case .minus:
            if x.type.isFloating { return .unary(.neg, rvalue(x)) }
            return .method(rvalue(x), "wrapping_neg", [])
        case .bitNot: return .unary(.not, rvalue(x))
        case .logicalNot: return .cast(negate(condition(x)), rtype(e.type))
        case .deref:
            if case .function = e.type { return rvalue(x) }
            return pointee(x)
        case .addressOf: return addressOf(x, e.type)
        case .preInc, .preDec, .postInc, .postDec: return assignmentValue(e)
        }
    }

    func addressOf(_ x: CExpr, _ t: CTy) -> RExpr {
        if staticReference(t) != nil { return staticReferenceTo(x) }
        let constant = t.pointee != nil && { if case .pointer(_, let c) = t { return c }; return false }()
        switch x.kind {
        case .function: return cast(x, to: t)
        case .unary(.deref, let p): return convert(rvalue(p), from: p.type, to: t)
        case .subscript(let base, let index):
            if index.type.isInteger, Self.textTail(CExpr(.unary(.addressOf, x), t, x.loc)) != nil, staticText(base) {
                return textTailPointer(CExpr(.unary(.addressOf, x), t, x.loc), t)   // `&names[i][k]`: the rest of static text
            }
            return convert(offset(rvalue(base), index), from: base.type, to: t)
        case .compoundLiteral(let inner):
            let p: RExpr = .macro(Self.addrOf, [literalObject(inner, at: x.loc)])
            let natural = RType.pointer(rtype(x.type), mutable: true)
            return natural == rtype(t) ? p : .cast(p, rtype(t))
        case .stringLiteral(let bytes):
            return .cast(.method(.literal(byteString(bytes)), "as_ptr", []), rtype(t))
        default:
            // In a static's initializer a `*const` to another static is taken and cast: older
            // rustc (Debian's 1.63) refuses `addr_of_mut!` in constant evaluation.
            let viaConst = constant || inStaticInitializer
            let object = reached(mutably: !viaConst) { addressablePlace(x) }
            let p: RExpr = .macro(viaConst ? Self.addrOfConst : Self.addrOf, [object])
            let natural = RType.pointer(rtype(x.type), mutable: !viaConst)
            return natural == rtype(t) ? p : .cast(p, rtype(t))
        }
    }

    func binary(_ op: CBinaryOp, _ l: CExpr, _ r: CExpr, _ t: CTy) -> RExpr {
        switch op {
        case .lt, .gt, .le, .ge, .eq, .ne, .land, .lor:
            return .cast(condition(CExpr(.binary(op, l, r), t, l.loc)), rtype(t))
        case .comma:
            return .block(RBlock(effect(l), tail: rvalue(r)))
        case .add where l.type.isPointer:
            if r.type.isInteger, let (text, _) = Self.textTail(CExpr(.binary(op, l, r), l.type, l.loc)), staticText(text) {
                return textTailPointer(CExpr(.binary(op, l, r), l.type, l.loc), l.type)   // the rest of static text, a checked slice
            }
            if r.type.isInteger, let tail = liftedTail(CExpr(.binary(op, l, r), l.type, l.loc)) {
                return .cast(.method(tail, "as_ptr", []), rtype(l.type))   // the rest of a lifted slice
            }
            return offset(rvalue(l), r)
        case .add where r.type.isPointer: return offset(rvalue(r), l)
        case .sub where l.type.isPointer && r.type.isPointer:
            if let d = cursorDifference(l, r, t) { return d }
            return .cast(.method(rvalue(l), "offset_from", [rvalue(r)]), rtype(t))
        case .sub where l.type.isPointer: return offset(rvalue(l), r, negate: true)
        default:
            return arithmetic(op, rvalue(l), rvalue(r), type: t, rightType: r.type)
        }
    }

    /// `a op b` computed in `type` (both operands already of it, but a shift's count).
    func arithmetic(_ op: CBinaryOp, _ a: RExpr, _ b: RExpr, type t: CTy, rightType: CTy) -> RExpr {
        if t.isFloating {
            let rop: RBinaryOp = [.mul: .mul, .div: .div, .rem: .rem, .add: .add, .sub: .sub][op] ?? .add
            return .binary(rop, a, b)
        }
        switch op {
        case .add: return .method(a, "wrapping_add", [b])
        case .sub: return .method(a, "wrapping_sub", [b])
        case .mul: return .method(a, "wrapping_mul", [b])
        case .div: return .method(a, "wrapping_div", [b])
        case .rem: return .method(a, "wrapping_rem", [b])
        case .shl: return .method(a, "wrapping_shl", [shiftCount(b, rightType)])
        case .shr: return .method(a, "wrapping_shr", [shiftCount(b, rightType)])
        case .and: return .binary(.bitAnd, a, b)
        case .or: return .binary(.bitOr, a, b)
        case .xor: return .binary(.bitXor, a, b)
        default: return .binary(.add, a, b)
        }
    }

    private func shiftCount(_ b: RExpr, _ t: CTy) -> RExpr {
        if case .literal(let s) = b, let digits = Int(s.prefix { $0.isNumber }), !s.hasPrefix("-") { return .literal("\(digits)u32") }
        return t == .int(.uint) ? b : .cast(b, .named("u32"))
    }

    // MARK: calls

    private func call(_ callee: CExpr, _ args: [CExpr], _ e: CExpr) -> RExpr {
        var direct: Int?
        if case .cast(let inner, _) = callee.kind, case .function(let id) = inner.kind { direct = id }
        if case .function(let id) = callee.kind { direct = id }
        if let id = direct {
            let f = program.functions[id]
            if let builtin = varargBuiltin(f.name, args, at: e.loc) ?? syncBuiltin(f.name, args, e) ?? builtinCall(f.name, args, e) { return builtin }
            if Self.isIntrinsic(f) { return intrinsic(f.name, args, e.type) }
            if f.body == nil, let (c, t) = comparators.sortCall(f.name, args, program) { return sortExpression(args, comparator: c, element: t) }
            if stdioRuntime, f.body == nil, Self.stdioFunctions.contains(f.name), let c = Self.stdioCall(f.name, args, program, strings: safeStrings) {
                return stdioExpression(c, e)
            }
            if stdinRuntime, f.body == nil, let c = Self.stdinCall(f.name, args, program, liftedParameters) { return stdinExpression(c, e) }
            if f.name == "free", isLibraryFunction(id), args.count == 1, args[0].isNullPointerConstant, liftsLibraryCalls {
                return .unitValue   // `free(NULL)` does nothing
            }
            if f.body == nil, !heapRecords.isEmpty, let form = HeapRecords.wholeObjectCall(f.name, args, heapRecords, program) {
                return wholeObjectExpression(form)
            }
            if f.name == "free", f.body == nil, args.count == 1, heapRecord(args[0].withoutCasts.type) != nil {
                return .method(rvalue(args[0].withoutCasts), "free", [])   // the heap object's slot vacated
            }
            if f.name == "free", f.body == nil, args.count == 1, let v = vectorName(args[0]) {
                return .assign(.path(localName(v)), .call(.path("Vec::new"), []))   // the buffer dropped
            }
            if f.name == "free", f.body == nil, args.count == 1, let (m, _) = fieldVector(args[0]) { return fieldVectorFree(m) }
            if ctypeRuntime, f.body == nil, Self.isCTypeCall(f.name, args) { return ctypeCallExpression(f.name, args[0], e.type) }
            if liftsLibraryCalls, isLibraryFunction(id), let form = Self.memsetForm(f.name, args, program, zeroable: zeroSetsEveryByte,
                                                                                                      lifted: wholeObjectParameters, vectors: localVectors) { return memsetExpression(form, e) }
            if liftsLibraryCalls, isLibraryFunction(id), let (assertion, file, line) = Self.assertCall(f.name, args, literalAliases) {
                return assertExpression(assertion, file, line, at: e.loc)
            }
            if liftsLibraryCalls, isLibraryFunction(id), let (target, n, format, operands) = Self.formatCall(f.name, args, program, safeStrings) {
                return formatExpression(target, n, format, operands, e)
            }
            if liftsLibraryCalls, isLibraryFunction(id), Self.cstringFunctions.contains(f.name),
               let c = Self.cstringCall(f.name, args, program, strings: safeStrings) {
                return cstringExpression(c, e)
            }
            if isLibraryFunction(id), let v = vaListLibraryCall(f.name, args) { return v }
            if liftsLibraryCalls, isLibraryFunction(id), discardedCalls.contains(e.loc),
               let (d, s) = Self.wholeCopy(f.name, args, program, lifted: wholeObjectParameters) {
                return .block(RBlock(wholeCopyStatements(d, s)))   // one object copied onto another (its result unused)
            }
            if liftsLibraryCalls, isLibraryFunction(id), discardedCalls.contains(e.loc),
               let c = Self.sliceCopy(f.name, args, program, lifted: liftedParameters, positions: elementPositions, vectors: localVectors) {
                return .block(RBlock(sliceCopyStatements(c)))   // elements copied between slices (its result unused)
            }
            if f.body == nil, closuresInUse, let v = heapLoanCall(id, args) { return v }
            need(function: id)
            let params = f.type.params
            let fixed = isTranslatedVariadic(f) ? min(params.count, args.count) : args.count
            var values = args.prefix(fixed).enumerated().map { (i, a) -> RExpr in
                // A K&R definition's parameters (`short x;`) get what the caller promoted: converted.
                if i < params.count, a.type != params[i], params[i].isScalar, a.type.isScalar { return cast(a, to: params[i]) }
                if f.body != nil, let p = f.params[safe: i], literalTables.contains(p), case .variable(let t) = a.withoutCasts.kind {
                    return tableLoan(t, mutable: textTables.mutable.contains(p))   // a table of text, lent whole
                }
                if f.body != nil, let p = f.params[safe: i], heapLinks.variables[p] != nil { return linkValue(a) }
                if i < params.count, case .pointer(.array(let e, _), _) = a.type, case .pointer(let pe, _) = params[i], pe == e {
                    // Rows given to a parameter of variable-length rows: a pointer to their first element.
                    return .cast(rvalue(a), rtype(params[i]))
                }
                return rvalue(a)
            }
            if crateFunctions.contains(id) {
                // Another file's function, as this file declared it: a pointer argument takes the
                // definition's pointer type (C links a `const` prototype to a plain definition,
                // or a prototype-less call to any), a number the definition's type.
                // (A pointer lent to a parameter that takes raw loans is converted by `acrossCall`.)
                let lifts = crateLifts[id]
                for (i, a) in args.prefix(fixed).enumerated() where lifts?[i] == nil
                    && (a.type.isPointer && !isFunctionPointerType(a.type) || f.type.noPrototype && a.type.isScalar && !a.type.isPointer) {
                    values[i] = .cast(values[i], .named("_"))
                }
                if let lifts { return acrossCall(id, args, values, lifts) }
            }
            // A value argument that reads what another argument lends mutably (`f(&x, x.head)`)
            // is computed first: Rust lends `x` for the whole call.
            var hoisted: [RStmt] = []
            let lentMutably = args.indices.filter { i in
                i < f.params.count && (liftedParameters[f.params[i]]?.mutable == true || heapLinks.variables[f.params[i]] != nil)
            }
            // With a raw pointer lent (`p.as_mut()`), every other value first: none may read the
            // object through another pointer while the reference lives.
            let rawLent = args.indices.contains { i in
                i < f.params.count && liftedParameters[f.params[i]]?.raw == true && rawLoan(args[i])
            }
            for (i, a) in args.prefix(values.count).enumerated() where !lentMutably.contains(i) && (i >= f.params.count || liftedParameters[f.params[i]] == nil) {
                let constant = Self.isLiteral(a)
                // A position reaches its array's object too (FaithfulElementPositions).
                let reads = a.variables.union(positionRoots(in: a))
                guard lentMutably.contains(where: { !args[$0].variables.union(positionRoots(in: args[$0])).isDisjoint(with: reads) }) || rawLent && !constant else { continue }
                let t = temporary("a")
                hoisted.append(.letBinding(name: t, mutable: false, type: nil, value: values[i]))
                values[i] = .path(t)
            }
            var withOffsets: [RExpr] = []
            // Places of globals' cells lent (FaithfulGlobalCells): made inside the cells' closures.
            let loans = f.body != nil ? cellLoans(id, args) : []
            let cells = loans.map { (global: $0.global, name: temporary("c"), mutable: liftedParameters[f.params[$0.index]]?.mutable == true) }
            let bound = Dictionary(uniqueKeysWithValues: cells.map { ($0.global, $0.name) })
            var inCell: Set<Int> = []
            // Views of what cell parameters are lent (FaithfulReferences+Cells), one per root.
            var views: [RStmt] = [], viewNames: [Int: String] = [:]
            for (i, v) in values.enumerated() {
                guard i < f.params.count, let lift = liftedParameters[f.params[i]] else { withOffsets.append(v); continue }
                if lift.cell { withOffsets.append(cellArgument(args[i], views: &views, names: &viewNames)); continue }
                let lent = loans.contains { $0.index == i }
                let before = withOffsets.count
                insideCells(lent ? bound : [:]) {
                    if lift.offset {
                        // The whole of what is lent, and where in it the C pointer is.
                        let (whole, at) = offsetArgument(args[i], lift)
                        withOffsets += [whole, at]
                    } else {
                        withOffsets.append(liftedArgument(args[i], lift))
                    }
                }
                if lent { inCell.formUnion(before..<withOffsets.count) }
            }
            values = withOffsets
            hoisted += views
            if !cells.isEmpty {
                let invoked = cellLoanCall(cells, .path(functionName(id)), values, lent: inCell, hoisted: hoisted)
                if literalFunctions.contains(id) { return .cast(.method(invoked, "as_ptr", []), rtype(e.type)) }
                return invoked
            }
            if isTranslatedVariadic(f) { values.append(variableArguments(args[fixed...])) }
            if stdioRuntime, f.body == nil, readsStandardInput(f.name, args) {
                // A prompt in the line buffer shows before the program waits on a terminal.
                requireStdioSupport()
                return .block(RBlock([.expr(.call(.path("cstdio::before_input"), []))], tail: .call(.path(functionName(id)), values)))
            }
            if liftsLibraryCalls, !crateFunctions.contains(id), Self.isPureMath(f, program, rounding: crate?.setsRounding) {
                mathWrappers.insert(id)   // the C library's function, through a safe wrapper (FaithfulMath)
                return .call(.path("cmath::" + functionName(id)), values)
            }
            // A literal function's slice, as the C pointer.
            if literalFunctions.contains(id) { return .cast(.method(.call(.path(functionName(id)), values), "as_ptr", []), rtype(e.type)) }
            if !hoisted.isEmpty { return .block(RBlock(hoisted, tail: .call(.path(functionName(id)), values))) }
            return .call(.path(functionName(id)), values)
        }
        let fn = rvalue(callee)
        return .call(.method(fn, "expect", [.literal("\"non-null function pointer\"")]), args.map(rvalue))
    }

    /// A call to another module's function whose parameters take raw loans: the other operands
    /// first, then each pointer lent as `Option<&T>`/`Option<&mut T>` (`None` for NULL), so no
    /// operand reads the object while the reference lives.
    func acrossCall(_ id: Int, _ args: [CExpr], _ values: [RExpr], _ lifts: [Int: Bool]) -> RExpr {
        let params = program.functions[id].type.params
        var bindings: [RStmt] = []
        var operands: [RExpr] = []
        var rawLent = false
        let lends = lifts.keys.contains { args.indices.contains($0) && !args[$0].isNullPointerConstant }
        for (i, value) in values.enumerated() {
            guard let mutable = lifts[i], case .pointer(let pointee, _) = params[safe: i] else {
                if Self.isLiteral(args[i]) || !lends { operands.append(value); continue }
                let t = temporary("a")
                bindings.append(.letBinding(name: t, mutable: false, type: nil, value: value))
                operands.append(.path(t))
                continue
            }
            if args[i].isNullPointerConstant { operands.append(.path("None")); continue }
            if Self.safeAcrossLoan(args, i, mutable: mutable, lifted: liftedParameters, safelyLent: safelyLentLocals, program: program) {
                // The caller's own reference, or its local: lent as they are, after the other operands.
                operands.append(liftedArgument(args[i], ReferenceLifting.Lift(mutable: mutable, slice: false, nullable: true, raw: true)))
                continue
            }
            rawLent = true
            let t = temporary("a")
            bindings.append(.letBinding(name: t, mutable: false, type: nil, value: .cast(value, .pointer(rtype(pointee), mutable: mutable))))
            operands.append(.method(.path(t), mutable ? "as_mut" : "as_ref", []))
        }
        let call = RExpr.call(.path(functionName(id)), operands)
        if bindings.isEmpty { return call }
        let safety: [RStmt] = rawLent ? [.comment("SAFETY: raw pointers lent as references (None for NULL): the callee needs no unsafe, so nothing else reaches the objects while it runs, and it keeps no pointer to them")] : []
        return .block(RBlock(safety + bindings, tail: call))
    }

    /// A literal under casts (`3`, `2.5`, `"s"`): an operand nothing can change, left in place.
    static func isLiteral(_ e: CExpr) -> Bool {
        switch e.withoutCasts.kind { case .intLiteral, .floatLiteral, .stringLiteral: return true; default: return false }
    }

    /// An argument lent to another module's parameter that takes raw loans in a form that needs
    /// no raw pointer: the caller's own reference parameter (single, mutable if the loan is), or
    /// the address of a local (or of a member of one) whose address is only ever lent for calls
    /// (`safelyLent`); no other operand reaches it but for values, read first.
    static func safeAcrossLoan(_ args: [CExpr], _ index: Int, mutable: Bool, lifted: [Int: ReferenceLifting.Lift], safelyLent: Set<Int>,
                               program: Program) -> Bool {
        let a = args[index].withoutQualifierCasts
        func reachedElsewhere(_ x: Int) -> Bool {
            args.indices.contains { $0 != index && !ReferenceLifting.readsValuesOnly(args[$0], of: x, program: program) }
        }
        if case .variable(let q) = a.kind, let l = lifted[q] {
            return !l.slice && !l.cell && (l.mutable || !mutable) && !reachedElsewhere(q)
        }
        guard case .unary(.addressOf, let path) = a.kind, let x = ReferenceLifting.root(path, program: program, cells: []), safelyLent.contains(x),
              lifted[x] == nil else { return false }
        return !reachedElsewhere(x)
    }

    /// A C library call that reads standard input.
    func readsStandardInput(_ name: String, _ args: [CExpr]) -> Bool {
        if ["getchar", "scanf", "gets", "vscanf", "getchar_unlocked"].contains(name) { return true }
        guard ["fgets", "fgetc", "getc", "fscanf", "fread", "getline", "getdelim", "vfscanf"].contains(name) else {
            if name == "read", let fd = args.first, integerConstant(fd) == 0 { return true }
            return false
        }
        return args.contains { a in
            if case .variable(let id) = a.withoutCasts.kind { return program.variables[id].storage == .external && program.variables[id].name == "stdin" }
            return false
        }
    }

    // MARK: SIMD intrinsics

    /// A function of the compiler's SIMD headers (`_mm_xor_si128`, `_mm256_mul_ps`): an inline
    /// wrapper around builtins, called as the `core::arch` intrinsic of the same name.
    static func isIntrinsic(_ f: CFunction) -> Bool {
        f.isSystem && (f.name.hasPrefix("_mm_") || f.name.hasPrefix("_mm256_") || f.name.hasPrefix("_mm512_")) && f.name != "_mm_malloc" && f.name != "_mm_free"
    }

    /// `::core::arch::x86_64::NAME(args)`. Vectors pass as they are; integer constants as bare
    /// literals (an immediate operand must be a constant: Rust takes it as a const generic);
    /// other numbers and pointers converted to the intrinsic's parameter type by `as _`. The
    /// result is converted to the C expression's type when that is a number.
    func intrinsic(_ name: String, _ args: [CExpr], _ type: CTy) -> RExpr {
        var name = ["_mm_popcnt_u32": "_popcnt32", "_mm_popcnt_u64": "_popcnt64"][name] ?? name
        var args = args
        // A shift by a count that is no constant (`_mm_slli_epi64(a, n)`, which C allows): Rust
        // takes the count as a const generic, so the shift by a count in a register does it.
        for (immediate, register) in [("_mm_slli_", "_mm_sll_"), ("_mm_srli_", "_mm_srl_"), ("_mm_srai_", "_mm_sra_")]
        where name.hasPrefix(immediate) && !name.hasSuffix("_si128") && args.count == 2 && integerConstant(args[1]) == nil {
            name = register + name.dropFirst(immediate.count)
            let count = CExpr(.intrinsic("_mm_cvtsi32_si128", [args[1]]), .vector(.int(.longlong), count: 2), args[1].loc)
            args[1] = count
        }
        let values = args.map { a -> RExpr in
            if case .vector = a.type { return rvalue(a) }
            if let v = integerConstant(a) { return .literal(String(v)) }
            return .cast(rvalue(a), .named("_"))
        }
        let call = RExpr.call(.path(Self.simdPath + name), values)
        if type.isArithmetic { return .cast(call, rtype(type)) }
        return call
    }

    /// The value of an integer constant expression (a literal under casts), if `e` is one.
    func integerConstant(_ e: CExpr) -> Int64? {
        switch e.kind {
        case .intLiteral(let v):
            guard case .int(let k) = e.type else { return nil }
            return k.isSigned ? Int64(truncatingIfNeeded: v) : (v <= UInt64(Int64.max) ? Int64(v) : nil)
        case .cast(let x, _) where e.type.isInteger: return integerConstant(x)
        case .unary(.minus, let x): return integerConstant(x).map { -$0 }
        default: return nil
        }
    }

    func isFunctionPointerType(_ t: CTy) -> Bool {
        if case .pointer(.function, _) = t { return true }
        return false
    }

    /// GCC's builtins that have no symbol to link against.
    private func builtinCall(_ name: String, _ args: [CExpr], _ e: CExpr) -> RExpr? {
        func arg(_ i: Int) -> RExpr { i < args.count ? rvalue(args[i]) : .unitValue }
        switch name {
        case "__builtin_expect", "__builtin_expect_with_probability", "__builtin_assume_aligned": return arg(0)
        case "__builtin_unreachable": return .call(.path("::core::hint::unreachable_unchecked"), [])
        case "__builtin_trap", "__builtin_abort": return .call(.path("::std::process::abort"), [])
        case "__builtin_bswap16", "__builtin_bswap32", "__builtin_bswap64": return .method(arg(0), "swap_bytes", [])
        case "__builtin_clz", "__builtin_clzl", "__builtin_clzll": return .cast(.method(arg(0), "leading_zeros", []), rtype(e.type))
        case "__builtin_ctz", "__builtin_ctzl", "__builtin_ctzll": return .cast(.method(arg(0), "trailing_zeros", []), rtype(e.type))
        case "__builtin_popcount", "__builtin_popcountl", "__builtin_popcountll": return .cast(.method(arg(0), "count_ones", []), rtype(e.type))
        case "__builtin_constant_p": return intLiteral(0, e.type)
        case "__atomic_test_and_set", "__atomic_clear":
            return atomicBuiltin(name, args, e)   // calls, not AtomicExprs: (pointer, order) all the same
        case "__atomic_thread_fence", "__c11_atomic_thread_fence":
            return .call(.path("::core::sync::atomic::fence"), [.path("::core::sync::atomic::Ordering::SeqCst")])
        case "__atomic_signal_fence", "__c11_atomic_signal_fence":
            return .call(.path("::core::sync::atomic::compiler_fence"), [.path("::core::sync::atomic::Ordering::SeqCst")])
        case "__builtin_rotateleft8", "__builtin_rotateleft16", "__builtin_rotateleft32", "__builtin_rotateleft64":
            return .method(arg(0), "rotate_left", [.cast(arg(1), .named("u32"))])
        case "__builtin_rotateright8", "__builtin_rotateright16", "__builtin_rotateright32", "__builtin_rotateright64":
            return .method(arg(0), "rotate_right", [.cast(arg(1), .named("u32"))])
        case "__builtin_alloca", "__builtin_alloca_with_align":
            guard currentFunction >= 0 else { return nil }
            usesAlloca = true
            let words = RExpr.binary(.div, .method(.cast(arg(0), .named("usize")), "wrapping_add", [.literal("15")]), .literal("16"))
            let block: RExpr = .method(.method(.call(.path("::std::iter::repeat"), [.literal("0u128")]), "take", [words]), "collect", [])
            return .block(RBlock([.expr(.method(.path("__alloca"), "push", [block]))],
                                 tail: .cast(.method(.method(.method(.path("__alloca"), "last_mut", []), "unwrap", []), "as_mut_ptr", []), rtype(e.type))))
        case "__builtin_prefetch":
            // Only a hint to the cache: its operands are still evaluated.
            return .block(RBlock(args.map { .letBinding(name: "_", mutable: false, type: nil, value: rvalue($0)) }))
        case "__builtin_nan", "__builtin_nanf", "__builtin_nans", "__builtin_nansf": return floatLiteral(.nan, e.type)
        case "__builtin_inf", "__builtin_inff", "__builtin_huge_val", "__builtin_huge_valf": return floatLiteral(.infinity, e.type)
        case "__builtin_isnan": return .cast(.method(arg(0), "is_nan", []), rtype(e.type))
        case "__builtin_isinf": return .cast(.method(arg(0), "is_infinite", []), rtype(e.type))
        case "__builtin_isfinite": return .cast(.method(arg(0), "is_finite", []), rtype(e.type))
        case "__builtin_isnormal": return .cast(.method(arg(0), "is_normal", []), rtype(e.type))
        case "__builtin_fpclassify" where args.count == 6:
            // `fpclassify(x)`: glibc's macro passes FP_NAN, FP_INFINITE, FP_NORMAL, FP_SUBNORMAL,
            // FP_ZERO, then the value; the result is the one its class names.
            let x = RExpr.path("__x")
            func pick(_ k: Int) -> RBlock { RBlock(tail: cast(args[k], to: e.type)) }
            let chain: RExpr = .ifElse(.method(x, "is_nan", []), pick(0), .ifElse(.method(x, "is_infinite", []), pick(1),
                .ifElse(.method(x, "is_normal", []), pick(2), .ifElse(.binary(.eq, x, .cast(.literal("0.0"), rtype(args[5].type))), pick(4), .block(pick(3))))))
            return .block(RBlock([.letBinding(name: "__x", mutable: false, type: nil, value: arg(5))], tail: chain))
        case "__builtin_isinf_sign":
            let x = RExpr.path("__x")
            return .block(RBlock([.letBinding(name: "__x", mutable: false, type: nil, value: arg(0))], tail: .ifElse(.method(x, "is_infinite", []),
                           RBlock(tail: .ifElse(.method(x, "is_sign_negative", []), RBlock(tail: intLiteral(UInt64(bitPattern: -1), e.type)), .block(RBlock(tail: intLiteral(1, e.type))))),
                           .block(RBlock(tail: intLiteral(0, e.type))))))
        case "__builtin_signbit", "__builtin_signbitf": return .cast(.method(arg(0), "is_sign_negative", []), rtype(e.type))
        case "__builtin_fabs", "__builtin_fabsf": return .method(arg(0), "abs", [])
        case "setjmp", "_setjmp", "sigsetjmp", "__sigsetjmp", "longjmp", "_longjmp", "siglongjmp", "__longjmp_chk":
            return jumpCall(name, args, at: e.loc)
        default:
            // Other builtins are the library function of the same name, when there is one.
            if name.hasPrefix("__builtin_"), !Self.libraryBuiltins.contains(String(name.dropFirst(10))) {
                refuse("the builtin \(name)", at: e.loc)
                return .unitValue
            }
            return nil
        }
    }

    /// `__builtin_X` that GCC and clang lower to a call of the C library's X.
    static let libraryBuiltins: Set<String> = [
        "memcpy", "memmove", "memset", "memcmp", "memchr", "strlen", "strcpy", "strncpy", "strcat", "strncat", "strcmp",
        "strncmp", "strchr", "strrchr", "strstr", "strdup", "abs", "labs", "llabs", "fabs", "fabsf", "sqrt", "sqrtf",
        "sin", "cos", "tan", "exp", "log", "log10", "pow", "floor", "ceil", "round", "fmod", "printf", "fprintf",
        "sprintf", "snprintf", "puts", "putchar", "malloc", "calloc", "realloc", "free", "abort", "exit",
        "isdigit", "isalpha", "isspace", "toupper", "tolower", "bzero",
    ]

    // MARK: aggregates

    /// The value of an initializer list: a struct, union or array literal (a block that sets
    /// bit-fields and sparse elements one by one).
    func aggregate(_ e: CExpr) -> RExpr {
        guard case .initList(let entries) = e.kind else { return rvalue(e) }
        switch e.type {
        case .array(let el, let n):
            let count = n ?? (entries.map { if case .index(let i) = $0.0 { return i + 1 }; return 0 }.max() ?? 0)
            var byIndex: [Int: CExpr] = [:]
            for (d, v) in entries { if case .index(let i) = d { byIndex[i] = v } }
            if count <= 64 || byIndex.count * 2 >= count {
                return .arrayLiteral((0..<count).map { i in byIndex[i].map { element($0, el) } ?? zero(el) })
            }
            let t = temporary("a")
            var stmts: [RStmt] = [.letBinding(name: t, mutable: true, type: rtype(e.type), value: zero(e.type))]
            for i in byIndex.keys.sorted() { stmts.append(.expr(.assign(.index(.path(t), .literal("\(i)")), element(byIndex[i]!, el)))) }
            return .block(RBlock(stmts, tail: .path(t)))
        case .record(let r):
            let rec = program.records[r]
            let fields = rec.fields ?? []
            let bits = bitFields(of: r)
            var values: [Int: RExpr] = [:]
            var bitValues: [(BitField, RExpr)] = []
            // Bit-fields set to constants are packed into their bytes here, so that the value
            // is a constant expression (a static's initializer).
            var storageBytes: [String: [UInt8]] = [:]
            for (d, v) in entries {
                guard case .field(let k) = d, k < fields.count else { continue }
                if let b = bits[k] {
                    if let c = constantValue(v) {
                        let size = (b.shift + b.width + 7) / 8
                        var bytes = storageBytes[b.storage] ?? []
                        if bytes.count < size { bytes += Array(repeating: 0, count: size - bytes.count) }
                        for bit in 0..<b.width where bit < 64 && (c >> UInt64(bit)) & 1 == 1 {
                            bytes[(b.shift + bit) / 8] |= UInt8(1 << ((b.shift + bit) % 8))
                        }
                        storageBytes[b.storage] = bytes
                    } else {
                        bitValues.append((b, element(v, fields[k].type)))
                    }
                } else if isFieldVector(r, k) {
                    values[k] = .call(.path("Vec::new"), [])   // NULL (LocalVectors admits no other value)
                } else { values[k] = isLiteralField(r, k) ? literalFieldValue(v) : element(v, fields[k].type) }
            }
            guard case .named(let name) = rtype(e.type) else { return zero(e.type) }
            var base: RExpr
            var sets: [RStmt] = []
            let t = temporary("s")
            if rec.isUnion {
                base = zero(e.type)
                for (k, v) in values.sorted(by: { $0.key < $1.key }) { sets.append(.expr(.assign(.field(.path(t), fieldName(r, k)), v))) }
                for (storage, bytes) in storageBytes.sorted(by: { $0.key < $1.key }) {
                    sets.append(.expr(.assign(.field(.path(t), storage), .arrayLiteral(bytes.map { .literal("\($0)u8") }))))
                }
            } else {
                base = .structLiteral(name, structFields(r).map { f in
                    if let k = fields.indices.first(where: { fields[$0].bitWidth == nil && fieldName(r, $0) == f.name }), let v = values[k] { return (f.name, v) }
                    if var bytes = storageBytes[f.name], case .array(_, let n) = f.type {
                        if bytes.count < n { bytes += Array(repeating: 0, count: n - bytes.count) }
                        return (f.name, .arrayLiteral(bytes.prefix(n).map { .literal("\($0)u8") }))
                    }
                    return (f.name, f.zero)
                })
            }
            for (b, v) in bitValues {
                let plain = b.name.hasPrefix("r#") ? String(b.name.dropFirst(2)) : b.name
                sets.append(.expr(.method(.path(t), "set_\(plain)", [v])))
            }
            if sets.isEmpty { return base }
            return .block(RBlock([.letBinding(name: t, mutable: true, type: nil, value: base)] + sets, tail: .path(t)))
        default:
            if let first = entries.first { return element(first.1, e.type) }
            return zero(e.type)
        }
    }

    /// The value of an integer constant (a literal, possibly converted).
    func constantValue(_ e: CExpr) -> UInt64? {
        switch e.kind {
        case .intLiteral(let v): return v
        case .cast(let x, _) where e.type.isInteger && x.type.isInteger: return constantValue(x)
        default: return nil
        }
    }

    /// One element of an aggregate, converted to the sub-object's type.
    func element(_ v: CExpr, _ t: CTy) -> RExpr {
        if case .initList = v.kind { return aggregate(v) }
        if case .stringLiteral(let bytes) = v.kind, case .array(let el, let n) = t { return stringArray(bytes, element: el, count: n ?? bytes.count + 1) }
        if v.type == t { return rvalue(v) }
        if case .intLiteral(let x) = v.kind, t.isScalar { return literalConversion(x, v.type, t) }
        return cast(v, to: t)
    }
}

extension String {
    func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
