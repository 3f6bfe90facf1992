import Foundation

/// Where the store keeps each thing, in one place.
///
/// ```
/// ledger.jsonl               one line per input file, append-only, fsync'd
/// originals/ab/abcd…         accepted files, by SHA-256
/// quarantine/abcd…/NAME      rejected files, beside NAME.receipt.json and NAME.receipt.txt
/// keys/UNIT.pub              the keyring
/// lock                       held by the running command
/// ```
public struct StoreLayout: Sendable {
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    public var ledger: URL { root.appendingPathComponent("ledger.jsonl") }
    public var lock: URL { root.appendingPathComponent("lock") }
    public var keys: URL { root.appendingPathComponent("keys") }

    public func original(_ sha256: String) -> URL {
        root.appendingPathComponent("originals").appendingPathComponent(String(sha256.prefix(2))).appendingPathComponent(sha256)
    }

    public func quarantine(_ sha256: String) -> URL {
        root.appendingPathComponent("quarantine").appendingPathComponent(sha256)
    }

    /// The path of `url` relative to the store, as the ledger records it.
    public func relative(_ url: URL) -> String {
        String(url.path.dropFirst(root.path.count + 1))
    }
}
