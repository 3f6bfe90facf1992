import Dispatch
import Foundation
import Synchronization
import Intake
import ReportModel
import Store
import SystemKit

/// The one place a file becomes an outcome, whichever way it came: "this
/// file arrived, received at T, through this channel". It owns the checker,
/// the store and the receipts; `baocao ingest` hands it the inbox's files a
/// batch at a time, the portal each upload.
///
/// Checking needs no store and runs wherever the caller is (in parallel).
/// Then two stages, each on a queue of its own so that the blocking disk
/// work never sits on the cooperative thread pool: the writer decides and
/// keeps one batch at a time, holding the store's lock, after catching up
/// with what any other writer committed; the committer makes the decided
/// batches durable in the same order (one sync, one ledger append for all
/// those waiting when it begins), while the writer already decides the
/// next one under the same lock. A ledger
/// line is appended only once the files it names are synced, so a run
/// killed anywhere leaves nothing recorded that is not on disk.
public final class IngestSession: @unchecked Sendable {
    // Sendable: the store's index, the keeping and `receipts` are touched only on `writer`; the
    // ledger's appends only on `committer`, and only while `holding` keeps the lock taken for them.
    public let checker: SubmissionChecker
    private let store: SubmissionStore
    private let receipts: ReceiptWriter
    private let writer = DispatchQueue(label: "baocao.ingest.writer")
    private let committer = DispatchQueue(label: "baocao.ingest.committer")
    /// The lock held for the batches decided and not yet committed.
    private let holding = Mutex(Holding())
    /// Arrivals decided in a row under one taking of the lock, at most
    /// (eight of the inbox's batches): then the writer lets the committer
    /// finish and takes it anew, so that another process's writer (the
    /// portal's, during an inbox run) waits a few batches, not a whole run.
    /// Counted in arrivals, not batches: the portal's batches are small.
    private let holdLimit = 256
    /// Called when another process holds the store.
    private let onWait: @Sendable () -> Void
    /// For tests: called on the committer before each commit (a sync and
    /// an append, for one batch or several), with its number (from 0); what
    /// it throws fails that commit as a failed sync would. Set before the
    /// first batch.
    var commitFault: (@Sendable (Int) throws -> Void)?
    /// Commits the committer has begun (touched only there).
    private var commitsBegun = 0
    /// Batches decided whose lines are not yet in the ledger, by number, in
    /// order: the first commit to run takes them all, so batches decided
    /// while a commit runs share the next one (one sync, one append). The
    /// portal's uploads come as batches of one or two; each used to pay its
    /// own ledger `fsync` (2–7 ms here), one after another.
    private let unappended = Mutex<[(number: Int, decided: [Decided])]>([])
    /// The last batch whose lines are in the ledger (touched only on the committer).
    private var appendedThrough = 0
    /// Batches decided and kept, counted by the writer once their files are written.
    private let decidedCount = Atomic<Int>(0)
    /// The count of decided batches whose files the committer's last sync
    /// covered (touched only on the committer).
    private var syncedThrough = 0
    /// Single arrivals (uploads) waiting for the writer: each drain takes all
    /// of them in one commit, so concurrent uploads share their syncs.
    private let waiting = Mutex<[(Arrival, CheckedContinuation<Taken, any Error>)]>([])

    public init(checker: SubmissionChecker, store: SubmissionStore, receipts: ReceiptWriter, onWait: @escaping @Sendable () -> Void = {}) {
        self.checker = checker
        self.store = store
        self.receipts = receipts
        self.onWait = onWait
        // What a killed run left half-written; another live writer's temporary files are kept.
        receipts.sweepLeftovers()
        DurableFile.sweepLeftovers(in: store.layout.staging)
        // Made once here, not per file; if it cannot be, inputs are copied when kept.
        try? FileSystemPaths.makeFolder(store.layout.staging.path)
    }

    /// The store's layout (where uploads wait to be taken).
    public var layout: StoreLayout { store.layout }

    /// Everything that needs no store, for one arrival. Thread-safe.
    public func inspect(_ file: IncomingFile) -> Inspection {
        checker.inspect(file)
    }

