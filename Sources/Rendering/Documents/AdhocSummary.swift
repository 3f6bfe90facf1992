import Consolidation
import ReportModel

/// Ad-hoc reports (báo cáo đột xuất) answering one request, rendered on
/// demand: what each unit reported, task by task, and the submissions used.
public enum AdhocSummary {
    public static func document(_ data: YearConsolidation, request: String?, context: DocumentContext) -> WordDocument {
        let plan = context.plan
        let sections = YearSections(data: data, context: context)
        let subject = "Tổng hợp báo cáo đột xuất" + (request.map { " theo yêu cầu \($0)" } ?? "") + " năm \(data.year)"
        var blocks: [Block] = [
            Decree30.header(OfficialHeader(parentAgency: plan.ministry.heading, issuingAgency: context.secretariatName.uppercased(),
                                           number: DocumentNumber(number: nil, symbol: "BC-\(plan.secretariat)"),
                                           place: context.place, date: context.date)),
        ]
        blocks += Decree30.title("Báo cáo", subject: subject)
        blocks.append(Decree30.addressee(["Lãnh đạo Bộ"]))
        let units = data.submissions.map { context.unitName($0.unit) }
        blocks.append(Decree30.paragraph(units.isEmpty
            ? "Chưa có đơn vị nào gửi báo cáo đột xuất" + (request.map { " theo yêu cầu \($0)" } ?? "") + "."
            : "\(context.secretariatName) đã nhận được báo cáo đột xuất của \(units.count) đơn vị: \(units.joined(separator: "; "))."))
        var reported = data
        reported.tasks = data.tasks.filter { !$0.sources.isEmpty }
        blocks.append(Decree30.partHeading("I", "NỘI DUNG BÁO CÁO CỦA CÁC ĐƠN VỊ"))
        blocks += YearSections(data: reported, context: context).taskResults(detailed: true)
        blocks.append(Decree30.partHeading("II", Labels.partDifficulties))
        blocks += sections.unitTexts(\.difficulties)
        blocks.append(Decree30.partHeading("III", Labels.partProposals))
        blocks += sections.unitTexts(\.proposals)
        blocks.append(Decree30.signature(SignatureBlock(recipients: ["Lãnh đạo Bộ (để báo cáo)"], archive: "VT, \(plan.secretariat)",
                                                        title: "VỤ TRƯỞNG")))
        blocks.append(.sectionBreak(.a4Landscape))
        blocks += sections.annexSubmissions(number: "I", layout: .a4Landscape, pageBreakBefore: false)
        return WordDocument(metadata: DocumentMetadata(title: subject, subject: subject, created: context.date), blocks: blocks)
    }
}
