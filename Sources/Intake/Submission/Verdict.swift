import ReportModel

/// The outcome of checking one file, before anything is stored.
public struct Verdict: Sendable {
    public var receipt: Receipt
    /// The report as read, when the file was accepted.
    public var report: Report?

    public var outcome: Outcome { receipt.outcome }
}
