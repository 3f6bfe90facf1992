import Foundation
import ReportModel
import ZipKit

/// Applies the bundle rules of report-format.md §6 to an untrusted zip.
///
/// Every problem is collected (one diagnostic per offending entry), except
/// that an unreadable archive or a passed limit stops the reading. Contents
/// are inflated only once nothing else is wrong, and only through ZipKit's
/// counting reader, so a zip bomb never lands in memory.
public enum BundleOpener {
    /// Opens `data` as a report bundle, or says why it is refused.
    /// `spanDigests` are SHA-256 digests of byte ranges of `data` already
    /// taken (`IncomingFile`): an entry read in place from such a range is
    /// not hashed again.
    public static func open(_ data: Data, limits: BundleLimits = .standard,
                            spanDigests: [Range<Int>: String] = [:]) -> BundleOpening {
        let reader: ZipReader
        do {
            reader = try ZipReader(data: data)
        } catch {
            return .refused(explainRefusal(of: data, limits: limits))
        }
        guard reader.entries.count <= limits.maxEntries else {
            return .refused([BundleDiagnostics.tooManyEntries(reader.entries.count, limit: limits.maxEntries)])
        }
        let problems = inspect(reader.entries, limits: limits)
        guard problems.isEmpty else { return .refused(problems) }
        return inflate(reader, limits: limits, spanDigests: spanDigests)
    }

    /// libzip refuses repeated names and flagged names that are not UTF-8 as
    /// "inconsistent"; the central directory, read on its own, says which,
    /// so the unit gets the precise codes. Anything else is `BUNDLE_CORRUPT`.
    static func explainRefusal(of data: Data, limits: BundleLimits) -> [Diagnostic] {
        guard let entries = ZipReader.salvageEntries(from: data), entries.count <= limits.maxEntries else {
            return [BundleDiagnostics.corrupt()]
        }
        let undecodable = entries.contains { $0.name == nil }
        let repeated = Set(entries.map(\.rawName)).count < entries.count
        guard undecodable || repeated else { return [BundleDiagnostics.corrupt()] }
        return inspect(entries, limits: limits)
    }

    /// The three root files kept in memory; everything else is only hashed.
    static let reportPath = "report.xml"
    static let manifestPath = "manifest.xml"
    static let signaturePath = "manifest.sig"
}
