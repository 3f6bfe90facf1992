import Consolidation
import Foundation
import ReportModel

/// The mid-term (2028) and final (2030) reviews, as a real sơ kết / tổng
/// kết report has them: results year by year (a year without data says
/// so), indicators per year and cumulative, funding, each unit's reporting
/// record; then assessment, shortcomings and causes, lessons, directions
/// and proposals — the secretariat's words, or drafts from the data.
public enum ReviewDocument {
    public static func document(_ data: MultiYearReview, context: DocumentContext) -> WordDocument {
        let plan = context.plan
        let years = Array(data.yearRange)
        let span = "\(data.firstYear) - \(data.lastYear)"
        let isFinal = data.review == .final
        let subject = "\(isFinal ? "Tổng kết" : "Sơ kết") tình hình thực hiện Đề án chuyển đổi số doanh nghiệp nhỏ và vừa giai đoạn \(span)"
        let symbol = "BC-BKHCN"
        let judgement = Judgement(notes: context.notes, secretariat: context.secretariatName)
        let drafts = ReviewDrafts(data: data, context: context)
        var blocks: [Block] = [
            Decree30.header(OfficialHeader(parentAgency: nil, issuingAgency: plan.ministry.heading, number: context.number(symbol),
                                           place: context.place, date: context.date)),
        ]
        blocks += Decree30.title("Báo cáo", subject: subject)
        blocks.append(Decree30.addressee(["Thủ tướng Chính phủ"]))
        blocks.append(Decree30.paragraph("Thực hiện \(context.decision), \(plan.ministry.name) báo cáo \(data.review.vietnameseName) "
            + "tình hình thực hiện Đề án giai đoạn \(span) như sau:"))
        if !data.yearsWithoutData.isEmpty {
            blocks.append(Decree30.paragraph("Chưa có báo cáo nào được tiếp nhận cho năm " + Prose.list(data.yearsWithoutData.map(String.init))
                + "; số liệu các năm này được ghi là “chưa có số liệu”, không tính bằng 0."))
        }

        blocks.append(Decree30.partHeading("I", "TÌNH HÌNH TRIỂN KHAI VÀ BÁO CÁO CỦA CÁC ĐƠN VỊ"))
        blocks.append(Decree30.dataTable(
            [Decree30.Column("Đơn vị", weight: 40)] + years.map { Decree30.Column(String($0), weight: 15, alignment: .center) },
            rows: data.reportingRecord.map { record in
                [record.name] + years.map { year in
                    data.yearsWithoutData.contains(year) ? "Chưa có số liệu" : Words.record(record.byYear[year] ?? .notRequired)
                }
            },
            layout: .a4Portrait))

        blocks.append(Decree30.partHeading("II", "KẾT QUẢ ĐẠT ĐƯỢC"))
        blocks.append(Decree30.itemHeading("1", "Tình hình thực hiện các nhiệm vụ qua các năm"))
        for year in years {
            guard !data.yearsWithoutData.contains(year), let yearData = data.years[year] else {
                blocks.append(Decree30.paragraph("Năm \(year): chưa có số liệu."))
                continue
            }
            let c = yearData.statusCounts
            blocks.append(Decree30.paragraph(Prose.sentence("Năm \(year): trong \(c.total) nhiệm vụ, \(c[.completed]) đã hoàn thành, "
                + "\(c[.onSchedule]) đúng tiến độ, \(c[.behindSchedule]) chậm tiến độ, \(c[.notStarted]) chưa triển khai, "
                + "\(c[.overdue]) quá hạn, \(c[.notReported]) chưa được báo cáo")))
        }
        blocks += Decree30.figure(progressChart(data, years: years),
                                  caption: "Biểu đồ 1. Số nhiệm vụ đã hoàn thành hoặc đúng tiến độ qua các năm")
        blocks.append(Decree30.paragraph("Tình hình từng nhiệm vụ qua các năm tại Phụ lục I."))

        blocks.append(Decree30.lead("Thực hiện kế hoạch triển khai chi tiết của các đơn vị qua các năm:"))
        blocks.append(Decree30.dataTable(
            [Decree30.Column("Năm", weight: 10, alignment: .center), Decree30.Column("Đơn vị có kế hoạch chi tiết", weight: 25, alignment: .center),
             Decree30.Column("Mốc kết quả đã đến hạn", weight: 22, alignment: .center), Decree30.Column("Đã thực hiện", weight: 20, alignment: .center),
             Decree30.Column("Chậm so với kế hoạch", weight: 23, alignment: .center)],
            rows: years.map { year -> [String] in
                guard !data.yearsWithoutData.contains(year), let yearData = data.years[year] else {
                    return [String(year)] + Array(repeating: "Chưa có số liệu", count: 4)
                }
                let due = yearData.milestonesDue
                return [String(year), "\(yearData.plans.onFile.count)/\(yearData.reporting.count)", String(due),
                        String(due - yearData.slipped.count), String(yearData.slipped.count)]
            },
            layout: .a4Portrait))

        blocks.append(Decree30.itemHeading("2", "Các chỉ số theo dõi"))
        blocks.append(Decree30.dataTable(
            [Decree30.Column("Chỉ số", weight: 26), Decree30.Column("Đơn vị tính", weight: 9)]
                + years.map { Decree30.Column(String($0), weight: 9, alignment: .right) }
                + [Decree30.Column("Lũy kế", weight: 10, alignment: .right), Decree30.Column("Cách tổng hợp", weight: 10)],
            rows: data.cumulative.map { indicator in
                [indicator.name, indicator.measure]
                    + years.map { year in (indicator.byYear[year] ?? nil).map { VietnameseNumber.format($0) } ?? "Chưa có số liệu" }
                    + [indicator.value.map { VietnameseNumber.format($0) } ?? "Chưa có số liệu", Words.aggregation(indicator.aggregation)]
            },
            layout: .a4Portrait))
        blocks.append(Decree30.paragraph("(Chỉ số cộng dồn được cộng qua các năm; chỉ số mức độ lấy giá trị của năm gần nhất, không cộng.)"))

        blocks.append(Decree30.itemHeading("3", "Kinh phí thực hiện"))
        let sources = FundingSource.allCases
        blocks.append(Decree30.dataTable(
            [Decree30.Column("Năm", weight: 10, alignment: .center)] + sources.map { Decree30.Column(Words.funding($0), weight: 20, alignment: .right) }
                + [Decree30.Column("Tổng cộng", weight: 20, alignment: .right)],
            rows: years.map { year -> [String] in
                guard let funding = data.fundingByYear[year] else { return [String(year)] + Array(repeating: "Chưa có số liệu", count: sources.count + 1) }
                return [String(year)] + sources.map { YearSections.money(funding[$0]) } + [YearSections.money(funding.total)]
            } + [["Tổng cộng"] + sources.map { YearSections.money(data.funding[$0]) } + [YearSections.money(data.funding.total)]],
            layout: .a4Portrait))
        blocks.append(Decree30.paragraph("(Đơn vị tính: đồng)"))

        blocks.append(Decree30.partHeading("III", "ĐÁNH GIÁ CHUNG"))
        blocks += judgement.section(context.notes?.assessments ?? []) { drafts.assessment() }
        blocks.append(Decree30.partHeading("IV", "TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN"))
        blocks += judgement.section(context.notes?.shortcomings ?? []) { drafts.shortcomings() }
        blocks.append(Decree30.partHeading("V", "BÀI HỌC KINH NGHIỆM"))
        blocks += judgement.section(context.notes?.lessons ?? []) { drafts.lessons() }
        blocks.append(Decree30.partHeading("VI", isFinal ? "NHIỆM VỤ, GIẢI PHÁP SAU NĂM \(data.lastYear)"
                                                         : "NHIỆM VỤ, GIẢI PHÁP GIAI ĐOẠN \(data.lastYear + 1) - \(plan.lastYear)"))
        blocks += judgement.section(context.notes?.directions ?? []) { drafts.directions() }
        blocks.append(Decree30.partHeading("VII", "ĐỀ XUẤT, KIẾN NGHỊ"))
        let upward = years.compactMap { data.years[$0] }.flatMap { $0.tasks.flatMap(\.proposals) }.filter { $0.to == .government }
        let own = context.notes?.proposals ?? []
        if upward.isEmpty && own.isEmpty {
            blocks += judgement.section([]) { ["Trong giai đoạn \(span), các đơn vị chưa có đề xuất, kiến nghị gửi Chính phủ, Thủ tướng Chính phủ"] }
        } else {
            blocks += Grouped.proposals(upward, context: context).map { Decree30.paragraph("- " + Prose.sentence($0)) }
            blocks += own.map { Decree30.paragraph("- " + Prose.sentence($0.text)) }
        }

        blocks.append(Decree30.closing("\(plan.ministry.name) kính báo cáo Thủ tướng Chính phủ./."))
        blocks.append(Decree30.signature(context.signature(recipients: ["Như trên", "Lãnh đạo Bộ", "Các đơn vị chủ trì nhiệm vụ"],
                                                           authority: "KT. BỘ TRƯỞNG", title: "THỨ TRƯỞNG")))

        blocks.append(.sectionBreak(.a4Landscape))
        blocks += Decree30.annexTitle("PHỤ LỤC I", "TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ QUA CÁC NĂM",
                                      note: context.annexNote(symbol, issuer: plan.ministry.name))
        blocks.append(Decree30.dataTable(
            [Decree30.Column("Mã", weight: 7, alignment: .center), Decree30.Column("Nhiệm vụ", weight: 33),
             Decree30.Column("Đơn vị chủ trì", weight: 14)] + years.map { Decree30.Column(String($0), weight: 12, alignment: .center) },
            rows: plan.tasks.map { task in
                [task.code, task.title, context.unitName(task.lead)] + years.map { year in
                    guard !data.yearsWithoutData.contains(year),
                          let outcome = data.years[year]?.tasks.first(where: { $0.code == task.code }) else { return "Chưa có số liệu" }
                    return Words.taskState(outcome) + (outcome.status == .notReported ? "" : outcome.progress.map { "\n\($0)%" } ?? "")
                }
            },
            layout: .a4Landscape))
        return WordDocument(metadata: DocumentMetadata(title: subject, subject: subject, created: context.date), blocks: blocks)
    }

