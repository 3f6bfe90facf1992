import Foundation
import ReportModel
import SystemKit

/// A file the store keeps (an original or a quarantined file), found by
/// walking the store rather than by reading the ledger.
public struct KeptFile: Sendable, Equatable {
    /// Relative to the store, as a ledger record's `kept` names it.
    public var path: String
    public var size: Int64
    /// The receipt kept beside it, if it is there and reads.
    public var receipt: Receipt?

    /// What the store knows of the input it came from.
    var trace: InputTrace {
        let parts = path.split(separator: "/").map(String.init)
        let sha = parts.first(where: SHA256Hex.isValid)
        if let receipt {
            return InputTrace(file: receipt.file, sha256: receipt.sha256, receivedEpoch: ReportingCalendar.epoch(iso: receipt.received), size: size)
        }
        return InputTrace(file: parts.first == "quarantine" ? parts.last : nil, sha256: sha, size: size)
    }
}

/// Walks `originals/` and `quarantine/`: what the store holds, whatever
/// the ledger says. Cheap (names and sizes); nothing is hashed here.
public enum KeptFiles {
    /// Every kept file but those at the paths in `known` (store-relative):
    /// a reader that opens the store asks only for the files its ledger
    /// does not name, and their receipts are read for those alone (reading
    /// and decoding every receipt was 3 % of `consolidate` at N = 1,000, on
    /// one core before anything else could start).
    public static func all(in layout: StoreLayout, except known: Set<String> = []) throws(StoreError) -> [KeptFile] {
        var found: [KeptFile] = []
        let root = layout.rootPath
        do throws(SystemError) {
            for prefix in try FileSystemPaths.names(in: root + "/originals").sorted() {
                let folder = "originals/" + prefix
                for name in try FileSystemPaths.names(in: "\(root)/\(folder)").sorted() where SHA256Hex.isValid(name) {
                    let path = folder + "/" + name
                    guard !known.contains(path) else { continue }
                    let status = try FileSystemPaths.status("\(root)/\(path)")
                    found.append(KeptFile(path: path, size: status?.size ?? 0, receipt: readReceipt(path: layout.originalReceiptPath(name))))
                }
            }
            for sha in try FileSystemPaths.names(in: root + "/quarantine").sorted() where SHA256Hex.isValid(sha) {
                let folder = "quarantine/" + sha
                // `.receipt.txt`: stores made before 2026-12-02 kept the receipt as text here too.
                for name in try FileSystemPaths.names(in: "\(root)/\(folder)").sorted()
                where !DurableFile.isTemporary(name) && !name.hasSuffix(StoreLayout.receiptSuffix) && !name.hasSuffix(".receipt.txt") {
                    let path = folder + "/" + name
                    guard !known.contains(path) else { continue }
                    let status = try FileSystemPaths.status("\(root)/\(path)")
                    found.append(KeptFile(path: path, size: status?.size ?? 0, receipt: readReceipt(path: "\(root)/\(path)\(StoreLayout.receiptSuffix)")))
                }
            }
        } catch {
            throw .system(error)
        }
        return found
    }

    /// Removes what killed writers left in every folder of kept files
    /// (their temporary files); call with the store lock held.
    static func sweepLeftovers(in layout: StoreLayout) {
        for top in [layout.originals, layout.quarantine] {
            for name in (try? FileSystemPaths.names(in: top.path)) ?? [] {
                DurableFile.sweepLeftovers(in: top.appendingPathComponent(name))
            }
        }
    }

    public static func readReceipt(_ url: URL) -> Receipt? {
        readReceipt(path: url.path)
    }

    public static func readReceipt(path: String) -> Receipt? {
        guard let data = try? OpenFile.reading(path).readAll(limit: 64 << 20) else { return nil }
        return try? JSONDecoder().decode(Receipt.self, from: data)
    }
}

/// An input the store holds a trace of, to ask whether it is still in
/// the inbox (then a run stopped before committing it, and it is redone).
public struct InputTrace: Sendable, Equatable {
    /// The name as a receipt shows it; nil when only the bytes are known.
    public var file: String?
    public var sha256: String?
    public var receivedEpoch: Int?
    public var size: Int64?

    public init(file: String?, sha256: String? = nil, receivedEpoch: Int? = nil, size: Int64? = nil) {
        self.file = file
        self.sha256 = sha256
        self.receivedEpoch = receivedEpoch
        self.size = size
    }
}
