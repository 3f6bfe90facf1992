import Foundation
import Intake
import ReportModel
import Store

/// `baocao ingest`: every inbox file through the checks into the store, one
/// receipt each, exactly once.
///
/// Files go in batches. Within a batch the checks that need no store run on
/// every core; then, in intake order, each file is decided against the
/// store's history, its bytes kept (originals or quarantine) and its receipts
/// written. One file-system sync makes the batch's files durable, one ledger
/// append + fsync commits the batch's outcomes, and only then do its files
/// leave the inbox. Killed anywhere, a rerun redoes a file whose ledger line
/// is missing (every write is idempotent) or finishes one whose line exists.
public struct IngestRun {
    public let checker: SubmissionChecker
    public let store: SubmissionStore
    public let receipts: ReceiptWriter
    /// Files per batch: bounds memory (inspections held) and the syncs per file.
    public var batchSize = 16

    public init(checker: SubmissionChecker, store: SubmissionStore, receipts: ReceiptWriter) {
        self.checker = checker
        self.store = store
        self.receipts = receipts
    }

    /// Ingests everything in `inbox`; `progress(done, total)` after each batch.
    ///
    /// Two stages overlap: a producer thread inspects batch k + 1 (on every
    /// core) while this thread decides, keeps and commits batch k. At most
    /// two inspected batches wait between them.
    public func run(inbox: URL, progress: (Int, Int) -> Void = { _, _ in },
                    each: (Receipt) throws -> Void = { _ in }) throws -> IngestSummary {
        let (entries, skipped) = try InboxScanner.scan(inbox)
        receipts.sweepLeftovers()
        let queue = BoundedQueue<[Inspected]>(capacity: 2)
        let checker = self.checker
        let batchSize = self.batchSize
        let producer = Thread {
            for start in stride(from: 0, to: entries.count, by: batchSize) {
                let batch = Array(entries[start..<min(start + batchSize, entries.count)])
                guard queue.put(Self.inspect(batch, checker: checker)) else { return }
            }
            queue.close()
        }
        producer.stackSize = 8 << 20
        producer.start()
        defer { queue.close() }
        var summary = IngestSummary(skipped: skipped)
        var done = 0
        while let inspected = queue.take() {
            let (receipts, leftBehind) = try commit(inspected, inbox: inbox)
            for receipt in receipts {
                summary.count(receipt.outcome)
                try each(receipt)
            }
            summary.leftInInbox += leftBehind
            done += inspected.count
            progress(done, entries.count)
        }
        return summary
    }

    /// Reads and inspects a batch on every core; the bytes are dropped after.
    private static func inspect(_ batch: [InboxEntry], checker: SubmissionChecker) -> [Inspected] {
        ParallelMap.map(batch) { entry -> Inspected in
            let file: IncomingFile
            if checker.isOversized(entry.size) {
                guard let big = try? IncomingFile(name: entry.name, oversized: entry.url, size: entry.size, received: entry.received)
                else { return Inspected(entry: entry, inspection: nil) }
                file = big
            } else {
                guard let bytes = FileManager.default.contents(atPath: entry.url.path) else {
                    return Inspected(entry: entry, inspection: nil)
                }
                file = IncomingFile(name: entry.name, bytes: bytes, received: entry.received)
            }
            var inspection = checker.inspect(file)
            inspection.file.bytes = Data()
            return Inspected(entry: entry, inspection: inspection)
        }
    }

    /// Decides, keeps and commits one inspected batch, in intake order.
    /// Returns the receipts, and the files left in the inbox for a later run
    /// (unreadable, or changed since they were read).
    private func commit(_ inspected: [Inspected], inbox: URL) throws -> ([Receipt], [String]) {
        var results: [Receipt] = []
        var leaving: [URL] = []
        var leftBehind: [String] = []
        for item in inspected {
            if let receipt = try keep(item) {
                results.append(receipt)
                leaving.append(item.entry.url)
            } else {
                leftBehind.append(item.entry.name)
            }
        }
        guard !leaving.isEmpty else { return (results, leftBehind) }
        try DurableFile.syncFileSystem(containing: store.layout.root)
        try DurableFile.syncFileSystem(containing: receipts.folder)
        try store.commitStaged()
        for url in leaving { try DurableFile.remove(url, sync: .deferred) }
        try DurableFile.syncFolder(inbox)
        return (results, leftBehind)
    }

    /// Decides one inspected file and keeps its bytes and receipts (synced
    /// later with the batch); nil when the file changed since it was read.
    private func keep(_ item: Inspected) throws -> Receipt? {
        guard let inspection = item.inspection else { return nil }
        let file = inspection.file
        let key = IntakeKey(file: file.name, sha256: file.sha256, receivedEpoch: Int(file.received.timeIntervalSince1970))
        if store.index.isProcessed(key) {
            // The outcome was durable before a crash: finish, don't redo. Its
            // receipts were synced before its ledger line; if they are gone,
            // the ledger still holds the receipt.
            if let written = receipts.read(file: file.name, sha256: file.sha256) { return written }
            guard let done = try store.ledgerRecord(for: key) else { return nil }
            try receipts.write(done.receipt, sync: .deferred)
            return done.receipt
        }
        let verdict = checker.decide(inspection, history: store.index)
        var kept: String?
        var completed: [String] = []
        if verdict.outcome != .duplicate {
            // The same file as inspected: size and mtime unchanged since it was read.
            guard let now = try? InboxScanner.entry(named: item.entry.name, in: item.entry.folder), now.size == item.entry.size,
                  now.received == item.entry.received else { return nil }
            if verdict.outcome == .accepted, let report = verdict.report {
                kept = try store.keepAccepted(item.entry.url, size: item.entry.size, sha256: file.sha256, sync: .deferred)
                // Only the lead's word completes a task; a coordinating unit's share does not.
                completed = report.tasks.filter { $0.status == .completed && $0.role == .lead }.map(\.code)
            } else {
                kept = try store.keepRejected(item.entry.url, size: item.entry.size, receipt: verdict.receipt, sync: .deferred)
            }
        }
        try receipts.write(verdict.receipt, sync: .deferred)
        store.stage(LedgerRecord(sequence: store.index.nextSequence, receipt: verdict.receipt,
                                 receivedEpoch: key.receivedEpoch, completedTasks: completed, kept: kept))
        return verdict.receipt
    }
}

/// One inbox file after the parallel stage.
private struct Inspected: Sendable {
    var entry: InboxEntry
    /// nil when the file could not be read.
    var inspection: Inspection?
}

/// What one ingest run did: counts only, the receipts went to `each` as
/// they became durable.
public struct IngestSummary: Sendable {
    /// Inbox entries that are not regular files (folders, links), left in place.
    public var skipped: [String]
    /// Files left in the inbox for the next run: unreadable, or changed
    /// while this run read them. Never silently dropped.
    public var leftInInbox: [String] = []
    public private(set) var outcomes: [Outcome: Int] = [:]

    public init(skipped: [String]) {
        self.skipped = skipped
    }

    mutating func count(_ outcome: Outcome) { outcomes[outcome, default: 0] += 1 }

    public var total: Int { outcomes.values.reduce(0, +) }
    public var anyRejected: Bool { (outcomes[.rejected] ?? 0) > 0 }
}
