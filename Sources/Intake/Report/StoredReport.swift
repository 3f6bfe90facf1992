import Foundation
import ReportModel
import XMLKit
import ZipKit

/// Reads the report back from an accepted original, for the documents.
///
/// The original passed every check when it was accepted, so this only
/// finds `report.xml` (bare, or at the root of the bundle) and reads it:
/// the store keeps the bytes as received and nothing derived from them.
public enum StoredReport {
    public static func read(_ bytes: Data, limits: BundleLimits = .standard) throws(StoredReportError) -> Report {
        var xml = bytes
        if IncomingFile.isZip(bytes) {
            do {
                let reader = try ZipReader(data: bytes)
                guard let entry = reader.entries.first(where: { $0.name?.precomposedStringWithCanonicalMapping == "report.xml" }) else {
                    throw StoredReportError(reason: "no report.xml in the bundle")
                }
                xml = try reader.readData(entry, maxBytes: limits.maxTotalUncompressed, maxRatio: limits.maxRatio)
            } catch let error as StoredReportError {
                throw error
            } catch {
                throw StoredReportError(reason: "\(error)")
            }
        }
        do {
            guard let root = try XMLDocument.parse([UInt8](xml)).rootElement() else { throw StoredReportError(reason: "empty document") }
            return ReportReader.read(root, file: "report.xml")
        } catch let error as StoredReportError {
            throw error
        } catch {
            throw StoredReportError(reason: "\(error)")
        }
    }
}

/// An original in the store that no longer reads: the store was damaged.
public struct StoredReportError: Error, Sendable, CustomStringConvertible {
    public var reason: String
    public var description: String { "stored original unreadable: \(reason)" }
}
