import Foundation
import CModel
import CSyntax
import Diagnostics
import RustSyntax

/// One C file of a project, as a module of the crate.
public struct CrateUnit: Sendable {
    public var program: Program
    /// The module's name (library units) or the binary's (units that define `main`).
    public var name: String
    public var isBinary: Bool
    /// Functions that need no unsafe operation become safe functions (off after rustc's E0133).
    public var liftSafe: Bool
    /// Pointers proven to be references, vectors and cursors are lifted inside the module (off
    /// after rustc rejects the module's liftings).
    public var liftReferences: Bool
    public init(program: Program, name: String, isBinary: Bool, liftSafe: Bool = true, liftReferences: Bool = true) {
        self.program = program; self.name = name; self.isBinary = isBinary; self.liftSafe = liftSafe
        self.liftReferences = liftReferences
    }
}

/// A whole crate: its files by path relative to the crate's folder (`src/lib.rs`, ...).
public struct CrateTranslation: Sendable {
    public var files: [(path: String, code: String)]
    /// The library's name as the binaries `use` it.
    public var libraryName: String
    /// Binary target name -> its file.
    public var binaries: [(name: String, path: String)]
    /// Per module: functions written, and how many of them are `unsafe`.
    public var functions: Int
    public var unsafeFunctions: Int
    /// Why functions are `unsafe` (their first unsafe operation), counted over the crate.
    public var unsafeReasons: [String: Int] = [:]
    public var notes: [String]
}

/// The faithful tier over a whole program: one module per C file, the records of the
/// project's headers once in `types`, and calls and globals across files resolved to the
/// module that defines them (a Rust path, checked by rustc, instead of a symbol the linker
/// would match by name).
public enum FaithfulCrate {
    public static func translate(_ units: [CrateUnit], libraryName: String, findings: [Diagnostic] = [],
                                 links: [String: String] = [:]) -> Result<CrateTranslation, FaithfulRefusals> {
        let exported = exports(units)
        // A call into another module needs no `unsafe` when its callee came out safe: found
        // round by round (a function is safe once the functions it calls in other modules are),
        // to a fixed point. A round that assumed too much shows as rustc's E0133.
        // So is the form of a call to a function whose parameters take raw loans: its module
        // decides, its callers follow the last round; a round that disagrees is translated again.
        var assumed = Facts()
        var round = 0
        while true {
            let (result, found) = translate(units, exported: exported, assumed: assumed, libraryName: libraryName, findings: findings, links: links)
            round += 1
            guard case .success = result, found != assumed, round < 8 else { return result }
            // Safe calls only grow (a round that assumed a callee safe that came out unsafe is
            // rustc's E0133, and the module is written again without its liftings).
            if !found.safe.isSuperset(of: assumed.safe), found.lifts == assumed.lifts { return result }
            assumed = found
        }
    }

    /// What one round assumes of the other modules' functions, and finds.
    struct Facts: Equatable {
        /// The exported functions written safe (`crate::m::f`).
        var safe: Set<String> = []
        /// The parameters lifted to raw loans (`crate::m::f` -> index -> mutable).
        var lifts: [String: [Int: Bool]] = [:]
    }

