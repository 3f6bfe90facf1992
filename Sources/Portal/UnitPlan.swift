import Foundation
import Store
import Intake
import ReportModel

/// `GET /api/v1/plan?unit=U&year=Y`: what a unit must report for a year —
/// the tasks due from it (as lead, or as coordinator when it leads none),
/// each with its deadline and indicators — and the report's own deadline.
struct UnitPlan: Codable, Sendable {
    var unit: String
    var name: String
    var year: Int
    /// The report's deadline, ISO 8601 with the offset.
    var deadline: String
    /// Days from today to the deadline's day (negative once past).
    var daysLeft: Int
    var detailedPlanDeadline: String
    var tasks: [DueTask]

    struct DueTask: Codable, Sendable {
        var code: String
        var title: String
        var role: TaskRole
        /// The work's own deadline in this year (`YYYY-MM-DD`), if the plan sets one.
        var deadline: String?
        @ExplicitNull var daysLeft: Int?
        /// The plan's words for the schedule.
        var schedule: String
        var products: [String]
        var indicators: [DueIndicator]
    }

    struct DueIndicator: Codable, Sendable {
        var code: String
        var name: String
        var measure: String
        @ExplicitNull var target: Decimal?
    }

    init(plan: Plan, unit: String, year: Int, today: CalendarDate) {
        let calendar = plan.calendar
        let due = CalendarDate(year: year, month: calendar.unitReportDue.month, day: calendar.unitReportDue.day)
        self.unit = unit
        name = plan.unit(unit)?.name ?? unit
        self.year = year
        deadline = calendar.iso8601(calendar.unitReportDeadline(year: year))
        daysLeft = today.days(to: due)
        detailedPlanDeadline = calendar.iso8601(calendar.detailedPlanDeadline(year: year))
        tasks = ReportTemplate.tasks(plan: plan, unit: unit, year: year).map { task, role in
            let deadline = task.schedule.deadline(for: year)
            return DueTask(code: task.code, title: task.title, role: role, deadline: deadline?.description,
                           daysLeft: deadline.map { today.days(to: $0) }, schedule: task.schedule.text, products: task.products,
                           indicators: plan.indicators.filter { $0.tasks.contains(task.code) }.map {
                               DueIndicator(code: $0.code, name: $0.name, measure: $0.measure, target: $0.target?.value)
                           })
        }
    }
}
