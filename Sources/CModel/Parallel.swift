import Foundation
import Synchronization

/// `body(i)` for every i in 0..<count on up to `lanes` threads, results in index order (so the
/// output does not depend on the schedule). Each lane takes the next index not yet taken (so a
/// long item does not hold up the others: callers put their largest items first) and writes only
/// its own slots. Lanes are threads with deep stacks: the stages recurse over C nested thousands
/// of levels deep, which a default worker thread's stack would not hold.
public func parallelMap<T: Sendable>(_ count: Int, lanes: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
    parallelMap(count, lanes: min(lanes, ProcessInfo.processInfo.activeProcessorCount), stackSize: 1 << 28,
                lane: {}, { _, i in body(i) })
}

/// Like `parallelMap`, with exactly `lanes` lanes (at most `count`) of the given stack size, each
/// with state of its own made by `lane()` on its thread (a libclang index, which is not to be
/// shared between threads) and handed to every `body` call of that lane.
public func parallelMap<State, T: Sendable>(_ count: Int, lanes: Int, stackSize: Int,
                                            lane: @escaping @Sendable () -> State,
                                            _ body: @escaping @Sendable (inout State, Int) -> T) -> [T] {
    var results = [T?](repeating: nil, count: count)
    let n = max(1, min(lanes, count))
    let next = Counter()
    results.withUnsafeMutableBufferPointer { slots in
        let out = DisjointSlots(slots: slots)
        let done = DispatchGroup()
        for _ in 0..<n {
            done.enter()
            let t = Thread {
                var state = lane()
                while true {
                    let i = next.take()
                    guard i < count else { break }
                    out.slots[i] = body(&state, i)
                }
                done.leave()
            }
            t.stackSize = stackSize
            t.start()
        }
        done.wait()
    }
    return results.map { $0! }
}

/// Hands out 0, 1, 2, ... once each, to any number of threads.
private final class Counter: Sendable {
    private let value = Atomic<Int>(0)
    func take() -> Int { value.add(1, ordering: .relaxed).oldValue }
}

/// Result slots shared by worker threads. Sound to send only under the discipline every user
/// keeps: each index is written by exactly one worker (handed out once, by an atomic counter or
/// a fixed stride), and the owner reads a slot only after that worker signalled it done
/// (`DispatchGroup.wait`, a per-slot semaphore).
public struct DisjointSlots<T>: @unchecked Sendable {
    public let slots: UnsafeMutableBufferPointer<T?>
    public init(slots: UnsafeMutableBufferPointer<T?>) { self.slots = slots }
}

/// Runs many short batches of independent work on this thread and helper threads that stay
/// awake between batches (spinning, then yielding), so handing out a batch costs nothing next
/// to the work: for a series of batches of microseconds each, where waking pool threads for
/// each batch would cost more than the batch. The helpers run until `close()`, which must be
/// called (they hold the pool).
public final class SpinPool: @unchecked Sendable {
    private let generation = Atomic<Int>(0)    // a new batch; -1: stop
    private let nextIndex = Atomic<Int>(0)
    private let finished = Atomic<Int>(0)      // items done in this batch
    private let idle = Atomic<Int>(0)          // helpers back to waiting after this batch
    private var count = 0
    private var body: ((Int) -> Void)?
    private let helpers: Int

    public init(helpers: Int = ProcessInfo.processInfo.activeProcessorCount - 1) {
        self.helpers = max(0, helpers)
        for _ in 0..<self.helpers {
            let t = Thread { self.helperLoop() }
            t.stackSize = 1 << 24
            t.start()
        }
    }

    public func close() {
        generation.store(-1, ordering: .releasing)
    }

    /// `body(i)` for every i in 0..<count, on this thread and the helpers; returns when all are done.
    public func run(_ count: Int, _ body: @escaping (Int) -> Void) {
        if helpers == 0 || count < 2 {
            for i in 0..<count { body(i) }
            return
        }
        self.count = count
        self.body = body
        nextIndex.store(0, ordering: .relaxed)
        finished.store(0, ordering: .relaxed)
        idle.store(0, ordering: .relaxed)
        generation.add(1, ordering: .releasing)
        work()
        while finished.load(ordering: .acquiring) < count {}
        // The helpers must be out of this batch before the next one reuses the counters.
        while idle.load(ordering: .acquiring) < helpers {}
        self.body = nil
    }

    private func work() {
        while true {
            let i = nextIndex.add(1, ordering: .relaxed).oldValue
            guard i < count else { return }
            body!(i)
            finished.add(1, ordering: .releasing)
        }
    }

    private func helperLoop() {
        var seen = 0
        while true {
            var g = generation.load(ordering: .acquiring)
            var spins = 0
            while g == seen {
                spins += 1
                if spins > 2000 { sched_yield() }
                g = generation.load(ordering: .acquiring)
            }
            if g < 0 { return }
            seen = g
            work()
            idle.add(1, ordering: .releasing)
        }
    }
}

/// A value shared by threads, reached only under its lock: a `Mutex` that closures can capture
/// (a `Mutex` itself cannot be copied into an escaping closure).
public final class Locked<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>
    public init(_ value: Value) { mutex = Mutex(value) }
    public func withLock<R: Sendable>(_ body: (inout sending Value) throws -> sending R) rethrows -> R {
        try mutex.withLock(body)
    }
}