    /// One translation of every unit, calls into other modules as `assumed`; with what it found.
    static func translate(_ units: [CrateUnit], exported: [Program], assumed: Facts, libraryName: String, findings: [Diagnostic],
                          links: [String: String]) -> (Result<CrateTranslation, FaithfulRefusals>, Facts) {
        let context = CrateContext(units: units)
        context.safeFunctions = assumed.safe
        context.acrossLifts = assumed.lifts
        var found = Facts()
        var files: [(String, String)] = []
        var binaries: [(String, String)] = []
        var refusals: [FaithfulRefusal] = []
        var modules: [String] = []
        var functions = 0, unsafeFunctions = 0
        // Printed once every file is translated: one file's longjmp makes every function unwind.
        var translated: [(String, [RItem])] = []
        var unwind = false
        var reasons: [String: Int] = [:]
        var mathFunctions: [String: RExternItem] = [:]
        for (index, unit) in units.enumerated() {
            let translator = FaithfulTranslator(program: exported[index])
            translator.links = links
            translator.liftSafeFunctions = unit.liftSafe
            translator.liftReferences = unit.liftReferences
            translator.crate = context
            translator.unitIndex = index
            for d in findings where d.file == unit.program.mainFile { translator.findings[d.function, default: []].append(d) }
            switch translator.translate() {
            case .failure(let r): refusals += r.list
            case .success(var items):
                let header = RItem.comment("Translated from \(unit.program.mainFile) by oxidize (faithful tier: C's semantics kept exactly,\nwith raw pointers and `unsafe` where no ownership was proven).")
                items.insert(.use("crate::types::*"), at: items.firstIndex { if case .attribute = $0 { return false }; return true } ?? items.count)
                for item in items { if case .function(let f) = item, f.name != "main" { functions += 1; if f.isUnsafeExternC { unsafeFunctions += 1 } } }
                // Every file is a module of the library (a program's file may define what the
                // others call); a file with `main` also gets a binary that runs it.
                translated.append(("src/\(unit.name).rs", [header] + items))
                unwind = unwind || translator.usesLongjmp
                for name in translator.safeExports { found.safe.insert("crate::\(unit.name)::\(RIdent.of(name))") }
                for (name, lifts) in translator.acrossLifts { found.lifts["crate::\(unit.name)::\(RIdent.of(name))"] = lifts }
                for (why, n) in translator.unsafeReasons { reasons[why, default: 0] += n }
                modules.append(unit.name)
                for case .externBlock(link: "m", let fns) in items {
                    for f in fns { if case .function(let name, _, _, _) = f { mathFunctions[name] = f } }
                }
                if unit.isBinary {
                    let path = "src/bin/\(unit.name).rs"
                    files.append((path, "// Translated from \(unit.program.mainFile.oneLine) by oxidize: the program's `main`.\nfn main() {\n    \(libraryName)::\(unit.name)::main()\n}\n"))
                    binaries.append((unit.name, path))
                }
            }
        }
        if !refusals.isEmpty { return (.failure(FaithfulRefusals(list: refusals)), found) }
        if !mathFunctions.isEmpty {
            let keep = Self.keepLibraryMath(mathFunctions.keys.sorted().map { mathFunctions[$0]! })
            files = files.map { $0.0.hasPrefix("src/bin/") ? ($0.0, $0.1 + "\n" + keep) : $0 }
        }
        files += translated.map { ($0.0, RustPrinter.print($0.1, unwind: unwind)) }
        let types: [RItem] = [.comment("The records of the project's headers, once for every module (faithful tier)."),
                              .attribute(FaithfulTranslator.allowances)] + context.typeItems()
        files.append(("src/types.rs", RustPrinter.print(types, unwind: unwind)))
        var lib = "// The translated project's library: a module per C file (oxidize, faithful tier).\n"
        lib += FaithfulTranslator.allowances + "\n\npub mod types;\n"
        for m in modules.sorted() { lib += "pub mod \(m);\n" }
        files.append(("src/lib.rs", lib))
        return (.success(CrateTranslation(files: files.sorted { $0.0 < $1.0 }, libraryName: libraryName, binaries: binaries,
                                          functions: functions, unsafeFunctions: unsafeFunctions, unsafeReasons: reasons, notes: context.notes)), found)
    }
}

extension FaithfulCrate {
    /// The math functions the modules call, referenced from a binary's own object: the linker
    /// then takes them from the C library's libm, which the binary links before the crates it
    /// uses. Otherwise a call in the library crate meets the Rust toolchain's own copies of some
    /// (`cbrt`, `sqrt`, `fmod`, `rint`, in `compiler_builtins`) first: they round differently,
    /// leave `errno` alone or ignore the rounding mode.
    static func keepLibraryMath(_ functions: [RExternItem]) -> String {
        var items: [RItem] = [.comment("The C library's math functions for every module, not the Rust toolchain's copies of some."),
                              .externBlock(link: "m", functions)]
        for case .function(let name, let params, let result, let variadic) in functions {
            items.append(.attribute("#[used]"))
            items.append(.staticVar(name: "__OXIDIZE_LIBM_\((name.hasPrefix("r#") ? String(name.dropFirst(2)) : name).uppercased())",
                                    type: .function(params: params, result: result, variadic: variadic), value: .path(name), mutable: false, comments: []))
        }
        return RustPrinter.print(items)
    }

