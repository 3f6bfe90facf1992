#if canImport(Glibc)
import Glibc
#endif
import CFileSync
import Foundation

/// An open file descriptor, closed when the value goes away.
public final class OpenFile {
    public let descriptor: Int32
    /// The path as a person reads it, for messages.
    public let path: String

    init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    private var isOpen = true

    deinit { if isOpen { Glibc.close(descriptor) } }

    /// Closes now rather than when the value goes away.
    public func close() throws(SystemError) {
        guard isOpen else { return }
        isOpen = false
        guard Glibc.close(descriptor) == 0 else { throw SystemError("close", path) }
    }

    /// Opens `path` to read.
    public static func reading(_ path: String) throws(SystemError) -> OpenFile {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw SystemError("open", path) }
        return OpenFile(descriptor: fd, path: path)
    }

    /// Creates (or empties) `path` to write, mode 0644.
    public static func creating(_ path: String, mode: mode_t = 0o644) throws(SystemError) -> OpenFile {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw SystemError("open", path) }
        return OpenFile(descriptor: fd, path: path)
    }

    /// Opens `path` to append, creating it if need be.
    public static func appending(_ path: String) throws(SystemError) -> OpenFile {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw SystemError("open", path) }
        return OpenFile(descriptor: fd, path: path)
    }

    /// A file with no name in `folder`, open to read and write, gone when
    /// closed: scratch space a crash cannot leave behind.
    public static func anonymous(in folder: String) throws(SystemError) -> OpenFile {
        let fd = baocao_open_anonymous(folder)
        guard fd >= 0 else { throw SystemError("open", folder) }
        return OpenFile(descriptor: fd, path: folder)
    }

    public func status() throws(SystemError) -> FileStatus {
        var s = stat()
        guard fstat(descriptor, &s) == 0 else { throw SystemError("fstat", path) }
        return FileStatus(s)
    }

    /// Back to the first byte.
    public func rewind() throws(SystemError) {
        try seek(to: 0)
    }

    /// To byte `offset` from the start.
    public func seek(to offset: Int64) throws(SystemError) {
        guard lseek(descriptor, off_t(offset), SEEK_SET) == off_t(offset) else { throw SystemError("lseek", path) }
    }

    /// Up to `count` bytes from the current position; empty at the end.
    public func read(upTo count: Int) throws(SystemError) -> Data {
        var data = Data(count: count)
        let n = data.withUnsafeMutableBytes { (buffer: UnsafeMutableRawBufferPointer) -> Int in
            while true {
                let n = Glibc.read(descriptor, buffer.baseAddress!, count)
                if n >= 0 || errno != EINTR { return n }
            }
        }
        guard n >= 0 else { throw SystemError("read", path) }
        data.count = n
        return data
    }

    /// Exactly `count` bytes at `offset` (pread), whatever the current position.
    public func read(count: Int, at offset: Int64) throws(SystemError) -> Data {
        guard count > 0 else { return Data() }
        guard let block = malloc(count) else { throw SystemError("read", path, ENOMEM) }
        var done = 0
        while done < count {
            let n = pread(descriptor, block + done, count - done, off_t(offset) + off_t(done))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                let code = n < 0 ? errno : EIO
                free(block)
                throw SystemError("read", path, code)
            }
            done += n
        }
        return Data(bytesNoCopy: block, count: count, deallocator: .free)
    }

    /// Everything from the current position to the end, refusing more than `limit` bytes.
    public func readAll(limit: Int64 = .max) throws(SystemError) -> Data {
        var data = Data()
        while true {
            let chunk = try read(upTo: 1 << 20)
            if chunk.isEmpty { return data }
            data.append(chunk)
            if Int64(data.count) > limit { throw SystemError("read", path, EFBIG) }
        }
    }

    /// Calls `body` with each chunk of the file from the current position.
    public func forEachChunk(size: Int = 1 << 20, _ body: (Data) throws(SystemError) -> Void) throws(SystemError) {
        while true {
            let chunk = try read(upTo: size)
            if chunk.isEmpty { return }
            try body(chunk)
        }
    }

    /// Writes every byte, retrying short writes.
    public func write(_ data: Data) throws(SystemError) {
        let failure: Int32? = data.withUnsafeBytes { buffer -> Int32? in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return nil
        }
        if let failure { throw SystemError("write", path, failure) }
    }

    public func sync() throws(SystemError) {
        guard fsync(descriptor) == 0 else { throw SystemError("fsync", path) }
    }

    /// Cuts the file to `length` bytes.
    public func truncate(to length: Int64) throws(SystemError) {
        guard ftruncate(descriptor, off_t(length)) == 0 else { throw SystemError("ftruncate", path) }
    }

    /// Sets the modification time (whole seconds): a kept copy keeps the
    /// instant its original was received.
    public func setModified(_ seconds: Int) throws(SystemError) {
        var times = [timespec(tv_sec: seconds, tv_nsec: 0), timespec(tv_sec: seconds, tv_nsec: 0)]
        guard futimens(descriptor, &times) == 0 else { throw SystemError("futimens", path) }
    }

    /// Makes this file share `source`'s blocks (a reflink, FICLONE) where the
    /// file system can; false where it cannot (then copy the bytes).
    public func cloneContents(of source: OpenFile) -> Bool {
        baocao_clone(descriptor, source.descriptor) == 0
    }

    /// Flushes the whole file system holding this file: one call makes every
    /// deferred write on it durable.
    public func syncFileSystem() throws(SystemError) {
        guard baocao_syncfs(descriptor) == 0 else { throw SystemError("syncfs", path) }
    }

    /// An exclusive (or shared) `flock` on this file, waiting if `wait`;
    /// false when another process holds it and `wait` is not set.
    public func lock(shared: Bool = false, wait: Bool) throws(SystemError) -> Bool {
        let operation = (shared ? LOCK_SH : LOCK_EX) | (wait ? 0 : LOCK_NB)
        while flock(descriptor, operation) != 0 {
            if errno == EINTR { continue }
            if errno == EWOULDBLOCK && !wait { return false }
            throw SystemError("flock", path)
        }
        return true
    }
}
