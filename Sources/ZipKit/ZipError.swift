/// A failure of ZipKit, with enough detail to tell a broken archive from one
/// that was refused on purpose (a limit) or one we cannot read (encryption).
///
/// libzip's `zip_error_t` is copied into this value and released at once, so
/// an error never holds C memory.
public struct ZipError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure: callers branch on this, never on the message.
    public enum Kind: String, Hashable, Sendable {
        /// Not a zip, or a zip whose structure or data does not hold together
        /// (bad CRC, inconsistent headers, invalid compressed data).
        case corrupt
        /// Reading stopped because a byte or ratio limit was passed.
        case limit
        /// The entry is encrypted; ZipKit never asks for passwords.
        case encrypted
        /// A compression or encryption method libzip cannot handle.
        case unsupported
        /// The caller asked for something impossible (bad index, bad name).
        case invalidArgument
        /// Memory, I/O or another failure that says nothing about the input.
        case `internal`
    }

    public var kind: Kind
    /// A technician's description, in English.
    public var message: String
    /// The libzip error code (`ZIP_ER_*`) when libzip reported it, else nil.
    public var libzipCode: Int32?

    public init(_ kind: Kind, _ message: String, libzipCode: Int32? = nil) {
        self.kind = kind
        self.message = message
        self.libzipCode = libzipCode
    }

    public var description: String { "zip \(kind.rawValue): \(message)" }
}