    /// Tasks completed or on schedule, year by year; a year without data has no bar.
    private static func progressChart(_ data: MultiYearReview, years: [Int]) -> BarChart {
        let bars = years.map { year -> BarChart.Bar in
            guard !data.yearsWithoutData.contains(year), let yearData = data.years[year] else {
                return BarChart.Bar(category: "\(year) (chưa có số liệu)", value: nil, color: ChartPalette.completed)
            }
            let c = yearData.statusCounts
            return BarChart.Bar(category: String(year), value: c[.completed] + c[.onSchedule], color: ChartPalette.completed)
        }
        return BarChart(seriesName: "Nhiệm vụ đã hoàn thành hoặc đúng tiến độ", bars: bars, width: Twips.cm(15), height: Twips.cm(7),
                        description: "Số nhiệm vụ đã hoàn thành hoặc đúng tiến độ qua các năm \(data.firstYear)–\(data.lastYear)")
    }
}

/// Judgement drafted from the years' data.
struct ReviewDrafts {
    var data: MultiYearReview
    var context: DocumentContext

    /// A task as a sentence names it, with its lead unit.
    private func named(_ task: OpenTask) -> String {
        "\(Prose.lowerFirst(Prose.clause(task.title))) (\(context.unitName(task.lead)))"
    }

