import Consolidation
import Foundation
import ReportModel

/// The mid-term (2028) and final (2030) reviews: every task year by year,
/// indicators per year and cumulative, funding, each unit's reporting record,
/// and what remains open. A year without data says so.
public enum ReviewDocument {
    public static func document(_ data: MultiYearReview, context: DocumentContext) -> WordDocument {
        let plan = context.plan
        let years = Array(data.yearRange)
        let span = "\(data.firstYear) - \(data.lastYear)"
        let subject = "\(data.review == .midterm ? "Sơ kết" : "Tổng kết") tình hình thực hiện Đề án chuyển đổi số doanh nghiệp nhỏ và vừa giai đoạn \(span)"
        var blocks: [Block] = [
            Decree30.header(OfficialHeader(parentAgency: nil, issuingAgency: plan.ministry.heading,
                                           number: DocumentNumber(number: nil, symbol: "BC-BKHCN"),
                                           place: context.place, date: context.date)),
        ]
        blocks += Decree30.title("Báo cáo", subject: subject)
        blocks.append(Decree30.addressee(["Thủ tướng Chính phủ"]))
        blocks.append(Decree30.paragraph("Thực hiện Quyết định số 433/QĐ-TTg ngày 16/03/2026 của Thủ tướng Chính phủ và \(plan.title), "
            + "\(plan.ministry.name) báo cáo \(data.review.vietnameseName) tình hình thực hiện Đề án giai đoạn \(span) như sau:"))
        if !data.yearsWithoutData.isEmpty {
            blocks.append(Decree30.paragraph("Lưu ý: chưa có báo cáo nào được tiếp nhận cho năm "
                + data.yearsWithoutData.map(String.init).joined(separator: ", ")
                + "; số liệu các năm này được ghi là \"chưa có số liệu\", không tính bằng 0."))
        }

        blocks.append(Decree30.partHeading("I", "TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ QUA CÁC NĂM"))
        blocks.append(Decree30.dataTable(
            [Decree30.Column("Đơn vị", weight: 40)] + years.map { Decree30.Column(String($0), weight: 15, alignment: .center) },
            rows: data.reportingRecord.map { record in
                [record.name] + years.map { year in
                    let state = record.byYear[String(year)] ?? "not-required"
                    return state == "not-required" ? "Không phải báo cáo" : Labels.reporting(state)
                }
            },
            layout: .a4Portrait))

        blocks.append(Decree30.partHeading("II", "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ"))
        for year in years {
            guard let yearData = data.years[String(year)] else { continue }
            if data.yearsWithoutData.contains(year) {
                blocks.append(Decree30.paragraph("Năm \(year): chưa có số liệu."))
                continue
            }
            let counts = yearData.statusCounts
            blocks.append(Decree30.paragraph("Năm \(year): \(counts["completed"] ?? 0) nhiệm vụ đã hoàn thành, "
                + "\(counts["on-schedule"] ?? 0) đúng tiến độ, \(counts["behind-schedule"] ?? 0) chậm tiến độ, "
                + "\(counts["not-started"] ?? 0) chưa triển khai, \(counts["not-reported"] ?? 0) chưa báo cáo; \(counts["overdue"] ?? 0) quá hạn."))
        }
        blocks += Decree30.figure(progressChart(data, years: years),
                                  caption: "Biểu đồ 1. Số nhiệm vụ đã hoàn thành qua các năm")
        blocks.append(Decree30.paragraph("Tình trạng từng nhiệm vụ qua các năm tại Phụ lục I."))

        blocks.append(Decree30.partHeading("III", "CÁC CHỈ SỐ THEO DÕI"))
        blocks.append(Decree30.dataTable(
            [Decree30.Column("Chỉ số", weight: 30), Decree30.Column("Đơn vị tính", weight: 10)]
                + years.map { Decree30.Column(String($0), weight: 9, alignment: .right) }
                + [Decree30.Column("Lũy kế", weight: 10, alignment: .right), Decree30.Column("Cách tổng hợp", weight: 12)],
            rows: data.cumulative.map { indicator in
                [indicator.name, indicator.measure]
                    + years.map { year in (indicator.byYear[String(year)] ?? nil).map { VietnameseNumber.format($0) } ?? "—" }
                    + [indicator.value.map { VietnameseNumber.format($0) } ?? "Chưa có số liệu", Labels.aggregation(indicator.aggregation)]
            },
            layout: .a4Portrait))
        blocks.append(Decree30.paragraph("(\"—\": năm chưa có số liệu. Chỉ số cộng dồn được cộng qua các năm; chỉ số mức độ lấy giá trị của năm gần nhất.)"))

        blocks.append(Decree30.partHeading("IV", "KINH PHÍ THỰC HIỆN"))
        let sources = FundingSource.allCases.map(\.rawValue)
        blocks.append(Decree30.dataTable(
            [Decree30.Column("Năm", weight: 10, alignment: .center)] + sources.map { Decree30.Column(Labels.funding($0), weight: 20, alignment: .right) }
                + [Decree30.Column("Tổng cộng", weight: 20, alignment: .right)],
            rows: years.map { year -> [String] in
                guard let funding = data.fundingByYear[String(year)] else { return [String(year)] + Array(repeating: "Chưa có số liệu", count: sources.count + 1) }
                let amounts = sources.map { funding[$0] ?? 0 }
                return [String(year)] + amounts.map { VietnameseNumber.format($0) } + [VietnameseNumber.format(amounts.reduce(0, +))]
            } + [["Tổng cộng"] + sources.map { VietnameseNumber.format(data.funding[$0] ?? 0) }
                 + [VietnameseNumber.format(sources.map { data.funding[$0] ?? 0 }.reduce(0, +))]],
            layout: .a4Portrait))
        blocks.append(Decree30.paragraph("(Đơn vị tính: đồng)"))

        blocks.append(Decree30.partHeading("V", "NHỮNG NHIỆM VỤ CÒN PHẢI TIẾP TỤC THỰC HIỆN"))
        let overdue = data.open.filter(\.overdue)
        if !overdue.isEmpty {
            blocks.append(Decree30.paragraph("Các nhiệm vụ đã quá thời hạn của Kế hoạch mà chưa hoàn thành:"))
            for task in overdue {
                blocks.append(Decree30.paragraph("- Nhiệm vụ \(task.code) (\(context.unitName(task.lead))): \(task.title); "
                    + "thời hạn \(shortDate(task.deadline)); tình trạng gần nhất: \(Labels.taskStatus(task.lastStatus))"
                    + (task.lastReportedYear.map { " (năm \($0))" } ?? "") + "."))
            }
        }
        let continuing = data.open.filter { !$0.overdue }
        if !continuing.isEmpty {
            blocks.append(Decree30.paragraph("Các nhiệm vụ tiếp tục thực hiện đến hết thời hạn của Kế hoạch: "
                + continuing.map { "\($0.code) (đến \(shortDate($0.deadline)))" }.joined(separator: "; ") + "."))
        }
        blocks.append(Decree30.closing("\(plan.ministry.name) kính báo cáo Thủ tướng Chính phủ./."))
        blocks.append(Decree30.signature(SignatureBlock(recipients: ["Như trên", "Lãnh đạo Bộ", "Các đơn vị chủ trì nhiệm vụ"],
                                                        archive: "VT, \(plan.secretariat)", authority: "KT. BỘ TRƯỞNG", title: "THỨ TRƯỞNG")))

        blocks.append(.sectionBreak(.a4Landscape))
        blocks += Decree30.annexTitle("PHỤ LỤC I", "TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ QUA CÁC NĂM",
                                      note: "(Kèm theo Báo cáo ngày \(VietnameseDate.short(context.date)))")
        blocks.append(Decree30.dataTable(
            [Decree30.Column("Mã", weight: 6, alignment: .center), Decree30.Column("Nhiệm vụ", weight: 34),
             Decree30.Column("Đơn vị chủ trì", weight: 14)] + years.map { Decree30.Column(String($0), weight: 12, alignment: .center) },
            rows: plan.tasks.map { task in
                [task.code, task.title, context.unitName(task.lead)] + years.map { year in
                    guard !data.yearsWithoutData.contains(year),
                          let outcome = data.years[String(year)]?.tasks.first(where: { $0.code == task.code }) else { return "Chưa có số liệu" }
                    return Labels.taskState(outcome) + (outcome.progress.map { "\n\($0)%" } ?? "")
                }
            },
            layout: .a4Landscape))
        return WordDocument(metadata: DocumentMetadata(title: subject, subject: subject, created: context.date), blocks: blocks)
    }

    private static func progressChart(_ data: MultiYearReview, years: [Int]) -> BarChart {
        let bars = years.map { year -> BarChart.Bar in
            let completed = data.years[String(year)]?.tasks.filter { $0.status == TaskStatus.completed.rawValue }.count ?? 0
            return BarChart.Bar(category: data.yearsWithoutData.contains(year) ? "\(year) (chưa có số liệu)" : String(year),
                                value: completed, color: ChartPalette.completed)
        }
        return BarChart(seriesName: "Nhiệm vụ đã hoàn thành", bars: bars, width: Twips.cm(15), height: Twips.cm(7),
                        description: "Số nhiệm vụ đã hoàn thành qua các năm \(data.firstYear)–\(data.lastYear)")
    }

    private static func shortDate(_ iso: String?) -> String {
        iso.flatMap { CalendarDate(iso: $0) }.map(VietnameseDate.short) ?? ""
    }
}
