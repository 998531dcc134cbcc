import Foundation
import CModel

/// What a program function does to its arguments, as later stages (the checker) need it.
public struct ParamEffect: Sendable, Equatable {
    /// The callee takes ownership (frees, closes, stores into an owner).
    public var takesOwnership: Bool
    /// The callee writes through it (or lends it to something that does).
    public var mutable: Bool
    /// `T **p`: the callee releases `*p` (czmq's destroy convention).
    public var pointeeReleased: Bool
    /// `T **p`: the callee stores a new owned value into `*p`.
    public var pointeeOwned: Bool
    /// Reference counted: the callee takes or drops a reference.
    public var shared: Bool
    /// The callee keeps it beyond the call (in a field or a global) without owning it.
    public var stored: Bool
    /// The callee's name for it (`list_push.n`).
    public var name: String
}

public struct CalleeEffects: Sendable, Equatable {
    public var params: [ParamEffect]
    public var returnsOwned: Bool
    public var returnResource: String?
    /// The result is what the callee stores through this `T **` parameter (`return *toFree`).
    public var returnsPointeeOf: Int?
}

/// The ownership stage's full output: facts for the report, effects for the checker.
public struct OwnershipResult: Sendable {
    public var facts: ProgramFacts
    public var index: ProgramIndex
    /// By program function key (`ProgramIndex.functionKey`); functions with a body only.
    public var effects: [Int32: CalleeEffects]
    public var refcounted: Set<String>
}

extension OwnershipInference {
    /// Runs the analysis; the result carries the report's facts and the callee effects.
    /// `keepUntilExit`: the solver's tables are not freed (a one-shot run; see `KeepUntilExit`).
    /// `calleeEffects`: fill `effects` (only the checker and the translator read them).
    /// `prepared`: per unit, its constraints if they were extracted already (one-unit programs).
    public static func analyze(units: [TranslationUnit], library: LibraryModel, prepared: [UnitConstraints?] = [],
                               keepUntilExit: Bool = false, calleeEffects: Bool = true) -> OwnershipResult {
        let timing = ProcessInfo.processInfo.environment["OXIDIZE_TIMINGS"] != nil
        var t0 = DispatchTime.now().uptimeNanoseconds
        func lap(_ what: String) {
            guard timing else { return }
            let t = DispatchTime.now().uptimeNanoseconds
            FileHandle.standardError.write(Data(String(format: "oxidize:   ownership %@ %.3f s\n", what, Double(t - t0) / 1e9).utf8))
            t0 = t
        }
        var inf = OwnershipInference(units: units, library: library)
        lap("index")
        inf.extract(prepared: prepared)
        lap("extract")
        inf.solve()
        lap("solve")
        let facts = inf.facts()
        lap("facts")
        var effects: [Int32: CalleeEffects] = [:]
        for (k, summary) in inf.summaries.enumerated() where calleeEffects {
            guard let s = summary else { continue }
            let key = Int32(k)
            let params = s.params.enumerated().map { k, p in
                ParamEffect(takesOwnership: p.cls == .owned || p.cls == .shared, mutable: p.mutable,
                            pointeeReleased: p.pointeeReleased, pointeeOwned: p.pointeeOwned, shared: p.cls == .shared,
                            stored: p.stored, name: inf.paramName(key, k))
            }
            effects[key] = CalleeEffects(params: params, returnsOwned: s.ret.cls == .owned, returnResource: s.ret.resource,
                                         returnsPointeeOf: s.ret.fromPointee)
        }
        if keepUntilExit { KeepUntilExit.keep(inf) }
        return OwnershipResult(facts: facts, index: inf.index, effects: effects, refcounted: inf.refcounted)
    }
}
