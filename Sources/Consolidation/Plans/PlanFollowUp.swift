import Foundation
import ReportModel
import Store

/// The units' detailed plans for a year, followed against their reports
/// (§5a): who has one on file, who has not, and which milestones slipped —
/// a milestone whose month has ended, for which the unit's latest accepted
/// report of that year gives no result of that month.
public struct PlanFollowUp: Codable, Sendable, Equatable {
    /// §9 `plans`.
    public var plans: PlansOnFile
    /// §9 `slipped`.
    public var slipped: [SlippedMilestone]
    /// Milestones whose month has ended, kept or slipped: what the reviews count.
    public var due: Int
}

/// §9: `{ "onFile": [ "CVT" ], "missing": [ "HVCL" ] }`.
public struct PlansOnFile: Codable, Sendable, Equatable {
    /// Units with an accepted (not returned) detailed plan for the year, in registry order.
    public var onFile: [String]
    /// Lead units that must report that year and have no detailed plan on file.
    public var missing: [String]
}

/// One slipped milestone (chậm so với kế hoạch chi tiết).
public struct SlippedMilestone: Codable, Sendable, Equatable {
    public var task: String
    public var unit: String
    /// `YYYY-MM`.
    public var month: String
    /// The plan's own words.
    public var milestone: String
    /// The plan's `@id`.
    public var plan: String
}

extension PlanFollowUp {
    public init(plan: Plan, index: LedgerIndex, year: Int, asOf: CalendarDate, sources: any ReportSource) throws {
        let onFile = index.effective(year: year, kind: .plan)
        let reports = index.effective(year: year)
        let required = plan.unitsRequired(in: year, completedEarlier: index.tasksCompleted(before: year))
        var slipped: [SlippedMilestone] = []
        var due = 0
        for unit in plan.units {
            guard let record = onFile[unit.code] else { continue }
            let detailed = try sources.plan(for: record)
            let report = try reports[unit.code].map { try sources.report(for: $0) }
            for task in detailed.tasks {
                let results = Set(report?.tasks.filter { $0.code == task.code }.flatMap { $0.results.map(\.month) } ?? [])
                for milestone in task.milestones where milestone.month.lastDay < asOf {
                    due += 1
                    guard !results.contains(milestone.month) else { continue }
                    slipped.append(SlippedMilestone(task: task.code, unit: unit.code, month: milestone.month.description,
                                                    milestone: milestone.text, plan: detailed.id))
                }
            }
        }
        self.init(plans: PlansOnFile(onFile: plan.units.map(\.code).filter { onFile[$0] != nil },
                                     missing: required.map(\.code).filter { onFile[$0] == nil }),
                  slipped: slipped, due: due)
    }
}
