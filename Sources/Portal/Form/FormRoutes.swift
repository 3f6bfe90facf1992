import Foundation
import Hummingbird
import Intake
import ReportModel
import Store
import SystemKit

/// `/don-vi/bao-cao`: the unit fills its report (or its detailed plan) in
/// the browser. Every button posts the whole form (no script needed):
/// the draft is saved, then checked, previewed or sent.
struct FormRoutes {
    let portal: Portal
    let receiver: UploadReceiver
    let pages: PageRoutes

    func add(to router: Router<PortalContext>) {
        router.get("don-vi/bao-cao") { request, context in
            let (account, session, unit) = try await pages.requireUnit(request, context)
            let (year, kind) = target(request.uri.queryParameters["nam"].map(String.init), request.uri.queryParameters["loai"].map(String.init))
            guard let draft = await portal.drafts.load(unit: unit, year: year, kind: kind) else {
                return Reply.html(try await startPage(account, session, unit: unit, year: year, kind: kind))
            }
            let notice = request.uri.queryParameters["da-luu"] != nil ? "Đã lưu bản nháp." : nil
            return Reply.html(formPage(draft, account, session, problems: [], notice: notice))
        }
        router.post("don-vi/bao-cao/bat-dau") { request, context in
            let (account, session, unit) = try await pages.requireUnit(request, context)
            let form = try await Form.read(request, context)
            try PageRoutes.checkCSRF(form["csrf"], session.csrf)
            let (year, kind) = target(form["nam"], form["loai"])
            let start = Portal.Start(rawValue: form["tu"] ?? "") ?? .plan
            _ = try await portal.startDraft(unit: unit, year: year, kind: kind, from: start, by: account)
            return Reply.redirect(Self.address(year, kind))
        }
        router.post("don-vi/bao-cao/sua") { request, context in
            let (account, session, unit) = try await pages.requireUnit(request, context)
            let form = try await Form.read(request, context)
            try PageRoutes.checkCSRF(form["csrf"], session.csrf)
            let (year, kind) = target(form["nam"], form["loai"])
            guard let draft = await portal.drafts.load(unit: unit, year: year, kind: kind), draft.sent != nil else {
                return Reply.redirect(Self.address(year, kind))
            }
            let id = try await portal.nextID(unit: unit, year: year, kind: kind)
            _ = try await portal.save(draft.correction(id: id), by: account, force: true)
            return Reply.redirect(Self.address(year, kind))
        }
        router.post("don-vi/bao-cao") { request, context in try await post(request, context) }
        router.get("don-vi/bao-cao/tep/:sha") { request, context in
            let (_, _, unit) = try await pages.requireUnit(request, context)
            let sha = try context.parameters.require("sha")
            guard let data = await portal.drafts.file(unit: unit, sha256: sha) else { throw PortalError.notFound(sha) }
            return Reply.bytes(data, contentType: "application/octet-stream", downloadName: "minh-chung-\(sha.prefix(8))")
        }
    }

    /// The year and kind a request names (`nam`, `loai=bao-cao|ke-hoach`).
    private func target(_ year: String?, _ kind: String?) -> (Int, ReportKind) {
        let chosen = year.flatMap { Int($0) }.flatMap { portal.plan.years.contains($0) ? $0 : nil } ?? portal.today.year
        return (chosen, kind == "ke-hoach" ? .plan : .annual)
    }

    static func address(_ year: Int, _ kind: ReportKind) -> String {
        "/don-vi/bao-cao?nam=\(year)&loai=\(kind == .plan ? "ke-hoach" : "bao-cao")"
    }

