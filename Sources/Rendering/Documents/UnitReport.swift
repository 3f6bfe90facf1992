import Consolidation
import Foundation
import ReportModel

/// A unit's own report, rendered as the document it sends under its own
/// letterhead to the secretariat, so that its leader can read and sign
/// what the form or the XML says (outputs.md).
public enum UnitReport {
    /// `received`: when the pipeline received it (ISO, the plan's offset).
    public static func document(_ report: Report, received: String, context: DocumentContext) -> WordDocument {
        let plan = context.plan
        let unitName = context.unitName(report.unit)
        let date = report.submitted.flatMap { CalendarDate(iso: String($0.prefix(10))) }
            ?? CalendarDate(iso: String(received.prefix(10))) ?? context.date
        let subject = report.kind == .annual
            ? "Kết quả thực hiện các nhiệm vụ của Kế hoạch triển khai Đề án chuyển đổi số doanh nghiệp nhỏ và vừa năm \(report.year)"
            : "Tình hình thực hiện các nhiệm vụ của Kế hoạch triển khai Đề án chuyển đổi số doanh nghiệp nhỏ và vừa năm \(report.year) (báo cáo đột xuất)"
        var blocks: [Block] = [
            Decree30.header(OfficialHeader(parentAgency: plan.ministry.heading, issuingAgency: unitName.uppercased(),
                                           number: DocumentNumber(number: nil, symbol: "BC-\(report.unit)"),
                                           place: context.place, date: date)),
        ]
        blocks += Decree30.title("Báo cáo", subject: subject)
        blocks.append(Decree30.addressee([context.secretariatName]))
        blocks.append(Decree30.paragraph("Thực hiện \(plan.title), \(unitName) báo cáo kết quả thực hiện các nhiệm vụ "
            + "năm \(report.year) như sau:"))
        for (n, task) in report.tasks.enumerated() {
            let title = plan.task(task.code).map { Prose.clause($0.title) } ?? ""
            blocks.append(Decree30.itemHeading(String(n + 1), "Nhiệm vụ \(task.code). \(title)"
                + (task.role == .coordinating ? " (đơn vị phối hợp)" : "")))
            blocks.append(Decree30.paragraph(Prose.sentence("Tình trạng: \(Words.task(TaskState(task.status)).lowercased()); tiến độ \(task.progress)%")))
            blocks.append(Decree30.paragraph(Prose.sentence("Cá nhân chủ trì: \(task.responsible)")))
            if !task.results.isEmpty {
                blocks.append(Decree30.lead("Kết quả thực hiện:"))
                for result in task.results.sorted(by: { $0.month < $1.month }) {
                    blocks.append(Decree30.paragraph("- Tháng \(result.month.month)/\(result.month.year): \(Prose.sentence(result.text))"))
                }
            }
            if !task.indicators.isEmpty {
                blocks.append(Decree30.lead("Các chỉ số:"))
                for indicator in task.indicators {
                    let definition = plan.indicator(indicator.code)
                    let name = definition?.name ?? indicator.name ?? indicator.code
                    let measure = definition?.measure ?? indicator.measure ?? ""
                    var line = "\(name): \(VietnameseNumber.format(indicator.actual)) \(measure)"
                    if let target = indicator.target { line += " (chỉ tiêu: \(VietnameseNumber.format(target)) \(measure))" }
                    blocks.append(Decree30.paragraph("- " + Prose.sentence(line)))
                }
            }
            if !task.products.isEmpty {
                blocks.append(Decree30.lead("Sản phẩm:"))
                for product in task.products {
                    let date = product.date.map { " (\(VietnameseDate.short($0)))" } ?? ""
                    let evidence = product.file.map { "; tệp minh chứng kèm theo: \(($0 as NSString).lastPathComponent)" } ?? ""
                    blocks.append(Decree30.paragraph("- " + Prose.sentence(Prose.clause(product.text) + date + evidence)))
                }
            }
            if !task.difficulties.isEmpty {
                blocks.append(Decree30.lead("Khó khăn, vướng mắc:"))
                for difficulty in task.difficulties {
                    blocks.append(Decree30.paragraph("- \(Words.difficulty(difficulty.kind)): \(Prose.sentence(Prose.lowerFirst(difficulty.text)))"))
                }
            }
            if !task.proposals.isEmpty {
                blocks.append(Decree30.lead("Đề xuất, kiến nghị:"))
                for proposal in task.proposals {
                    blocks.append(Decree30.paragraph("- \(Prose.clause(proposal.text)) (gửi \(Words.addressee(proposal.to)))."))
                }
            }
            if !task.funding.isEmpty {
                var bySource: [FundingSource: Decimal] = [:]
                for item in task.funding { bySource[item.source, default: 0] += Decimal(item.amount) }
                blocks.append(Decree30.paragraph("Kinh phí thực hiện: " + FundingSource.allCases.compactMap { source in
                    bySource[source].map { "\(Words.funding(source).lowercased()) \(VietnameseNumber.format($0)) đồng" }
                }.joined(separator: "; ") + "."))
            }
        }
        var preparer = "Người lập báo cáo: \(report.preparer.name)"
        if let position = report.preparer.position, !position.isEmpty { preparer += ", \(position)" }
        let contacts = [report.preparer.phone, report.preparer.email].compactMap { $0 }.filter { !$0.isEmpty }
        if !contacts.isEmpty { preparer += " (\(contacts.joined(separator: "; ")))" }
        blocks.append(Decree30.paragraph(Prose.sentence(preparer)))
        blocks.append(Decree30.closing("\(unitName) kính báo cáo./."))
        blocks.append(Decree30.signature(SignatureBlock(recipients: ["Như trên"], archive: "VT, \(report.unit)", title: "THỦ TRƯỞNG ĐƠN VỊ")))
        blocks.append(Decree30.paragraph([Run("(Văn bản được lập từ báo cáo mã \(report.id) của đơn vị, "
            + "được \(context.secretariatName) nhận lúc \(YearSections.instant(received)).)", .italic)]))
        return WordDocument(metadata: DocumentMetadata(title: "Báo cáo của \(unitName) năm \(report.year)", subject: subject, created: date),
                            blocks: blocks)
    }
}
