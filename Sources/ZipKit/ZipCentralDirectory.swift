import Foundation

/// A minimal reader of the central directory, in Swift, used only to explain
/// why libzip refused an archive and to guess where stored entries lie. It
/// reads names, flags, attributes and header offsets; it never touches
/// entry data.
struct ZipCentralDirectory {
    private let bytes: UnsafeRawBufferPointer

    private init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// The entries of `data`'s central directory, or nil when it cannot be found.
    static func entries(in data: Data) -> [ZipEntry]? {
        data.withUnsafeBytes { ZipCentralDirectory($0).entries() }
    }

    /// Where each stored, unencrypted entry of at least `minimumSize` bytes
    /// would begin and end by its local header: hints, as libzip is not asked.
    static func storedSpans(in data: Data, minimumSize: Int) -> [Range<Int>] {
        data.withUnsafeBytes { bytes in
            let directory = ZipCentralDirectory(bytes)
            var spans: [Range<Int>] = []
            _ = directory.forEachRecord { cursor in
                guard let flags = directory.u16(cursor + 8), flags & 0x0041 == 0, directory.u16(cursor + 10) == 0,
                      let size = directory.u32(cursor + 24), size != UInt32.max, Int(size) >= minimumSize,
                      directory.u32(cursor + 20) == size, let header = directory.u32(cursor + 42).map(Int.init),
                      directory.u32(header) == 0x0403_4B50,
                      let nameLength = directory.u16(header + 26), let extraLength = directory.u16(header + 28)
                else { return true }
                let start = header + 30 + Int(nameLength) + Int(extraLength)
                if start + Int(size) <= bytes.count { spans.append(start..<start + Int(size)) }
                return true
            }
            return spans
        }
    }

    /// Calls `body` with the offset of each central-directory record, in
    /// order; false when the directory is not whole or `body` could not
    /// read a record (returned false), which stops the walk.
    private func forEachRecord(_ body: (Int) -> Bool) -> Bool {
        guard let (count, offset) = directoryStart() else { return false }
        var cursor = offset
        for _ in 0..<count {
            guard u32(cursor) == 0x0201_4B50, let nameLength = u16(cursor + 28), let extraLength = u16(cursor + 30),
                  let commentLength = u16(cursor + 32), cursor + 46 + Int(nameLength) <= bytes.count
            else { return false }
            guard body(cursor) else { return false }
            cursor += 46 + Int(nameLength) + Int(extraLength) + Int(commentLength)
        }
        return true
    }

    private func entries() -> [ZipEntry]? {
        var entries: [ZipEntry] = []
        let whole = forEachRecord { cursor in
            guard let flags = u16(cursor + 8), let method = u16(cursor + 10),
                  let crc = u32(cursor + 16), let compressed = u32(cursor + 20), let size = u32(cursor + 24),
                  let nameLength = u16(cursor + 28), let attributes = u32(cursor + 38),
                  let madeBy = u16(cursor + 4)
            else { return false }
            let raw = Array(bytes[(cursor + 46)..<(cursor + 46 + Int(nameLength))])
            let opsys = madeBy >> 8
            let unixLike = opsys == 3 || opsys == 19
            entries.append(ZipEntry(
                index: entries.count,
                name: ZipNameDecoding.decode(raw, flaggedUTF8: flags & 0x0800 != 0),
                rawName: raw,
                isDirectory: raw.last == UInt8(ascii: "/"),
                isSymlink: unixLike && (attributes >> 16) & 0o170000 == 0o120000,
                isEncrypted: flags & 0x0041 != 0,
                // Zip64 sizes (0xFFFFFFFF) are not looked up: these are hints only.
                compressedSize: compressed == UInt32.max ? 0 : Int64(compressed),
                uncompressedSize: size == UInt32.max ? 0 : Int64(size),
                compressionMethod: method,
                declaredCRC32: crc
            ))
            return true
        }
        return whole ? entries : nil
    }

    /// Entry count and central-directory offset, from the (zip64) end record.
    private func directoryStart() -> (Int, Int)? {
        guard bytes.count >= 22 else { return nil }
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        guard let end = stride(from: bytes.count - 22, through: lowest, by: -1).first(where: { u32($0) == 0x0605_4B50 }),
              let count16 = u16(end + 10), let offset32 = u32(end + 16)
        else { return nil }
        if count16 != 0xFFFF, offset32 != UInt32.max { return (Int(count16), Int(offset32)) }
        // Zip64: the locator sits just before the end record.
        guard end >= 20, u32(end - 20) == 0x0706_4B50, let record = u64(end - 12),
              record < UInt64(bytes.count), u32(Int(record)) == 0x0606_4B50,
              let count64 = u64(Int(record) + 32), let offset64 = u64(Int(record) + 48),
              count64 < UInt64(bytes.count), offset64 < UInt64(bytes.count)
        else { return nil }
        return (Int(count64), Int(offset64))
    }

    private func u16(_ at: Int) -> UInt16? {
        guard at >= 0, at + 2 <= bytes.count else { return nil }
        return UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt16.self))
    }

    private func u32(_ at: Int) -> UInt32? {
        guard at >= 0, at + 4 <= bytes.count else { return nil }
        return UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self))
    }

    private func u64(_ at: Int) -> UInt64? {
        guard at >= 0, at + 8 <= bytes.count else { return nil }
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
    }
}
