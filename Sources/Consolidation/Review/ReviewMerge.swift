import Foundation
import ReportModel
import Store

/// Builds a `MultiYearReview` from the per-year merges: the review reuses
/// `YearMerge` for each year and only adds what is across the years.
public struct ReviewMerge {
    public var yearMerge: YearMerge

    public init(yearMerge: YearMerge) {
        self.yearMerge = yearMerge
    }

    public func merge(_ review: ReviewKind, asOf: CalendarDate) throws -> MultiYearReview {
        let plan = yearMerge.plan
        let years = plan.firstYear...min(review.year, plan.lastYear)
        var merged: [Int: YearConsolidation] = [:]
        for year in years {
            // A past year is judged as it stood at its end; the current one on `asOf`.
            let yearEnd = CalendarDate(year: year, month: 12, day: 31)
            merged[year] = try yearMerge.merge(year: year, asOf: min(asOf, yearEnd), detail: false)
        }
        let withoutData = years.filter { merged[$0]?.submissions.isEmpty ?? true }
        var fundingByYear: [Int: FundingTotals] = [:]
        var funding = FundingTotals()
        for year in years where !withoutData.contains(year) {
            let yearFunding = merged[year]?.funding ?? FundingTotals()
            fundingByYear[year] = yearFunding
            funding.add(yearFunding)
        }
        return MultiYearReview(
            review: review, firstYear: years.lowerBound, lastYear: years.upperBound, asOf: asOf.description, documents: [],
            years: merged, yearsWithoutData: withoutData,
            cumulative: cumulative(plan: plan, merged: merged, years: years),
            fundingByYear: fundingByYear, funding: funding,
            reportingRecord: reportingRecord(plan: plan, merged: merged, years: years),
            open: openTasks(plan: plan, merged: merged, years: years, asOf: asOf))
    }

    private func cumulative(plan: Plan, merged: [Int: YearConsolidation], years: ClosedRange<Int>) -> [CumulativeIndicator] {
        plan.indicators.map { definition in
            var byYear: [Int: Decimal?] = [:]
            var sources: [String] = []
            for year in years {
                let outcome = merged[year]?.indicators.first { $0.code == definition.code }
                byYear[year] = outcome?.value
                sources += outcome?.sources ?? []
            }
            let present = years.compactMap { year in byYear[year].flatMap { $0 }.map { (year, $0) } }
            let value: Decimal?
            var latestYear: Int?
            switch definition.aggregation {
            case .sum:
                value = present.isEmpty ? nil : present.reduce(0) { $0 + $1.1 }
            case .latest:
                value = present.last?.1
                latestYear = present.last?.0
            }
            let target: Decimal?
            if let planned = definition.target {
                target = planned.period == .perYear && definition.aggregation == .sum
                    ? planned.value * Decimal(years.count) : planned.value
            } else {
                target = nil
            }
            return CumulativeIndicator(code: definition.code, name: definition.name, measure: definition.measure,
                                       aggregation: definition.aggregation, value: value, target: target,
                                       byYear: byYear, latestYear: latestYear, sources: Array(Set(sources)).sorted())
        }
    }

    private func reportingRecord(plan: Plan, merged: [Int: YearConsolidation], years: ClosedRange<Int>) -> [UnitRecord] {
        plan.leadUnits.map { unit in
            var byYear: [Int: YearRecord] = [:]
            for year in years {
                byYear[year] = YearRecord(merged[year]?.reporting.first { $0.unit == unit.code }?.state)
            }
            return UnitRecord(unit: unit.code, name: unit.name, byYear: byYear)
        }
    }

    private func openTasks(plan: Plan, merged: [Int: YearConsolidation], years: ClosedRange<Int>, asOf: CalendarDate) -> [OpenTask] {
        plan.tasks.compactMap { task in
            var last: (year: Int, outcome: TaskOutcome)?
            var latestDue: TaskOutcome?
            for year in years {
                guard let outcome = merged[year]?.tasks.first(where: { $0.code == task.code }) else { continue }
                if outcome.due { latestDue = outcome }
                if outcome.status != .notReported { last = (year, outcome) }
            }
            if last?.outcome.status == .completed && task.schedule.kind == .oneOff { return nil }
            // Recurring tasks are open until the plan ends; one-off and
            // during-year tasks until reported completed.
            let deadline: CalendarDate? = {
                switch task.schedule.kind {
                case .oneOff: return task.schedule.deadline?.lastDay
                case .duringYear: return CalendarDate(year: task.schedule.to, month: 12, day: 31)
                default: return last?.outcome.status == .completed && task.schedule.to <= years.upperBound
                    ? nil : CalendarDate(year: task.schedule.to, month: 12, day: 31)
                }
            }()
            if task.schedule.kind == .duringYear && task.schedule.to > years.upperBound { return nil }
            guard let deadline else { return nil }
            return OpenTask(code: task.code, title: task.title, lead: task.lead,
                            lastStatus: last?.outcome.status ?? .notReported, lastReportedYear: last?.year,
                            progress: last?.outcome.progress, deadline: deadline.description,
                            overdue: asOf > deadline || latestDue?.overdue == true)
        }
    }
}
