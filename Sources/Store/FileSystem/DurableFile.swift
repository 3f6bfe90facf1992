import Crypto
import Foundation
import SystemKit

/// When a write reaches the disk.
public enum SyncPolicy: Sendable {
    /// fsync the file and its folder before returning.
    case now
    /// Leave it to one `DurableFile.syncFileSystems` for a whole batch: the
    /// caller syncs before it commits anything that relies on the write.
    case deferred
}

/// Crash-safe file operations: write a file with no name (or a temporary
/// name), fsync, give it its name (a link, or a rename over the old file),
/// fsync the folder. Killed at any instant, a path holds the old bytes or
/// the new ones, never half of them.
public enum DurableFile {
    /// Writes `data` at `url` atomically, creating folders as needed; durably
    /// on return with `.now`, at the next `syncFileSystems` with `.deferred`.
    public static func write(_ data: Data, to url: URL, sync: SyncPolicy = .now) throws(StoreError) {
        try write(data, toPath: url.path, sync: sync)
    }

    /// `write` on a path. The store's per-receipt writes name their files
    /// as strings: `URL.path` and `appendingPathComponent` were 3.5 % of
    /// bundle ingest's CPU at N = 1,000, most of it on the one writer thread.
    public static func write(_ data: Data, toPath path: String, sync: SyncPolicy = .now) throws(StoreError) {
        try write(path, sync: sync) { file throws(StoreError) in
            try system { () throws(SystemError) in try file.write(data) }
        }
    }

    /// Writes a new file at `url` through `produce`, which creates it at
    /// the path it is given (a temporary name beside `url`), then makes it
    /// durable and gives it its name as `write` does. For writers that open
    /// their own file: libzip, libxml2, a stream of pieces.
    public static func create(_ url: URL, sync: SyncPolicy = .now, _ produce: (String) throws -> Void) throws {
        let path = url.path
        let (folder, name) = split(path)
        try makeFolder(path: folder, sync: sync)
        let temporary = temporaryPath(folder, name)
        do {
            try produce(temporary)
            try system { () throws(SystemError) in
                // The writer closed its own descriptor: reopen it to make it durable.
                if sync == .now { try OpenFile.reading(temporary).sync() }
                try FileSystemPaths.rename(temporary, to: path)
            }
        } catch {
            FileSystemPaths.removeQuietly(temporary)
            throw error
        }
        if sync == .now { try syncFolder(path: folder) }
    }

    /// Writes the pieces `produce` gives into a new file at `url`, as `create` does.
    public static func write(to url: URL, sync: SyncPolicy = .now, pieces produce: ((Data) throws -> Void) throws -> Void) throws {
        try create(url, sync: sync) { path in
            let file = try OpenFile.creating(path)
            try produce { piece in try file.write(piece) }
            try file.close()
        }
    }

    /// Keeps a copy of an input under `url`: the store's own bytes, never a
    /// link to a file someone else may still change. The copy is a reflink
    /// where the file system has them, else the bytes copied; either way the
    /// SHA-256 of what was kept is checked against `sha256` before it gets
    /// its name. Memory stays flat whatever the size. The copy keeps
    /// `modified` (the received instant) as its modification time.
    ///
    /// An existing `url` with the right size is left alone (content-addressed:
    /// a rerun after a crash finds it whole) unless `replacing`. Throws
    /// `.changed` when the source no longer has the bytes that were checked.
    public static func keepCopy(of source: OpenFile, sha256: String, size: Int64, modified: Int, at url: URL,
                                sync: SyncPolicy = .now, replacing: Bool = false) throws(KeepFailure) {
        try keepCopy(of: source, sha256: sha256, size: size, modified: modified, atPath: url.path, sync: sync, replacing: replacing)
    }

    /// `keepCopy` on a path.
    public static func keepCopy(of source: OpenFile, sha256: String, size: Int64, modified: Int, atPath path: String,
                                sync: SyncPolicy = .now, replacing: Bool = false) throws(KeepFailure) {
        if !replacing, let existing = try? FileSystemPaths.status(path), existing.kind == .regular, existing.size == size { return }
        do throws(StoreError) {
            try replace(path, sync: sync) { copy throws(StoreError) in
                try keepBytes(of: source, into: copy, sha256: sha256)
                try system { () throws(SystemError) in try copy.setModified(modified) }
            }
        } catch {
            if case .altered = error.kind { throw .changed }
            throw .store(error)
        }
    }

    /// Keeps a file that is the store's own already (a portal upload, written
    /// by the server alone in `uploads/` on the store's file system and
    /// closed; an inbox file linked under a lease) by renaming it into
    /// place: no copy, the bytes that were checked. `modified` becomes its
    /// modification time, unless it has that second already (a linked inbox
    /// file keeps its own time, to the nanosecond, as its inbox name is
    /// removed only while unchanged).
    public static func adopt(_ path: String, modified: Int, at url: URL, sync: SyncPolicy = .now) throws(StoreError) {
        try adopt(path, modified: modified, atPath: url.path, sync: sync)
    }

