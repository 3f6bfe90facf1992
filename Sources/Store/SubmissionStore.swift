import Foundation
import ReportModel
import SystemKit

/// The store: its own copy of every accepted original by SHA-256, every
/// rejected file in quarantine, each beside its receipt, and the ledger
/// that says what became of each input. Nothing in it is ever deleted or
/// rewritten.
///
/// Opening it checks that the ledger and the kept files agree: a cut or
/// lost ledger never passes for a store with fewer submissions.
///
/// A writer holds the store's lock only while it commits (`lockExclusively`),
/// so `baocao ingest` and `baocao serve` can write the same store at once:
/// each catches up with what the other appended before it decides anything.
public final class SubmissionStore {
    public let layout: StoreLayout
    public private(set) var index: LedgerIndex
    private let ledger: LedgerFile
    /// A reader's shared lock, held while it reads; nil for a writer, which
    /// locks per commit.
    private let lock: StoreLock?
    /// Where this store's view of the ledger ends.
    private var position: LedgerFile.Position

    private init(layout: StoreLayout, index: LedgerIndex, ledger: LedgerFile, lock: StoreLock?, position: LedgerFile.Position) {
        self.layout = layout
        self.index = index
        self.ledger = ledger
        self.lock = lock
        self.position = position
    }

    /// Opens the store for writing: takes the lock (waiting for another run
    /// if need be), loads the ledger and checks it against the kept files,
    /// then lets the lock go until the first commit.
    ///
    /// A run killed before its commit leaves kept files without records,
    /// and perhaps half a ledger line; their inputs are still in the inbox
    /// (`inInbox` says so), so they are redone and the half line is cut.
    /// Anything else (records lost from a ledger that was cut, emptied or
    /// deleted) stops the run: nothing is cut or written.
    ///
    /// Intake needs the outcomes, not whole records: those stay on disk
    /// (ledger, receipts), so memory stays small however long the ledger grows.
    public static func openForWriting(at root: URL, inInbox: (InputTrace) -> Bool = { _ in false },
                                      onWait: () -> Void = {}) throws(StoreError) -> SubmissionStore {
        let layout = StoreLayout(root: root)
        let lock = try StoreLock(at: layout.lock, onWait: onWait)
        defer { withExtendedLifetime(lock) {} }
        let ledger = LedgerFile(url: layout.ledger)
        var index = LedgerIndex(retainingRecords: false)
        var kept: Set<String> = []
        let contents = try ledger.load { record in
            index.add(record)
            if let path = record.kept { kept.insert(path) }
            return nil
        }
        KeptFiles.sweepLeftovers(in: layout)
        _ = try unrecorded(layout, recorded: kept, inInbox: inInbox, interruptedIsError: false)
        if let torn = contents.torn {
            // Provably uncommitted: its input (and every input kept but not
            // recorded, checked above) is still in the inbox.
            let named = torn.file.map { inInbox(InputTrace(file: $0, sha256: torn.sha256)) } ?? true
            guard named else { throw StoreError(.tornLedger(line: torn.line), file: layout.ledger.path) }
            try ledger.cut(torn)
        }
        return SubmissionStore(layout: layout, index: index, ledger: ledger, lock: nil, position: contents.end)
    }

    /// Takes the store's lock alone and catches up with what other writers
    /// committed since this store last looked: every decision made while
    /// it is held sees the whole ledger. The lock goes with the value
    /// returned. Outcomes are then `stage`d as they are decided and
    /// `append`ed once the files they name are durable.
    ///
    /// One writer thread decides and another appends (`IngestSession`); the
    /// store is safe so because this is called only while no append is
    /// under way, and the appends only while the lock is held.
    public func lockExclusively(onWait: () -> Void = {}) throws(StoreError) -> StoreLock {
        let lock = try StoreLock(at: layout.lock, onWait: onWait)
        let contents = try ledger.load(after: position) { record in
            index.add(record)
            return nil
        }
        if let torn = contents.torn {
            // Another writer died half way through a line: that line is for
            // the next inbox run to judge, with the inbox at hand.
            throw StoreError(.tornLedger(line: torn.line), file: layout.ledger.path)
        }
        position = contents.end
        return lock
    }

    /// Forgets outcomes staged and never appended (their commit failed):
    /// the index is read again from the ledger before anything else is
    /// decided.
    public func forgetStaged() {
        var fresh = LedgerIndex(retainingRecords: index.retainsRecords)
        if let reloaded = try? ledger.load(transform: { fresh.add($0); return nil }) {
            index = fresh
            position = reloaded.end
        }
    }

