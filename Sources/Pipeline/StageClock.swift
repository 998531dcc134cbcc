import Foundation

/// Per-stage wall times on stderr when OXIDIZE_TIMINGS is set (for bench/ and profiling).
public struct StageClock {
    static let enabled = ProcessInfo.processInfo.environment["OXIDIZE_TIMINGS"] != nil
    var last = DispatchTime.now().uptimeNanoseconds
    public init() {}
    public static func note(_ text: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("oxidize: \(text)\n".utf8))
    }

    public mutating func lap(_ stage: String) {
        guard Self.enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        FileHandle.standardError.write(Data(String(format: "oxidize: %@ %.3f s\n", stage, Double(now - last) / 1e9).utf8))
        last = now
    }
}