    /// Decides and keeps a batch in order, then makes it durable (one sync
    /// per file system written, one ledger append); `afterCommit` runs on
    /// the committer, after the commit, with each arrival's outcome (the
    /// inbox removes the files it took there). A caller may hand in the
    /// next batch before this one returns: it is decided while this one
    /// commits, and commits after it.
    public func take(_ arrivals: [Arrival], afterCommit: @escaping @Sendable ([Taken]) throws -> Void = { _ in })
        async throws -> [Taken] {
        try await withCheckedThrowingContinuation { continuation in
            writer.async { [self] in
                pass(arrivals) { [self] decided in
                    // The leases end with the batch, however it ends.
                    defer { for arrival in arrivals { try? arrival.staged?.lease?.close() } }
                    let decided = try decided.get()
                    let taken = decided.map(\.taken)
                    let removed = Result { try afterCommit(taken) }
                    // Also when the inbox could not remove a name: that file then has two, and is copied.
                    try secureLinked(arrivals, kept: decided.map(\.kept))
                    try removed.get()
                    return taken
                } done: { continuation.resume(with: $0) }
            }
        }
    }

    /// One arrival, committed together with whatever else arrives while the
    /// writer is busy (group commit): the portal's concurrent uploads then
    /// cost one sync per batch, as the inbox's files do.
    public func takeOne(_ arrival: Arrival) async throws -> Taken {
        try await withCheckedThrowingContinuation { continuation in
            let first = waiting.withLock { queue in
                queue.append((arrival, continuation))
                return queue.count == 1
            }
            if first { writer.async { [self] in drainWaiting() } }
        }
    }

    /// Takes every waiting arrival as one batch, on the writer.
    private func drainWaiting() {
        let batch = waiting.withLock { queue in
            defer { queue.removeAll() }
            return queue
        }
        guard !batch.isEmpty else { return }
        pass(batch.map(\.0)) { decided in try decided.get() } done: { result in
            switch result {
            case .success(let decided):
                for (outcome, (_, continuation)) in zip(decided, batch) { continuation.resume(returning: outcome.taken) }
            case .failure(let error):
                for (_, continuation) in batch { continuation.resume(throwing: error) }
            }
        }
    }

    /// Runs on the writer: decides and keeps `arrivals` in order holding the
    /// store's lock, then hands them to the committer, which makes them
    /// durable (one sync per file system, one ledger append), lets the lock
    /// go unless the writer holds it for a later batch, and calls `then`
    /// with what became of them, then `done` with what `then` returned.
    private func pass<T>(_ arrivals: [Arrival], then: @escaping @Sendable (Result<[Decided], any Error>) throws -> T,
                         done: @escaping @Sendable (Result<T, any Error>) -> Void) {
        let decided: [Decided]
        do {
            try hold(arrivals.count)
            decided = arrivals.map(decideAndKeep)
        } catch {
            committer.async { done(Result { try then(.failure(error)) }) }
            return
        }
        let number = decidedCount.add(1, ordering: .releasing).newValue
        unappended.withLock { $0.append((number, decided)) }
        committer.async { [self] in
            let committed = Result { try commit(decided, number: number) }
            done(Result { try then(committed) })
        }
    }

    /// Runs on the writer: holds the store's lock for one more batch. It is
    /// the lock already held for the batches still committing (at most
    /// `holdLimit` in a row), or else taken anew once they are committed,
    /// after reading again a ledger whose commit failed.
    private func hold(_ arrivals: Int) throws {
        enum Way { case held, afterCommits, anew }
        let way = holding.withLock { holding -> Way in
            guard holding.failure == nil else { return .afterCommits }
            guard holding.lock != nil else { return .anew }
            guard holding.arrivals + arrivals <= holdLimit else { return .afterCommits }
            holding.arrivals += arrivals
            holding.committing += 1
            return .held
        }
        if way == .held { return }
        // Every batch decided is queued on the committer before this: once it drains, nothing is in flight.
        if way == .afterCommits { committer.sync {} }
        let failed = holding.withLock { holding in
            defer { holding.failure = nil }
            return holding.failure != nil
        }
        // What the failed commit and the batches decided after it staged was never appended.
        if failed { store.forgetStaged() }
        let lock = try store.lockExclusively(onWait: onWait)
        holding.withLock { holding in
            holding.lock = lock
            holding.arrivals = arrivals
            holding.committing = 1
        }
    }

