import Foundation
import Intake
import ReportModel
import Store

/// `baocao ingest`: every inbox file through the checks into the store, one
/// receipt each, exactly once.
///
/// Per file: check → keep the bytes (originals or quarantine) → write the
/// receipts → append the ledger line (the commit point) → only then take
/// the file out of the inbox. Killed anywhere, a rerun either redoes a file
/// whose outcome was not yet durable, or finishes one whose outcome was.
public struct IngestRun {
    public let checker: SubmissionChecker
    public let store: SubmissionStore
    public let receipts: ReceiptWriter

    public init(checker: SubmissionChecker, store: SubmissionStore, receipts: ReceiptWriter) {
        self.checker = checker
        self.store = store
        self.receipts = receipts
    }

    /// Ingests everything in `inbox`; `progress(done, total)` after each file.
    public func run(inbox: URL, progress: (Int, Int) -> Void = { _, _ in }) throws -> IngestSummary {
        let (entries, skipped) = try InboxScanner.scan(inbox)
        var results: [Receipt] = []
        for (n, entry) in entries.enumerated() {
            if let receipt = try ingest(entry) { results.append(receipt) }
            progress(n + 1, entries.count)
        }
        return IngestSummary(receipts: results, skipped: skipped)
    }

    private func ingest(_ entry: InboxEntry) throws -> Receipt? {
        guard let bytes = FileManager.default.contents(atPath: entry.url.path) else { return nil }
        let file = IncomingFile(name: entry.name, bytes: bytes, received: entry.received)
        let key = IntakeKey(file: entry.name, sha256: file.sha256, receivedEpoch: Int(entry.received.timeIntervalSince1970))
        if let done = store.index.record(for: key) {
            // The outcome was durable before a crash: finish, don't redo.
            try receipts.write(done.receipt)
            try DurableFile.remove(entry.url)
            return done.receipt
        }
        let verdict = checker.check(file, history: store.index)
        var kept: String?
        var completed: [String] = []
        switch verdict.outcome {
        case .accepted:
            guard let report = verdict.report else { preconditionFailure("accepted without a report") }
            kept = try store.keepAccepted(bytes, sha256: file.sha256, report: report)
            completed = report.tasks.filter { $0.status == .completed }.map(\.code)
        case .rejected:
            kept = try store.keepRejected(bytes, receipt: verdict.receipt)
        case .duplicate:
            kept = nil
        }
        try receipts.write(verdict.receipt)
        try store.commit([LedgerRecord(sequence: store.index.nextSequence, receipt: verdict.receipt,
                                       receivedEpoch: key.receivedEpoch, completedTasks: completed, kept: kept)])
        try DurableFile.remove(entry.url)
        return verdict.receipt
    }
}

/// What one ingest run did.
public struct IngestSummary: Sendable {
    public var receipts: [Receipt]
    /// Inbox entries that are not regular files (folders, links), left in place.
    public var skipped: [String]

    public var anyRejected: Bool { receipts.contains { $0.outcome == .rejected } }
}
