import Dispatch

/// Independent pieces of synchronous work on all the cores at once.
///
/// For code that is synchronous all the way up (consolidation runs inside
/// commands and the portal alike) and whose pieces share nothing but
/// read-only inputs: a task group would need every caller to become async.
public enum Parallel {
    /// `body(0)`, …, `body(count - 1)`, run concurrently (as many at once
    /// as there are cores); their outcomes in index order. `body` must be
    /// safe to call from several threads at once.
    public static func map<T>(_ count: Int, _ body: (Int) throws -> T) -> [Result<T, any Error>] {
        guard count > 1 else { return (0..<count).map { n in Result { try body(n) } } }
        return withoutActuallyEscaping(body) { body in
            let slots = UnsafeMutableBufferPointer<Result<T, any Error>?>.allocate(capacity: count)
            slots.initialize(repeating: nil)
            defer { slots.deinitialize().deallocate() }
            let shared = Shared(body: body, slots: slots)
            DispatchQueue.concurrentPerform(iterations: count) { n in
                shared.slots[n] = Result { try shared.body(n) }
            }
            return slots.map { $0! }
        }
    }

    /// Runs `jobs` at once, one per core, and returns when all are done;
    /// throws the first failure in the order given.
    public static func run(_ jobs: (() throws -> Void)...) throws {
        for outcome in map(jobs.count, { try jobs[$0]() }) { try outcome.get() }
    }

    /// Sendable because each iteration writes its own slot only, and the
    /// caller vouches for `body`.
    private struct Shared<T>: @unchecked Sendable {
        let body: (Int) throws -> T
        let slots: UnsafeMutableBufferPointer<Result<T, any Error>?>
    }
}
