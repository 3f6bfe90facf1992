import ArgumentParser
import Foundation
import Intake
import Pipeline
import ReportModel
import Store

/// `baocao ingest`: the inbox through every stage into the store.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Tiếp nhận mọi tệp trong hộp thư đến; mỗi tệp một biên nhận (ingest the inbox).")

    @OptionGroup var options: CommonOptions

    func run() throws {
        let resources = try options.resources()
        let checker = SubmissionChecker(resources: resources, keyring: try options.keyring())
        guard FileManager.default.fileExists(atPath: options.inboxURL.path) else {
            throw CommandFailure.usage("no inbox folder at \(options.inbox)")
        }
        let summary: IngestSummary
        do {
            let store = try SubmissionStore.openForWriting(at: options.storeURL) {
                Output.note("Đang chờ một lần chạy khác kết thúc (waiting for another run to release the store)…")
            }
            let progress = ProgressLine("Đang tiếp nhận (ingesting)")
            summary = try IngestRun(checker: checker, store: store, receipts: ReceiptWriter(outbox: options.outboxURL))
                .run(inbox: options.inboxURL, progress: progress.update)
            progress.finish()
        } catch {
            throw CommandFailure.failure("ingest stopped, nothing half-written: \(error)")
        }
        for name in summary.skipped {
            Output.note("Bỏ qua \(name): không phải tệp thường (skipped: not a regular file).")
        }
        if options.json {
            try Output.json(ResultsJSON(results: summary.receipts))
        } else {
            Output.print(IngestText.summary(summary.receipts))
        }
        if summary.anyRejected { throw ExitCode(ExitStatus.someRejected) }
    }
}

/// The human summary of an ingest run: one line per file, then totals.
enum IngestText {
    static func summary(_ receipts: [Receipt]) -> String {
        guard !receipts.isEmpty else { return "Hộp thư đến trống: không có tệp nào để tiếp nhận. (Inbox empty.)\n" }
        var lines: [String] = []
        for r in receipts {
            var line = "\(r.outcome.label.padding(toLength: 13, withPad: " ", startingAt: 0)) \(r.file)"
            if let unit = r.unit, let year = r.year { line += "  [\(unit) \(year)]" }
            if r.late { line += "  (muộn / late)" }
            let codes = r.diagnostics.map(\.code.rawValue)
            if !codes.isEmpty { line += "  " + codes.joined(separator: ", ") }
            lines.append(line)
        }
        let count = { (o: Outcome) in receipts.filter { $0.outcome == o }.count }
        lines.append("Tổng cộng \(receipts.count) tệp: \(count(.accepted)) đã tiếp nhận, \(count(.duplicate)) trùng lặp, \(count(.rejected)) bị từ chối.")
        return lines.joined(separator: "\n") + "\n"
    }
}
