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
    /// Plan indicators over every task and unit (the indicator table, Annex II).
    public var indicators: [IndicatorOutcome]
    /// The units' own `x-` indicators: shown per unit, never aggregated.
    public var unitIndicators: [UnitIndicator]
    /// Totals by source in whole đồng, summed exactly; a source nobody
    /// reported is null (no data), never 0.
    public var funding: FundingTotals
    /// Every submission used, once each.
    public var submissions: [SourceRef]
    /// §9 `plans`: who has a detailed plan on file, who has not.
    public var plans: PlansOnFile
    /// §9 `slipped`: milestones of the detailed plans not met in the reports.
    public var slipped: [SlippedMilestone]
    /// Milestones whose month has ended (kept or slipped).
    public var milestonesDue: Int
    /// Where a merge keeps the units' month-by-month results (`tasks` then
    /// hold none): read them through `results(of:)`. Nil when `tasks` hold
    /// their own, as a merge without detail or a test leaves them.
    public var spill: ResultSpill? = nil

    private enum CodingKeys: String, CodingKey {
        case year, asOf, documents, reporting, tasks, indicators, unitIndicators, funding, submissions, plans, slipped, milestonesDue
    }

    /// Encodes every task with its results (read back from the spill).
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(year, forKey: .year)
        try container.encode(asOf, forKey: .asOf)
        try container.encode(documents, forKey: .documents)
        try container.encode(reporting, forKey: .reporting)
        try container.encode(tasks.map(withResults), forKey: .tasks)
        try container.encode(indicators, forKey: .indicators)
        try container.encode(unitIndicators, forKey: .unitIndicators)
        try container.encode(funding, forKey: .funding)
        try container.encode(submissions, forKey: .submissions)
        try container.encode(plans, forKey: .plans)
        try container.encode(slipped, forKey: .slipped)
        try container.encode(milestonesDue, forKey: .milestonesDue)
        try spill?.check()
    }

    /// A task's month-by-month results, by month then unit.
    public func results(of task: TaskOutcome) -> [ResultLine] {
        spill?.results(of: task.code) ?? task.results
    }

    /// The task with its results in it, as the `.json` writes it.
    public func withResults(_ task: TaskOutcome) -> TaskOutcome {
        guard spill != nil else { return task }
        var whole = task
        whole.results = results(of: task)
        return whole
    }

    /// Due tasks by where they stand, each counted once: an overdue task
    /// counts as overdue only, so the counts add up to the due tasks.
    public var statusCounts: StatusCounts {
        var counts = StatusCounts()
        for task in tasks where task.due { counts.add(task) }
        return counts
    }
}

/// Where the due tasks of a year stand, each counted once.
public struct StatusCounts: Sendable, Equatable {
    public private(set) var byStanding: [TaskStanding: Int] = [:]

    public init() {}

    public mutating func add(_ task: TaskOutcome) { byStanding[task.standing, default: 0] += 1 }

    public subscript(_ standing: TaskStanding) -> Int { byStanding[standing] ?? 0 }
    public var total: Int { byStanding.values.reduce(0, +) }
}

/// What the documents show for a task: the unit's word, or the pipeline's
/// own finding when it overrides it (overdue, not reported).
public enum TaskStanding: String, Sendable, CaseIterable {
    case completed
    case onSchedule = "on-schedule"
    case behindSchedule = "behind-schedule"
    case notStarted = "not-started"
    case overdue
    case notReported = "not-reported"
}

/// A lead unit's reporting state for a year.
public enum ReportingState: String, Codable, Sendable, CaseIterable {
    case onTime = "on-time"
    case late
    case missing
    /// Its report was returned by the secretariat and not yet replaced.
    case returned
}

/// The state of a task as the year's reports leave it: the lead unit's
/// word, or `not-reported`.
public enum TaskState: String, Codable, Sendable, CaseIterable {
    case completed
    case onSchedule = "on-schedule"
    case behindSchedule = "behind-schedule"
    case notStarted = "not-started"
    case notReported = "not-reported"