    /// Runs on the committer, in the order the batches were decided: makes
    /// a batch durable, with every batch decided after it so far (one sync,
    /// one append), unless an earlier commit took it along; lets the lock
    /// go when no later batch needs it. Once a commit fails, the batches
    /// decided after it (on outcomes that never reached the ledger) fail
    /// too, until the writer reads the ledger again.
    private func commit(_ decided: [Decided], number: Int) throws -> [Decided] {
        defer {
            holding.withLock { holding in
                holding.committing -= 1
                if holding.committing == 0 { holding.lock = nil }
            }
        }
        if number <= appendedThrough { return decided }
        // This batch and those decided after it; earlier ones were committed or failed.
        let batches = unappended.withLock { list in
            defer { list.removeAll() }
            return list
        }
        if let failure = holding.withLock({ $0.failure }) { throw failure }
        do {
            commitsBegun += 1
            try commitFault?(commitsBegun - 1)
            let last = batches.last?.number ?? number
            let all = batches.flatMap(\.decided)
            if all.contains(where: \.taken.isTaken) {
                let layout = store.layout
                // One sync covers every batch decided before it began: the files of every batch taken
                // here, and of any decided since (their commits append without a sync of their own).
                if last > syncedThrough {
                    let covered = decidedCount.load(ordering: .acquiring)
                    try DurableFile.syncFileSystems(containing: [layout.root, layout.originals, layout.quarantine, receipts.folder])
                    syncedThrough = covered
                }
                try store.append(all.compactMap(\.record))
            }
            appendedThrough = last
        } catch {
            holding.withLock { $0.failure = error }
            throw error
        }
        return decided
    }

    /// The store's lock while batches decided under it are committing.
    private struct Holding: ~Copyable {
        var lock: StoreLock?
        /// Batches decided under `lock` and not yet committed.
        var committing = 0
        /// Arrivals decided under `lock` since it was taken.
        var arrivals = 0
        /// Why a commit failed, until the writer reads the ledger again.
        var failure: (any Error)?
    }

    /// Makes the originals kept from linked inbox files (`Arrival.Staged`)
    /// the store's alone, after their inbox names are gone: one still
    /// reachable by another name, or which someone began to open for
    /// writing while it was leased, is replaced by a copy of it, made while
    /// the lease still holds writers off and checked against its SHA-256.
    /// The caller lets the leases go after.
    private func secureLinked(_ arrivals: [Arrival], kept: [String?]) throws(StoreError) {
        // Every file is seen to, even after one fails; the first failure is reported.
        var failure: StoreError?
        for (arrival, kept) in zip(arrivals, kept) {
            guard let lease = arrival.staged?.lease, let kept, case .inspected(let inspection, _) = arrival.state else { continue }
            do throws(StoreError) {
                try secure(layout.absolutePath(kept), leased: lease, sha256: inspection.file.sha256)
            } catch {
                failure = failure ?? error
            }
        }
        if let failure { throw failure }
    }

    /// Replaces the original kept at `path` from the leased inbox file with
    /// a checked copy, if it is still that file and it has another name or
    /// someone began to open it for writing.
    private func secure(_ path: String, leased lease: OpenFile, sha256: String) throws(StoreError) {
        let status: FileStatus
        do { status = try lease.status() } catch { throw .system(error) }
        guard (try? FileSystemPaths.status(path))?.inode == status.inode, status.links > 1 || !lease.readLeaseIsIntact
        else { return }
        do throws(KeepFailure) {
            try DurableFile.keepCopy(of: lease, sha256: sha256, size: status.size, modified: status.modified, atPath: path, replacing: true)
        } catch {
            switch error {
            case .changed:
                // Written to after all (the lease-break time passed): the kept file is not what was checked.
                let found = (try? lease.rewind()).flatMap { try? SHA256Hex.of(lease) } ?? ""
                throw StoreError(.altered(path: path, expected: sha256, found: found), file: path)
            case .store(let failure):
                throw failure
            }
        }
    }

