import Foundation

/// A file waiting in the inbox.
public struct InboxEntry: Sendable {
    public var name: String
    /// The inbox: one shared value for all entries, so a long inbox costs
    /// little memory.
    public var folder: URL
    public var url: URL { folder.appendingPathComponent(name) }
    /// Its modification time, whole seconds: what "received" means (§1).
    public var received: Date
    public var size: Int64
}

/// Lists the inbox: regular files only, oldest first (then by name), so a
/// report and the one that supersedes it are taken in the order they came.
///
/// Hidden files (`.gitkeep`, editors' temporaries) and names ending in
/// `.part` or `.tmp` (uploads in progress) are left for later; folders and
/// links are not inputs and are reported as skipped, never silently dropped.
public enum InboxScanner {
    public static func scan(_ inbox: URL) throws -> (entries: [InboxEntry], skipped: [String]) {
        let manager = FileManager.default
        let names = try manager.contentsOfDirectory(atPath: inbox.path)
        var entries: [InboxEntry] = []
        var skipped: [String] = []
        for name in names {
            if name.hasPrefix(".") || name.hasSuffix(".part") || name.hasSuffix(".tmp") { continue }
            if let entry = try entry(named: name, in: inbox) {
                entries.append(entry)
            } else {
                skipped.append(name)
            }
        }
        entries.sort { ($0.received, $0.name) < ($1.received, $1.name) }
        return (entries, skipped.sorted())
    }

    /// The entry for one file, or nil when it is not a regular file.
    public static func entry(named name: String, in folder: URL) throws -> InboxEntry? {
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)
        guard attributes[.type] as? FileAttributeType == .typeRegular else { return nil }
        let modified = (attributes[.modificationDate] as? Date) ?? Date(timeIntervalSince1970: 0)
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        return InboxEntry(name: name, folder: folder,
                          received: Date(timeIntervalSince1970: modified.timeIntervalSince1970.rounded(.down)), size: size)
    }
}