    /// Each unit's program with the definitions other units use by name marked `isExported`:
    /// their signatures and representations stay C's, so the liftings of one module never
    /// change what another module calls or reads.
    static func exports(_ units: [CrateUnit]) -> [Program] {
        var users: [String: Set<Int>] = [:]   // a function's or global's name -> the units that use it
        // A function's name -> the units that use it other than as the callee of a direct call
        // through a prototype, and the arity each calling unit declares.
        var pinned: [String: Set<Int>] = [:]
        var arities: [String: Set<Int>] = [:]
        for (index, unit) in units.enumerated() {
            let p = unit.program
            func visit(_ e: CExpr) {
                switch e.kind {
                case .call(let callee, let args):
                    if case .function(let id) = callee.withoutCasts.kind {
                        let f = p.functions[id]
                        users[f.name, default: []].insert(index)
                        if f.type.noPrototype || f.type.variadic { pinned[f.name, default: []].insert(index) }
                        arities[f.name, default: []].insert(f.type.params.count)
                        args.forEach(visit)
                        return
                    }
                case .function(let id):
                    users[p.functions[id].name, default: []].insert(index)
                    pinned[p.functions[id].name, default: []].insert(index)
                case .variable(let id) where p.variables[id].storage == .global || p.variables[id].storage == .external:
                    users[p.variables[id].name, default: []].insert(index)
                default: break
                }
                e.forEachChild(visit)
            }
            for f in p.functions where f.body != nil { f.body!.forEachExpression(visit) }
            for v in p.variables { if let e = v.initializer { visit(e) } }
        }
        return units.enumerated().map { index, unit in
            var p = unit.program
            func elsewhere(_ name: String) -> Bool { users[name].map { !$0.subtracting([index]).isEmpty } ?? false }
            for id in p.functions.indices where p.functions[id].body != nil && !p.functions[id].isStatic && elsewhere(p.functions[id].name) {
                let f = p.functions[id]
                p.functions[id].isExported = true
                p.functions[id].isCalledAcross = (pinned[f.name] ?? []).subtracting([index]).isEmpty && f.name != "main" && !f.type.variadic
                    && !f.type.noPrototype && arities[f.name] == [f.type.params.count]
            }
            for id in p.variables.indices where p.variables[id].storage == .global && !p.variables[id].isStatic && elsewhere(p.variables[id].name) {
                p.variables[id].isExported = true
            }
            return p
        }
    }
}

/// What the modules of one crate share: the records that are the same type in every file that
/// includes their header, and which module defines each external function and global.
final class CrateContext {
    private let units: [CrateUnit]
    /// External name -> the library module that defines it.
    private var functionModule: [String: String] = [:]
    private var variableModule: [String: String] = [:]
    /// Record name -> its distinct definitions across the project, by layout: two files that
    /// each define `struct P { int x, y; }` define one type, as C's compatible types are.
    private var definitions: [String: Set<String>] = [:]
    /// Shared record key -> its Rust name, and the items that define it (once one unit wrote them).
    private var sharedNames: [String: String] = [:]
    private var takenNames: Set<String> = []
    private var defined: [String: [RItem]] = [:]
    private var order: [String] = []
    var notes: [String] = []
    /// Some file reads `errno`, or sets the rounding mode: every module's calls are seen by it.
    let usesErrno: Bool
    let setsRounding: Bool
    /// Every module's standard output goes through one `cstdio` (FaithfulStdio), or none does.
    let stdioRuntime: Bool
    /// The paths (`crate::m::f`) of the exported functions the last round wrote safe.
    var safeFunctions: Set<String> = []
    /// The paths of the functions other modules call whose parameters the last round lifted to
    /// raw loans (`FaithfulTranslator.acrossLifts`): index -> mutable.
    var acrossLifts: [String: [Int: Bool]] = [:]

    init(units: [CrateUnit]) {
        self.units = units
        usesErrno = units.contains { FaithfulTranslator.usesErrno($0.program) }
        setsRounding = units.contains { FaithfulTranslator.setsRounding($0.program) }
        stdioRuntime = units.allSatisfy { FaithfulTranslator.stdioRuntimeApplies($0.program) }
        for unit in units {
            let p = unit.program
            for r in p.records where r.fields != nil && !r.name.isEmpty { definitions[r.name, default: []].insert(Self.layout(r, p)) }
            for f in p.functions where f.body != nil && !f.isStatic && f.name != "main"
                                       && (f.loc.file == p.mainFile || !f.isSystem) {
                if functionModule[f.name] == unit.name { continue }
                if let other = functionModule[f.name] {
                    // Two files that define one external name (not a header's definition each
                    // includer has): C would not link them into one program.
                    guard f.loc.file == p.mainFile else { continue }
                    notes.append("\(f.loc.description): warning: `\(f.name)` is also defined in module `\(other)`; calls from other files go to `\(other)`")
                } else {
                    functionModule[f.name] = unit.name
                }
            }
            for v in p.variables where v.storage == .global && !v.isStatic && variableModule[v.name] == nil {
                variableModule[v.name] = unit.name
            }
        }
    }

