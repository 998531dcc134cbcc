import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to its end with `posix_spawn`, its standard streams on files. The child starts
/// with no signal blocked and every signal at its default: the CLI blocks SIGINT/SIGTERM/SIGHUP in
/// its own threads (one thread takes them, to clean up), and Foundation's `Process` would pass that
/// mask on, leaving rustc deaf to Ctrl-C. Safe to call from any number of threads (Foundation's
/// `Process` crashed when several launched at once on Linux): the test suite runs its programs
/// through `spawn` too.
public enum ChildProcess {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: Data
        public var stderr: Data
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The run went over its time: the program's process group was killed.
    public struct Timeout: Error {}

    /// glibc's `posix_spawn_file_actions_addchdir_np` (2.29+), which Swift's Glibc module does not
    /// declare (it needs _GNU_SOURCE).
    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    private static let addChdir: AddChdir? =
        dlsym(nil, "posix_spawn_file_actions_addchdir_np").map { unsafeBitCast($0, to: AddChdir.self) }

    /// A tool (rustc, cargo, rustfmt) to its end; nil when it cannot be started. `stdin`: bytes
    /// fed to it (none: /dev/null).
    public static func run(_ executable: String, _ arguments: [String], in directory: String? = nil,
                           environment: [String: String]? = nil, stdin: Data? = nil) -> Result? {
        let fm = FileManager.default
        let dir = NSTemporaryDirectory() + "oxidize-child-\(getpid())-\(UUID().uuidString)"
        guard (try? fm.createDirectory(atPath: dir, withIntermediateDirectories: true)) != nil else { return nil }
        defer { try? fm.removeItem(atPath: dir) }
        let input = dir + "/in", output = dir + "/out", errors = dir + "/err"
        if let stdin { guard fm.createFile(atPath: input, contents: stdin) else { return nil } }
        guard let status = try? spawn(executable, arguments, in: directory, environment: environment ?? ProcessInfo.processInfo.environment,
                                      stdin: stdin == nil ? nil : input, stdout: output, stderr: errors) else { return nil }
        return Result(status: status, stdout: fm.contents(atPath: output) ?? Data(), stderr: fm.contents(atPath: errors) ?? Data())
    }

    /// Runs `executable` with its streams on the given files (stdin nil: /dev/null) and waits.
    /// The exit code, or 128 + the signal for a program killed by one. With a `timeout` the
    /// program runs in a process group of its own, killed whole when the time is over
    /// (`Timeout` is thrown).
    public static func spawn(_ executable: String, _ arguments: [String], in directory: String? = nil,
                             environment: [String: String], stdin: String?, stdout: String, stderr: String,
                             timeout: TimeInterval? = nil) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if let directory {
            guard let addChdir else { throw Failure(description: "this libc has no posix_spawn_file_actions_addchdir_np") }
            _ = addChdir(&actions, directory)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
        if timeout != nil { flags |= POSIX_SPAWN_SETPGROUP }
        posix_spawnattr_setflags(&attributes, Int16(flags))
        posix_spawnattr_setpgroup(&attributes, 0)
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard rc == 0 else { throw Failure(description: "cannot run \(executable): \(String(cString: strerror(rc)))") }

        var status: Int32 = 0
        if let timeout {
            let deadline = Date().addingTimeInterval(timeout)
            var pause: useconds_t = 500
            while true {
                let r = waitpid(pid, &status, WNOHANG)
                if r == pid { break }
                if r < 0 && errno != EINTR { throw Failure(description: "waitpid: \(String(cString: strerror(errno)))") }
                if Date() > deadline {
                    kill(-pid, SIGKILL)
                    _ = waitpid(pid, &status, 0)
                    throw Timeout()
                }
                usleep(pause)
                pause = min(pause * 2, 10_000)
            }
        } else {
            while waitpid(pid, &status, 0) < 0 {
                if errno != EINTR { throw Failure(description: "waitpid: \(String(cString: strerror(errno)))") }
            }
        }
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }
}
