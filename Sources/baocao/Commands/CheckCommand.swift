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
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
              attributes[.type] as? FileAttributeType == .typeRegular else {
            throw CommandFailure.usage("cannot read \(file)")
        }
        let modified = (attributes[.modificationDate] as? Date) ?? Date()
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        let resources = try options.resources()
        let checker = SubmissionChecker(resources: resources, keyring: try options.keyring(), limits: bundleLimits.limits)
        let incoming: IncomingFile
        do {
            if checker.isOversized(size) {
                incoming = try IncomingFile(name: url.lastPathComponent, oversized: url, size: size, received: modified)
            } else {
                incoming = IncomingFile(name: url.lastPathComponent, bytes: try Data(contentsOf: url), received: modified)
            }
        } catch {
            throw CommandFailure.usage("cannot read \(file): \(error)")
        }
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
