import CSyntax
import Diagnostics
import RustSyntax

/// A construct the faithful tier has no translation for (inline assembly, `long double`,
/// `_Complex`): named with its place, for a clang-style error.
public struct FaithfulRefusal: Error, Sendable {
    public var loc: CLoc
    public var construct: String
    public var description: String { "\(loc.description): error: oxidize cannot translate \(construct)" }
}

public struct FaithfulRefusals: Error, Sendable {
    public var list: [FaithfulRefusal]
}

/// The total, faithful tier: every C construct that clang accepts becomes Rust that compiles
/// and computes what the C computes, with raw pointers and `unsafe` where nothing better is
/// proven (as C2Rust's transpiler does). It reads the complete syntax tree (`CSyntax`) and
/// builds the Rust syntax tree (`RustSyntax`); what it emits is what the program needs, found
/// from the main file's definitions outwards.
public final class FaithfulTranslator {
    let program: Program
    var refusals: [FaithfulRefusal] = []
    /// Write functions that need no unsafe operation as safe functions.
    var liftSafeFunctions = true
    /// Header file name -> native library (from the model files).
    var links: [String: String] = [:]
    /// The checker's findings by C function name.
    var findings: [String: [Diagnostic]] = [:]
    /// In a whole-program translation: what the crate's modules share, and which unit this is.
    var crate: CrateContext?
    var unitIndex = 0
    /// Library calls written as safe Rust (the C string functions, `memset`, `assert`, `sprintf`,
    /// math): in a crate only while the module lifts its references.
    var liftsLibraryCalls: Bool { liftSafeFunctions && (crate == nil || liftReferences) }
    /// Declarations of functions another module of the crate defines: no C library function,
    /// whatever their name.
    lazy var crateFunctions: Set<Int> = {
        guard let crate else { return [] }
        return Set(program.functions.indices.filter { program.functions[$0].body == nil && crate.functionPath(program.functions[$0].name, from: unitIndex) != nil })
    }()
    /// Declarations of functions another module defines and wrote safe: calls need no `unsafe`.
    lazy var safeCrateFunctions: Set<Int> = {
        guard let crate else { return [] }
        return crateFunctions.filter { id in
            !program.functions[id].type.variadic && crate.functionPath(program.functions[id].name, from: unitIndex).map { crate.safeFunctions.contains($0) } == true
        }
    }()
    /// Declarations of functions another module defines with parameters that take raw loans
    /// (`acrossLifts` of that module, the last round's): index -> mutable.
    lazy var crateLifts: [Int: [Int: Bool]] = {
        guard let crate else { return [:] }
        var found: [Int: [Int: Bool]] = [:]
        for id in crateFunctions {
            if let path = crate.functionPath(program.functions[id].name, from: unitIndex), let lifts = crate.acrossLifts[path] { found[id] = lifts }
        }
        return found
    }()
    /// Per function, the labels whose address it takes (`&&label`), in the order first met:
    /// label k is the number k + 1.
    private var labelTargetCache: [Int: [String]] = [:]
    func labelTargets(_ function: Int) -> [String] {
        if let found = labelTargetCache[function] { return found }
        var names: [String] = []
        func visit(_ e: CExpr) {
            if case .labelAddress(let f, let label) = e.kind, f == function, !names.contains(label) { names.append(label) }
            e.forEachChild(visit)
        }
        program.functions[function].body?.forEachExpression(visit)
        for v in program.variables where v.function == function { if let e = v.initializer { visit(e) } }
        labelTargetCache[function] = names
        return names
    }
    /// Locals whose address is only ever lent for a call (ReferenceLifting.safelyLent).
    var safelyLentLocals: Set<Int> = []
    /// The exported functions (their C names) this translation wrote safe.
    public internal(set) var safeExports: Set<String> = []
    /// Definitions other modules only call directly (`CFunction.isCalledAcross`), while this
    /// module lifts its references and writes safe functions.
    lazy var calledAcross: Set<Int> = {
        guard crate != nil, liftReferences, liftSafeFunctions else { return [] }
        return Set(program.functions.indices.filter { program.functions[$0].isCalledAcross && program.functions[$0].body != nil })
    }()
    /// Their parameters lifted to raw loans (`Option<&T>`, `Option<&mut T>`), by C name: index ->
    /// mutable. Callers in other modules convert what they lend.
    public var acrossLifts: [String: [Int: Bool]] {
        var found: [String: [Int: Bool]] = [:]
        for id in calledAcross {
            for (i, p) in program.functions[id].params.enumerated() {
                if let l = liftedParameters[p] { found[program.functions[id].name, default: [:]][i] = l.mutable }
            }
        }
        return found
    }
    /// The variables whose address the program takes (`&x`, `&x.f`, an array decaying).
    lazy var addressedVariables: Set<Int> = {
        var found: Set<Int> = []
        func root(_ e: CExpr) -> Int? {
            switch e.kind {
            case .variable(let id): return id
            case .member(let b, _, _, false), .subscript(let b, _), .cast(let b, _): return root(b)
            default: return nil
            }
        }
        func visit(_ e: CExpr) {
            if case .unary(.addressOf, let x) = e.kind, let id = root(x) { found.insert(id) }
            if case .cast(let x, _) = e.kind, x.type.isArrayLike, let id = root(x) { found.insert(id) }
            e.forEachChild(visit)
        }
        for f in program.functions where f.body != nil { f.body!.forEachExpression(visit) }
        for v in program.variables { if let e = v.initializer { visit(e) } }
        return found
    }()
    /// A function of the C library (or of code outside the translation), called by its C name.
    func isLibraryFunction(_ id: Int) -> Bool { program.functions[id].body == nil && !crateFunctions.contains(id) }
    /// Variadic definitions or `va_list`: the support items go into the output.
    var needsVarargSupport = false
    var needsCleanupSupport = false
    /// The program's standard output goes through the `cstdio` support module (see FaithfulStdio).
    var stdioRuntime = false
    var needsStdioSupport = false
    var needsStdioRawSupport = false
    /// Standard input goes through the `cstdin` support module (FaithfulStdin).
    var stdinRuntime = false
    var needsStdinSupport = false
    var needsCStringSupport = false
    /// Math functions called through the `cmath` module's safe wrappers (FaithfulMath).
    var mathWrappers: Set<Int> = []
    /// The program keeps the "C" locale: `<ctype.h>` goes through the `cctype` support module (FaithfulCType).
    var ctypeRuntime = false
    var needsCTypeSupport = false
    var needsAssertSupport = false
    /// Statics kept at an alignment their type does not give (FaithfulStatics): id -> alignment.
    /// Writable arrays of 16 bytes or more get 16 as the x86-64 ABI aligns them (C code carves
    /// records out of such arenas); `_Alignas(n)` gets `n`.
    var alignedStatics: [Int: Int] = [:]
    /// The `AlignedN` wrappers the output declares (FaithfulStatics.alignedWrapper).
    var alignedWrappers: Set<Int> = []
    /// Comparators rewritten for `cstdlib::qsort` (FaithfulComparators), and those that are safe.
    var comparators = TypedComparators.none
    var safeComparators: Set<Int> = []
    var needsSortSupport = false
    /// `errno` goes through the `cerrno` module (FaithfulErrno).
    var errnoModule = false
    var needsErrnoSupport = false
    /// Lift pointer parameters to references where the file proves them (see FaithfulReferences).
    var liftReferences = true
    /// Calls whose value is dropped or only tested (`HeapRecords.discardedCalls`), by place.
    lazy var discardedCalls: Set<CLoc> = HeapRecords.discardedCalls(program)
    /// Pointers to handles may be links into heap objects (FaithfulHeapLinks).
    var linkHandles = true
    /// The `T **` locals and parameters that are `cheap::Link`s.
    var heapLinks = HeapLinks.none
    /// The parameters lifted to references and slices.
    var liftedParameters: [Int: ReferenceLifting.Lift] = [:]
    /// Functions that return positions in arrays and the locals that hold them (FaithfulElementPositions).
    var elementPositions = ElementPositions.none
    /// Calls of position functions evaluated once into a temporary, for the place being written.
    var pinnedPositions: [ObjectIdentifier: String] = [:]
    /// The place being emitted is written or lent mutably (a nullable parameter reborrows mutably).
    var placeMutably = false
    /// Indexes of the place being written are computed first, into these statements.
    var hoistIndexes = false
    var hoistedIndexes: [RStmt] = []
    /// In the current function: each walked slice parameter's offset local (`s_at`).
    var cursorOffsets: [Int: String] = [:]
    /// Local pointers that only walk one array: indexes into it (FaithfulCursors).
    var localCursors = LocalCursors.none
    /// Local buffers from `malloc` that are `Vec`s (FaithfulVectors).
    var localVectors = LocalVectors.none
    /// Globals and static locals never written, of plain data: immutable `static`s (FaithfulStatics).
    var immutableStatics: Set<Int> = []
    /// Tables of text (FaithfulTextTables): arrays of literals, `argv` and the parameters they
    /// are lent to, each element an `&[u8]`.
    var textTables = TextTables()
    var literalTables: Set<Int> { textTables.all }
    /// The rewritten comparators of `char` pointers: they may sort tables of text.
    var textSorting: Set<Int> {
        Set(comparators.elements.filter { if case .pointer(.int(.char), _) = $0.value { return true }; return false }.keys)
    }
    /// Written globals and static locals of integers, never addressed: atomics (FaithfulStatics).
    var atomicStatics: Set<Int> = []
    /// Records whose `const T *` only point into immutable statics: `Option<&'static T>` (FaithfulStaticReferences).
    var staticReferences: Set<Int> = []
    /// Globals that may live in thread-local cells, and those that do (FaithfulGlobalCells).
    var cellCandidates = GlobalCells.none
    var globalCells: Set<Int> = []
    /// The cells whose closures are being emitted (loans to the file's function), each with its
    /// closure's parameter: their places are reached through it, not through the cell.
    var boundCells: [Int: String] = [:]
    var unboundCells: Set<Int> { boundCells.isEmpty ? globalCells : globalCells.subtracting(boundCells.keys) }
    /// Function pointer types are safe `extern "C" fn`s and calls through them need no `unsafe`.
    public internal(set) var safeFunctionPointers = false
    /// The program reads or writes `errno` (FaithfulCString).
    var usesErrno = true
    /// Functions that only return string literals: `&'static [u8]` (FaithfulLiteralFunctions).
    var literalFunctions: Set<Int> = []
    /// Struct members that only ever hold string literals or NULL: `Option<&'static [u8]>` (FaithfulLiteralFields).
    var literalFields: Set<FieldKey> = []
    /// Records whose layout the program observes (through pointers of another type, the C
    /// library): they keep C's layout exactly. Every record counts when nothing was proven.
    var observedRecords: Set<Int>? = nil
    /// Globals that only ever hold string literals or NULL: an index into their texts (FaithfulLiteralGlobals).
    var literalGlobals: [Int: [[UInt8]]] = [:]
    /// Local pointers that always point to one local object: that object's place (FaithfulObjectAliases).
    var objectAliases: [Int: CExpr] = [:]
    /// Local `char` pointers that only hold static text: `&'static [u8]` (FaithfulTextLocals).
    var textLocals: Set<Int> = []
    /// Locals that only ever hold one string literal: its bytes (FaithfulStatics).
    var literalAliases: [Int: [UInt8]] = [:]
    /// The program jumps with `longjmp`: its functions unwind (`extern "C-unwind"`).
    public internal(set) var usesLongjmp = false
    var needsJumpSupport = false
    /// Where each function's first unsafe operation is (when it is in the function's own code).
    var unsafeSites: [Int: CLoc] = [:]
    /// Why the written functions are `unsafe`: their first unsafe operation, counted.
    public internal(set) var unsafeReasons: [String: Int] = [:]
    /// Records whose objects live on heaps of handles: `T *` is `cheap::Ptr<T>` (FaithfulHeap).
    var heapRecords: Set<Int> = []
    var needsHeapSupport = false
    var needsCellSupport = false
    /// The records `malloc` makes that stay behind raw pointers, and why (said above the record).
    var heapRawReasons: [Int: (String, CLoc)] = [:]
    /// The current function calls `alloca`: its blocks live in a holder until it returns.
    var usesAlloca = false

