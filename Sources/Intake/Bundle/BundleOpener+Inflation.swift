import Crypto
import Foundation
import ReportModel
import ZipKit

extension BundleOpener {
    /// Inflates every file once, hashing it on the way; keeps only the
    /// report, manifest and signature. Header sizes play no part here.
    static func inflate(_ reader: ZipReader, limits: BundleLimits) -> BundleOpening {
        var files: [BundleFile] = []
        var kept: [String: Data] = [:]
        var problems: [Diagnostic] = []
        var remaining = limits.maxTotalUncompressed

        for entry in reader.entries where !entry.isDirectory {
            let path = BundleEntryName(entry).display
            let keep = [reportPath, manifestPath, signaturePath].contains(path)
            var hasher = SHA256()
            var content = Data()
            var seen: Int64 = 0
            do {
                try reader.read(entry, maxBytes: remaining, maxRatio: limits.maxRatio) { chunk in
                    seen += Int64(chunk.count)
                    hasher.update(bufferPointer: chunk)
                    if keep { content.append(contentsOf: chunk) }
                }
                files.append(BundleFile(path: path, size: seen, sha256: hex(hasher.finalize())))
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

    private static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(SHA256.Digest.byteCount * 2)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
