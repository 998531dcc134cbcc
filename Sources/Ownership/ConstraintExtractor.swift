import CModel

/// How the extractor names functions and fields in what it records.
enum SymbolNames {
    /// By program key, through the index of all units.
    case program(ProgramIndex)
    /// By the unit's own ids, when the whole program is this one unit (in one or more shares):
    /// the unit can then be extracted as soon as it is lowered, on the core that lowered it, and
    /// its ids are renamed to program keys once the index exists (`FunctionConstraints.renamed`).
    case unit
}

/// Walks one function body once and records its flows and events (see `Constraints.swift`).
/// Pure: reads the model, the library models and the program's symbol table.
struct ConstraintExtractor {
    let tu: TranslationUnit
    let tuIndex: Int
    let library: LibraryModel
    let names: SymbolNames
    var c: FunctionConstraints
    let function: Function
    /// Pointer locals loaded from a holder, with the lvalues they were read from (`findLoads`).
    var loadedFrom: [Int32: [Int32]] = [:]
    /// Pointer locals that take a program function's result (`p = slab_packets(s)`), with the calls.
    var loadedCalls: [Int32: [Int32]] = [:]

    init(tu: TranslationUnit, tuIndex: Int, function f: Int32, key: Int32, library: LibraryModel, names: SymbolNames) {
        self.tu = tu; self.tuIndex = tuIndex; self.library = library; self.names = names
        self.function = tu.functions[Int(f)]
        self.c = FunctionConstraints(tu: tuIndex, function: f, key: key)
    }

    func functionKey(_ f: Int32) -> Int32 {
        if case .program(let index) = names { return index.functionKey(tu: tuIndex, function: f) }
        return f
    }

    /// A program function with a body somewhere: a call to it is solved with its summary.
    func isDefined(_ key: Int32) -> Bool {
        if case .program(let index) = names { return index.hasBody(key) }
        return tu.functions[Int(key)].isDefined
    }

    mutating func run() -> FunctionConstraints {
        var i = function.bodyStart
        while i < function.bodyEnd {
            findLoads(i)
            i = tu.nodes[Int(i)].end
        }
        i = function.bodyStart
        while i < function.bodyEnd {
            visit(i)
            i = tu.nodes[Int(i)].end
        }
        return c
    }

    // MARK: helpers

    @inline(__always) func node(_ i: Int32) -> Node { tu.nodes[Int(i)] }
    func kids(_ i: Int32) -> [Int32] { Array(tu.children(of: i)) }
    func isPointerNode(_ i: Int32) -> Bool { tu.isPointer(node(i).type) }
    func isPointerVar(_ v: Int32) -> Bool { tu.isPointer(tu.variables[Int(v)].type) }
    func isArrayVar(_ v: Int32) -> Bool {
        let t = tu.variables[Int(v)].type
        return t >= 0 && tu.types[Int(t)].shape == .array
    }
    func isLocal(_ v: Int32) -> Bool { tu.variables[Int(v)].storage == .automatic }
    func fieldKey(_ f: Int32) -> Int32 {
        guard f >= 0 else { return -1 }
        if case .program(let index) = names { return index.fieldKey(tu: tuIndex, field: f) }
        return f
    }

    mutating func event(_ ev: Ev, _ srcs: [Src], _ at: Int32) {
        if !srcs.isEmpty { c.events.append(Event(ev: ev, srcs: srcs, node: at)) }
    }
    mutating func flow(_ srcs: [Src], to p: Place) {
        for s in srcs { c.flows.append(Flow(from: s, to: p)) }
    }

    /// The place an lvalue expression denotes, if it is one we track.
    func place(_ e: Int32) -> Place? {
        let e = tu.strip(e)
        let n = node(e)
        switch n.kind {
        case .varRef: return .v(n.ref)
        case .member: return n.ref >= 0 ? .field(fieldKey(n.ref)) : nil
        case .unary where n.op == UnaryOp.deref.rawValue:
            if let b = kids(e).first, case .v(let v)? = place(b) { return .deref(v) }
            return nil
        case .subscript_:
            if let b = kids(e).first, case .v(let v)? = place(b), !isArrayVar(v) { return .deref(v) }
            return nil
        default: return nil
        }
    }