    /// Opens the store to read it, sharing the lock with other readers; a
    /// missing store reads as empty. Refuses (with what to do) a store whose
    /// ledger and kept files disagree, or one a run left half committed.
    public static func openForReading(at root: URL, inInbox: (InputTrace) -> Bool = { _ in false }) throws(StoreError) -> SubmissionStore {
        let layout = StoreLayout(root: root)
        let exists = (try? FileSystemPaths.status(root.path))?.kind == .folder
        let lock = exists ? try StoreLock(at: layout.lock, shared: true) : nil
        let ledger = LedgerFile(url: layout.ledger)
        let contents = try ledger.load()
        let recorded = Set(contents.records.compactMap(\.kept))
        _ = try unrecorded(layout, recorded: recorded, inInbox: inInbox, interruptedIsError: true)
        if let torn = contents.torn {
            let interrupted = torn.file.map { inInbox(InputTrace(file: $0, sha256: torn.sha256)) } ?? false
            throw interrupted
                ? StoreError(.unrecorded([torn.file ?? ""], interrupted: true), file: layout.ledger.path)
                : StoreError(.tornLedger(line: torn.line), file: layout.ledger.path)
        }
        let missing = contents.records.compactMap(\.kept).filter { (try? FileSystemPaths.status(layout.absolutePath($0))) == nil }
        guard missing.isEmpty else { throw StoreError(.missing(missing), file: root.path) }
        // A torn last event was never confirmed to whoever made it: it does not count.
        let events = try JSONLinesFile<ReviewEvent>(url: layout.events).load().records
        return SubmissionStore(layout: layout, index: LedgerIndex(records: contents.records, events: events), ledger: ledger, lock: lock,
                               position: contents.end)
    }

    /// Appends one check of the secretariat, as durably as the ledger, and
    /// returns it. Holds the store's lock alone: a torn last line (a check
    /// killed before it was confirmed) is cut first. Never rewrites an event.
    public static func appendReview(at root: URL, onWait: () -> Void = {},
                                    _ make: (_ sequence: Int) -> ReviewEvent) throws(StoreError) -> ReviewEvent {
        let layout = StoreLayout(root: root)
        let lock = try StoreLock(at: layout.lock, onWait: onWait)
        defer { withExtendedLifetime(lock) {} }
        let log = JSONLinesFile<ReviewEvent>(url: layout.events)
        let contents = try log.load()
        if let torn = contents.torn { try log.cut(torn) }
        let event = make(contents.end.nextSequence)
        try log.append([event])
        return event
    }

    /// Kept files that no record names. Those whose input is still in the
    /// inbox belong to a run that stopped before its commit; the others
    /// mean records were lost. Throws for lost ones, and for interrupted
    /// ones too when `interruptedIsError` (a reader must not publish then).
    private static func unrecorded(_ layout: StoreLayout, recorded: Set<String>, inInbox: (InputTrace) -> Bool,
                                   interruptedIsError: Bool) throws(StoreError) -> [KeptFile] {
        let unrecorded = try KeptFiles.all(in: layout, except: recorded)
        guard !unrecorded.isEmpty else { return [] }
        let lost = unrecorded.filter { !inInbox($0.trace) }
        if !lost.isEmpty { throw StoreError(.unrecorded(lost.map(\.path), interrupted: false), file: layout.root.path) }
        if interruptedIsError { throw StoreError(.unrecorded(unrecorded.map(\.path), interrupted: true), file: layout.root.path) }
        return unrecorded
    }

    /// Keeps an accepted input, by its SHA-256, beside its receipt; returns
    /// where (relative to the store). `bytes` are the very bytes that were
    /// checked; without them the input is copied from `source` and its hash
    /// checked again.
    public func keepAccepted(_ input: KeptInput, receipt: Receipt, sync: SyncPolicy = .now) throws(KeepFailure) -> String {
        try keepAccepted(input, receipt: EncodedReceipt(receipt), sync: sync)
    }

    /// The same, with the receipt encoded once for the store and the outbox.
    public func keepAccepted(_ input: KeptInput, receipt encoded: EncodedReceipt, sync: SyncPolicy = .now) throws(KeepFailure) -> String {
        let receipt = encoded.receipt
        // The receipt first: a kept file is never without the receipt that names its input.
        do {
            try DurableFile.write(encoded.json, toPath: layout.originalReceiptPath(receipt.sha256), sync: sync)
        } catch {
            throw .store(error)
        }
        let original = layout.originalPath(receipt.sha256)
        try input.keep(at: original, sha256: receipt.sha256, sync: sync)
        return layout.relative(path: original)
    }

