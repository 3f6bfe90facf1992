import Foundation
import ReportModel
import SystemKit

/// A file waiting in the inbox.
public struct InboxEntry: Sendable {
    /// The name as the file system has it: any bytes.
    public var rawName: [UInt8]
    /// The name as receipts and messages show it (`DisplayName`).
    public var name: String
    /// What `stat` said when the inbox was listed.
    public var status: FileStatus
    /// Its modification time, whole seconds: what "received" means (§1).
    public var received: Date { Date(timeIntervalSince1970: TimeInterval(status.modified)) }
    public var size: Int64 { status.size }
}

/// The inbox as one run sees it.
public struct InboxListing: Sendable {
    /// Regular files to take, oldest first (then by name).
    public var entries: [InboxEntry]
    /// Not regular files (folders, links): left in place and reported.
    public var skipped: [String]
    /// Changed in the last few seconds, perhaps still being written: left for the next run.
    public var settling: [String]
}

/// Lists the inbox: regular files only, oldest first (then by name), so a
/// report and the one that supersedes it are taken in the order they came.
///
/// Hidden files (`.gitkeep`, editors' temporaries) and names ending in
/// `.part` or `.tmp` (uploads in progress) are left for later; folders and
/// links are not inputs and are reported as skipped, never silently dropped.
/// A file whose modification time is within `settle` seconds of now may
/// still be being written: it waits for the next run.
public enum InboxScanner {
    public static func scan(_ inbox: Folder, settle: Int, now: Date = Date()) throws(SystemError) -> InboxListing {
        var listing = InboxListing(entries: [], skipped: [], settling: [])
        let nowSeconds = now.timeIntervalSince1970
        for raw in try inbox.names() where !isIgnored(raw) {
            let name = DisplayName.escape(raw)
            guard let status = try inbox.status(of: raw) else { continue }  // gone since it was listed
            guard status.kind == .regular else {
                listing.skipped.append(name)
                continue
            }
            let modified = Double(status.modified) + Double(status.modifiedNanoseconds) / 1e9
            if settle > 0 && abs(nowSeconds - modified) < Double(settle) {
                listing.settling.append(name)
                continue
            }
            listing.entries.append(InboxEntry(rawName: raw, name: name, status: status))
        }
        listing.entries.sort { ($0.status.modified, $0.name) < ($1.status.modified, $1.name) }
        listing.skipped.sort()
        listing.settling.sort()
        return listing
    }

    /// Hidden names, and `.part` / `.tmp` files still being uploaded.
    static func isIgnored(_ raw: [UInt8]) -> Bool {
        raw.first == UInt8(ascii: ".") || raw.ends(with: Array(".part".utf8)) || raw.ends(with: Array(".tmp".utf8))
    }
}

extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
    }
}
