/// What the central directory says about one entry, read once when the
/// archive is opened.
///
/// The sizes are *declared*: an attacker writes them. Use them to refuse
/// early, never to size a buffer; `ZipReader.read` counts the real bytes.
public struct ZipEntry: Hashable, Sendable {
    /// Position in the archive; only meaningful for the reader that made it.
    public var index: Int
    /// The name as text: UTF-8 when flagged or valid, otherwise CP437.
    /// Nil when the bytes cannot be decoded (flagged UTF-8 that is not).
    public var name: String?
    /// The name's bytes exactly as stored, for diagnostics about bad names.
    public var rawName: [UInt8]
    /// True when the name ends with "/".
    public var isDirectory: Bool
    /// True when Unix-style external attributes mark a symbolic link.
    public var isSymlink: Bool
    /// True when the entry uses any encryption method.
    public var isEncrypted: Bool
    /// Declared compressed size (untrusted).
    public var compressedSize: Int64
    /// Declared uncompressed size (untrusted).
    public var uncompressedSize: Int64
    /// The zip compression method number (0 stored, 8 deflate, ...).
    public var compressionMethod: UInt16
    /// Declared CRC-32 of the uncompressed bytes (untrusted), where known.
    public var declaredCRC32: UInt32?

    public init(
        index: Int, name: String?, rawName: [UInt8], isDirectory: Bool, isSymlink: Bool,
        isEncrypted: Bool, compressedSize: Int64, uncompressedSize: Int64, compressionMethod: UInt16,
        declaredCRC32: UInt32? = nil
    ) {
        self.index = index
        self.name = name
        self.rawName = rawName
        self.isDirectory = isDirectory
        self.isSymlink = isSymlink
        self.isEncrypted = isEncrypted
        self.compressedSize = compressedSize
        self.uncompressedSize = uncompressedSize
        self.compressionMethod = compressionMethod
        self.declaredCRC32 = declaredCRC32
    }
}
