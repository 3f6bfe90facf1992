import CLibZip
import Foundation

/// Reads an untrusted archive held in memory.
///
/// The archive is opened with `ZIP_CHECKCONS`, so headers that disagree are
/// refused up front; entry contents are only ever streamed through
/// `read(_:maxBytes:maxRatio:chunk:)`, which counts what it inflates.
/// An instance is not thread-safe: use it from one thread at a time.
public final class ZipReader {
    let archive: OpaquePointer
    /// The archive's bytes, which libzip reads through this source.
    let source: DataSource
    /// Every entry, in central-directory order.
    public let entries: [ZipEntry]
    /// Whether `read` hands stored entries on in place (`storedSpan`). Off,
    /// every entry goes through libzip: the fuzzer compares the two.
    public var readsStoredEntriesInPlace = true

    /// Opens `data` as a zip archive.
    /// - Throws: `ZipError` of kind `.corrupt` when it is not a consistent zip
    ///   (libzip also refuses repeated names and flagged names that are not
    ///   UTF-8; `salvageEntries(from:)` can tell those apart).
    public init(data: Data) throws(ZipError) {
        // libzip treats an empty buffer as a new, empty archive; for input
        // that arrived from outside, that is simply not a zip.
        guard data.count >= 22 else { throw ZipError(.corrupt, "too short to be a zip archive") }
        var error = zip_error_t()
        zip_error_init(&error)
        guard let (source, dataSource) = DataSource.create(data, &error) else {
            throw ZipError.consuming(&error, "cannot create source")
        }
        guard let archive = zip_open_from_source(source, ZIP_CHECKCONS | ZIP_RDONLY, &error) else {
            zip_source_free(source)  // still ours: the open failed
            var failure = ZipError.consuming(&error, "cannot open archive")
            // At open, every refusal (even ZIP_ER_EXISTS, a repeated name) is about the input.
            if failure.kind != .internal { failure.kind = .corrupt }
            throw failure
        }
        zip_error_fini(&error)
        self.archive = archive
        self.source = dataSource
        do {
            entries = try Self.readEntries(archive)
        } catch {
            zip_discard(archive)
            throw error
        }
    }

    deinit {
        zip_discard(archive)
    }
}
