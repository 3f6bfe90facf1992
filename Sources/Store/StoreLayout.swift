import Foundation

/// Where the store keeps each thing, in one place.
///
/// ```
/// ledger.jsonl                   one line per input file, append-only, fsync'd
/// events.jsonl                   one line per check of the secretariat (approve, return)
/// originals/ab/abcd…             accepted files, by SHA-256: the store's own copy
/// originals/ab/abcd….receipt.json  the receipt it was accepted with
/// quarantine/abcd…/NAME          rejected files, beside NAME.receipt.json
/// keys/UNIT.pub                  the keyring
/// accounts.json                  the portal's accounts (bcrypt and SHA-256 hashes only)
/// uploads/                       portal uploads still arriving (temporary, never kept)
/// staging/                       inbox files copied while checked, until kept (temporary)
/// lock                           held by the running command
/// ```
///
/// Every kept file has its receipt beside it, so a lost ledger can be
/// rebuilt from the store alone (`baocao verify --repair`).
public struct StoreLayout: Sendable {
    public let root: URL
    /// `root.path`, worked out once: the paths a receipt's files are kept
    /// at are made as strings from it (see `DurableFile.write(_:toPath:)`).
    public let rootPath: String

    public init(root: URL) {
        self.root = root
        rootPath = root.path
    }

    public var ledger: URL { root.appendingPathComponent("ledger.jsonl", isDirectory: false) }
    /// The secretariat's checks (approve, return), append-only like the ledger.
    public var events: URL { root.appendingPathComponent("events.jsonl", isDirectory: false) }
    public var lock: URL { root.appendingPathComponent("lock", isDirectory: false) }
    /// The portal's accounts (hashes only).
    public var accounts: URL { root.appendingPathComponent("accounts.json", isDirectory: false) }
    /// Uploads being received by the portal: on the store's own file system,
    /// so keeping one is a rename or a reflink away; never part of the store.
    public var uploads: URL { root.appendingPathComponent("uploads", isDirectory: true) }
    /// Inbox files copied here from the very bytes that were checked, while
    /// they are checked (on every core), then renamed into place when kept:
    /// the store's own copy without reading and hashing the file again.
    public var staging: URL { root.appendingPathComponent("staging", isDirectory: true) }
    public var keys: URL { root.appendingPathComponent("keys", isDirectory: true) }
    public var originals: URL { root.appendingPathComponent("originals", isDirectory: true) }
    public var quarantine: URL { root.appendingPathComponent("quarantine", isDirectory: true) }

    public func original(_ sha256: String) -> URL {
        originals.appendingPathComponent(String(sha256.prefix(2)), isDirectory: true).appendingPathComponent(sha256, isDirectory: false)
    }

    /// The receipt an original was accepted with.
    public func originalReceipt(_ sha256: String) -> URL {
        originals.appendingPathComponent(String(sha256.prefix(2)), isDirectory: true)
            .appendingPathComponent(sha256 + Self.receiptSuffix, isDirectory: false)
    }

    public func quarantine(_ sha256: String) -> URL {
        quarantine.appendingPathComponent(sha256, isDirectory: true)
    }

    /// `original(_:)`'s path.
    public func originalPath(_ sha256: String) -> String { "\(rootPath)/originals/\(sha256.prefix(2))/\(sha256)" }

    /// `originalReceipt(_:)`'s path.
    public func originalReceiptPath(_ sha256: String) -> String { originalPath(sha256) + Self.receiptSuffix }

    /// `quarantine(_:)`'s path.
    public func quarantinePath(_ sha256: String) -> String { "\(rootPath)/quarantine/\(sha256)" }

    /// `staging`'s path.
    public var stagingPath: String { rootPath + "/staging" }

    /// `.receipt.json`: the suffix of every receipt kept beside a file.
    public static let receiptSuffix = ".receipt.json"

    /// The path of `url` relative to the store, as the ledger records it.
    public func relative(_ url: URL) -> String {
        relative(path: url.path)
    }

    /// The same, for a path under `rootPath`.
    public func relative(path: String) -> String {
        String(path.dropFirst(rootPath.count + 1))
    }

    public func absolute(_ relative: String) -> URL {
        root.appendingPathComponent(relative, isDirectory: false)
    }

    /// `absolute(_:)`'s path.
    public func absolutePath(_ relative: String) -> String { rootPath + "/" + relative }
}
