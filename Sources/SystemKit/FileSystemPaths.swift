#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// System calls on paths the program made itself (the store, the outbox):
/// valid UTF-8, so a `String` holds them. Inbox names, which may be any
/// bytes, go through `Folder`.
public enum FileSystemPaths {
    /// The status of `path`, not following a final symbolic link; nil when absent.
    public static func status(_ path: String) throws(SystemError) -> FileStatus? {
        var s = stat()
        if lstat(path, &s) == 0 { return FileStatus(s) }
        if errno == ENOENT || errno == ENOTDIR { return nil }
        throw SystemError("stat", path)
    }

    public static func rename(_ from: String, to: String) throws(SystemError) {
        guard Glibc.rename(from, to) == 0 else { throw SystemError("rename", to) }
    }

    /// Removes `path`; a path already gone is not an error.
    public static func remove(_ path: String) throws(SystemError) {
        guard unlink(path) == 0 || errno == ENOENT else { throw SystemError("unlink", path) }
    }

    /// Removes `path` if it is there, ignoring failure: cleaning up after an
    /// error that is already being reported.
    public static func removeQuietly(_ path: String) {
        unlink(path)
    }

    /// Creates one folder; an existing folder is not an error.
    public static func makeFolder(_ path: String, mode: mode_t = 0o755) throws(SystemError) {
        _ = try createFolder(path, mode: mode)
    }

    /// Creates the folder at `path`: true when it made it, false when the
    /// name was already there. Throws when its parent is missing (`isMissing`).
    public static func createFolder(_ path: String, mode: mode_t = 0o755) throws(SystemError) -> Bool {
        if mkdir(path, mode) == 0 { return true }
        guard errno == EEXIST else { throw SystemError("mkdir", path) }
        return false
    }

    /// Creates `path` and every missing folder above it.
    public static func makeFolders(_ path: String) throws(SystemError) {
        if (try status(path))?.kind == .folder { return }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty && parent != path { try makeFolders(parent) }
        try makeFolder(path)
    }

    /// The names in the folder at `path` that are valid UTF-8 (the store's
    /// own names always are); empty when there is no such folder.
    public static func names(in path: String) throws(SystemError) -> [String] {
        let folder: Folder
        do {
            folder = try Folder(path)
        } catch {
            if error.code == ENOENT || error.code == ENOTDIR { return [] }
            throw error
        }
        return try folder.names().compactMap { String(validating: $0, as: UTF8.self) }
    }
}

/// Other processes, for telling a live writer from a dead one.
public enum Processes {
    /// The name of the user running this process (who made a check from the command line).
    public static var userName: String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid \(geteuid())"
    }

    /// Whether process `pid` is running (as far as this user can tell).
    public static func isAlive(_ pid: Int32) -> Bool {
        pid == getpid() || kill(pid, 0) == 0 || errno == EPERM
    }
}
