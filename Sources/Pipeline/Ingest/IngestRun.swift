import Foundation
import Intake
import ReportModel
import Store
import SystemKit

/// `baocao ingest`: every inbox file through the checks into the store, one
/// receipt each, exactly once.
///
/// The inbox is locked (so two runs, even with two stores, never take the
/// same file). Files go in batches: the checks that need no store run for
/// every file of a batch at once (a task group), while the `IngestSession`
/// decides and keeps the batch before, and commits the one before that;
/// only after its commit do a batch's files leave the inbox. Killed anywhere, a rerun redoes a file
/// whose ledger line is missing (every write is idempotent) or finishes one
/// whose line exists.
public struct IngestRun: Sendable {
    public let checker: SubmissionChecker
    public let storeRoot: URL
    public let receipts: ReceiptWriter
    /// Files per batch: bounds the syncs per file. 32 since the reports are
    /// read in place: the checks got cheaper, and the writer's wait for each
    /// batch's sync (4 ms a `syncfs`, 1.9 s of bare ingest at N = 10,000)
    /// left both cores idle a third of the time. Peak memory at N = 10,000
    /// (bundles) 55 → 60 MiB; 64 with four batches ahead was 74 MiB.
    public var batchSize = 32
    /// Batches checked ahead of the one being committed: bounds memory
    /// (inspections held) while keeping both cores busy. 4 (was 2) since
    /// the checks got cheaper: while a `syncfs` writes the store's inode
    /// tables back, the writer's next new file waits for it (up to 0.5 s
    /// seen), and two batches ahead were checked long before. Peak memory
    /// at N = 10,000: bare 48 → 50 MiB, bundles 56 → 56.
    public var lookahead = 4
    /// Batches committed together at most, when they are all checked: when
    /// the disk is slower than the checks, its syncs serve more files.
    public var groupLimit = 2
    /// Groups handed to the session at once: one decided and kept while
    /// the one before it is synced and appended to the ledger.
    public var commitsInFlight = 2
    /// Files checked at once: one more than the cores, no more. Each check
    /// is a job on the shared thread pool, queued in order; with a whole
    /// window of them queued, this run's own loop (which starts commits and
    /// further checks) waited behind all of them, and the cores then idled
    /// while a batch committed: bare reports 2.2 → 1.8 s at N = 1,000.
    public var checkingLimit = ProcessInfo.processInfo.activeProcessorCount + 1
    /// A file changed less than this many seconds ago waits for the next run.
    public var settleSeconds = 2
    /// An input that cannot be kept as itself (see `link`) is held until
    /// kept up to this size (a bare report); a larger one is written to the
    /// store's `staging/` from the same bytes while it is checked, then
    /// renamed into place.
    public var bytesHeldLimit: Int64 = 256 << 10

    public init(checker: SubmissionChecker, storeRoot: URL, receipts: ReceiptWriter) {
        self.checker = checker
        self.storeRoot = storeRoot
        self.receipts = receipts
    }

