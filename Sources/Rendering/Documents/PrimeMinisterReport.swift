import Consolidation
import ReportModel

/// The report to the Prime Minister (due 15 Dec): from the Ministry,
/// `Số: …/BC-BKHCN`, shorter than the summary.
public enum PrimeMinisterReport {
    public static func document(_ data: YearConsolidation, context: DocumentContext) -> WordDocument {
        let sections = YearSections(data: data, context: context)
        let plan = context.plan
        var blocks: [Block] = [
            Decree30.header(OfficialHeader(parentAgency: nil, issuingAgency: plan.ministry.heading,
                                           number: DocumentNumber(number: nil, symbol: "BC-BKHCN"),
                                           place: context.place, date: context.date)),
        ]
        blocks += Decree30.title("Báo cáo", subject: "Tình hình, kết quả triển khai Đề án chuyển đổi số doanh nghiệp nhỏ và vừa năm \(data.year)")
        blocks.append(Decree30.addressee(["Thủ tướng Chính phủ"]))
        blocks.append(Decree30.paragraph("Thực hiện Quyết định số 433/QĐ-TTg ngày 16/03/2026 của Thủ tướng Chính phủ, "
            + "\(plan.ministry.name) báo cáo tình hình, kết quả triển khai Đề án năm \(data.year) như sau:"))
        blocks.append(Decree30.partHeading("I", "TÌNH HÌNH CHUNG"))
        blocks.append(sections.overview())
        blocks += sections.chart()
        blocks.append(Decree30.partHeading("II", "KẾT QUẢ CHỦ YẾU THEO NHÓM NHIỆM VỤ"))
        blocks += sections.taskResults(detailed: false)
        blocks.append(Decree30.partHeading("III", "CÁC CHỈ SỐ THEO DÕI"))
        blocks.append(indicatorTable(data))
        blocks.append(Decree30.partHeading("IV", "KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ"))
        blocks.append(Decree30.itemHeading("1", "Khó khăn, vướng mắc"))
        blocks += condensed(data.tasks.flatMap(\.difficulties))
        blocks.append(Decree30.itemHeading("2", "Đề xuất, kiến nghị"))
        blocks += condensed(data.tasks.flatMap(\.proposals))
        blocks.append(Decree30.closing("\(plan.ministry.name) kính báo cáo Thủ tướng Chính phủ./."))
        blocks.append(Decree30.signature(SignatureBlock(recipients: ["Như trên", "Lãnh đạo Bộ"], archive: "VT, \(plan.secretariat)",
                                                        authority: "KT. BỘ TRƯỞNG", title: "THỨ TRƯỞNG")))
        blocks.append(.sectionBreak(.a4Landscape))
        blocks += sections.annexTasks(number: "I")
        return WordDocument(metadata: DocumentMetadata(title: "Báo cáo Thủ tướng Chính phủ năm \(data.year)",
                                                       subject: "Kết quả triển khai Đề án năm \(data.year)", created: context.date),
                            blocks: blocks)
    }

    private static func indicatorTable(_ data: YearConsolidation) -> Block {
        let columns = [
            Decree30.Column("Chỉ số", weight: 40), Decree30.Column("Đơn vị tính", weight: 14),
            Decree30.Column("Chỉ tiêu", weight: 12, alignment: .right), Decree30.Column("Kết quả", weight: 14, alignment: .right),
        ]
        let rows = data.indicators.map {
            [$0.name, $0.measure, $0.target.map { VietnameseNumber.format($0) } ?? "",
             $0.value.map { VietnameseNumber.format($0) } ?? "Chưa có số liệu"]
        }
        return Decree30.dataTable(columns, rows: rows, layout: .a4Portrait)
    }

    /// One line per distinct text, the units that raised it named once.
    private static func condensed(_ texts: [UnitText]) -> [Block] {
        guard !texts.isEmpty else { return [Decree30.paragraph("Không có.")] }
        var order: [String] = []
        var units: [String: [String]] = [:]
        for text in texts {
            if units[text.text] == nil { order.append(text.text) }
            if !(units[text.text]?.contains(text.unit) ?? false) { units[text.text, default: []].append(text.unit) }
        }
        return order.map { Decree30.paragraph("- \($0) (\(units[$0]!.joined(separator: ", ")))") }
    }
}
