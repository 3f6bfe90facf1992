

/// What the rules need to know of submissions already accepted.
///
/// The store's ledger answers it during `ingest`; `check` without a store
/// uses `NoHistory`, and the store-dependent rules then stay silent.
public protocol SubmissionHistory: Sendable {
    /// The SHA-256 of the accepted submission with this `@id`, if any.
    func acceptedSHA256(forID id: String) -> String?
    /// Whether an accepted (possibly since superseded) submission of this
    /// unit, year and kind has this `@id`.
    func hasAccepted(id: String, unit: String, year: Int, kind: ReportKind) -> Bool
    /// The identity of the submission accepted with these exact bytes, if any.
    func acceptedSubmission(sha256: String) -> AcceptedSubmission?
    /// Tasks that an accepted annual report of a year before `year` marked
    /// `completed`: one-off tasks stop being due after that.
    func tasksCompleted(before year: Int) -> Set<String>
}

/// The history of a deployment that has accepted nothing yet.
public struct NoHistory: SubmissionHistory {
    public init() {}
    public func acceptedSHA256(forID id: String) -> String? { nil }
    public func hasAccepted(id: String, unit: String, year: Int, kind: ReportKind) -> Bool { false }
    public func acceptedSubmission(sha256: String) -> AcceptedSubmission? { nil }
    public func tasksCompleted(before year: Int) -> Set<String> { [] }
}

/// What the store remembers of an accepted submission: enough to answer a
/// byte-identical retry with the same identity.
public struct AcceptedSubmission: Sendable, Equatable {
    public var sha256: String
    public var unit: String?
    public var year: Int?
    public var kind: ReportKind?
    public var id: String?
    public var late: Bool
    public var supersedes: String?

    public init(sha256: String, unit: String?, year: Int?, kind: ReportKind?, id: String?, late: Bool, supersedes: String?) {
        self.sha256 = sha256
        self.unit = unit
        self.year = year
        self.kind = kind
        self.id = id
        self.late = late
        self.supersedes = supersedes
    }

    /// The identity a receipt gives.
    public init(_ receipt: Receipt) {
        self.init(sha256: receipt.sha256, unit: receipt.unit, year: receipt.year, kind: receipt.kind, id: receipt.id, late: receipt.late,
                  supersedes: receipt.supersedes)
    }
}
