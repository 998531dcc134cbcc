import Foundation

/// Runs the built `oxidize` binary, as a user would.
struct Run {
    var status: Int32
    var stdout: Data
    var stderr: String
    var out: String { String(decoding: stdout, as: UTF8.self) }

    static func oxidize(_ args: [String], cwd: URL? = nil, timeout: TimeInterval = 120, env: [String: String] = [:]) throws -> Run {
        let p = Process()
        p.executableURL = Repo.binary
        p.arguments = args
        if let cwd { p.currentDirectoryURL = cwd }
        var environment = ProcessInfo.processInfo.environment
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("oxidize-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let o = dir.appendingPathComponent("out"), e = dir.appendingPathComponent("err")
        FileManager.default.createFile(atPath: o.path, contents: nil)
        FileManager.default.createFile(atPath: e.path, contents: nil)
        p.standardOutput = try FileHandle(forWritingTo: o)
        p.standardError = try FileHandle(forWritingTo: e)
        try ProcessLaunch.run(p)
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning {
            if Date() > deadline { p.terminate(); throw TimeoutError(args: args) }
            usleep(5_000)
        }
        return Run(status: p.terminationStatus, stdout: try Data(contentsOf: o),
                   stderr: String(decoding: try Data(contentsOf: e), as: UTF8.self))
    }

    struct TimeoutError: Error { var args: [String] }
}

/// Foundation's `Process.run()` is not safe to call from several threads at once on Linux (it
/// crashed in memmove with two tests' workers launching together): launches take turns; the
/// processes still run side by side.
enum ProcessLaunch {
    private static let lock = NSLock()
    static func run(_ p: Process) throws {
        lock.lock()
        defer { lock.unlock() }
        try p.run()
    }
}

/// Runs `body` for each index, one after another. Running the tests' processes two at a time
/// crashed inside Foundation's `Process` on Linux (twice in a dozen full runs, launch lock or
/// not), so the suite stays sequential until that is understood.
func eachIndex(_ count: Int, _ body: (Int) -> Void) {
    for k in 0..<count { body(k) }
}

/// A scratch folder removed at the end of a test.
final class Scratch {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("oxidize-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    func write(_ name: String, _ text: String) throws -> String {
        let u = url.appendingPathComponent(name)
        try text.write(to: u, atomically: true, encoding: .utf8)
        return u.path
    }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// Runs a Python jsonschema validation of `instance` against `schema`; nil when valid.
func validateJSONSchema(instance: String, schema: String) throws -> String? {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", "-c", """
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
inst = json.load(open(sys.argv[2]))
v = jsonschema.validators.validator_for(schema)(schema)
errs = sorted(v.iter_errors(inst), key=lambda e: list(e.path))
for e in errs[:5]:
    print("/".join(map(str, e.path)), e.message)
sys.exit(1 if errs else 0)
""", schema, instance]
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = pipe
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return p.terminationStatus == 0 ? nil : String(decoding: data, as: UTF8.self)
}
