import CLibZip
import Foundation

/// Writes zip archives whose bytes depend only on their entries.
///
/// Same entries in, byte-identical archive out: entries keep the given
/// order, every entry gets the same compression level and the timestamp
/// 1980-01-01 00:00, whether the archive is built in memory or in a file.
/// Each call is independent, so it may run on many threads at once.
public enum ZipWriter {
    /// Deflate level used for every `.deflate` entry; fixed for determinism.
    /// 3, not zlib's default 6: on the documents' XML a third of the time,
    /// for a fifth more bytes on a unit's report, two fifths on the summary
    /// (decisions.md).
    public static let deflateLevel: UInt32 = 3

    /// The archive of `entries`, in memory.
    /// - Throws: `ZipError` (`.invalidArgument` for an empty or repeated name).
    public static func archive(_ entries: [Entry]) throws(ZipError) -> Data {
        // libzip writes nothing at all for an archive without entries.
        if entries.isEmpty { return emptyArchive }

        var error = zip_error_t()
        zip_error_init(&error)
        guard let target = zip_source_buffer_create(nil, 0, 0, &error) else {
            throw ZipError.consuming(&error, "cannot create buffer")
        }
        guard let archive = zip_open_from_source(target, ZIP_TRUNCATE, &error) else {
            zip_source_free(target)
            throw ZipError.consuming(&error, "cannot start archive")
        }
        zip_error_fini(&error)
        zip_source_keep(target)  // keep the buffer alive past zip_close
        defer { zip_source_free(target) }
        try fill(archive, with: entries)
        return try contents(of: target)
    }

    /// The archive of `entries`, written to a new file at `path` (created
    /// or replaced) as libzip goes: entries given as files are streamed, so
    /// memory stays flat whatever their size. The same bytes as `archive`.
    public static func write(_ entries: [Entry], to path: String) throws(ZipError) {
        if entries.isEmpty {
            guard FileManager.default.createFile(atPath: path, contents: emptyArchive) else {
                throw ZipError(.internal, "cannot write \(path)")
            }
            return
        }
        var code: Int32 = 0
        guard let archive = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &code) else {
            var error = zip_error_t()
            zip_error_init_with_code(&error, code)
            throw ZipError.consuming(&error, "cannot create \(path)")
        }
        try fill(archive, with: entries)
    }

    /// Adds every entry in order and closes the archive (libzip writes it
    /// then); discards it on any failure.
    private static func fill(_ archive: OpaquePointer, with entries: [Entry]) throws(ZipError) {
        do {
            for (position, entry) in entries.enumerated() {
                try add(entry, at: position, to: archive)
            }
        } catch {
            zip_discard(archive)
            throw error
        }
        guard zip_close(archive) == 0 else {
            let failure = ZipError.fromArchive(archive, "cannot write archive")
            zip_discard(archive)
            throw failure
        }
    }

    private static func add(_ entry: Entry, at position: Int, to archive: OpaquePointer) throws(ZipError) {
        guard !entry.name.isEmpty else { throw ZipError(.invalidArgument, "entry \(position) has an empty name") }
        let source: OpaquePointer
        if let file = entry.file {
            guard let opened = zip_source_file(archive, file, 0, -1) else {
                throw ZipError.fromArchive(archive, "cannot add \"\(entry.name)\"")
            }
            source = opened
        } else {
            guard let copy = mallocCopy(of: entry.data) else { throw ZipError(.internal, "out of memory") }
            guard let buffered = zip_source_buffer(archive, copy, zip_uint64_t(entry.data.count), 1) else {
                free(copy)
                throw ZipError.fromArchive(archive, "cannot add \"\(entry.name)\"")
            }
            source = buffered
        }
        let index = zip_file_add(archive, entry.name, source, zip_flags_t(ZIP_FL_ENC_UTF_8))
        guard index >= 0 else {
            zip_source_free(source)  // not taken by the archive: still ours
            throw ZipError.fromArchive(archive, "cannot add \"\(entry.name)\"")
        }
        let slot = zip_uint64_t(index)
        let (method, level) = entry.compression == .deflate ? (ZIP_CM_DEFLATE, deflateLevel) : (ZIP_CM_STORE, 0)
        guard zip_set_file_compression(archive, slot, method, level) == 0,
              zip_file_set_dostime(archive, slot, 0, (1 << 5) | 1, 0) == 0
        else { throw ZipError.fromArchive(archive, "cannot set up \"\(entry.name)\"") }
    }

    /// Copies the finished archive out of the buffer source.
    private static func contents(of source: OpaquePointer) throws(ZipError) -> Data {
        guard zip_source_open(source) == 0 else { throw ZipError.fromSource(source, "cannot reopen archive") }
        defer { zip_source_close(source) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let got = buffer.withUnsafeMutableBytes { zip_source_read(source, $0.baseAddress, zip_uint64_t($0.count)) }
            if got < 0 { throw ZipError.fromSource(source, "cannot read archive back") }
            if got == 0 { return data }
            data.append(contentsOf: buffer[0..<Int(got)])
        }
    }

    /// An end-of-central-directory record and nothing else.
    private static let emptyArchive = Data([0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18))
}