    // What the output needs, found as the translation goes.
    var neededFunctions: Set<Int> = []
    var neededVariables: Set<Int> = []
    var neededRecords: Set<Int> = []
    private var functionQueue: [Int] = []
    private var variableQueue: [Int] = []

    // Names.
    var recordNames: [Int: String] = [:]
    /// `slotsAndBitFields` by record.
    var recordLayouts: [Int: ([Slot], [Int: BitField])] = [:]
    var globalNames: [Int: String] = [:]
    var functionNames: [Int: String] = [:]
    var takenGlobalNames: Set<String> = []

    // Per function.
    var localNames: [Int: String] = [:]
    var takenLocalNames: Set<String> = []
    var temporaryCounter = 0
    var labelCounter = 0
    var currentFunction = -1
    /// Breakable constructs from the outside in: loops (with their continue label) and switches.
    var breakables: [Breakable] = []
    /// Statements the current statement needs first (compound literals whose address is taken).
    var prelude: [RStmt] = []
    /// In a state machine, those literals are declared at the function's top.
    var hoistLiterals = false
    var hoistedLiterals: [RStmt] = []
    /// Items a function body adds at module level (static locals).
    var extraItems: [RItem] = []
    /// `main(argc, argv, envp)`: the type of `environ`, declared in the extern block.
    var needsEnviron: RType?

