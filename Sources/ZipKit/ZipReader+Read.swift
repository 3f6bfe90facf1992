import CLibZip
import Foundation

extension ZipReader {
    /// How much is inflated per `zip_fread`: the most any read holds at once
    /// (a stored entry, whole and within the limits, is handed on in place).
    public static let chunkSize = 64 * 1024

    /// Streams one entry's inflated bytes to `chunk`, counting them.
    ///
    /// Header sizes are never trusted: reading stops with a `.limit` error as
    /// soon as the count passes `maxBytes`, or passes `maxRatio` times the
    /// compressed size, before the offending chunk is handed on. A zip bomb
    /// therefore never reaches memory or disk in full.
    /// - Returns: the number of bytes delivered.
    /// - Throws: `ZipError` (`.limit`, `.corrupt` on CRC or data errors,
    ///   `.encrypted`, `.unsupported`), or whatever `chunk` throws.
    @discardableResult
    public func read(
        _ entry: ZipEntry, maxBytes: Int64, maxRatio: Int?,
        chunk: (UnsafeRawBufferPointer) throws -> Void
    ) throws -> Int64 {
        guard entry.index >= 0, entry.index < entries.count else {
            throw ZipError(.invalidArgument, "no entry \(entry.index) in this archive")
        }
        let ratioCap = maxRatio.map { Self.ratioCap(ratio: $0, compressedSize: entries[entry.index].compressedSize) }
        // A stored entry within the limits, whole and as declared: its bytes in place, in one piece.
        if readsStoredEntriesInPlace, entries[entry.index].uncompressedSize <= min(maxBytes, ratioCap ?? .max),
           let span = storedSpan(entry) {
            try source.data.withUnsafeBytes { try chunk(UnsafeRawBufferPointer(rebasing: $0[span])) }
            return Int64(span.count)
        }
        guard let file = zip_fopen_index(archive, zip_uint64_t(entry.index), 0) else {
            throw ZipError.fromArchive(archive, "cannot open entry \(entry.index)")
        }
        defer { zip_fclose(file) }

        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var count: Int64 = 0
        while true {
            let got = zip_fread(file, buffer.baseAddress, zip_uint64_t(buffer.count))
            if got < 0 { throw ZipError.fromFile(file, "cannot read entry \(entry.index)") }
            if got == 0 { return count }
            count += got
            if count > maxBytes {
                throw ZipError(.limit, "entry \(entry.index) inflates past \(maxBytes) bytes")
            }
            if let ratioCap, count > ratioCap {
                throw ZipError(.limit, "entry \(entry.index) inflates past \(maxRatio ?? 0):1")
            }
            try chunk(UnsafeRawBufferPointer(rebasing: buffer[0..<Int(got)]))
        }
    }

    /// Reads one whole entry into memory, under the same limits as `read`.
    public func readData(_ entry: ZipEntry, maxBytes: Int64, maxRatio: Int?) throws -> Data {
        var data = Data()
        try read(entry, maxBytes: maxBytes, maxRatio: maxRatio) { data.append(contentsOf: $0) }
        return data
    }

    /// The most bytes an entry of `compressedSize` may inflate to under a
    /// `ratio`:1 limit: `ratio × max(compressedSize, 1)`, saturating. Shared
    /// so that checks on declared sizes use the very rule reading enforces.
    public static func ratioCap(ratio: Int, compressedSize: Int64) -> Int64 {
        let (product, overflow) = Int64(max(ratio, 0)).multipliedReportingOverflow(by: max(compressedSize, 1))
        return overflow ? Int64.max : product
    }
}