    /// The base variable an expression reads through (`p->a.b`, `p[i]`, `*p`, `p + 1`).
    func baseVar(_ e: Int32) -> Int32? {
        let e = tu.strip(e)
        let n = node(e)
        switch n.kind {
        case .varRef: return n.ref
        case .member, .subscript_, .cast: return kids(e).first.flatMap { baseVar($0) }
        case .unary where n.op == UnaryOp.deref.rawValue || n.op == UnaryOp.addressOf.rawValue:
            return kids(e).first.flatMap { baseVar($0) }
        case .binary where n.op == BinaryOp.add.rawValue || n.op == BinaryOp.sub.rawValue:
            for k in kids(e) where isPointerNode(k) { return baseVar(k) }
            return nil
        default: return nil
        }
    }

    /// Sources of the object an access goes through: `p` in `p->f`, `*p`, `p[i]`.
    mutating func through(_ e: Int32) -> [Src] {
        let e = tu.strip(e)
        let n = node(e)
        switch n.kind {
        case .member:
            guard let b = kids(e).first else { return [] }
            if n.flags.contains(.arrow) { return eval(b) }
            // s.f: the object is s itself (a value) or whatever s is reached through.
            return through(b).isEmpty ? valueOwner(b) : through(b)
        case .unary where n.op == UnaryOp.deref.rawValue:
            return kids(e).first.map { eval($0) } ?? []
        case .subscript_:
            // `p[i].f`: p is indexed (a slice / Vec), like in a plain `p[i]`.
            guard let b = kids(e).first else { return [] }
            let base = eval(b)
            event(.index, base, e)
            return base
        default: return []
        }
    }

    /// For a value expression `s` (a struct local), the local itself as a place.
    func valueOwner(_ e: Int32) -> [Src] {
        let e = tu.strip(e)
        if node(e).kind == .varRef { return [.place(.v(node(e).ref))] }
        return []
    }

    // MARK: expressions

    /// Visits an expression for its effects and returns where its pointer value comes from.
    mutating func eval(_ e: Int32) -> [Src] {
        let n = node(e)
        switch n.kind {
        case .implicit:
            var out: [Src] = []
            for k in kids(e) { out = eval(k) }
            return out
        case .varRef:
            let v = n.ref
            if isArrayVar(v) {
                return isLocal(v) ? [.stack(v)] : [.staticData]
            }
            return [.place(.v(v))]
        case .member:
            let ks = kids(e)
            if let b = ks.first { readThrough(b, e) }
            let fk = fieldKey(n.ref)
            let t = n.type
            if t >= 0, tu.types[Int(t)].shape == .array {
                // An array field decays to a pointer into its holder.
                if let b = ks.first { return n.flags.contains(.arrow) ? eval(b).map(interior) : valueOwner(b).map(interior) }
                return []
            }
            return fk >= 0 ? [.place(.field(fk))] : []
        case .unary:
            return unary(e, n)
        case .binary:
            return binary(e, n)
        case .call:
            return call(e, n)
        case .conditional:
            let ks = kids(e)
            if let cnd = ks.first { condition(cnd) }
            var out: [Src] = []
            for k in ks.dropFirst() { out += eval(k) }
            return out
        case .subscript_:
            let ks = kids(e)
            guard ks.count == 2 else { return [] }
            let base = eval(ks[0])
            _ = eval(ks[1])
            event(.index, base, e)
            event(.read, base, e)
            // `m[i]` of `int (*m)[4]` is a row inside m's object, not a pointer stored there.
            if let t = tu.type(of: e), t.shape == .array { return base.map(interior) }
            if case .place(.v(let v))? = base.first, base.count == 1, !isArrayVar(v) {
                return [.place(.deref(v))]
            }
            return []
        case .cast:
            return cast(e, n)
        case .stringLiteral:
            return [.staticData]
        case .intLiteral:
            return n.value == 0 ? [.null] : []
        case .stmtExpr, .initList:
            for k in kids(e) { visit(k) }
            return []
        default:
            for k in kids(e) { _ = eval(k) }
            return []
        }
    }

    func interior(_ s: Src) -> Src {
        if case .place(let p) = s { return .interior(p) }
        return s
    }

