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

    @Flag(name: .customLong("approved-only"), help: "Chỉ dùng các báo cáo Vụ đã thẩm định đạt (only approved submissions).")
    var approvedOnly = false

    @Option(help: "Với --kind adhoc: mã yêu cầu; chọn các báo cáo có @id bằng mã này hoặc bắt đầu bằng \"MÃ-\" (request id).")
    var request: String?

    @Option(name: .customLong("request-subject"),
            help: "Với --kind adhoc: nội dung yêu cầu, đặt vào tên báo cáo (what the request was about).")
    var requestSubject: String?

    @OptionGroup var notes: NotesOption
    @OptionGroup var options: CommonOptions

    func validate() throws {
        if request != nil && kind != .adhoc { throw ValidationError("--request chỉ dùng cùng --kind adhoc (--request goes with --kind adhoc).") }
        if requestSubject != nil && kind != .adhoc { throw ValidationError("--request-subject chỉ dùng cùng --kind adhoc (--request-subject goes with --kind adhoc).") }
        if kind == .plan { throw ValidationError("--kind là annual hoặc adhoc; kế hoạch chi tiết nằm trong các văn bản hằng năm (--kind is annual or adhoc).") }
    }

    func run() throws {
        let resources = try options.resources(coveringYear: year)
        let notes = try self.notes.load(resources: resources, years: [year])
        let publisher = Publisher(resources: resources, store: try options.storeForReading(), outbox: options.outboxURL, notes: notes)
        let asOf = options.asOfDate(resources.plan.calendar)
        let data = kind == .adhoc
            ? try publisher.adhocDocument(year: year, request: request, subject: requestSubject, asOf: asOf, approvedOnly: approvedOnly)
            : try publisher.yearDocuments(year: year, asOf: asOf, approvedOnly: approvedOnly)
        if options.json {
            try data.writeJSON { FileHandle.standardOutput.write($0) }
        } else {
            Output.print("Đã lập báo cáo năm \(year) (tính đến \(data.asOf)):\n"
                + data.documents.map { "  \(OutputPaths.display($0, outbox: options.outboxURL))\n" }.joined())
        }
    }
}

extension ReportKind: ExpressibleByArgument {}
