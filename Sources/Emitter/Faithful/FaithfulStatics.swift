import CSyntax
import RustSyntax

/// Globals and static locals that the program never writes: lookup tables, constants,
/// `static const` arrays. One whose type holds only numbers (no pointer, no union) becomes an
/// immutable Rust `static`, and reading it needs no `unsafe`. "Never written" is read from the
/// whole file: no assignment, `++` or `--` reaches it (or an element or member of it), and its
/// address is taken (`&g`, an array decaying to a pointer) only to read through: the base of
/// an index, or a pointer to `const` (writing through a pointer that C's `const` forbids is
/// undefined in C too). A global another file could see (a whole-program crate) stays `static mut`.
extension FaithfulTranslator {
    static func readOnlyStatics(_ program: Program, literalFields: Set<FieldKey> = []) -> Set<Int> {
        var written: Set<Int> = []
        /// The global or static local at the root of a place.
        func root(_ e: CExpr) -> Int? {
            switch e.kind {
            case .variable(let id):
                let s = program.variables[id].storage
                return s == .global || s == .staticLocal ? id : nil
            case .member(let base, _, _, false): return root(base)
            case .subscript(let base, _):
                if case .cast(let array, _) = base.kind, case .array = array.type { return root(array) }
                return nil
            default: return nil
            }
        }
        func readOnlyPointer(_ t: CTy) -> Bool {
            if case .pointer(_, true) = t { return true }
            return false
        }
        func visit(_ e: CExpr) {
            switch e.kind {
            case .assign(let l, _), .compoundAssign(_, let l, _):
                if let g = root(l) { written.insert(g) }
            case .unary(let op, let x) where [.preInc, .preDec, .postInc, .postDec].contains(op):
                if let g = root(x) { written.insert(g) }
            case .unary(.addressOf, let x):
                if let g = root(x), !readOnlyPointer(e.type) { written.insert(g) }
            case .subscript(let base, let index):
                // Indexing reads through the decayed array: the base is no escape (an array of one
                // element is indexed through a pointer, as the struct hack needs: that counts as one).
                if case .cast(let array, _) = base.kind, case .array(_, let n) = array.type, (n ?? 0) > 1 { visit(array) } else { visit(base) }
                visit(index)
                return
            case .cast(let x, _) where x.type.isArrayLike && e.type.isPointer:
                if let g = root(x), !readOnlyPointer(e.type) { written.insert(g) }
            default: break
            }
            e.forEachChild(visit)
        }
        for f in program.functions where f.body != nil { f.body!.forEachExpression(visit) }
        for v in program.variables { if let e = v.initializer { visit(e) }; if let n = v.vlaSize { visit(n) } }
        var result: Set<Int> = []
        for (id, v) in program.variables.enumerated() where (v.storage == .global || v.storage == .staticLocal) && !written.contains(id) {
            if plainData(v.type, program, literalFields) { result.insert(id) }
        }
        return result
    }

    /// Numbers, function pointers, arrays and structs of them (and of literal members):
    /// shareable between threads as they are (`Sync`).
    static func plainData(_ t: CTy, _ program: Program, _ literalFields: Set<FieldKey> = []) -> Bool {
        switch t {
        case .int, .float: return t != .float(.longDouble)
        case .pointer(.function, _): return true   // `Option<fn>`: an address of code, `Sync`
        case .array(let e, let n): return n != nil && plainData(e, program, literalFields)
        case .record(let r):
            let rec = program.records[r]
            guard !rec.isUnion, let fields = rec.fields else { return false }
            return fields.indices.allSatisfy { k in
                fields[k].bitWidth == nil && (literalFields.contains(FieldKey(record: r, field: k)) || plainData(fields[k].type, program, literalFields))
            }
        default: return false
        }
    }

    /// The literal table `e` reads an element of (`names[i]`), if it does.
    func literalTableRead(_ e: CExpr) -> (table: Int, index: CExpr)? {
        guard case .subscript(let base, let index) = e.kind, let id = Self.tableName(base), literalTables.contains(id) else { return nil }
        return (id, index)
    }

    /// The variable a table read indexes: a decayed array, or `argv` itself.
    static func tableName(_ base: CExpr) -> Int? {
        if case .cast(let x, _) = base.kind, case .variable(let id) = x.kind { return id }
        if case .variable(let id) = base.kind { return id }
        return nil
    }