    struct Breakable {
        var isSwitch: Bool
        /// The Rust label `break` uses.
        var breakLabel: String
        /// For loops: what `continue` becomes (a label to continue, or a body label to break).
        var continueLabel: String
        var continueBreaksBody: Bool
        var usedBreakLabel = false
        var usedContinueLabel = false
    }

    public init(program: Program) {
        self.program = program
        for f in program.functions { takenGlobalNames.insert(f.name) }
        for v in program.variables where v.storage == .global || v.storage == .external { takenGlobalNames.insert(v.name) }
    }

    /// Cursors, vectors, text locals, lifted parameters, object aliases and the `cstdin` choice,
    /// which depend on one another; `rawAccepting`: the functions whose parameters may take raw loans.
    private func liftReferencesAndLocals(rawAccepting: Set<Int>) {
        if liftReferences {
            localCursors = LocalCursors(program: program, immutable: immutableStatics, excluded: literalTables.union(atomicStatics),
                                        aliases: literalAliases, packed: Set(program.records.indices.filter { isPacked($0) }),
                                        notCursors: Set(heapLinks.variables.keys))
            // Vectors lent to parameters that are not lifted to slices stay pointers: again without them.
            let notTexts = Set(localCursors.bases.keys).union(literalAliases.keys)
            textLocals = Self.textLocals(program, tables: literalTables, functions: literalFunctions, excluded: notTexts, references: textTables.references,
                                         aliases: Set(literalAliases.keys))
            if !textTables.texts.isSubset(of: textLocals) {
                // A table's write stores a local that is no text local after all: without it.
                textTables = Self.textTables(program, notTexts: notTexts, sorting: textSorting)
                literalFunctions = Self.literalFunctions(program, tables: literalTables)
                textLocals = Self.textLocals(program, tables: literalTables, functions: literalFunctions, excluded: notTexts, references: textTables.references,
                                         aliases: Set(literalAliases.keys))
            }
            // In a crate the records are shared by every module: none changes its members.
            let vectorRecords = liftSafeFunctions && crate == nil ? Self.vectorRecords(program, observed: observedRecords ?? Set(program.records.indices), heap: heapRecords,
                                                                       packed: Set(program.records.indices.filter { isPacked($0) })) : []
            var notVectors = Set(localCursors.bases.keys).union(textLocals).union(program.variables.indices.filter { heapRecord(program.variables[$0].type) != nil })
            var notCells: Set<Int> = []
            let positionCandidates = ElementPositions.candidates(program, addressTaken: Self.addressTakenFunctions(program))
                .filter { heapRecord(program.functions[$0.key].type.result) == nil && staticReference(program.functions[$0.key].type.result) == nil }
            var positions: ElementPositions?
            while true {
                localVectors = LocalVectors(program: program, excluded: notVectors, records: vectorRecords) { self.layout($0).size }
                // Locals written another way are no positions; once settled, the set only shrinks.
                let notPositions = Set(program.variables.indices.filter { id in
                    localCursors.isCursor(id) || localVectors.isVector(id) || textLocals.contains(id) || literalAliases[id] != nil
                        || heapLinks.variables[id] != nil || literalTables.contains(id) || heapRecord(program.variables[id].type) != nil
                        || staticReference(program.variables[id].type) != nil || positions.map { $0.locals[id] == nil } == true
                })
                let current = positions ?? ElementPositions(program: program, candidates: positionCandidates, lifted: nil, excluded: notPositions)
                let cells = cellCandidates.candidates.subtracting(notCells)
                let lifting = ReferenceLifting(program: program, immutable: immutableStatics, aliases: literalAliases,
                                                    cursors: localCursors, vectors: localVectors, tables: literalTables,
                                                    literalFunctions: literalFunctions, heap: heapRecords, texts: textLocals, rawAccepting: rawAccepting,
                                                    sortComparators: Set(comparators.elements.keys), cells: cells,
                                                    staticReferences: staticReferences,
                                                    typedElsewhere: Set(heapLinks.variables.keys).union(textTables.references),
                                                    positions: current, across: calledAcross, crateLifts: crateLifts)
                liftedParameters = lifting.lifted
                safelyLentLocals = lifting.safelyLent.filter {
                    !ReferenceLifting.lentOtherwise($0, vectors: localVectors, cursors: localCursors, aliases: literalAliases, texts: textLocals, positions: current)
                }
                // Positions whose parameters were not lifted, or whose callers lend what no position can name: again without them.
                let settledPositions = ElementPositions(program: program, candidates: positionCandidates.filter { current.functions[$0.key] != nil },
                                                        lifted: liftedParameters, excluded: notPositions)
                positions = settledPositions
                if settledPositions.functions.keys != current.functions.keys || settledPositions.locals.keys != current.locals.keys { continue }
                elementPositions = settledPositions
                // Cells lent where no lifted parameter takes the loan are plain globals after all: again without them.
                let settled = cellCandidates.settled { f, i in program.functions[f].params[safe: i].flatMap { self.liftedParameters[$0] } != nil }
                    .intersection(cells)
                globalCells = settled
                if settled != cells { notCells.formUnion(cells.subtracting(settled)); continue }
                var unlent = Set(localVectors.lent.filter { program.functions[$0.function].params[safe: $0.index].flatMap { liftedParameters[$0] }?.slice != true }.map(\.vector))
                unlent.formUnion(localVectors.lentElements.filter { program.functions[$0.function].params[safe: $0.index].flatMap { liftedParameters[$0] } == nil }.map(\.vector))
                if unlent.isEmpty { break }
                notVectors.formUnion(unlent)
            }
            if !localVectors.fieldElements.isEmpty { recordLayouts = [:] }   // laid out again with the member vectors
            if !localVectors.elements.isEmpty, observedRecords != nil {
                // The vectors' allocations, copies and fills observe no layout: again with them known.
                observedRecords = Self.observedLayouts(program, packed: Set(program.records.indices.filter { isPacked($0) }), vectors: localVectors)
                recordLayouts = [:]
            }
            if !localCursors.parameterBases.isEmpty {
                // Cursors over parameters ReferenceLifting did not lift to slices are pointers after all.
                let slices = Set(liftedParameters.filter { $0.value.slice }.keys)
                localCursors = LocalCursors(program: program, immutable: immutableStatics, excluded: literalTables.union(atomicStatics),
                                            aliases: literalAliases, packed: Set(program.records.indices.filter { isPacked($0) }), parameters: slices,
                                            notCursors: Set(heapLinks.variables.keys))
            }
        }
        if liftReferences {
            // Not over a local the cursors or vectors rewrite.
            let rewritten = Set(program.variables.indices.filter { localCursors.isCursor($0) || localVectors.isVector($0) })
            objectAliases = Self.objectAliases(program, excluded: rewritten.union(heapLinks.variables.keys))
        }
        stdinRuntime = stdioRuntime && crate == nil && Self.stdinRuntimeApplies(program, lifted: liftedParameters)
    }


