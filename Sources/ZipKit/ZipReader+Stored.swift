import CLibDeflate
import CLibZip
import Foundation

extension ZipReader {
    /// Where a stored entry's bytes lie in the archive, when they are
    /// whole and their CRC-32 is the one declared: `read` then hands them on
    /// in place. Nil for anything else (compressed, encrypted, empty, cut
    /// short, another checksum), which `read` streams through libzip as
    /// before, its errors included.
    ///
    /// Units' attachments (PDFs, images) are stored, and they are most of a
    /// bundle's bytes: through libzip they were copied twice and checked
    /// with zlib's CRC-32 (1.9 GB/s here); libdeflate's runs at 6.9.
    ///
    /// Where the bytes begin is where libzip itself first reads the entry
    /// once it has opened it (past the local header): the span is libzip's
    /// own idea of the entry, never a second parser's. Were that ever not
    /// so, the checksum would differ and libzip would read the entry.
    func storedSpan(_ entry: ZipEntry) -> Range<Int>? {
        let declared = entries[entry.index]
        guard declared.compressionMethod == UInt16(ZIP_CM_STORE), !declared.isEncrypted, let crc = declared.declaredCRC32,
              declared.compressedSize > 0, declared.compressedSize == declared.uncompressedSize,
              let file = zip_fopen_index(archive, zip_uint64_t(entry.index), 0)
        else { return nil }
        defer { zip_fclose(file) }
        var first: UInt8 = 0
        source.watchNextRead()
        guard zip_fread(file, &first, 1) == 1, let start = source.watchedRead else { return nil }
        let (end, overflow) = start.addingReportingOverflow(Int(declared.compressedSize))
        guard !overflow, end <= source.data.count else { return nil }
        let whole = source.data.withUnsafeBytes { bytes in
            bytes[start] == first && libdeflate_crc32(0, bytes.baseAddress! + start, end - start) == crc
        }
        return whole ? start..<end : nil
    }
}

extension ZipReader {
    /// Where `data`'s stored entries of at least `minimumSize` bytes would
    /// lie, read from its headers alone (no libzip, nothing verified): spans
    /// to hash ahead, beside the archive's own hash. Only hints: `read`
    /// alone decides what an entry's bytes are, and `span(of:)` says where
    /// a piece it handed on lies.
    public static func likelyStoredSpans(in data: Data, minimumSize: Int) -> [Range<Int>] {
        ZipCentralDirectory.storedSpans(in: data, minimumSize: minimumSize)
    }

    /// Where `piece` lies in the archive's bytes, when `read` handed an
    /// entry on in place (then as its one piece, the whole entry); nil for
    /// a piece in a buffer of its own.
    public func span(of piece: UnsafeRawBufferPointer) -> Range<Int>? {
        source.data.withUnsafeBytes { archive in
            guard let base = archive.baseAddress, let start = piece.baseAddress,
                  start >= base, start + piece.count <= base + archive.count
            else { return nil }
            let offset = start - base
            return offset..<offset + piece.count
        }
    }
}
