import CModel
import Foundation

/// What a run has half-written (a `-o` temporary, a crate being staged) is removed when the run
/// is interrupted (SIGINT, SIGTERM, SIGHUP), then the process ends by that signal.
///
/// The signals are blocked in every thread (the mask is set before the first thread starts and
/// threads inherit it) and taken by one thread with `sigwait`, so the cleanup runs as ordinary
/// code, not in a signal handler. Child processes (rustc, cargo, rustfmt) start through
/// `ChildProcess`, with no signal blocked (Foundation's `Process` would pass the blocked mask on,
/// and Ctrl-C would not reach them).
enum Interruption {
    private static let pending = Locked<[String]>([])
    private static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Call first, before any thread starts.
    static func install() {
        var set = sigset_t()
        sigemptyset(&set)
        for s in signals { sigaddset(&set, s) }
        pthread_sigmask(SIG_BLOCK, &set, nil)
        let blocked = set
        let waiter = Thread {
            var received: Int32 = 0
            var wanted = blocked
            while sigwait(&wanted, &received) != 0 {}
            let paths = pending.withLock { $0 }
            for p in paths { try? FileManager.default.removeItem(atPath: p) }
            // End by the signal itself, so that the shell sees how the run ended.
            signal(received, SIG_DFL)
            var one = sigset_t()
            sigemptyset(&one); sigaddset(&one, received)
            pthread_sigmask(SIG_UNBLOCK, &one, nil)
            raise(received)
            _exit(128 + received)
        }
        waiter.start()
    }

    /// `path` (a file or a folder) is removed if the run is interrupted before `done(path)`.
    static func removeIfInterrupted(_ path: String) { pending.withLock { $0.append(path) } }
    static func done(_ path: String) { pending.withLock { $0.removeAll { $0 == path } } }
}
