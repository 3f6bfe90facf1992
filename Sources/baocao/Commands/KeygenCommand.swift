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
        let written = try KeyPair().write(unit: unit, to: URL(fileURLWithPath: folder ?? options.keys ?? "."))
        Output.print("""
            Đã tạo khóa bí mật \(written.privateKey.path) (giữ kín, quyền 0600) và khóa công khai \(written.publicKey.path).
            Gửi tệp \(unit).pub cho Vụ Kinh tế và Xã hội số để đưa vào danh mục khóa (keyring).

            """)
    }
}