    public init(_ status: TaskStatus) {
        switch status {
        case .completed: self = .completed
        case .onSchedule: self = .onSchedule
        case .behindSchedule: self = .behindSchedule
        case .notStarted: self = .notStarted
        }
    }
}

/// Funding totals by source: every source is written, null where nobody
/// reported that source.
public struct FundingTotals: Codable, Sendable, Equatable {
    public var bySource: [FundingSource: Decimal]

    public init(_ bySource: [FundingSource: Decimal] = [:]) {
        self.bySource = bySource
    }

    public subscript(_ source: FundingSource) -> Decimal? { bySource[source] }

    /// The sum over the sources that have data; nil when none has.
    public var total: Decimal? { bySource.isEmpty ? nil : bySource.values.reduce(0, +) }
    public var isEmpty: Bool { bySource.isEmpty }

    mutating func add(_ source: FundingSource, _ amount: Decimal) { bySource[source, default: 0] += amount }
    mutating func add(_ other: FundingTotals) { for (source, amount) in other.bySource { add(source, amount) } }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: FundingKey.self)
        var amounts: [FundingSource: Decimal] = [:]
        for source in FundingSource.allCases {
            if let amount = try container.decodeIfPresent(Decimal.self, forKey: FundingKey(source)) { amounts[source] = amount }
        }
        bySource = amounts
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: FundingKey.self)
        for source in FundingSource.allCases {
            if let amount = bySource[source] { try container.encode(amount, forKey: FundingKey(source)) } else {
                try container.encodeNil(forKey: FundingKey(source))
            }
        }
    }

    private struct FundingKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ source: FundingSource) { stringValue = source.rawValue }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

/// A lead unit's reporting state for the year.
public struct ReportingEntry: Codable, Sendable, Equatable {
    public var unit: String
    public var name: String
    public var state: ReportingState
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
    public var status: TaskState
    @ExplicitNull public var progress: Int?
    /// The pipeline's own finding: a deadline the year's report could miss
    /// has passed, and no report of a later date has the task completed.
    public var overdue: Bool
    @ExplicitNull public var deadline: String?
    @ExplicitNull public var responsible: String?
    public var results: [ResultLine]
    public var products: [ProductLine]
    /// The indicators reported under this task, across its units.
    public var indicators: [TaskIndicator]
    public var difficulties: [UnitDifficulty]
    public var proposals: [UnitProposal]
    /// By source, whole đồng, summed exactly; only the sources reported.
    public var funding: [FundingSource: Decimal]
    /// Submission ids the task's figures came from (§9).
    public var sources: [String]
    /// The same sources with unit and SHA-256.
    public var provenance: [SourceRef]

    /// Where the documents place it: overdue and not reported override the unit's word.
    public var standing: TaskStanding {
        if overdue { return .overdue }
        switch status {
        case .completed: return .completed
        case .onSchedule: return .onSchedule
        case .behindSchedule: return .behindSchedule
        case .notStarted: return .notStarted
        case .notReported: return .notReported
        }
    }
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

/// A unit's difficulty on a task, with its kind.
public struct UnitDifficulty: Codable, Sendable, Equatable {
    public var unit: String
    public var task: String
    public var kind: DifficultyKind
    public var text: String
}

/// A unit's proposal on a task, with whom it addresses.
public struct UnitProposal: Codable, Sendable, Equatable {
    public var unit: String
    public var task: String
    public var to: ProposalAddressee
    public var text: String
}

/// An indicator as reported under one task: summed (or the latest) over
/// the units that reported it there.
public struct TaskIndicator: Codable, Sendable, Equatable {
    public var code: String
    public var name: String
    public var measure: String
    public var value: Decimal
    /// The target the units gave under this task, if any.
    @ExplicitNull public var target: Decimal?
    public var byUnit: [String: Decimal]
}

/// A plan indicator aggregated by its rule.
public struct IndicatorOutcome: Codable, Sendable, Equatable {
    public var code: String
    public var name: String
    public var measure: String
    public var aggregation: Aggregation
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
