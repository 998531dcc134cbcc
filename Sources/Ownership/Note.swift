import CModel

/// Evidence as the solver collects it, on every solve of every round: what happened and
/// where, without building its text. Two notes are equal exactly when their texts and places
/// are; the text is written once, for the facts (`OwnershipInference.render`).
struct Note: Equatable {
    var why: Why
    /// `ProgramIndex.fileNames` index.
    var file: Int32
    var line: Int32
}

enum Why: Equatable {
    case text(String)
    case releasedBy(String)
    case movedInto(String)
    case reallocatedBy(String)
    case lentMutablyTo(String)
    case initialisedBy(String)
    case allocatedBy(String)
    case referenceFrom(String)
    /// Program function f's parameter k.
    case passedToOwning(Int32, Int)
    case sharedWith(Int32, Int)
    case passedToRaw(Int32, Int)
    case lentMutablyToParam(Int32, Int)
    case releasedThrough(Int32, Int)
    case receivesOwnedFrom(Int32, Int)
    /// Holds a pointer lent mutably to (or handed to, when `owned`) f's parameter k.
    case holdsPointerLentTo(Int32, Int, owned: Bool)
    /// Program field key.
    case movedIntoOwningField(Int32)
    case storedIntoSharedField(Int32)
    /// Program function key.
    case ownedResultOf(Int32)
    case sharedResultOf(Int32)
    case rawResultOf(Int32)
    /// Written through what program function f returns, which borrows from it.
    case writtenThroughResultOf(Int32)
}

extension OwnershipInference {
    func render(_ notes: [Note]) -> [Evidence] {
        notes.map { Evidence(message: text($0.why), file: index.fileNames[Int($0.file)], line: Int($0.line)) }
    }

    func text(_ why: Why) -> String {
        switch why {
        case .text(let s): return s
        case .releasedBy(let by): return "released by '\(by)'"
        case .movedInto(let to): return "moved into \(to)"
        case .reallocatedBy(let by): return "reallocated by '\(by)'"
        case .lentMutablyTo(let via): return "lent mutably to '\(via)'"
        case .initialisedBy(let by): return "initialised by '\(by)'"
        case .allocatedBy(let f): return "allocated by '\(f)'"
        case .referenceFrom(let f): return "reference from '\(f)'"
        case .passedToOwning(let f, let k): return "passed to owning parameter \(paramName(f, k))"
        case .sharedWith(let f, let k): return "shared with \(paramName(f, k))"
        case .passedToRaw(let f, let k): return "passed to \(paramName(f, k)), which is raw"
        case .lentMutablyToParam(let f, let k): return "lent mutably to \(paramName(f, k))"
        case .releasedThrough(let f, let k): return "released through \(paramName(f, k))"
        case .receivesOwnedFrom(let f, let k): return "receives an owned value from \(paramName(f, k))"
        case .holdsPointerLentTo(let f, let k, let owned):
            return "holds a pointer \(owned ? "handed to" : "lent mutably to") \(paramName(f, k)) (inherited mutability)"
        case .movedIntoOwningField(let f): return "moved into owning field \(index.fieldNames[Int(f)])"
        case .storedIntoSharedField(let f): return "stored into shared field \(index.fieldNames[Int(f)])"
        case .ownedResultOf(let f): return "owned result of '\(index.functionNames[Int(f)])'"
        case .sharedResultOf(let f): return "shared result of '\(index.functionNames[Int(f)])'"
        case .rawResultOf(let f): return "raw result of '\(index.functionNames[Int(f)])'"
        case .writtenThroughResultOf(let f): return "written through what \(index.functionNames[Int(f)]) returns, which borrows from it"
        }
    }
}
