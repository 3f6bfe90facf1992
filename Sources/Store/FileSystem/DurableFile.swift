#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CFileSync
import Foundation

/// When a write reaches the disk.
public enum SyncPolicy: Sendable {
    /// fsync the file and its folder before returning.
    case now
    /// Leave it to one `DurableFile.syncFileSystem` for a whole batch: the
    /// caller syncs before it commits anything that relies on the write.
    case deferred
}

/// Crash-safe file operations: write to a temporary name, fsync, rename,
/// fsync the folder. Killed at any instant, a path holds the old bytes or the
/// new ones, never half of them.
public enum DurableFile {
    /// Writes `data` at `url` atomically, creating folders as needed; durably
    /// on return with `.now`, at the next `syncFileSystem` with `.deferred`.
    public static func write(_ data: Data, to url: URL, sync: SyncPolicy = .now) throws(StoreError) {
        let folder = url.deletingLastPathComponent()
        try makeFolder(folder, sync: sync)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StoreError.io("open", temporary.path, errno) }
        do throws(StoreError) {
            try writeAll(fd, data, path: temporary.path)
            if sync == .now {
                guard fsync(fd) == 0 else { throw StoreError.io("fsync", temporary.path, errno) }
            }
        } catch {
            close(fd)
            unlink(temporary.path)
            throw error
        }
        close(fd)
        guard rename(temporary.path, url.path) == 0 else {
            let code = errno
            unlink(temporary.path)
            throw StoreError.io("rename", url.path, code)
        }
        if sync == .now { try syncFolder(folder) }
    }

    /// Keeps the file at `source` under `url` too, without copying its bytes:
    /// a hard link (the inbox and the store share a file system), else a
    /// copy written like `write`. An existing whole `url` is left alone.
    public static func keep(_ source: URL, size: Int64, at url: URL, sync: SyncPolicy = .now) throws(StoreError) {
        var status = stat()
        if stat(url.path, &status) == 0 && Int64(status.st_size) == size { return }
        let folder = url.deletingLastPathComponent()
        try makeFolder(folder, sync: sync)
        // A link is atomic: `url` is the whole file or absent, no temporary name needed.
        if link(source.path, url.path) == 0 {
            if sync == .now {
                let fd = open(url.path, O_RDONLY | O_CLOEXEC)
                if fd >= 0 { fsync(fd); close(fd) }
                try syncFolder(folder)
            }
            return
        }
        guard let data = FileManager.default.contents(atPath: source.path) else { throw StoreError.io("read", source.path, errno) }
        sweepLeftovers(in: folder)
        try write(data, to: url, sync: sync)
    }

    /// Flushes the whole file system holding `url`: one call makes every
    /// deferred write of a batch durable.
    public static func syncFileSystem(containing url: URL) throws(StoreError) {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.io("open", url.path, errno) }
        defer { close(fd) }
        guard baocao_syncfs(fd) == 0 else { throw StoreError.io("syncfs", url.path, errno) }
    }

    /// Removes what a killed writer left in `folder`: `.NAME.tmp-PID` files
    /// that never got renamed, whose process is gone. A live writer's
    /// temporary file is left alone.
    public static func sweepLeftovers(in folder: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(".") {
            guard let marker = name.range(of: ".tmp-", options: .backwards),
                  let pid = Int32(name[marker.upperBound...]) else { continue }
            let alive = pid == getpid() || kill(pid, 0) == 0 || errno == EPERM
            if !alive { unlink(folder.appendingPathComponent(name).path) }
        }
    }

    /// Removes a file the store has finished with; durably with `.now`.
    public static func remove(_ url: URL, sync: SyncPolicy = .now) throws(StoreError) {
        guard unlink(url.path) == 0 || errno == ENOENT else { throw StoreError.io("unlink", url.path, errno) }
        if sync == .now { try syncFolder(url.deletingLastPathComponent()) }
    }

    /// Creates `url` and its parents, each made durable in its parent.
    public static func makeFolder(_ url: URL, sync: SyncPolicy = .now) throws(StoreError) {
        if FileManager.default.fileExists(atPath: url.path) { return }
        try makeFolder(url.deletingLastPathComponent(), sync: sync)
        guard mkdir(url.path, 0o755) == 0 || errno == EEXIST else { throw StoreError.io("mkdir", url.path, errno) }
        if sync == .now { try syncFolder(url.deletingLastPathComponent()) }
    }

    /// fsync on a folder: makes the names in it (renames, unlinks) durable.
    public static func syncFolder(_ url: URL) throws(StoreError) {
        let fd = open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.io("open", url.path, errno) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw StoreError.io("fsync", url.path, errno) }
    }

    static func writeAll(_ fd: Int32, _ data: Data, path: String) throws(StoreError) {
        let failure: Int32? = data.withUnsafeBytes { buffer -> Int32? in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return nil
        }
        if let failure { throw StoreError.io("write", path, failure) }
    }
}
