import Foundation
import ReportModel

/// The data of a review: every year merged on its own, then indicators and
/// funding across the years (§9 `years` and `cumulative`).
public struct MultiYearReview: Codable, Sendable, Equatable {
    public var review: ReviewKind
    public var firstYear: Int
    public var lastYear: Int
    public var asOf: String
    public var documents: [String]
    /// Each year's merge, keyed by the year as text (`"2026"`).
    public var years: [String: YearConsolidation]
    /// Years for which no accepted report exists: shown as missing, never as zero.
    public var yearsWithoutData: [Int]
    public var cumulative: [CumulativeIndicator]
    /// Funding by year (`"2026"` → source → đồng) and in all.
    public var fundingByYear: [String: [String: Decimal]]
    public var funding: [String: Decimal]
    /// Each lead unit's state per year: `on-time`, `late`, `missing`, or
    /// `not-required` when it had no due task that year.
    public var reportingRecord: [UnitRecord]
    /// Tasks still open against the plan's deadlines on `asOf`.
    public var open: [OpenTask]

    public var yearRange: ClosedRange<Int> { firstYear...lastYear }
}

/// An indicator across the years, aggregated by its rule.
public struct CumulativeIndicator: Codable, Sendable, Equatable {
    public var code: String
    public var name: String
    public var measure: String
    public var aggregation: String
    /// `sum`: added across years; `latest`: the newest year's value. `nil`
    /// when no year has a value.
    @ExplicitNull public var value: Decimal?
    @ExplicitNull public var target: Decimal?
    /// One entry per year; `nil` for a year without a value.
    public var byYear: [String: Decimal?]
    /// The year `value` comes from, for `latest`.
    @ExplicitNull public var latestYear: Int?
    public var sources: [String]
}

/// One lead unit's reporting record across the years.
public struct UnitRecord: Codable, Sendable, Equatable {
    public var unit: String
    public var name: String
    public var byYear: [String: String]
}

/// A task not completed, with where it stands.
public struct OpenTask: Codable, Sendable, Equatable {
    public var code: String
    public var title: String
    public var lead: String
    /// The last known status and the year it was reported, if ever.
    public var lastStatus: String
    @ExplicitNull public var lastReportedYear: Int?
    @ExplicitNull public var progress: Int?
    @ExplicitNull public var deadline: String?
    public var overdue: Bool
}
