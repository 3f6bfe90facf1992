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
    @OptionGroup var bundleLimits: LimitOptions

    func run() throws {
        let resources = try options.resources()
        let checker = SubmissionChecker(resources: resources, keyring: try options.keyring(), limits: bundleLimits.limits)
        guard FileManager.default.fileExists(atPath: options.inboxURL.path) else {
            throw CommandFailure.usage("no inbox folder at \(options.inbox)")
        }
        let summary: IngestSummary
        let results = ResultsStream(json: options.json)
        do {
            let store = try SubmissionStore.openForWriting(at: options.storeURL) {
                Output.note("Đang chờ một lần chạy khác kết thúc (waiting for another run to release the store)…")
            }
            let progress = ProgressLine("Đang tiếp nhận (ingesting)")
            summary = try IngestRun(checker: checker, store: store, receipts: ReceiptWriter(outbox: options.outboxURL))
                .run(inbox: options.inboxURL, progress: progress.update, each: results.add)
            progress.finish()
        } catch {
            results.finish()
            throw CommandFailure.failure("ingest stopped, nothing half-written: \(error)")
        }
        results.finish()
        for name in summary.skipped {
            Output.note("Bỏ qua \(name): không phải tệp thường (skipped: not a regular file).")
        }
        for name in summary.leftInInbox {
            Output.note("Để lại \(name) trong hộp thư: không đọc được hoặc đang được ghi; lần chạy sau sẽ xử lý (left in the inbox: unreadable or still changing).")
        }
        if !options.json { Output.print(IngestText.totals(summary)) }
        if summary.anyRejected { throw ExitCode(ExitStatus.someRejected) }
    }
}

/// Prints each receipt as it becomes durable: memory stays flat however
/// many files the inbox holds. With `--json`, one §9 object `{ "results": [ … ] }`.
final class ResultsStream {
    private let json: Bool
    private var count = 0

    init(json: Bool) {
        self.json = json
    }

    func add(_ receipt: Receipt) throws {
        if json {
            let encoded = String(decoding: try JSONOutput.encode(receipt), as: UTF8.self)
                .trimmingCharacters(in: .newlines)
                .split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
            Output.print((count == 0 ? "{\n  \"results\" : [\n" : ",\n") + encoded)
        } else {
            Output.print(IngestText.line(receipt) + "\n")
        }
        count += 1
    }

    func finish() {
        guard json else { return }
        Output.print(count == 0 ? "{\n  \"results\" : [\n\n  ]\n}\n" : "\n  ]\n}\n")
    }
}

/// The human summary of an ingest run: one line per file, then totals.
enum IngestText {
    static func line(_ r: Receipt) -> String {
        var line = "\(r.outcome.label.padding(toLength: 13, withPad: " ", startingAt: 0)) \(r.file)"
        if let unit = r.unit, let year = r.year { line += "  [\(unit) \(year)]" }
        if r.late { line += "  (muộn / late)" }
        let codes = r.diagnostics.map(\.code.rawValue)
        if !codes.isEmpty { line += "  " + codes.joined(separator: ", ") }
        return line
    }

    static func totals(_ summary: IngestSummary) -> String {
        guard summary.total > 0 else { return "Hộp thư đến trống: không có tệp nào để tiếp nhận. (Inbox empty.)\n" }
        let count = { (o: Outcome) in summary.outcomes[o] ?? 0 }
        return "Tổng cộng \(summary.total) tệp: \(count(.accepted)) đã tiếp nhận, \(count(.duplicate)) trùng lặp, \(count(.rejected)) bị từ chối.\n"
    }
}
