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
/// decides, keeps and commits the batch before; only after its commit do a
/// batch's files leave the inbox. Killed anywhere, a rerun redoes a file
/// whose ledger line is missing (every write is idempotent) or finishes one
/// whose line exists.
public struct IngestRun: Sendable {
    public let checker: SubmissionChecker
    public let storeRoot: URL
    public let receipts: ReceiptWriter
    /// Files per batch: bounds memory (inspections held) and the syncs per file.
    public var batchSize = 16
    /// A file changed less than this many seconds ago waits for the next run.
    public var settleSeconds = 2
    /// Inputs up to this size (a bare report) are held until kept; larger
    /// ones are written to the store's `staging/` from the same bytes while
    /// they are checked, then renamed into place.
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
    /// Two stages overlap: batch k + 1 is inspected while batch k is
    /// committed, so both cores work and at most two batches are held.
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

        let batches = stride(from: 0, to: listing.entries.count, by: batchSize).map {
            Array(listing.entries[$0..<min($0 + batchSize, listing.entries.count)])
        }
        let held = bytesHeldLimit
        var next: Task<[Arrival], Never>? = batches.first.map { batch in Task { await Self.inspect(batch, in: inbox, session: session, held: held) } }
        var done = 0
        for (k, batch) in batches.enumerated() {
            guard let arrivals = await next?.value else { break }
            next = k + 1 < batches.count
                ? Task { [batch = batches[k + 1]] in await Self.inspect(batch, in: inbox, session: session, held: held) } : nil
            let taken = try await session.take(arrivals) { taken in
                // Only the file that was taken leaves: one put in its place since stays for the next run.
                for (entry, outcome) in zip(batch, taken) where outcome.isTaken {
                    if let now = try inbox.status(of: entry.rawName), now.isUnchanged(comparedWith: entry.status) {
                        try inbox.remove(entry.rawName)
                    }
                }
                try inbox.sync()
            }
            for (entry, outcome) in zip(batch, taken) {
                switch outcome {
                case .taken(let receipt):
                    summary.count(receipt.outcome)
                    try each(receipt)
                case .left(let reason):
                    summary.left.append(LeftInput(name: entry.name, reason: reason))
                }
            }
            done += batch.count
            progress(done, listing.entries.count)
        }
        return summary
    }

    /// Reads and checks a batch, every file at once; the bytes are dropped
    /// after unless small enough to keep from memory.
    private static func inspect(_ batch: [InboxEntry], in inbox: Folder, session: IngestSession, held: Int64) async -> [Arrival] {
        await withTaskGroup(of: (Int, Arrival).self) { group in
            for (n, entry) in batch.enumerated() {
                group.addTask { (n, inspect(entry, in: inbox, session: session, held: held)) }
            }
            var arrivals = [Arrival?](repeating: nil, count: batch.count)
            for await (n, arrival) in group { arrivals[n] = arrival }
            return arrivals.map { $0! }
        }
    }

    private static func inspect(_ entry: InboxEntry, in inbox: Folder, session: IngestSession, held: Int64) -> Arrival {
        func left(_ reason: LeftReason) -> Arrival { Arrival(state: .left(reason), source: .inbox(inbox, entry), channel: .inbox) }
        let incoming: IncomingFile
        do throws(SystemError) {
            let file = try inbox.openForReading(entry.rawName)
            guard try file.status().isUnchanged(comparedWith: entry.status) else { return left(.changing) }
            incoming = try IncomingFile.read(file, name: entry.name, size: entry.size, received: entry.received, checker: session.checker)
            guard try file.status().isUnchanged(comparedWith: entry.status) else { return left(.changing) }
        } catch {
            return left(error.isMissing ? .vanished : error.code == EFBIG ? .changing : .unreadable(error))
        }
        var inspection = session.inspect(incoming)
        let holdsBytes = incoming.oversize == nil && entry.size <= held
        var staged: String?
        if !holdsBytes {
            if incoming.oversize == nil { staged = stage(incoming, entry: entry, in: session.layout) }
            inspection.file.bytes = Data()
        }
        var arrival = Arrival(state: .inspected(inspection, holdsBytes: holdsBytes), source: .inbox(inbox, entry), channel: .inbox)
        arrival.staged = staged
        return arrival
    }

    /// Writes the bytes that were checked to `staging/` (synced with the
    /// batch, before its commit). Nil when that fails: the file is then
    /// copied again from the inbox when kept, and checked as it is.
    private static func stage(_ incoming: IncomingFile, entry: InboxEntry, in layout: StoreLayout) -> String? {
        let path = layout.staging.appendingPathComponent(".\(incoming.sha256).\(entry.status.inode).tmp-\(getpid())").path
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
