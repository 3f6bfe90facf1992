#if canImport(Glibc)
import Glibc
#endif
import CFileSync
import Foundation

/// A new file written from memory straight to the disk (`O_DIRECT`), for
/// bytes that arrive over the network: the page cache would take a copy of
/// each into fresh pages and write them back later, both on the same two
/// cores that check them (`dd` of 700 MB here: 0.23–0.30 system-s direct,
/// 0.9–1.65 through the page cache). The bytes are gathered in one aligned
/// buffer; up to `keepLimit` of them stay in it, so the caller can read
/// them without the file (`finish()` hands them over). Where the file
/// system has no direct I/O (tmpfs), the same writes go through the page
/// cache. Durability is the caller's, as for any file: a sync of the file
/// system after `finish()`.
public final class DirectFileWriter {
    public let path: String
    private let descriptor: Int32
    private var direct: Bool
    private let keepLimit: Int
    /// Whether every byte so far is still in `buffer` (from offset 0).
    private var keeping = true
    private var buffer: UnsafeMutableRawPointer
    private var capacity: Int
    /// The file offset of `buffer`'s first byte.
    private var start: Int64 = 0
    /// Bytes in `buffer`, and how many of them are already in the file.
    private var count = 0
    private var written = 0
    private var isOpen = true
    /// `buffer` belongs to the `Data` that `finish` returned.
    private var handedOver = false
    /// Bytes appended in all.
    public private(set) var size: Int64 = 0

    /// Direct I/O moves whole blocks from block-aligned memory; 4 KiB covers every disk's logical block.
    private static let block = 4096
    /// Past `keepLimit`, blocks are written once this many bytes wait: few system calls, a small buffer.
    private static let flushEvery = 1 << 20

    /// Creates `path` (emptied if it exists). `expected` sizes the buffer
    /// when the caller knows the length ahead (a Content-Length).
    public init(creating path: String, mode: mode_t = 0o644, keepLimit: Int, expected: Int64? = nil) throws(SystemError) {
        var fd = baocao_create_direct(path, Int32(mode))
        direct = fd >= 0
        if fd < 0 {
            guard errno == EINVAL else { throw SystemError("open", path) }
            fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
            guard fd >= 0 else { throw SystemError("open", path) }
        }
        self.path = path
        descriptor = fd
        self.keepLimit = keepLimit
        // Room for all of it when it is known and will be kept, else for a MiB to begin with.
        let wanted = expected.map { $0 > 0 && $0 <= Int64(keepLimit) ? Int($0) : 0 } ?? 0
        capacity = Self.roundedUp((wanted > 0 ? wanted : Self.flushEvery) + Self.block)
        buffer = Self.allocate(capacity)
    }

    deinit {
        if isOpen { Glibc.close(descriptor) }
        if !handedOver { free(buffer) }
    }

    /// Appends `bytes` to the file.
    public func append(_ bytes: UnsafeRawBufferPointer) throws(SystemError) {
        guard !bytes.isEmpty, let source = bytes.baseAddress else { return }
        if keeping, size + Int64(bytes.count) > Int64(keepLimit) {
            // Past the limit: only what is not yet in the file stays in memory.
            keeping = false
            compact()
        }
        reserve(count + bytes.count)
        (buffer + count).copyMemory(from: source, byteCount: bytes.count)
        count += bytes.count
        size += Int64(bytes.count)
        // While every byte is kept, all are written at the end in one call,
        // so that only `finish` waits on the disk (a 1 MiB direct write
        // waits 1–5 ms here), where its caller chose; past the limit, whole
        // blocks go as each MiB gathers.
        if !keeping, count - written >= Self.flushEvery {
            try writeOut(upTo: count / Self.block * Self.block)
            compact()
        }
    }

    /// Writes what is left and closes the file; returns every byte
    /// appended when they are still all in memory (at most `keepLimit`),
    /// else nil.
    public func finish() throws(SystemError) -> Data? {
        if count > written {
            if direct {
                // The last block whole, its tail zeros, then the file cut back to its size.
                let end = Self.roundedUp(count)
                (buffer + count).initializeMemory(as: UInt8.self, repeating: 0, count: end - count)
                try writeOut(upTo: end)
                guard ftruncate(descriptor, off_t(size)) == 0 else { throw SystemError("ftruncate", path) }
            } else {
                try writeOut(upTo: count)
            }
        }
        isOpen = false
        guard Glibc.close(descriptor) == 0 else { throw SystemError("close", path) }
        guard keeping else { return nil }
        handedOver = true
        return Data(bytesNoCopy: buffer, count: Int(size), deallocator: .free)
    }

    /// Writes `buffer[written..<end]` at its place in the file.
    private func writeOut(upTo end: Int) throws(SystemError) {
        while written < end {
            let done = pwrite(descriptor, buffer + written, end - written, off_t(start) + off_t(written))
            if done < 0 {
                if errno == EINTR { continue }
                // A file system that opened the file direct but refuses this write: the page cache then.
                if errno == EINVAL, direct, baocao_drop_direct(descriptor) == 0 {
                    direct = false
                    continue
                }
                throw SystemError("write", path)
            }
            written += done
        }
    }

    /// Moves the bytes not yet written to the buffer's start (whole blocks are gone from it).
    private func compact() {
        let gone = written / Self.block * Self.block
        guard gone > 0 else { return }
        memmove(buffer, buffer + gone, count - gone)
        start += Int64(gone)
        count -= gone
        written -= gone
    }

    /// Room for `needed` bytes and the zeros that round the last block up.
    private func reserve(_ needed: Int) {
        guard needed + Self.block > capacity else { return }
        let larger = Self.roundedUp(max(needed + Self.block, capacity * 2))
        let moved = Self.allocate(larger)
        moved.copyMemory(from: buffer, byteCount: count)
        free(buffer)
        buffer = moved
        capacity = larger
    }

    private static func roundedUp(_ bytes: Int) -> Int { (bytes + block - 1) / block * block }

    private static func allocate(_ bytes: Int) -> UnsafeMutableRawPointer {
        var memory: UnsafeMutableRawPointer?
        guard posix_memalign(&memory, block, bytes) == 0, let memory else { fatalError("out of memory (\(bytes) bytes)") }
        return memory
    }
}
