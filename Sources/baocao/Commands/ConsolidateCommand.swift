import ArgumentParser
import Foundation
import Pipeline
import ReportModel
import Consolidation
import Store

/// `baocao consolidate --year Y`: the ministry summary and the Prime Minister report.
struct ConsolidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consolidate",
        abstract: "Tổng hợp báo cáo năm: báo cáo Lãnh đạo Bộ và báo cáo Thủ tướng Chính phủ (yearly documents).")

    @Option(help: "Năm báo cáo (report year).")
    var year: Int

    @OptionGroup var options: CommonOptions

    func run() throws {
        let plan = try options.resources().plan
        guard plan.years.contains(year) else {
            throw CommandFailure.usage("year \(year) is outside the plan (\(plan.firstYear)–\(plan.lastYear))")
        }
        let data: YearConsolidation
        do {
            let store = try SubmissionStore.openForReading(at: options.storeURL)
            data = try ConsolidateRun(plan: plan, store: store, outbox: options.outboxURL)
                .run(year: year, asOf: options.asOfDate(plan.calendar))
        } catch {
            throw CommandFailure.failure("consolidation failed, nothing half-written: \(error)")
        }
        if options.json {
            try Output.json(data)
        } else {
            Output.print("Đã lập báo cáo năm \(year) (tính đến \(data.asOf)):\n" + data.documents.map { "  \($0)\n" }.joined())
        }
    }
}
