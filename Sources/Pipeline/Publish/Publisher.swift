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

    public init(plan: Plan, store: SubmissionStore, outbox: URL) {
        self.plan = plan
        self.store = store
        self.outbox = outbox
    }

    /// The merge over this store.
    var merge: YearMerge {
        let store = self.store
        return YearMerge(plan: plan, index: store.index, report: { try StoredReport.read(try store.original(sha256: $0)) })
    }

    /// `OUTBOX/YEAR/…`.
    func folder(_ year: Int, _ parts: String...) -> URL {
        parts.reduce(outbox.appendingPathComponent(String(year))) { $0.appendingPathComponent($1) }
    }
}
