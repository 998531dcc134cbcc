import CModel
import Foundation

/// Runs the built `oxidize` binary, as a user would.
struct Run {
    var status: Int32
    var stdout: Data
    var stderr: String
    var out: String { String(decoding: stdout, as: UTF8.self) }

    static func oxidize(_ args: [String], cwd: URL? = nil, timeout: TimeInterval = 120, env: [String: String] = [:]) throws -> Run {
        var environment = ProcessInfo.processInfo.environment
        for (k, v) in env { environment[k] = v }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("oxidize-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let o = dir.appendingPathComponent("out").path, e = dir.appendingPathComponent("err").path
        let status = try Spawn.run(Repo.binary.path, args, cwd: cwd?.path, environment: environment, stdin: nil,
                                   stdout: o, stderr: e, timeout: timeout)
        return Run(status: status, stdout: try Data(contentsOf: URL(fileURLWithPath: o)),
                   stderr: String(decoding: try Data(contentsOf: URL(fileURLWithPath: e)), as: UTF8.self))
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

/// Runs `body` for each index on as many threads as there are cores (plus one, as programs also
/// wait on files), taking the next index as each finishes. Programs start through `Spawn`, which
/// is safe from several threads (Foundation's `Process` was not).
func eachIndex(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let lanes = max(1, min(count, ProcessInfo.processInfo.activeProcessorCount + 1))
    let next = Locked(0), done = DispatchGroup()
    for _ in 0..<lanes {
        done.enter()
        Thread {
            while true {
                let k = next.withLock { taken in defer { taken += 1 }; return taken }
                guard k < count else { break }
                body(k)
            }
            done.leave()
        }.start()
    }
    done.wait()
}

/// A scratch folder removed at the end of a test.
final class Scratch: Sendable {
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
