import Consolidation
import Foundation
import ReportModel

/// Sections the yearly documents share, so that they say the same thing in
/// the same words.
struct YearSections {
    var data: YearConsolidation
    var context: DocumentContext
    /// Tasks the document speaks of (the PM report leaves out III.1, which is itself).
    var tasks: [TaskOutcome]

    init(data: YearConsolidation, context: DocumentContext, excluding excluded: Set<String> = []) {
        self.data = data
        self.context = context
        tasks = data.tasks.filter { !excluded.contains($0.code) }
    }

    private var dueTasks: [TaskOutcome] { tasks.filter(\.due) }

    private var counts: StatusCounts {
        var counts = StatusCounts()
        for task in dueTasks { counts.add(task) }
        return counts
    }

    // MARK: I. reporting

    /// How many had to report, on time, late (with the date), missing (named).
    func reporting() -> [Block] {
        let required = data.reporting.count
        let onTime = data.reporting.filter { $0.state == .onTime }
        let late = data.reporting.filter { $0.state == .late }
        let missing = data.reporting.filter { $0.state == .missing }
        let returned = data.reporting.filter { $0.state == .returned }
        let due = context.plan.calendar.unitReportDue
        var text = "Năm \(data.year), \(required) đơn vị chủ trì nhiệm vụ phải gửi báo cáo trước ngày "
            + "\(VietnameseDate.short(CalendarDate(year: data.year, month: due.month, day: due.day))); "
            + "đã có \(onTime.count + late.count) đơn vị gửi báo cáo, trong đó \(onTime.count) đơn vị gửi đúng hạn, \(late.count) đơn vị gửi muộn"
        if !returned.isEmpty { text += "; \(returned.count) đơn vị có báo cáo bị trả lại để hoàn thiện" }
        text += "; \(missing.count) đơn vị chưa gửi báo cáo"
        var blocks = [Decree30.paragraph(Prose.sentence(text))]
        if !late.isEmpty {
            let names = late.map { "\($0.name) (nhận lúc \(Self.instant($0.received)))" }
            blocks.append(Decree30.paragraph(Prose.sentence("Các đơn vị gửi muộn: " + names.joined(separator: "; "))))
        }
        if !returned.isEmpty {
            blocks.append(Decree30.paragraph(Prose.sentence("Các đơn vị có báo cáo bị trả lại, chưa gửi lại: " + returned.map(\.name).joined(separator: "; "))))
        }
        if !missing.isEmpty {
            blocks.append(Decree30.paragraph(Prose.sentence("Các đơn vị chưa gửi báo cáo: " + missing.map(\.name).joined(separator: "; "))))
        }
        return blocks
    }

    // MARK: II. results

    /// The overall picture: the due tasks by where they stand; the counts add up.
    func overview() -> Block {
        let c = counts
        var parts = ["\(c[.completed]) nhiệm vụ đã hoàn thành", "\(c[.onSchedule]) nhiệm vụ đang thực hiện, đúng tiến độ",
                     "\(c[.behindSchedule]) nhiệm vụ chậm tiến độ"]
        if c[.notStarted] > 0 { parts.append("\(c[.notStarted]) nhiệm vụ chưa triển khai") }
        if c[.overdue] > 0 { parts.append("\(c[.overdue]) nhiệm vụ đã quá thời hạn của Kế hoạch mà chưa hoàn thành") }
        if c[.notReported] > 0 { parts.append("\(c[.notReported]) nhiệm vụ chưa được báo cáo") }
        return Decree30.paragraph(Prose.sentence("Trong \(c.total) nhiệm vụ phải thực hiện và báo cáo năm \(data.year): " + parts.joined(separator: "; ")))
    }

    /// The status chart: one bar per standing; the bars add up to the due tasks.
    func chart(number: Int = 1) -> [Block] {
        let c = counts
        let colours: [TaskStanding: String] = [
            .completed: ChartPalette.completed, .onSchedule: ChartPalette.onSchedule, .behindSchedule: ChartPalette.behindSchedule,
            .notStarted: ChartPalette.notStarted, .overdue: ChartPalette.overdue, .notReported: ChartPalette.notReported,
        ]
        let bars = TaskStanding.allCases.map { BarChart.Bar(category: Words.standing($0), value: c[$0], color: colours[$0]!) }
        let chart = BarChart(seriesName: "Số nhiệm vụ", bars: bars, width: Twips.cm(15), height: Twips.cm(6),
                             description: "Biểu đồ tình trạng thực hiện \(c.total) nhiệm vụ năm \(data.year)")
        return Decree30.figure(chart, caption: "Biểu đồ \(number). Tình trạng thực hiện \(c.total) nhiệm vụ năm \(data.year)")
    }

