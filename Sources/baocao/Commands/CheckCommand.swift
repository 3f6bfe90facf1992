import ArgumentParser
import Foundation
import Intake
import ReportModel
import Store

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
        guard let bytes = FileManager.default.contents(atPath: url.path) else {
            throw CommandFailure.usage("cannot read \(file)")
        }
        let modified = (try? FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date) ?? Date()
        let resources = try options.resources()
        let checker = SubmissionChecker(resources: resources, keyring: try options.keyring(), limits: bundleLimits.limits)
        // With a store, the ID and supersedes rules are checked against it (read only).
        var history: SubmissionHistory?
        if FileManager.default.fileExists(atPath: StoreLayout(root: options.storeURL).ledger.path) {
            history = try options.storeForReading().index
        }
        let verdict = checker.check(IncomingFile(name: url.lastPathComponent, bytes: bytes, received: modified), history: history)
        if options.json {
            try Output.json(ResultsJSON(results: [verdict.receipt]))
        } else {
            Output.print(verdict.receipt.text)
        }
        if verdict.outcome == .rejected { throw ExitCode(ExitStatus.someRejected) }
    }
}
