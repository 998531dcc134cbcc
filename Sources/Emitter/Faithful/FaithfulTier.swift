import CSyntax
import Diagnostics
import RustSyntax

/// The faithful tier's entry: a C program's complete syntax tree in, Rust that compiles with
/// plain `rustc` (std only; libc functions declared `extern "C"`) out.
public enum FaithfulTier {
    /// `findings`: the checker's, written as `// WARNING [id]` above the function they are in.
    /// `links`: header file name -> the native library its functions live in.
    /// `liftSafe`: functions with no unsafe operation are safe functions (off: all `unsafe`).
    /// `liftReferences`: pointer parameters proven to be references become `&mut T`/`&T`.
    /// `heapLinks`: pointers to handles may point inside heap objects (`cheap::Link`).
    public static func translate(_ program: Program, findings: [Diagnostic] = [], links: [String: String] = [:],
                                 liftSafe: Bool = true, liftReferences: Bool = true, heapLinks: Bool = true) -> Result<RustTranslation, FaithfulRefusals> {
        // Comparators only `qsort` takes are rewritten to their element type (FaithfulComparators).
        let (rewritten, comparators) = liftSafe && liftReferences ? TypedComparators.rewrite(program) : (program, .none)
        let translator = FaithfulTranslator(program: rewritten)
        translator.comparators = comparators
        translator.links = links
        translator.liftSafeFunctions = liftSafe
        translator.liftReferences = liftReferences
        translator.linkHandles = heapLinks
        for d in findings { translator.findings[d.function, default: []].append(d) }
        switch translator.translate() {
        case .failure(let refusals): return .failure(refusals)
        case .success(let items):
            let header = RItem.comment("Translated from \(program.mainFile) by oxidize (faithful tier: C's semantics kept exactly,\nwith raw pointers and `unsafe` where no ownership was proven). Rust 2021: `rustc --edition 2021`.")
            let code = RustPrinter.print([header] + items, unwind: translator.usesLongjmp, safeFunctionPointers: translator.safeFunctionPointers)
            let functions = items.filter { if case .function(let f) = $0 { return f.isUnsafeExternC }; return false }.count
            return .success(RustTranslation(code: code, crates: [], isProgram: program.functions.contains { $0.name == "main" && $0.body != nil },
                                            unsafeBlocks: functions, gaps: [], tier: .faithful))
        }
    }
}