    mutating func readThrough(_ base: Int32, _ at: Int32) {
        // `p->f` reads through p; evaluating p records nothing else.
        let b = tu.strip(base)
        if node(b).kind == .varRef, isPointerVar(node(b).ref) {
            event(.read, [.place(.v(node(b).ref))], at)
        }
        // `p[i].f` reads p[i]: p is read and indexed. `q->a->f`, `((T *)p)->f`, `get(t)->f`:
        // the base is an expression of its own, with its own reads, casts and calls.
        else if node(b).kind != .varRef { _ = eval(b) }
    }

    mutating func unary(_ e: Int32, _ n: Node) -> [Src] {
        guard let operand = kids(e).first else { return [] }
        switch UnaryOp(rawValue: n.op) ?? .other {
        case .addressOf:
            let o = tu.strip(operand)
            let on = node(o)
            switch on.kind {
            case .varRef:
                if on.ref >= 0, tu.variables[Int(on.ref)].storage == .automatic { return [.stack(on.ref)] }
                return [.staticData]
            case .member, .subscript_:
                let inner = eval(o)
                _ = inner
                return through(o).map(interior)
            case .unary where on.op == UnaryOp.deref.rawValue:
                return kids(o).first.map { eval($0) } ?? []
            default:
                _ = eval(o)
                return []
            }
        case .deref:
            let srcs = eval(operand)
            event(.read, srcs, e)
            if case .place(.v(let v))? = srcs.first, srcs.count == 1 { return [.place(.deref(v))] }
            return []
        case .postInc, .postDec, .preInc, .preDec:
            mutate(operand, e, increment: n.op == UnaryOp.postInc.rawValue || n.op == UnaryOp.preInc.rawValue)
            // `*out++ = c`, `q = p++`: the value is still a pointer into the same object.
            if isPointerNode(operand), isPure(operand) { return eval(operand).map(interior) }
            return []
        case .logicalNot:
            condition(operand)
            return []
        default:
            _ = eval(operand)
            return []
        }
    }

    /// `x++`, `x += n`, `p->refs--`: arithmetic update of an lvalue.
    mutating func mutate(_ target: Int32, _ at: Int32, increment: Bool?) {
        let t = tu.strip(target)
        let tn = node(t)
        switch tn.kind {
        case .varRef:
            let v = tn.ref
            if isPointerVar(v) { event(.index, [.place(.v(v))], at) }
            else { event(.valueMut("updated"), [.place(.v(v))], at) }
        case .member:
            let holder = through(t)
            if let inc = increment, tn.ref >= 0, !isPointerNode(t), tn.flags.contains(.arrow) {
                event(.counter(fieldKey(tn.ref), inc), holder, at)
            }
            event(.write(nil), holder, at)
            if !tn.flags.contains(.arrow) { markValueWrite(t, at) }
            if let h = holderPointer(t) { writeThroughField(h, at) }
        default:
            let holder = through(t)
            event(.write(nil), holder, at)
            if holder.isEmpty { _ = eval(t) }
            if (tn.kind == .subscript_ || tn.kind == .unary), let b = kids(t).first { writeThroughField(b, at) }
        }
    }

    /// `s.x = ...` or `buf[i] = ...` on a value local: the local needs `let mut`.
    mutating func markValueWrite(_ lvalue: Int32, _ at: Int32) {
        var e = tu.strip(lvalue)
        while true {
            let n = node(e)
            if n.kind == .varRef {
                if !isPointerVar(n.ref) { event(.valueMut("a field or element is assigned"), [.place(.v(n.ref))], at) }
                return
            }
            if (n.kind == .member && !n.flags.contains(.arrow)) || n.kind == .subscript_ {
                guard let b = kids(e).first else { return }
                if n.kind == .subscript_, let bt = tu.type(of: b), bt.shape == .pointer { return }
                e = tu.strip(b)
            } else { return }
        }
    }

