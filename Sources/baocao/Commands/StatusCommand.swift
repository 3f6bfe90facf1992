import ArgumentParser
import Foundation
import Pipeline
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
        let resources = try options.resources(coveringYear: year)
        let plan = resources.plan
        let status = try Publisher(resources: resources, store: try options.storeForReading(), outbox: options.outboxURL)
            .status(year: year, asOf: options.asOfDate(plan.calendar))
        if options.json {
            try Output.json(status)
        } else {
            Output.printStyled(StatusBoard(status: status, plan: plan, colour: Output.stdoutIsTerminal).text)
        }
    }
}
