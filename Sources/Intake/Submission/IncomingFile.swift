import Foundation

/// One file as it arrived: its name in the inbox, its bytes and when it was received.
public struct IncomingFile: Sendable {
    public var name: String
    public var bytes: Data
    /// The file system's modification time: "received", never the date inside the file.
    public var received: Date
    /// Lower-case hex SHA-256 of `bytes`: the file's identity in the store.
    public let sha256: String

    public init(name: String, bytes: Data, received: Date) {
        self.name = name
        self.bytes = bytes
        sha256 = SHA256Digest.hex(bytes)
        self.received = Date(timeIntervalSince1970: received.timeIntervalSince1970.rounded(.down))
    }

    /// Zip or XML, told from the bytes, never from the name.
    public var kind: Kind {
        let head = [UInt8](bytes.prefix(4))
        let zipMagics: [[UInt8]] = [[0x50, 0x4B, 0x03, 0x04], [0x50, 0x4B, 0x05, 0x06], [0x50, 0x4B, 0x07, 0x08]]
        return zipMagics.contains(head) ? .zip : .xml
    }

    public enum Kind: String, Sendable {
        case zip
        case xml
    }
}
