/// The secretariat's check of one accepted submission (report-format.md
/// §7a, Decree 30/2020 art. 21): approved (thẩm định, đạt) or returned to
/// the unit with reasons (trả lại). Events are appended and never
/// rewritten; the latest one for a submission decides its state, so an
/// approval after a return undoes the return.
public struct ReviewEvent: Codable, Sendable, Equatable {
    /// 1, 2, 3… in the order events became durable.
    public var sequence: Int
    public var action: ReviewAction
    /// The submission: its SHA-256, `@id`, unit and year.
    public var sha256: String
    public var id: String?
    public var unit: String?
    public var year: Int?
    /// When, ISO 8601 with the plan's offset.
    public var at: String
    /// Who: the OS user for the command line, the account for the portal.
    public var by: String
    /// Why it was returned (a return always has reasons).
    public var reasons: [String]
    /// The date by which to send it again (`YYYY-MM-DD`).
    public var resendBy: String?

    public init(sequence: Int, action: ReviewAction, sha256: String, id: String?, unit: String?, year: Int?, at: String, by: String,
                reasons: [String] = [], resendBy: String? = nil) {
        self.sequence = sequence
        self.action = action
        self.sha256 = sha256
        self.id = id
        self.unit = unit
        self.year = year
        self.at = at
        self.by = by
        self.reasons = reasons
        self.resendBy = resendBy
    }

    /// What a receipt listed later carries (§9 `review`).
    public var state: ReviewState {
        ReviewState(state: action, at: at, by: by, reason: reasons.isEmpty ? nil : reasons.joined(separator: "; "), resendBy: resendBy)
    }
}

/// What the secretariat did.
public enum ReviewAction: String, Codable, Sendable, CaseIterable {
    case approved
    case returned
}

/// §9's `review` object: `{ "state": "approved|returned", "at", "by", "reason" }`.
public struct ReviewState: Codable, Sendable, Equatable {
    public var state: ReviewAction
    public var at: String
    public var by: String
    @ExplicitNull public var reason: String?
    @ExplicitNull public var resendBy: String?

    public init(state: ReviewAction, at: String, by: String, reason: String?, resendBy: String?) {
        self.state = state
        self.at = at
        self.by = by
        self.reason = reason
        self.resendBy = resendBy
    }
}
