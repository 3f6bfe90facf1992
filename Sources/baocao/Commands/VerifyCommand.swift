import ArgumentParser
import Foundation
import Pipeline
import ReportModel

/// `baocao verify [--repair]`: the whole store re-read against itself.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Kiểm tra toàn bộ kho lưu trữ: sổ ghi nhận, tệp đã lưu, biên nhận (check the whole store).")

    @Flag(help: "Khôi phục các bản ghi bị mất từ tệp đã lưu và biên nhận (rebuild lost ledger records).")
    var repair = false

    @OptionGroup var options: CommonOptions

    func run() throws {
        let verifier = StoreVerifier(store: options.storeURL, outbox: options.outboxURL, resources: try options.resources())
        let report = repair ? try verifier.repair() : try verifier.verify()
        if options.json {
            try Output.json(report)
        } else {
            var text = ""
            if report.rebuilt > 0 {
                text += "Đã khôi phục \(report.rebuilt) bản ghi vào sổ ghi nhận; sổ cũ được giữ lại bên cạnh (rebuilt \(report.rebuilt) records).\n"
            }
            if report.isSound {
                text += "Kho lưu trữ nguyên vẹn: \(report.records + report.rebuilt) bản ghi, \(report.keptFiles) tệp đã lưu; "
                    + "mọi tệp khớp mã SHA-256 trong sổ ghi nhận (the store is sound).\n"
            } else {
                text += "Kho lưu trữ có \(report.findings.count) điểm không khớp (the store disagrees with itself):\n"
                for finding in report.findings {
                    text += "- \(finding.vietnamese)\n  (\(finding.english))\n"
                }
                if !repair { text += "Chạy baocao verify --repair để khôi phục những gì có thể (run baocao verify --repair).\n" }
            }
            Output.print(text)
        }
        if !report.isSound { throw ExitCode(ExitStatus.failure) }
    }
}
