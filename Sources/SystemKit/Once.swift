import Synchronization

/// Work done once, by whichever of several parallel jobs first needs it;
/// a job that needs it while it runs waits for it to end.
///
/// For an obligation shared by `Parallel` jobs (e.g. files made durable
/// before any job names a file that lists them) without ordering the jobs:
/// nobody waits on a job that has not started, so it holds on one core too.
/// A failure is kept and thrown to every caller.
public final class Once: Sendable {
    private let state: Mutex<State>

    private enum State {
        case pending(@Sendable () throws -> Void)
        case done
        case failed(any Error)
    }

    public init(_ work: @escaping @Sendable () throws -> Void) {
        state = Mutex(.pending(work))
    }

    /// Runs the work if nobody has; returns once it has been done.
    public func ensure() throws {
        try state.withLock { state in
            switch state {
            case .pending(let work):
                do {
                    try work()
                    state = .done
                } catch {
                    state = .failed(error)
                    throw error
                }
            case .done: return
            case .failed(let error): throw error
            }
        }
    }
}
