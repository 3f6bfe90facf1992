import ArgumentParser
import Foundation
import Intake

/// `baocao keygen --unit U`: a unit's Ed25519 key pair.
struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Tạo cặp khóa ký số cho đơn vị: U.key (bí mật) và U.pub (gửi Vụ KTXHS) (make a unit's key pair).")

    @Option(help: "Mã đơn vị (unit code), e.g. CVT.")
    var unit: String

    @Option(name: .customLong("out"), help: "Thư mục ghi khóa; mặc định --keys, nếu không thì thư mục hiện hành (folder for the key files).")
    var folder: String?

    /// Accepted like every command's (report-format.md §8); `--keys` names
    /// the folder to write to when `--out` does not.
    @OptionGroup var options: CommonOptions

    func run() throws {
        let base = URL(fileURLWithPath: folder ?? options.keys ?? ".")
        let privateURL = base.appendingPathComponent("\(unit).key")
        let publicURL = base.appendingPathComponent("\(unit).pub")
        for url in [privateURL, publicURL] where FileManager.default.fileExists(atPath: url.path) {
            throw CommandFailure.usage("\(url.path) exists; keygen never overwrites a key")
        }
        let pair = KeyPair()
        do {
            try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: privateURL.path, contents: Data((pair.privateKeyBase64 + "\n").utf8),
                                                 attributes: [.posixPermissions: 0o600]) else {
                throw CommandFailure.failure("cannot write \(privateURL.path)")
            }
            try Data((pair.publicKeyBase64 + "\n").utf8).write(to: publicURL)
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure.failure("\(error)")
        }
        Output.print("""
            Đã tạo khóa bí mật \(privateURL.path) (giữ kín, quyền 0600) và khóa công khai \(publicURL.path).
            Gửi tệp \(unit).pub cho Vụ Kinh tế và Xã hội số để đưa vào danh mục khóa (keyring).

            """)
    }
}