    /// The groups the seed makes, with their tasks, in plan order.
    var groups: [(number: Int, group: PlanGroup, tasks: [TaskOutcome])] {
        var found: [(number: Int, group: PlanGroup, tasks: [TaskOutcome])] = []
        for group in context.plan.groups {
            let members = tasks.filter { $0.group == group.code }
            if !members.isEmpty { found.append((found.count + 1, group, members)) }
        }
        return found
    }

    /// Task by task, grouped as the seed groups them: status, the
    /// pipeline's finding, results by month, products, the indicators
    /// reported under the task.
    func taskResults() -> [Block] {
        var blocks: [Block] = []
        for entry in groups {
            blocks.append(Decree30.itemHeading(String(entry.number), entry.group.title))
            // Each task's words are read back and written one task at a time.
            for task in entry.tasks { blocks.append(.deferred(DeferredBlocks { taskDetail(task) })) }
        }
        return blocks
    }

    private func taskDetail(_ task: TaskOutcome) -> [Block] {
        var blocks: [Block] = [Decree30.paragraph([Run("Nhiệm vụ \(task.code). \(Prose.clause(task.title))", .bold)])]
        var state = "Đơn vị chủ trì: \(context.unitName(task.lead)). Tình trạng: \(Words.taskState(task))"
        if let progress = task.progress, task.status != .notReported { state += "; tiến độ \(progress)%" }
        if let deadline = task.deadline, let date = CalendarDate(iso: deadline) { state += "; thời hạn \(VietnameseDate.short(date))" }
        blocks.append(Decree30.paragraph(Prose.sentence(state)))
        if let responsible = task.responsible { blocks.append(Decree30.paragraph(Prose.sentence("Cá nhân chủ trì: \(responsible)"))) }
        if task.overdue, let deadline = task.deadline.flatMap(CalendarDate.init(iso:)) {
            blocks.append(Decree30.paragraph([Run("Nhận xét của \(context.secretariatName): ", .italic),
                                             Run("nhiệm vụ đã quá thời hạn \(VietnameseDate.short(deadline)) của Kế hoạch mà chưa hoàn thành.")]))
        } else if task.status == .notReported && task.due {
            blocks.append(Decree30.paragraph([Run("Nhận xét của \(context.secretariatName): ", .italic),
                                             Run("đơn vị chủ trì chưa báo cáo nhiệm vụ này.")]))
        }
        for result in data.results(of: task) {
            let who = result.unit == task.lead ? "" : " (\(context.unitName(result.unit)), đơn vị phối hợp)"
            blocks.append(Decree30.paragraph("- Tháng \(Self.month(result.month))\(who): \(Prose.sentence(result.text))"))
        }
        for product in task.products {
            let date = product.date.flatMap(CalendarDate.init(iso:)).map { " (\(VietnameseDate.short($0)))" } ?? ""
            blocks.append(Decree30.paragraph("- Sản phẩm\(date): \(Prose.sentence(product.text))"))
        }
        for indicator in task.indicators {
            blocks.append(Decree30.paragraph("- " + Prose.sentence(indicatorLine(indicator))))
        }
        return blocks
    }

    /// `Số người được đào tạo, bồi dưỡng: 246 người (chỉ tiêu: 300 người)`.
    func indicatorLine(_ indicator: TaskIndicator) -> String {
        var line = "\(indicator.name): \(VietnameseNumber.format(indicator.value)) \(indicator.measure)"
        if let target = indicator.target { line += " (chỉ tiêu: \(VietnameseNumber.format(target)) \(indicator.measure))" }
        if indicator.byUnit.count > 1 {
            line += ", trong đó " + indicator.byUnit.sorted { $0.key < $1.key }
                .map { "\(context.unitName($0.key)) \(VietnameseNumber.format($0.value))" }.joined(separator: ", ")
        }
        return line
    }

    // MARK: detailed plans

    /// Who has a detailed plan on file, and the milestones that slipped, by task.
    func detailedPlans() -> [Block] {
        let plans = data.plans
        let required = data.reporting.count
        var text = "Đến ngày \(VietnameseDate.short(context.date)), \(plans.onFile.count) đơn vị đã gửi kế hoạch triển khai chi tiết năm \(data.year)"
        if !plans.onFile.isEmpty { text += ": " + plans.onFile.map(context.unitName).joined(separator: "; ") }
        var blocks = [Decree30.paragraph(Prose.sentence(text))]
        if !plans.missing.isEmpty {
            blocks.append(Decree30.paragraph(Prose.sentence("\(plans.missing.count)/\(required) đơn vị phải báo cáo chưa gửi kế hoạch chi tiết: "
                + plans.missing.map(context.unitName).joined(separator: "; "))))
        }
        guard data.milestonesDue > 0 else { return blocks }
        if data.slipped.isEmpty {
            blocks.append(Decree30.paragraph("Tất cả \(data.milestonesDue) mốc kết quả đã đến hạn trong các kế hoạch chi tiết đều có kết quả thực hiện được báo cáo."))
            return blocks
        }
        blocks.append(Decree30.lead("Trong \(data.milestonesDue) mốc kết quả đã đến hạn, \(data.slipped.count) mốc chậm so với kế hoạch chi tiết "
            + "(chưa có kết quả tháng đó trong báo cáo của đơn vị):"))
        for slipped in data.slipped {
            blocks.append(Decree30.paragraph("- Nhiệm vụ \(slipped.task) (\(context.unitName(slipped.unit))), tháng \(Self.month(slipped.month)): "
                + Prose.sentence(slipped.milestone)))
        }
        return blocks
    }

