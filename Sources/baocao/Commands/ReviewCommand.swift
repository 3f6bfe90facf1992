import ArgumentParser
import Consolidation
import Foundation
import Pipeline
import ReportModel
import Store

/// `baocao review --midterm|--final`: the reviews across the years.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Báo cáo sơ kết (2026–2028) hoặc tổng kết (2026–2030) (mid-term and final reviews).")

    @Flag(help: "Sơ kết 2026–2028 (mid-term review).")
    var midterm = false

    @Flag(name: .customLong("final"), help: "Tổng kết 2026–2030 (final review).")
    var isFinal = false

    @OptionGroup var options: CommonOptions

    func validate() throws {
        guard midterm != isFinal else { throw ValidationError("Give exactly one of --midterm and --final.") }
    }

    func run() throws {
        let plan = try options.resources().plan
        let data: MultiYearReview
        do {
            let store = try options.storeForReading()
            data = try Publisher(plan: plan, store: store, outbox: options.outboxURL)
                .review(midterm ? .midterm : .final, asOf: options.asOfDate(plan.calendar))
        } catch {
            throw CommandFailure.failure("review failed, nothing half-written: \(error)")
        }
        if options.json {
            try Output.json(data)
        } else {
            Output.print("Đã lập báo cáo \(data.review.vietnameseName) \(data.firstYear)–\(data.lastYear) (tính đến \(data.asOf)):\n"
                + data.documents.map { "  \($0)\n" }.joined())
        }
    }
}
