import ReportModel

/// What can be known of a file without the store: every check that does not
/// depend on other submissions. Inspections of different files are
/// independent, so they run in parallel; `SubmissionChecker.decide` then
/// adds the store's rules in intake order.
public struct Inspection: Sendable {
    public var file: IncomingFile
    /// Diagnostics found so far, in the order the checks ran.
    public var diagnostics: [Diagnostic]
    /// What the file holds, when the schema accepted it (the plan rules have
    /// run). Its narratives (the texts of results, products, difficulties
    /// and proposals) are empty: no check reads them, and the documents read
    /// them from the kept bytes (`StoredReport`).
    public var submitted: Submitted?
    /// The report, when it is one.
    public var report: Report? { if case .report(let report) = submitted { report } else { nil } }
    /// What the root element claims, even when the report is refused.
    public var claimed: ClaimedIdentity
}

/// The identity a report's root claims, read before the schema has spoken,
/// so a receipt can name the unit and the id of a refused report.
public struct ClaimedIdentity: Sendable, Equatable {
    public var unit: String?
    public var id: String?
    public var year: Int?
    public var kind: ReportKind?

    public init(unit: String? = nil, id: String? = nil, year: Int? = nil, kind: ReportKind? = nil) {
        self.unit = unit
        self.id = id
        self.year = year
        self.kind = kind
    }
}
