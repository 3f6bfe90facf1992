#if canImport(Glibc)
import Glibc
#endif
import Crypto
import Foundation
import SystemKit

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

    /// Writes `UNIT.key` (mode 0600, never over an existing key) and
    /// `UNIT.pub` into `folder`; returns their paths.
    public func write(unit: String, to folder: URL) throws(SystemError) -> (privateKey: URL, publicKey: URL) {
        let privateURL = folder.appendingPathComponent("\(unit).key")
        let publicURL = folder.appendingPathComponent("\(unit).pub")
        for url in [privateURL, publicURL] where try FileSystemPaths.status(url.path) != nil {
            throw SystemError("open", url.path, EEXIST)
        }
        try FileSystemPaths.makeFolders(folder.path)
        let secret = try OpenFile.creating(privateURL.path, mode: 0o600)
        try secret.write(Data((privateKeyBase64 + "\n").utf8))
        try secret.sync()
        let shared = try OpenFile.creating(publicURL.path)
        try shared.write(Data((publicKeyBase64 + "\n").utf8))
        try shared.sync()
        return (privateURL, publicURL)
    }

    /// The base64 signature of `message`'s exact bytes.
    public func signatureBase64(of message: Data) throws -> String {
        try key.signature(for: message).base64EncodedString()
    }
}