    /// `main(int argc, char **argv)`'s `argv`.
    static func argumentVector(_ program: Program) -> Int? {
        guard let main = program.functions.first(where: { $0.name == "main" && $0.body != nil }), main.params.count == 2,
              case .pointer(.pointer(.int(.char), _), _) = program.variables[main.params[1]].type else { return nil }
        return main.params[1]
    }

    /// Globals and static locals the program writes, of an integer or `bool` type (or a
    /// fixed-size array of one), whose address is never taken (an index is no address): Rust
    /// atomics, read with `load` and written with `store` (`Relaxed`: one thread sees its own
    /// writes in order, as in C; between threads C's data race would be undefined, and a mutex
    /// the C holds still orders them). Accessing them needs no `unsafe`.
    static func atomicStatics(_ program: Program, excluding readOnly: Set<Int>, heap: Set<Int> = []) -> Set<Int> {
        func eligible(_ t: CTy) -> Bool {
            switch t {
            case .int(let k): return k != .int128 && k != .uint128
            case .float(let k): return k != .longDouble
            case .pointer(.record(let r), _): return heap.contains(r)   // a handle's bits (FaithfulHeap)
            case .array(.pointer(.record(let r), _), let n?): return n > 1 && heap.contains(r)
            case .array(let e, let n?): return n > 1 && e.isScalar && !e.isPointer && eligible(e)
            default: return false
            }
        }
        var candidates: Set<Int> = []
        for (id, v) in program.variables.enumerated() where (v.storage == .global || v.storage == .staticLocal) && !readOnly.contains(id) {
            // An array's initializer is written element by element (up to 64 of them).
            if case .array(_, let n?) = v.type, v.initializer != nil, n > 64 { continue }
            // A float starts as its bits, a constant folded here (`to_bits` is no `const fn` on older rustc).
            if v.type.isFloating || v.type.element?.isFloating == true, let ini = v.initializer, floatBits(ini) == nil { continue }
            if eligible(v.type) { candidates.insert(id) }
        }
        guard !candidates.isEmpty else { return [] }
        var addressed: Set<Int> = []
        func visit(_ e: CExpr) {
            switch e.kind {
            case .unary(.addressOf, let x):
                var root = x
                while true {
                    if case .subscript(let b, _) = root.kind, case .cast(let a, _) = b.kind { root = a; continue }
                    if case .cast(let a, _) = root.kind { root = a; continue }
                    break
                }
                if case .variable(let id) = root.kind { addressed.insert(id) }
            case .subscript(let base, let index):
                if case .cast(let array, _) = base.kind, case .variable = array.kind, case .array = array.type {
                    visit(index)
                    return
                }
            case .cast(let x, _) where x.type.isArrayLike && e.type.isPointer:
                if case .variable(let id) = x.kind { addressed.insert(id) }
            default: break
            }
            e.forEachChild(visit)
        }
        for f in program.functions where f.body != nil { f.body!.forEachExpression(visit) }
        for v in program.variables { if let e = v.initializer { visit(e) }; if let n = v.vlaSize { visit(n) } }
        return candidates.subtracting(addressed)
    }

    /// The bits of a float initializer that is a constant (a literal, a negated one, an
    /// integer literal converted; an initializer list of such for an array), as the Rust
    /// literal of the initialised type's bits; nil for anything else.
    static func floatBits(_ e: CExpr) -> [String]? {
        if case .initList(let entries) = e.kind {
            guard case .array(let element, let n?) = e.type else { return nil }
            var out = Array(repeating: element == .float(.float) ? "0u32" : "0u64", count: n)
            for (d, v) in entries {
                guard case .index(let i) = d, i < n, let bits = floatBits(v), bits.count == 1 else { return nil }
                out[i] = bits[0]
            }
            return out
        }
        func value(_ e: CExpr) -> Double? {
            switch e.kind {
            case .floatLiteral(let v): return v
            case .intLiteral(let v): return e.type.intKind?.isSigned == true ? Double(Int64(bitPattern: v)) : Double(v)
            case .unary(.minus, let x): return value(x).map { -$0 }
            case .unary(.plus, let x): return value(x)
            case .cast(let x, _) where e.type.isScalar && !e.type.isPointer && x.type.isScalar && !x.type.isPointer:
                guard let v = value(x) else { return nil }
                if e.type == .float(.float) { return Double(Float(v)) }
                if e.type.isFloating { return v }
                return nil   // a float converted to an integer and back: not folded here
            default: return nil
            }
        }
        guard let v = value(e) else { return nil }
        return [e.type == .float(.float) ? "0x\(String(Float(v).bitPattern, radix: 16))u32" : "0x\(String(v.bitPattern, radix: 16))u64"]
    }

