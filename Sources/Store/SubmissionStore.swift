#if canImport(Glibc)
import Glibc
#endif
import Foundation
import ReportModel

/// The store: every accepted original by SHA-256, every rejected file in
/// quarantine beside its receipt, and the ledger that says what became of
/// each input. Nothing in it is ever deleted or rewritten.
public final class SubmissionStore {
    public let layout: StoreLayout
    public private(set) var index: LedgerIndex
    private let ledger: LedgerFile
    private let lock: StoreLock?

    private init(layout: StoreLayout, index: LedgerIndex, ledger: LedgerFile, lock: StoreLock?) {
        self.layout = layout
        self.index = index
        self.ledger = ledger
        self.lock = lock
    }

    /// Opens the store for writing: takes the lock (waiting for another run
    /// if need be), then loads the ledger and cuts a torn last line.
    ///
    /// Intake needs the outcomes, not whole records: those stay on disk
    /// (ledger, receipts), so memory stays small however long the ledger grows.
    public static func openForWriting(at root: URL, onWait: () -> Void = {}) throws(StoreError) -> SubmissionStore {
        let layout = StoreLayout(root: root)
        let lock = try StoreLock(at: layout.lock, onWait: onWait)
        let ledger = LedgerFile(url: layout.ledger)
        var index = LedgerIndex(retainingRecords: false)
        _ = try ledger.load(repair: true) { record in
            index.add(record)
            return nil
        }
        return SubmissionStore(layout: layout, index: index, ledger: ledger, lock: lock)
    }

    /// Opens the store to read it; a missing store reads as empty.
    public static func openForReading(at root: URL) throws(StoreError) -> SubmissionStore {
        let layout = StoreLayout(root: root)
        let ledger = LedgerFile(url: layout.ledger)
        return SubmissionStore(layout: layout, index: LedgerIndex(records: try ledger.load(repair: false)), ledger: ledger, lock: nil)
    }

    /// Keeps an accepted file, by its SHA-256; returns where. The bytes are
    /// the file at `source`, linked rather than copied where the file system
    /// allows. The report is read again from here when documents are made.
    public func keepAccepted(_ source: URL, size: Int64, sha256: String, sync: SyncPolicy = .now) throws(StoreError) -> String {
        let original = layout.original(sha256)
        try DurableFile.keep(source, size: size, at: original, sync: sync)
        return layout.relative(original)
    }

    /// Puts a rejected file in quarantine beside its receipt (`NAME`,
    /// `NAME.receipt.json`, `NAME.receipt.txt`); returns where. Files with
    /// the same bytes share the folder, each with its own receipt.
    public func keepRejected(_ source: URL, size: Int64, receipt: Receipt, sync: SyncPolicy = .now) throws(StoreError) -> String {
        let folder = layout.quarantine(receipt.sha256)
        DurableFile.sweepLeftovers(in: folder)
        let name = Self.safeName(receipt.file)
        let file = folder.appendingPathComponent(name)
        try DurableFile.keep(source, size: size, at: file, sync: sync)
        try DurableFile.write(try Self.json(receipt), to: folder.appendingPathComponent(name + ".receipt.json"), sync: sync)
        try DurableFile.write(Data(receipt.text.utf8), to: folder.appendingPathComponent(name + ".receipt.txt"), sync: sync)
        return layout.relative(file)
    }

    /// Makes outcomes durable: after this returns they are in the ledger.
    public func commit(_ records: [LedgerRecord]) throws(StoreError) {
        try ledger.append(records)
        for record in records { index.add(record) }
    }

    /// Records an outcome in the index now and in the ledger at the next
    /// `commitStaged`: later files of the same batch already see it.
    public func stage(_ record: LedgerRecord) {
        staged.append(record)
        index.add(record)
    }

    /// Appends every staged record with one fsync. Call only after the
    /// files they name are durable.
    public func commitStaged() throws(StoreError) {
        try ledger.append(staged)
        staged.removeAll()
    }

    private var staged: [LedgerRecord] = []

    /// The ledger's record of an intake, read from disk (intake keeps no records in memory).
    public func ledgerRecord(for key: IntakeKey) throws(StoreError) -> LedgerRecord? {
        try ledger.load(repair: false) { $0.intakeKey == key ? $0 : nil }.last
    }

    /// The bytes of an accepted submission, exactly as received.
    public func original(sha256: String) throws(StoreError) -> Data {
        let url = layout.original(sha256)
        guard let data = FileManager.default.contents(atPath: url.path) else { throw StoreError.io("read", url.path, ENOENT) }
        return data
    }

    static func json(_ receipt: Receipt) throws(StoreError) -> Data {
        do {
            return try JSONOutput.encode(receipt)
        } catch {
            throw StoreError.damagedLedger(line: 0, reason: "cannot encode receipt: \(error)")
        }
    }

    /// A file name that stays inside its folder whatever the inbox held.
    static func safeName(_ name: String) -> String {
        let cleaned = name.replacingOccurrences(of: "/", with: "_")
        return cleaned.isEmpty || cleaned.hasPrefix(".") ? "_" + cleaned : cleaned
    }
}