    /// The key under which a record is one type for the whole crate, or nil when it is private to
    /// its file (a named record defined in the file itself while another file defines a record
    /// of that name).
    func sharedKey(_ r: CRecord, mainFile: String) -> String? {
        // An anonymous record is one place in the sources: shared even when a file defines it
        // (a shared record may hold it).
        if r.name.isEmpty { return "loc:\(canonical(r.loc).description)" }
        let places = definitions[r.name] ?? []
        if places.count <= 1 { return "name:\(r.name)" }
        if r.fields != nil, r.loc.file != mainFile { return "loc:\(canonical(r.loc).description)" }
        return nil
    }

    /// A record's layout, member by member, naming member records by name (ids differ per file).
    static func layout(_ r: CRecord, _ p: Program) -> String {
        func type(_ t: CTy) -> String {
            switch t {
            case .record(let id): return "record \(p.records[id].name.isEmpty ? "#\(p.records[id].loc.line)" : p.records[id].name)"
            case .pointer(let x, let c): return "*\(c ? "const " : "")\(type(x))"
            case .array(let x, let n): return "[\(type(x)); \(n ?? -1)]"
            case .function(let f): return "fn(\(f.params.map(type).joined(separator: ",")))->\(type(f.result))"
            default: return "\(t)"
            }
        }
        let members = (r.fields ?? []).map { "\($0.name):\($0.bitOffset):\($0.bitWidth ?? -1):\(type($0.type))" }
        return "\(r.isUnion) \(r.size) \(r.align) " + members.joined(separator: ";")
    }

    private var canonicalFiles: [String: String] = [:]

    /// One spelling per file: `tests/../src/a.h` and `src/a.h` are one header.
    func canonical(_ loc: CLoc) -> CLoc {
        if let f = canonicalFiles[loc.file] { return CLoc(file: f, line: loc.line, column: loc.column) }
        let f = URL(fileURLWithPath: loc.file).standardizedFileURL.resolvingSymlinksInPath().path
        canonicalFiles[loc.file] = f
        return CLoc(file: f, line: loc.line, column: loc.column)
    }

    /// The crate-wide Rust name of a shared record.
    func sharedName(key: String, base: String) -> String {
        if let n = sharedNames[key] { return n }
        var name = base
        var k = 0
        while takenNames.contains(name) || RustPrimitive.names.contains(name) { k += 1; name = "\(base)_\(k)" }
        takenNames.insert(name)
        sharedNames[key] = name
        order.append(key)
        return name
    }

    func isSharedName(_ name: String) -> Bool { takenNames.contains(name) }

    func hasDefinition(_ key: String) -> Bool { defined[key] != nil }

    func define(_ key: String, _ items: [RItem]) { if defined[key] == nil { defined[key] = items } }

    /// Items every module may use (the variadic support), once in the types module.
    func addSupport(_ key: String, _ items: [RItem]) {
        guard defined[key] == nil else { return }
        defined[key] = items
        order.append(key)
    }

    /// The types module: every shared record, in the order first met; one no unit defines stays opaque.
    func typeItems() -> [RItem] {
        order.flatMap { key -> [RItem] in
            if let items = defined[key] { return items }
            return [.record(name: sharedNames[key]!, isUnion: false, repr: "C", fields: [RField("_opaque", .array(.named("u8"), 0))],
                            comments: ["opaque: defined outside the project"])]
        }
    }

    /// The Rust path of a function another library module defines, seen from `unit`.
    func functionPath(_ name: String, from unit: Int) -> String? {
        guard let module = functionModule[name], module != units[unit].name else { return nil }
        return "crate::\(module)::\(RIdent.of(name))"
    }

    func variablePath(_ name: String, from unit: Int) -> String? {
        guard let module = variableModule[name], module != units[unit].name else { return nil }
        return "crate::\(module)::\(RIdent.of(name))"
    }
}