    /// The Rust float type whose bits an atomic of C type `t` holds (nil: an integer atomic).
    static func atomicFloat(_ t: CTy) -> String? {
        switch t {
        case .float(.float): return "f32"
        case .float: return "f64"
        default: return nil
        }
    }

    /// The Rust type whose bits an atomic of C type `t` holds, with `from_bits` and `to_bits`:
    /// a float, or a heap object's handle (nil: an integer atomic).
    func atomicBits(_ t: CTy) -> String? {
        if let r = heapRecord(t) { return "cheap::Ptr::<\(recordName(r))>" }
        return Self.atomicFloat(t)
    }

    /// An atomic cell's value: its integer, or the float its bits are.
    static func atomicLoad(_ cell: RExpr, float: String?) -> RExpr {
        let load = RExpr.method(cell, "load", [relaxed])
        guard let float else { return load }
        return .call(.path("\(float)::from_bits"), [load])
    }

    /// `AtomicI32` for `i32`, `AtomicBool` for `bool`: the atomic of the integer's Rust type.
    static func atomicName(_ k: IntKind) -> String {
        let name = intName(k)
        return "Atomic" + name.prefix(1).uppercased() + name.dropFirst()
    }

    static let relaxed = RExpr.path("::core::sync::atomic::Ordering::Relaxed")

    /// The atomic cell `e` names (`g`, `g[i]`), when it is one.
    func atomicCell(_ e: CExpr) -> RExpr? {
        switch e.kind {
        case .variable(let id) where atomicStatics.contains(id): return variableRef(id)
        case .subscript(let base, let index):
            guard case .cast(let array, _) = base.kind, case .variable(let id) = array.kind, atomicStatics.contains(id) else { return nil }
            return .index(variableRef(id), .cast(rvalue(index), .named("usize")))
        default: return nil
        }
    }

    /// An atomic static's item: `static g: AtomicI32 = AtomicI32::new(5);`.
    func atomicItem(_ id: Int) -> RItem {
        let v = program.variables[id]
        func cell(_ k: IntKind, _ value: RExpr) -> RExpr { .call(.path("::core::sync::atomic::\(Self.atomicName(k))::new"), [value]) }
        var type: RType = .unit
        var value: RExpr = .unitValue
        switch v.type {
        case .int(let k):
            type = .named("::core::sync::atomic::\(Self.atomicName(k))")
            value = cell(k, v.initializer.map { element($0, v.type) } ?? zero(v.type))
        case .float(let k):
            let bits: IntKind = k == .float ? .uint : .ulong
            type = .named("::core::sync::atomic::\(Self.atomicName(bits))")
            value = cell(bits, .literal(v.initializer.flatMap { Self.floatBits($0)?.first } ?? "0"))
        case .array(.float(let k), let n?):
            let bits: IntKind = k == .float ? .uint : .ulong
            let name = "::core::sync::atomic::\(Self.atomicName(bits))"
            type = .array(.named(name), n)
            if let ini = v.initializer, let values = Self.floatBits(ini), values.count == n {
                value = .arrayLiteral(values.map { cell(bits, .literal($0)) })
            } else {
                value = .block(RBlock([.item(.attribute("const ZERO: \(name) = \(name)::new(0);"))], tail: .literal("[ZERO; \(n)]")))
            }
        case .pointer:
            // A handle's bits; a static's initializer can only make it NULL (0).
            type = .named("::core::sync::atomic::AtomicU64")
            value = cell(.ulong, .literal("0"))
        case .array(.pointer, let n?):
            let name = "::core::sync::atomic::AtomicU64"
            type = .array(.named(name), n)
            value = .block(RBlock([.item(.attribute("const ZERO: \(name) = \(name)::new(0);"))], tail: .literal("[ZERO; \(n)]")))
        case .array(.int(let k), let n?):
            type = .array(.named("::core::sync::atomic::\(Self.atomicName(k))"), n)
            if let ini = v.initializer, case .arrayLiteral(let values) = element(ini, v.type) {
                value = .arrayLiteral(values.map { cell(k, $0) })
            } else {
                // No initializer: zero, a constant repeated (an atomic is no `Copy` value).
                let name = "::core::sync::atomic::\(Self.atomicName(k))"
                value = .block(RBlock([.item(.attribute("const ZERO: \(name) = \(name)::new(\(k == .bool ? "false" : "0"));"))],
                                      tail: .literal("[ZERO; \(n)]")))
            }
        default: break
        }
        return .staticVar(name: globalName(id), type: type, value: value, mutable: false, isPublic: false,
                          comments: ["written, never addressed: an atomic, read and written without unsafe"])
    }