    /// Ingests everything in `inbox`; `onWait` when another run holds the
    /// inbox or the store; `progress(done, total)` after each batch; `each`
    /// with every receipt as it becomes durable.
    ///
    /// Two stages overlap: files are checked continuously, up to
    /// `lookahead` batches past the one being committed, and each batch is
    /// committed as soon as all of it is checked; a slow file holds up its
    /// batch's commit, never the cores.
    public func run(inbox inboxURL: URL, onWait: @escaping @Sendable () -> Void = {}, progress: (Int, Int) -> Void = { _, _ in },
                    each: (Receipt) throws -> Void = { _ in }) async throws -> IngestSummary {
        let inbox = try Folder(inboxURL.path)
        if try !inbox.lock(wait: false) {
            onWait()
            _ = try inbox.lock(wait: true)
        }
        let listing = try InboxScanner.scan(inbox, settle: settleSeconds)
        let store = try SubmissionStore.openForWriting(at: storeRoot, inInbox: { listing.holds($0, in: inbox) }, onWait: onWait)
        let session = IngestSession(checker: checker, store: store, receipts: receipts, onWait: onWait)
        var summary = IngestSummary(skipped: listing.skipped)
        summary.left = listing.settling.map { LeftInput(name: $0, reason: .settling) }

        let entries = listing.entries
        let held = bytesHeldLimit
        let size = batchSize
        let (lookahead, groupLimit, checkingLimit, commitsInFlight) = (self.lookahead, self.groupLimit, self.checkingLimit, self.commitsInFlight)
        let batchCount = (entries.count + size - 1) / size
        /// What the pipeline's child tasks report: one file checked, or a group of batches committed.
        enum Step: Sendable {
            case inspected(Int, Arrival)
            case committed(Range<Int>, [Taken])
        }
        try await withThrowingTaskGroup(of: Step.self) { group in
            var started = 0
            var checking = 0
            var ready: [Int: Arrival] = [:]
            /// Batches handed to the session, and those of them still committing.
            var handed = 0
            var committing = 0
            /// Committed groups that came back before an earlier one, by their first file.
            var returned: [Int: (Range<Int>, [Taken])] = [:]
            var committed = 0
            var done = 0
            /// Starts checks until the files of `lookahead` batches past the one being committed are in hand or under way.
            func startInspections() {
                while started < entries.count && started - committed * size < (lookahead + 1) * size && checking < checkingLimit {
                    let n = started
                    checking += 1
                    group.addTask { .inspected(n, Self.inspect(entries[n], in: inbox, session: session, held: held)) }
                    started += 1
                }
            }
            /// Hands the session the next batch once all of it is checked, in order, with the batches
            /// after it that are checked too, up to `groupLimit` (group commit: when the disk is the
            /// bound, its syncs are shared by more files); two groups at a time, so that one is
            /// decided while the one before it commits.
            func startCommits() {
                while committing < commitsInFlight, handed < batchCount {
                    var end = handed * size
                    while end < entries.count && end < (handed + groupLimit) * size {
                        let next = min(end + size, entries.count)
                        guard (end..<next).allSatisfy({ ready[$0] != nil }) else { break }
                        end = next
                    }
                    guard end > handed * size else { return }
                    let range = handed * size..<end
                    let arrivals = range.map { ready.removeValue(forKey: $0)! }
                    let batch = Array(entries[range])
                    handed = (end + size - 1) / size
                    committing += 1
                    group.addTask {
                        .committed(range, try await session.take(arrivals) { taken in
                            // Only the file that was taken leaves: one put in its place since stays for the next run.
                            for (entry, outcome) in zip(batch, taken) where outcome.isTaken {
                                if let now = try inbox.status(of: entry.rawName), now.isUnchanged(comparedWith: entry.status) {
                                    try inbox.remove(entry.rawName)
                                }
                            }
                            try inbox.sync()
                        })
                    }
                }
            }
            startInspections()
            while let step = try await group.next() {
                switch step {
                case .inspected(let n, let arrival):
                    ready[n] = arrival
                    checking -= 1
                    startInspections()
                case .committed(let range, let taken):
                    committing -= 1
                    returned[range.lowerBound] = (range, taken)
                    // Receipts in the inbox's order, whichever group's task ends first.
                    while let (range, taken) = returned.removeValue(forKey: committed * size) {
                        for (entry, outcome) in zip(entries[range], taken) {
                            switch outcome {
                            case .taken(let receipt):
                                summary.count(receipt.outcome)
                                try each(receipt)
                            case .left(let reason):
                                summary.left.append(LeftInput(name: entry.name, reason: reason))
                            }
                        }
                        committed = (range.upperBound + size - 1) / size
                        done += range.count
                        progress(done, entries.count)
                    }
                    startInspections()
                }
                startCommits()
            }
        }
        return summary
    }

    /// Reads and checks one file, and readies its keeping: linked into
    /// `staging/` where it can be kept as itself, else its bytes held (up
    /// to `held`) or staged.
    private static func inspect(_ entry: InboxEntry, in inbox: Folder, session: IngestSession, held: Int64) -> Arrival {
        func left(_ reason: LeftReason) -> Arrival { Arrival(state: .left(reason), source: .inbox(inbox, entry), channel: .inbox) }
        let incoming: IncomingFile
        let file: OpenFile
        let leased: Bool
        do throws(SystemError) {
            file = try inbox.openForReading(entry.rawName)
            let status = try file.status()
            guard status.isUnchanged(comparedWith: entry.status) else { return left(.changing) }
            // Leased before it is read: no one can write it between the check and the keep. Only a file
            // of our own: its owner could write it in the store whatever its mode (root can lease any).
            leased = status.links == 1 && status.isOwnedByThisUser && file.takeReadLease()
            incoming = try IncomingFile.read(file, name: entry.name, size: entry.size, received: entry.received, checker: session.checker)
            guard try file.status().isUnchanged(comparedWith: entry.status) else { return left(.changing) }
        } catch {
            return left(error.isMissing ? .vanished : error.code == EFBIG ? .changing : .unreadable(error))
        }
        var inspection = session.inspect(incoming)
        // Kept as itself when it can be (no copy, no new file); else the checked bytes are held (a bare report) or staged.
        var staged = incoming.oversize == nil && leased
            ? link(file, entry: entry, sha256: incoming.sha256, in: inbox, layout: session.layout) : nil
        let holdsBytes = staged == nil && incoming.oversize == nil && entry.size <= held
        if !holdsBytes {
            if staged == nil && incoming.oversize == nil {
                staged = stage(incoming, entry: entry, in: session.layout).map { Arrival.Staged(path: $0, lease: nil) }
            }
            inspection.file.bytes = Data()
        }
        var arrival = Arrival(state: .inspected(inspection, holdsBytes: holdsBytes), source: .inbox(inbox, entry), channel: .inbox)
        arrival.staged = staged
        return arrival
    }

