import CSyntax
import RustSyntax

/// `errno` in safe Rust. glibc's `errno` is `*__errno_location()`, the calling thread's own
/// `int`, valid for the thread's life: reading and writing it through the `cerrno` module
/// (`cerrno::get()`, `cerrno::set(v)`, each one `unsafe` access of that place) is sound, so
/// `errno = 0; x = strtod(..); if (errno == ERANGE)` needs no `unsafe` in the caller. Only in a
/// program that never takes `errno`'s address (then a pointer reaches it, and it stays raw).
extension FaithfulTranslator {
    /// `e` is `__errno_location()`.
    static func isErrnoLocation(_ e: CExpr, _ program: Program) -> Bool {
        guard case .call(let callee, let args) = e.withoutCasts.kind, args.isEmpty,
              case .function(let id) = callee.withoutCasts.kind else { return false }
        return program.functions[id].name == "__errno_location" && program.functions[id].body == nil
    }

    /// `e` is `errno`, the place, and the `cerrno` module serves this program.
    func isErrnoPlace(_ e: CExpr) -> Bool {
        guard errnoModule, case .unary(.deref, let p) = e.kind else { return false }
        return Self.isErrnoLocation(p, program)
    }

    /// Every `__errno_location()` of the program is dereferenced in place (`errno` read or
    /// written), never an address taken or kept.
    static func errnoModuleApplies(_ program: Program) -> Bool {
        var calls = 0, places = 0, addressed = false
        func visit(_ e: CExpr) {
            if isErrnoLocation(e, program) { calls += 1 }
            if case .unary(.deref, let p) = e.kind, isErrnoLocation(p, program) { places += 1 }
            if case .unary(.addressOf, let x) = e.kind, case .unary(.deref, let p) = x.kind, isErrnoLocation(p, program) { addressed = true }
            e.forEachChild(visit)
        }
        for f in program.functions where f.body != nil { f.body!.forEachExpression(visit) }
        for v in program.variables { if let e = v.initializer { visit(e) } }
        return calls > 0 && calls == places && !addressed
    }

    func errnoRead() -> RExpr {
        needsErrnoSupport = true
        return .call(.path("cerrno::get"), [])
    }

    static let errnoSupport: [RItem] = [.attribute(#"""
    /// C's `errno` in safe Rust: the calling thread's own `int` (glibc's `__errno_location`),
    /// which lives as long as the thread, read and written in place.
    pub mod cerrno {
        extern "C" {
            fn __errno_location() -> *mut i32;
        }

        pub fn get() -> i32 {
            // SAFETY: glibc's errno location is valid and only this thread's for its whole life.
            unsafe { *__errno_location() }
        }

        pub fn set(v: i32) {
            // SAFETY: as above.
            unsafe { *__errno_location() = v }
        }
    }
    """#)]
}
