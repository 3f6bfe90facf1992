import ArgumentParser
import Foundation
import Pipeline
import ReportModel
import Store

/// `baocao remind --year Y`: reminder letters to units that have not reported.
struct RemindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind",
        abstract: "Lập công văn đôn đốc các đơn vị chưa gửi báo cáo hoặc có báo cáo bị từ chối (reminder letters).")

    @Option(help: "Năm báo cáo (report year).")
    var year: Int

    @OptionGroup var options: CommonOptions

    func run() throws {
        let plan = try options.plan(coveringYear: year)
        let written: [WrittenReminder]
        do {
            let store = try options.storeForReading()
            written = try Publisher(plan: plan, store: store, outbox: options.outboxURL)
                .reminders(year: year, asOf: options.asOfDate(plan.calendar))
        } catch {
            throw CommandFailure.failure("reminders failed: \(error)")
        }
        if options.json {
            try Output.json(["reminders": written])
        } else if written.isEmpty {
            Output.print("Không có đơn vị nào cần đôn đốc cho năm \(year). (No reminders needed.)\n")
        } else {
            Output.print("Đã lập \(written.count) công văn đôn đốc:\n"
                + written.map { "  \($0.reminder.unit) (\($0.reminder.reason == "rejected" ? "bị từ chối" : "chưa gửi")): \($0.documents[0])\n" }.joined())
        }
    }
}
