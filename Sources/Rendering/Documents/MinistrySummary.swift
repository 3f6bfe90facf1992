import Consolidation
import ReportModel

/// The ministry summary (due 1 Dec): from the secretariat to the Ministry's
/// leaders, `Số: …/BC-KTXHS`, every section of outputs.md.
public enum MinistrySummary {
    public static func document(_ data: YearConsolidation, context: DocumentContext) -> WordDocument {
        let sections = YearSections(data: data, context: context)
        let plan = context.plan
        let symbol = "BC-\(plan.secretariat)"
        let judgement = Judgement(notes: context.notes, secretariat: context.secretariatName)
        var blocks: [Block] = [
            Decree30.header(OfficialHeader(parentAgency: plan.ministry.heading, issuingAgency: context.secretariatName.uppercased(),
                                           number: context.number(symbol), place: context.place, date: context.date)),
        ]
        blocks += Decree30.title("Báo cáo", subject: context.yearSubject(data.year))
        blocks.append(Decree30.addressee(["Lãnh đạo Bộ"]))
        blocks.append(Decree30.paragraph("Thực hiện \(plan.title), \(context.secretariatName) tổng hợp báo cáo của các đơn vị chủ trì nhiệm vụ "
            + "và báo cáo Lãnh đạo Bộ kết quả thực hiện năm \(data.year) như sau:"))

        blocks.append(Decree30.partHeading("I", Words.partReporting))
        blocks += sections.reporting()

        blocks.append(Decree30.partHeading("II", Words.partResults))
        blocks.append(sections.overview())
        blocks += sections.chart()
        blocks += sections.taskResults()
        let groups = sections.groups.count
        blocks.append(Decree30.itemHeading(String(groups + 1), "Thực hiện kế hoạch triển khai chi tiết của các đơn vị"))
        blocks += sections.detailedPlans()
        blocks.append(Decree30.itemHeading(String(groups + 2), "Kinh phí thực hiện"))
        blocks += sections.funding()

        blocks.append(Decree30.partHeading("III", Words.partDifficulties))
        blocks += sections.difficultiesByUnit()
        blocks.append(Decree30.partHeading("IV", Words.partProposals))
        blocks += sections.proposalsByUnit()

        blocks.append(Decree30.partHeading("V", "ĐÁNH GIÁ CHUNG VÀ NHIỆM VỤ THỜI GIAN TỚI"))
        let drafts = Drafts(data: data, context: context)
        blocks.append(Decree30.itemHeading("1", "Đánh giá chung"))
        blocks += judgement.section(context.notes?.assessments ?? []) { drafts.assessment() }
        blocks.append(Decree30.itemHeading("2", "Tồn tại, hạn chế và nguyên nhân"))
        blocks += judgement.section(context.notes?.shortcomings ?? []) { drafts.shortcomings() }
        blocks.append(Decree30.itemHeading("3", "Nhiệm vụ, giải pháp thời gian tới"))
        blocks += judgement.section(context.notes?.directions ?? []) { drafts.directions() }

        blocks.append(Decree30.closing("\(context.secretariatName) kính báo cáo Lãnh đạo Bộ./."))
        blocks.append(Decree30.signature(context.signature(recipients: ["Lãnh đạo Bộ (để báo cáo)", "Các đơn vị chủ trì nhiệm vụ"],
                                                           title: "VỤ TRƯỞNG")))
        let note = context.annexNote(symbol, issuer: context.secretariatName)
        blocks.append(.sectionBreak(.a4Landscape))
        blocks += sections.annexTasks(number: "I", note: note)
        blocks += sections.annexIndicators(number: "II", note: note, layout: .a4Landscape)
        blocks += sections.annexSubmissions(number: "III", note: note, layout: .a4Landscape)
        return WordDocument(metadata: DocumentMetadata(title: "Báo cáo tổng hợp năm \(data.year)", subject: context.yearSubject(data.year),
                                                       created: context.date),
                            blocks: blocks)
    }
}

