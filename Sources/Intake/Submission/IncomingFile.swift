#if canImport(Glibc)
import Glibc
#endif
import Foundation
import SystemKit
import ZipKit

/// One file as it arrived: its name in the inbox, its bytes and when it was received.
public struct IncomingFile: Sendable {
    public var name: String
    public var bytes: Data {
        didSet { spanDigests = [:] }  // they were of the old bytes
    }
    /// The file system's modification time: "received", never the date inside the file.
    public var received: Date
    /// Lower-case hex SHA-256 of `bytes`: the file's identity in the store.
    public let sha256: String
    /// SHA-256 of byte ranges of `bytes` (a bundle's large stored entries),
    /// taken in the same pass as `sha256`: the bundle's check finds its
    /// attachments' digests here instead of hashing them again.
    private(set) var spanDigests: [Range<Int>: String] = [:]

    public init(name: String, bytes: Data, received: Date) {
        self.name = name
        self.bytes = bytes
        kind = Self.isZip(bytes) ? .zip : .xml
        (sha256, spanDigests) = Self.digests(of: bytes, kind: kind)
        self.received = Date(timeIntervalSince1970: received.timeIntervalSince1970.rounded(.down))
    }

    /// A file too large to take in: only its identity, its first bytes
    /// (to tell the kind) and its size travel on. `file` is read once, in
    /// chunks, for its SHA-256; memory stays flat whatever its size.
    public init(name: String, oversized file: OpenFile, size: Int64, received: Date) throws(SystemError) {
        self.name = name
        try file.rewind()
        let head = try file.read(upTo: 4)
        try file.rewind()
        bytes = Data()
        sha256 = try SHA256Hex.of(file)
        kind = Self.isZip(head) ? .zip : .xml
        self.received = Date(timeIntervalSince1970: received.timeIntervalSince1970.rounded(.down))
        oversize = size
    }

    /// The file open in `file` (`size` bytes, as `stat` said), read the way
    /// every channel reads an input: whole when it is within the limit,
    /// else only hashed (refused unread). Throws `EFBIG` as a `SystemError`
    /// when the file holds more than `size` bytes (it is growing). `held`
    /// is the same bytes already in memory (a portal upload written from
    /// them): taken instead of reading the file when they are all of it.
    public static func read(_ file: OpenFile, name: String, size: Int64, received: Date,
                            checker: SubmissionChecker, held: Data? = nil) throws(SystemError) -> IncomingFile {
        if checker.isOversized(size) {
            return try IncomingFile(name: name, oversized: file, size: size, received: received)
        }
        if let held, Int64(held.count) == size { return IncomingFile(name: name, bytes: held, received: received) }
        try file.rewind()
        let bytes = try file.readAll(limit: size)
        guard Int64(bytes.count) == size else { throw SystemError("read", file.path, EFBIG) }
        return IncomingFile(name: name, bytes: bytes, received: received)
    }

    /// The SHA-256 of `bytes` and, for a zip, of the stored entries its
    /// headers point to, on two lanes of one pass (`TwoLaneSHA256`). The
    /// headers are only believed as far as this: a digest is of exactly
    /// the bytes its range names, used only for an entry read from there.
    private static func digests(of bytes: Data, kind: Kind) -> (String, [Range<Int>: String]) {
        let spans = kind == .zip && TwoLaneSHA256.isAvailable
            ? ZipReader.likelyStoredSpans(in: bytes, minimumSize: spanDigestMinimum) : []
        guard !spans.isEmpty else { return (SHA256Hex.of(bytes), [:]) }
        let (whole, parts) = bytes.withUnsafeBytes { TwoLaneSHA256.digests(of: $0, parts: spans) }
        return (whole, Dictionary(zip(spans, parts)) { first, _ in first })
    }

    /// Below this, an entry's blocks are too few to gain from the second lane.
    static let spanDigestMinimum = 4096

    /// Zip or XML, told from the bytes, never from the name.
    public let kind: Kind

    /// The size of a file refused unread for its size, else nil.
    public private(set) var oversize: Int64?

    /// Whether `bytes` start like a zip archive (local header, empty archive, spanned).
    public static func isZip(_ bytes: Data) -> Bool {
        let head = [UInt8](bytes.prefix(4))
        return [[0x50, 0x4B, 0x03, 0x04], [0x50, 0x4B, 0x05, 0x06], [0x50, 0x4B, 0x07, 0x08]].contains(head)
    }

    public enum Kind: String, Sendable {
        case zip
        case xml
    }
}
