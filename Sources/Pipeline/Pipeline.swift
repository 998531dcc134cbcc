import CModel
import Checker
import ClangFrontend
import Diagnostics
import Ownership
import Reporting
import Foundation

/// The only place that orders the stages: parse -> lower -> infer -> report.
public enum Pipeline {
    public static let toolVersion = "0.1.0"

    public struct Options: Sendable {
        public var files: [String]
        public var clangArguments: [String]
        public var modelFiles: [String]
        /// Run the checker and fill `diagnostics` (off only to measure what the checker costs).
        public var runChecker: Bool
        /// A build folder holding compile_commands.json (`-p`): its units join `files`.
        public var buildDirectory: String?
        /// Globs a unit's path must match (any) / must not match (all), for `-p` projects.
        public var include: [String]
        public var exclude: [String]
        /// Units parsed at once (`-j`); the output is the same for any value.
        public var jobs: Int
        /// The unit cache's folder, or nil for no cache.
        public var cacheDirectory: String?
        /// The most the cache folder may hold, in bytes (least recently written entries go first).
        public var cacheLimit: UInt64 = 1 << 30
        /// `--shard K/N`: analyse only the units whose stable hash falls in share K of N.
        public var shard: (k: Int, n: Int)?
        /// Keep the model and the analysis alive until the process exits instead of freeing them
        /// (one-shot command-line runs; see `KeepUntilExit`).
        public var keepUntilExit = false
        /// A unit whose main file has at least this many bytes is lowered in shares, one per
        /// job, when there are fewer units than jobs: each job parses the unit and lowers its
        /// share of the function bodies, so the cores that would sit idle share the walk
        /// (see `TranslationUnit.share`). nil: never (the translator wants one unit whole).
        public var splitBytes: Int? = 256 << 10
        /// Called after each unit (done, total, its file), serially; the CLI draws progress with it.
        public var progress: (@Sendable (Int, Int, String) -> Void)?
        public init(files: [String], clangArguments: [String], modelFiles: [String] = [], runChecker: Bool = true,
                    buildDirectory: String? = nil, include: [String] = [], exclude: [String] = [], jobs: Int = 1) {
            self.files = files; self.clangArguments = clangArguments; self.modelFiles = modelFiles; self.runChecker = runChecker
            self.buildDirectory = buildDirectory; self.include = include; self.exclude = exclude; self.jobs = max(1, jobs)
            self.cacheDirectory = nil
            self.shard = nil
            self.progress = nil
        }
    }

    /// Input problems, clang-style, one line each.
    public struct Failure: Error, Sendable {
        public var messages: [String]
    }

    public static func libraryModel(extra: [String]) throws -> LibraryModel {
        do {
            var m = try LibraryModel.bundled()
            for f in extra { try m.load(path: f) }
            return m
        } catch let e as ModelError {
            throw Failure(messages: [e.description])
        }
    }

    /// The units to parse: the files given (with the clang arguments after `--`), then the
    /// project's units from `-p`, filtered by `--include` / `--exclude`.
    public static func units(_ options: Options) throws -> [(file: String, arguments: [String])] {
        try allUnits(options).filter { inShard($0.index, $0.file, options) }.map { ($0.file, $0.arguments) }
    }

    /// Every unit with its position in the whole run, before sharding.
    static func allUnits(_ options: Options) throws -> [(index: Int, file: String, arguments: [String])] {
        try unfiltered(options).enumerated().map { ($0.offset, $0.element.file, $0.element.arguments) }
    }

    /// Which run a shard belongs to: every unit of the whole run, with its arguments, in order.
    static func runIdentity(_ all: [(index: Int, file: String, arguments: [String])]) -> UInt64 {
        var bytes: [UInt8] = []
        for u in all { bytes += Array(u.file.utf8) + [0] + Array(u.arguments.joined(separator: "\u{0}").utf8) + [1] }
        return FNV1a.hash(bytes)
    }

    /// A stable share: FNV-1a of the unit's path, so every machine of a CI fleet agrees.
    static func inShard(_ index: Int, _ file: String, _ options: Options) -> Bool {
        guard let (k, n) = options.shard else { return true }
        return Int(FNV1a.hash(file) % UInt64(n)) == k - 1
    }

