import Foundation
import ReportModel
import XMLKit

/// The plan's own rules (report-format.md §3–§7), checked on a report or a
/// detailed plan the schema has accepted. Every breach is collected; nothing
/// stops early. Reports and detailed plans share every rule that applies to
/// both (unit, tasks, months inside the year, indicators, placeholders).
public struct PlanRules: Sendable {
    public var plan: Plan

    public init(plan: Plan) {
        self.plan = plan
    }

    /// Diagnostics for `report`. `bundleFiles` lists the paths in the bundle
    /// (empty for a bare XML file); `history` answers the store's questions
    /// (`nil` when checking without a store: ID and supersedes rules skip).
    public func check(_ report: Report, bundleFiles: Set<String>, history: SubmissionHistory?) -> [Diagnostic] {
        contentProblems(report, bundleFiles: bundleFiles) + historyProblems(report, history: history)
    }

    // MARK: what the submission says, against the plan alone (safe in parallel)

    public func contentProblems(_ report: Report, bundleFiles: Set<String>) -> [Diagnostic] {
        var found = header(plan: report.plan, unit: report.unit, year: report.year, at: report.location)
        found += templateText(report.preparer, responsible: report.tasks.map { ($0.code, $0.responsible, $0.location) })
        let unitKnown = plan.unit(report.unit) != nil
        var seen: Set<String> = []
        for task in report.tasks {
            found += assignment(task.code, role: task.role, unit: report.unit, unitKnown: unitKnown, at: task.location, seen: &seen)
            if !task.status.agrees(withProgress: task.progress) {
                found.append(Diagnostic(.statusInconsistent, at: task.location,
                    message: "Trạng thái \"\(task.status.rawValue)\" không khớp với tiến độ \(task.progress)% (hoàn thành cần 100%, chưa triển khai cần 0%).",
                    english: "Status \(task.status.rawValue) disagrees with progress \(task.progress)% (completed needs 100, not-started 0)."))
            }
            found += months(task.results.map { ($0.month, $0.location) }, year: report.year, what: ("Kết quả", "Result"))
            found += indicators(task.indicators)
            for product in task.products {
                guard let file = product.file, !bundleFiles.contains(Unicode.nfc(file)) else { continue }
                found.append(Diagnostic(.attachmentMissing, at: product.location,
                    message: "Sản phẩm dẫn chiếu tệp \"\(file)\" nhưng gói báo cáo không có tệp này.",
                    english: "Product names file \"\(file)\", which the bundle does not contain."))
            }
        }
        return found
    }

    /// The same for a detailed plan (§5a): its milestones inside its year.
    public func contentProblems(_ detailed: DetailedPlan) -> [Diagnostic] {
        var found = header(plan: detailed.plan, unit: detailed.unit, year: detailed.year, at: detailed.location)
        found += templateText(detailed.preparer, responsible: detailed.tasks.map { ($0.code, $0.responsible, $0.location) })
        let unitKnown = plan.unit(detailed.unit) != nil
        var seen: Set<String> = []
        for task in detailed.tasks {
            found += assignment(task.code, role: task.role, unit: detailed.unit, unitKnown: unitKnown, at: task.location, seen: &seen)
            found += months(task.milestones.map { ($0.month, $0.location) }, year: detailed.year, what: ("Mốc kết quả", "Milestone"))
            for milestone in task.milestones where ReportTemplate.Placeholder.matches(milestone.text) {
                found.append(Diagnostic(.templateText, at: milestone.location,
                    message: "Nhiệm vụ \(task.code): mốc kết quả tháng \(milestone.month) vẫn là chữ mẫu: hãy ghi kết quả dự kiến đạt được.",
                    english: "Task \(task.code): the milestone of \(milestone.month) still holds the template's placeholder."))
            }
            found += indicators(task.indicators)
        }
        return found
    }

    // MARK: what depends on submissions already accepted (in intake order)

    /// Due tasks left out (a one-off task completed in an earlier year is no
    /// longer due), and the identity rules.
    public func historyProblems(_ report: Report, history: SubmissionHistory?) -> [Diagnostic] {
        var found: [Diagnostic] = []
        if report.kind == .annual {
            found += missingTasks(unit: report.unit, year: report.year, covered: report.tasks.filter { $0.role == .lead }.map(\.code),
                                  history: history, at: report.location, what: "Báo cáo")
        }
        if let history {
            found += identity(id: report.id, supersedes: report.supersedes, unit: report.unit, year: report.year, kind: report.kind,
                              history: history, at: report.location)
        }
        return found
    }

