import Foundation
import ReportModel
import XMLKit

/// A report skeleton for one unit and year: the tasks it leads that are due,
/// each with its plan indicators, ready to fill in. A unit that leads no due
/// task gets the tasks it coordinates instead (`role="coordinating"`). Valid
/// as it stands, so a clerk can `check` it at every step of filling it.
public enum ReportTemplate {
    public static let namespace = "urn:baocao:unit-report:1"

    /// The placeholder texts the template fills in, for the clerk to
    /// replace; a report still holding one gets `TEMPLATE_TEXT`.
    public enum Placeholder {
        public static let preparerName = "Họ và tên người lập báo cáo"
        public static let preparerPosition = "Chức vụ"
        /// Followed by the task's code.
        public static let responsiblePrefix = "Họ và tên cá nhân chủ trì nhiệm vụ"
        /// A detailed plan's milestone, to be written for each month that counts.
        public static let milestone = "Kết quả dự kiến đạt được trong tháng"

        /// Whether `text` is one of the placeholders (or the person-in-charge
        /// one for any task), whatever the spacing.
        public static func matches(_ text: String) -> Bool {
            // Most text is not a placeholder: its first word says so without splitting it all.
            let start = text.drop(while: \.isWhitespace)
            guard firstWords.contains(where: { start.hasPrefix($0) }) else { return false }
            let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            return words == preparerName || words == preparerPosition || words.hasPrefix(responsiblePrefix) || words.hasPrefix(milestone)
        }

        private static let firstWords = [preparerName, preparerPosition, responsiblePrefix, milestone].map {
            String($0.prefix { !$0.isWhitespace })
        }
    }

    /// The tasks a template for `unit` holds, and the role it reports them in;
    /// empty when the unit has nothing to report in `year`.
    public static func tasks(plan: Plan, unit: String, year: Int, completedEarlier: Set<String> = []) -> [(PlanTask, TaskRole)] {
        let led = plan.dueTasks(of: unit, in: year, completedEarlier: completedEarlier)
        if !led.isEmpty { return led.map { ($0, .lead) } }
        return plan.tasks.filter { $0.lead != unit && $0.coordinating.units.contains(unit) && $0.schedule.isActive(in: year) }
            .map { ($0, .coordinating) }
    }

    /// A detailed-plan skeleton (§5a): each task with one milestone a
    /// quarter and its plan indicators with a target of 0, to fill in.
    public static func planXML(plan: Plan, unit: String, year: Int, completedEarlier: Set<String> = []) throws -> Data {
        let writer = try XMLWriter()
        try writer.startDocument()
        try writer.startElement("detailed-plan", namespace: namespace)
        try writer.attribute("id", value: "\(unit)-\(year)-plan-01")
        try writer.attribute("plan", value: plan.id)
        try writer.attribute("unit", value: unit)
        try writer.attribute("year", value: String(year))
        try writer.text("\n  ")
        try writer.startElement("preparer")
        try writer.attribute("name", value: Placeholder.preparerName)
        try writer.attribute("position", value: Placeholder.preparerPosition)
        try writer.endElement()
        for (task, role) in tasks(plan: plan, unit: unit, year: year, completedEarlier: completedEarlier) {
            try writer.text("\n  ")
            try writer.startElement("task")
            try writer.attribute("code", value: task.code)
            if role == .coordinating { try writer.attribute("role", value: role.rawValue) }
            try writer.text("\n    ")
            try writer.startElement("responsible")
            try writer.text("\(Placeholder.responsiblePrefix) \(task.code)")
            try writer.endElement()
            for month in [3, 6, 9, 12] {
                try writer.text("\n    ")
                try writer.startElement("milestone")
                try writer.attribute("month", value: YearMonth(year: year, month: month).description)
                try writer.text("\(Placeholder.milestone) \(month)/\(year)")
                try writer.endElement()
            }
            for indicator in plan.indicators where indicator.tasks.contains(task.code) {
                try writer.text("\n    ")
                try writer.startElement("indicator")
                try writer.attribute("code", value: indicator.code)
                try writer.attribute("target", value: "0")
                try writer.endElement()
            }
            try writer.text("\n    ")
            try writer.comment(" Kinh phí dự kiến, nếu có (planned funding): <funding source=\"state-budget|sponsorship|other\" amount=\"…\"/> ")
            try writer.text("\n  ")
            try writer.endElement()
        }
        try writer.text("\n")
        try writer.endElement()
        return try writer.finish()
    }

    public static func xml(plan: Plan, unit: String, year: Int, completedEarlier: Set<String> = []) throws -> Data {
        let writer = try XMLWriter()
        try writer.startDocument()
        try writer.startElement("report", namespace: namespace)
        try writer.attribute("id", value: "\(unit)-\(year)-annual-01")
        try writer.attribute("plan", value: plan.id)
        try writer.attribute("unit", value: unit)
        try writer.attribute("year", value: String(year))
        try writer.attribute("kind", value: ReportKind.annual.rawValue)
        try writer.text("\n  ")
        try writer.startElement("preparer")
        try writer.attribute("name", value: Placeholder.preparerName)
        try writer.attribute("position", value: Placeholder.preparerPosition)
        try writer.attribute("email", value: "")
        try writer.attribute("phone", value: "")
        try writer.endElement()
        for (task, role) in tasks(plan: plan, unit: unit, year: year, completedEarlier: completedEarlier) {
            try writer.text("\n  ")
            try writer.startElement("task")
            try writer.attribute("code", value: task.code)
            if role == .coordinating { try writer.attribute("role", value: role.rawValue) }
            try writer.attribute("status", value: TaskStatus.notStarted.rawValue)
            try writer.attribute("progress", value: "0")
            try writer.text("\n    ")
            try writer.startElement("responsible")
            try writer.text("\(Placeholder.responsiblePrefix) \(task.code)")
            try writer.endElement()
            try writer.text("\n    ")
            try writer.comment(" Kết quả từng tháng (results by month): <result month=\"\(year)-MM\">…</result> ")
            for indicator in plan.indicators where indicator.tasks.contains(task.code) {
                try writer.text("\n    ")
                try writer.startElement("indicator")
                try writer.attribute("code", value: indicator.code)
                try writer.attribute("actual", value: "0")
                try writer.endElement()
            }
            try writer.text("\n    ")
            try writer.comment(" Nếu có, theo thứ tự (if any, in this order): <product date=\"\(year)-MM-DD\">…</product> "
                + "<difficulty kind=\"funding|legal|staff|coordination|technical|other\">…</difficulty> "
                + "<proposal to=\"ministry|government|other\">…</proposal> "
                + "<funding source=\"state-budget|sponsorship|other\" amount=\"…\"/> ")
            try writer.text("\n  ")
            try writer.endElement()
        }
        try writer.text("\n")
        try writer.endElement()
        return try writer.finish()
    }
}
