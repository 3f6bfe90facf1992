import ReportModel
import Store

/// Where consolidation gets a kept report: the one seam between the
/// documents and the bytes the store kept. The pipeline's `KeptReports`
/// reads the store's copy, checks its SHA-256 against the ledger and reads
/// it exactly as intake did; tests give reports they made.
public protocol ReportSource {
    /// The report of an accepted submission, as intake read it.
    func report(for record: LedgerRecord) throws -> Report
    /// The detailed plan of an accepted submission of kind `plan`.
    func plan(for record: LedgerRecord) throws -> DetailedPlan
}
