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
    public var funding: [String: Int64]
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
    public var received: String?
    public var submission: String?
    public var sha256: String?
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
    public var progress: Int?
    /// The pipeline's own finding: a deadline passed and the task not completed.
    public var overdue: Bool
    public var deadline: String?
    public var responsible: String?
    public var results: [ResultLine]
    public var products: [ProductLine]
    public var difficulties: [UnitText]
    public var proposals: [UnitText]
    /// By source, whole đồng.
    public var funding: [String: Int64]
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
    public var value: Decimal?
    public var target: Decimal?
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

// §9 names these fields as required: every key is written, `null` where
// there is no value (the synthesized encoders would leave the key out).

extension ReportingEntry {
    private enum Keys: String, CodingKey { case unit, name, state, received, submission, sha256 }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(unit, forKey: .unit)
        try c.encode(name, forKey: .name)
        try c.encode(state, forKey: .state)
        try c.encode(received, forKey: .received)
        try c.encode(submission, forKey: .submission)
        try c.encode(sha256, forKey: .sha256)
    }
}

extension TaskOutcome {
    private enum Keys: String, CodingKey {
        case code, group, title, lead, due, status, progress, overdue, deadline, responsible, results, products
        case difficulties, proposals, funding, sources, provenance
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(code, forKey: .code)
        try c.encode(group, forKey: .group)
        try c.encode(title, forKey: .title)
        try c.encode(lead, forKey: .lead)
        try c.encode(due, forKey: .due)
        try c.encode(status, forKey: .status)
        try c.encode(progress, forKey: .progress)
        try c.encode(overdue, forKey: .overdue)
        try c.encode(deadline, forKey: .deadline)
        try c.encode(responsible, forKey: .responsible)
        try c.encode(results, forKey: .results)
        try c.encode(products, forKey: .products)
        try c.encode(difficulties, forKey: .difficulties)
        try c.encode(proposals, forKey: .proposals)
        try c.encode(funding, forKey: .funding)
        try c.encode(sources, forKey: .sources)
        try c.encode(provenance, forKey: .provenance)
    }
}

extension IndicatorOutcome {
    private enum Keys: String, CodingKey { case code, name, measure, aggregation, value, target, byUnit, sources, provenance }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(code, forKey: .code)
        try c.encode(name, forKey: .name)
        try c.encode(measure, forKey: .measure)
        try c.encode(aggregation, forKey: .aggregation)
        try c.encode(value, forKey: .value)
        try c.encode(target, forKey: .target)
        try c.encode(byUnit, forKey: .byUnit)
        try c.encode(sources, forKey: .sources)
        try c.encode(provenance, forKey: .provenance)
    }
}
