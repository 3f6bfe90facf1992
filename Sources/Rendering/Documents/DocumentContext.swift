import Consolidation
import ReportModel

/// What a document needs besides the merged data: the plan's names, the
/// date it bears, and the secretariat's own words for it, if given.
public struct DocumentContext: Sendable {
    public var plan: Plan
    public var date: CalendarDate
    public var place: String
    /// The secretariat's notes for this document (`--notes FILE`), or nil:
    /// then the judgement sections are drafted from the data and say so.
    public var notes: SecretariatNotes?

    public init(plan: Plan, date: CalendarDate, place: String = "Hà Nội", notes: SecretariatNotes? = nil) {
        self.plan = plan
        self.date = date
        self.place = place
        self.notes = notes
    }

    func unitName(_ code: String) -> String { plan.unit(code)?.name ?? code }

    /// The subject line shared by the yearly documents.
    func yearSubject(_ year: Int) -> String {
        "Kết quả thực hiện Kế hoạch triển khai Đề án chuyển đổi số doanh nghiệp nhỏ và vừa năm \(year)"
    }

    var secretariatName: String { unitName(plan.secretariat) }

    /// `Quyết định số 433/QĐ-TTg … giai đoạn 2026 - 2030`: the decision the
    /// plan implements, from the plan's own title (data, not code).
    var decision: String {
        var text = plan.title
        if let start = text.range(of: "Quyết định") { text = String(text[start.lowerBound...]) }
        if let end = text.range(of: " của \(plan.ministry.name)", options: .backwards) { text = String(text[..<end.lowerBound]) }
        return text
    }

    /// The document's number: the one the văn thư gave it (notes), else a draft's blank.
    func number(_ symbol: String) -> DocumentNumber {
        DocumentNumber(number: notes?.number, symbol: symbol)
    }

    /// The signature block: the notes' signer where given, else the
    /// default title with room to sign and a line for the name.
    func signature(recipients: [String], authority: String? = nil, title: String) -> SignatureBlock {
        let signer = notes?.signer
        return SignatureBlock(recipients: recipients, archive: "VT, \(plan.secretariat)",
                              authority: signer.map { $0.authority } ?? authority, title: signer?.title ?? title, signer: signer?.name)
    }

    /// `(Kèm theo Báo cáo số 142/BC-KTXHS ngày 01/12/2026 của Vụ Kinh tế và Xã hội số)`.
    func annexNote(_ symbol: String, issuer: String) -> String {
        let number = notes?.number.map { "số \(VietnameseDate.twoDigits($0))/\(symbol)" } ?? "số      /\(symbol)"
        return "(Kèm theo Báo cáo \(number) ngày \(VietnameseDate.short(date)) của \(issuer))"
    }
}
