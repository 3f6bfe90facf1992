import Foundation
import Intake
import Pipeline
import Rendering
import ReportModel
import Store
import SystemKit

/// The report form's work: start a draft, check it with the very checker
/// of `baocao check`, preview the unit's document, and send it through the
/// same `IngestSession` as every upload.
extension Portal {
    enum Start: String, Sendable {
        case plan = "ke-hoach-chung"
        case lastYear = "nam-truoc"
        case detailedPlan = "ke-hoach-chi-tiet"
    }

    /// The next free `@id` for a form-built submission of the unit.
    func nextID(unit: String, year: Int, kind: ReportKind) async throws(PortalError) -> String {
        let stem = "\(unit)-\(year)-\(kind == .plan ? "ke-hoach" : kind.rawValue)-web-"
        let used = try await reading { store in Set(store.index.records.compactMap(\.receipt.id)) }
        var n = 1
        while used.contains(stem + String(format: "%02d", n)) { n += 1 }
        return stem + String(format: "%02d", n)
    }

    /// A new draft for the unit's year, from the plan, last year's report or this year's detailed plan.
    func startDraft(unit: String, year: Int, kind: ReportKind, from start: Start, by account: Account) async throws(PortalError) -> ReportDraft {
        let id = try await nextID(unit: unit, year: year, kind: kind)
        var draft = ReportDraft.fresh(plan: plan, unit: unit, year: year, kind: kind, id: id)
        let resources = configuration.resources
        switch start {
        case .plan: break
        case .lastYear:
            let report: Report? = try await reading { store in
                guard let record = store.index.effective(year: year - 1)[unit] else { return nil }
                return try StoredReport(resources: resources).read(try store.original(sha256: record.receipt.sha256), path: record.receipt.file)
            }
            guard let report else { throw .notFound("báo cáo năm \(year - 1)") }
            draft = ReportDraft.from(lastYear: report, plan: plan, year: year, id: id)
        case .detailedPlan:
            let detailed: DetailedPlan? = try await reading { store in
                guard let record = store.index.effective(year: year, kind: .plan)[unit] else { return nil }
                return try StoredReport(resources: resources).readPlan(try store.original(sha256: record.receipt.sha256), path: record.receipt.file)
            }
            guard let detailed else { throw .notFound("kế hoạch triển khai chi tiết năm \(year)") }
            draft = ReportDraft.from(detailedPlan: detailed, plan: plan, id: id)
        }
        return try await save(draft, by: account, force: true)
    }

    func save(_ draft: ReportDraft, by account: Account, force: Bool = false) async throws(PortalError) -> ReportDraft {
        switch try await saveOrWarn(draft, by: account, force: force) {
        case .saved(let saved): return saved
        case .stale(let current): return current
        }
    }

    func saveOrWarn(_ draft: ReportDraft, by account: Account, force: Bool = false) async throws(PortalError) -> DraftBook.Saved {
        do {
            return try await drafts.save(draft, by: account.name, at: plan.calendar.iso8601(now), force: force)
        } catch {
            throw .unavailable("draft: \(error)")
        }
    }

    /// What sending the draft now would produce: the document and its bytes (a bundle when files are attached).
    func build(_ draft: ReportDraft) async throws(PortalError) -> (document: DraftDocument, bytes: Data, name: String) {
        let document = DraftDocument(draft, plan: plan, submitted: today.description)
        guard !document.attachments.isEmpty else { return (document, document.xml, "\(draft.id).xml") }
        var attachments: [BundlePacker.Attachment] = []
        for (path, file) in document.attachments {
            guard let data = await drafts.file(unit: draft.unit, sha256: file.sha256) else { throw .notFound(file.name) }
            attachments.append(BundlePacker.Attachment(path: path, data: data))
        }
        do {
            return (document, try BundlePacker.pack(report: document.xml, attachments: attachments, signingKey: nil), "\(draft.id).zip")
        } catch {
            throw .unavailable("pack: \(error)")
        }
    }

    /// "Kiểm tra": the checker's verdict on what the form would send, each problem placed beside its field.
    func check(_ draft: ReportDraft) async throws(PortalError) -> [ReportForm.Problem] {
        let (document, bytes, name) = try await build(draft)
        let checker = session.checker
        let received = now
        let diagnostics = try await reading { store in
            checker.check(IncomingFile(name: name, bytes: bytes, received: received), history: store.index).receipt.diagnostics
        }
        return diagnostics.filter { $0.code != .signatureMissing }.map { diagnostic in
            let inReport = diagnostic.location.file == "report.xml" || diagnostic.location.file == name
            return ReportForm.Problem(field: inReport ? document.field(for: diagnostic.location) : nil, message: diagnostic.message,
                                      code: diagnostic.code.rawValue, isError: diagnostic.severity == .error)
        }
    }

    /// The unit's own report document of the draft, before it is sent.
    func preview(_ draft: ReportDraft) async throws(PortalError) -> Data {
        let document = DraftDocument(draft, plan: plan, submitted: today.description)
        do {
            let report = try StoredReport(resources: configuration.resources).read(document.xml, path: "report.xml")
            return try UnitReport.document(report, received: plan.calendar.iso8601(now), context: DocumentContext(plan: plan, date: today)).docx()
        } catch {
            throw .badRequest(vi: "Báo cáo chưa đọc được để lập văn bản: hãy bấm \"Kiểm tra\" và sửa các lỗi trước.",
                              en: "The report does not read yet: check it and fix the errors first.")
        }
    }

    /// "Gửi": the report goes in like any upload; the draft is locked as sent.
    func send(_ draft: ReportDraft, by account: Account) async throws(PortalError) -> Receipt {
        let (_, bytes, name) = try await build(draft)
        let path = layout.uploads.appendingPathComponent("form-\(Credentials.randomHex(bytes: 12))").path
        do {
            try bytes.write(to: URL(fileURLWithPath: path))
        } catch {
            throw .unavailable("form: \(error)")
        }
        let upload = ReceivedUpload(path: path, name: name, size: Int64(bytes.count), received: now, held: bytes)
        let receipt = try await submit(upload, by: account, builtByPortal: true)
        if receipt.outcome == .accepted {
            var sent = draft
            sent.sent = ReportDraft.Sent(id: draft.id, sha256: receipt.sha256, received: receipt.received, by: account.name)
            _ = try await save(sent, by: account, force: true)
        }
        return receipt
    }
}
