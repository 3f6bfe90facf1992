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
    /// A scratch file holding the part's bytes instead (then `bytes` is
    /// empty): `word/document.xml` of a large document, streamed.
    public var file: String?

    public init(name: String, contentType: String, bytes: Data) {
        self.name = name
        self.contentType = contentType
        self.bytes = bytes
    }

    public init(name: String, contentType: String, file: String) {
        self.name = name
        self.contentType = contentType
        self.bytes = Data()
        self.file = file
    }

    /// Calls `body` with the part's bytes, a chunk at a time.
    func chunks(_ body: (() throws -> Data?) throws -> Void) throws {
        guard let file else {
            var whole: Data? = bytes
            return try body { defer { whole = nil }; return whole }
        }
        guard let handle = FileHandle(forReadingAtPath: file) else { throw CocoaError(.fileReadNoSuchFile) }
        defer { try? handle.close() }
        try body {
            let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            return chunk.isEmpty ? nil : chunk
        }
    }

    /// The name as OPC writes it, with the leading slash.
    public var partName: String { "/" + name }
}