    /// A detailed plan should cover every task the unit leads that year (a warning, as for reports).
    public func historyProblems(_ detailed: DetailedPlan, history: SubmissionHistory?) -> [Diagnostic] {
        var found = missingTasks(unit: detailed.unit, year: detailed.year, covered: detailed.tasks.filter { $0.role == .lead }.map(\.code),
                                 history: history, at: detailed.location, what: "Kế hoạch chi tiết")
        if let history {
            found += identity(id: detailed.id, supersedes: detailed.supersedes, unit: detailed.unit, year: detailed.year, kind: .plan,
                              history: history, at: detailed.location)
        }
        return found
    }

    // MARK: the rules themselves

    private func header(plan planID: String, unit: String, year: Int, at here: SourceLocation) -> [Diagnostic] {
        var found: [Diagnostic] = []
        if planID != plan.id {
            found.append(Diagnostic(.planMismatch, at: here,
                message: "Kế hoạch \"\(planID)\" không phải kế hoạch hệ thống đang theo dõi (\(plan.id)).",
                english: "Plan \"\(planID)\" is not held here (expected \(plan.id))."))
        }
        if plan.unit(unit) == nil {
            found.append(Diagnostic(.unitUnknown, at: here,
                message: "Mã đơn vị \"\(unit)\" không có trong danh mục đơn vị.",
                english: "Unit \"\(unit)\" is not in the registry."))
        }
        if !plan.years.contains(year) {
            found.append(Diagnostic(.yearOutOfRange, at: here,
                message: "Năm báo cáo \(year) nằm ngoài thời gian của Kế hoạch (\(plan.firstYear)–\(plan.lastYear)).",
                english: "Year \(year) is outside the plan's years \(plan.firstYear)–\(plan.lastYear)."))
        }
        return found
    }

    /// `TASK_DUPLICATE`, `TASK_UNKNOWN`, `TASK_NOT_ASSIGNED`.
    private func assignment(_ code: String, role: TaskRole, unit: String, unitKnown: Bool, at here: SourceLocation,
                            seen: inout Set<String>) -> [Diagnostic] {
        var found: [Diagnostic] = []
        if !seen.insert(code).inserted {
            found.append(Diagnostic(.taskDuplicate, at: here,
                message: "Nhiệm vụ \(code) xuất hiện hai lần trong cùng một báo cáo.",
                english: "Task \(code) appears twice in one report."))
        }
        guard let planned = plan.task(code) else {
            found.append(Diagnostic(.taskUnknown, at: here,
                message: "Mã nhiệm vụ \"\(code)\" không có trong Kế hoạch.",
                english: "Task \"\(code)\" is not in the plan."))
            return found
        }
        guard unitKnown else { return found }
        if role == .lead && planned.lead != unit {
            found.append(Diagnostic(.taskNotAssigned, at: here,
                message: "Đơn vị \(unit) không phải đơn vị chủ trì nhiệm vụ \(code) (đơn vị chủ trì: \(planned.lead)).",
                english: "\(unit) does not lead task \(code) (lead: \(planned.lead))."))
        } else if role == .coordinating && !planned.coordinating.admits(unit) {
            found.append(Diagnostic(.taskNotAssigned, at: here,
                message: "Đơn vị \(unit) không có tên trong danh sách đơn vị phối hợp của nhiệm vụ \(code).",
                english: "\(unit) is not among the coordinating units of task \(code)."))
        }
        return found
    }

    /// `MONTH_OUT_OF_YEAR` for results or milestones.
    private func months(_ months: [(YearMonth, SourceLocation)], year: Int, what: (vi: String, en: String)) -> [Diagnostic] {
        months.filter { $0.0.year != year }.map { month, here in
            Diagnostic(.monthOutOfYear, at: here,
                message: "\(what.vi) tháng \(month) không thuộc năm báo cáo \(year).",
                english: "\(what.en) month \(month) is outside the report year \(year).")
        }
    }

