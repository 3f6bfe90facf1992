import CLibZip
import Foundation

/// A libzip source that reads an archive from a `Data` in place.
///
/// libzip reads its sources lazily, up to `zip_discard`, so a buffer source
/// needs memory of its own: that was a copy of every bundle, in fresh pages
/// (5 % of an upload's CPU). A function source instead copies each read
/// straight out of `data`, which the source holds until libzip frees it.
final class DataSource {
    let data: Data
    private var position = 0
    private var error = zip_error_t()
    /// Where the first read since `watchNextRead()` began; see `ZipReader.storedSpan`.
    private(set) var watchedRead: Int?
    private var watching = false

    /// Notes where the next read begins, in `watchedRead`.
    func watchNextRead() {
        watching = true
        watchedRead = nil
    }

    private init(_ data: Data) {
        self.data = data
        zip_error_init(&error)
    }

    deinit {
        zip_error_fini(&error)
    }

    /// A new source over `data`, owned by libzip from then on: freeing the
    /// source (`zip_source_free`, or `zip_discard` of its archive) ends it.
    static func create(_ data: Data, _ error: UnsafeMutablePointer<zip_error_t>) -> (OpaquePointer, DataSource)? {
        let dataSource = DataSource(data)
        let context = Unmanaged.passRetained(dataSource).toOpaque()
        guard let source = zip_source_function_create(callback, context, error) else {
            Unmanaged<DataSource>.fromOpaque(context).release()
            return nil
        }
        return (source, dataSource)
    }

    /// What this source does: read, seek and tell (a bitmap of commands).
    private static let supported: zip_int64_t = [
        ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR,
        ZIP_SOURCE_FREE, ZIP_SOURCE_SEEK, ZIP_SOURCE_TELL, ZIP_SOURCE_SUPPORTS,
    ].reduce(0) { $0 | (1 << zip_int64_t($1.rawValue)) }

    private static let callback: zip_source_callback = { context, buffer, length, command in
        let source = Unmanaged<DataSource>.fromOpaque(context!)
        if command == ZIP_SOURCE_FREE {
            source.release()
            return 0
        }
        return source.takeUnretainedValue().perform(command, buffer, length)
    }

    private func perform(_ command: zip_source_cmd_t, _ buffer: UnsafeMutableRawPointer?, _ length: zip_uint64_t) -> zip_int64_t {
        switch command {
        case ZIP_SOURCE_OPEN:
            position = 0
            return 0
        case ZIP_SOURCE_READ:
            if watching {
                watching = false
                watchedRead = position
            }
            let count = min(Int(clamping: length), data.count - position)
            guard count > 0, let buffer else { return 0 }
            let start = data.startIndex + position
            data.copyBytes(to: buffer.assumingMemoryBound(to: UInt8.self), from: start..<start + count)
            position += count
            return zip_int64_t(count)
        case ZIP_SOURCE_CLOSE:
            return 0
        case ZIP_SOURCE_STAT:
            guard let buffer, length >= MemoryLayout<zip_stat_t>.size else {
                zip_error_set(&error, ZIP_ER_INVAL, 0)
                return -1
            }
            let stat = buffer.assumingMemoryBound(to: zip_stat_t.self)
            zip_stat_init(stat)
            stat.pointee.size = zip_uint64_t(data.count)
            stat.pointee.comp_size = zip_uint64_t(data.count)
            stat.pointee.comp_method = zip_uint16_t(ZIP_CM_STORE)
            stat.pointee.encryption_method = zip_uint16_t(ZIP_EM_NONE)
            stat.pointee.valid |= zip_uint64_t(ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_ENCRYPTION_METHOD)
            return zip_int64_t(MemoryLayout<zip_stat_t>.size)
        case ZIP_SOURCE_ERROR:
            return zip_error_to_data(&error, buffer, length)
        case ZIP_SOURCE_SEEK:
            guard let buffer else {
                zip_error_set(&error, ZIP_ER_INVAL, 0)
                return -1
            }
            let offset = zip_source_seek_compute_offset(zip_uint64_t(position), zip_uint64_t(data.count), buffer, length, &error)
            guard offset >= 0 else { return -1 }
            position = Int(offset)
            return 0
        case ZIP_SOURCE_TELL:
            return zip_int64_t(position)
        case ZIP_SOURCE_SUPPORTS:
            return Self.supported
        default:
            zip_error_set(&error, ZIP_ER_OPNOTSUPP, 0)
            return -1
        }
    }
}
