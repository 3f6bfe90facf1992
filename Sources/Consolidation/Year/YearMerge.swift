import Foundation
import ReportModel
import Store
import SystemKit

/// Merges one year of the store into a `YearConsolidation`: for each lead
/// unit its newest accepted, non-superseded annual report; every plan task,
/// with the figures each task's reports gave under that task; indicators
/// by their aggregation; funding; the reporting state of each lead unit. A
/// pure function of the ledger and the kept reports.
public struct YearMerge {
    public var plan: Plan
    public var index: LedgerIndex
    /// The reports kept for accepted submissions.
    public var reports: any ReportSource

    public init(plan: Plan, index: LedgerIndex, reports: any ReportSource) {
        self.plan = plan
        self.index = index
        self.reports = reports
    }

    /// The year's merge. `kind: .adhoc` merges ad-hoc reports instead (kept
    /// apart: they never replace an annual one); `including` narrows the
    /// submissions, e.g. to those answering one request. Without `detail`,
    /// the units' month-by-month results and products are left out (what a
    /// review across the years does not need); their difficulties and
    /// proposals are kept. `each` sees every report used as it is read
    /// (whole), so a caller can write from it without reading it again.
    public func merge(year: Int, asOf: CalendarDate, kind: ReportKind = .annual, detail: Bool = true, approvedOnly: Bool = false,
                      including: (LedgerRecord) -> Bool = { _ in true },
                      each: (SourceRef, Report) throws -> Void = { _, _ in }) throws -> YearConsolidation {
        let status = ReportingStatus(plan: plan, index: index, year: year, asOf: asOf, approvedOnly: approvedOnly)
        let completedEarlier = index.tasksCompleted(before: year)
        // Reports used, in a fixed order (by unit code). Their results go
        // to the spill as each is read: a year of units' words is never held.
        let spill = detail ? try ResultSpill() : nil
        var used: [(SourceRef, Report)] = []
        let chosen = index.effective(year: year, kind: kind, approvedOnly: approvedOnly).sorted(by: { $0.key < $1.key })
            .filter { including($0.value) }
        // Read (and handed to `each`) a few at a time, one per core; merged in order.
        try forEachRead(chosen, each: each) { unit, source, report in
            var read = report
            for n in read.tasks.indices {
                spill?.append(unit: unit, task: read.tasks[n].code, results: read.tasks[n].results)
                read.tasks[n].results = []
                // Without detail, only figures and the units' words in brief.
                if !detail { read.tasks[n].products = [] }
            }
            used.append((source, read))
        }
        let earlierCompletion = completionSources(before: year)
        // Each task's entries, in the order of the reports and of their tasks:
        // one pass, not one pass over every report for each plan task.
        var entries: [String: [(SourceRef, TaskReport)]] = [:]
        for (source, report) in used {
            for entry in report.tasks { entries[entry.code, default: []].append((source, entry)) }
        }
        let tasks = plan.tasks.map { task in
            taskOutcome(task, year: year, asOf: asOf, reports: entries[task.code] ?? [], completedEarlier: completedEarlier,
                        earlierSource: earlierCompletion[task.code])
        }
        var funding = FundingTotals()
        for task in tasks {
            for (source, amount) in task.funding { funding.add(source, amount) }
        }
        let plans = kind == .annual ? try PlanFollowUp(plan: plan, index: index, year: year, asOf: asOf, sources: reports)
            : PlanFollowUp(plans: PlansOnFile(onFile: [], missing: []), slipped: [], due: 0)
        return YearConsolidation(
            year: year, asOf: asOf.description, documents: [],
            reporting: status.units.map {
                ReportingEntry(unit: $0.unit, name: $0.name, state: $0.state, received: $0.received,
                               submission: $0.submission, sha256: $0.sha256)
            },
            tasks: tasks,
            indicators: IndicatorMerge.aggregate(plan: plan, used: used),
            unitIndicators: IndicatorMerge.unitDefined(used: used),
            funding: funding,
            submissions: used.map(\.0),
            plans: plans.plans, slipped: plans.slipped, milestonesDue: plans.due, spill: spill)
    }

