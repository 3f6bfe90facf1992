import ArgumentParser
import Foundation
import Intake
import ReportModel
import Store
import SystemKit

/// `baocao check FILE`: the verdict ingest would give, changing nothing.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Kiểm tra một báo cáo hoặc gói báo cáo mà không thay đổi gì (validate one report or bundle).")

    @Argument(help: "Tệp report.xml hoặc gói .zip (report or bundle).")
    var file: String

    @OptionGroup var options: CommonOptions
    @OptionGroup var bundleLimits: LimitOptions

    func run() throws {
        let url = URL(fileURLWithPath: file)
        let name = DisplayName.escape(url.lastPathComponent)
        let opened: OpenFile
        let status: FileStatus
        do {
            opened = try OpenFile.reading(url.path)
            status = try opened.status()
        } catch {
            throw CommandFailure.usage("không đọc được \(DisplayName.escape(file)): \(error.vietnamese) (cannot read: \(error.english))")
        }
        guard status.kind == .regular else { throw CommandFailure.usage("\(DisplayName.escape(file)) không phải tệp thường (not a regular file)") }
        let received = Date(timeIntervalSince1970: TimeInterval(status.modified))
        let resources = try options.resources()
        let checker = SubmissionChecker(resources: resources, keyring: try options.keyring(), limits: bundleLimits.limits)
        let incoming = checker.isOversized(status.size)
            ? try IncomingFile(name: name, oversized: opened, size: status.size, received: received)
            : IncomingFile(name: name, bytes: try opened.readAll(), received: received)
        // With a store, the ID and supersedes rules are checked against it (read only).
        var history: SubmissionHistory?
        if FileManager.default.fileExists(atPath: StoreLayout(root: options.storeURL).ledger.path) {
            history = try options.storeForReading().index
        }
        let verdict = checker.check(incoming, history: history)
        if options.json {
            try Output.json(ResultsJSON(results: [verdict.receipt]))
        } else {
            Output.print(verdict.receipt.text)
        }
        if verdict.outcome == .rejected { throw ExitCode(ExitStatus.someRejected) }
    }
}