    /// Decides one arrival and keeps its bytes and receipts (synced later
    /// with the batch). Runs on the writer, holding the store's lock.
    private func decideAndKeep(_ arrival: Arrival) -> Decided {
        var decided = Decided(taken: .left(.changing))
        decided.taken = decide(arrival, into: &decided)
        return decided
    }

    /// What became of an arrival, where it was kept (store-relative), and
    /// the ledger line to append for it once the batch is durable.
    private struct Decided: Sendable {
        var taken: Taken
        var kept: String?
        var record: LedgerRecord?
    }

    private func decide(_ arrival: Arrival, into decided: inout Decided) -> Taken {
        // A staged copy not renamed into place (a duplicate, an input left) goes.
        var stagedKept = false
        defer { if let staged = arrival.staged, !stagedKept { FileSystemPaths.removeQuietly(staged.path) } }
        guard case .inspected(var inspection, let holdsBytes) = arrival.state else {
            if case .left(let reason) = arrival.state { return .left(reason) }
            return .left(.changing)
        }
        let file = inspection.file
        let key = IntakeKey(file: file.name, sha256: file.sha256, receivedEpoch: Int(file.received.timeIntervalSince1970))
        // Only an inbox file can be one a killed run already took (same name,
        // bytes and mtime); an upload is always a new arrival, a retry a duplicate.
        if case .inbox = arrival.source, store.index.isProcessed(key) {
            // The outcome was durable before a crash: finish, don't redo. Its
            // receipts were synced before its ledger line; if they are gone,
            // the ledger still holds the receipt.
            if let written = receipts.read(file: file.name, sha256: file.sha256) { return .taken(written) }
            do {
                guard let done = try store.ledgerRecord(for: key) else { return .left(.changing) }
                try receipts.write(done.receipt, sync: .deferred)
                return .taken(done.receipt)
            } catch {
                return .left(.notKept(error))
            }
        }
        if arrival.builtByPortal {
            // Built by the portal's form for a signed-in unit account: the
            // account stands for the unit's key (the server holds no unit's key).
            inspection.diagnostics.removeAll { $0.code == .signatureMissing }
        }
        var verdict = checker.decide(inspection, history: store.index, sender: arrival.sender)
        verdict.receipt.channel = arrival.channel
        verdict.receipt.account = arrival.account
        var kept: String?
        var completed: [String] = []
        let encoded = EncodedReceipt(verdict.receipt)
        if verdict.outcome != .duplicate {
            let input: KeptInput
            do throws(InputSource.Problem) {
                if case .upload(let path, _) = arrival.source {
                    // The server's own file: renamed into the store, not copied.
                    try arrival.source.checkUnchanged()
                    input = .owned(path: path, modified: key.receivedEpoch)
                } else if holdsBytes {
                    try arrival.source.checkUnchanged()
                    input = .bytes(file.bytes, modified: key.receivedEpoch)
                } else if let staged = arrival.staged {
                    // The checked file under a second name, or written from the bytes that were checked: renamed into place.
                    try arrival.source.checkUnchanged()
                    input = .owned(path: staged.path, modified: key.receivedEpoch)
                } else {
                    input = try arrival.source.reopen()
                }
            } catch {
                return .left(error.reason)
            }
            do throws(KeepFailure) {
                if verdict.outcome == .accepted {
                    kept = try store.keepAccepted(input, receipt: encoded, sync: .deferred)
                    // Only the lead's word completes a task; a coordinating unit's share does not.
                    completed = verdict.report?.tasks.filter { $0.status == .completed && $0.role == .lead }.map(\.code) ?? []
                } else {
                    kept = try store.keepRejected(input, receipt: encoded, sync: .deferred)
                }
                // Renamed into place (or, its bytes kept already, removed by the keeping).
                if case .owned(let path, _) = input, path == arrival.staged?.path { stagedKept = true }
            } catch {
                switch error {
                case .changed: return .left(.changing)
                case .store(let failure): return .left(.notKept(failure))
                }
            }
        }
        do {
            try receipts.write(encoded, sync: .deferred)
        } catch {
            return .left(.notKept(error))
        }
        let record = LedgerRecord(sequence: store.index.nextSequence, receipt: verdict.receipt,
                                  receivedEpoch: key.receivedEpoch, completedTasks: completed, kept: kept)
        store.stage(record)
        decided.record = record
        decided.kept = kept
        return .taken(verdict.receipt)
    }
}

