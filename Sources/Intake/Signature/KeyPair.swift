import Crypto
import Foundation

/// A unit's Ed25519 key pair, as `baocao keygen` writes it and `pack --sign` reads it.
public struct KeyPair: Sendable {
    private let key: Curve25519.Signing.PrivateKey

    /// A fresh random key pair.
    public init() {
        key = Curve25519.Signing.PrivateKey()
    }

    /// Reads `U.key`: the base64 of the raw 32-byte private key.
    public init(privateKeyBase64 text: String) throws(KeyringError) {
        guard let raw = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)),
              let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw) else {
            throw KeyringError(file: "private key", reason: "not the base64 of a 32-byte Ed25519 private key")
        }
        self.key = key
    }

    public var privateKeyBase64: String { key.rawRepresentation.base64EncodedString() }
    public var publicKeyBase64: String { key.publicKey.rawRepresentation.base64EncodedString() }

    /// The base64 signature of `message`'s exact bytes.
    public func signatureBase64(of message: Data) throws -> String {
        try key.signature(for: message).base64EncodedString()
    }
}
