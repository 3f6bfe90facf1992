import Consolidation
import ReportModel

/// A reminder letter (công văn đôn đốc) to a lead unit that has not sent an
/// acceptable report: its tasks, the deadline, and what to fix.
public enum ReminderLetter {
    public static func document(_ reminder: Reminder, context: DocumentContext) -> WordDocument {
        let plan = context.plan
        let calendar = plan.calendar
        let due = CalendarDate(year: reminder.year, month: calendar.unitReportDue.month, day: calendar.unitReportDue.day)
        let summaryDue = CalendarDate(year: reminder.year, month: calendar.ministrySummaryDue.month, day: calendar.ministrySummaryDue.day)
        let summary = "V/v đôn đốc gửi báo cáo kết quả thực hiện Kế hoạch năm \(reminder.year)"
        var blocks: [Block] = [
            Decree30.header(OfficialHeader(parentAgency: plan.ministry.heading, issuingAgency: context.secretariatName.uppercased(),
                                           number: DocumentNumber(number: nil, symbol: plan.secretariat),
                                           place: context.place, date: context.date, summary: summary)),
            Decree30.addressee([reminder.name]),
            Decree30.paragraph("Thực hiện \(plan.title), các đơn vị chủ trì nhiệm vụ gửi báo cáo kết quả thực hiện về "
                + "\(context.secretariatName) trước ngày \(VietnameseDate.short(due)) hằng năm."),
        ]
        if reminder.reason == "rejected" {
            blocks.append(Decree30.paragraph("Đến ngày \(VietnameseDate.short(context.date)), \(context.secretariatName) đã nhận được "
                + "\(reminder.rejected.count) tệp báo cáo năm \(reminder.year) của \(reminder.name) nhưng chưa tiếp nhận được do báo cáo còn lỗi như sau:"))
            for file in reminder.rejected {
                blocks.append(Decree30.paragraph([Run("Tệp \(file.file)", .bold), Run(" (nhận lúc \(file.received)):")]))
                for line in file.diagnostics {
                    blocks.append(Decree30.paragraph("- [\(line.code)] \(line.message) (\(line.location))."))
                }
            }
        } else {
            blocks.append(Decree30.paragraph("Đến ngày \(VietnameseDate.short(context.date)), \(context.secretariatName) chưa nhận được "
                + "báo cáo năm \(reminder.year) của \(reminder.name)."))
        }
        blocks.append(Decree30.paragraph("Báo cáo cần nêu kết quả thực hiện các nhiệm vụ đơn vị chủ trì:"))
        for task in reminder.tasks {
            blocks.append(Decree30.paragraph("- Nhiệm vụ \(task.code): \(task.title)."))
        }
        blocks.append(Decree30.paragraph("Để kịp tổng hợp, báo cáo Lãnh đạo Bộ trước ngày \(VietnameseDate.short(summaryDue)), "
            + "\(context.secretariatName) đề nghị \(reminder.name) khẩn trương "
            + (reminder.reason == "rejected" ? "sửa các lỗi nêu trên và gửi lại báo cáo" : "gửi báo cáo")
            + " theo mẫu (lệnh baocao template), kiểm tra trước khi gửi (lệnh baocao check)."))
        blocks.append(Decree30.closing("Trân trọng./."))
        blocks.append(Decree30.signature(SignatureBlock(recipients: ["Như trên", "Lãnh đạo Bộ (để báo cáo)"],
                                                        archive: "VT, \(plan.secretariat)", title: "VỤ TRƯỞNG")))
        return WordDocument(metadata: DocumentMetadata(title: summary, subject: reminder.name, created: context.date), blocks: blocks)
    }
}
