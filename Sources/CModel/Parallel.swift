import Foundation

/// `body(i)` for every i in 0..<count on up to `lanes` threads, results in index order (so the
/// output does not depend on the schedule). Each lane takes every `lanes`-th index and writes only
/// its own slots. Lanes are threads with deep stacks: the stages recurse over C nested thousands
/// of levels deep, which a default worker thread's stack would not hold.
public func parallelMap<T>(_ count: Int, lanes: Int, _ body: @escaping (Int) -> T) -> [T] {
    var results = [T?](repeating: nil, count: count)
    let n = max(1, min(lanes, ProcessInfo.processInfo.activeProcessorCount, count))
    results.withUnsafeMutableBufferPointer { slots in
        let out = slots
        let done = DispatchGroup()
        for lane in 0..<n {
            done.enter()
            let t = Thread {
                var i = lane
                while i < count {
                    out[i] = body(i)
                    i += n
                }
                done.leave()
            }
            t.stackSize = 1 << 28
            t.start()
        }
        done.wait()
    }
    return results.map { $0! }
}