    /// Reads each chosen report and hands it to `each` (which writes the
    /// unit's own document), as many at once as there are cores: the two
    /// are most of a merge, and independent per unit. Then `merged` sees
    /// every report in the order given, and the first failure in that
    /// order is thrown. Four reports per core are taken at a time, so a core
    /// that finishes a short one takes the next instead of waiting for a
    /// long one; at most those are held besides.
    private func forEachRead(_ chosen: [(key: String, value: LedgerRecord)], each: (SourceRef, Report) throws -> Void,
                             merged: (String, SourceRef, Report) throws -> Void) throws {
        let width = 4 * max(1, ProcessInfo.processInfo.activeProcessorCount)
        var start = 0
        while start < chosen.count {
            let window = Array(chosen[start..<min(start + width, chosen.count)])
            // A report source only reads kept files, and `each` writes one file per report.
            let outcomes = Parallel.map(window.count) { n in
                let (unit, record) = window[n]
                let source = SourceRef(unit: unit, submission: record.receipt.id ?? "", sha256: record.receipt.sha256,
                                       received: record.receipt.received, late: record.receipt.late)
                let read = try reports.report(for: record)
                try each(source, read)
                return (source, read)
            }
            for (n, outcome) in outcomes.enumerated() {
                let (source, read) = try outcome.get()
                try merged(window[n].key, source, read)
            }
            start += width
        }
    }

    /// One plan task's outcome from `reports`, its entries in the year's reports.
    private func taskOutcome(_ task: PlanTask, year: Int, asOf: CalendarDate, reports: [(SourceRef, TaskReport)],
                             completedEarlier: Set<String>, earlierSource: SourceRef?) -> TaskOutcome {
        let lead = reports.first { $0.0.unit == task.lead && $0.1.role == .lead }
        let doneBefore = completedEarlier.contains(task.code)
        let completed = lead?.1.status == .completed || doneBefore
        var status = lead.map { TaskState($0.1.status) } ?? .notReported
        var provenance = reports.map(\.0)
        if lead == nil && doneBefore, let earlierSource {
            // A one-off task completed in an earlier year stays completed.
            status = .completed
            provenance.append(earlierSource)
        }
        var funding: [FundingSource: Decimal] = [:]
        for (_, entry) in reports {
            for item in entry.funding { funding[item.source, default: 0] += Decimal(item.amount) }
        }
        let due = plan.isDue(task, in: year, completedEarlier: completedEarlier)
        let reported = lead.flatMap { ReportingCalendar.epoch(iso: $0.0.received) }
            .map { plan.calendar.calendarDate(of: Date(timeIntervalSince1970: TimeInterval($0))) }
        let unique = Array(Set(provenance)).sorted()
        return TaskOutcome(
            code: task.code, group: task.group, title: task.title, lead: task.lead,
            due: due,
            status: status,
            progress: lead?.1.progress ?? (status == .completed ? 100 : nil),
            overdue: due && plan.isOverdue(task, year: year, completed: completed, reported: reported, asOf: asOf),
            deadline: task.schedule.deadline(for: year)?.description,
            responsible: lead?.1.responsible,
            results: [],  // in the spill, or dropped without detail
            products: reports.flatMap { source, entry in
                entry.products.map { ProductLine(unit: source.unit, date: $0.date?.description, file: $0.file, text: $0.text) }
            },
            indicators: IndicatorMerge.underTask(plan: plan, reports: reports),
            difficulties: reports.flatMap { source, entry in
                entry.difficulties.map { UnitDifficulty(unit: source.unit, task: task.code, kind: $0.kind, text: $0.text) }
            },
            proposals: reports.flatMap { source, entry in
                entry.proposals.map { UnitProposal(unit: source.unit, task: task.code, to: $0.to, text: $0.text) }
            },
            funding: funding,
            sources: unique.map(\.submission),
            provenance: unique)
    }

    /// For one-off tasks completed in an earlier year: the submission that said so.
    private func completionSources(before year: Int) -> [String: SourceRef] {
        var found: [String: SourceRef] = [:]
        for record in index.acceptedRecords where record.receipt.kind == .annual && (record.receipt.year ?? .max) < year
            && !index.isSuperseded(record) {
            for code in record.completedTasks where found[code] == nil {
                found[code] = SourceRef(unit: record.receipt.unit ?? "", submission: record.receipt.id ?? "",
                                        sha256: record.receipt.sha256, received: record.receipt.received, late: record.receipt.late)
            }
        }
        return found
    }
}