    private var withData: [(year: Int, data: YearConsolidation)] { data.yearsWithData.compactMap { y in data.years[y].map { (y, $0) } } }

    func assessment() -> [String] {
        var lines: [String] = []
        if let last = withData.last {
            let c = last.data.statusCounts
            lines.append("Đến năm \(last.year), \(c[.completed]) nhiệm vụ đã hoàn thành và \(c[.onSchedule]) nhiệm vụ đang thực hiện đúng tiến độ "
                + "trong \(c.total) nhiệm vụ phải thực hiện")
        }
        let reached = data.cumulative.compactMap { indicator -> String? in
            guard let value = indicator.value else { return nil }
            return "\(Prose.lowerFirst(indicator.name)) \(VietnameseNumber.format(value)) \(indicator.measure)"
                + (indicator.target.map { " (chỉ tiêu \(VietnameseNumber.format($0)))" } ?? "")
        }
        if !reached.isEmpty { lines.append("Các chỉ số chủ yếu đạt được: " + reached.joined(separator: "; ")) }
        let years = data.yearsWithData
        let records = data.reportingRecord.flatMap { record in years.compactMap { record.byYear[$0] } }
        let onTime = records.filter { $0 == .onTime }.count
        let required = records.filter { $0 != .notRequired }.count
        if required > 0 { lines.append("Các đơn vị đã gửi đúng hạn \(onTime)/\(required) lượt báo cáo trong giai đoạn") }
        return lines
    }

