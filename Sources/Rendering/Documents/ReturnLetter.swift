import Consolidation
import ReportModel

/// A return letter (§7a, Decree 30/2020 art. 21): from the secretariat to the
/// unit, the submission returned (its id and when it was received), every
/// reason in plain Vietnamese, and the date by which to send it again.
public enum ReturnLetter {
    public struct Content: Sendable {
        public var unit: String
        public var id: String?
        public var received: String
        public var file: String
        public var year: Int
        public var kind: ReportKind
        public var reasons: [String]
        public var resendBy: CalendarDate

        public init(unit: String, id: String?, received: String, file: String, year: Int, kind: ReportKind,
                    reasons: [String], resendBy: CalendarDate) {
            self.unit = unit
            self.id = id
            self.received = received
            self.file = file
            self.year = year
            self.kind = kind
            self.reasons = reasons
            self.resendBy = resendBy
        }
    }

    public static func document(_ content: Content, context: DocumentContext) -> WordDocument {
        let plan = context.plan
        let unitName = context.unitName(content.unit)
        let what: String
        switch content.kind {
        case .annual: what = "báo cáo kết quả thực hiện Kế hoạch năm \(content.year)"
        case .adhoc: what = "báo cáo đột xuất năm \(content.year)"
        case .plan: what = "kế hoạch triển khai chi tiết năm \(content.year)"
        }
        let summary = "V/v trả lại \(what) để hoàn thiện"
        var blocks: [Block] = [
            Decree30.header(OfficialHeader(parentAgency: plan.ministry.heading, issuingAgency: context.secretariatName.uppercased(),
                                           number: DocumentNumber(number: nil, symbol: plan.secretariat),
                                           place: context.place, date: context.date, summary: summary)),
            Decree30.addressee([unitName]),
            Decree30.paragraph("Thực hiện \(plan.title), \(context.secretariatName) đã nhận được \(what) của \(unitName)"
                + (content.id.map { " (mã báo cáo \($0)" } ?? " (tệp «\(content.file)»")
                + ", nhận lúc \(YearSections.instant(content.received))). Qua kiểm tra, báo cáo chưa đạt yêu cầu để tổng hợp vì các lý do sau:"),
        ]
        if content.reasons.isEmpty {
            blocks.append(Decree30.paragraph("- Nội dung báo cáo chưa đầy đủ theo yêu cầu của Kế hoạch."))
        }
        for reason in content.reasons {
            blocks.append(Decree30.paragraph("- " + Prose.sentence(reason)))
        }
        blocks.append(Decree30.paragraph("Căn cứ Điều 21 Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư, "
            + "\(context.secretariatName) trả lại báo cáo nêu trên và đề nghị \(unitName) hoàn thiện, gửi lại trước ngày "
            + "\(VietnameseDate.short(content.resendBy)) để kịp tổng hợp, báo cáo Lãnh đạo Bộ. Báo cáo gửi lại ghi rõ là báo cáo thay thế "
            + "báo cáo đã trả lại."))
        blocks.append(Decree30.closing("Trân trọng./."))
        blocks.append(Decree30.signature(SignatureBlock(recipients: ["Như trên", "Lãnh đạo Bộ (để báo cáo)"],
                                                        archive: "VT, \(plan.secretariat)", title: "VỤ TRƯỞNG")))
        return WordDocument(metadata: DocumentMetadata(title: summary, subject: unitName, created: context.date), blocks: blocks)
    }
}
