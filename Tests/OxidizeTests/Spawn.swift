import Foundation
import Pipeline

/// The tests' programs (cc, rustc, cargo, oxidize, the programs they build) run through
/// Pipeline's `ChildProcess.spawn` (`posix_spawn`, safe from many threads, a process group that
/// a timeout kills whole), so the suite can run them side by side.
enum Spawn {
    /// The exit code, or 128 + the signal; a run over `timeout` throws `Run.TimeoutError`.
    static func run(_ exe: String, _ args: [String], cwd: String? = nil, environment: [String: String],
                    stdin: String?, stdout: String, stderr: String, timeout: TimeInterval) throws -> Int32 {
        do {
            return try ChildProcess.spawn(exe, args, in: cwd, environment: environment, stdin: stdin,
                                          stdout: stdout, stderr: stderr, timeout: timeout)
        } catch is ChildProcess.Timeout {
            throw Run.TimeoutError(args: [exe] + args)
        }
    }
}
