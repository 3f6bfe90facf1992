import CLibZip

extension ZipError {
    /// Copies what we need out of `error`, then releases it (`zip_error_fini`).
    static func consuming(_ error: inout zip_error_t, _ context: String) -> ZipError {
        let code = zip_error_code_zip(&error)
        let text = zip_error_strerror(&error).map { String(cString: $0) } ?? "unknown error"
        zip_error_fini(&error)
        return ZipError(kind(forLibzipCode: code), "\(context): \(text)", libzipCode: code)
    }

    /// The archive's last error, copied; the archive keeps ownership.
    static func fromArchive(_ archive: OpaquePointer, _ context: String) -> ZipError {
        fromBorrowed(zip_get_error(archive), context)
    }

    /// An open entry's last error, copied; the entry keeps ownership.
    static func fromFile(_ file: OpaquePointer, _ context: String) -> ZipError {
        fromBorrowed(zip_file_get_error(file), context)
    }

    /// A source's last error, copied; the source keeps ownership.
    static func fromSource(_ source: OpaquePointer, _ context: String) -> ZipError {
        fromBorrowed(zip_source_error(source), context)
    }

    private static func fromBorrowed(_ error: UnsafeMutablePointer<zip_error_t>?, _ context: String) -> ZipError {
        guard let error else { return ZipError(.internal, context) }
        let code = zip_error_code_zip(error)
        let text = zip_error_strerror(error).map { String(cString: $0) } ?? "unknown error"
        return ZipError(kind(forLibzipCode: code), "\(context): \(text)", libzipCode: code)
    }

    /// Sorts libzip's codes into the few kinds callers act on.
    static func kind(forLibzipCode code: Int32) -> Kind {
        switch code {
        case ZIP_ER_NOZIP, ZIP_ER_INCONS, ZIP_ER_CRC, ZIP_ER_ZLIB, ZIP_ER_EOF,
             ZIP_ER_COMPRESSED_DATA, ZIP_ER_MULTIDISK, ZIP_ER_SEEK, ZIP_ER_READ:
            return .corrupt
        case ZIP_ER_NOPASSWD, ZIP_ER_WRONGPASSWD:
            return .encrypted
        case ZIP_ER_COMPNOTSUPP, ZIP_ER_ENCRNOTSUPP, ZIP_ER_OPNOTSUPP:
            return .unsupported
        case ZIP_ER_INVAL, ZIP_ER_NOENT, ZIP_ER_EXISTS, ZIP_ER_DELETED, ZIP_ER_RDONLY:
            return .invalidArgument
        default:
            return .internal
        }
    }
}
