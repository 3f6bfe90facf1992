import Foundation

/// The end of an official document: `Nơi nhận` on the left, the signing
/// authority on the right.
public struct SignatureBlock: Hashable, Sendable {
    /// Recipients for the `Nơi nhận` list (`Như trên`, `Lãnh đạo Bộ`), without
    /// the leading dash or the closing semicolon.
    public var recipients: [String]
    /// What the archive line keeps: `VT, KTXHS` gives `- Lưu: VT, KTXHS.`
    public var archive: String
    /// Signing on someone's behalf (`KT. BỘ TRƯỞNG`), or nil.
    public var authority: String?
    /// The signer's title (`THỨ TRƯỞNG`, `VỤ TRƯỞNG`).
    public var title: String
    /// The signer's full name, or nil to leave it to be filled in.
    public var signer: String?

    public init(recipients: [String], archive: String, authority: String? = nil, title: String, signer: String? = nil) {
        self.recipients = recipients
        self.archive = archive
        self.authority = authority
        self.title = title
        self.signer = signer
    }

    /// Where the name is written by hand when the document does not know it.
    public static let nameLine = "………………………………"

    /// The list lines: `- Như trên;` … `- Lưu: VT, KTXHS.`
    public var recipientLines: [String] {
        recipients.map { item in
            var text = item.trimmingCharacters(in: .whitespaces)
            while text.hasSuffix(";") || text.hasSuffix(".") { text.removeLast() }
            return "- \(text);"
        } + ["- Lưu: \(archive)."]
    }
}