    mutating func binary(_ e: Int32, _ n: Node) -> [Src] {
        let ks = kids(e)
        guard ks.count == 2 else { for k in ks { _ = eval(k) }; return [] }
        let op = BinaryOp(rawValue: n.op) ?? .other
        switch op {
        case .assign:
            let rhs = eval(ks[1])
            assign(ks[0], rhs, e)
            return rhs
        case .addAssign, .subAssign, .mulAssign, .divAssign, .remAssign, .shlAssign, .shrAssign, .andAssign, .xorAssign, .orAssign:
            _ = eval(ks[1])
            let inc: Bool? = op == .addAssign ? true : (op == .subAssign ? false : nil)
            mutate(ks[0], e, increment: inc)
            return []
        case .add, .sub:
            let l = eval(ks[0]), r = eval(ks[1])
            let lp = isPointerNode(ks[0]), rp = isPointerNode(ks[1])
            if lp && rp { return [] }           // pointer difference
            if lp { event(.index, l, e); return l.map(interior) }
            if rp { event(.index, r, e); return r.map(interior) }
            return []
        case .eq, .ne:
            nullCompare(ks[0], ks[1], e)
            return []
        case .land, .lor:
            condition(ks[0]); condition(ks[1])
            return []
        case .comma:
            _ = eval(ks[0])
            return eval(ks[1])
        default:
            _ = eval(ks[0]); _ = eval(ks[1])
            return []
        }
    }

    mutating func nullCompare(_ a: Int32, _ b: Int32, _ at: Int32) {
        let sa = eval(a), sb = eval(b)
        if sb == [.null], isPointerNode(a) { event(.nullCheck, sa, at) }
        if sa == [.null], isPointerNode(b) { event(.nullCheck, sb, at) }
    }

    /// A condition: a bare pointer tested for null.
    mutating func condition(_ e: Int32) {
        let s = tu.strip(e)
        if isPointerNode(s), node(s).kind != .binary {
            event(.nullCheck, eval(s), e)
        } else {
            _ = eval(e)
        }
    }

    mutating func assign(_ lhs: Int32, _ rhs: [Src], _ at: Int32) {
        let l = tu.strip(lhs)
        let ln = node(l)
        switch ln.kind {
        case .varRef:
            let v = ln.ref
            if isPointerVar(v) {
                flow(rhs, to: .v(v))
                if rhs == [.null] { event(.nullAssign, [.place(.v(v))], at) }
                if tu.variables[Int(v)].storage == .global { event(.keep("stored into global '\(tu.variables[Int(v)].name)'"), rhs, at) }
            } else {
                flow(rhs, to: .v(v))
                event(.valueMut("reassigned"), [.place(.v(v))], at)
            }
        case .member:
            let holder = through(l)
            event(.write(nil), holder, at)
            if !ln.flags.contains(.arrow) { markValueWrite(l, at) }
            if let h = holderPointer(l) { writeThroughField(h, at) }
            let fk = fieldKey(ln.ref)
            if fk >= 0, isPointerNode(l) || !rhs.isEmpty {
                flow(rhs, to: .field(fk))
                event(.store(fk), rhs, at)
                if rhs == [.null] { event(.nullAssign, [.place(.field(fk))], at) }
            }
        case .unary where ln.op == UnaryOp.deref.rawValue:
            let holder = through(l)
            event(.write(nil), holder, at)
            if let b = kids(l).first { writeThroughField(b, at) }
            if case .place(.v(let v))? = holder.first, holder.count == 1 {
                flow(rhs, to: .deref(v))
                if rhs == [.null] { event(.nullAssign, [.place(.deref(v))], at) }
            }
        case .subscript_:
            let holder = through(l)
            event(.write(nil), holder, at)
            event(.index, holder, at)
            if let b = kids(l).first { writeThroughField(b, at) }
            markValueWrite(l, at)
            if let k = kids(l).dropFirst().first { _ = eval(k) }
            if case .place(.v(let v))? = holder.first, holder.count == 1, !isArrayVar(v) { flow(rhs, to: .deref(v)) }
            // An element of a buffer held in a field: stored into that field's allocation.
            if case .place(.field(let fk))? = holder.first, holder.count == 1, isPointerNode(l) {
                flow(rhs, to: .field(fk))
                event(.store(fk), rhs, at)
            }
            // An element of an array field (`m->frames[i] = p`): stored into the holder.
            if isPointerNode(l), let b = kids(l).first, node(tu.strip(b)).kind == .member, node(tu.strip(b)).ref >= 0,
               let bt = tu.type(of: tu.strip(b)), bt.shape == .array {
                let fk = fieldKey(node(tu.strip(b)).ref)
                flow(rhs, to: .field(fk))
                event(.store(fk), rhs, at)
            }
        default:
            _ = eval(l)
        }
    }

