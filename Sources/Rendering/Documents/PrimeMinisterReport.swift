import Consolidation
import ReportModel

/// The report to the Prime Minister (due 15 Dec): from the Ministry,
/// `Số: …/BC-BKHCN`, in the Ministry's voice — five sections, results per
/// task group in a few sentences, difficulties grouped by kind, only the
/// proposals addressed to the Government, and never task III.1, which is
/// this report itself.
public enum PrimeMinisterReport {
    /// Task III.1: the report to the Prime Minister.
    static let itself: Set<String> = ["III.1"]

    /// Results quoted per task group: the report stays a few sentences a group.
    static let maxHighlights = 4

    public static func document(_ data: YearConsolidation, context: DocumentContext) -> WordDocument {
        let sections = YearSections(data: data, context: context, excluding: itself)
        let plan = context.plan
        let symbol = "BC-BKHCN"
        let judgement = Judgement(notes: context.notes, secretariat: context.secretariatName)
        let drafts = Drafts(data: data, context: context, excluded: itself)
        let tasks = sections.tasks
        var blocks: [Block] = [
            Decree30.header(OfficialHeader(parentAgency: nil, issuingAgency: plan.ministry.heading, number: context.number(symbol),
                                           place: context.place, date: context.date)),
        ]
        blocks += Decree30.title("Báo cáo", subject: "Tình hình, kết quả triển khai Đề án chuyển đổi số doanh nghiệp nhỏ và vừa năm \(data.year)")
        blocks.append(Decree30.addressee(["Thủ tướng Chính phủ"]))
        blocks.append(Decree30.paragraph("Thực hiện \(context.decision), \(plan.ministry.name) báo cáo tình hình, kết quả triển khai "
            + "năm \(data.year) như sau:"))

        blocks.append(Decree30.partHeading("I", "TÌNH HÌNH TRIỂN KHAI"))
        let leads = Set(tasks.filter(\.due).map(\.lead)).count
        blocks.append(Decree30.paragraph("\(plan.ministry.name) đã ban hành Kế hoạch triển khai Đề án, giao \(leads) đơn vị thuộc Bộ chủ trì "
            + "\(tasks.filter(\.due).count) nhiệm vụ phải thực hiện trong năm \(data.year); các đơn vị đã báo cáo kết quả thực hiện "
            + "để Bộ tổng hợp."))
        blocks.append(sections.overview())
        blocks += sections.chart()
        blocks += (context.notes?.assessments ?? []).map { Decree30.paragraph(Prose.sentence($0)) }

        blocks.append(Decree30.partHeading("II", "KẾT QUẢ ĐẠT ĐƯỢC"))
        let groups = sections.groups.filter { $0.tasks.contains(where: \.due) }
        for (n, entry) in groups.enumerated() {
            blocks.append(Decree30.itemHeading(String(n + 1), entry.group.title))
            blocks += groupResults(entry.tasks, sections: sections, context: context).map { Decree30.paragraph($0) }
        }
        blocks.append(Decree30.itemHeading(String(groups.count + 1), "Các chỉ số chủ yếu"))
        blocks.append(indicatorTable(data))

        blocks.append(Decree30.partHeading("III", "TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN"))
        blocks += judgement.section(context.notes?.shortcomings ?? []) { drafts.shortcomings() }

        blocks.append(Decree30.partHeading("IV", "NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI"))
        blocks += judgement.section(context.notes?.directions ?? []) { drafts.directions() }

        blocks.append(Decree30.partHeading("V", "ĐỀ XUẤT, KIẾN NGHỊ"))
        let upward = tasks.flatMap(\.proposals).filter { $0.to == .government }
        let own = (context.notes?.proposals ?? []).filter { $0.to != .ministry }
        if upward.isEmpty && own.isEmpty {
            blocks += judgement.section([]) { ["Năm \(data.year), các đơn vị chưa có đề xuất, kiến nghị gửi Chính phủ, Thủ tướng Chính phủ"] }
        } else {
            blocks += Grouped.proposals(upward, context: context).map { Decree30.paragraph("- " + Prose.sentence($0)) }
            blocks += own.map { Decree30.paragraph("- " + Prose.sentence($0.text)) }
        }

        blocks.append(Decree30.closing("\(plan.ministry.name) kính báo cáo Thủ tướng Chính phủ./."))
        blocks.append(Decree30.signature(context.signature(recipients: ["Như trên", "Lãnh đạo Bộ"], authority: "KT. BỘ TRƯỞNG",
                                                           title: "THỨ TRƯỞNG")))
        blocks.append(.sectionBreak(.a4Landscape))
        blocks += sections.annexTasks(number: "I", note: context.annexNote(symbol, issuer: plan.ministry.name))
        return WordDocument(metadata: DocumentMetadata(title: "Báo cáo Thủ tướng Chính phủ năm \(data.year)",
                                                       subject: "Kết quả triển khai Đề án năm \(data.year)", created: context.date),
                            blocks: blocks)
    }

    /// A group in a few sentences: where its tasks stand, what each lead
    /// unit achieved (its own words, the latest), the figures.
    private static func groupResults(_ tasks: [TaskOutcome], sections: YearSections, context: DocumentContext) -> [String] {
        let due = tasks.filter(\.due)
        var counts = StatusCounts()
        for task in due { counts.add(task) }
        var standing = ["\(counts[.completed]) đã hoàn thành", "\(counts[.onSchedule]) đang thực hiện đúng tiến độ"]
        if counts[.behindSchedule] > 0 { standing.append("\(counts[.behindSchedule]) chậm tiến độ") }
        if counts[.notStarted] > 0 { standing.append("\(counts[.notStarted]) chưa triển khai") }
        if counts[.overdue] > 0 { standing.append("\(counts[.overdue]) quá hạn") }
        if counts[.notReported] > 0 { standing.append("\(counts[.notReported]) chưa được báo cáo") }
        var lines = [Prose.sentence("Nhóm có \(due.count) nhiệm vụ phải thực hiện trong năm: " + Prose.list(standing))]
        // The lead units' own latest results (a coordinating unit's line is
        // never credited to the lead), completed tasks first, a few of them.
        let highlights = due.sorted { ($0.standing == .completed ? 0 : 1) < ($1.standing == .completed ? 0 : 1) }
            .compactMap { task -> String? in
                guard let result = sections.data.results(of: task).last(where: { $0.unit == task.lead }) else { return nil }
                return "\(context.unitName(task.lead)) \(Prose.lowerFirst(Prose.clause(result.text)))"
            }
        if !highlights.isEmpty { lines.append(Prose.sentence(highlights.prefix(maxHighlights).joined(separator: "; "))) }
        let figures = due.flatMap { $0.indicators.map { sections.indicatorLine($0) } }
        if !figures.isEmpty { lines.append(Prose.sentence("Kết quả đạt được: " + figures.map { Prose.lowerFirst($0) }.joined(separator: "; "))) }
        return lines
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
}
