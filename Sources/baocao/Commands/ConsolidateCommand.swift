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

    @Option(help: "annual (mặc định) hoặc adhoc: báo cáo đột xuất (report kind).")
    var kind: ReportKind = .annual

    @Option(help: "Với --kind adhoc: mã yêu cầu; chọn các báo cáo có @id bằng mã này hoặc bắt đầu bằng \"MÃ-\" (request id).")
    var request: String?

    @OptionGroup var options: CommonOptions

    func validate() throws {
        if request != nil && kind != .adhoc { throw ValidationError("--request goes with --kind adhoc.") }
    }

    func run() throws {
        let resources = try options.resources(coveringYear: year)
        let publisher = Publisher(resources: resources, store: try options.storeForReading(), outbox: options.outboxURL)
        let asOf = options.asOfDate(resources.plan.calendar)
        let data = kind == .adhoc
            ? try publisher.adhocDocument(year: year, request: request, asOf: asOf)
            : try publisher.yearDocuments(year: year, asOf: asOf)
        if options.json {
            try Output.json(data)
        } else {
            Output.print("Đã lập báo cáo năm \(year) (tính đến \(data.asOf)):\n" + data.documents.map { "  \($0)\n" }.joined())
        }
    }
}

extension ReportKind: ExpressibleByArgument {}