    /// `adopt` into a path.
    public static func adopt(_ path: String, modified: Int, atPath target: String, sync: SyncPolicy = .now) throws(StoreError) {
        if let existing = try? FileSystemPaths.status(target), existing.kind == .regular {
            FileSystemPaths.removeQuietly(path)
            return
        }
        let folder = split(target).folder
        try makeFolder(path: folder, sync: sync)
        try system { () throws(SystemError) in
            // Opened only when there is something to change or sync: most files are renamed as they are.
            let seen = try FileSystemPaths.status(path)
            if seen.map({ $0.modified != modified || $0.permissions & 0o022 != 0 }) ?? true || sync == .now {
                let file = try OpenFile.reading(path)
                let status = try file.status()
                if status.modified != modified { try file.setModified(modified) }
                // No one but the store writes a kept file (an inbox file may have come group- or world-writable).
                if status.permissions & 0o022 != 0 { try file.setPermissions(mode_t(status.permissions & ~0o022)) }
                if sync == .now { try file.sync() }
                try file.close()
            }
            try FileSystemPaths.rename(path, to: target)
        }
        if sync == .now { try syncFolder(path: folder) }
    }

    /// Keeps `data` (the very bytes that were checked) under `url`, as `keepCopy` does.
    public static func keep(_ data: Data, modified: Int, at url: URL, sync: SyncPolicy = .now) throws(StoreError) {
        try keep(data, modified: modified, atPath: url.path, sync: sync)
    }

    /// `keep` at a path.
    public static func keep(_ data: Data, modified: Int, atPath path: String, sync: SyncPolicy = .now) throws(StoreError) {
        if let existing = try? FileSystemPaths.status(path), existing.kind == .regular, existing.size == Int64(data.count) { return }
        try write(path, sync: sync) { file throws(StoreError) in
            try system { () throws(SystemError) in
                try file.write(data)
                try file.setModified(modified)
            }
        }
    }

    /// Copies (or reflinks) `source` into `copy` and checks the SHA-256 of
    /// what `copy` now holds.
    private static func keepBytes(of source: OpenFile, into copy: OpenFile, sha256: String) throws(StoreError) {
        var hasher = SHA256()
        do throws(SystemError) {
            try source.rewind()
            if copy.cloneContents(of: source) {
                // Shared blocks: hash what the copy holds, read back from it.
                try OpenFile.reading(copy.path).forEachChunk { hasher.update(data: $0) }
            } else {
                try source.forEachChunk { chunk throws(SystemError) in
                    hasher.update(data: chunk)
                    try copy.write(chunk)
                }
            }
        } catch {
            throw .system(error)
        }
        let found = SHA256Hex.string(hasher.finalize())
        guard found == sha256 else { throw StoreError(.altered(path: copy.path, expected: sha256, found: found), file: copy.path) }
    }

    /// Writes a new file at a temporary name beside `path` with `fill`, then
    /// gives it its name; on any failure the temporary file is removed.
    /// Paths are worked on as strings: this runs for every receipt.
    private static func replace(_ path: String, sync: SyncPolicy, fill: (OpenFile) throws(StoreError) -> Void) throws(StoreError) {
        let (folder, name) = split(path)
        let temporary = temporaryPath(folder, name)
        let file = try inFolder(folder, sync: sync) { () throws(SystemError) in try OpenFile.creating(temporary) }
        do throws(StoreError) {
            try fill(file)
            try system { () throws(SystemError) in
                if sync == .now { try file.sync() }
                try file.close()
                try FileSystemPaths.rename(temporary, to: path)
            }
        } catch {
            FileSystemPaths.removeQuietly(temporary)
            throw error
        }
        if sync == .now { try syncFolder(path: folder) }
    }

    /// Writes a file at `path` with `fill` as `replace` does, but made with
    /// no name and named once whole (O_TMPFILE, then a link): a new name
    /// costs the folder one entry, where a temporary name and a rename cost
    /// it two and take one away (ingest writes four or five files a
    /// report, into folders of tens of thousands). An existing `path` is
    /// replaced through a temporary name, as `replace` does; a file system
    /// without unnamed files gets `replace`.
    private static func write(_ path: String, sync: SyncPolicy, fill: (OpenFile) throws(StoreError) -> Void) throws(StoreError) {
        let (folder, name) = split(path)
        let unnamed = try inFolder(folder, sync: sync) { () throws(SystemError) in try OpenFile.unnamed(in: folder, toBe: path) }
        guard let file = unnamed else { return try replace(path, sync: sync, fill: fill) }
        try fill(file)
        try system { () throws(SystemError) in
            if sync == .now { try file.sync() }
            if try !file.name(as: path) {
                let temporary = temporaryPath(folder, name)
                FileSystemPaths.removeQuietly(temporary)
                guard try file.name(as: temporary) else { throw SystemError("linkat", temporary, EEXIST) }
                do throws(SystemError) {
                    try FileSystemPaths.rename(temporary, to: path)
                } catch {
                    FileSystemPaths.removeQuietly(temporary)
                    throw error
                }
            }
            try file.close()
        }
        if sync == .now { try syncFolder(path: folder) }
    }

