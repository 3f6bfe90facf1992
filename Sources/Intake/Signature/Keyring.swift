import Crypto
import Foundation
import ReportModel

/// The secretariat's keyring: a folder of `UNIT.pub` files, each the base64
/// of a raw 32-byte Ed25519 public key (report-format.md §6).
public struct Keyring: Sendable {
    private let keys: [String: Data]

    public init(keys: [String: Data]) {
        self.keys = keys
    }

    /// Reads every `*.pub` in `directory`; a missing folder is an empty keyring.
    public init(directory: URL) throws(KeyringError) {
        var keys: [String: Data] = [:]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names.sorted() where name.hasSuffix(".pub") {
            let unit = String(name.dropLast(4))
            let url = directory.appendingPathComponent(name)
            guard let text = try? String(contentsOf: url, encoding: .utf8),
                  let raw = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)), raw.count == 32 else {
                throw KeyringError(file: url.path, reason: "not the base64 of a 32-byte Ed25519 public key")
            }
            keys[unit] = raw
        }
        self.keys = keys
    }

    public func hasKey(for unit: String) -> Bool { keys[unit] != nil }

    /// Whether `signature` (base64 text, white space ignored) signs `message`
    /// under `unit`'s key.
    public func verify(signature: Data, of message: Data, unit: String) -> Bool {
        guard let raw = keys[unit], let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else { return false }
        let text = String(decoding: signature, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let bytes = Data(base64Encoded: text) else { return false }
        return key.isValidSignature(bytes, for: message)
    }
}

/// A keyring file that holds no usable key.
public struct KeyringError: ExplainedError, Sendable, CustomStringConvertible {
    public var file: String
    public var reason: String
    public var description: String { "\(file): \(reason)" }
    public var vietnamese: String { "Tệp khóa \(file) không chứa một khóa Ed25519 (32 byte, dạng base64) dùng được." }
    public var english: String { "the public key file \(file) is not usable: \(reason)" }
}