    func shortcomings() -> [String] {
        var lines: [String] = []
        let overdue = data.open.filter(\.overdue)
        if !overdue.isEmpty {
            lines.append("Còn \(overdue.count) nhiệm vụ quá hạn mà chưa hoàn thành: "
                + overdue.map(named).joined(separator: "; "))
        }
        if !data.yearsWithoutData.isEmpty {
            lines.append("Chưa có số liệu của năm " + Prose.list(data.yearsWithoutData.map(String.init)))
        }
        // Only years with data: a year nobody reported is said once, above.
        let missing = data.reportingRecord.compactMap { record -> String? in
            let years = data.yearsWithData.filter { record.byYear[$0] == .missing }
            return years.isEmpty ? nil : "\(record.name) (năm \(Prose.list(years.map(String.init))))"
        }
        if !missing.isEmpty { lines.append("Các đơn vị chưa gửi báo cáo: " + missing.joined(separator: "; ")) }
        let difficulties = withData.flatMap { $0.data.tasks.flatMap(\.difficulties) }
        if !difficulties.isEmpty {
            lines.append("Khó khăn, vướng mắc các đơn vị nêu trong giai đoạn:")
            lines += Grouped.difficulties(difficulties, context: context).map { "- " + $0 }
        }
        if lines.isEmpty { lines.append("Không có nhiệm vụ quá hạn; các đơn vị báo cáo đầy đủ") }
        return lines
    }

    func lessons() -> [String] {
        var lines = ["Việc các đơn vị báo cáo định kỳ, đúng hạn và có số liệu theo chỉ số giúp Bộ theo dõi, đôn đốc kịp thời"]
        let difficulties = withData.flatMap { $0.data.tasks.flatMap(\.difficulties) }
        if let top = DifficultyKind.allCases.max(by: { a, b in
            difficulties.filter { $0.kind == a }.count < difficulties.filter { $0.kind == b }.count
        }), difficulties.contains(where: { $0.kind == top }) {
            lines.append("Khó khăn được nêu nhiều nhất là \(Prose.lowerFirst(Words.difficulty(top)).replacingOccurrences(of: "về ", with: "")): "
                + "cần được chuẩn bị, tháo gỡ ngay từ đầu năm")
        }
        return lines
    }

    func directions() -> [String] {
        var lines: [String] = []
        let overdue = data.open.filter(\.overdue)
        if !overdue.isEmpty {
            lines.append("Hoàn thành các nhiệm vụ quá hạn: "
                + overdue.map(named).joined(separator: "; "))
        }
        // Continuing tasks by the date they run to: a few are named, many are counted.
        let continuing = data.open.filter { !$0.overdue }
        var deadlines: [String] = []
        for task in continuing where !deadlines.contains(task.deadline ?? "") { deadlines.append(task.deadline ?? "") }
        for deadline in deadlines {
            let tasks = continuing.filter { ($0.deadline ?? "") == deadline }
            let what = tasks.count <= 4
                ? "các nhiệm vụ " + tasks.map { Prose.lowerFirst(Prose.clause($0.title)) }.joined(separator: "; ")
                : "\(tasks.count) nhiệm vụ thường xuyên, hằng năm của Kế hoạch (danh mục tại Phụ lục I)"
            lines.append("Tiếp tục thực hiện đến ngày \(Self.date(deadline)) \(what)")
        }
        if data.review == .final {
            lines.append("Duy trì, phát huy các kết quả của Đề án sau năm \(data.lastYear) trong các chương trình, kế hoạch của Bộ")
        }
        return lines
    }

    private static func date(_ iso: String?) -> String {
        iso.flatMap { CalendarDate(iso: $0) }.map(VietnameseDate.short) ?? ""
    }
}