    private static let processID = getpid()

    /// Where a file named `name` in `folder` is written before it gets its name.
    private static func temporaryPath(_ folder: String, _ name: String) -> String { "\(folder)/.\(name).tmp-\(processID)" }

    /// Opens a file in `folder` with `open`, making the folder only when it
    /// is missing: no look before every write.
    private static func inFolder<T>(_ folder: String, sync: SyncPolicy, _ open: () throws(SystemError) -> T) throws(StoreError) -> T {
        do throws(SystemError) {
            return try open()
        } catch where error.isMissing {
            try makeFolder(path: folder, sync: sync)
            return try system { () throws(SystemError) in try open() }
        } catch {
            throw .system(error)
        }
    }

    /// `/a/b/c` → (`/a/b`, `c`); a bare name is in `.`.
    private static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return (".", path) }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
    }

    /// `makeFolder` on a path: one `mkdir` when the parent is there, whether
    /// the folder is new or not (a look first, then a `mkdir`, was two for
    /// every new folder); missing parents are made first.
    public static func makeFolder(path: String, sync: SyncPolicy = .now) throws(StoreError) {
        let parent = split(path).folder
        let created: Bool
        do throws(SystemError) {
            created = try FileSystemPaths.createFolder(path)
        } catch where error.isMissing && parent != path {
            try makeFolder(path: parent, sync: sync)
            created = try system { () throws(SystemError) in try FileSystemPaths.createFolder(path) }
        } catch {
            throw .system(error)
        }
        if created && sync == .now { try syncFolder(path: parent) }
    }

    /// Flushes every file system holding one of `urls`, once each: one call
    /// makes every deferred write of a batch durable, wherever the outbox or
    /// the quarantine are mounted.
    public static func syncFileSystems(containing urls: [URL]) throws(StoreError) {
        var done: Set<UInt64> = []
        for url in urls {
            guard let status = try? FileSystemPaths.status(url.path), done.insert(status.device).inserted else { continue }
            try system { () throws(SystemError) in try OpenFile.reading(url.path).syncFileSystem() }
        }
    }

    /// Removes what a killed writer left in `folder`: `.NAME.tmp-PID` files
    /// that never got renamed, whose process is gone. A live writer's
    /// temporary file is left alone.
    public static func sweepLeftovers(in folder: URL) {
        guard let names = try? Folder(folder.path).names() else { return }
        for raw in names {
            guard let name = String(validating: raw, as: UTF8.self), name.hasPrefix("."),
                  let marker = name.range(of: ".tmp-", options: .backwards),
                  // `.NAME.tmp-PID`, or libzip's own `.NAME.tmp-PID.XXXXXX` beside it.
                  let pid = Int32(name[marker.upperBound...].prefix { $0.isASCII && $0.isNumber }) else { continue }
            if !Processes.isAlive(pid) { FileSystemPaths.removeQuietly(folder.appendingPathComponent(name).path) }
        }
    }

    /// Whether a name in a store folder is a writer's temporary file.
    public static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(".") && name.contains(".tmp-")
    }

    /// Removes a file the store has finished with; durably with `.now`.
    public static func remove(_ url: URL, sync: SyncPolicy = .now) throws(StoreError) {
        try system { () throws(SystemError) in try FileSystemPaths.remove(url.path) }
        if sync == .now { try syncFolder(url.deletingLastPathComponent()) }
    }

    /// Creates `url` and its parents, each made durable in its parent.
    public static func makeFolder(_ url: URL, sync: SyncPolicy = .now) throws(StoreError) {
        try makeFolder(path: url.path, sync: sync)
    }

    /// fsync on a folder: makes the names in it (renames, unlinks) durable.
    public static func syncFolder(_ url: URL) throws(StoreError) {
        try syncFolder(path: url.path)
    }

    private static func syncFolder(path: String) throws(StoreError) {
        try system { () throws(SystemError) in try Folder(path).sync() }
    }
}

/// Why an input could not be kept.
public enum KeepFailure: Error, Sendable {
    /// Its bytes are no longer those that were checked: it is being written.
    case changed
    /// The store failed (disk full, permissions).
    case store(StoreError)
}
