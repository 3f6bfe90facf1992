import Foundation
import ReportModel

extension ReportDraft {
    /// A new draft from the plan alone: each task the unit must report (as
    /// lead, or as coordinator when it leads none), with the plan's
    /// indicators for it and one empty row of each list to fill.
    public static func fresh(plan: Plan, unit: String, year: Int, kind: ReportKind, id: String) -> ReportDraft {
        let tasks = ReportTemplate.tasks(plan: plan, unit: unit, year: year).map { task, role in
            var fields = TaskFields(code: task.code, role: role)
            fields.indicators = plan.indicators.filter { $0.tasks.contains(task.code) }.map { IndicatorFields(code: $0.code) }
            fields.results = [MonthText()]
            return fields
        }
        return ReportDraft(unit: unit, year: year, kind: kind, id: id, tasks: tasks)
    }

    /// Every field of `report`, as the form shows it (an exact round trip
    /// through `DraftDocument`).
    public init(report: Report, version: Int = 0) {
        let tasks = report.tasks.map { task in
            var fields = TaskFields(code: task.code, role: task.role)
            fields.status = task.status.rawValue
            fields.progress = String(task.progress)
            fields.responsible = task.responsible
            fields.results = task.results.map { MonthText(month: $0.month.description, text: $0.text) }
            fields.indicators = task.indicators.map {
                IndicatorFields(code: $0.code, actual: "\($0.actual)", target: $0.target.map { "\($0)" } ?? "",
                                name: $0.name ?? "", measure: $0.measure ?? "")
            }
            fields.products = task.products.map { ProductFields(text: $0.text, date: $0.date?.description ?? "") }
            fields.difficulties = task.difficulties.map { KindText(kind: $0.kind.rawValue, text: $0.text) }
            fields.proposals = task.proposals.map { KindText(kind: $0.to.rawValue, text: $0.text) }
            fields.funding = task.funding.map { FundingFields(source: $0.source.rawValue, amount: String($0.amount)) }
            return fields
        }
        self.init(unit: report.unit, year: report.year, kind: report.kind, id: report.id, supersedes: report.supersedes,
                  preparer: PreparerFields(name: report.preparer.name, position: report.preparer.position ?? "",
                                           email: report.preparer.email ?? "", phone: report.preparer.phone ?? ""),
                  tasks: tasks, version: version)
    }

    /// This year's draft started from last year's report: the same tasks
    /// (those still due), people in charge, indicators and the preparer;
    /// what happened this year is left to fill.
    public static func from(lastYear report: Report, plan: Plan, year: Int, id: String) -> ReportDraft {
        var draft = fresh(plan: plan, unit: report.unit, year: year, kind: .annual, id: id)
        draft.preparer = PreparerFields(name: report.preparer.name, position: report.preparer.position ?? "",
                                        email: report.preparer.email ?? "", phone: report.preparer.phone ?? "")
        for index in draft.tasks.indices {
            guard let before = report.tasks.first(where: { $0.code == draft.tasks[index].code }) else { continue }
            draft.tasks[index].responsible = before.responsible
            for indicator in before.indicators where !draft.tasks[index].indicators.contains(where: { $0.code == indicator.code }) {
                draft.tasks[index].indicators.append(IndicatorFields(code: indicator.code))
            }
            for (i, indicator) in draft.tasks[index].indicators.enumerated() {
                if let target = before.indicators.first(where: { $0.code == indicator.code })?.target {
                    draft.tasks[index].indicators[i].target = "\(target)"
                }
            }
        }
        return draft
    }

    /// The annual report's draft started from the unit's detailed plan for
    /// the year: people in charge, targets, and a row for each planned month.
    public static func from(detailedPlan: DetailedPlan, plan: Plan, id: String) -> ReportDraft {
        var draft = fresh(plan: plan, unit: detailedPlan.unit, year: detailedPlan.year, kind: .annual, id: id)
        draft.preparer = PreparerFields(name: detailedPlan.preparer.name, position: detailedPlan.preparer.position ?? "",
                                        email: detailedPlan.preparer.email ?? "", phone: detailedPlan.preparer.phone ?? "")
        for index in draft.tasks.indices {
            guard let planned = detailedPlan.tasks.first(where: { $0.code == draft.tasks[index].code }) else { continue }
            draft.tasks[index].responsible = planned.responsible
            draft.tasks[index].results = planned.milestones.map { MonthText(month: $0.month.description) }
            for indicator in planned.indicators {
                if let i = draft.tasks[index].indicators.firstIndex(where: { $0.code == indicator.code }) {
                    draft.tasks[index].indicators[i].target = "\(indicator.actual)"
                } else {
                    draft.tasks[index].indicators.append(IndicatorFields(code: indicator.code, target: "\(indicator.actual)"))
                }
            }
        }
        return draft
    }

    /// A correction of the sent draft: the same content, a new `@id`, `@supersedes` the one sent.
    public func correction(id: String) -> ReportDraft {
        var next = self
        next.supersedes = sent?.id ?? self.id
        next.id = id
        next.sent = nil
        next.version += 1
        return next
    }
}
