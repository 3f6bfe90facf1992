import Foundation
import Intake
import ReportModel
import Store
import SystemKit

/// `baocao ingest`: every inbox file through the checks into the store, one
/// receipt each, exactly once.
///
/// The inbox is locked (so two runs, even with two stores, never take the
/// same file), then the store. Files go in batches. Within a batch the
/// checks that need no store run on every core; then, in intake order, the
/// `IngestSession` decides each file, keeps its bytes and writes its
/// receipts. One sync per file system makes the batch durable, one ledger
/// append + fsync commits its outcomes, and only then do its files leave
/// the inbox. Killed anywhere, a rerun redoes a file whose ledger line is
/// missing (every write is idempotent) or finishes one whose line exists.
public struct IngestRun {
    public let checker: SubmissionChecker
    public let storeRoot: URL
    public let receipts: ReceiptWriter
    /// Files per batch: bounds memory (inspections held) and the syncs per file.
    public var batchSize = 16
    /// A file changed less than this many seconds ago waits for the next run.
    public var settleSeconds = 2
    /// Inputs up to this size (a bare report) are kept from the bytes that were checked;
    /// larger ones are copied again from the inbox, hashed as they are kept.
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
    /// Two stages overlap: a producer thread inspects batch k + 1 (on every
    /// core) while this thread decides, keeps and commits batch k. At most
    /// two inspected batches wait between them.
    public func run(inbox inboxURL: URL, onWait: () -> Void = {}, progress: (Int, Int) -> Void = { _, _ in },
                    each: (Receipt) throws -> Void = { _ in }) throws -> IngestSummary {
        let inbox = try Folder(inboxURL.path)
        if try !inbox.lock(wait: false) {
            onWait()
            _ = try inbox.lock(wait: true)
        }
        let listing = try InboxScanner.scan(inbox, settle: settleSeconds)
        let store = try SubmissionStore.openForWriting(at: storeRoot, inInbox: { listing.holds($0, in: inbox) }, onWait: onWait)
        let session = IngestSession(checker: checker, store: store, receipts: receipts)
        receipts.sweepLeftovers()
        var summary = IngestSummary(skipped: listing.skipped)
        summary.left = listing.settling.map { LeftInput(name: $0, reason: .settling) }

        let entries = listing.entries
        let queue = BoundedQueue<[Inspected]>(capacity: 2)
        let checker = self.checker
        let batchSize = self.batchSize
        let held = bytesHeldLimit
        let producer = Thread {
            for start in stride(from: 0, to: entries.count, by: batchSize) {
                let batch = Array(entries[start..<min(start + batchSize, entries.count)])
                guard queue.put(ParallelMap.map(batch) { Inspected.inspect($0, in: inbox, checker: checker, held: held) })
                else { return }
            }
            queue.close()
        }
        producer.stackSize = 8 << 20
        producer.start()
        defer { queue.close() }
        var done = 0
        while let inspected = queue.take() {
            try commit(inspected, session: session, inbox: inbox, summary: &summary, each: each)
            done += inspected.count
            progress(done, entries.count)
        }
        return summary
    }

    /// Takes one inspected batch in intake order, commits it, and only then
    /// removes its files from the inbox.
    private func commit(_ batch: [Inspected], session: IngestSession, inbox: Folder, summary: inout IngestSummary,
                        each: (Receipt) throws -> Void) throws {
        var taken: [(InboxEntry, Receipt)] = []
        for item in batch {
            let outcome: IngestSession.Taken
            switch item.state {
            case .left(let reason):
                outcome = .left(reason)
            case .inspected(let inspection, let holdsBytes):
                outcome = session.take(inspection, holdsBytes: holdsBytes, source: InputSource(folder: inbox, entry: item.entry))
            }
            switch outcome {
            case .taken(let receipt): taken.append((item.entry, receipt))
            case .left(let reason): summary.left.append(LeftInput(name: item.entry.name, reason: reason))
            }
        }
        guard !taken.isEmpty else { return }
        try session.commit()
        for (entry, receipt) in taken {
            summary.count(receipt.outcome)
            try each(receipt)
            // Only the file that was taken leaves: one put in its place since stays for the next run.
            if let now = try inbox.status(of: entry.rawName), now.isUnchanged(comparedWith: entry.status) {
                try inbox.remove(entry.rawName)
            }
        }
        try inbox.sync()
    }
}

/// One inbox file after the parallel stage.
private struct Inspected: Sendable {
    var entry: InboxEntry
    var state: State

    enum State: Sendable {
        /// Checked; `holdsBytes` when the inspection kept the bytes it checked.
        case inspected(Inspection, holdsBytes: Bool)
        case left(LeftReason)
    }

    /// Reads and inspects one file; the bytes are dropped after unless
    /// small enough to keep from memory.
    static func inspect(_ entry: InboxEntry, in inbox: Folder, checker: SubmissionChecker, held: Int64) -> Inspected {
        let incoming: IncomingFile
        do throws(SystemError) {
            let file = try inbox.openForReading(entry.rawName)
            guard try file.status().isUnchanged(comparedWith: entry.status) else { return Inspected(entry: entry, state: .left(.changing)) }
            if checker.isOversized(entry.size) {
                incoming = try IncomingFile(name: entry.name, oversized: file, size: entry.size, received: entry.received)
            } else {
                let bytes = try file.readAll(limit: entry.size)
                guard Int64(bytes.count) == entry.size else { return Inspected(entry: entry, state: .left(.changing)) }
                incoming = IncomingFile(name: entry.name, bytes: bytes, received: entry.received)
            }
            guard try file.status().isUnchanged(comparedWith: entry.status) else { return Inspected(entry: entry, state: .left(.changing)) }
        } catch {
            return Inspected(entry: entry, state: .left(error.isMissing ? .vanished : error.code == EFBIG ? .changing : .unreadable(error)))
        }
        var inspection = checker.inspect(incoming)
        let holdsBytes = incoming.oversize == nil && entry.size <= held
        if !holdsBytes { inspection.file.bytes = Data() }
        return Inspected(entry: entry, state: .inspected(inspection, holdsBytes: holdsBytes))
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