    /// One button of the form: save first (a stale save warns instead), then act.
    private func post(_ request: Request, _ context: PortalContext) async throws -> Response {
        let (account, session, unit) = try await pages.requireUnit(request, context)
        let form = try await receiver.receiveForm(request)
        defer { form.discard() }
        try PageRoutes.checkCSRF(form.fields["csrf"], session.csrf)
        let (year, kind) = target(form.fields["nam"], form.fields["loai"])
        guard let stored = await portal.drafts.load(unit: unit, year: year, kind: kind) else { return Reply.redirect(Self.address(year, kind)) }
        guard stored.sent == nil else {
            return Reply.html(formPage(stored, account, session, problems: [], notice: "Báo cáo này đã được gửi; bấm \"Sửa và gửi lại\" để lập bản sửa đổi."),
                              status: .conflict)
        }
        let loadedVersion = form.fields["version"].flatMap { Int($0) } ?? stored.version
        var draft = ReportForm.apply(form.fields, to: stored)
        draft.version = loadedVersion
        // Evidence files chosen for products are kept with the draft at once.
        for (name, upload) in form.files {
            guard let (t, p) = Self.productFile(name), draft.tasks.indices.contains(t), draft.tasks[t].products.indices.contains(p) else { continue }
            do {
                draft.tasks[t].products[p].file = try await portal.drafts.keep(upload, unit: unit)
            } catch {
                throw PortalError.unavailable("attachment: \(error)")
            }
        }
        let action = ReportForm.Action(form.fields["action"])
        ReportForm.perform(action, on: &draft, newTask: form.fields["new-task"], plan: portal.plan)
        switch try await portal.saveOrWarn(draft, by: account, force: form.fields["force"] == "1") {
        case .stale(let current):
            var mine = draft
            mine.version = current.version
            return Reply.html(formPage(mine, account, session, problems: [], notice: nil, stale: current, force: true), status: .conflict)
        case .saved(let saved):
            draft = saved
        }
        switch action {
        case .check:
            let problems = try await portal.check(draft)
            let notice = problems.contains(where: \.isError) ? nil : "Không có lỗi: báo cáo sẵn sàng để gửi."
            return Reply.html(formPage(draft, account, session, problems: problems, notice: notice))
        case .preview:
            do {
                let bytes = try await portal.preview(draft)
                return Reply.bytes(bytes, contentType: DocumentLink.docxType, downloadName: "du-thao-\(draft.id).docx")
            } catch {
                return Reply.html(formPage(draft, account, session, problems: try await portal.check(draft), notice: error.vietnamese),
                                  status: .unprocessableContent)
            }
        case .send:
            let problems = try await portal.check(draft)
            guard !problems.contains(where: \.isError) else {
                return Reply.html(formPage(draft, account, session, problems: problems, notice: nil), status: .unprocessableContent)
            }
            let receipt = try await portal.send(draft, by: account)
            return Reply.redirect("/bao-cao/\(receipt.sha256)?moi=1")
        case .save:
            return Reply.redirect(Self.address(year, kind) + "&da-luu=1")
        case .addRow(let t, let list):
            let rows = draft.tasks.indices.contains(t) ? Self.count(draft.tasks[t], list) : 0
            return Reply.redirect(Self.address(year, kind) + "#t\(t)-\(list)\(max(rows - 1, 0))")
        case .removeRow(let t, _, _), .removeTask(let t):
            return Reply.redirect(Self.address(year, kind) + "#t\(max(t, 0))")
        case .addTask:
            return Reply.redirect(Self.address(year, kind) + "#t\(max(draft.tasks.count - 1, 0))")
        }
    }

    static func count(_ task: TaskFields, _ list: Character) -> Int {
        switch list {
        case "r": task.results.count
        case "p": task.products.count
        case "d": task.difficulties.count
        case "o": task.proposals.count
        case "f": task.funding.count
        default: 0
        }
    }

    /// `t0-p1-file` → (0, 1).
    static func productFile(_ name: String) -> (Int, Int)? {
        let parts = name.split(separator: "-")
        guard parts.count == 3, parts[2] == "file", parts[0].first == "t", parts[1].first == "p",
              let t = Int(parts[0].dropFirst()), let p = Int(parts[1].dropFirst()) else { return nil }
        return (t, p)
    }

    // MARK: pages

    private func startPage(_ account: Account, _ session: SessionBook.Session, unit: String, year: Int, kind: ReportKind) async throws -> String {
        let (lastYear, detailed) = try await portal.reading { store in
            (store.index.effective(year: year - 1)[unit] != nil, store.index.effective(year: year, kind: .plan)[unit] != nil)
        }
        let values: [String: Any] = [
            "year": year, "kindSlug": kind == .plan ? "ke-hoach" : "bao-cao",
            "heading": kind == .plan ? "Kế hoạch triển khai chi tiết năm \(year)" : "Báo cáo kết quả thực hiện năm \(year)",
            "lastYear": kind == .annual && lastYear, "previousYear": year - 1, "detailed": kind == .annual && detailed,
        ]
        return Pages.render("form-start", values, frame: pages.frame("Lập báo cáo", account, csrf: session.csrf))
    }

    func formPage(_ draft: ReportDraft, _ account: Account, _ session: SessionBook.Session, problems: [ReportForm.Problem], notice: String?,
                  stale: ReportDraft? = nil, force: Bool = false) -> String {
        var values = ReportForm.values(draft, plan: portal.plan, problems: problems, notice: notice, stale: stale)
        values["force"] = force
        if let sent = draft.sent {
            values["sent"] = ["id": sent.id, "sha256": sent.sha256, "received": Pages.instant(sent.received), "by": sent.by]
        }
        return Pages.render("report-form", values, frame: pages.frame(values["heading"] as? String ?? "Báo cáo", account, csrf: session.csrf))
    }
}
