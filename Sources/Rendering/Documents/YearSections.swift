import Consolidation
import Foundation
import ReportModel

/// Sections the ministry summary and the Prime Minister report share, so
/// that both say the same thing in the same words.
struct YearSections {
    var data: YearConsolidation
    var context: DocumentContext

    private var dueTasks: [TaskOutcome] { data.tasks.filter(\.due) }

    /// I. Reporting status: how many had to report, on time, late (with the
    /// date), missing (named).
    func reporting() -> [Block] {
        let required = data.reporting.count
        let onTime = data.reporting.filter { $0.state == "on-time" }
        let late = data.reporting.filter { $0.state == "late" }
        let missing = data.reporting.filter { $0.state == "missing" }
        var blocks: [Block] = [
            Decree30.paragraph("Năm \(data.year), \(required) đơn vị chủ trì nhiệm vụ phải gửi báo cáo trước ngày 15/11/\(data.year); "
                + "đã có \(onTime.count + late.count) đơn vị gửi báo cáo, trong đó \(onTime.count) đơn vị gửi đúng hạn, "
                + "\(late.count) đơn vị gửi muộn; \(missing.count) đơn vị chưa gửi báo cáo."),
        ]
        if !late.isEmpty {
            let names = late.map { "\($0.name) (nhận ngày \(Self.shortDate($0.received)))" }
            blocks.append(Decree30.paragraph("Các đơn vị gửi muộn: " + names.joined(separator: "; ") + "."))
        }
        if !missing.isEmpty {
            blocks.append(Decree30.paragraph("Các đơn vị chưa gửi báo cáo: " + missing.map(\.name).joined(separator: "; ") + "."))
        }
        return blocks
    }

    /// The overall picture: counts by status, over the tasks due this year.
    func overview() -> Block {
        let counts = data.statusCounts
        let total = dueTasks.count
        func n(_ key: String) -> Int { counts[key] ?? 0 }
        return Decree30.paragraph("Trong \(total) nhiệm vụ phải thực hiện và báo cáo năm \(data.year): \(n("completed")) nhiệm vụ đã hoàn thành; "
            + "\(n("on-schedule")) nhiệm vụ đang thực hiện, đúng tiến độ; \(n("behind-schedule")) nhiệm vụ chậm tiến độ; "
            + "\(n("not-started")) nhiệm vụ chưa triển khai; \(n("not-reported")) nhiệm vụ chưa được báo cáo. "
            + "Theo thời hạn của Kế hoạch, \(n("overdue")) nhiệm vụ đã quá hạn mà chưa hoàn thành.")
    }

    /// The task-status chart.
    func chart() -> [Block] {
        let counts = data.statusCounts
        let colours = [ChartPalette.completed, ChartPalette.onSchedule, ChartPalette.behindSchedule,
                       ChartPalette.notStarted, ChartPalette.overdue, ChartPalette.notReported]
        let bars = zip(Labels.statusOrder, colours).map { key, colour in
            BarChart.Bar(category: Labels.taskStatus(key), value: counts[key] ?? 0, color: colour)
        }
        let chart = BarChart(seriesName: "Số nhiệm vụ", bars: bars, width: Twips.cm(15), height: Twips.cm(7.5),
                             description: "Biểu đồ tình trạng thực hiện các nhiệm vụ năm \(data.year)")
        return Decree30.figure(chart, caption: "Biểu đồ 1. Tình trạng thực hiện các nhiệm vụ năm \(data.year)")
    }

    /// Task by task, grouped as the seed groups them.
    func taskResults(detailed: Bool) -> [Block] {
        var blocks: [Block] = []
        for (number, group) in context.plan.groups.filter({ g in data.tasks.contains { $0.group == g.code } }).enumerated() {
            blocks.append(Decree30.itemHeading(String(number + 1), group.title))
            for task in data.tasks where task.group == group.code {
                blocks += detailed ? taskDetail(task) : [taskSummary(task)]
            }
        }
        return blocks
    }

    private func taskSummary(_ task: TaskOutcome) -> Block {
        var text = "Nhiệm vụ \(task.code) (\(context.unitName(task.lead))): \(Labels.taskState(task))"
        if let progress = task.progress { text += ", tiến độ \(progress)%" }
        if let result = task.results.last { text += ". \(result.text)" }
        return Decree30.paragraph([Run("Nhiệm vụ \(task.code). ", .bold), Run(String(text.dropFirst("Nhiệm vụ \(task.code) ".count)))])
    }