    /// The whole file as Rust items, or the constructs that cannot be translated.
    public func translate() -> Result<[RItem], FaithfulRefusals> {
        let main = program.mainFile
        // Standard output is the program's: in a crate, every module's goes one way or none does.
        stdioRuntime = crate?.stdioRuntime ?? Self.stdioRuntimeApplies(program)
        ctypeRuntime = crate == nil && Self.ctypeRuntimeApplies(program)
        if liftSafeFunctions, liftReferences, crate == nil {
            // The support module's name is free (no C record, function or global is called `cheap`).
            if !program.records.contains(where: { $0.name == "cheap" }) && !takenGlobalNames.contains("cheap") {
                let heap = HeapRecords(program: program, packed: Set(program.records.indices.filter { isPacked($0) }), links: linkHandles)
                heapRecords = heap.records
                heapRawReasons = heap.rawReasons
                if linkHandles { heapLinks = HeapLinks(program: program, records: heapRecords) }
            }
            recordLayouts = [:]   // laid out again with handles
        }
        if liftsLibraryCalls {
            // In a crate the records are shared by every module and the globals other modules
            // use keep C's form: only this file's own records and globals change.
            let exported = Set(program.variables.indices.filter { program.variables[$0].isExported })
            if crate == nil {
                observedRecords = Self.observedLayouts(program, packed: Set(program.records.indices.filter { isPacked($0) }))
                literalFields = Self.literalFields(program, observed: observedRecords ?? [])
                recordLayouts = [:]   // laid out again with the literal members' slices
            }
            immutableStatics = Self.readOnlyStatics(program, literalFields: literalFields).subtracting(exported)
            // Text locals exist only with liftReferences: without them, no table stores one.
            textTables = Self.textTables(program, notTexts: liftReferences ? [] : Set(program.variables.indices), parameters: liftReferences,
                                         sorting: textSorting)
            atomicStatics = Self.atomicStatics(program, excluding: immutableStatics.union(literalTables), heap: heapRecords).subtracting(exported)
            literalAliases = Self.literalAliases(program).filter { !exported.contains($0.key) }
            literalGlobals = Self.literalGlobals(program, excluding: immutableStatics.union(literalTables).union(atomicStatics).union(exported))
            literalFunctions = Self.literalFunctions(program, tables: literalTables)
            if liftReferences {
                if crate == nil {
                    staticReferences = StaticReferences(program: program, immutable: immutableStatics, heap: heapRecords,
                                                        observed: observedRecords ?? Set(program.records.indices)).records
                }
                let plain = immutableStatics.union(literalTables).union(atomicStatics).union(literalGlobals.keys).union(literalAliases.keys)
                cellCandidates = GlobalCells(program: program, excluded: plain.union(exported), packed: Set(program.records.indices.filter { isPacked($0) }))
            }
            // errno is the program's: one module's reads see every module's calls.
            usesErrno = crate?.usesErrno ?? Self.usesErrno(program)
            errnoModule = crate == nil && Self.errnoModuleApplies(program)
        }
        // Parameters that take raw loans belong to functions that need no `unsafe` at all: the
        // others give them up, round by round, until every such function is safe.
        let bodies = program.functions.indices.filter { program.functions[$0].body != nil }
        var rawAccepting: Set<Int> = liftSafeFunctions && liftReferences ? Set(bodies) : []
        // The answer for the liftings as they stand (the last round's, if it got that far).
        var settled: [Int: String]?
        while true {
            liftReferencesAndLocals(rawAccepting: rawAccepting)
            settled = nil
            let rawFunctions = Set(liftedParameters.filter { $0.value.raw }.map { program.variables[$0.key].function })
            if rawFunctions.isEmpty { break }
            let needing = functionsNeedingUnsafe(bodies)
            settled = needing
            let unsafeOnes = rawFunctions.filter { needing[$0] != nil }
            if unsafeOnes.isEmpty { break }
            rawAccepting.subtract(unsafeOnes)
        }
        alignedStatics = findAlignedStatics()
        if !comparators.elements.isEmpty {
            let needing = settled ?? functionsNeedingUnsafe(bodies)
            safeComparators = Set(comparators.elements.keys.filter { needing[$0] == nil })
        }
        unsafeSites = [:]
        for (id, f) in program.functions.enumerated() where f.body != nil {
            // The file's functions; `main` wherever the file got it from (a unity build's
            // included .c); in a crate, every external function the file defines, also in a
            // header it includes (`#define IMPL` then `#include "lib.h"`, template headers).
            if f.loc.file == main || f.name == "main" || crate != nil && !f.isStatic && !f.isSystem { need(function: id) }
        }
        for (id, v) in program.variables.enumerated() where v.storage == .global && (v.loc.file == main || crate != nil && !v.isStatic) {
            need(variable: id)   // in a crate, a global declared in a header and defined here too
        }
        var functions: [Int: RFunction] = [:]
        var statics: [Int: RItem] = [:]
        while !functionQueue.isEmpty || !variableQueue.isEmpty {
            if let f = functionQueue.popLast() {
                if let item = function(f) { functions[f] = item }
            } else if let v = variableQueue.popLast() {
                if let item = globalItem(v) { statics[v] = item }
            }
        }
        if !refusals.isEmpty { return .failure(FaithfulRefusals(list: refusals.sorted { ($0.loc.file, $0.loc.line, $0.loc.column) < ($1.loc.file, $1.loc.line, $1.loc.column) })) }
        // A function with no unsafe operation is a safe `extern "C" fn` (rustc checks the claim).
        // Function pointers are safe when every function they can hold is (FaithfulFunctionPointers).
        if liftSafeFunctions, crate == nil, let targets = Self.functionPointerTargets(program, sorted: comparators), !targets.isEmpty {
            safeFunctionPointers = true
            let trial = functionsNeedingUnsafe(Array(neededFunctions))
            if targets.contains(where: { trial[$0] != nil }) { safeFunctionPointers = false }
        }
        let needing = liftSafeFunctions ? functionsNeedingUnsafe(Array(neededFunctions))
                                        : Dictionary(uniqueKeysWithValues: functions.keys.map { ($0, "written unsafe after rustc found an unsafe operation (E0133)") })
        // The extern block and main name library types (FILE) too: made before the records.
        let wrapper = mainWrapper(needing: needing)
        let externs = externBlocks()
        var items: [RItem] = [.attribute(Self.allowances)]
        // A program that reads `errno` sees what the C library's math functions set: LLVM must
        // not rewrite `pow(x, 2)` as `x * x` or fold `pow(0, -1)` (errno would stay 0).
        if crate == nil, Self.usesErrno(program), program.functions.contains(where: { $0.body == nil && Self.pureMath.contains($0.name) }) {
            items.append(.attribute("#![no_builtins]"))
        }
        items += recordItems()
        let staticOrder = statics.keys.sorted { program.variables[$0].loc.line < program.variables[$1].loc.line || program.variables[$0].loc.line == program.variables[$1].loc.line && $0 < $1 }
        items += staticOrder.compactMap { statics[$0] }
        items += extraItems
        if needsVarargSupport { items += Self.varargSupport }
        if needsCleanupSupport { items += Self.cleanupSupport }
        if needsJumpSupport { items += Self.jumpSupport }
        if needsStdioSupport { items += Self.stdioSupport(raw: needsStdioRawSupport) }
        if needsCStringSupport { items += Self.cstringSupport }
        if needsHeapSupport { items += Self.heapSupport }
        if needsCellSupport { items += Self.cellSupport }
        if let math = mathSupport() { items.append(math) }
        if needsCTypeSupport { items += Self.ctypeSupport }
        if needsAssertSupport { items += Self.assertSupport }
        if needsErrnoSupport { items += Self.errnoSupport }
        if needsSortSupport { items += Self.sortSupport }
        items += alignedWrapperItems()
        if needsStdinSupport { items.append(.attribute(Self.stdinModule)) }
        let fnOrder = functions.keys.sorted { byPlace(program.functions[$0].loc, program.functions[$1].loc, $0, $1) }
        for id in fnOrder {
            var f = functions[id]!
            if let why = needing[id] {
                unsafeReasons[why, default: 0] += 1
                let site = unsafeSites[id].map { $0.file == program.functions[id].loc.file ? " at line \($0.line)" : " at \($0.description)" } ?? ""
                f.comments[0] = f.comments[0] + " (unsafe: \(why)\(site))"
            } else {
                f.isUnsafeExternC = false
                f.isExternC = true
                if program.functions[id].isExported { safeExports.insert(program.functions[id].name) }
                f.comments[0] = f.comments[0] + " (no unsafe operation: a safe function)"
            }
            items.append(.function(f))
        }
        items += externs
        if let wrapper { items.append(.function(wrapper)) }
        return .success(items)
    }

