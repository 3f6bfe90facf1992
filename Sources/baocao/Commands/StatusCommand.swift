import ArgumentParser
import Foundation
import Consolidation
import ReportModel
import Store

/// `baocao status --year Y`: who reported, on time, late, missing; overdue tasks.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Tình hình gửi báo cáo của các đơn vị trong năm (who reported, on time, late, missing).")

    @Option(help: "Năm báo cáo (report year).")
    var year: Int

    @OptionGroup var options: CommonOptions

    func run() throws {
        let plan = try options.plan(coveringYear: year)
        let index = try options.storeForReading().index
        let status = ReportingStatus(plan: plan, index: index, year: year, asOf: options.asOfDate(plan.calendar))
        if options.json {
            try Output.json(status)
        } else {
            Output.printStyled(StatusBoard(status: status, plan: plan, colour: Output.stdoutIsTerminal).text)
        }
    }
}
