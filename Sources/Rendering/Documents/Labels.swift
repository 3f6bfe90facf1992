import Consolidation

/// The Vietnamese words every document uses for the same values (outputs.md).
public enum Labels {
    public static func taskStatus(_ status: String) -> String {
        switch status {
        case "completed": return "Đã hoàn thành"
        case "on-schedule": return "Đang thực hiện, đúng tiến độ"
        case "behind-schedule": return "Chậm tiến độ"
        case "not-started": return "Chưa triển khai"
        case "not-reported": return "Chưa báo cáo"
        case "overdue": return "Quá hạn"
        default: return status
        }
    }

    public static func reporting(_ state: String) -> String {
        switch state {
        case "on-time": return "Đúng hạn"
        case "late": return "Muộn"
        case "missing": return "Chưa gửi báo cáo"
        default: return state
        }
    }

    public static func funding(_ source: String) -> String {
        switch source {
        case "state-budget": return "Ngân sách nhà nước"
        case "sponsorship": return "Nguồn tài trợ"
        case "other": return "Nguồn hợp pháp khác"
        default: return source
        }
    }

    public static func aggregation(_ rule: String) -> String {
        rule == "sum" ? "Cộng dồn (sum)" : "Giá trị mới nhất (latest)"
    }

    /// The task's status as a document states it, with the pipeline's own
    /// finding beside the unit's word: `Chậm tiến độ (Quá hạn)`.
    public static func taskState(_ task: TaskOutcome) -> String {
        var text = task.due || task.status != "not-reported" ? taskStatus(task.status) : "Chưa đến kỳ báo cáo"
        if task.overdue { text += " — \(taskStatus("overdue"))" }
        return text
    }

    /// Status order in charts and counts.
    public static let statusOrder = ["completed", "on-schedule", "behind-schedule", "not-started", "overdue", "not-reported"]

    public static let partReporting = "TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ"
    public static let partResults = "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ"
    public static let partDifficulties = "KHÓ KHĂN, VƯỚNG MẮC"
    public static let partProposals = "ĐỀ XUẤT, KIẾN NGHỊ"
}