    static func unfiltered(_ options: Options) throws -> [(file: String, arguments: [String])] {
        var out = options.files.map { ($0, options.clangArguments) }
        if let dir = options.buildDirectory {
            switch CompilationDatabase.load(buildDirectory: dir) {
            case .failure(let e): throw Failure(messages: [e.description])
            case .success(let units):
                for u in units where selected(u.file, options) { out.append((u.file, u.arguments + options.clangArguments)) }
            }
        }
        return out
    }

    /// One parse: a unit, or one share of a large unit (see `Options.splitBytes`).
    struct WorkItem {
        var file: String
        var arguments: [String]
        var share = 0, shareCount = 1
        /// The cache keys a share by its place among the unit's shares.
        var cacheArguments: [String] { shareCount == 1 ? arguments : arguments + ["\u{0}share \(share) of \(shareCount)"] }
    }

    static func workItems(_ options: Options) throws -> [WorkItem] {
        let units = try units(options)
        // Jobs left over when there are fewer units than jobs go to the large units' shares.
        guard let limit = options.splitBytes, options.shard == nil, units.count < options.jobs else {
            return units.map { WorkItem(file: $0.file, arguments: $0.arguments) }
        }
        let spare = min(options.jobs / max(units.count, 1), 4)
        return units.flatMap { u -> [WorkItem] in
            let n = spare > 1 && (UnitCache.fileStat(u.file)?.size ?? 0) >= UInt64(limit) ? spare : 1
            return (0..<n).map { WorkItem(file: u.file, arguments: u.arguments, share: $0, shareCount: n) }
        }
    }

    static func selected(_ path: String, _ options: Options) -> Bool {
        func matches(_ glob: String) -> Bool { fnmatch(glob, path, 0) == 0 || fnmatch("*/" + glob, path, 0) == 0 }
        if !options.include.isEmpty && !options.include.contains(where: matches) { return false }
        return !options.exclude.contains(where: matches)
    }

    /// Parses every unit (all of them, so every error is reported), `jobs` at a time, each worker
    /// with its own libclang index on a thread with a deep stack. Results keep the input order.
    public static func parse(_ options: Options) throws -> [TranslationUnit] {
        let (units, failures) = try parseKeepingGoing(options)
        if !failures.isEmpty { throw Failure(messages: failures) }
        return units
    }

    /// Like `parse`, but a unit that fails is reported and skipped (projects: `-p`).
    public static func parseKeepingGoing(_ options: Options) throws -> ([TranslationUnit], [String]) {
        let lowered = try lower(options, library: nil)
        return (lowered.units, lowered.failures)
    }

    private struct Tally { var hits = 0, finished = 0 }

    struct Lowered {
        var units: [TranslationUnit]
        var failures: [String]
        /// Per unit, its constraints when they were extracted on the worker that lowered it.
        var prepared: [UnitConstraints?]
    }

