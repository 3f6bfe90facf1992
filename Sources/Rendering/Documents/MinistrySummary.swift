import Consolidation
import ReportModel

/// The ministry summary (due 1 Dec): from the secretariat to the Ministry's
/// leaders, `Số: …/BC-KTXHS`, every section of outputs.md.
public enum MinistrySummary {
    public static func document(_ data: YearConsolidation, context: DocumentContext) -> WordDocument {
        let sections = YearSections(data: data, context: context)
        let plan = context.plan
        var blocks: [Block] = [
            Decree30.header(OfficialHeader(parentAgency: plan.ministry.heading, issuingAgency: context.secretariatName.uppercased(),
                                           number: DocumentNumber(number: nil, symbol: "BC-\(plan.secretariat)"),
                                           place: context.place, date: context.date)),
        ]
        blocks += Decree30.title("Báo cáo", subject: context.yearSubject(data.year))
        blocks.append(Decree30.addressee(["Lãnh đạo Bộ"]))
        blocks.append(Decree30.paragraph("Thực hiện \(plan.title), \(context.secretariatName) tổng hợp báo cáo của các đơn vị chủ trì nhiệm vụ "
            + "và báo cáo Lãnh đạo Bộ kết quả thực hiện năm \(data.year) như sau:"))
        blocks.append(Decree30.partHeading("I", Labels.partReporting))
        blocks += sections.reporting()
        blocks.append(Decree30.partHeading("II", Labels.partResults))
        blocks.append(sections.overview())
        blocks += sections.chart()
        blocks += sections.taskResults(detailed: true)
        let groups = plan.groups.filter { g in data.tasks.contains { $0.group == g.code } }.count
        blocks.append(Decree30.itemHeading(String(groups + 1), "Kinh phí thực hiện"))
        blocks += sections.funding()
        blocks.append(Decree30.partHeading("III", Labels.partDifficulties))
        blocks += sections.unitTexts(\.difficulties)
        blocks.append(Decree30.partHeading("IV", Labels.partProposals))
        blocks += sections.unitTexts(\.proposals)
        blocks.append(Decree30.closing("\(context.secretariatName) kính báo cáo Lãnh đạo Bộ./."))
        blocks.append(Decree30.signature(SignatureBlock(recipients: ["Lãnh đạo Bộ (để báo cáo)", "Các đơn vị chủ trì nhiệm vụ"],
                                                        archive: "VT, \(plan.secretariat)", title: "VỤ TRƯỞNG")))
        blocks.append(.sectionBreak(.a4Landscape))
        blocks += sections.annexTasks(number: "I")
        blocks += sections.annexIndicators(number: "II", layout: .a4Landscape)
        blocks += sections.annexSubmissions(number: "III", layout: .a4Landscape)
        return WordDocument(metadata: DocumentMetadata(title: "Báo cáo tổng hợp năm \(data.year)", subject: context.yearSubject(data.year),
                                                       created: context.date),
                            blocks: blocks)
    }
}
