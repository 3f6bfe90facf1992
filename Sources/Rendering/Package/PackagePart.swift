import Foundation

/// One part of an OPC package: its name, content type and finished bytes.
///
/// Each part is serialised once; the `.docx` stores these bytes and the
/// Flat OPC file replays the same bytes into `pkg:xmlData`.
public struct PackagePart: Hashable, Sendable {
    /// The part name without the leading slash: `word/document.xml`.
    public var name: String
    public var contentType: String
    public var bytes: Data

    public init(name: String, contentType: String, bytes: Data) {
        self.name = name
        self.contentType = contentType
        self.bytes = bytes
    }

    /// The name as OPC writes it, with the leading slash.
    public var partName: String { "/" + name }
}
