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
        public var compression: Compression

        public init(name: String, data: Data, compression: Compression = .deflate) {
            self.name = name
            self.data = data
            self.compression = compression
        }
    }
}
