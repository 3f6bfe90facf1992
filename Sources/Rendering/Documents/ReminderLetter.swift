import Consolidation
import ReportModel

/// A reminder letter (công văn đôn đốc) to a lead unit that has not sent an
/// acceptable report: its tasks, the deadline, and what to fix, in words.
public enum ReminderLetter {
    /// What the letter asks the unit to do.
    static func request(_ reminder: Reminder) -> String {
        var asks: [String] = []
        switch reminder.reason {
        case .missing: asks.append("gửi báo cáo")
        case .rejected, .returned: asks.append("sửa các nội dung nêu trên và gửi lại báo cáo")
        case .noPlan: break
        }
        if reminder.planMissing { asks.append("gửi kế hoạch triển khai chi tiết") }
        return Prose.list(asks)
    }

    public static func document(_ reminder: Reminder, context: DocumentContext) -> WordDocument {
        let plan = context.plan
        let calendar = plan.calendar
        let due = CalendarDate(year: reminder.year, month: calendar.unitReportDue.month, day: calendar.unitReportDue.day)
        let summaryDue = CalendarDate(year: reminder.year, month: calendar.ministrySummaryDue.month, day: calendar.ministrySummaryDue.day)
        let summary = reminder.reason == .noPlan
            ? "V/v đôn đốc gửi kế hoạch triển khai chi tiết năm \(reminder.year)"
            : "V/v đôn đốc gửi báo cáo kết quả thực hiện Kế hoạch năm \(reminder.year)"
        let planDue = CalendarDate(year: reminder.year, month: calendar.detailedPlanDue.month, day: calendar.detailedPlanDue.day)
        var blocks: [Block] = [
            Decree30.header(OfficialHeader(parentAgency: plan.ministry.heading, issuingAgency: context.secretariatName.uppercased(),
                                           number: DocumentNumber(number: nil, symbol: plan.secretariat),
                                           place: context.place, date: context.date, summary: summary)),
            Decree30.addressee([reminder.name]),
            Decree30.paragraph("Thực hiện \(plan.title), các đơn vị chủ trì nhiệm vụ xây dựng kế hoạch triển khai chi tiết "
                + "gửi \(context.secretariatName) trước ngày \(VietnameseDate.short(planDue)) và gửi báo cáo kết quả thực hiện trước ngày "
                + "\(VietnameseDate.short(due)) hằng năm."),
        ]
        switch reminder.reason {
        case .rejected:
            blocks.append(Decree30.paragraph("Đến ngày \(VietnameseDate.short(context.date)), \(context.secretariatName) đã nhận được "
                + "\(reminder.rejected.count) tệp báo cáo năm \(reminder.year) của \(reminder.name) nhưng chưa tiếp nhận được, vì các lý do sau:"))
            for file in reminder.rejected {
                blocks.append(Decree30.paragraph([Run("Tệp «\(file.file)»", .bold),
                                                 Run(", nhận lúc \(YearSections.instant(file.received)):")]))
                if file.diagnostics.isEmpty {
                    blocks.append(Decree30.paragraph("- Tệp không đọc được như một báo cáo theo mẫu."))
                }
                for diagnostic in file.diagnostics {
                    blocks.append(Decree30.paragraph("- " + diagnostic.plainSentence))
                }
            }
        case .returned:
            let returned = reminder.returned
            blocks.append(Decree30.paragraph("\(context.secretariatName) đã trả lại báo cáo năm \(reminder.year) của \(reminder.name)"
                + (returned?.id.map { " (mã báo cáo \($0)" } ?? " (")
                + (returned.map { ", nhận lúc \(YearSections.instant($0.received)))" } ?? ")")
                + " để hoàn thiện, vì các lý do sau:"))
            for reason in returned?.reasons ?? [] { blocks.append(Decree30.paragraph("- " + Prose.sentence(reason))) }
            if let date = returned?.resendBy.flatMap(CalendarDate.init(iso:)) {
                blocks.append(Decree30.paragraph("Thời hạn gửi lại báo cáo đã hoàn thiện là ngày \(VietnameseDate.short(date)); "
                    + "đến ngày \(VietnameseDate.short(context.date)), \(context.secretariatName) chưa nhận được báo cáo gửi lại."))
            }
        case .missing:
            blocks.append(Decree30.paragraph("Đến ngày \(VietnameseDate.short(context.date)), \(context.secretariatName) chưa nhận được "
                + "báo cáo năm \(reminder.year) của \(reminder.name)."))
        case .noPlan:
            break
        }
        if reminder.planMissing {
            blocks.append(Decree30.paragraph("Đến ngày \(VietnameseDate.short(context.date)), \(context.secretariatName) chưa nhận được "
                + "kế hoạch triển khai chi tiết năm \(reminder.year) của \(reminder.name) (thời hạn ngày \(VietnameseDate.short(planDue))). "
                + "Kế hoạch nêu rõ các chỉ số, nội dung, cá nhân chủ trì và kết quả dự kiến đạt được theo từng tháng của mỗi nhiệm vụ."))
        }
        if !reminder.tasks.isEmpty {
            blocks.append(Decree30.lead(reminder.reason == .noPlan
                ? "Kế hoạch triển khai chi tiết cần bao quát các nhiệm vụ do đơn vị chủ trì:"
                : "Báo cáo cần nêu kết quả thực hiện các nhiệm vụ do đơn vị chủ trì:"))
            for task in reminder.tasks {
                blocks.append(Decree30.paragraph("- Nhiệm vụ \(task.code): \(Prose.sentence(task.title))"))
            }
        }
        blocks.append(Decree30.paragraph("Để kịp tổng hợp, báo cáo Lãnh đạo Bộ trước ngày \(VietnameseDate.short(summaryDue)), "
            + "\(context.secretariatName) đề nghị \(reminder.name) khẩn trương "
            + Self.request(reminder)
            + " theo mẫu báo cáo của Kế hoạch, tự kiểm tra trước khi gửi."))
        blocks.append(Decree30.closing("Trân trọng./."))
        blocks.append(Decree30.signature(SignatureBlock(recipients: ["Như trên", "Lãnh đạo Bộ (để báo cáo)"],
                                                        archive: "VT, \(plan.secretariat)", title: "VỤ TRƯỞNG")))
        return WordDocument(metadata: DocumentMetadata(title: summary, subject: reminder.name, created: context.date), blocks: blocks)
    }
}