/// Judgement drafted from a year's data, for the secretariat to finish:
/// what stands out in the counts, what is overdue or behind, and what the
/// units found hard, by kind.
struct Drafts {
    var data: YearConsolidation
    var context: DocumentContext
    var excluded: Set<String> = []

    private var due: [TaskOutcome] { data.tasks.filter { $0.due && !excluded.contains($0.code) } }

    /// `xây dựng Nghị định … (Cục Chuyển đổi số Quốc gia)`: a task as a sentence names it.
    func named(_ task: TaskOutcome) -> String {
        "\(Prose.lowerFirst(Prose.clause(task.title))) (\(context.unitName(task.lead)))"
    }

    func assessment() -> [String] {
        let done = due.filter { $0.standing == .completed || $0.standing == .onSchedule }.count
        let reported = data.reporting.filter { $0.state == .onTime || $0.state == .late }.count
        var lines = ["Năm \(data.year), \(done)/\(due.count) nhiệm vụ đã hoàn thành hoặc đang thực hiện đúng tiến độ; "
            + "\(reported)/\(data.reporting.count) đơn vị chủ trì đã gửi báo cáo"]
        let completed = due.filter { $0.standing == .completed }
        if !completed.isEmpty {
            lines.append("Các nhiệm vụ đã hoàn thành: " + completed.map { "\(Prose.lowerFirst(Prose.clause($0.title))) (\(context.unitName($0.lead)))" }
                .joined(separator: "; "))
        }
        return lines
    }

    func shortcomings() -> [String] {
        var lines: [String] = []
        let overdue = due.filter(\.overdue)
        if !overdue.isEmpty {
            lines.append("Còn \(overdue.count) nhiệm vụ đã quá thời hạn của Kế hoạch mà chưa hoàn thành: "
                + overdue.map(named).joined(separator: "; "))
        }
        let behind = due.filter { $0.standing == .behindSchedule }
        if !behind.isEmpty {
            lines.append("\(behind.count) nhiệm vụ chậm tiến độ: "
                + behind.map(named).joined(separator: "; "))
        }
        let missing = data.reporting.filter { $0.state == .missing }
        if !missing.isEmpty { lines.append("Còn \(missing.count) đơn vị chưa gửi báo cáo: " + missing.map(\.name).joined(separator: "; ")) }
        let late = data.reporting.filter { $0.state == .late }
        if !late.isEmpty { lines.append("\(late.count) đơn vị gửi báo cáo muộn: " + late.map(\.name).joined(separator: "; ")) }
        let difficulties = data.tasks.filter { !excluded.contains($0.code) }.flatMap(\.difficulties)
        if !difficulties.isEmpty {
            lines.append("Nguyên nhân chủ yếu theo báo cáo của các đơn vị:")
            lines += Grouped.difficulties(difficulties, context: context).map { "- " + $0 }
        }
        if lines.isEmpty { lines.append("Không có nhiệm vụ quá hạn hay chậm tiến độ; các đơn vị gửi báo cáo đầy đủ, đúng hạn") }
        return lines
    }

    func directions() -> [String] {
        var lines: [String] = []
        let overdue = due.filter(\.overdue)
        if !overdue.isEmpty {
            lines.append("Đôn đốc các đơn vị chủ trì khẩn trương hoàn thành các nhiệm vụ quá hạn: "
                + overdue.map(named).joined(separator: "; "))
        }
        let behind = due.filter { $0.standing == .behindSchedule || $0.standing == .notStarted }
        if !behind.isEmpty {
            lines.append("Đẩy nhanh tiến độ các nhiệm vụ chậm hoặc chưa triển khai: "
                + behind.map(named).joined(separator: "; "))
        }
        lines.append("Tiếp tục triển khai các nhiệm vụ thường xuyên, hằng năm của Kế hoạch và báo cáo kết quả năm \(data.year + 1) "
            + "trước ngày 15/11/\(data.year + 1)")
        return lines
    }
}