    /// Parses and lowers every unit; with a library model and a program of one unit (in one or
    /// more shares), each worker also extracts the constraints of what it lowered, so that
    /// extraction overlaps the other shares' walk.
    static func lower(_ options: Options, library: Pending<Result<LibraryModel, Error>>?) throws -> Lowered {
        let work = try workItems(options)
        let oneUnit = Set(work.map { $0.file + "\u{0}" + $0.arguments.joined(separator: "\u{0}") }).count == 1
        let extractLibrary = oneUnit ? library : nil
        @Sendable func model() -> LibraryModel? { (try? extractLibrary?.value.get()) ?? nil }
        let cache = options.cacheDirectory.map { UnitCache(directory: $0, toolVersion: toolVersion, clangVersion: clangVersion()) }
        // Progress is reported in completion order, under one lock.
        let tally = Locked(Tally())
        let progress = options.progress
        let outcomes = parallelMap(work.count, lanes: options.jobs, stackSize: 1 << 29, lane: { ClangIndex() }) { index, i in
            let item = work[i]
            var result: Result<TranslationUnit, ParseFailure>
            var hit = false
            if let cache, case .hit(let tu) = cache.load(file: item.file, arguments: item.cacheArguments) {
                result = .success(tu); hit = true
            } else {
                result = index.parse(path: item.file, arguments: item.arguments, share: item.share, of: item.shareCount)
                if let cache, case .success(let tu) = result { cache.store(tu, file: item.file, arguments: item.cacheArguments) }
            }
            var extracted: UnitConstraints?
            if case .success(let tu) = result, let m = model() { extracted = OwnershipInference.extract(unit: tu, library: m) }
            tally.withLock { t in
                t.finished += 1
                if hit { t.hits += 1 }
                progress?(t.finished, work.count, item.file)
            }
            return (result, extracted)
        }
        let hits = tally.withLock { $0.hits }
        StageClock.note("cache: \(hits) of \(work.count) units from \(options.cacheDirectory ?? "(no cache)")")
        if let cache, hits < work.count { cache.trim(limit: options.cacheLimit) }
        var parsed: [TranslationUnit] = []
        var parsedPrepared: [UnitConstraints?] = []
        var errors: [String] = []
        for (result, prepared) in outcomes {
            switch result {
            case .success(let tu): parsed.append(tu); parsedPrepared.append(prepared)
            case .failure(let f): errors += f.errors.map(\.description)
            }
        }
        // A shard that the hash dealt no unit (a small project over many machines) is an empty
        // shard report, which merge still needs to see.
        let emptyShard = options.shard != nil && work.isEmpty
        if parsed.isEmpty && !emptyShard { throw Failure(messages: errors.isEmpty ? ["oxidize: error: no translation units to analyse"] : errors) }
        return Lowered(units: parsed, failures: errors, prepared: parsedPrepared)
    }

    public static func report(_ options: Options) throws -> Report {
        let (report, failures) = try run(options, keepGoing: false)
        if !failures.isEmpty { throw Failure(messages: failures) }
        return report
    }

    /// The report, and the units that failed to parse (only with `keepGoing`; otherwise any
    /// failure throws). Projects keep going: one broken unit does not hide the others.
    public static func run(_ options: Options, keepGoing: Bool) throws -> (Report, [String]) {
        var clock = StageClock()
        // The models load while the units parse; the workers need them only once lowered.
        let models = Pending { Result<LibraryModel, Error> { try libraryModel(extra: options.modelFiles) } }
        let lowered: Lowered
        do { lowered = try lower(options, library: models) } catch let f as Failure {
            // A broken model file is reported with the units' errors, first, as before.
            if case .failure(let m as Failure) = models.value { throw Failure(messages: m.messages + f.messages) }
            throw f
        }
        let library = try models.value.get()
        if !keepGoing, !lowered.failures.isEmpty { throw Failure(messages: lowered.failures) }
        let units = lowered.units, failures = lowered.failures
        clock.lap("parse+walk")
        let ownership = OwnershipInference.analyze(units: units, library: library, prepared: lowered.prepared,
                                                   keepUntilExit: options.keepUntilExit, calleeEffects: options.runChecker)
        clock.lap("ownership")
        let diagnostics = options.runChecker ? Checker.check(units: units, library: library, ownership: ownership) : []
        clock.lap("checker")
        if options.keepUntilExit { KeepUntilExit.keep(units); KeepUntilExit.keep(ownership) }
        defer { clock.lap("report") }
        var report = ReportBuilder.build(facts: ownership.facts, diagnostics: diagnostics, files: mainFiles(units), models: library.sources,
                                         tool: .init(name: "oxidize", version: toolVersion, clang: clangVersion()))
        if options.shard != nil {
            // Positions in the whole run, so that merge restores the unsharded order.
            var position: [String: Int] = [:]
            let all = try allUnits(options)
            for u in all where position[u.file] == nil { position[u.file] = u.index }
            let indexed = units.map { (index: position[$0.mainFile] ?? Int(UInt32.max), unit: $0) }
            let shard = UnitBundle.Shard(k: options.shard!.k, n: options.shard!.n, run: runIdentity(all))
            report.units = UnitBundle.encode(indexed, shard: shard).base64EncodedString()
        }
        return (report, failures)
    }

    /// The whole run's JSON report from the cache, when every unit's entry and every model file
    /// is unchanged: an unchanged re-run parses and analyses nothing. `store` keeps a new one.
    public static func cachedReportJSON(_ options: Options) throws -> Data? {
        guard let path = try resultPath(options) else { return nil }
        return UnitCache(directory: options.cacheDirectory!, toolVersion: toolVersion, clangVersion: clangVersion()).loadResult(path)
    }

