import Foundation
import Synchronization

/// One-shot runs (the CLI) hand their large results here instead of freeing them: the process
/// is about to exit and the system takes the memory back at once, while releasing hundreds of
/// thousands of strings and arrays one by one costs tens of milliseconds on a large unit
/// (clang does the same: its driver runs the compiler with `-disable-free`).
/// Library users and tests leave `Pipeline.Options.keepUntilExit` off and free as usual.
public enum KeepUntilExit {
    private static let kept = Mutex<[any Sendable]>([])

    public static func keep(_ value: any Sendable) {
        kept.withLock { $0.append(value) }
    }
}
