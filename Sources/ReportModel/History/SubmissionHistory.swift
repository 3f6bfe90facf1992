

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
    /// Whether a submission with these exact bytes was already accepted.
    func acceptedReceipt(sha256: String) -> Receipt?
    /// Tasks that an accepted annual report of a year before `year` marked
    /// `completed`: one-off tasks stop being due after that.
    func tasksCompleted(before year: Int) -> Set<String>
}

/// The history of a deployment that has accepted nothing yet.
public struct NoHistory: SubmissionHistory {
    public init() {}
    public func acceptedSHA256(forID id: String) -> String? { nil }
    public func hasAccepted(id: String, unit: String, year: Int, kind: ReportKind) -> Bool { false }
    public func acceptedReceipt(sha256: String) -> Receipt? { nil }
    public func tasksCompleted(before year: Int) -> Set<String> { [] }
}