    /// Puts a rejected input in quarantine beside its receipt (`NAME`,
    /// `NAME.receipt.json`); returns where. Inputs with the same bytes share
    /// the folder, each with its own receipt. (The receipt as text is the
    /// outbox's: a copy here was a sixth of the files a refusal made.)
    public func keepRejected(_ input: KeptInput, receipt: Receipt, sync: SyncPolicy = .now) throws(KeepFailure) -> String {
        try keepRejected(input, receipt: EncodedReceipt(receipt), sync: sync)
    }

    /// The same, with the receipt encoded once for the store and the outbox.
    public func keepRejected(_ input: KeptInput, receipt encoded: EncodedReceipt, sync: SyncPolicy = .now) throws(KeepFailure) -> String {
        let receipt = encoded.receipt
        let folder = layout.quarantinePath(receipt.sha256)
        let file = folder + "/" + Self.safeName(receipt.file)
        do {
            // Made first: it is new for most refused files, and a write would look for it only after failing.
            try DurableFile.makeFolder(path: folder, sync: sync)
            try DurableFile.write(encoded.json, toPath: file + StoreLayout.receiptSuffix, sync: sync)
        } catch {
            throw .store(error)
        }
        try input.keep(at: file, sha256: receipt.sha256, sync: sync)
        return layout.relative(path: file)
    }

    /// Makes outcomes durable: after this returns they are in the ledger.
    public func commit(_ records: [LedgerRecord]) throws(StoreError) {
        advance(by: try ledger.append(records), records: records.count)
        for record in records { index.add(record) }
    }

    /// Records an outcome in the index now, so that later decisions see it;
    /// `append` it once the files it names are durable.
    public func stage(_ record: LedgerRecord) {
        index.add(record)
    }

    /// Appends staged records, in the order they were staged, with one
    /// fsync. Call only after the files they name are durable, holding the
    /// lock that was held when they were staged.
    public func append(_ records: [LedgerRecord]) throws(StoreError) {
        advance(by: try ledger.append(records), records: records.count)
    }

    /// Moves this store's view past lines it appended itself.
    private func advance(by bytes: Int64, records: Int) {
        position.offset += bytes
        position.line += records
        position.nextSequence += records
    }

    /// The ledger's record of an intake, read from disk (intake keeps no records in memory).
    public func ledgerRecord(for key: IntakeKey) throws(StoreError) -> LedgerRecord? {
        try ledger.load { $0.intakeKey == key ? $0 : nil }.records.last
    }

    /// The bytes of an accepted submission, exactly as received: read from
    /// the store's copy and checked against the SHA-256 the ledger records.
    public func original(sha256: String) throws(StoreError) -> Data {
        let url = layout.original(sha256)
        let data: Data
        do {
            data = try OpenFile.reading(url.path).readAll()
        } catch {
            throw .system(error)
        }
        let found = SHA256Hex.of(data)
        guard found == sha256 else { throw StoreError(.altered(path: url.path, expected: sha256, found: found), file: url.path) }
        return data
    }

    /// A file name that stays inside its folder whatever the inbox held.
    /// Receipt names are already escaped (`DisplayName`): valid UTF-8,
    /// no control characters.
    static func safeName(_ name: String) -> String {
        let cleaned = name.contains("/") ? name.replacingOccurrences(of: "/", with: "_") : name
        return cleaned.isEmpty || cleaned.hasPrefix(".") ? "_" + cleaned : cleaned
    }
}

/// The bytes of an input to keep: those that were checked, held in memory,
/// or the input's file, copied and hashed again as it is kept.
public enum KeptInput {
    case bytes(Data, modified: Int)
    case file(OpenFile, size: Int64, modified: Int)
    /// A file of the store's own (a portal upload in `uploads/`): renamed into place.
    case owned(path: String, modified: Int)

    func keep(at target: String, sha256: String, sync: SyncPolicy) throws(KeepFailure) {
        switch self {
        case .bytes(let data, let modified):
            do { try DurableFile.keep(data, modified: modified, atPath: target, sync: sync) } catch { throw .store(error) }
        case .file(let source, let size, let modified):
            try DurableFile.keepCopy(of: source, sha256: sha256, size: size, modified: modified, atPath: target, sync: sync)
        case .owned(let path, let modified):
            do { try DurableFile.adopt(path, modified: modified, atPath: target, sync: sync) } catch { throw .store(error) }
        }
    }
}
