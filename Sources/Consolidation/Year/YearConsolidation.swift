import Foundation
import ReportModel

/// The merged data of one year: what the ministry summary and the Prime
/// Minister report say, and the `.json` written beside them (§9).
public struct YearConsolidation: Codable, Sendable, Equatable {
    public var year: Int
    public var asOf: String
    public var documents: [String]
    public var reporting: [ReportingEntry]
    public var tasks: [TaskOutcome]
    public var indicators: [IndicatorOutcome]
    /// The units' own `x-` indicators: shown per unit, never aggregated.
    public var unitIndicators: [UnitIndicator]
    /// Totals by source in whole đồng: `state-budget`, `sponsorship`, `other`.
    /// Summed exactly (decimal, never wrapping): amounts are at most 10^15
    /// each, and no count of them can overflow.
    public var funding: [String: Decimal]
    /// Every submission used, once each.
    public var submissions: [SourceRef]

    /// Tasks per status label, for the chart: completed, on-schedule,
    /// behind-schedule, not-started, not-reported; overdue counted apart.
    public var statusCounts: [String: Int] {
        var counts: [String: Int] = [:]
        for task in tasks where task.due { counts[task.status, default: 0] += 1 }
        counts["overdue"] = tasks.filter(\.overdue).count
        return counts
    }
}

/// A lead unit's reporting state for the year.
public struct ReportingEntry: Codable, Sendable, Equatable {
    public var unit: String
    public var name: String
    /// `on-time`, `late` or `missing`.
    public var state: String
    @ExplicitNull public var received: String?
    @ExplicitNull public var submission: String?
    @ExplicitNull public var sha256: String?
}

/// One plan task as the year's reports leave it.
public struct TaskOutcome: Codable, Sendable, Equatable {
    public var code: String
    public var group: String
    public var title: String
    public var lead: String
    /// Whether the task had to be reported on this year.
    public var due: Bool
    /// The lead unit's word, or `not-reported`.
    public var status: String
    @ExplicitNull public var progress: Int?
    /// The pipeline's own finding: a deadline passed and the task not completed.
    public var overdue: Bool
    @ExplicitNull public var deadline: String?
    @ExplicitNull public var responsible: String?
    public var results: [ResultLine]
    public var products: [ProductLine]
    public var difficulties: [UnitText]
    public var proposals: [UnitText]
    /// By source, whole đồng, summed exactly.
    public var funding: [String: Decimal]
    /// Submission ids the task's figures came from (§9).
    public var sources: [String]
    /// The same sources with unit and SHA-256.
    public var provenance: [SourceRef]
}

public struct ResultLine: Codable, Sendable, Equatable {
    public var month: String
    public var unit: String
    public var text: String
}

public struct ProductLine: Codable, Sendable, Equatable {
    public var unit: String
    public var date: String?
    public var file: String?
    public var text: String
}

/// A unit's text (a difficulty, a proposal) with the unit that wrote it.
public struct UnitText: Codable, Sendable, Equatable {
    public var unit: String
    public var task: String
    public var text: String
}

/// A plan indicator aggregated by its rule.
public struct IndicatorOutcome: Codable, Sendable, Equatable {
    public var code: String
    public var name: String
    public var measure: String
    public var aggregation: String
    /// `nil` when no unit reported it: missing, never zero.
    @ExplicitNull public var value: Decimal?
    @ExplicitNull public var target: Decimal?
    public var byUnit: [String: Decimal]
    public var sources: [String]
    public var provenance: [SourceRef]
}

/// A unit's own indicator (`x-…`).
public struct UnitIndicator: Codable, Sendable, Equatable {
    public var unit: String
    public var task: String
    public var code: String
    public var name: String
    public var measure: String
    public var value: Decimal
    public var source: SourceRef
}