    /// What a cast between two pointer types does to what they point to.
    enum PointerCast {
        /// The same type, a qualifier, `void *` either way, or not between pointers.
        case same
        /// Numbers read as other numbers (the target's pointee given): the bytes are the same buffer.
        case numbers(CType)
        /// Anything else: a record, union or pointer seen as another type.
        case pun
    }

    func pointerCast(from: CType, to: CType) -> PointerCast {
        guard from.shape == .pointer, to.shape == .pointer, from.pointee >= 0, to.pointee >= 0 else { return .same }
        let a = tu.types[Int(from.pointee)], b = tu.types[Int(to.pointee)]
        guard a.shape != .void, b.shape != .void, a.canonicalBare != b.canonicalBare else { return .same }
        // SIMD vectors (`__m128i`) are numbers side by side.
        func isNumbers(_ t: CType) -> Bool { [.integer, .floating, .boolean].contains(t.shape) || t.canonical.contains("__vector_size__") }
        return isNumbers(a) && isNumbers(b) ? .numbers(b) : .pun
    }

    mutating func cast(_ e: Int32, _ n: Node) -> [Src] {
        guard let operand = kids(e).first else { return [] }
        let srcs = eval(operand)
        let stripped = tu.strip(operand)
        if node(stripped).kind == .intLiteral, let to = tu.type(of: e), to.shape == .pointer {
            // `(T *)0` is NULL; `(T *)8` is an address made up from an integer.
            return node(stripped).value == 0 ? [.null] : [.opaque(e)]
        }
        guard let to = tu.type(of: e), let fromT = tu.type(of: stripped) else { return srcs }
        if fromT.shape == .pointer {
            if to.shape == .integer {
                event(.raw("converted to integer type '\(to.spelling)'"), srcs, e)
                return []
            }
            switch pointerCast(from: fromT, to: to) {
            case .numbers(let b):
                // Numbers read as other numbers (`(const uint32_t *)bytes`, `(const char *)utf8`):
                // the same buffer seen in other units. The bytes change meaning, the ownership
                // does not: the view aliases its source, and the evidence says how it is read.
                event(.reinterpreted("read as '\(b.spelling)' through a cast"), srcs, e)
                return srcs
            case .pun:
                // char views of any object are common and still unprovable; all unrelated casts are raw.
                event(.raw("cast from '\(fromT.spelling)' to unrelated '\(to.spelling)'"), srcs, e)
                return [.opaque(e)]
            case .same:
                return srcs
            }
        }
        if fromT.shape == .integer, to.shape == .pointer, srcs != [.null] {
            let s = tu.strip(operand)
            if !(node(s).kind == .intLiteral && node(s).value == 0) {
                return [.opaque(e)]   // an integer made into a pointer: nothing is known about it
            }
            return [.null]
        }
        return srcs
    }

    // MARK: calls

    /// An argument's sources, and if it is `&x`, the place x (for out-parameters and init roles).
    mutating func argument(_ a: Int32) -> (srcs: [Src], addr: Place?) {
        let s = tu.strip(a)
        let n = node(s)
        if n.kind == .unary, n.op == UnaryOp.addressOf.rawValue, let o = kids(s).first, let p = place(o) {
            // Evaluate the operand's own effects (e.g. reading through p in &p->f).
            let srcs = eval(s)
            return (srcs, p)
        }
        return (eval(a), nil)
    }

