import ReportModel

/// The outcome of checking one file, before anything is stored.
public struct Verdict: Sendable {
    public var receipt: Receipt
    /// What the file holds, when it was accepted: its narratives unread,
    /// as in `Inspection.submitted`.
    public var submitted: Submitted?
    /// The report as read, when the file was an accepted report.
    public var report: Report? { if case .report(let report) = submitted { report } else { nil } }

    public init(receipt: Receipt, submitted: Submitted?) {
        self.receipt = receipt
        self.submitted = submitted
    }

    public var outcome: Outcome { receipt.outcome }
}
