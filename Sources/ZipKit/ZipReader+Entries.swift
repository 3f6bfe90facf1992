import CLibZip

extension ZipReader {
    /// `S_IFMT` and `S_IFLNK`, as stored in the high 16 bits of Unix attributes.
    private static let fileTypeMask: UInt32 = 0o170000
    private static let symlinkType: UInt32 = 0o120000

    static func readEntries(_ archive: OpaquePointer) throws(ZipError) -> [ZipEntry] {
        let count = zip_get_num_entries(archive, 0)
        guard count >= 0 else { throw ZipError.fromArchive(archive, "cannot count entries") }
        var entries: [ZipEntry] = []
        entries.reserveCapacity(Int(count))
        for index in 0..<zip_uint64_t(count) {
            entries.append(try readEntry(archive, index))
        }
        return entries
    }

    private static func readEntry(_ archive: OpaquePointer, _ index: zip_uint64_t) throws(ZipError) -> ZipEntry {
        guard let rawPointer = zip_get_name(archive, index, zip_flags_t(ZIP_FL_ENC_RAW)) else {
            throw ZipError.fromArchive(archive, "cannot read name of entry \(index)")
        }
        let rawName = bytes(of: rawPointer)
        // ZIP_FL_ENC_GUESS: flagged UTF-8 as is, else valid UTF-8, else CP437 converted to UTF-8.
        let name = zip_get_name(archive, index, zip_flags_t(ZIP_FL_ENC_GUESS))
            .flatMap { String(validating: bytes(of: $0), as: UTF8.self) }

        var stat = zip_stat_t()
        zip_stat_init(&stat)
        guard zip_stat_index(archive, index, 0, &stat) == 0 else {
            throw ZipError.fromArchive(archive, "cannot stat entry \(index)")
        }
        let valid = stat.valid
        func has(_ flag: UInt32) -> Bool { valid & zip_uint64_t(flag) != 0 }
        let encrypted = has(ZIP_STAT_ENCRYPTION_METHOD) ? stat.encryption_method != UInt16(ZIP_EM_NONE) : false

        var opsys: zip_uint8_t = 0
        var attributes: zip_uint32_t = 0
        guard zip_file_get_external_attributes(archive, index, 0, &opsys, &attributes) == 0 else {
            throw ZipError.fromArchive(archive, "cannot read attributes of entry \(index)")
        }
        // macOS's archivers (opsys 19) store the same Unix mode bits.
        let unixLike = opsys == zip_uint8_t(ZIP_OPSYS_UNIX) || opsys == zip_uint8_t(ZIP_OPSYS_OS_X)
        let symlink = unixLike && (attributes >> 16) & fileTypeMask == symlinkType

        return ZipEntry(
            index: Int(index),
            name: name,
            rawName: rawName,
            isDirectory: rawName.last == UInt8(ascii: "/"),
            isSymlink: symlink,
            isEncrypted: encrypted,
            compressedSize: has(ZIP_STAT_COMP_SIZE) ? clamped(stat.comp_size) : 0,
            uncompressedSize: has(ZIP_STAT_SIZE) ? clamped(stat.size) : 0,
            compressionMethod: has(ZIP_STAT_COMP_METHOD) ? stat.comp_method : 0,
            declaredCRC32: has(ZIP_STAT_CRC) ? stat.crc : nil
        )
    }

    /// The bytes of a C string, undecoded (`String(cString:)` would repair them).
    private static func bytes(of cString: UnsafePointer<CChar>) -> [UInt8] {
        var bytes: [UInt8] = []
        var cursor = cString
        while cursor.pointee != 0 {
            bytes.append(UInt8(bitPattern: cursor.pointee))
            cursor += 1
        }
        return bytes
    }

    private static func clamped(_ value: zip_uint64_t) -> Int64 {
        value > zip_uint64_t(Int64.max) ? Int64.max : Int64(value)
    }
}