    private func taskDetail(_ task: TaskOutcome) -> [Block] {
        var blocks: [Block] = [Decree30.paragraph([Run("Nhiệm vụ \(task.code). \(task.title)", .bold)])]
        var state = "Đơn vị chủ trì: \(context.unitName(task.lead)). Tình trạng: \(Labels.taskState(task))"
        if let progress = task.progress { state += "; tiến độ \(progress)%" }
        if let deadline = task.deadline, let date = CalendarDate(iso: deadline) { state += "; thời hạn \(VietnameseDate.short(date))" }
        blocks.append(Decree30.paragraph(state + "."))
        if let responsible = task.responsible { blocks.append(Decree30.paragraph("Cá nhân chủ trì: \(responsible).")) }
        if task.overdue {
            blocks.append(Decree30.paragraph([Run("Đánh giá của Vụ: ", .italic),
                                             Run("nhiệm vụ đã quá thời hạn của Kế hoạch mà chưa hoàn thành.")]))
        } else if task.status == "not-reported" && task.due {
            blocks.append(Decree30.paragraph([Run("Đánh giá của Vụ: ", .italic), Run("đơn vị chủ trì chưa báo cáo nhiệm vụ này.")]))
        }
        for result in task.results {
            blocks.append(Decree30.paragraph("- Tháng \(Self.month(result.month)) (\(result.unit)): \(result.text)"))
        }
        for product in task.products {
            var line = "- Sản phẩm: \(product.text)"
            if let date = product.date.flatMap({ CalendarDate(iso: $0) }) { line += " (\(VietnameseDate.short(date)))" }
            blocks.append(Decree30.paragraph(line))
        }
        for indicator in data.indicators where context.plan.indicator(indicator.code)?.tasks.first == task.code {
            blocks.append(Decree30.paragraph("- \(indicator.name): \(Self.value(indicator.value, indicator.measure))"
                + (indicator.target.map { " (chỉ tiêu: \(VietnameseNumber.format($0)) \(indicator.measure))" } ?? "") + "."))
        }
        return blocks
    }

    /// III or IV: the units' difficulties or proposals, by unit.
    func unitTexts(_ pick: (TaskOutcome) -> [UnitText]) -> [Block] {
        let texts = data.tasks.flatMap(pick)
        guard !texts.isEmpty else { return [Decree30.paragraph("Các đơn vị không nêu nội dung này trong báo cáo.")] }
        var blocks: [Block] = []
        for unit in Array(Set(texts.map(\.unit))).sorted() {
            blocks.append(Decree30.paragraph([Run(context.unitName(unit) + ":", .bold)]))
            for text in texts where text.unit == unit {
                blocks.append(Decree30.paragraph("- \(text.text) (nhiệm vụ \(text.task))."))
            }
        }
        return blocks
    }

    /// Funding by task and in all, as a table.
    func funding() -> [Block] {
        let sources = FundingSource.allCases.map(\.rawValue)
        let columns = [Decree30.Column("Nhiệm vụ", weight: 2)] + sources.map { Decree30.Column(Labels.funding($0), weight: 3, alignment: .right) }
            + [Decree30.Column("Tổng cộng", weight: 3, alignment: .right)]
        var rows: [[String]] = []
        for task in data.tasks where !task.funding.isEmpty {
            let amounts = sources.map { task.funding[$0] ?? 0 }
            rows.append([task.code] + amounts.map { VietnameseNumber.format($0) } + [VietnameseNumber.format(amounts.reduce(0, +))])
        }
        let totals = sources.map { data.funding[$0] ?? 0 }
        rows.append(["Tổng cộng"] + totals.map { VietnameseNumber.format($0) } + [VietnameseNumber.format(totals.reduce(0, +))])
        return [
            Decree30.paragraph("Tổng kinh phí các đơn vị báo cáo đã sử dụng năm \(data.year) là \(VietnameseNumber.format(totals.reduce(0, +))) đồng, "
                + "trong đó " + zip(sources, totals).map { "\(Labels.funding($0).lowercased()) \(VietnameseNumber.format($1)) đồng" }.joined(separator: ", ") + "."),
            Decree30.dataTable(columns, rows: rows, layout: .a4Portrait),
            Decree30.paragraph("(Đơn vị tính: đồng)"),
        ]
    }

    /// Annex I: every task.
    func annexTasks(number: String) -> [Block] {
        let columns = [
            Decree30.Column("STT", weight: 5, alignment: .center), Decree30.Column("Mã", weight: 6, alignment: .center),
            Decree30.Column("Nhiệm vụ", weight: 30), Decree30.Column("Đơn vị chủ trì", weight: 12),
            Decree30.Column("Thời hạn", weight: 10, alignment: .center), Decree30.Column("Tình trạng", weight: 12),
            Decree30.Column("Tiến độ", weight: 6, alignment: .center), Decree30.Column("Sản phẩm", weight: 25),
        ]
        let rows = data.tasks.enumerated().map { n, task in
            [String(n + 1), task.code, task.title, context.unitName(task.lead),
             context.plan.task(task.code).map { Self.deadline($0.schedule, year: data.year) } ?? "", Labels.taskState(task),
             task.progress.map { "\($0)%" } ?? "", task.products.map(\.text).joined(separator: "\n")]
        }
        return Decree30.annexTitle("PHỤ LỤC \(number)", "TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ NĂM \(data.year)",
                                   note: "(Kèm theo Báo cáo ngày \(VietnameseDate.short(context.date)))")
            + [Decree30.dataTable(columns, rows: rows, layout: .a4Landscape)]
    }

