import Foundation

extension ZipWriter {
    /// One file to put in an archive.
    public struct Entry: Hashable, Sendable {
        /// How the bytes are stored.
        public enum Compression: Hashable, Sendable {
            case deflate
            case store
        }

        /// The path inside the archive, stored as UTF-8.
        public var name: String
        public var data: Data
        /// A file whose bytes are the entry's, read as the archive is
        /// written (then `data` is empty): a large part is never held whole.
        public var file: String?
        public var compression: Compression

        public init(name: String, data: Data, compression: Compression = .deflate) {
            self.name = name
            self.data = data
            self.compression = compression
        }

        public init(name: String, file: String, compression: Compression = .deflate) {
            self.name = name
            self.data = Data()
            self.file = file
            self.compression = compression
        }
    }
}
