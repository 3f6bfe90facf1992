import Foundation
import ReportModel
import XMLKit

/// Who sends a file: anyone for the inbox (the secretariat put it there)
/// and a secretariat account; one unit for a unit's portal account.
public enum Sender: Sendable, Equatable {
    case anyone
    case unit(String)
}

/// Takes one file through every check of the format: bundle safety, manifest,
/// signature, XML, schema, the plan's rules, then the store's rules. Pure:
/// it writes nothing.
///
/// Compiled schemas and the plan are loaded once and shared; `inspect` may
/// run on several threads at once, `decide` runs in intake order.
public final class SubmissionChecker: Sendable {
    public let plan: Plan
    public let keyring: Keyring
    public let limits: BundleLimits
    private let reportSchema: ReportSchema
    private let manifest: ManifestCheck
    private let rules: PlanRules

    /// Whether narratives are parsed as stand-ins; off only to cross-check
    /// that the verdicts are the same (the fuzzer).
    public let standsInForNarratives: Bool

    public init(resources: IntakeResources, keyring: Keyring, limits: BundleLimits = BundleLimits(),
                standsInForNarratives: Bool = true) {
        self.standsInForNarratives = standsInForNarratives
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
        if let duplicate = duplicateVerdict(file, history: history) { return duplicate }
        return decide(inspect(file), history: history)
    }

    /// Whether a file of `size` bytes is refused unread (past the size limit).
    public func isOversized(_ size: Int64) -> Bool { size > limits.maxTotalUncompressed }

    /// Every check that needs no store. Thread-safe.
    public func inspect(_ file: IncomingFile) -> Inspection {
        var inspection = Inspection(file: file, diagnostics: [], submitted: nil, claimed: ClaimedIdentity())
        if let size = file.oversize {
            inspection.diagnostics = [Diagnostic(.bundleLimit, at: SourceLocation(file: file.name),
                message: "Tệp nặng \(size) byte, vượt giới hạn \(limits.maxTotalUncompressed) byte; hệ thống không mở tệp này.",
                english: "The file is \(size) bytes, past the \(limits.maxTotalUncompressed)-byte limit; it was not opened.")]
            return inspection
        }
        var reportBytes = file.bytes
        var reportName = file.name
        var bundle: OpenedBundle?
        if file.kind == .zip {
            switch BundleOpener.open(file.bytes, limits: limits, spanDigests: file.spanDigests) {
            case .refused(let problems):
                inspection.diagnostics = problems
                return inspection
            case .opened(let opened):
                bundle = opened
                reportBytes = opened.report
                reportName = "report.xml"
                if let manifestBytes = opened.manifest {
                    inspection.diagnostics += manifest.check(manifest: manifestBytes, files: opened.files)
                }
            }
        }
        let document: XMLTree
        let schemaProblems: [XMLProblem]
        do {
            (document, schemaProblems) = try parsedAndValidated([UInt8](reportBytes))
        } catch {
            // Named as a bundle, and readable neither as a zip nor as XML: a broken bundle (a download
            // cut short, another archive renamed) is what the clerk sent, not an XML syntax error.
            // (A DOCTYPE is XML that was read, and refused as such.)
            if file.kind == .xml, file.name.lowercased().hasSuffix(".zip"), !error.problems.contains(where: { $0.kind == .doctype }) {
                inspection.diagnostics.append(BundleDiagnostics.corrupt())
            } else {
                inspection.diagnostics += error.problems.map { XMLDiagnostics.diagnostic(for: $0, file: reportName) }
            }
            return inspection
        }
        let root = document.root
        inspection.claimed = ClaimedIdentity(unit: root?.value("unit"), id: root?.value("id"),
                                             year: root?.value("year").flatMap { Int($0) },
                                             kind: root?.isNamed("detailed-plan") == true ? .plan : root?.value("kind").flatMap { ReportKind(rawValue: $0) })
        inspection.diagnostics += signatureProblems(unit: inspection.claimed.unit, bundle: bundle, fileName: file.name)
        guard schemaProblems.isEmpty, let root else {
            inspection.diagnostics += schemaProblems.map { XMLDiagnostics.diagnostic(for: $0, file: reportName) }
            return inspection
        }
        let (submitted, readProblems) = ReportReader.readSubmission(root, file: reportName, narratives: .skipped)
        inspection.diagnostics += readProblems
        switch submitted {
        case .report(let report):
            inspection.diagnostics += rules.contentProblems(report, bundleFiles: bundle.map { Set($0.files.map(\.path)) } ?? [])
        case .plan(let plan):
            inspection.diagnostics += rules.contentProblems(plan)
        }
        inspection.submitted = submitted
        return inspection
    }

    /// The report parsed with its narratives stood in (`UnreadText`: the
    /// checks never read them) and its schema problems. A document that
    /// stand-in copy does not pass is parsed and validated again as sent, so
    /// that every problem is worded from the clerk's own bytes.
    private func parsedAndValidated(_ bytes: [UInt8]) throws(XMLParseFailure) -> (XMLTree, [XMLProblem]) {
        if standsInForNarratives, let document = try? XMLTree.parse(bytes, unread: ReportReader.narrativeElements),
           reportSchema.validate(document, root: document.root).isEmpty {
            return (document, [])
        }
        let document = try XMLTree.parse(bytes)
        return (document, reportSchema.validate(document, root: document.root))
    }

