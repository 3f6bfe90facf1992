import Consolidation
import ReportModel

/// What a document needs besides the merged data: the plan's names and the
/// date it bears.
public struct DocumentContext: Sendable {
    public var plan: Plan
    public var date: CalendarDate
    public var place: String

    public init(plan: Plan, date: CalendarDate, place: String = "Hà Nội") {
        self.plan = plan
        self.date = date
        self.place = place
    }

    func unitName(_ code: String) -> String { plan.unit(code)?.name ?? code }

    /// The subject line shared by the yearly documents.
    func yearSubject(_ year: Int) -> String {
        "Kết quả thực hiện Kế hoạch triển khai Đề án chuyển đổi số doanh nghiệp nhỏ và vừa năm \(year)"
    }

    var secretariatName: String { unitName(plan.secretariat) }
}
