import CSyntax
import RustSyntax

/// `setjmp`/`longjmp` in the shape test frameworks and error handlers use them:
/// `if (setjmp(env) == 0) { A } else { B }` (Unity's TEST_PROTECT, CuTest). A function cannot
/// return twice in Rust, so the translation turns the jump into an unwind: A runs inside
/// `__oxidize_protect(env, || A)`, which catches a `longjmp(env, v)` from anywhere below it
/// (through every translated function, which are then `extern "C-unwind"`) and answers
/// `Some(v)`, and B runs then. A `longjmp` to an `env` no such region protects stops the program
/// with a message instead of jumping somewhere else; `setjmp` in any other shape is refused.
extension FaithfulTranslator {
    static let setjmpNames: Set<String> = ["setjmp", "_setjmp", "sigsetjmp", "__sigsetjmp"]
    static let longjmpNames: Set<String> = ["longjmp", "_longjmp", "siglongjmp", "__longjmp_chk"]

    /// `setjmp(env) == 0`, `!setjmp(env)`, `setjmp(env) != 0`, `setjmp(env)`: the env, and
    /// whether the `then` branch is the one that runs first (setjmp returned 0).
    func setjmpTest(_ c: CExpr) -> (env: CExpr, zeroIsThen: Bool)? {
        func call(_ e: CExpr) -> CExpr? {
            guard case .call(let callee, let args) = e.withoutCasts.kind, let env = args.first else { return nil }
            var target: Int?
            if case .function(let id) = callee.kind { target = id }
            if case .cast(let inner, _) = callee.kind, case .function(let id) = inner.kind { target = id }
            guard let id = target, Self.setjmpNames.contains(program.functions[id].name) else { return nil }
            return env
        }
        func isZero(_ e: CExpr) -> Bool { if case .intLiteral(0) = e.withoutCasts.kind { return true }; return false }
        switch c.withoutCasts.kind {
        case .binary(.eq, let a, let b):
            if let env = call(a), isZero(b) { return (env, true) }
            if let env = call(b), isZero(a) { return (env, true) }
        case .binary(.ne, let a, let b):
            if let env = call(a), isZero(b) { return (env, false) }
            if let env = call(b), isZero(a) { return (env, false) }
        case .unary(.logicalNot, let a):
            if let env = call(a) { return (env, true) }
        default:
            if let env = call(c) { return (env, false) }
        }
        return nil
    }

    /// The protected `if`.
    func protectedIf(_ env: CExpr, zeroIsThen: Bool, _ then: CStmt, _ otherwise: CStmt?, at loc: CLoc) -> [RStmt] {
        usesLongjmp = true
        requireJumpSupport()
        let first = zeroIsThen ? then : otherwise
        let afterJump = zeroIsThen ? otherwise : then
        if let first, Self.containsReturn(first) || Self.jumpsOut(first, inLoop: false, inSwitch: false) {
            refuse("a return, break, continue or goto inside the code a setjmp protects", at: loc)
        }
        var body = first.map(flatBlock) ?? RBlock([])
        body.isUnsafe = true
        let protect: RExpr = .call(.path("__oxidize_protect"), [.cast(rvalue(env), .named("usize")), .closure(body)])
        guard let afterJump else { return [.letBinding(name: "_", mutable: false, type: nil, value: protect)] }
        return [.expr(.ifElse(.method(protect, "is_some", []), flatBlock(afterJump), nil))]
    }

    static func containsReturn(_ s: CStmt) -> Bool {
        switch s {
        case .returnStmt: return true
        case .compound(let list): return list.contains(where: containsReturn)
        case .ifThen(_, let a, let b): return containsReturn(a) || b.map(containsReturn) == true
        case .whileLoop(_, let b), .doWhile(let b, _), .forLoop(_, _, _, let b), .switchOn(_, let b): return containsReturn(b)
        case .caseLabel(_, let b), .caseRange(_, _, let b), .defaultLabel(let b), .labeled(_, let b): return containsReturn(b)
        default: return false
        }
    }

    /// `longjmp(env, v)`, and `setjmp` met anywhere but an `if` it can protect.
    func jumpCall(_ name: String, _ args: [CExpr], at loc: CLoc) -> RExpr? {
        if Self.longjmpNames.contains(name), args.count >= 2 {
            usesLongjmp = true
            requireJumpSupport()
            return .call(.path("__oxidize_longjmp"), [.cast(rvalue(args[0]), .named("usize")), .cast(rvalue(args[1]), .named("i32"))])
        }
        if Self.setjmpNames.contains(name) || Self.longjmpNames.contains(name) {
            refuse("\(name) outside `if (setjmp(env) == 0) ... else ...` (a function that returns twice)", at: loc)
            return .unitValue
        }
        return nil
    }

    func requireJumpSupport() {
        if let crate { crate.addSupport("support:jumps", Self.jumpSupport) } else { needsJumpSupport = true }
    }

    static let jumpSupport: [RItem] = [.attribute(#"""
    /// A `longjmp` on its way to the `setjmp` that protects its `env` (oxidize: setjmp/longjmp).
    pub struct __OxidizeLongJmp {
        pub env: usize,
        pub value: i32,
    }

    thread_local! {
        static __OXIDIZE_PROTECTED: ::core::cell::RefCell<Vec<usize>> = ::core::cell::RefCell::new(Vec::new());
    }

    /// Runs `body` as the code after `setjmp(env)` returned 0; `Some(v)` when a `longjmp(env, v)`
    /// ended it. (Every name inside is `__`-prefixed: a C global may be called `env` or `result`,
    /// and a binding may not shadow a static.)
    pub fn __oxidize_protect<F: FnOnce()>(__env: usize, __body: F) -> Option<i32> {
        __OXIDIZE_PROTECTED.with(|__p| __p.borrow_mut().push(__env));
        let __result = ::std::panic::catch_unwind(::std::panic::AssertUnwindSafe(__body));
        __OXIDIZE_PROTECTED.with(|__p| {
            __p.borrow_mut().pop();
        });
        match __result {
            Ok(()) => None,
            Err(__payload) => match __payload.downcast::<__OxidizeLongJmp>() {
                Ok(__jump) if __jump.env == __env => Some(__jump.value),
                Ok(__jump) => ::std::panic::resume_unwind(__jump),
                Err(__other) => ::std::panic::resume_unwind(__other),
            },
        }
    }

    pub fn __oxidize_longjmp(__env: usize, __value: i32) -> ! {
        if !__OXIDIZE_PROTECTED.with(|__p| __p.borrow().contains(&__env)) {
            eprintln!("oxidize: longjmp to a setjmp that no `if (setjmp(env) == 0)` protects; stopping");
            ::std::process::abort();
        }
        ::std::panic::resume_unwind(Box::new(__OxidizeLongJmp { env: __env, value: if __value == 0 { 1 } else { __value } }))
    }
    """#)]
}
