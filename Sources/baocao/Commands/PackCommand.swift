import ArgumentParser
import Foundation
import Intake
import ReportModel
import Store

/// `baocao pack`: a unit's bundle, signed with `--sign KEY`.
struct PackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "Đóng gói báo cáo và tệp minh chứng thành gói .zip, có thể ký số (pack and sign a bundle).",
        discussion: """
            baocao pack report.xml bienban.pdf anh.png --out CVT-2026.zip --sign CVT.key
            baocao pack THU_MUC --sign CVT.key      (THU_MUC/report.xml và THU_MUC/attachments/…)
            Tệp minh chứng được đặt trong attachments/; product@file ghi "attachments/TÊN_TỆP".
            """)

    @Argument(help: "Tệp báo cáo XML, hoặc thư mục chứa report.xml và attachments/ (the report, or a folder).")
    var report: String

    @Argument(help: "Tệp minh chứng, đặt vào attachments/ (evidence files).")
    var attachments: [String] = []

    @Option(name: [.customShort("o"), .customLong("out")], help: "Tệp .zip kết quả; mặc định TÊN.zip bên cạnh (output bundle).")
    var output: String?

    @Option(help: "Khóa bí mật U.key để ký (private key to sign with).")
    var sign: String?

    /// Accepted like every command's (report-format.md §8); unused here.
    @OptionGroup var options: CommonOptions

    func run() throws {
        let source = URL(fileURLWithPath: report)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isFolder) else {
            throw CommandFailure.usage("không đọc được \(DisplayName.escape(report)) (cannot read)")
        }
        let reportURL = isFolder.boolValue ? source.appendingPathComponent("report.xml") : source
        guard let reportBytes = FileManager.default.contents(atPath: reportURL.path) else {
            throw CommandFailure.usage("không đọc được \(DisplayName.escape(reportURL.path)) (cannot read)")
        }
        var files: [BundlePacker.Attachment] = []
        if isFolder.boolValue {
            files += try BundlePacker.attachments(inFolder: source.appendingPathComponent("attachments"))
        }
        for path in attachments {
            guard let data = FileManager.default.contents(atPath: path) else { throw CommandFailure.usage("không đọc được \(DisplayName.escape(path)) (cannot read)") }
            let inside = path.hasPrefix("attachments/") ? path : "attachments/" + URL(fileURLWithPath: path).lastPathComponent
            files.append(BundlePacker.Attachment(path: inside, data: data))
        }
        var key: KeyPair?
        if let sign {
            guard let text = try? String(contentsOfFile: sign, encoding: .utf8) else { throw CommandFailure.usage("không đọc được \(DisplayName.escape(sign)) (cannot read)") }
            do {
                key = try KeyPair(privateKeyBase64: text)
            } catch {
                throw CommandFailure.usage("\(sign): \(error.vietnamese) (\(error.english))")
            }
        }
        let destination = output ?? (isFolder.boolValue ? source.path : source.deletingPathExtension().path) + ".zip"
        try DurableFile.write(try BundlePacker.pack(report: reportBytes, attachments: files, signingKey: key),
                              to: URL(fileURLWithPath: destination))
        Output.print("Đã đóng gói \(destination): report.xml, \(files.count) tệp minh chứng, manifest.xml\(key == nil ? "" : ", manifest.sig (đã ký)").\n"
            + "Kiểm tra trước khi gửi: baocao check \(destination)\n")
    }
}
