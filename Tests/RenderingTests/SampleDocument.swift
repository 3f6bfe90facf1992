import Foundation
import Rendering
import ReportModel

/// An official report using every building block: header, title,
/// addressee, headings, body, chart, a landscape annex with an 8-column
/// table long enough to repeat its heading row, back to portrait, signature.
enum SampleDocument {
    static let date = CalendarDate(year: 2026, month: 12, day: 1)

    /// The numbered sample comes from KTXHS under the Ministry; the unnumbered
    /// draft from the Ministry itself (no parent agency), as the PM report is.
    static func make(numbered: Bool = true) -> WordDocument {
        let header = numbered
            ? OfficialHeader(parentAgency: "Bộ Khoa học và Công nghệ", issuingAgency: "Vụ Kinh tế và Xã hội số",
                             number: DocumentNumber(number: 5, symbol: "BC-KTXHS"), place: "Hà Nội", date: date)
            : OfficialHeader(parentAgency: nil, issuingAgency: "Bộ Khoa học và Công nghệ",
                             number: DocumentNumber(number: nil, symbol: "BC-BKHCN"), place: "Hà Nội",
                             date: CalendarDate(year: 2026, month: 2, day: 5))
        var blocks: [Block] = [Decree30.header(header)]
        blocks += Decree30.title("Báo cáo", subject: "Kết quả thực hiện Kế hoạch triển khai Đề án hỗ trợ\ndoanh nghiệp nhỏ và vừa chuyển đổi số năm 2026")
        blocks.append(Decree30.addressee(["Lãnh đạo Bộ"]))
        blocks.append(Decree30.paragraph("Thực hiện Kế hoạch số 123/KH-BKHCN, Vụ Kinh tế và Xã hội số tổng hợp kết quả thực hiện năm 2026 của các đơn vị như sau:"))
        blocks.append(Decree30.partHeading("I", "TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ"))
        blocks.append(Decree30.paragraph("Có 12/14 đơn vị gửi báo cáo; 10 đơn vị gửi đúng hạn, 2 đơn vị gửi muộn. Tổng kinh phí đã sử dụng là \(VietnameseNumber.format(Int64(1_500_000_000))) đồng, đạt \(VietnameseNumber.percent(62.5)) kế hoạch; đã hỗ trợ \(VietnameseNumber.format(1240)) doanh nghiệp."))
        blocks.append(Decree30.partHeading("II", "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ"))
        blocks.append(Decree30.itemHeading("1", "Nhiệm vụ 1.1: Xây dựng nền tảng số hỗ trợ doanh nghiệp"))
        blocks.append(Decree30.paragraph([Run("Kết quả: ", .bold), Run("đã hoàn thành giai đoạn 1;\tđang triển khai giai đoạn 2.\nSản phẩm: nền tảng trực tuyến.")]))
        blocks += Decree30.figure(statusChart, caption: "Biểu đồ 1. Tình hình thực hiện các nhiệm vụ năm 2026")
        blocks.append(Decree30.partHeading("III", "KHÓ KHĂN, VƯỚNG MẮC"))
        blocks.append(Decree30.paragraph("Một số đơn vị chưa bố trí đủ nhân lực; dữ liệu chưa đồng bộ."))
        blocks.append(Decree30.partHeading("IV", "ĐỀ XUẤT, KIẾN NGHỊ"))
        blocks.append(Decree30.paragraph("Đề nghị Lãnh đạo Bộ chỉ đạo các đơn vị gửi báo cáo đúng hạn."))
        blocks.append(Decree30.signature(SignatureBlock(recipients: ["Như trên", "Thứ trưởng Nguyễn Văn A (để b/c)"],
                                                        archive: "VT, KTXHS", authority: "KT. Vụ trưởng",
                                                        title: "Phó Vụ trưởng", signer: "Trần Thị Bình")))
        blocks.append(.sectionBreak(.a4Landscape))
        blocks += Decree30.annexTitle("Phụ lục I", "DANH MỤC NHIỆM VỤ NĂM 2026",
                                      note: "(Kèm theo Báo cáo số 05/BC-KTXHS ngày 01 tháng 12 năm 2026)")
        blocks.append(Decree30.dataTable(annexColumns, rows: annexRows, layout: .a4Landscape))
        blocks.append(.sectionBreak(.a4Portrait.withNumberOnFirstPage))
        blocks += Decree30.annexTitle("Phụ lục II", "CHỈ TIÊU")
        blocks.append(Decree30.paragraph("Giá trị chỉ tiêu: \(VietnameseNumber.format(Decimal(string: "1240.75")!))."))
        return WordDocument(metadata: DocumentMetadata(title: "Báo cáo kết quả năm 2026", created: date), blocks: blocks)
    }

    static let statusChart = BarChart(
        seriesName: "Số nhiệm vụ",
        bars: [
            .init(category: "Đã hoàn thành", value: 7, color: ChartPalette.completed),
            .init(category: "Đúng tiến độ", value: 5, color: ChartPalette.onSchedule),
            .init(category: "Chậm tiến độ", value: 3, color: ChartPalette.behindSchedule),
            .init(category: "Chưa triển khai", value: 2, color: ChartPalette.notStarted),
            .init(category: "Quá hạn", value: 1, color: ChartPalette.overdue),
            .init(category: "Chưa báo cáo", value: 2, color: ChartPalette.notReported),
        ],
        width: Twips.cm(15), height: Twips.cm(8), description: "Số nhiệm vụ theo tình trạng thực hiện")

    static let annexColumns: [Decree30.Column] = [
        .init("TT", weight: 5, alignment: .center), .init("Mã", weight: 8, alignment: .center),
        .init("Nhiệm vụ", weight: 30), .init("Đơn vị chủ trì", weight: 15),
        .init("Thời hạn", weight: 10, alignment: .center), .init("Tình trạng", weight: 12),
        .init("Tiến độ (%)", weight: 8, alignment: .right), .init("Sản phẩm", weight: 20),
    ]

    static var annexRows: [[String]] {
        (1...40).map { (i: Int) -> [String] in
            let progress = VietnameseNumber.format(Decimal(i * 2) + Decimal(string: "0.5")!)
            let status = i % 3 == 0 ? "Chậm tiến độ" : "Đúng tiến độ"
            let task = "Nhiệm vụ số \(i): hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số, đào tạo, tư vấn"
            return [String(i), "1.\(i)", task, "Cục Tin học hóa", "31/12/2026", status, progress, "Báo cáo;\nTài liệu hướng dẫn"]
        }
    }
}

extension PageLayout {
    var withNumberOnFirstPage: PageLayout {
        var copy = self
        copy.firstPageWithoutNumber = false
        return copy
    }
}