    /// Gives the inbox file a second name in `staging/` instead of copying
    /// it, when nothing else can change it: it had no other name, and
    /// `file` holds a read lease since before it was read (the kernel
    /// grants one only while no one has the file open for writing; whoever
    /// opens it for writing since waits until the lease is let go, after
    /// the inbox name is gone). Nil otherwise (a writer came, another file
    /// system): then the checked bytes are copied. See
    /// `IngestSession.secureLinked`.
    private static func link(_ file: OpenFile, entry: InboxEntry, sha256: String, in inbox: Folder,
                             layout: StoreLayout) -> Arrival.Staged? {
        guard file.readLeaseIsIntact else { return nil }
        let path = "\(layout.stagingPath)/.\(sha256).\(entry.status.inode).tmp-\(getpid())"
        do throws(SystemError) {
            try inbox.link(entry.rawName, to: path)
            // The name linked is the file that was checked, with no third name, and still unopened for writing.
            guard let linked = try FileSystemPaths.status(path), linked.isUnchanged(comparedWith: entry.status),
                  linked.links == 2, file.readLeaseIsIntact
            else {
                FileSystemPaths.removeQuietly(path)
                return nil
            }
        } catch {
            FileSystemPaths.removeQuietly(path)
            return nil
        }
        return Arrival.Staged(path: path, lease: file)
    }

    /// Writes the bytes that were checked to `staging/` (synced with the
    /// batch, before its commit). Nil when that fails: the file is then
    /// copied again from the inbox when kept, and checked as it is.
    private static func stage(_ incoming: IncomingFile, entry: InboxEntry, in layout: StoreLayout) -> String? {
        let path = "\(layout.stagingPath)/.\(incoming.sha256).\(entry.status.inode).tmp-\(getpid())"
        do throws(SystemError) {
            let file = try OpenFile.creating(path)
            try file.write(incoming.bytes)
            try file.close()
            return path
        } catch {
            FileSystemPaths.removeQuietly(path)
            return nil
        }
    }
}

extension InboxListing {
    /// Whether the input a store trace describes is still in the inbox:
    /// same name, and the same received second and size where known. A
    /// trace without a name (a kept file whose receipt was lost with the
    /// disk's cache) is matched by its bytes: same size, same SHA-256.
    public func holds(_ trace: InputTrace, in inbox: Folder? = nil) -> Bool {
        guard let name = trace.file else {
            guard let inbox, let sha = trace.sha256 else { return false }
            return entries.contains { entry in
                entry.size == trace.size && (try? inbox.openForReading(entry.rawName)).flatMap { try? SHA256Hex.of($0) } == sha
            }
        }
        if settling.contains(name) { return true }
        return entries.contains { entry in
            entry.name == name && (trace.receivedEpoch ?? entry.status.modified) == entry.status.modified
                && (trace.size ?? entry.size) == entry.size
        }
    }
}

/// What one ingest run did: counts only, the receipts went to `each` as
/// they became durable.
public struct IngestSummary: Sendable {
    /// Inbox entries that are not regular files (folders, links), left in place.
    public var skipped: [String]
    /// Files left in the inbox for a later run, each with its reason. Never silently dropped.
    public var left: [LeftInput] = []
    public private(set) var outcomes: [Outcome: Int] = [:]

    public init(skipped: [String]) {
        self.skipped = skipped
    }

    mutating func count(_ outcome: Outcome) { outcomes[outcome, default: 0] += 1 }

    public var total: Int { outcomes.values.reduce(0, +) }
    public var anyRejected: Bool { (outcomes[.rejected] ?? 0) > 0 }
    /// Whether the store failed to keep some input: the run ends with exit 3.
    public var anyNotKept: Bool { left.contains { if case .notKept = $0.reason { true } else { false } } }
}