    private func byPlace(_ a: CLoc, _ b: CLoc, _ i: Int, _ j: Int) -> Bool {
        let am = a.file == program.mainFile, bm = b.file == program.mainFile
        if am != bm { return !am }   // headers' helpers first, then the file's own functions
        return (a.file, a.line, i) < (b.file, b.line, j)
    }

    /// Crate-level allowances: C names are not Rust's case conventions, and a faithful
    /// translation keeps C's unused values, parentheses and labels.
    static let allowances = "#![allow(unknown_lints, non_snake_case, non_camel_case_types, non_upper_case_globals, unused_mut, unused_assignments, unused_variables, unused_parens, unused_labels, unused_unsafe, unused_braces, dead_code, unreachable_code, unreachable_patterns, path_statements, unused_must_use, unused_imports, improper_ctypes_definitions, improper_ctypes, clashing_extern_declarations, unused_comparisons, unconditional_recursion, useless_ptr_null_checks, overflowing_literals, static_mut_refs, unpredictable_function_pointer_comparisons, clippy::all)]"

    // MARK: needs

    func need(function id: Int) {
        if neededFunctions.insert(id).inserted, program.functions[id].body != nil { functionQueue.append(id) }
    }

    func need(variable id: Int) {
        let v = program.variables[id]
        guard v.storage == .global || v.storage == .external || v.storage == .staticLocal else { return }
        if neededVariables.insert(id).inserted {
            if v.storage != .staticLocal { variableQueue.append(id) }
        }
    }