    // MARK: III, IV. the units' words

    /// Difficulties by unit: each under its task. Made as it is written
    /// (every unit's words: long in a year of many units).
    func difficultiesByUnit() -> [Block] {
        [.deferred(DeferredBlocks {
            byUnit(tasks.flatMap(\.difficulties).map { ($0.unit, $0.task, $0.text) },
                   none: "Các đơn vị không nêu khó khăn, vướng mắc trong báo cáo.")
        })]
    }

    /// Proposals by unit, then the secretariat's own.
    func proposalsByUnit() -> [Block] {
        var blocks: [Block] = [.deferred(DeferredBlocks {
            byUnit(tasks.flatMap(\.proposals).map { ($0.unit, $0.task, $0.text) },
                   none: "Các đơn vị không nêu đề xuất, kiến nghị trong báo cáo.")
        })]
        if let own = context.notes?.proposals, !own.isEmpty {
            blocks.append(Decree30.paragraph([Run("Đề xuất của \(context.secretariatName):", .bold)]))
            blocks += own.map { Decree30.paragraph("- " + Prose.sentence($0.text)) }
        }
        return blocks
    }

    private func byUnit(_ texts: [(unit: String, task: String, text: String)], none: String) -> [Block] {
        guard !texts.isEmpty else { return [Decree30.paragraph(none)] }
        // Units in the order they first appear, then by name (a stable sort).
        var units: [String] = []
        var grouped: [String: [(task: String, text: String)]] = [:]
        for text in texts {
            if grouped[text.unit] == nil { units.append(text.unit) }
            grouped[text.unit, default: []].append((text.task, text.text))
        }
        var blocks: [Block] = []
        for unit in units.sorted(by: { context.unitName($0) < context.unitName($1) }) {
            blocks.append(Decree30.paragraph([Run(context.unitName(unit) + ":", .bold)]))
            for text in grouped[unit] ?? [] {
                blocks.append(Decree30.paragraph("- Nhiệm vụ \(text.task): \(Prose.sentence(text.text))"))
            }
        }
        return blocks
    }

    // MARK: funding

    /// Funding by task and in all; a source nobody reported says so.
    func funding() -> [Block] {
        let sources = FundingSource.allCases
        guard let total = data.funding.total else {
            return [Decree30.paragraph("Các đơn vị chưa báo cáo số liệu kinh phí thực hiện năm \(data.year) (chưa có số liệu).")]
        }
        let columns = [Decree30.Column("Nhiệm vụ", weight: 3)] + sources.map { Decree30.Column(Words.funding($0), weight: 4, alignment: .right) }
            + [Decree30.Column("Tổng cộng", weight: 4, alignment: .right)]
        var rows: [[String]] = []
        for task in tasks where !task.funding.isEmpty {
            rows.append([task.code] + sources.map { task.funding[$0].map { VietnameseNumber.format($0) } ?? "—" }
                + [VietnameseNumber.format(task.funding.values.reduce(0, +))])
        }
        rows.append(["Tổng cộng"] + sources.map { Self.money(data.funding[$0]) } + [VietnameseNumber.format(total)])
        let bySource = sources.map { "\(Words.funding($0).lowercased()) \(data.funding[$0].map { "\(VietnameseNumber.format($0)) đồng" } ?? "chưa có số liệu")" }
        return [
            Decree30.paragraph("Tổng kinh phí các đơn vị báo cáo đã sử dụng năm \(data.year) là \(VietnameseNumber.format(total)) đồng, "
                + "trong đó " + bySource.joined(separator: "; ") + "."),
            Decree30.dataTable(columns, rows: rows, layout: .a4Portrait),
            Decree30.paragraph("(Đơn vị tính: đồng; “—”: nhiệm vụ không báo cáo kinh phí từ nguồn này.)"),
        ]
    }

    // MARK: annexes

