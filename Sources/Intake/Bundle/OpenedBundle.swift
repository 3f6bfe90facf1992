import Foundation
import XMLKit

/// A bundle that passed every rule of report-format.md §6.
///
/// Only the three small control files are kept in memory; attachments are
/// represented by their size and hash alone.
public struct OpenedBundle: Hashable, Sendable {
    /// Every file entry (folders left out), in archive order.
    public var files: [BundleFile]
    /// The bytes of `report.xml` at the root.
    public var report: Data
    /// The bytes of `manifest.xml` at the root, when present.
    public var manifest: Data?
    /// The bytes of `manifest.sig` at the root, when present.
    public var signature: Data?

    public init(files: [BundleFile], report: Data, manifest: Data? = nil, signature: Data? = nil) {
        self.files = files
        self.report = report
        self.manifest = manifest
        self.signature = signature
    }

    /// Whether the bundle holds a file at `path` (compared after NFC).
    public func contains(path: String) -> Bool {
        let wanted = Unicode.nfc(path)
        return files.contains { $0.path == wanted }
    }
}
