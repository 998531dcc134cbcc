import CSyntax
import RustSyntax

/// Pointers to handles: the `T **` (T a record on a heap of handles, FaithfulHeap) with which C
/// walks and relinks a list or a tree in place (`struct node **pp = &head; while (*pp) { if (..)
/// *pp = (*pp)->next; else pp = &(*pp)->next; }`, a binary tree's `link = &(*link)->left`).
/// Each such local or parameter is a `cheap::Link`: the handle variable (or element, or
/// member of a local record or of a record a parameter points to) it points to, borrowed
/// (`Link::Slot(&mut head)`), or a member of a heap object, reached through the object's handle
/// (`Link::at(move |v| h.set(|o| ..o.next..))`). `*pp` reads the handle (`pp.get()`), `*pp = q`
/// writes it (`pp.set(q)`), `(*pp)->v` reads the object it holds; no `unsafe`.
///
/// A link variable is, over the whole file, a local given only link values (where it is declared
/// or later; none yet reads as NULL), or a parameter of a function only ever called directly, given one at every call: `&x` for a
/// place `x` of type `T *` that is a local or parameter variable, a member or element of a local
/// (or of a record a pointer parameter points to), or a place inside a heap object; another
/// link variable (lent again: `pp.reborrow()`); or a choice of them (`c ? &(*l)->left :
/// &(*l)->right`). It is only dereferenced
/// (never `&*pp`), assigned another link value, or lent to a link parameter: no NULL, no
/// comparison, no arithmetic, no copy into another variable, nothing of it given to the C
/// library.
struct HeapLinks: Sendable {
    /// Link variables (locals and parameters) -> the record `T` of their `T **`.
    private(set) var variables: [Int: Int] = [:]
    /// The addresses of places inside heap objects taken as link values (`&(*pp)->next`), by
    /// where they are written: no escape from the heap (HeapRecords).
    private(set) var heapAddresses: Set<CLoc> = []

    static let none = HeapLinks()

    private init() {}

    /// The link variables of pointers to handles of `records`.
    init(program: Program, records: Set<Int>) {
        guard !records.isEmpty else { return }
        var owner: [Int: Int] = [:]
        for (f, fn) in program.functions.enumerated() { for p in fn.params { owner[p] = f } }
        let taken = FaithfulTranslator.addressTakenFunctions(program)

        var candidates: [Int: Int] = [:]
        for (id, v) in program.variables.enumerated() {
            guard case .pointer(.pointer(.record(let r), _), _) = v.type, records.contains(r) else { continue }
            switch v.storage {
            case .local:
                if v.vlaSize == nil, v.cleanup == nil { candidates[id] = r }
            case .parameter:
                guard let f = owner[id], !taken.contains(f) else { continue }
                let fn = program.functions[f]
                if fn.body != nil, fn.name != "main", !fn.type.variadic, !fn.type.noPrototype { candidates[id] = r }
            default: continue
            }
        }
        guard !candidates.isEmpty else { return }
        var set = candidates
        while true {
            var scan = LinkScan(program: program, records: records, links: set)
            scan.run()
            if scan.bad.isEmpty {
                variables = set
                heapAddresses = scan.heapAddresses
                return
            }
            for id in scan.bad { set[id] = nil }
        }
    }

    /// One pass over the file: the link variables used otherwise, or given something else.
    private struct LinkScan {
        let program: Program
        let records: Set<Int>
        let links: [Int: Int]
        var bad: Set<Int> = []
        var heapAddresses: Set<CLoc> = []

        func link(_ e: CExpr) -> Int? {
            if case .variable(let id) = e.withoutQualifierCasts.kind, links[id] != nil { return id }
            return nil
        }

        /// `&x` for a place `x` of type `T *` a link may point to, another link variable (lent
        /// again), or a choice of them.
        mutating func value(_ e: CExpr, _ r: Int) -> Bool {
            let s = e.withoutQualifierCasts
            if case .conditional(_, let a, let b) = s.kind { return value(a, r) && value(b, r) }
            if let q = link(s) { return links[q] == r }
            guard case .unary(.addressOf, let x) = s.kind, case .pointer(.record(let t), _) = x.type, t == r else { return false }
            if HeapRecords.root(x, records) != nil {
                heapAddresses.insert(s.loc)
                return true
            }
            return slotPlace(x)
        }

        /// A place borrowed for the link: a local or parameter variable, a member or element of
        /// one, or a member of the record a pointer variable points to.
        func slotPlace(_ x: CExpr) -> Bool {
            switch x.kind {
            case .variable(let id):
                let s = program.variables[id].storage
                return (s == .local || s == .parameter) && links[id] == nil
            case .member(let b, _, _, false): return slotPlace(b)
            case .member(let b, _, _, true):
                if case .variable(let id) = b.withoutQualifierCasts.kind {
                    let s = program.variables[id].storage
                    return s == .local || s == .parameter
                }
                return false
            case .subscript(let b, _):
                guard case .cast(let array, _) = b.kind, array.type.isArrayLike else { return false }
                return slotPlace(array)
            default: return false
            }
        }

        mutating func run() {
            for (id, r) in links where program.variables[id].storage == .local {
                if let e = program.variables[id].initializer, !value(e, r) { bad.insert(id) }
            }
            for f in program.functions where f.body != nil { f.body!.forEachExpression { visit($0) } }
            for (id, v) in program.variables.enumerated() where links[id] == nil {
                if let e = v.initializer { visit(e) }
            }
            for (id, _) in links where program.variables[id].storage == .local {
                if let e = program.variables[id].initializer { visitValue(e) }
            }
        }