    /// Locals, globals and static locals that only ever hold one string literal (`const char
    /// *msg = "hello";`, `const char *program_name = "tool";`, never assigned again, never
    /// addressed): where only the text matters (printing it, `strlen`, a parameter lifted to
    /// the literal's bytes) they read as that literal.
    static func literalAliases(_ program: Program) -> [Int: [UInt8]] {
        var aliases: [Int: [UInt8]] = [:]
        for (id, v) in program.variables.enumerated() where [.local, .global, .staticLocal].contains(v.storage) {
            guard case .pointer(.int(let k), _) = v.type, k.size == 1, let e = v.initializer else { continue }
            if case .stringLiteral(let bytes) = e.withoutCasts.kind { aliases[id] = bytes }
        }
        guard !aliases.isEmpty else { return [:] }
        for id in reassignedOrAddressed(program) { aliases[id] = nil }
        return aliases
    }

    /// The variables the program assigns (`=`, `op=`, `++`, `--`) or takes the address of
    /// anywhere: those that may not keep the value they were initialised with.
    static func reassignedOrAddressed(_ program: Program) -> Set<Int> {
        var out: Set<Int> = []
        func visit(_ e: CExpr) {
            switch e.kind {
            case .assign(let l, _), .compoundAssign(_, let l, _):
                if case .variable(let id) = l.withoutCasts.kind { out.insert(id) }
            case .unary(let op, let x) where [.preInc, .preDec, .postInc, .postDec, .addressOf].contains(op):
                if case .variable(let id) = x.withoutCasts.kind { out.insert(id) }
            default: break
            }
            e.forEachChild(visit)
        }
        for f in program.functions where f.body != nil { f.body!.forEachExpression(visit) }
        for v in program.variables { if let e = v.initializer { visit(e) } }
        return out
    }

    /// The string literal `e` is, or reads through a literal alias.
    static func literalBytes(_ e: CExpr, _ aliases: [Int: [UInt8]]) -> [UInt8]? {
        switch e.withoutCasts.kind {
        case .stringLiteral(let bytes): return bytes
        case .variable(let id): return aliases[id]
        default: return nil
        }
    }
}

extension FaithfulTranslator {
    /// Writable static arrays of at least 16 bytes with a smaller alignment: the x86-64 ABI gives
    /// every such array (a global, a static local) 16, and C code carves records out of them (a
    /// pool, an arena), so the Rust keeps it (`Aligned16`, its array reached as `.0`).
    /// A static declared `_Alignas(n)` gets `n` (64 when it is no literal), in a crate too unless
    /// another module names it (it keeps C's type there).
    func findAlignedStatics() -> [Int: Int] {
        var found: [Int: Int] = [:]
        for (id, v) in program.variables.enumerated() where v.storage == .global || v.storage == .staticLocal {
            guard !atomicStatics.contains(id), literalGlobals[id] == nil, !literalTables.contains(id), !globalCells.contains(id) else { continue }
            if let n = v.explicitAlignment, !v.isExported { found[id] = max(Self.alignment(declared: n), 16) }
            guard crate == nil, case .array = v.type, !immutableStatics.contains(id) else { continue }
            let l = layout(v.type)
            if l.size >= 16, l.align < 16 { found[id] = max(found[id] ?? 0, 16) }
        }
        return found
    }

    /// The alignment to keep for a declared `_Alignas(n)` (`CVar.explicitAlignment`): `n`, or 64
    /// when no literal spells it (SSE, AVX, AVX-512 and a cache line need no more).
    static func alignment(declared n: Int) -> Int { n == 0 ? 64 : n }

    /// The wrapper type that aligns its value to `n`, declared once in the output.
    func alignedWrapper(_ n: Int) -> String {
        alignedWrappers.insert(n)
        return "Aligned\(n)"
    }

    /// `AlignedN` for each `N` of `alignedWrappers`.
    func alignedWrapperItems() -> [RItem] {
        alignedWrappers.sorted().map { n in
            .attribute("/// Its value at an address that is a multiple of \(n): C's `_Alignas(\(n))`, or for 16 the x86-64 ABI's alignment\n/// of an array of 16 bytes or more (`.0` is the value).\n#[repr(C, align(\(n)))]\nstruct Aligned\(n)<T>(T);")
        }
    }
}
