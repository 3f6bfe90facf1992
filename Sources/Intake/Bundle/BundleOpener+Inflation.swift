import Crypto
import Foundation
import ReportModel
import SystemKit
import ZipKit

extension BundleOpener {
    /// Inflates every file once, hashing it on the way (or finding its
    /// digest in `spanDigests` when it is read in place from a range hashed
    /// already); keeps only the report, manifest and signature. Header
    /// sizes play no part here.
    static func inflate(_ reader: ZipReader, limits: BundleLimits, spanDigests: [Range<Int>: String]) -> BundleOpening {
        var files: [BundleFile] = []
        var kept: [String: Data] = [:]
        var problems: [Diagnostic] = []
        var remaining = limits.maxTotalUncompressed

        for entry in reader.entries where !entry.isDirectory {
            let path = BundleEntryName(entry).display
            let keep = [reportPath, manifestPath, signaturePath].contains(path)
            var hasher = SHA256()
            var known: String?
            var content = Data()
            var seen: Int64 = 0
            do {
                try reader.read(entry, maxBytes: remaining, maxRatio: limits.maxRatio) { chunk in
                    // An entry in place comes as one piece, the whole of it.
                    if seen == 0, let span = reader.span(of: chunk), let digest = spanDigests[span] {
                        known = digest
                    } else {
                        hasher.update(bufferPointer: chunk)
                    }
                    seen += Int64(chunk.count)
                    if keep { content.append(contentsOf: chunk) }
                }
                files.append(BundleFile(path: path, size: seen, sha256: known ?? SHA256Hex.string(hasher.finalize())))
                if keep { kept[path] = content }
            } catch let error as ZipError where error.kind == .limit {
                // Whichever cap is lower is the one that was passed first.
                let ratioCap = ZipReader.ratioCap(ratio: limits.maxRatio, compressedSize: entry.compressedSize)
                problems.append(
                    remaining <= ratioCap
                        ? BundleDiagnostics.tooLarge(at: path, limit: limits.maxTotalUncompressed)
                        : BundleDiagnostics.ratio(path, limit: limits.maxRatio))
                return .refused(problems)
            } catch {
                problems.append(BundleDiagnostics.corruptEntry(path))
            }
            remaining -= seen
        }
        guard problems.isEmpty else { return .refused(problems) }
        guard let report = kept[reportPath] else { return .refused([BundleDiagnostics.noReport()]) }
        return .opened(OpenedBundle(files: files, report: report, manifest: kept[manifestPath], signature: kept[signaturePath]))
    }
}
