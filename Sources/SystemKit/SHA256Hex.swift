import Crypto
import Foundation

/// Lower-case hex SHA-256: the identity of every file the pipeline keeps.
/// The one place a digest becomes text.
public enum SHA256Hex {
    public static func of(_ data: Data) -> String {
        string(SHA256.hash(data: data))
    }

    public static func of(_ bytes: UnsafeRawBufferPointer) -> String {
        string(SHA256.hash(data: bytes))
    }

    /// The SHA-256 of everything left to read in `file`, in 1 MiB chunks.
    public static func of(_ file: OpenFile) throws(SystemError) -> String {
        var hasher = SHA256()
        try file.forEachChunk { hasher.update(data: $0) }
        return string(hasher.finalize())
    }

    public static func string(_ digest: SHA256.Digest) -> String {
        string(bytes: digest)
    }

    /// Lower-case hex of a digest's bytes.
    public static func string<Bytes: Sequence<UInt8>>(bytes digest: Bytes) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(64)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Whether `text` is 64 lower-case hex digits.
    public static func isValid(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