/// One file on its way in: what the checks found, where its bytes are, and
/// how it came.
public struct Arrival: Sendable {
    public var state: State
    public var source: InputSource
    public var channel: Channel
    public var account: String?
    /// Whom the sender may send for (a unit's portal account: its unit alone).
    public var sender: Sender
    /// Built by the portal's report form for a signed-in account, not uploaded as a file.
    public var builtByPortal = false
    /// The checked bytes in the store's `staging/`: the inbox file itself,
    /// linked, or (one too large to hold until its batch commits) a copy.
    public var staged: Staged?

    /// An input's bytes under a name in `staging/`, renamed into place when kept.
    public struct Staged: @unchecked Sendable {
        // Sendable: `lease` is used by one task at a time, the inspecting one, then the writer.
        public var path: String
        /// The inbox file itself, linked, while this read lease holds writers
        /// off; nil for a copy written from the checked bytes.
        public var lease: OpenFile?
    }

    public enum State: Sendable {
        /// Checked; `holdsBytes` when the inspection kept the bytes it checked.
        case inspected(Inspection, holdsBytes: Bool)
        /// Could not be checked; stays where it is.
        case left(LeftReason)
    }

    public init(state: State, source: InputSource, channel: Channel, account: String? = nil, sender: Sender = .anyone) {
        self.state = state
        self.source = source
        self.channel = channel
        self.account = account
        self.sender = sender
    }
}

/// What became of one arrival.
public enum Taken: Sendable {
    case taken(Receipt)
    case left(LeftReason)

    var isTaken: Bool { if case .taken = self { true } else { false } }
}

/// Why an input stayed where it was, for a later run. Never silent: each
/// is reported by name.
public enum LeftReason: Sendable, Equatable {
    /// Changed in the last few seconds: perhaps still being written.
    case settling
    /// Changed while this run read or kept it.
    case changing
    /// Removed by someone else before this run could take it.
    case vanished
    /// The system would not let it be read.
    case unreadable(SystemError)
    /// The store could not keep it (a full disk, permissions): the run goes
    /// on with the others and ends with exit status 3.
    case notKept(StoreError)
}

/// An input that stayed in the inbox, and why.
public struct LeftInput: Sendable, Equatable {
    public var name: String
    public var reason: LeftReason
}

/// Where an arrival's bytes are, to read them again when they are kept and
/// to tell whether they are still the ones that were checked.
public enum InputSource: Sendable {
    /// A file in the inbox, as the scan saw it.
    case inbox(Folder, InboxEntry)
    /// An upload the portal wrote to a file of the store's own.
    case upload(path: String, status: FileStatus)

    struct Problem: Error {
        var reason: LeftReason
    }

    /// The input opened again, checked to be the file that was inspected.
    func reopen() throws(Problem) -> KeptInput {
        let file: OpenFile
        let status: FileStatus
        do throws(SystemError) {
            switch self {
            case .inbox(let folder, let entry): file = try folder.openForReading(entry.rawName)
            case .upload(let path, _): file = try OpenFile.reading(path)
            }
            status = try file.status()
        } catch {
            throw Problem(reason: error.isMissing ? .vanished : .unreadable(error))
        }
        guard status.isUnchanged(comparedWith: expected) else { throw Problem(reason: .changing) }
        return .file(file, size: status.size, modified: expected.modified)
    }

    /// Throws unless the file is still the one that was inspected.
    func checkUnchanged() throws(Problem) {
        let now: FileStatus?
        do throws(SystemError) {
            switch self {
            case .inbox(let folder, let entry): now = try folder.status(of: entry.rawName)
            case .upload(let path, _): now = try FileSystemPaths.status(path)
            }
        } catch {
            throw Problem(reason: .unreadable(error))
        }
        guard let now else { throw Problem(reason: .vanished) }
        guard now.isUnchanged(comparedWith: expected) else { throw Problem(reason: .changing) }
    }

    private var expected: FileStatus {
        switch self {
        case .inbox(_, let entry): return entry.status
        case .upload(_, let status): return status
        }
    }
}