    mutating func call(_ e: Int32, _ n: Node) -> [Src] {
        let ks = kids(e)
        let args = n.ref >= 0 ? ks : Array(ks.dropFirst())
        if n.ref < 0 {
            // Indirect call: the code is unknown, the function pointer's type is all there is. A
            // pointer argument is lent for the call, as Rust's `fn(&T)` / `fn(&mut T)` callbacks
            // lend it: mutably unless the pointee is const, or was const before a cast that
            // only dropped the qualifier (`handler(ud, (XML_Char *)s, n)` with `const char *s`).
            if let callee = ks.first { _ = eval(callee) }
            for a in args {
                let (srcs, _) = argument(a)
                if isPointerNode(a) {
                    var x = tu.strip(a)
                    var readOnly = tu.type(of: x)?.pointeeConst == true
                    while !readOnly, node(x).kind == .cast, let k = kids(x).first, isPointerNode(k) {
                        x = tu.strip(k)
                        readOnly = tu.type(of: x)?.pointeeConst == true
                    }
                    if readOnly { event(.read, srcs, e) }
                    else { event(.lentToIndirectCall, srcs, e); writeThroughField(a, e) }
                }
            }
            return []
        }
        let f = tu.functions[Int(n.ref)]
        let key = functionKey(n.ref)
        if key >= 0, isDefined(key) {
            c.callees.insert(key)
            var all: [[Src]] = []
            for (k, a) in args.enumerated() {
                let (srcs, addr) = argument(a)
                all.append(srcs)
                if k < f.paramTypes.count {
                    event(.pass(key, k), srcs, e)
                    if isPointerNode(a) { writeThroughField(a, e, as: .passHeld(key, k)) }
                    if let addr { event(.passAddr(key, k), [.place(addr)], e) }
                } else {
                    event(.read, srcs, e)
                }
            }
            c.callArgs[e] = all
            return [.call(key, e)]
        }
        if let m = library.functions[f.name] {
            return modelled(e, f, m, args)
        }
        if !f.attributes.isEmpty {
            return attributed(e, f, args)
        }
        // Unknown external code.
        for (k, a) in args.enumerated() {
            let (srcs, _) = argument(a)
            guard isPointerNode(a) else { continue }
            let declaredConst = k < f.paramTypes.count && f.paramTypes[k] >= 0 && tu.types[Int(f.paramTypes[k])].pointeeConst
            if declaredConst { event(.read, srcs, e) }
            else { event(.raw("passed to external function '\(f.name)' with no model"), srcs, e) }
        }
        return []
    }

    mutating func modelled(_ e: Int32, _ f: Function, _ m: LibraryModel.FunctionModel, _ args: [Int32]) -> [Src] {
        var argSrcs: [[Src]] = []
        let params = m.params ?? []
        for (k, a) in args.enumerated() {
            let (srcs, addr) = argument(a)
            argSrcs.append(srcs)
            let p: LibraryModel.Param? = k < params.count ? params[k] : (m.variadic.map { LibraryModel.Param(role: $0) })
            guard let p else { continue }
            let isPtr = isPointerNode(a)
            let handleTarget: [Src] = isPtr ? srcs : valueTarget(a)
            if p.string == true, isPtr { event(.string, srcs, e) }
            if p.buffer == true, isPtr { event(.index, srcs, e) }
            switch p.role {
            case .borrow:
                if isPtr { event(.read, srcs, e) }
                if let r = p.resource { event(.handle(r), handleTarget, e) }
            case .borrowMut:
                if isPtr { event(.write(f.name), srcs, e); writeThroughField(a, e) }
                if let addr { event(.valueMut("lent mutably to '\(f.name)'"), [.place(addr)], e) }
                if let r = p.resource { event(.handle(r), handleTarget, e) }
            case .release:
                let r = p.resource ?? "heap"
                // `free(p->items)`: the holder's field is given up, which in Rust needs the holder
                // owned or `&mut` (inherited mutability).
                if isPtr { writeThroughField(a, e) }
                if let addr, library.isValueResource(r) || p.indirect == true {
                    event(.release(r, f.name), [.place(addr)], e)
                } else {
                    event(.release(r, f.name), handleTarget, e)
                }
            case .realloc:
                event(.realloc(f.name), srcs, e)
            case .initialise:
                if let addr { event(.initResource(p.resource ?? "resource", f.name), [.place(addr)], e) }
                else { event(.write(f.name), srcs, e) }
            case .move, .moveOnSuccess:
                if let addr, library.isValueResource(p.resource ?? "") { event(.move(f.name), [.place(addr)], e) }
                else { event(.move(f.name), handleTarget, e) }
            case .out:
                if let addr { flow([.fresh(p.resource ?? "heap", e)], to: addr) }
                else if case .place(.v(let v))? = srcs.first { flow([.fresh(p.resource ?? "heap", e)], to: .deref(v)) }
                event(.write(f.name), srcs, e)
            case .acquire, .releaseShared:
                event(.shared(p.role == .acquire ? "reference taken by '\(f.name)'" : "reference released by '\(f.name)'"), srcs, e)
            case .keep:
                event(.read, srcs, e)
                event(.keep("kept by '\(f.name)'"), srcs, e)
            case .raw:
                event(.raw("passed to '\(f.name)'"), srcs, e)
            case .value:
                break
            }
        }
        guard let r = m.returns else { return [] }
        switch r.class {
        case .owned:
            return [.fresh(r.resource ?? "heap", e)] + (r.string == true ? [] : [])
        case .shared:
            return [.sharedNew(e)]
        case .borrowed:
            if r.static == true { return [.staticData] }
            if let k = r.from, k < argSrcs.count { return argSrcs[k].map(interior) }
            return [.staticData]
        case .none, .raw:
            return []
        }
    }


