import Crypto
import Foundation

/// Lower-case hex SHA-256, the identity of every file the pipeline keeps.
public enum SHA256Digest {
    public static func hex(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    /// The SHA-256 of a file read in 1 MiB chunks: a file too large to read
    /// whole still gets its identity on the receipt.
    public static func hex(fileAt url: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        return hex(hasher.finalize())
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}