    /// The outcome, given the store's history as it stands after every file
    /// before this one. Cheap; runs in intake order.
    public func decide(_ inspection: Inspection, history: SubmissionHistory?, sender: Sender = .anyone) -> Verdict {
        let file = inspection.file
        // Before anything else, a duplicate answer included: a unit learns
        // nothing of another unit's submissions by sending their bytes.
        if let refused = unauthorised(inspection, sender: sender) { return refused }
        if let duplicate = duplicateVerdict(file, history: history) { return duplicate }
        let received = plan.calendar.iso8601(file.received)
        var diagnostics = inspection.diagnostics
        guard let submitted = inspection.submitted else {
            let claimed = inspection.claimed
            let receipt = Receipt(file: file.name, sha256: file.sha256, outcome: .rejected, unit: claimed.unit, year: claimed.year,
                                  kind: claimed.kind, id: claimed.id, received: received, late: false, supersedes: nil,
                                  diagnostics: diagnostics)
            return Verdict(receipt: receipt, submitted: nil)
        }
        let identity: (unit: String, year: Int, kind: ReportKind, supersedes: String?)
        switch submitted {
        case .report(let report):
            diagnostics += rules.historyProblems(report, history: history)
            identity = (report.unit, report.year, report.kind, report.supersedes)
        case .plan(let detailed):
            diagnostics += rules.historyProblems(detailed, history: history)
            identity = (detailed.unit, detailed.year, .plan, detailed.supersedes)
        }
        // Only the plan's years have a deadline; an out-of-range year is refused anyway.
        let deadline: (instant: Date, day: MonthDay)? = switch identity.kind {
        case .annual: (plan.calendar.unitReportDeadline(year: identity.year), plan.calendar.unitReportDue)
        case .plan: (plan.calendar.detailedPlanDeadline(year: identity.year), plan.calendar.detailedPlanDue)
        case .adhoc: nil
        }
        let late = plan.years.contains(identity.year) && deadline.map { file.received > $0.instant } ?? false
        if late, let due = deadline?.day {
            let day = CalendarDate(year: identity.year, month: due.month, day: due.day)
            diagnostics.append(Diagnostic(.late, at: SourceLocation(file: file.name),
                message: "\(identity.kind == .plan ? "Kế hoạch chi tiết" : "Báo cáo") được nhận lúc \(received), sau thời hạn 23:59:59 ngày \(due.day)/\(due.month)/\(identity.year).",
                english: "Received \(received), after the deadline of \(day) 23:59:59 +07:00."))
        }
        let outcome: Outcome = diagnostics.hasErrors ? .rejected : .accepted
        let receipt = Receipt(file: file.name, sha256: file.sha256, outcome: outcome, unit: identity.unit, year: identity.year,
                              kind: identity.kind, id: submitted.id, received: received, late: late,
                              supersedes: identity.supersedes, diagnostics: diagnostics)
        return Verdict(receipt: receipt, submitted: outcome == .accepted ? submitted : nil)
    }

    /// A unit's portal account sending a file that names another unit
    /// (`UNIT_NOT_AUTHORISED`): refused, with the file's own problems after.
    private func unauthorised(_ inspection: Inspection, sender: Sender) -> Verdict? {
        guard case .unit(let allowed) = sender else { return nil }
        let claimed: String?
        let location: SourceLocation
        switch inspection.submitted {
        case .report(let report)?: (claimed, location) = (report.unit, report.location)
        case .plan(let detailed)?: (claimed, location) = (detailed.unit, detailed.location)
        case nil: (claimed, location) = (inspection.claimed.unit, SourceLocation(file: inspection.file.name))
        }
        guard let claimed, claimed != allowed else { return nil }
        let file = inspection.file
        let refusal = Diagnostic(.unitNotAuthorised, at: location,
            message: "Tài khoản của đơn vị \(allowed) chỉ được gửi báo cáo của chính đơn vị mình; tệp này ghi đơn vị \(DisplayName.printable(claimed)) (thuộc tính unit).",
            english: "An account of \(allowed) may send only \(allowed)'s reports; this file names the unit \(DisplayName.printable(claimed)).")
        let receipt = Receipt(file: file.name, sha256: file.sha256, outcome: .rejected, unit: claimed, year: inspection.claimed.year,
                              kind: inspection.claimed.kind, id: inspection.claimed.id ?? inspection.submitted?.id,
                              received: plan.calendar.iso8601(file.received), late: false, supersedes: nil,
                              diagnostics: [refusal] + inspection.diagnostics)
        return Verdict(receipt: receipt, submitted: nil)
    }

    /// A file byte-identical to an accepted one changes nothing.
    private func duplicateVerdict(_ file: IncomingFile, history: SubmissionHistory?) -> Verdict? {
        guard let original = history?.acceptedSubmission(sha256: file.sha256) else { return nil }
        let receipt = Receipt(file: file.name, sha256: file.sha256, outcome: .duplicate, unit: original.unit, year: original.year,
                              kind: original.kind, id: original.id, received: plan.calendar.iso8601(file.received),
                              late: original.late, supersedes: original.supersedes, diagnostics: [])
        return Verdict(receipt: receipt, submitted: nil)
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
}