    /// A non-pointer argument that names a variable (an fd passed to close()).
    func valueTarget(_ a: Int32) -> [Src] {
        let s = tu.strip(a)
        if node(s).kind == .varRef { return [.place(.v(node(s).ref))] }
        if node(s).kind == .member, node(s).ref >= 0 { return [.place(.field(fieldKey(node(s).ref)))] }
        return []
    }

    mutating func attributed(_ e: Int32, _ f: Function, _ args: [Int32]) -> [Src] {
        let a = f.attributes
        for (k, arg) in args.enumerated() {
            let (srcs, _) = argument(arg)
            if a.takes.contains(Int32(k)) { event(.release("heap", f.name), srcs, e); event(.move("'\(f.name)' (ownership_takes)"), srcs, e) }
            else if a.holds.contains(Int32(k)) { event(.move("'\(f.name)' (ownership_holds)"), srcs, e) }
            else if isPointerNode(arg) {
                let declaredConst = k < f.paramTypes.count && f.paramTypes[k] >= 0 && tu.types[Int(f.paramTypes[k])].pointeeConst
                if declaredConst { event(.read, srcs, e) }
                else { event(.raw("passed to external function '\(f.name)' with no model"), srcs, e) }
            }
        }
        return a.returnsOwned ? [.fresh("heap", e)] : []
    }

    // MARK: statements

    mutating func visit(_ s: Int32) {
        let n = node(s)
        switch n.kind {
        case .varDecl:
            let v = n.ref
            if v >= 0, tu.variables[Int(v)].storage != .global, !c.locals.contains(v) { c.locals.append(v) }
            for k in kids(s) {
                let srcs = eval(k)
                if v >= 0 { flow(srcs, to: .v(v)) }
                if v >= 0, srcs == [.null], tu.isPointer(tu.variables[Int(v)].type) { event(.nullAssign, [.place(.v(v))], s) }
            }
        case .returnStmt:
            for k in kids(s) {
                let srcs = eval(k)
                flow(srcs, to: .ret)
                event(.returned, srcs, s)
                if let b = baseVar(k), tu.variables[Int(b)].paramIndex >= 0 { c.returnBases.append(b) }
            }
        case .ifStmt, .whileStmt, .doStmt, .forStmt, .switchStmt:
            let ks = kids(s)
            for (i, k) in ks.enumerated() {
                let kn = node(k)
                let isCond = (n.kind == .ifStmt && i == 0) || (n.kind == .whileStmt && i == 0) || (n.kind == .doStmt && i == 1)
                if isCond || (n.kind == .forStmt && kn.kind != .compound && i == ks.count - 2 && ks.count >= 3) {
                    condition(k)
                } else if kn.kind.isStatement {
                    visit(k)
                } else {
                    _ = eval(k)
                }
            }
        default:
            if n.kind.isStatement {
                for k in kids(s) { visit(k) }
            } else {
                _ = eval(s)
            }
        }
    }
}

extension NodeKind {
    var isStatement: Bool {
        switch self {
        case .compound, .declStmt, .ifStmt, .whileStmt, .doStmt, .forStmt, .switchStmt, .caseStmt, .defaultStmt,
             .returnStmt, .breakStmt, .continueStmt, .gotoStmt, .labelStmt, .nullStmt, .otherStmt, .varDecl:
            return true
        default: return false
        }
    }
}
