import Foundation

extension ZipReader {
    /// Lists the entries of an archive that `init(data:)` refused, straight
    /// from its central directory, so the refusal can name a cause libzip
    /// only calls "inconsistent": a repeated name, a flagged name that is
    /// not UTF-8. Nothing is inflated; the entries cannot be read.
    /// - Returns: nil when no central directory can be found.
    public static func salvageEntries(from data: Data) -> [ZipEntry]? {
        ZipCentralDirectory.entries(in: data)
    }
}