    /// Annex I: every task.
    func annexTasks(number: String, note: String) -> [Block] {
        let columns = [
            Decree30.Column("STT", weight: 4, alignment: .center), Decree30.Column("Mã", weight: 7, alignment: .center),
            Decree30.Column("Nhiệm vụ", weight: 30), Decree30.Column("Đơn vị chủ trì", weight: 13),
            Decree30.Column("Thời hạn", weight: 10, alignment: .center), Decree30.Column("Tình trạng", weight: 13),
            Decree30.Column("Tiến độ", weight: 6, alignment: .center), Decree30.Column("Sản phẩm", weight: 23),
        ]
        let rows = tasks.enumerated().map { n, task in
            [String(n + 1), task.code, task.title, context.unitName(task.lead),
             context.plan.task(task.code).map { Self.deadline($0.schedule, year: data.year) } ?? "", Words.taskState(task),
             task.status == .notReported ? "" : task.progress.map { "\($0)%" } ?? "",
             task.products.map { Prose.sentence($0.text) }.joined(separator: "\n")]
        }
        return Decree30.annexTitle("PHỤ LỤC \(number)", "TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ NĂM \(data.year)", note: note)
            + [Decree30.dataTable(columns, rows: rows, layout: .a4Landscape)]
    }

    /// Annex II: indicators by name, with each unit's value.
    func annexIndicators(number: String, note: String, layout: PageLayout) -> [Block] {
        let columns = [
            Decree30.Column("Chỉ số", weight: 30), Decree30.Column("Đơn vị tính", weight: 10),
            Decree30.Column("Chỉ tiêu", weight: 9, alignment: .right), Decree30.Column("Kết quả", weight: 10, alignment: .right),
            Decree30.Column("Cách tổng hợp", weight: 12), Decree30.Column("Theo đơn vị", weight: 29),
        ]
        var rows = data.indicators.map { indicator in
            [indicator.name, indicator.measure,
             indicator.target.map { VietnameseNumber.format($0) } ?? "",
             indicator.value.map { VietnameseNumber.format($0) } ?? "Chưa có số liệu",
             Words.aggregation(indicator.aggregation),
             indicator.byUnit.sorted { $0.key < $1.key }.map { "\(context.unitName($0.key)): \(VietnameseNumber.format($0.value))" }
                .joined(separator: "\n")]
        }
        rows += data.unitIndicators.map {
            [$0.name, $0.measure, "", VietnameseNumber.format($0.value), "Chỉ số riêng của đơn vị",
             "\(context.unitName($0.unit)) (nhiệm vụ \($0.task))"]
        }
        return Decree30.annexTitle("PHỤ LỤC \(number)", "CÁC CHỈ SỐ THEO DÕI NĂM \(data.year)", note: note, pageBreakBefore: true)
            + [Decree30.dataTable(columns, rows: rows, layout: layout)]
    }

    /// Annex III: the submissions used, each traceable to its file.
    func annexSubmissions(number: String, note: String, layout: PageLayout, pageBreakBefore: Bool = true) -> [Block] {
        let columns = [
            Decree30.Column("STT", weight: 5, alignment: .center), Decree30.Column("Đơn vị", weight: 26),
            Decree30.Column("Mã báo cáo", weight: 24), Decree30.Column("Thời điểm nhận", weight: 17),
            Decree30.Column("Đúng hạn / Muộn", weight: 11, alignment: .center), Decree30.Column("Mã SHA-256 (16 ký tự đầu)", weight: 17),
        ]
        let rows = data.submissions.enumerated().map { n, source in
            [String(n + 1), context.unitName(source.unit), source.submission, Self.instant(source.received),
             Words.reporting(source.late ? .late : .onTime), String(source.sha256.prefix(16))]
        }
        return Decree30.annexTitle("PHỤ LỤC \(number)", "CÁC BÁO CÁO ĐƯỢC SỬ DỤNG ĐỂ TỔNG HỢP", note: note, pageBreakBefore: pageBreakBefore)
            + [Decree30.dataTable(columns, rows: rows, layout: layout)]
    }

    // MARK: words for values

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

    static func money(_ value: Decimal?) -> String {
        value.map { VietnameseNumber.format($0) } ?? "Chưa có số liệu"
    }

    /// `2026-03` → `3/2026`.
    static func month(_ iso: String) -> String {
        guard let month = YearMonth(iso: iso) else { return iso }
        return "\(month.month)/\(month.year)"
    }

    /// `2026-11-17T09:15:00+07:00` → `09 giờ 15 ngày 17/11/2026` (the plan's time zone).
    static func instant(_ iso: String?) -> String {
        guard let iso, let date = CalendarDate(iso: String(iso.prefix(10))), iso.count >= 16 else { return iso ?? "" }
        let time = iso.dropFirst(11)
        return "\(time.prefix(2)) giờ \(time.dropFirst(3).prefix(2)) ngày \(VietnameseDate.short(date))"
    }
}