    /// Annex II: indicators, with per-unit values.
    func annexIndicators(number: String, layout: PageLayout) -> [Block] {
        let columns = [
            Decree30.Column("Mã", weight: 10), Decree30.Column("Tên chỉ số", weight: 28), Decree30.Column("Đơn vị tính", weight: 9),
            Decree30.Column("Chỉ tiêu", weight: 8, alignment: .right), Decree30.Column("Giá trị", weight: 9, alignment: .right),
            Decree30.Column("Cách tổng hợp", weight: 12), Decree30.Column("Theo đơn vị", weight: 24),
        ]
        var rows = data.indicators.map { indicator in
            [indicator.code, indicator.name, indicator.measure,
             indicator.target.map { VietnameseNumber.format($0) } ?? "",
             indicator.value.map { VietnameseNumber.format($0) } ?? "Chưa có số liệu",
             Labels.aggregation(indicator.aggregation),
             indicator.byUnit.sorted { $0.key < $1.key }.map { "\($0.key): \(VietnameseNumber.format($0.value))" }.joined(separator: "\n")]
        }
        rows += data.unitIndicators.map {
            [$0.code, $0.name, $0.measure, "", VietnameseNumber.format($0.value), "Chỉ số riêng của đơn vị", "\($0.unit): \(VietnameseNumber.format($0.value))"]
        }
        return Decree30.annexTitle("PHỤ LỤC \(number)", "CÁC CHỈ SỐ THEO DÕI NĂM \(data.year)", pageBreakBefore: true)
            + [Decree30.dataTable(columns, rows: rows, layout: layout)]
    }

    /// Annex III: the submissions used.
    func annexSubmissions(number: String, layout: PageLayout, pageBreakBefore: Bool = true) -> [Block] {
        let columns = [
            Decree30.Column("STT", weight: 5, alignment: .center), Decree30.Column("Đơn vị", weight: 25),
            Decree30.Column("Mã báo cáo", weight: 25), Decree30.Column("Thời điểm nhận", weight: 18),
            Decree30.Column("Thời hạn", weight: 10), Decree30.Column("SHA-256", weight: 17),
        ]
        let rows = data.submissions.enumerated().map { n, source in
            [String(n + 1), context.unitName(source.unit), source.submission, Self.dateTime(source.received),
             Labels.reporting(source.late ? "late" : "on-time"), String(source.sha256.prefix(16))]
        }
        return Decree30.annexTitle("PHỤ LỤC \(number)", "CÁC BÁO CÁO ĐƯỢC SỬ DỤNG ĐỂ TỔNG HỢP", pageBreakBefore: pageBreakBefore)
            + [Decree30.dataTable(columns, rows: rows, layout: layout)]
    }

    /// A schedule in a table cell: the year's deadline, else its rhythm.
    static func deadline(_ schedule: Schedule, year: Int) -> String {
        if let date = schedule.deadline(for: year) { return VietnameseDate.short(date) }
        switch schedule.kind {
        case .continuous: return "Thường xuyên \(schedule.from) - \(schedule.to)"
        case .quarterly: return "Hằng quý"
        case .yearly: return "Hằng năm"
        case .duringYear: return "Trong năm \(schedule.to)"
        case .oneOff: return schedule.deadline.map { "\($0.month)/\($0.year)" } ?? ""
        }
    }

    static func value(_ value: Decimal?, _ measure: String) -> String {
        value.map { "\(VietnameseNumber.format($0)) \(measure)" } ?? "chưa có số liệu"
    }

    /// `2026-03` → `3/2026`.
    static func month(_ iso: String) -> String {
        guard let month = YearMonth(iso: iso) else { return iso }
        return "\(month.month)/\(month.year)"
    }

    /// `2026-11-17T09:15:00+07:00` → `17/11/2026 09:15:00` (the plan's time zone).
    static func dateTime(_ iso: String) -> String {
        guard let date = CalendarDate(iso: String(iso.prefix(10))), iso.count >= 19 else { return iso }
        return "\(VietnameseDate.short(date)) \(iso.dropFirst(11).prefix(8))"
    }

    /// `2026-11-17T09:00:00+07:00` → `17/11/2026`.
    static func shortDate(_ iso: String?) -> String {
        guard let iso, let date = CalendarDate(iso: String(iso.prefix(10))) else { return "" }
        return VietnameseDate.short(date)
    }
}
