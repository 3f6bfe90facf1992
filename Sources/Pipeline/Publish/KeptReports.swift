import Consolidation
import Intake
import ReportModel
import Store

/// The reports the store kept, as consolidation reads them: the store's own
/// copy, its SHA-256 checked against the ledger, then read exactly as intake
/// read it (the XSD included); nothing is defaulted on the second read.
struct KeptReports: ReportSource {
    let store: SubmissionStore
    let reader: StoredReport

    func report(for record: LedgerRecord) throws -> Report {
        try report(sha256: record.receipt.sha256)
    }

    func report(sha256: String) throws -> Report {
        try reader.read(try store.original(sha256: sha256), path: store.layout.relative(store.layout.original(sha256)))
    }

    func plan(for record: LedgerRecord) throws -> DetailedPlan {
        let sha256 = record.receipt.sha256
        return try reader.readPlan(try store.original(sha256: sha256), path: store.layout.relative(store.layout.original(sha256)))
    }
}
