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

    @OptionGroup var notes: NotesOption
    @OptionGroup var options: CommonOptions

    func validate() throws {
        guard midterm != isFinal else { throw ValidationError("Cần đúng một trong hai: --midterm hoặc --final (give exactly one of --midterm and --final).") }
    }

    func run() throws {
        let resources = try options.resources()
        let kind: ReviewKind = midterm ? .midterm : .final
        let notes = try self.notes.load(resources: resources, years: Set(resources.plan.firstYear...kind.year))
        let data = try Publisher(resources: resources, store: try options.storeForReading(), outbox: options.outboxURL, notes: notes)
            .review(kind, asOf: options.asOfDate(resources.plan.calendar))
        if options.json {
            try data.writeJSON { FileHandle.standardOutput.write($0) }
        } else {
            Output.print("Đã lập báo cáo \(data.review.vietnameseName) \(data.firstYear)–\(data.lastYear) (tính đến \(data.asOf)):\n"
                + data.documents.map { "  \(OutputPaths.display($0, outbox: options.outboxURL))\n" }.joined())
        }
    }
}
