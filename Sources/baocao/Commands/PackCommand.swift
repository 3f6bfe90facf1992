import ArgumentParser
import Foundation
import Intake

/// `baocao pack`: a unit's bundle, signed with `--sign KEY`.
struct PackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "Đóng gói báo cáo và tệp minh chứng thành gói .zip, có thể ký số (pack and sign a bundle).")

    @Argument(help: "Tệp báo cáo XML (the report).")
    var report: String

    @Argument(help: "Tệp minh chứng, đặt vào attachments/ (evidence files).")
    var attachments: [String] = []

    @Option(name: .customLong("out"), help: "Tệp .zip kết quả (output bundle).")
    var output: String

    @Option(help: "Khóa bí mật U.key để ký (private key to sign with).")
    var sign: String?

    func run() throws {
        guard let reportBytes = FileManager.default.contents(atPath: report) else {
            throw CommandFailure.usage("cannot read \(report)")
        }
        var files: [BundlePacker.Attachment] = []
        for path in attachments {
            guard let data = FileManager.default.contents(atPath: path) else { throw CommandFailure.usage("cannot read \(path)") }
            files.append(BundlePacker.Attachment(path: "attachments/" + URL(fileURLWithPath: path).lastPathComponent, data: data))
        }
        var key: KeyPair?
        if let sign {
            guard let text = try? String(contentsOfFile: sign, encoding: .utf8) else { throw CommandFailure.usage("cannot read \(sign)") }
            do {
                key = try KeyPair(privateKeyBase64: text)
            } catch {
                throw CommandFailure.usage("\(sign): \(error)")
            }
        }
        do {
            let bundle = try BundlePacker.pack(report: reportBytes, attachments: files, signingKey: key)
            try bundle.write(to: URL(fileURLWithPath: output))
        } catch {
            throw CommandFailure.failure("cannot pack: \(error)")
        }
        Output.print("Đã đóng gói \(output): report.xml, \(files.count) tệp minh chứng, manifest.xml\(key == nil ? "" : ", manifest.sig (đã ký)").\n"
            + "Kiểm tra trước khi gửi: baocao check \(output)\n")
    }
}
