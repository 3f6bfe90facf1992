import Foundation
import ReportModel
import XMLKit

/// Takes one file through every check of the format: bundle safety, manifest,
/// signature, XML, schema, then the plan's rules. Pure: it writes nothing.
///
/// Compiled schemas and the plan are loaded once and shared; `check` may be
/// called from several threads at once.
public final class SubmissionChecker: Sendable {
    public let plan: Plan
    public let keyring: Keyring
    public let limits: BundleLimits
    private let reportSchema: XMLSchema
    private let manifest: ManifestCheck
    private let rules: PlanRules

    public init(resources: IntakeResources, keyring: Keyring, limits: BundleLimits = BundleLimits()) {
        plan = resources.plan
        self.keyring = keyring
        self.limits = limits
        reportSchema = resources.reportSchema
        manifest = ManifestCheck(schema: resources.manifestSchema)
        rules = PlanRules(plan: resources.plan)
    }

    /// The verdict on `file`, given what the store has accepted so far
    /// (`nil` history: checking alone, store rules skipped).
    public func check(_ file: IncomingFile, history: SubmissionHistory?) -> Verdict {
        let sha = file.sha256
        let received = plan.calendar.iso8601(file.received)
        if let original = history?.acceptedReceipt(sha256: sha) {
            let receipt = Receipt(file: file.name, sha256: sha, outcome: .duplicate, unit: original.unit, year: original.year,
                                  kind: original.kind, id: original.id, received: received, late: original.late,
                                  supersedes: original.supersedes, diagnostics: [])
            return Verdict(receipt: receipt, report: nil, kind: file.kind)
        }
        var diagnostics: [Diagnostic] = []
        var reportBytes = file.bytes
        var reportName = file.name
        var bundle: OpenedBundle?
        if file.kind == .zip {
            switch BundleOpener.open(file.bytes, limits: limits) {
            case .refused(let problems):
                return rejected(file, sha: sha, received: received, diagnostics: problems)
            case .opened(let opened):
                bundle = opened
                reportBytes = opened.report
                reportName = "report.xml"
                if let manifestBytes = opened.manifest {
                    diagnostics += manifest.check(manifest: manifestBytes, files: opened.files)
                }
            }
        }

        let document: XMLDocument
        do {
            document = try XMLDocument.parse([UInt8](reportBytes))
        } catch {
            diagnostics += error.problems.map { XMLDiagnostics.diagnostic(for: $0, file: reportName) }
            return rejected(file, sha: sha, received: received, diagnostics: diagnostics)
        }
        let root = document.rootElement()
        let claimedUnit = root?.attributes["unit"]
        diagnostics += signatureProblems(unit: claimedUnit, bundle: bundle, fileName: file.name)
        let schemaProblems = reportSchema.validate(document)
        guard schemaProblems.isEmpty, let root else {
            diagnostics += schemaProblems.map { XMLDiagnostics.diagnostic(for: $0, file: reportName) }
            var receipt = rejectedReceipt(file, sha: sha, received: received, diagnostics: diagnostics)
            receipt.unit = claimedUnit
            receipt.id = root?.attributes["id"]
            receipt.year = root?.attributes["year"].flatMap { Int($0) }
            receipt.kind = root?.attributes["kind"].flatMap { ReportKind(rawValue: $0) }
            return Verdict(receipt: receipt, report: nil, kind: file.kind)
        }

        let report = ReportReader.read(root, file: reportName)
        diagnostics += rules.check(report, bundleFiles: bundle.map { Set($0.files.map(\.path)) } ?? [], history: history)
        let late = report.kind == .annual && file.received > plan.calendar.unitReportDeadline(year: report.year)
        if late {
            diagnostics.append(Diagnostic(.late, at: SourceLocation(file: file.name),
                message: "Báo cáo được nhận lúc \(received), sau thời hạn 23:59:59 ngày \(plan.calendar.unitReportDue.day)/\(plan.calendar.unitReportDue.month)/\(report.year).",
                english: "Received \(received), after the deadline of \(report.year)-\(plan.calendar.unitReportDue) 23:59:59 +07:00."))
        }
        let outcome: Outcome = diagnostics.hasErrors ? .rejected : .accepted
        let receipt = Receipt(file: file.name, sha256: sha, outcome: outcome, unit: report.unit, year: report.year,
                              kind: report.kind, id: report.id, received: received, late: late,
                              supersedes: report.supersedes, diagnostics: diagnostics)
        return Verdict(receipt: receipt, report: outcome == .accepted ? report : nil, kind: file.kind)
    }

    /// §6: a unit whose key the secretariat holds must send a signed manifest.
    private func signatureProblems(unit: String?, bundle: OpenedBundle?, fileName: String) -> [Diagnostic] {
        guard let unit, keyring.hasKey(for: unit) else { return [] }
        guard let bundle, let manifestBytes = bundle.manifest, let signature = bundle.signature else {
            return [Diagnostic(.signatureMissing, at: SourceLocation(file: bundle == nil ? fileName : ManifestCheck.signatureName),
                message: "Đơn vị \(unit) đã đăng ký khóa ký số: báo cáo phải gửi dạng gói .zip có manifest.xml và chữ ký manifest.sig (dùng lệnh baocao pack --sign).",
                english: "\(unit) has a registered key: send a zip bundle with manifest.xml and manifest.sig (baocao pack --sign).")]
        }
        if !keyring.verify(signature: signature, of: manifestBytes, unit: unit) {
            return [Diagnostic(.signatureInvalid, at: SourceLocation(file: ManifestCheck.signatureName),
                message: "Chữ ký số trong manifest.sig không khớp với khóa công khai của đơn vị \(unit): bản kê khai đã bị sửa hoặc ký bằng khóa khác.",
                english: "manifest.sig does not verify with \(unit)'s public key.")]
        }
        return []
    }

    private func rejectedReceipt(_ file: IncomingFile, sha: String, received: String, diagnostics: [Diagnostic]) -> Receipt {
        Receipt(file: file.name, sha256: sha, outcome: .rejected, unit: nil, year: nil, kind: nil, id: nil,
                received: received, late: false, supersedes: nil, diagnostics: diagnostics)
    }

    private func rejected(_ file: IncomingFile, sha: String, received: String, diagnostics: [Diagnostic]) -> Verdict {
        Verdict(receipt: rejectedReceipt(file, sha: sha, received: received, diagnostics: diagnostics), report: nil, kind: file.kind)
    }
}
