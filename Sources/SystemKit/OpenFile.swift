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

    /// A new file with no name yet in `folder`, open to write, to be named
    /// `path` by `name(as:)` once it is whole (a crash before that leaves
    /// nothing). Nil where the file system has no unnamed files.
    public static func unnamed(in folder: String, toBe path: String, mode: mode_t = 0o644) throws(SystemError) -> OpenFile? {
        let fd = baocao_open_unnamed(folder, Int32(mode))
        guard fd >= 0 else {
            if errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL { return nil }
            throw SystemError("open", folder)
        }
        return OpenFile(descriptor: fd, path: path)
    }

    /// Names a file made by `unnamed`; false when `path` exists already.
    public func name(as path: String) throws(SystemError) -> Bool {
        if baocao_name_unnamed(descriptor, path) == 0 { return true }
        if errno == EEXIST { return false }
        throw SystemError("linkat", path)
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
        guard count > 0 else { return Data() }
        guard let block = malloc(count) else { throw SystemError("read", path, ENOMEM) }
        while true {
            let n = Glibc.read(descriptor, block, count)
            if n >= 0 { return Data(bytesNoCopy: block, count: n, deallocator: .free) }
            if errno != EINTR {
                let code = errno
                free(block)
                throw SystemError("read", path, code)
            }
        }
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
    ///
    /// Read straight into one block the file's size (plus one byte, to see
    /// a file that grew): no zero-fill, no copies (an input is read whole
    /// on every core, and this was a tenth of reading it).
    public func readAll(limit: Int64 = .max) throws(SystemError) -> Data {
        let hint = (try? status().size) ?? 0
        var capacity = Int(min(max(hint, 0), limit == .max ? Int64.max - 1 : limit)) + 1
        guard var block = malloc(capacity) else { throw SystemError("read", path, ENOMEM) }
        var count = 0
        while true {
            if count == capacity {
                if Int64(count) > limit { free(block); throw SystemError("read", path, EFBIG) }
                capacity *= 2
                guard let grown = realloc(block, capacity) else { free(block); throw SystemError("read", path, ENOMEM) }
                block = grown
            }
            let n = Glibc.read(descriptor, block + count, capacity - count)
            if n < 0 {
                if errno == EINTR { continue }
                let code = errno
                free(block)
                throw SystemError("read", path, code)
            }
            if n == 0 { break }
            count += n
        }
        if Int64(count) > limit { free(block); throw SystemError("read", path, EFBIG) }
        return Data(bytesNoCopy: block, count: count, deallocator: .free)
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
        let failure: SystemError? = data.withUnsafeBytes { buffer in
            do throws(SystemError) {
                try write(buffer)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }

    /// Writes all of `buffer` (a network buffer written as it is, no copy).
    public func write(_ buffer: UnsafeRawBufferPointer) throws(SystemError) {
        var offset = 0
        while offset < buffer.count {
            let n = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw SystemError("write", path, errno)
            }
            offset += n
        }
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

    /// Sets the file's permission bits.
    public func setPermissions(_ mode: mode_t) throws(SystemError) {
        guard fchmod(descriptor, mode) == 0 else { throw SystemError("fchmod", path) }
    }

    /// Takes a read lease: true when granted, which the kernel does only
    /// while no process has the file open for writing. From then on, anyone
    /// who opens it for writing or truncates it waits until this file is
    /// closed (or the lease-break time passes), and `readLeaseIsIntact`
    /// turns false. False where leases are not to be had (another owner
    /// without CAP_LEASE, a file system without them): the caller copies.
    public func takeReadLease() -> Bool {
        baocao_take_read_lease(descriptor) == 0
    }

    /// Whether no one has begun to open the file for writing, or to truncate
    /// it, since `takeReadLease`.
    public var readLeaseIsIntact: Bool { baocao_read_lease_intact(descriptor) == 1 }

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
