import ReportModel
#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A folder held open: its entries are listed, looked at, opened and
/// removed by name relative to it. A name is raw bytes, as the file system
/// has it: a name that is not UTF-8 is an input like any other.
public final class Folder: Sendable {
    private let descriptor: Int32
    /// The folder's path, for messages.
    public let path: String

    public init(_ path: String) throws(SystemError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw SystemError("open", path) }
        descriptor = fd
        self.path = path
    }

    deinit { close(descriptor) }

    /// Every name in the folder but `.` and `..`, in no particular order.
    public func names() throws(SystemError) -> [[UInt8]] {
        let copy = dup(descriptor)
        guard copy >= 0, let stream = fdopendir(copy) else {
            if copy >= 0 { close(copy) }
            throw SystemError("opendir", path)
        }
        defer { closedir(stream) }
        rewinddir(stream)
        var names: [[UInt8]] = []
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                if errno != 0 { throw SystemError("readdir", path) }
                return names
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            names.append(name)
        }
    }

    /// The status of `name` in this folder, not following a symbolic link;
    /// nil when there is no such entry.
    public func status(of name: [UInt8]) throws(SystemError) -> FileStatus? {
        var s = stat()
        let result = Self.withPath(name) { fstatat(descriptor, $0, &s, AT_SYMLINK_NOFOLLOW) }
        if result == 0 { return FileStatus(s) }
        if errno == ENOENT { return nil }
        throw SystemError("fstatat", display(name))
    }

    /// Opens `name` to read, refusing to follow a symbolic link.
    public func openForReading(_ name: [UInt8]) throws(SystemError) -> OpenFile {
        let fd = Self.withPath(name) { openat(descriptor, $0, O_RDONLY | O_CLOEXEC | O_NOFOLLOW) }
        guard fd >= 0 else { throw SystemError("openat", display(name)) }
        return OpenFile(descriptor: fd, path: display(name))
    }

    /// Gives the file `name` a second name, `path` (a hard link, same file
    /// system only).
    public func link(_ name: [UInt8], to path: String) throws(SystemError) {
        let result = Self.withPath(name) { linkat(descriptor, $0, AT_FDCWD, path, 0) }
        guard result == 0 else { throw SystemError("linkat", path) }
    }

    /// Removes `name`; removing a name already gone is not an error.
    public func remove(_ name: [UInt8]) throws(SystemError) {
        let result = Self.withPath(name) { unlinkat(descriptor, $0, 0) }
        guard result == 0 || errno == ENOENT else { throw SystemError("unlinkat", display(name)) }
    }

    /// fsync on the folder: makes the names in it durable.
    public func sync() throws(SystemError) {
        guard fsync(descriptor) == 0 else { throw SystemError("fsync", path) }
    }

    /// `flock` on the folder itself: no file is created in it.
    public func lock(wait: Bool) throws(SystemError) -> Bool {
        let operation = LOCK_EX | (wait ? 0 : LOCK_NB)
        while flock(descriptor, operation) != 0 {
            if errno == EINTR { continue }
            if errno == EWOULDBLOCK && !wait { return false }
            throw SystemError("flock", path)
        }
        return true
    }

    /// `path/name`, as a person reads it.
    public func display(_ name: [UInt8]) -> String {
        path + "/" + DisplayName.escape(name)
    }

    static func withPath<R>(_ name: [UInt8], _ body: (UnsafePointer<CChar>) -> R) -> R {
        (name + [0]).withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { body($0) }
        }
    }
}
