import Foundation
import ReportModel
import XMLKit
import ZipKit

/// Reads the report back from an accepted original, for the documents:
/// exactly as intake read it (well-formed, the XSD, the reader's own
/// checks), so nothing is filled in or defaulted on the second read.
///
/// The store hands over bytes it has checked against their SHA-256; a
/// report that no longer reads as it did at intake stops the documents
/// with the file and the first problem named.
public struct StoredReport: Sendable {
    private let schema: ReportSchema
    private let limits: BundleLimits

    public init(resources: IntakeResources, limits: BundleLimits = .standard) {
        schema = resources.reportSchema
        self.limits = limits
    }

    /// The report in `bytes` (bare XML or a bundle), kept at `path` in the store.
    public func read(_ bytes: Data, path: String) throws(StoredReportError) -> Report {
        guard case .report(let report) = try readSubmitted(bytes, path: path) else {
            throw StoredReportError(path: path, problem: "tệp là kế hoạch chi tiết, không phải báo cáo", english: "a detailed plan, not a report")
        }
        return report
    }

    /// The detailed plan in `bytes`, kept at `path` in the store.
    public func readPlan(_ bytes: Data, path: String) throws(StoredReportError) -> DetailedPlan {
        guard case .plan(let plan) = try readSubmitted(bytes, path: path) else {
            throw StoredReportError(path: path, problem: "tệp là báo cáo, không phải kế hoạch chi tiết", english: "a report, not a detailed plan")
        }
        return plan
    }

    /// A report or a detailed plan, by its root element.
    public func readSubmitted(_ bytes: Data, path: String) throws(StoredReportError) -> Submitted {
        var xml = bytes
        if IncomingFile.isZip(bytes) {
            let entry: ZipEntry?
            let reader: ZipReader
            do {
                reader = try ZipReader(data: bytes)
                entry = reader.entries.first { $0.name.map(Unicode.nfc) == "report.xml" }
            } catch {
                throw StoredReportError(path: path, problem: "gói .zip không đọc được", english: "\(error)")
            }
            guard let entry else { throw StoredReportError(path: path, problem: "gói không có report.xml", english: "no report.xml in the bundle") }
            do {
                xml = try reader.readData(entry, maxBytes: limits.maxTotalUncompressed, maxRatio: limits.maxRatio)
            } catch {
                throw StoredReportError(path: path, problem: "không giải nén được report.xml", english: "\(error)")
            }
        }
        let document: XMLTree
        do {
            document = try XMLTree.parse([UInt8](xml))
        } catch {
            let diagnostic = error.problems.first.map { XMLDiagnostics.diagnostic(for: $0, file: "report.xml") }
            throw StoredReportError(path: path, diagnostic: diagnostic)
        }
        let root = document.root
        let problems = schema.validate(document, root: root)
        guard problems.isEmpty, let root else {
            throw StoredReportError(path: path, diagnostic: problems.first.map { XMLDiagnostics.diagnostic(for: $0, file: "report.xml") })
        }
        let (submitted, readProblems) = ReportReader.readSubmission(root, file: "report.xml")
        if let first = readProblems.first { throw StoredReportError(path: path, diagnostic: first) }
        return submitted
    }
}

/// A kept original that no longer reads as it did when it was accepted.
public struct StoredReportError: ExplainedError, Sendable, CustomStringConvertible {
    public var path: String
    public var problem: String
    public var problemEnglish: String

    init(path: String, problem: String, english: String) {
        self.path = path
        self.problem = problem
        problemEnglish = english
    }

    init(path: String, diagnostic: Diagnostic?) {
        self.path = path
        problem = diagnostic.map { "\($0.message) (\($0.location.vietnamese))" } ?? "tài liệu rỗng"
        problemEnglish = diagnostic.map { "\($0.messageEnglish) (\($0.location.english))" } ?? "empty document"
    }

    public var vietnamese: String {
        "Báo cáo đã lưu \(path) không còn đọc được như khi tiếp nhận: \(problem). Không lập văn bản từ tệp này; chạy baocao verify."
    }

    public var english: String { "the kept report \(path) no longer reads as it did when accepted: \(problemEnglish); run baocao verify" }
    public var description: String { "\(vietnamese) (\(english))" }
}
