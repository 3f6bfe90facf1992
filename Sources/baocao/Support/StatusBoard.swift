import Consolidation
import ReportModel

/// The status as a board read at a glance in a terminal; colour only when
/// printing to one.
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
        lines.append("Phải báo cáo: \(status.required) đơn vị · Đúng hạn: \(status.count(.onTime)) · Muộn: \(status.count(.late)) · Chưa gửi: \(status.count(.missing))")
        lines.append("")
        for unit in status.units {
            let label: String
            switch unit.state {
            case .onTime:
                label = paint("Đúng hạn", "32") + "  \(unit.received ?? "")"
            case .late:
                label = paint("Muộn", "33") + "      \(unit.received ?? "") (muộn \(unit.daysLate ?? 0) ngày)"
            case .returned:
                label = paint("Bị trả lại", "31") + "  \(unit.received ?? "")"
            case .missing:
                if !unit.rejected.isEmpty {
                    let codes = Set(unit.rejected.flatMap(\.codes)).sorted().joined(separator: ", ")
                    label = paint("Bị từ chối", "31") + " \(unit.rejected.count) tệp: \(codes)"
                } else if let late = unit.daysLate {
                    label = paint("Chưa gửi báo cáo", "31") + " (quá hạn \(late) ngày)"
                } else {
                    label = paint("Chưa gửi báo cáo", "2")
                }
            }
            lines.append("\(unit.unit.padding(toLength: 9, withPad: " ", startingAt: 0)) \(label)")
            lines.append("          \(unit.name) — nhiệm vụ: \(unit.dueTasks.joined(separator: ", "))")
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
}
