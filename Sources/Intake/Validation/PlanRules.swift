import ReportModel

/// The plan's own rules (report-format.md §3–§7), checked on a report the
/// schema has accepted. Every breach is collected; nothing stops early.
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

    /// What the report says, against the plan alone: safe to run in parallel.
    public func contentProblems(_ report: Report, bundleFiles: Set<String>) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let here = report.location
        if report.plan != plan.id {
            found.append(Diagnostic(.planMismatch, at: here,
                message: "Kế hoạch \"\(report.plan)\" không phải kế hoạch hệ thống đang theo dõi (\(plan.id)).",
                english: "Plan \"\(report.plan)\" is not held here (expected \(plan.id))."))
        }
        let unitKnown = plan.unit(report.unit) != nil
        if !unitKnown {
            found.append(Diagnostic(.unitUnknown, at: here,
                message: "Mã đơn vị \"\(report.unit)\" không có trong danh mục đơn vị.",
                english: "Unit \"\(report.unit)\" is not in the registry."))
        }
        if !plan.years.contains(report.year) {
            found.append(Diagnostic(.yearOutOfRange, at: here,
                message: "Năm báo cáo \(report.year) nằm ngoài thời gian của Kế hoạch (\(plan.firstYear)–\(plan.lastYear)).",
                english: "Year \(report.year) is outside the plan's years \(plan.firstYear)–\(plan.lastYear)."))
        }
        found += templateText(report)
        var seen: Set<String> = []
        for task in report.tasks {
            found += check(task, of: report, unitKnown: unitKnown, bundleFiles: bundleFiles, seen: &seen)
        }
        return found
    }

    /// `TEMPLATE_TEXT`: what `baocao template` wrote for the clerk to replace
    /// is still there (the preparer, a person in charge).
    private func templateText(_ report: Report) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let preparer = report.preparer
        for (field, value) in [("tên người lập báo cáo", preparer.name), ("chức vụ người lập báo cáo", preparer.position ?? "")]
        where ReportTemplate.Placeholder.matches(value) {
            found.append(Diagnostic(.templateText, at: preparer.location,
                message: "Mục \(field) vẫn là chữ mẫu \"\(value)\": hãy ghi thông tin thật trước khi gửi.",
                english: "The preparer's field still holds the template's placeholder \"\(value)\"."))
        }
        for task in report.tasks where ReportTemplate.Placeholder.matches(task.responsible) {
            found.append(Diagnostic(.templateText, at: task.location,
                message: "Nhiệm vụ \(task.code): mục cá nhân chủ trì vẫn là chữ mẫu \"\(task.responsible)\": hãy ghi họ tên người chủ trì.",
                english: "Task \(task.code): the person in charge still holds the template's placeholder."))
        }
        return found
    }

    /// What depends on submissions already accepted: due tasks left out
    /// (a one-off task completed in an earlier year is no longer due), and
    /// the identity rules. Run in intake order, after earlier files are decided.
    public func historyProblems(_ report: Report, history: SubmissionHistory?) -> [Diagnostic] {
        var found: [Diagnostic] = []
        if report.kind == .annual && plan.unit(report.unit) != nil && plan.years.contains(report.year) {
            let completed = history?.tasksCompleted(before: report.year) ?? []
            let reported = Set(report.tasks.filter { $0.role == .lead }.map(\.code))
            for task in plan.dueTasks(of: report.unit, in: report.year, completedEarlier: completed)
            where !reported.contains(task.code) {
                found.append(Diagnostic(.taskMissing, at: report.location,
                    message: "Báo cáo chưa có nhiệm vụ \(task.code) (\(task.title)) mà đơn vị chủ trì và phải báo cáo năm \(report.year).",
                    english: "The report leaves out task \(task.code), which the unit leads and is due in \(report.year)."))
            }
        }
        if let history {
            found += checkIdentity(report, history: history)
        }
        return found
    }

    private func check(_ task: TaskReport, of report: Report, unitKnown: Bool, bundleFiles: Set<String>,
                       seen: inout Set<String>) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let here = task.location
        if !seen.insert(task.code).inserted {
            found.append(Diagnostic(.taskDuplicate, at: here,
                message: "Nhiệm vụ \(task.code) xuất hiện hai lần trong cùng một báo cáo.",
                english: "Task \(task.code) appears twice in one report."))
        }
        if let planned = plan.task(task.code) {
            if unitKnown {
                if task.role == .lead && planned.lead != report.unit {
                    found.append(Diagnostic(.taskNotAssigned, at: here,
                        message: "Đơn vị \(report.unit) không phải đơn vị chủ trì nhiệm vụ \(task.code) (đơn vị chủ trì: \(planned.lead)).",
                        english: "\(report.unit) does not lead task \(task.code) (lead: \(planned.lead))."))
                } else if task.role == .coordinating && !planned.coordinating.admits(report.unit) {
                    found.append(Diagnostic(.taskNotAssigned, at: here,
                        message: "Đơn vị \(report.unit) không có tên trong danh sách đơn vị phối hợp của nhiệm vụ \(task.code).",
                        english: "\(report.unit) is not among the coordinating units of task \(task.code)."))
                }
            }
        } else {
            found.append(Diagnostic(.taskUnknown, at: here,
                message: "Mã nhiệm vụ \"\(task.code)\" không có trong Kế hoạch.",
                english: "Task \"\(task.code)\" is not in the plan."))
        }
        if !task.status.agrees(withProgress: task.progress) {
            found.append(Diagnostic(.statusInconsistent, at: here,
                message: "Trạng thái \"\(task.status.rawValue)\" không khớp với tiến độ \(task.progress)% (hoàn thành cần 100%, chưa triển khai cần 0%).",
                english: "Status \(task.status.rawValue) disagrees with progress \(task.progress)% (completed needs 100, not-started 0)."))
        }
        for result in task.results where result.month.year != report.year {
            found.append(Diagnostic(.monthOutOfYear, at: result.location,
                message: "Kết quả tháng \(result.month) không thuộc năm báo cáo \(report.year).",
                english: "Result month \(result.month) is outside the report year \(report.year)."))
        }
        for indicator in task.indicators where !isKnown(indicator) {
            let unitDefined = indicator.isUnitDefined
            found.append(Diagnostic(.indicatorUnknown, at: indicator.location,
                message: unitDefined
                    ? "Chỉ số riêng \"\(indicator.code)\" phải có tên (name) và đơn vị tính (measure)."
                    : "Mã chỉ số \"\(indicator.code)\" không có trong Kế hoạch; chỉ số riêng phải bắt đầu bằng \"x-\".",
                english: unitDefined
                    ? "Unit indicator \"\(indicator.code)\" needs a name and a measure."
                    : "Indicator \"\(indicator.code)\" is not in the plan; a unit's own indicator starts with \"x-\"."))
        }
        for product in task.products {
            guard let file = product.file else { continue }
            let path = file.precomposedStringWithCanonicalMapping
            if !bundleFiles.contains(path) {
                found.append(Diagnostic(.attachmentMissing, at: product.location,
                    message: "Sản phẩm dẫn chiếu tệp \"\(file)\" nhưng gói báo cáo không có tệp này.",
                    english: "Product names file \"\(file)\", which the bundle does not contain."))
            }
        }
        return found
    }

    private func isKnown(_ indicator: IndicatorValue) -> Bool {
        if plan.indicator(indicator.code) != nil { return true }
        guard indicator.isUnitDefined else { return false }
        let name = indicator.name?.trimmingCharacters(in: .whitespaces) ?? ""
        let measure = indicator.measure?.trimmingCharacters(in: .whitespaces) ?? ""
        return !name.isEmpty && !measure.isEmpty && indicator.code.count > 2
    }

    private func checkIdentity(_ report: Report, history: SubmissionHistory) -> [Diagnostic] {
        var found: [Diagnostic] = []
        if history.acceptedSHA256(forID: report.id) != nil {
            found.append(Diagnostic(.idConflict, at: report.location,
                message: "Mã báo cáo \"\(report.id)\" đã được dùng cho một báo cáo khác đã tiếp nhận. Muốn thay thế, hãy đặt mã mới và khai supersedes=\"\(report.id)\".",
                english: "Id \"\(report.id)\" was already accepted with other content; to replace it, use a new id with supersedes=\"\(report.id)\"."))
        }
        if let earlier = report.supersedes,
           earlier == report.id || !history.hasAccepted(id: earlier, unit: report.unit, year: report.year, kind: report.kind) {
            found.append(Diagnostic(.supersedesUnknown, at: report.location,
                message: "Không có báo cáo đã tiếp nhận nào mang mã \"\(earlier)\" của đơn vị \(report.unit), năm \(report.year), loại \(report.kind.rawValue) để thay thế.",
                english: "supersedes names \"\(earlier)\", which is no accepted submission of \(report.unit), \(report.year), \(report.kind.rawValue)."))
        }
        return found
    }
}

import Foundation
