import Foundation
import Intake
import ReportModel
import Store
import SystemKit

/// The one place an input becomes an outcome: decided against the store's
/// history, its bytes kept (the store's own copy), its receipts written and
/// its ledger record staged. The inbox run (`IngestRun`) calls it for each
/// file; the commit (one sync, one ledger append) is the caller's, per batch.
public final class IngestSession {
    public let checker: SubmissionChecker
    public let store: SubmissionStore
    public let receipts: ReceiptWriter

    public init(checker: SubmissionChecker, store: SubmissionStore, receipts: ReceiptWriter) {
        self.checker = checker
        self.store = store
        self.receipts = receipts
    }

    /// Decides one inspected input and keeps it. `source` reaches its bytes
    /// again when the inspection did not hold them, and tells whether the
    /// input is still the one that was inspected.
    func take(_ inspection: Inspection, holdsBytes: Bool, source: InputSource) -> Taken {
        let file = inspection.file
        let key = IntakeKey(file: file.name, sha256: file.sha256, receivedEpoch: Int(file.received.timeIntervalSince1970))
        if store.index.isProcessed(key) {
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
        let verdict = checker.decide(inspection, history: store.index)
        var kept: String?
        var completed: [String] = []
        if verdict.outcome != .duplicate {
            let input: KeptInput
            do throws(InputSource.Problem) {
                input = holdsBytes ? .bytes(file.bytes, modified: key.receivedEpoch) : try source.reopen()
                if holdsBytes { try source.checkUnchanged() }
            } catch {
                return .left(error.reason)
            }
            do throws(KeepFailure) {
                if verdict.outcome == .accepted, let report = verdict.report {
                    kept = try store.keepAccepted(input, receipt: verdict.receipt, sync: .deferred)
                    // Only the lead's word completes a task; a coordinating unit's share does not.
                    completed = report.tasks.filter { $0.status == .completed && $0.role == .lead }.map(\.code)
                } else {
                    kept = try store.keepRejected(input, receipt: verdict.receipt, sync: .deferred)
                }
            } catch {
                switch error {
                case .changed: return .left(.changing)
                case .store(let failure): return .left(.notKept(failure))
                }
            }
        }
        do {
            try receipts.write(verdict.receipt, sync: .deferred)
        } catch {
            return .left(.notKept(error))
        }
        store.stage(LedgerRecord(sequence: store.index.nextSequence, receipt: verdict.receipt,
                                 receivedEpoch: key.receivedEpoch, completedTasks: completed, kept: kept))
        return .taken(verdict.receipt)
    }

    /// Makes everything taken since the last commit durable: one sync per
    /// file system written (store, quarantine, receipts), then one ledger
    /// append and fsync. Only after this may the inputs leave the inbox.
    func commit() throws(StoreError) {
        let layout = store.layout
        try DurableFile.syncFileSystems(containing: [layout.root, layout.originals, layout.quarantine, receipts.folder])
        try store.commitStaged()
    }

    /// What became of one input.
    enum Taken {
        case taken(Receipt)
        case left(LeftReason)
    }
}

/// Why an input stayed in the inbox for a later run. Never silent: each
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

/// Where an input's bytes are, to read them again when they are kept.
struct InputSource {
    var folder: Folder
    var entry: InboxEntry

    struct Problem: Error {
        var reason: LeftReason
    }

    /// The input opened again, checked to be the file that was inspected.
    func reopen() throws(Problem) -> KeptInput {
        let file: OpenFile
        let status: FileStatus
        do throws(SystemError) {
            file = try folder.openForReading(entry.rawName)
            status = try file.status()
        } catch {
            throw Problem(reason: error.isMissing ? .vanished : .unreadable(error))
        }
        guard status.isUnchanged(comparedWith: entry.status) else { throw Problem(reason: .changing) }
        return .file(file, size: entry.size, modified: entry.status.modified)
    }

    /// Throws unless the inbox still holds the file that was inspected.
    func checkUnchanged() throws(Problem) {
        let now: FileStatus?
        do { now = try folder.status(of: entry.rawName) } catch { throw Problem(reason: .unreadable(error)) }
        guard let now else { throw Problem(reason: .vanished) }
        guard now.isUnchanged(comparedWith: entry.status) else { throw Problem(reason: .changing) }
    }
}