    func refuse(_ what: String, at loc: CLoc) {
        if !refusals.contains(where: { $0.loc == loc && $0.construct == what }) { refusals.append(FaithfulRefusal(loc: loc, construct: what)) }
    }

    // MARK: names

    func functionName(_ id: Int) -> String {
        if let n = functionNames[id] { return n }
        let f = program.functions[id]
        var name = f.name == "main" && f.body != nil ? "main_0" : RIdent.of(f.name)
        if f.body == nil, let path = crate?.functionPath(f.name, from: unitIndex) {
            name = path   // defined by another module of the crate
        } else if f.body == nil {
            // GCC spells some libc functions as builtins: the library symbol is the same.
            name = RIdent.of(f.name.hasPrefix("__builtin_") ? String(f.name.dropFirst(10)) : f.name)
        }
        functionNames[id] = name
        return name
    }

    func globalName(_ id: Int) -> String {
        if let n = globalNames[id] { return n }
        let v = program.variables[id]
        var name: String
        if v.storage == .staticLocal {
            let owner = v.function >= 0 ? program.functions[v.function].name : "local"
            name = "\(owner)_\(v.name)"
            var k = 1
            while takenGlobalNames.contains(name) || takenLocalNames.contains(name) { k += 1; name = "\(owner)_\(v.name)_\(k)" }
            takenGlobalNames.insert(name)
            name = RIdent.of(name)
        } else if v.storage == .external, let path = crate?.variablePath(v.name, from: unitIndex) {
            name = path
        } else {
            name = RIdent.of(v.name)
        }
        globalNames[id] = name
        return name
    }

