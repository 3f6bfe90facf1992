import ArgumentParser
import Foundation
import SystemKit
import Portal
import ReportModel

/// `baocao`: the report consolidation pipeline of the SME digital
/// transformation plan. Every command is a small struct over the library.
struct Baocao: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baocao",
        abstract: "Tiếp nhận, kiểm tra và tổng hợp báo cáo của các đơn vị (report consolidation pipeline).",
        subcommands: [
            IngestCommand.self, CheckCommand.self, StatusCommand.self, ConsolidateCommand.self, ReviewCommand.self, RemindCommand.self,
            ApproveCommand.self, ReturnCommand.self, VerifyCommand.self, TemplateCommand.self, KeygenCommand.self, PackCommand.self,
            ServeCommand.self, AccountCommand.self,
        ])
}

/// Exit statuses of report-format.md §8.
enum ExitStatus {
    static let done: Int32 = 0
    static let someRejected: Int32 = 1
    static let badUsage: Int32 = 2
    static let failure: Int32 = 3
}

@main
enum Main {
    static func main() async {
        MemoryPolicy.forBatch()
        do {
            var command = try Baocao.parseAsRoot()
            // The server's tasks on its event loops, set before any is started (see PortalServer).
            if command is ServeCommand { _ = PortalServer.takeOverConcurrency() }
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            Output.note("baocao: \(failure.message)")
            exit(failure.status)
        } catch let status as ExitCode {
            // The command said what went wrong already (rejected inputs, verify's findings, inputs not kept).
            exit(status.rawValue)
        } catch let explained as ExplainedError {
            // Every failure of the store, the disk or a resource: a sentence, never a dump.
            Output.note("baocao: \(explained.vietnamese)\n        (\(explained.english))")
            exit(ExitStatus.failure)
        } catch {
            let code = Baocao.exitCode(for: error)
            if code == .success {
                Baocao.exit(withError: error)
            } else if code == .validationFailure {
                let message = Baocao.fullMessage(for: error)
                FileHandle.standardError.write(Data((UsageWords.lead(forMessage: message) + "\n" + message + "\n").utf8))
                exit(ExitStatus.badUsage)
            } else {
                let text = Baocao.fullMessage(for: error)
                Output.note("baocao: \(text.isEmpty ? "lỗi không lường trước (unexpected failure)" : text)")
                exit(ExitStatus.failure)
            }
        }
    }
}

/// A command that could not do its work: printed once, then exit 2 or 3.
struct CommandFailure: Error {
    var message: String
    var status: Int32

    static func usage(_ message: String) -> CommandFailure { CommandFailure(message: message, status: ExitStatus.badUsage) }
    static func failure(_ message: String) -> CommandFailure { CommandFailure(message: message, status: ExitStatus.failure) }
}
