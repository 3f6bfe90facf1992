import Foundation
import ReportModel
import XMLKit

/// Reads the plan definition file, after `plan.xsd` has accepted it.
enum PlanLoader {
    static func load(from url: URL, schema: XMLSchema) throws(ResourceError) -> Plan {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ResourceError(file: url.path, problems: ["cannot read the plan file"])
        }
        let document: XMLTree
        do {
            document = try XMLTree.parse([UInt8](data))
        } catch {
            throw ResourceError(file: url.path, problems: error.problems.map { "\($0.line ?? 0): \($0.message)" })
        }
        let problems = schema.validate(document)
        guard problems.isEmpty, let root = document.rootElement() else {
            throw ResourceError(file: url.path, problems: problems.map { "\($0.line ?? 0): \($0.message)" })
        }
        let plan = read(root)
        let inconsistencies = consistencyProblems(plan)
        guard inconsistencies.isEmpty else { throw ResourceError(file: url.path, problems: inconsistencies) }
        return plan
    }

    /// What the schema cannot say: years in order, schedules inside the
    /// plan, a deadline on every one-off task, a year on every by-year target.
    static func consistencyProblems(_ plan: Plan) -> [String] {
        guard plan.firstYear <= plan.lastYear else { return ["firstYear \(plan.firstYear) is after lastYear \(plan.lastYear)"] }
        var found: [String] = []
        for task in plan.tasks {
            let schedule = task.schedule
            if schedule.from > schedule.to || !plan.years.contains(schedule.from) || !plan.years.contains(schedule.to) {
                found.append("task \(task.code): schedule \(schedule.from)–\(schedule.to) is not within the plan's years")
            }
            if schedule.kind == .oneOff && schedule.deadline == nil {
                found.append("task \(task.code): a one-off task needs a deadline")
            }
        }
        for indicator in plan.indicators where indicator.target?.period == .byYear && indicator.target?.year == nil {
            found.append("indicator \(indicator.code): a by-year target needs its year")
        }
        return found
    }

    /// The schema vouches for shape and formats; this only maps names to values.
    static func read(_ root: XMLElementNode) -> Plan {
        let calendar = root.child(named: "calendar")?.attributes ?? [:]
        let ministry = root.child(named: "ministry")?.attributes ?? [:]
        return Plan(
            id: root.attributes["id"] ?? "",
            title: root.child(named: "title")?.trimmedText ?? "",
            firstYear: Int(root.attributes["firstYear"] ?? "") ?? 0,
            lastYear: Int(root.attributes["lastYear"] ?? "") ?? 0,
            calendar: ReportingCalendar(
                utcOffsetSeconds: offsetSeconds(calendar["utcOffset"] ?? "+07:00"),
                timeZoneName: calendar["timeZone"] ?? "",
                unitReportDue: MonthDay(iso: calendar["unitReportDue"] ?? "") ?? MonthDay(month: 11, day: 15),
                ministrySummaryDue: MonthDay(iso: calendar["ministrySummaryDue"] ?? "") ?? MonthDay(month: 12, day: 1),
                primeMinisterReportDue: MonthDay(iso: calendar["primeMinisterReportDue"] ?? "") ?? MonthDay(month: 12, day: 15),
                detailedPlanDue: MonthDay(iso: calendar["detailedPlanDue"] ?? "") ?? MonthDay(month: 1, day: 31)),
            ministry: Ministry(name: ministry["name"] ?? "", heading: ministry["heading"] ?? ""),
            secretariat: root.child(named: "secretariat")?.attributes["unit"] ?? "",
            units: (root.child(named: "units")?.children(named: "unit") ?? []).map {
                Unit(code: $0.attributes["code"] ?? "", name: $0.attributes["name"] ?? "")
            },
            groups: (root.child(named: "groups")?.children(named: "group") ?? []).map {
                PlanGroup(code: $0.attributes["code"] ?? "", title: $0.attributes["title"] ?? "", parent: $0.attributes["parent"])
            },
            tasks: (root.child(named: "tasks")?.children(named: "task") ?? []).map(readTask),
            indicators: (root.child(named: "indicators")?.children(named: "indicator") ?? []).map(readIndicator))
    }

    private static func readTask(_ task: XMLElementNode) -> PlanTask {
        let coordinating = task.child(named: "coordinating")
        let schedule = task.child(named: "schedule")
        let attributes = schedule?.attributes ?? [:]
        return PlanTask(
            code: task.attributes["code"] ?? "",
            group: task.attributes["group"] ?? "",
            title: task.child(named: "title")?.trimmedText ?? "",
            lead: task.attributes["lead"] ?? "",
            coordinating: CoordinatingUnits(
                units: (coordinating?.children(named: "unitRef") ?? []).compactMap { $0.attributes["code"] },
                isOpen: coordinating?.attributes["open"] == "true" || coordinating?.attributes["open"] == "1",
                others: coordinating?.child(named: "others")?.trimmedText),
            products: (task.child(named: "products")?.children(named: "product") ?? []).map(\.trimmedText),
            schedule: Schedule(
                kind: Schedule.Kind(rawValue: attributes["kind"] ?? "") ?? .continuous,
                from: Int(attributes["from"] ?? "") ?? 0,
                to: Int(attributes["to"] ?? "") ?? 0,
                deadline: attributes["deadline"].flatMap { YearMonth(iso: $0) },
                yearlyDeadline: attributes["yearlyDeadline"].flatMap { MonthDay(iso: $0) },
                text: schedule?.trimmedText ?? ""))
    }

    private static func readIndicator(_ indicator: XMLElementNode) -> IndicatorDefinition {
        let target = indicator.child(named: "target")
        return IndicatorDefinition(
            code: indicator.attributes["code"] ?? "",
            name: indicator.attributes["name"] ?? "",
            measure: indicator.attributes["measure"] ?? "",
            aggregation: Aggregation(rawValue: indicator.attributes["aggregation"] ?? "") ?? .sum,
            tasks: indicator.children(named: "taskRef").compactMap { $0.attributes["code"] },
            target: target.map {
                IndicatorTarget(value: ReportReader.decimal($0.attributes["value"]) ?? 0,
                                period: IndicatorTarget.Period(rawValue: $0.attributes["period"] ?? "") ?? .perYear,
                                year: $0.attributes["year"].flatMap { Int($0) })
            })
    }

    /// `+07:00` → 25200.
    static func offsetSeconds(_ text: String) -> Int {
        let sign = text.hasPrefix("-") ? -1 : 1
        let digits = text.dropFirst().split(separator: ":").compactMap { Int($0) }
        guard digits.count == 2 else { return 25_200 }
        return sign * (digits[0] * 3600 + digits[1] * 60)
    }
}