    /// A fresh name for a local: unique in the function and never a global's, so that hoisting
    /// a declaration cannot change what a name refers to.
    func localName(_ id: Int) -> String {
        if let n = localNames[id] { return n }
        let base = program.variables[id].name.isEmpty ? "arg" : program.variables[id].name
        var name = base
        var k = 0
        // C's reserved names (`__h1`, `__value`) take a suffix: the translation's own temporaries
        // are spelled so.
        if base.hasPrefix("__") { k = 1; name = "\(base)_1" }
        // Unique as written in Rust (`self` becomes `self_`, which a C `self_` must not meet).
        while takenLocalNames.contains(RIdent.of(name)) || takenGlobalNames.contains(name) || takenGlobalNames.contains(RIdent.of(name))
                || Self.preludeValues.contains(name) || Self.reservedLocals.contains(name) {
            k += 1; name = "\(base)_\(k)"
        }
        let r = RIdent.of(name)
        takenLocalNames.insert(r)
        localNames[id] = r
        return r
    }

    static let preludeValues: Set<String> = ["Some", "None", "Ok", "Err"]

    /// Names the translation itself declares in a function body (the state machine's).
    static let reservedLocals: Set<String> = ["current_block", "args", "arg", "__va_args", "__alloca", "__oxidize_protect", "__oxidize_longjmp"]

