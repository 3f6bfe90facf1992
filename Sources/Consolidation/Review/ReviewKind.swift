/// The two reviews across the years (report-format.md §1): the mid-term
/// review (sơ kết) in 2028 over 2026–2028, the final review (tổng kết) in
/// 2030 over 2026–2030.
public enum ReviewKind: String, Codable, Sendable, CaseIterable {
    case midterm
    case final

    /// The year the review is made, which is also its last year.
    public var year: Int { self == .midterm ? 2028 : 2030 }

    /// `midterm-review-2028`, `final-review-2030`.
    public var baseName: String { "\(rawValue)-review-\(year)" }

    /// Sơ kết / tổng kết, as the documents name the review.
    public var vietnameseName: String { self == .midterm ? "sơ kết" : "tổng kết" }
}
