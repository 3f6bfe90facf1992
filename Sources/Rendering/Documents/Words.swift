import Consolidation
import Foundation
import ReportModel

/// The Vietnamese words every document uses for the same values
/// (outputs.md), as exhaustive switches: a new state cannot go unnamed.
public enum Words {
    public static func task(_ state: TaskState) -> String {
        switch state {
        case .completed: return "Đã hoàn thành"
        case .onSchedule: return "Đang thực hiện, đúng tiến độ"
        case .behindSchedule: return "Chậm tiến độ"
        case .notStarted: return "Chưa triển khai"
        case .notReported: return "Chưa báo cáo"
        }
    }

    public static func standing(_ standing: TaskStanding) -> String {
        switch standing {
        case .completed: return task(.completed)
        case .onSchedule: return task(.onSchedule)
        case .behindSchedule: return task(.behindSchedule)
        case .notStarted: return task(.notStarted)
        case .overdue: return "Quá hạn"
        case .notReported: return task(.notReported)
        }
    }

    public static func reporting(_ state: ReportingState) -> String {
        switch state {
        case .onTime: return "Đúng hạn"
        case .late: return "Muộn"
        case .missing: return "Chưa gửi báo cáo"
        case .returned: return "Bị trả lại"
        }
    }

    public static func record(_ record: YearRecord) -> String {
        switch record {
        case .onTime: return reporting(.onTime)
        case .late: return reporting(.late)
        case .missing: return reporting(.missing)
        case .returned: return reporting(.returned)
        case .notRequired: return "Không phải báo cáo"
        }
    }

    public static func funding(_ source: FundingSource) -> String {
        switch source {
        case .stateBudget: return "Ngân sách nhà nước"
        case .sponsorship: return "Nguồn tài trợ"
        case .other: return "Nguồn hợp pháp khác"
        }
    }

    public static func aggregation(_ rule: Aggregation) -> String {
        switch rule {
        case .sum: return "Cộng dồn"
        case .latest: return "Giá trị mới nhất"
        }
    }

    /// `Về kinh phí`: how a group of difficulties is introduced.
    public static func difficulty(_ kind: DifficultyKind) -> String {
        switch kind {
        case .funding: return "Về kinh phí"
        case .legal: return "Về thể chế, chính sách"
        case .staff: return "Về nhân lực"
        case .coordination: return "Về phối hợp"
        case .technical: return "Về kỹ thuật, công nghệ"
        case .other: return "Khó khăn khác"
        }
    }

    public static func addressee(_ to: ProposalAddressee) -> String {
        switch to {
        case .ministry: return "Lãnh đạo Bộ, các đơn vị thuộc Bộ"
        case .government: return "Chính phủ, Thủ tướng Chính phủ"
        case .other: return "các cơ quan, tổ chức khác"
        }
    }

    /// The task's standing as a document states it: the pipeline's own
    /// finding first, the unit's word beside it, never both as if equal.
    static func taskState(_ task: TaskOutcome) -> String {
        if !task.due && task.status == .notReported { return "Chưa đến kỳ báo cáo" }
        guard task.overdue else { return self.task(task.status) }
        return task.status == .notReported
            ? "Quá hạn, chưa báo cáo"
            : "Quá hạn (đơn vị báo cáo: \(self.task(task.status).lowercased()))"
    }

    public static let partReporting = "TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ"
    public static let partResults = "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ"
    public static let partDifficulties = "KHÓ KHĂN, VƯỚNG MẮC"
    public static let partProposals = "ĐỀ XUẤT, KIẾN NGHỊ"
}

/// Sentences put together from the units' words: one final stop, never two;
/// lists the Vietnamese way (`A, B và C`).
enum Prose {
    /// `text` ending in exactly one full stop (or its own `!`/`?`).
    static func sentence(_ text: String) -> String {
        var trimmed = text.trimmedWhitespace
        while let last = trimmed.last, ".;:,".contains(last) { trimmed.removeLast() }
        guard let last = trimmed.last else { return "" }
        return "!?…".contains(last) ? trimmed : trimmed + "."
    }

    /// `text` without its final stop, to be followed by more of the sentence.
    static func clause(_ text: String) -> String {
        var trimmed = text.trimmedWhitespace
        while let last = trimmed.last, ".;:,".contains(last) { trimmed.removeLast() }
        return trimmed
    }

    /// `A`, `A và B`, `A, B và C`.
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " và " + items.last!
        }
    }

    /// The first letter in lower case: a title used inside a sentence.
    static func lowerFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }
}

extension String {
    /// Without white space (new lines included) at either end. In Swift:
    /// Foundation's `trimmingCharacters` goes through NSString on Linux,
    /// and the documents call this for every sentence of every unit.
    var trimmedWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
