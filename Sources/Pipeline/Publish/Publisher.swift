import Consolidation
import Foundation
import Intake
import ReportModel
import Store

/// Turns the store into documents in the outbox: the yearly documents,
/// ad-hoc summaries, the reviews across the years and the reminder letters.
/// Every figure is merged from the store alone; reports are read back from
/// the kept originals.
public struct Publisher {
    public let plan: Plan
    public let store: SubmissionStore
    public let outbox: URL
    private let reader: StoredReport

    public init(resources: IntakeResources, store: SubmissionStore, outbox: URL) {
        plan = resources.plan
        self.store = store
        self.outbox = outbox
        reader = StoredReport(resources: resources)
    }

    /// The merge over this store: each report read from the store's copy,
    /// its SHA-256 checked against the ledger, and read as intake read it.
    var merge: YearMerge {
        let store = self.store
        let reader = self.reader
        return YearMerge(plan: plan, index: store.index, report: { sha256 in
            try reader.read(try store.original(sha256: sha256), path: store.layout.relative(store.layout.original(sha256)))
        })
    }

    /// `OUTBOX/YEAR/…`.
    func folder(_ year: Int, _ parts: String...) -> URL {
        parts.reduce(outbox.appendingPathComponent(String(year))) { $0.appendingPathComponent($1) }
    }
}
