import Consolidation
import ReportModel

/// Ad-hoc reports (báo cáo đột xuất) answering one request, rendered on
/// demand: what each unit reported, task by task, and the submissions used.
/// Nothing to report says so, on one page.
public enum AdhocSummary {
    /// `subject`: what the request was about (`--request-subject`), so the
    /// title reads as a subject, not as a request code.
    public static func document(_ data: YearConsolidation, request: String?, subject requestSubject: String?,
                                context: DocumentContext) -> WordDocument {
        let plan = context.plan
        let symbol = "BC-\(plan.secretariat)"
        var reported = data
        reported.tasks = data.tasks.filter { !$0.sources.isEmpty }
        let sections = YearSections(data: reported, context: context)
        let about = requestSubject.map { " về \(Prose.lowerFirst(Prose.clause($0)))" } ?? (request.map { " theo yêu cầu số \($0)" } ?? "")
        let subject = "Tổng hợp báo cáo đột xuất\(about) năm \(data.year)"
        var blocks: [Block] = [
            Decree30.header(OfficialHeader(parentAgency: plan.ministry.heading, issuingAgency: context.secretariatName.uppercased(),
                                           number: context.number(symbol), place: context.place, date: context.date)),
        ]
        blocks += Decree30.title("Báo cáo", subject: subject)
        blocks.append(Decree30.addressee(["Lãnh đạo Bộ"]))
        let units = data.submissions.map { context.unitName($0.unit) }
        guard !units.isEmpty else {
            blocks.append(Decree30.paragraph("Đến ngày \(VietnameseDate.short(context.date)), \(context.secretariatName) chưa nhận được báo cáo "
                + "đột xuất nào\(about) của các đơn vị; Vụ sẽ tổng hợp, báo cáo Lãnh đạo Bộ ngay khi nhận được."))
            blocks.append(Decree30.closing("\(context.secretariatName) kính báo cáo Lãnh đạo Bộ./."))
            blocks.append(Decree30.signature(context.signature(recipients: ["Lãnh đạo Bộ (để báo cáo)"], title: "VỤ TRƯỞNG")))
            return WordDocument(metadata: DocumentMetadata(title: subject, subject: subject, created: context.date), blocks: blocks)
        }
        blocks.append(Decree30.paragraph("\(context.secretariatName) đã nhận được báo cáo đột xuất\(about) của \(units.count) đơn vị: "
            + Prose.sentence(Prose.list(units)) + " Kết quả tổng hợp như sau:"))
        blocks.append(Decree30.partHeading("I", "NỘI DUNG BÁO CÁO CỦA CÁC ĐƠN VỊ"))
        blocks += sections.taskResults()
        blocks.append(Decree30.partHeading("II", Words.partDifficulties))
        blocks += sections.difficultiesByUnit()
        blocks.append(Decree30.partHeading("III", Words.partProposals))
        blocks += sections.proposalsByUnit()
        blocks.append(Decree30.closing("\(context.secretariatName) kính báo cáo Lãnh đạo Bộ./."))
        blocks.append(Decree30.signature(context.signature(recipients: ["Lãnh đạo Bộ (để báo cáo)"], title: "VỤ TRƯỞNG")))
        blocks.append(.sectionBreak(.a4Landscape))
        blocks += sections.annexSubmissions(number: "I", note: context.annexNote(symbol, issuer: context.secretariatName),
                                            layout: .a4Landscape, pageBreakBefore: false)
        return WordDocument(metadata: DocumentMetadata(title: subject, subject: subject, created: context.date), blocks: blocks)
    }
}