    /// `INDICATOR_UNKNOWN`.
    private func indicators(_ values: [IndicatorValue]) -> [Diagnostic] {
        values.filter { !isKnown($0) }.map { indicator in
            let unitDefined = indicator.isUnitDefined
            return Diagnostic(.indicatorUnknown, at: indicator.location,
                message: unitDefined
                    ? "Chỉ số riêng \"\(indicator.code)\" phải có tên (name) và đơn vị tính (measure)."
                    : "Mã chỉ số \"\(indicator.code)\" không có trong Kế hoạch; chỉ số riêng phải bắt đầu bằng \"x-\".",
                english: unitDefined
                    ? "Unit indicator \"\(indicator.code)\" needs a name and a measure."
                    : "Indicator \"\(indicator.code)\" is not in the plan; a unit's own indicator starts with \"x-\".")
        }
    }

    private func isKnown(_ indicator: IndicatorValue) -> Bool {
        if plan.indicator(indicator.code) != nil { return true }
        guard indicator.isUnitDefined else { return false }
        let name = indicator.name?.trimmingCharacters(in: .whitespaces) ?? ""
        let measure = indicator.measure?.trimmingCharacters(in: .whitespaces) ?? ""
        return !name.isEmpty && !measure.isEmpty && indicator.code.count > 2
    }

    /// `TEMPLATE_TEXT`: what `baocao template` wrote for the clerk to replace
    /// is still there (the preparer, a person in charge).
    private func templateText(_ preparer: Preparer, responsible: [(task: String, text: String, at: SourceLocation)]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (field, value) in [("tên người lập báo cáo", preparer.name), ("chức vụ người lập báo cáo", preparer.position ?? "")]
        where ReportTemplate.Placeholder.matches(value) {
            found.append(Diagnostic(.templateText, at: preparer.location,
                message: "Mục \(field) vẫn là chữ mẫu \"\(value)\": hãy ghi thông tin thật trước khi gửi.",
                english: "The preparer's field still holds the template's placeholder \"\(value)\"."))
        }
        for (task, text, here) in responsible where ReportTemplate.Placeholder.matches(text) {
            found.append(Diagnostic(.templateText, at: here,
                message: "Nhiệm vụ \(task): mục cá nhân chủ trì vẫn là chữ mẫu \"\(text)\": hãy ghi họ tên người chủ trì.",
                english: "Task \(task): the person in charge still holds the template's placeholder."))
        }
        return found
    }

    /// `TASK_MISSING`: due tasks of the unit the submission leaves out.
    private func missingTasks(unit: String, year: Int, covered: [String], history: SubmissionHistory?, at here: SourceLocation,
                              what: String) -> [Diagnostic] {
        guard plan.unit(unit) != nil && plan.years.contains(year) else { return [] }
        let completed = history?.tasksCompleted(before: year) ?? []
        let covered = Set(covered)
        return plan.dueTasks(of: unit, in: year, completedEarlier: completed).filter { !covered.contains($0.code) }.map { task in
            Diagnostic(.taskMissing, at: here,
                message: "\(what) chưa có nhiệm vụ \(task.code) (\(task.title)) mà đơn vị chủ trì và phải báo cáo năm \(year).",
                english: "The \(what == "Báo cáo" ? "report" : "detailed plan") leaves out task \(task.code), which the unit leads and is due in \(year).")
        }
    }

    /// `ID_CONFLICT`, `SUPERSEDES_UNKNOWN`.
    private func identity(id: String, supersedes: String?, unit: String, year: Int, kind: ReportKind, history: SubmissionHistory,
                          at here: SourceLocation) -> [Diagnostic] {
        var found: [Diagnostic] = []
        if history.acceptedSHA256(forID: id) != nil {
            found.append(Diagnostic(.idConflict, at: here,
                message: "Mã báo cáo \"\(id)\" đã được dùng cho một báo cáo khác đã tiếp nhận. Muốn thay thế, hãy đặt mã mới và khai supersedes=\"\(id)\".",
                english: "Id \"\(id)\" was already accepted with other content; to replace it, use a new id with supersedes=\"\(id)\"."))
        }
        if let earlier = supersedes, earlier == id || !history.hasAccepted(id: earlier, unit: unit, year: year, kind: kind) {
            found.append(Diagnostic(.supersedesUnknown, at: here,
                message: "Không có báo cáo đã tiếp nhận nào mang mã \"\(earlier)\" của đơn vị \(unit), năm \(year), loại \(kind.rawValue) để thay thế.",
                english: "supersedes names \"\(earlier)\", which is no accepted submission of \(unit), \(year), \(kind.rawValue)."))
        }
        return found
    }
}
