import Foundation

/// The answer to one input file: its outcome, the submission's identity and
/// every diagnostic. Its JSON is the §9 result object.
/// Every §9 key is written, `null` where a value is unknown.
public struct Receipt: Sendable, Equatable, Codable {
    /// The name as found in the inbox.
    public var file: String
    public var sha256: String
    public var outcome: Outcome
    @ExplicitNull public var unit: String?
    @ExplicitNull public var year: Int?
    @ExplicitNull public var kind: ReportKind?
    @ExplicitNull public var id: String?
    /// `2026-11-14T16:02:11+07:00`.
    public var received: String
    public var late: Bool
    @ExplicitNull public var supersedes: String?
    public var diagnostics: [Diagnostic]
    /// How the file came: the inbox or the portal (nil: not a submission,
    /// e.g. `baocao check`; or a record older than the portal: the inbox).
    @ExplicitNull public var channel: Channel?
    /// The portal account that sent it.
    @ExplicitNull public var account: String?
    /// The secretariat's check, when the receipt is listed later (status,
    /// the portal); never stored in the ledger, which events complement.
    @ExplicitNull public var review: ReviewState?

    public init(file: String, sha256: String, outcome: Outcome, unit: String?, year: Int?, kind: ReportKind?, id: String?,
                received: String, late: Bool, supersedes: String?, diagnostics: [Diagnostic]) {
        self.file = file
        self.sha256 = sha256
        self.outcome = outcome
        self.unit = unit
        self.year = year
        self.kind = kind
        self.id = id
        self.received = received
        self.late = late
        self.supersedes = supersedes
        self.diagnostics = diagnostics
    }
}

/// The ways a file reaches the pipeline (§9 `channel`).
public enum Channel: String, Codable, Sendable, CaseIterable {
    case inbox
    case portal
}