        /// The operands of a link value (the place's own expressions), scanned as any other.
        mutating func visitValue(_ e: CExpr) {
            let s = e.withoutQualifierCasts
            if link(s) != nil { return }
            if case .conditional(let c, let a, let b) = s.kind { visit(c); visitValue(a); visitValue(b); return }
            if case .unary(.addressOf, let x) = s.kind { x.forEachChild { visit($0) }; return }
            visit(e)
        }

        mutating func visit(_ e: CExpr) {
            switch e.kind {
            case .assign(let l, let v):
                if let q = link(l) {
                    if !value(v, links[q]!) { bad.insert(q) }
                    visitValue(v)
                    return
                }
            case .unary(.deref, let p) where link(p) != nil:
                return   // `*pp`: the handle
            case .unary(.addressOf, let x):
                if case .unary(.deref, let p) = x.withoutQualifierCasts.kind, let q = link(p) { bad.insert(q) }
            case .call(let callee, let args):
                guard case .function(let f) = callee.withoutCasts.kind, program.functions[f].body != nil else { break }
                for (k, a) in args.enumerated() {
                    if let p = program.functions[f].params[safe: k], let r = links[p] {
                        if !value(a, r) { bad.insert(p); visit(a) } else { visitValue(a) }
                    } else {
                        visit(a)
                    }
                }
                return
            case .variable(let id):
                if links[id] != nil { bad.insert(id) }
            default: break
            }
            e.forEachChild { visit($0) }
        }
    }
}

extension FaithfulTranslator {
    /// The link variable `e` names (FaithfulHeapLinks), if it is one.
    func linkVariable(_ e: CExpr) -> Int? {
        guard !heapLinks.variables.isEmpty, case .variable(let id) = e.withoutQualifierCasts.kind, heapLinks.variables[id] != nil else { return nil }
        return id
    }

    /// A link variable's type: `cheap::Link<'_, T>`.
    func linkType(_ id: Int) -> RType? {
        guard let r = heapLinks.variables[id] else { return nil }
        needsHeapSupport = true
        return .generic("cheap::Link", [.named("'_"), rtype(.record(r))])
    }

    /// A link value: the place of a handle borrowed (`Link::Slot(&mut head)`), a place inside a
    /// heap object reached through its handle (`Link::at(move |v| h.set(|o| ..))`: the value
    /// written when given, the handle there read), or a link lent again (`pp.reborrow()`).
    func linkValue(_ e: CExpr) -> RExpr {
        let s = e.withoutQualifierCasts
        if let q = linkVariable(s) { return .method(.path(localName(q)), "reborrow", []) }
        if case .conditional(let c, let a, let b) = s.kind {
            return .ifElse(condition(c), RBlock(tail: linkValue(a)), .block(RBlock(tail: linkValue(b))))
        }
        guard case .unary(.addressOf, let x) = s.kind else { return rvalue(e) }   // not reached: HeapLinks admits the forms above only
        needsHeapSupport = true
        if closuresInUse, let (pins, handle, path) = heapAccess(x) {
            let write = RExpr.match(.path("__v"), [RArm(["Some(__w)"], RBlock([.expr(.assign(path, .path("__w")))])), RArm(["None"], RBlock())])
            let body = RExpr.method(handle, "set", [.lambda([Self.heapObject], .block(RBlock([.expr(write)], tail: path)))])
            let link = RExpr.call(.path("cheap::Link::at"), [.moveLambda(["__v"], body)])
            return pins.isEmpty ? link : .block(RBlock(pins, tail: link))
        }
        return .call(.path("cheap::Link::Slot"), [.unary(.refMut, place(x))])
    }

    /// A link declared with no value (or before its declaration's place gives it one): to
    /// nothing, read as NULL (C's read of it is undefined).
    var unsetLink: RExpr { .call(.path("cheap::Link::at"), [.lambda(["_"], .path("cheap::Ptr::NULL"))]) }

    /// `cheap::Link`, for the support module.
    static let linkSupport = #"""
            /// A `T **` to a handle: a handle variable (or element, or member) borrowed, or a
            /// member of a heap object, read and written through the object's handle.
            pub enum Link<'a, T> {
                Slot(&'a mut Ptr<T>),
                At(::std::rc::Rc<dyn Fn(Option<Ptr<T>>) -> Ptr<T>>),
            }
            impl<'a, T: 'static> Link<'a, T> {
                /// The member of a heap object that `f` reads, and writes when given a handle.
                pub fn at(f: impl Fn(Option<Ptr<T>>) -> Ptr<T> + 'static) -> Self { Link::At(::std::rc::Rc::new(f)) }
                /// `*pp`.
                pub fn get(&self) -> Ptr<T> {
                    match self {
                        Link::Slot(r) => **r,
                        Link::At(f) => f(None),
                    }
                }
                /// `*pp = v`.
                pub fn set(&mut self, v: Ptr<T>) {
                    match self {
                        Link::Slot(r) => **r = v,
                        Link::At(f) => { f(Some(v)); }
                    }
                }
                /// The same link, lent to a callee.
                pub fn reborrow(&mut self) -> Link<'_, T> {
                    match self {
                        Link::Slot(r) => Link::Slot(&mut **r),
                        Link::At(f) => Link::At(f.clone()),
                    }
                }
            }
    """#
}
