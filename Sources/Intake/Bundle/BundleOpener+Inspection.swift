import ReportModel
import ZipKit

extension BundleOpener {
    /// Checks names, entry kinds and declared sizes, without inflating.
    static func inspect(_ entries: [ZipEntry], limits: BundleLimits) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var firstByKey: [String: String] = [:]
        var declaredTotal: Int64 = 0
        var totalReported = false
        var hasReport = false

        for entry in entries {
            let name = BundleEntryName(entry)
            if let why = name.unsafety { problems.append(BundleDiagnostics.unsafePath(name.display, why)) }
            if entry.isSymlink { problems.append(BundleDiagnostics.link(name.display)) }
            if entry.isEncrypted { problems.append(BundleDiagnostics.encrypted(name.display)) }
            if let key = name.collisionKey {
                if let first = firstByKey[key] {
                    problems.append(BundleDiagnostics.duplicate(name.display, sameAs: first))
                } else {
                    firstByKey[key] = name.display
                }
            }
            guard !entry.isDirectory else { continue }
            if name.text == reportPath { hasReport = true }
            if entry.uncompressedSize > ZipReader.ratioCap(ratio: limits.maxRatio, compressedSize: entry.compressedSize) {
                problems.append(BundleDiagnostics.ratio(name.display, limit: limits.maxRatio))
            }
            let (sum, overflow) = declaredTotal.addingReportingOverflow(entry.uncompressedSize)
            declaredTotal = overflow ? Int64.max : sum
            if declaredTotal > limits.maxTotalUncompressed, !totalReported {
                problems.append(BundleDiagnostics.tooLarge(at: name.display, limit: limits.maxTotalUncompressed))
                totalReported = true
            }
        }
        if !hasReport { problems.append(BundleDiagnostics.noReport()) }
        return problems
    }
}
