import ArgumentParser
import Foundation
import Consolidation
import Pipeline
import ReportModel
import Store

/// `baocao remind --year Y`: reminder letters to units that have not reported.
struct RemindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind",
        abstract: "Lập công văn đôn đốc các đơn vị chưa gửi báo cáo, có báo cáo bị trả lại hoặc bị từ chối, hoặc chưa gửi kế hoạch triển khai chi tiết (reminder letters).")

    @Option(help: "Năm báo cáo (report year).")
    var year: Int

    @OptionGroup var options: CommonOptions

    func run() throws {
        let resources = try options.resources(coveringYear: year)
        let written = try Publisher(resources: resources, store: try options.storeForReading(), outbox: options.outboxURL)
            .reminders(year: year, asOf: options.asOfDate(resources.plan.calendar))
        if options.json {
            try Output.json(written)
        } else if written.all.isEmpty {
            Output.print("Không có đơn vị nào cần đôn đốc cho năm \(year). (No reminders needed.)\n")
        } else {
            Output.print("Đã lập \(written.all.count) công văn đôn đốc:\n"
                + written.all.map { "  \($0.reminder.unit) (\(Self.reason($0.reminder.reason))): \(OutputPaths.display($0.documents[0], outbox: options.outboxURL))\n" }.joined())
        }
    }

    static func reason(_ reason: ReminderReason) -> String {
        switch reason {
        case .missing: return "chưa gửi"
        case .rejected: return "bị từ chối"
        case .returned: return "bị trả lại"
        case .noPlan: return "chưa gửi kế hoạch triển khai chi tiết"
        }
    }
}