    public static func storeReportJSON(_ data: Data, _ options: Options) throws {
        guard let path = try resultPath(options) else { return }
        UnitCache(directory: options.cacheDirectory!, toolVersion: toolVersion, clangVersion: clangVersion()).storeResult(data, at: path)
    }

    static func resultPath(_ options: Options) throws -> String? {
        guard let dir = options.cacheDirectory, options.shard == nil else { return nil }
        let cache = UnitCache(directory: dir, toolVersion: toolVersion, clangVersion: clangVersion())
        var sums: [UInt64] = []
        for u in try workItems(options) {
            guard let s = cache.validChecksum(file: u.file, arguments: u.cacheArguments) else { return nil }
            sums.append(s)
        }
        // The models: the bundled ones come with the tool version; user files by content.
        var models = ""
        for f in options.modelFiles {
            guard let d = FileManager.default.contents(atPath: f) else { return nil }
            models += f + "\u{0}" + String(FNV1a.hash([UInt8](d))) + "\u{0}"
        }
        let opts = "checker=\(options.runChecker) files=\(options.files.joined(separator: "\u{1}"))"
        return cache.resultPath(units: sums, modelsKey: models, options: opts)
    }

    /// The units' main files, once per unit however many shares it was lowered in.
    static func mainFiles(_ units: [TranslationUnit]) -> [String] {
        units.filter { $0.share == 0 }.map(\.mainFile)
    }

    /// `oxidize merge`: the report the whole run would give, from shard reports' units.
    public static func merge(_ shards: [Report], modelFiles: [String], runChecker: Bool = true) throws -> Report {
        var all: [(index: Int, unit: TranslationUnit)] = []
        var seen: [Int: Int] = [:]   // shard number -> argument position
        var first: UnitBundle.Shard?
        for (i, r) in shards.enumerated() {
            guard let b64 = r.units, let data = Data(base64Encoded: b64), let bundle = UnitBundle.decode(data) else {
                throw Failure(messages: ["shard \(i + 1): not a shard report (made with --shard K/N by this version of oxidize), or its units are damaged"])
            }
            let s = bundle.shard
            if let f = first, f.run != s.run || f.n != s.n {
                throw Failure(messages: ["shard \(i + 1): shard \(s.k)/\(s.n) of another run than the first (\(f.k)/\(f.n)): other files, arguments or shard count"])
            }
            first = first ?? s
            if let j = seen[s.k] { throw Failure(messages: ["shards \(j + 1) and \(i + 1) are both shard \(s.k)/\(s.n)"]) }
            seen[s.k] = i
            all += bundle.units
        }
        if let n = first?.n, seen.count != n {
            let missing = (1...n).filter { seen[$0] == nil }.map { "\($0)/\(n)" }
            throw Failure(messages: ["incomplete shard set: \(missing.joined(separator: ", ")) missing (merge needs every shard of the run)"])
        }
        all.sort { $0.index < $1.index }
        var kept = Set<Int>()
        let units = all.filter { kept.insert($0.index).inserted }.map(\.unit)
        let library = try libraryModel(extra: modelFiles)
        let ownership = OwnershipInference.analyze(units: units, library: library)
        let diagnostics = runChecker ? Checker.check(units: units, library: library, ownership: ownership) : []
        return ReportBuilder.build(facts: ownership.facts, diagnostics: diagnostics, files: mainFiles(units), models: library.sources,
                                   tool: .init(name: "oxidize", version: toolVersion, clang: clangVersion()))
    }
}

/// A value computed on another thread, waited for where it is needed.
final class Pending<T: Sendable>: Sendable {
    private let result = Locked<T?>(nil)
    private let ready = DispatchSemaphore(value: 0)

    init(_ make: @escaping @Sendable () -> T) {
        Thread { [result, ready] in
            let v = make()
            result.withLock { $0 = v }
            ready.signal()
        }.start()
    }

    var value: T {
        if let r = result.withLock({ $0 }) { return r }
        ready.wait()
        ready.signal()   // for the next reader
        return result.withLock { $0 }!
    }
}