    func temporary(_ hint: String = "t") -> String {
        temporaryCounter += 1
        return "__\(hint)\(temporaryCounter)"
    }

    func newLabel(_ hint: String) -> String {
        labelCounter += 1
        return "'\(hint)\(labelCounter)"
    }

    func recordName(_ id: Int) -> String {
        if let n = recordNames[id] { return n }
        let r = program.records[id]
        if r.name == Self.vaListTag {
            requireVarargSupport()
            recordNames[id] = "VaListTag"
            return "VaListTag"
        }
        var base = r.name.isEmpty ? "C2RustUnnamed" : r.name
        base = String(base.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
        if let crate, let key = crate.sharedKey(r, mainFile: program.mainFile) {
            recordNames[id] = RIdent.of(crate.sharedName(key: key, base: base))
            return recordNames[id]!
        }
        var name = base
        var k = 0
        let taken = Set(recordNames.values)
        while taken.contains(name) || RustPrimitive.names.contains(name) || crate?.isSharedName(name) == true { k += 1; name = "\(base)_\(k)" }
        if r.name.isEmpty && k == 0 { name = "\(base)_\(id)" }
        recordNames[id] = RIdent.of(name)
        return recordNames[id]!
    }
}

enum RustPrimitive {
    static let names: Set<String> = ["i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize",
                                     "f32", "f64", "bool", "char", "str", "Option", "Some", "None", "Box", "Vec", "String"]
}
