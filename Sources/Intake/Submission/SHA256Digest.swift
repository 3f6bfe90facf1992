import Crypto
import Foundation

/// Lower-case hex SHA-256, the identity of every file the pipeline keeps.
public enum SHA256Digest {
    public static func hex(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
