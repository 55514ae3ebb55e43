import Dispatch

/// Work spread over the machine's cores, results kept in order.
public enum Parallel {
    /// `items.map(transform)`, computed on all cores; the result is in the order of `items`.
    /// `transform` must be safe to call from several threads at once.
    public static func map<T, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        return withoutActuallyEscaping(transform) { transform in
            let results = Slots<R>(count: items.count)
            items.withUnsafeBufferPointer { source in
                let box = UnsafeSendable(source)
                let work = UnsafeSendable(transform)
                DispatchQueue.concurrentPerform(iterations: items.count) { i in
                    results.set(i, work.value(box.value[i]))
                }
            }
            return results.values()
        }
    }

    /// Fixed slots, each written once, from any thread (through a pointer: no shared array to mutate).
    private final class Slots<R>: @unchecked Sendable {
        private let base: UnsafeMutablePointer<R?>
        private let count: Int
        init(count: Int) {
            self.count = count
            base = .allocate(capacity: count)
            base.initialize(repeating: nil, count: count)
        }
        deinit {
            base.deinitialize(count: count)
            base.deallocate()
        }
        func set(_ i: Int, _ value: R) { base[i] = value }
        func values() -> [R] { (0..<count).map { base[$0]! } }
    }

    private struct UnsafeSendable<V>: @unchecked Sendable {
        let value: V
        init(_ value: V) { self.value = value }
    }
}
