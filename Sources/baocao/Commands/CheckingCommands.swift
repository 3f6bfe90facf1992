import ArgumentParser
import Foundation
import Pipeline
import ReportModel
import SystemKit

/// `baocao approve REF`: the secretariat's check passed (§7a).
struct ApproveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Thẩm định đạt một báo cáo đã tiếp nhận (approve a submission: its @id or SHA-256 prefix of 8+ digits).")

    @Argument(help: "Mã báo cáo (@id) hoặc mã SHA-256, ít nhất 8 ký tự đầu (the submission).")
    var reference: String

    @OptionGroup var options: CommonOptions

    func run() throws {
        let resources = try options.resources()
        let check = SecretariatCheck(plan: resources.plan, storeRoot: options.storeURL, outbox: options.outboxURL)
        let done: SecretariatCheck.Done
        do {
            done = try check.approve(reference, by: Processes.userName, at: Date())
        } catch let error as ReferenceError {
            throw CommandFailure.usage("\(error.vietnamese)\n(\(error.english))")
        }
        if options.json {
            try Output.json(done)
        } else {
            Output.print("Đã thẩm định đạt báo cáo \(done.receipt.id ?? done.receipt.file) của \(done.receipt.unit ?? "") "
                + "(\(done.event.by), \(done.event.at)).\n")
        }
    }
}

/// `baocao return REF --reason TEXT [--resend-by YYYY-MM-DD]`: back to the
/// unit with reasons, and a letter.
struct ReturnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "return",
        abstract: "Trả lại một báo cáo để đơn vị hoàn thiện, kèm lý do và công văn (return a submission with reasons).")

    @Argument(help: "Mã báo cáo (@id) hoặc mã SHA-256, ít nhất 8 ký tự đầu (the submission).")
    var reference: String

    @Option(name: .customLong("reason"), help: "Lý do trả lại; có thể ghi nhiều lần (a reason; repeat for several).")
    var reasons: [String] = []

    @Option(name: .customLong("resend-by"), help: "Hạn gửi lại YYYY-MM-DD; mặc định 7 ngày sau ngày công văn (date to send it again by).")
    var resendBy: String?

    @OptionGroup var options: CommonOptions

    func validate() throws {
        guard reasons.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            throw ValidationError("Cần ít nhất một --reason: văn bản trả lại phải nói rõ lý do cho đơn vị (give at least one --reason).")
        }
        if let resendBy, CalendarDate(iso: resendBy) == nil { throw ValidationError("--resend-by phải là một ngày có thật, viết YYYY-MM-DD (--resend-by must be a date YYYY-MM-DD).") }
    }

    func run() throws {
        let resources = try options.resources()
        let check = SecretariatCheck(plan: resources.plan, storeRoot: options.storeURL, outbox: options.outboxURL)
        let done: SecretariatCheck.Done
        do {
            done = try check.returnSubmission(reference, reasons: reasons.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty },
                                              resendBy: resendBy.flatMap(CalendarDate.init(iso:)), by: Processes.userName, at: Date(),
                                              letterDate: options.asOfDate(resources.plan.calendar))
        } catch let error as ReferenceError {
            throw CommandFailure.usage("\(error.vietnamese)\n(\(error.english))")
        }
        if options.json {
            try Output.json(done)
        } else {
            Output.print("Đã trả lại báo cáo \(done.receipt.id ?? done.receipt.file) của \(done.receipt.unit ?? "") "
                + "(\(done.event.by), \(done.event.at)); công văn trả lại:\n"
                + done.documents.map { "  \(OutputPaths.display($0, outbox: options.outboxURL))\n" }.joined())
        }
    }
}
