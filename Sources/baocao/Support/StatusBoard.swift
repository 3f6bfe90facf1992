import Consolidation
import ReportModel

/// The status as a board read at a glance in a terminal; colour only when
/// printing to one. Each unit's line, then each of its submissions of the
/// year with the secretariat's check, then the detailed plans and what
/// slipped, then the overdue tasks.
struct StatusBoard {
    var status: ReportingStatus
    var plan: Plan
    var colour: Bool

    private func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(DisplayName.printable(text))\u{1B}[0m" : DisplayName.printable(text)
    }

    var text: String {
        var lines: [String] = []
        let due = status.daysToDeadline
        let timing = due > 0 ? "còn \(due) ngày đến hạn" : due == 0 ? "hôm nay là hạn cuối" : "đã quá hạn \(-due) ngày"
        lines.append("TÌNH HÌNH BÁO CÁO NĂM \(status.year) — tính đến ngày \(status.asOf)")
        lines.append("Hạn gửi: \(status.deadline) (\(timing))")
        var counts = "Phải báo cáo: \(status.required) đơn vị · Đúng hạn: \(status.count(.onTime)) · Muộn: \(status.count(.late))"
        if status.count(.returned) > 0 { counts += " · Bị trả lại: \(status.count(.returned))" }
        lines.append(counts + " · Chưa gửi: \(status.count(.missing))")
        lines.append("")
        for unit in status.units {
            lines.append("\(unit.unit.padding(toLength: 9, withPad: " ", startingAt: 0)) \(label(unit))")
            lines.append("          \(unit.name) — nhiệm vụ: \(unit.dueTasks.joined(separator: ", "))")
            for receipt in status.submissions where receipt.unit == unit.unit && receipt.outcome == .accepted {
                lines.append("          · \(receipt.kind?.label ?? "báo cáo") \(receipt.id ?? receipt.file), nhận \(receipt.received): "
                    + check(receipt.review))
            }
        }
        if let plans = status.plans {
            lines.append("")
            lines.append("Kế hoạch triển khai chi tiết: đã có \(plans.onFile.count) đơn vị"
                + (plans.onFile.isEmpty ? "" : " (\(plans.onFile.joined(separator: ", ")))")
                + (plans.missing.isEmpty ? "" : "; chưa có: \(plans.missing.joined(separator: ", "))"))
            for slipped in status.slipped ?? [] {
                lines.append("  \(paint("Chậm", "33")) \(slipped.task) [\(slipped.unit)] tháng \(slipped.month): \(slipped.milestone)")
            }
        }
        if !status.overdueTasks.isEmpty {
            lines.append("")
            lines.append("Nhiệm vụ quá hạn (Quá hạn):")
            for task in status.overdueTasks {
                let title = plan.task(task.code)?.title ?? ""
                lines.append("  \(paint(task.code, "31")) [\(task.lead)] hạn \(task.deadline): \(title)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func label(_ unit: ReportingStatus.UnitState) -> String {
        switch unit.state {
        case .onTime:
            return paint("Đúng hạn", "32") + "  \(unit.received ?? "")"
        case .late:
            return paint("Muộn", "33") + "      \(unit.received ?? "") (muộn \(unit.daysLate ?? 0) ngày)"
        case .returned:
            return paint("Bị trả lại", "31") + "  chờ đơn vị gửi lại"
        case .missing:
            if !unit.rejected.isEmpty {
                let codes = Set(unit.rejected.flatMap(\.codes)).sorted().joined(separator: ", ")
                return paint("Bị từ chối", "31") + " \(unit.rejected.count) tệp: \(codes)"
            }
            if let late = unit.daysLate { return paint("Chưa gửi báo cáo", "31") + " (quá hạn \(late) ngày)" }
            return paint("Chưa gửi báo cáo", "2")
        }
    }

    /// The secretariat's check of one submission, in words.
    private func check(_ review: ReviewState?) -> String {
        guard let review else { return "chờ thẩm định" }
        switch review.state {
        case .approved: return paint("đã thẩm định, đạt", "32") + " (\(review.by))"
        case .returned: return paint("đã trả lại", "31") + " (\(review.by)): \(review.reason ?? "")"
        }
    }
}
