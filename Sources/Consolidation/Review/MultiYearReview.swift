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
    /// Each year's merge (figures, and the units' difficulties and proposals).
    public var years: [Int: YearConsolidation]
    /// Years for which no accepted report exists: shown as missing, never as zero.
    public var yearsWithoutData: [Int]
    public var cumulative: [CumulativeIndicator]
    /// Funding by year and in all; a year or source without data is null.
    public var fundingByYear: [Int: FundingTotals]
    public var funding: FundingTotals
    /// Each lead unit's state per year.
    public var reportingRecord: [UnitRecord]
    /// Tasks still open against the plan's deadlines on `asOf`.
    public var open: [OpenTask]

    public var yearRange: ClosedRange<Int> { firstYear...lastYear }

    /// The years with data, in order.
    public var yearsWithData: [Int] { yearRange.filter { !yearsWithoutData.contains($0) } }
}

/// An indicator across the years, aggregated by its rule.
public struct CumulativeIndicator: Codable, Sendable, Equatable {
    public var code: String
    public var name: String
    public var measure: String
    public var aggregation: Aggregation
    /// `sum`: added across years; `latest`: the newest year's value. `nil`
    /// when no year has a value.
    @ExplicitNull public var value: Decimal?
    @ExplicitNull public var target: Decimal?
    /// One entry per year; `nil` for a year without a value.
    public var byYear: [Int: Decimal?]
    /// The year `value` comes from, for `latest`.
    @ExplicitNull public var latestYear: Int?
    public var sources: [String]
}

/// One lead unit's reporting record across the years.
public struct UnitRecord: Codable, Sendable, Equatable {
    public var unit: String
    public var name: String
    public var byYear: [Int: YearRecord]
}

/// A lead unit's record for one year of a review.
public enum YearRecord: String, Codable, Sendable {
    case onTime = "on-time"
    case late
    case missing
    case returned
    /// It led no task due that year.
    case notRequired = "not-required"

    init(_ state: ReportingState?) {
        switch state {
        case .onTime: self = .onTime
        case .late: self = .late
        case .missing: self = .missing
        case .returned: self = .returned
        case nil: self = .notRequired
        }
    }
}

/// A task not completed, with where it stands.
public struct OpenTask: Codable, Sendable, Equatable {
    public var code: String
    public var title: String
    public var lead: String
    /// The last known status and the year it was reported, if ever.
    public var lastStatus: TaskState
    @ExplicitNull public var lastReportedYear: Int?
    @ExplicitNull public var progress: Int?
    @ExplicitNull public var deadline: String?
    /// Past its deadline, or overdue in the latest year it was due: never
    /// also "continuing".
    public var overdue: Bool
}
