import ArgumentParser
import Foundation
import Intake
import Pipeline
import ReportModel
import Store
import SystemKit

/// `baocao ingest`: the inbox through every stage into the store.
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Tiếp nhận mọi tệp trong hộp thư đến; mỗi tệp một biên nhận (ingest the inbox).")

    @OptionGroup var options: CommonOptions
    @OptionGroup var bundleLimits: LimitOptions

    @Option(name: .customLong("settle-seconds"),
            help: "Tệp vừa thay đổi trong số giây này được để lại cho lần sau (a file changed this recently waits; 0: take it now).")
    var settleSeconds = 2

    func validate() throws {
        guard settleSeconds >= 0 else { throw ValidationError("--settle-seconds phải từ 0 trở lên (--settle-seconds must be 0 or more).") }
    }

    func run() async throws {
        MemoryPolicy.forIngest()
        let resources = try options.resources()
        let checker = SubmissionChecker(resources: resources, keyring: try options.keyring(), limits: bundleLimits.limits)
        guard FileManager.default.fileExists(atPath: options.inboxURL.path) else {
            throw CommandFailure.usage("không có thư mục hộp thư đến \(options.inbox) (no inbox folder)")
        }
        let results = ResultsStream(json: options.json)
        var run = IngestRun(checker: checker, storeRoot: options.storeURL, receipts: ReceiptWriter(outbox: options.outboxURL))
        run.settleSeconds = settleSeconds
        let progress = ProgressLine("Đang tiếp nhận (ingesting)")
        let summary: IngestSummary
        do {
            summary = try await run.run(inbox: options.inboxURL, onWait: {
                Output.note("Đang chờ một lần chạy khác kết thúc (waiting for another run to release the inbox or the store)…")
            }, progress: progress.update, each: results.add)
        } catch {
            progress.finish()
            results.finish()
            throw error
        }
        progress.finish()
        results.finish()
        for name in summary.skipped {
            Output.note("Bỏ qua \(name): không phải tệp thường (skipped: not a regular file).")
        }
        for left in summary.left {
            Output.note(IngestText.note(left))
        }
        if !options.json { Output.print(IngestText.totals(summary)) }
        if summary.anyNotKept { throw ExitCode(ExitStatus.failure) }
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

    /// One receipt per line: `{"results": [` … `]}`, valid JSON at the end.
    func add(_ receipt: Receipt) throws {
        if json {
            let encoded = String(decoding: receipt.json(pretty: false), as: UTF8.self).trimmingCharacters(in: .newlines)
            Output.print((count == 0 ? "{\"results\": [\n" : ",\n") + encoded)
        } else {
            Output.print(IngestText.line(receipt) + "\n")
        }
        count += 1
    }

    func finish() {
        guard json else { return }
        Output.print(count == 0 ? "{\"results\": []}\n" : "\n]}\n")
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

    /// Why a file stayed in the inbox, in a sentence.
    static func note(_ left: LeftInput) -> String {
        let name = left.name
        switch left.reason {
        case .settling:
            return "Để lại \(name) trong hộp thư: tệp vừa thay đổi trong vài giây qua, có thể đang được ghi; lần chạy sau sẽ tiếp nhận "
                + "(left in the inbox: changed in the last few seconds, perhaps still being written)."
        case .changing:
            return "Để lại \(name) trong hộp thư: tệp thay đổi trong khi đang được đọc; lần chạy sau sẽ tiếp nhận "
                + "(left in the inbox: it changed while it was being read)."
        case .vanished:
            return "\(name) đã bị xóa khỏi hộp thư (không phải do baocao) trước khi được tiếp nhận; không có gì được lưu "
                + "(removed from the inbox by someone else before it could be taken; nothing was kept)."
        case .unreadable(let error):
            return "Để lại \(name) trong hộp thư: \(error.vietnamese) (left in the inbox: \(error.english))."
        case .notKept(let error):
            return "Không lưu được \(name) vào kho, tệp vẫn ở hộp thư: \(error.vietnamese) "
                + "(could not be kept, left in the inbox: \(error.english))."
        }
    }

    static func totals(_ summary: IngestSummary) -> String {
        guard summary.total > 0 || !summary.left.isEmpty else { return "Hộp thư đến trống: không có tệp nào để tiếp nhận. (Inbox empty.)\n" }
        let count = { (o: Outcome) in summary.outcomes[o] ?? 0 }
        var text = "Tổng cộng \(summary.total) tệp: \(count(.accepted)) đã tiếp nhận, \(count(.duplicate)) trùng lặp, \(count(.rejected)) bị từ chối"
        if !summary.left.isEmpty { text += "; \(summary.left.count) tệp để lại cho lần sau" }
        return text + ".\n"
    }
}
