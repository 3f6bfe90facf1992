import Consolidation
import Foundation
import Store
import HTTPTypes
import Hummingbird
import ReportModel
import SystemKit

/// The pages in Vietnamese, server-rendered, with no script: signing in,
/// the unit's page (its tasks, the upload, its submissions), each
/// receipt, and the secretariat's board, list, checks and documents.
/// Every form that changes anything carries the session's CSRF token.
struct PageRoutes {
    let portal: Portal
    let receiver: UploadReceiver

    /// The sign-in form's CSRF token travels in a cookie of its own (no session yet).
    static let signInCookie = "baocao_signin"

    func add(to router: Router<PortalContext>) {
        router.get("/") { request, context in
            guard let (account, _) = await signedIn(request, context) else { return Reply.redirect("/dang-nhap") }
            return Reply.redirect(account.isSecretariat ? "/van-phong" : "/don-vi")
        }
        router.get("tai-nguyen/portal.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(data: Pages.stylesheet)))
        }
        router.get("healthz") { _, _ in Reply.text("ok") }
        router.get("dang-nhap") { request, _ in signInPage(request) }
        router.post("dang-nhap") { request, context in try await signIn(request, context) }
        router.post("dang-xuat") { request, context in
            let (_, session) = try await require(request, context)
            let form = try await Form.read(request, context)
            try Self.checkCSRF(form["csrf"], session.csrf)
            await portal.sessions.close(session.id)
            return Reply.redirect("/dang-nhap", headers: [.setCookie: Self.cookie(SessionBook.cookieName, "", request, maxAge: 0)])
        }
        router.get("don-vi") { request, context in
            let (account, session) = try await require(request, context)
            guard account.unit != nil else { return Reply.redirect("/van-phong") }
            return Reply.html(try await unitHome(account, session, request: request))
        }
        router.post("don-vi/gui") { request, context in try await uploadFromPage(request, context) }
        router.get("bao-cao/:sha") { request, context in
            let (account, session) = try await require(request, context)
            let receipt = try await portal.submission(try context.parameters.require("sha"), for: account)
            return Reply.html(receiptPage(receipt, account, session, fresh: request.uri.queryParameters["moi"] != nil,
                                          done: request.uri.queryParameters["xong"].map(String.init)))
        }
        router.get("bao-cao/:sha/tep-goc") { request, context in
            let (account, _) = try await require(request, context)
            let (path, receipt) = try await portal.original(try context.parameters.require("sha"), for: account)
            return try await APIRoutes.file(path, name: receipt.file, contentType: APIRoutes.contentType(of: receipt), context: context)
        }
        router.get("bao-cao/:sha/van-ban") { request, context in
            let (account, _) = try await require(request, context)
            let document = try await portal.unitReport(try context.parameters.require("sha"), for: account)
            return Reply.bytes(document.bytes, contentType: DocumentLink.docxType, downloadName: document.name)
        }
        router.post("bao-cao/:sha/tham-dinh") { request, context in
            let (account, session) = try await requireSecretariat(request, context)
            try Self.checkCSRF(try await Form.read(request, context)["csrf"], session.csrf)
            let done = try await portal.approve(try context.parameters.require("sha"), by: account)
            return Reply.redirect("/bao-cao/\(done.receipt.sha256)?xong=dat")
        }
        router.post("bao-cao/:sha/tra-lai") { request, context in
            let (account, session) = try await requireSecretariat(request, context)
            let form = try await Form.read(request, context)
            try Self.checkCSRF(form["csrf"], session.csrf)
            let sha = try context.parameters.require("sha")
            do {
                let reason = try APIRoutes.reason(form["reason"])
                let resendBy = try APIRoutes.resendBy(form["resendBy"])
                let done = try await portal.returnSubmission(sha, reason: reason, resendBy: resendBy, by: account)
                return Reply.redirect("/bao-cao/\(done.receipt.sha256)?xong=tra-lai")
            } catch let error as PortalError {
                guard case .badRequest = error else { throw error }
                let receipt = try await portal.submission(sha, for: account)
                return Reply.html(receiptPage(receipt, account, session, returnError: error.vietnamese), status: .badRequest)
            }
        }
        router.get("van-phong") { request, context in
            let (account, session) = try await requireSecretariat(request, context)
            return Reply.html(try await board(account, session, request: request))
        }
        router.get("van-phong/bao-cao") { request, context in
            let (account, session) = try await requireSecretariat(request, context)
            return Reply.html(try await submissionsPage(account, session, request: request))
        }
        router.get("van-phong/van-ban") { request, context in
            let (account, session) = try await requireSecretariat(request, context)
            return Reply.html(try documentsPage(account, session, year: Self.year(request.uri.queryParameters["nam"]) ?? portal.today.year,
                                                done: request.uri.queryParameters["xong"].map(String.init)))
        }
        router.post("van-phong/van-ban") { request, context in
            let year = try await secretariatPost(request, context)
            let built = try await portal.buildDocuments(year: year)
            return Reply.redirect("/van-phong/van-ban?nam=\(year)&xong=\(built.count)-tong-hop")
        }
        router.post("van-phong/don-doc") { request, context in
            let year = try await secretariatPost(request, context)
            let written = try await portal.writeReminders(year: year)
            return Reply.redirect("/van-phong/van-ban?nam=\(year)&xong=\(written.count)-don-doc")
        }
        router.get("van-ban/:year/:name") { request, context in
            _ = try await requireSecretariat(request, context)
            let year = try context.parameters.require("year", as: Int.self)
            let name = try context.parameters.require("name")
            guard let link = try portal.documents(year: year).first(where: { $0.name == name }) else { throw PortalError.notFound(name) }
            return try await APIRoutes.file(link.path, name: link.name, contentType: link.contentType, context: context)
        }
    }

    // MARK: signing in and out

    private func signInPage(_ request: Request, error: String? = nil, name: String? = nil, status: HTTPResponse.Status = .ok) -> Response {
        let token = Credentials.randomHex(bytes: 32)
        var values: [String: Any] = [:]
        if let error { values["error"] = error }
        if let name { values["name"] = name }
        let page = Pages.render("sign-in", values, frame: frame("Đăng nhập", nil, csrf: token))
        return Reply.html(page, status: status, headers: [.setCookie: Self.cookie(Self.signInCookie, token, request, maxAge: 3600)])
    }

    private func signIn(_ request: Request, _ context: PortalContext) async throws -> Response {
        let form = try await Form.read(request, context)
        try Self.checkCSRF(form["csrf"], request.cookies[Self.signInCookie]?.value)
        let name = (form["name"] ?? "").trimmingCharacters(in: .whitespaces)
        let password = form["password"] ?? ""
        guard !name.isEmpty, !password.isEmpty else {
            return signInPage(request, error: "Nhập tên tài khoản và mật khẩu.", name: name, status: .badRequest)
        }
        switch await portal.signIn(name: name, password: password) {
        case .throttled:
            FileHandle.standardError.write(Data("sign-in refused for \(DisplayName.printable(name)): too many failures\n".utf8))
            return signInPage(request, error: PortalError.throttled.vietnamese, name: name, status: .tooManyRequests)
        case .refused:
            FileHandle.standardError.write(Data("sign-in failed for \(DisplayName.printable(name))\n".utf8))
            return signInPage(request, error: "Tên tài khoản hoặc mật khẩu không đúng.", name: name, status: .unauthorized)
        case .signedIn(let account):
            context.caller.set(account.name)
            let session = await portal.sessions.open(account: account.name)
            var headers = HTTPFields()
            headers.append(HTTPField(name: .setCookie, value: Self.cookie(SessionBook.cookieName, session.id, request, maxAge: nil)))
            headers.append(HTTPField(name: .setCookie, value: Self.cookie(Self.signInCookie, "", request, maxAge: 0)))
            return Reply.redirect(account.isSecretariat ? "/van-phong" : "/don-vi", headers: headers)
        }
    }

    /// The signed-in account and its session, if the cookie names a live one
    /// and the account is still enabled.
    private func signedIn(_ request: Request, _ context: PortalContext) async -> (Account, SessionBook.Session)? {
        guard let id = request.cookies[SessionBook.cookieName]?.value, !id.isEmpty,
              let session = await portal.sessions.find(id) else { return nil }
        guard let account = await portal.account(named: session.account) else {
            await portal.sessions.close(session.id)
            return nil
        }
        context.caller.set(account.name)
        return (account, session)
    }

    private func require(_ request: Request, _ context: PortalContext) async throws -> (Account, SessionBook.Session) {
        guard let found = await signedIn(request, context) else { throw Redirect(to: "/dang-nhap") }
        return found
    }

    /// A signed-in unit account, its session and its unit.
    func requireUnit(_ request: Request, _ context: PortalContext) async throws -> (Account, SessionBook.Session, String) {
        let (account, session) = try await require(request, context)
        guard let unit = account.unit else { throw PortalError.forbidden }
        return (account, session, unit)
    }

    private func requireSecretariat(_ request: Request, _ context: PortalContext) async throws -> (Account, SessionBook.Session) {
        let found = try await require(request, context)
        guard found.0.isSecretariat else { throw PortalError.forbidden }
        return found
    }

    /// A secretariat's form that acts on a year: its token checked, the year it names.
    private func secretariatPost(_ request: Request, _ context: PortalContext) async throws -> Int {
        let (_, session) = try await requireSecretariat(request, context)
        let form = try await Form.read(request, context)
        try Self.checkCSRF(form["csrf"], session.csrf)
        return Self.year(form["nam"]) ?? portal.today.year
    }

    static func checkCSRF(_ sent: String?, _ expected: String?) throws(PortalError) {
        guard let sent, let expected, !expected.isEmpty, Credentials.constantTimeEqual(sent, expected) else { throw .csrf }
    }

    /// `HttpOnly; SameSite=Strict; Path=/`, and `Secure` behind a TLS proxy.
    static func cookie(_ name: String, _ value: String, _ request: Request, maxAge: Int?) -> String {
        var cookie = "\(name)=\(value); Path=/; HttpOnly; SameSite=Strict"
        if let maxAge { cookie += "; Max-Age=\(maxAge)" }
        if request.headers[.init("X-Forwarded-Proto")!]?.lowercased() == "https" { cookie += "; Secure" }
        return cookie
    }

    // MARK: pages

    func frame(_ title: String, _ account: Account?, csrf: String?) -> Pages.Frame {
        Pages.Frame(title: title, account: account, csrf: csrf,
                    fixedClock: portal.configuration.fixedClock.map { Pages.instant(portal.plan.calendar.iso8601($0)) })
    }

    private func unitHome(_ account: Account, _ session: SessionBook.Session, request: Request, uploadError: String? = nil) async throws -> String {
        guard let unit = account.unit else { throw PortalError.forbidden }
        let year = Self.year(request.uri.queryParameters["nam"]) ?? portal.today.year
        let plan = try portal.unitPlan(unit: unit, year: year, for: account)
        let status = try await portal.status(year: year, for: account)
        let submissions = try await portal.submissions(for: account, year: year)
        var values: [String: Any] = [
            "unitName": plan.name, "year": year, "deadline": Pages.instant(plan.deadline), "daysLeft": Pages.daysLeft(plan.daysLeft),
            "maxMiB": portal.configuration.maxUploadBytes / (1024 * 1024), "hasTasks": !plan.tasks.isEmpty,
            "tasks": plan.tasks.map { task -> [String: Any] in
                var row: [String: Any] = ["code": task.code, "title": task.title,
                                          "role": task.role == .lead ? "Chủ trì" : "Phối hợp",
                                          "deadline": task.deadline.flatMap(CalendarDate.init(iso:)).map(Pages.date) ?? task.schedule]
                if let days = task.daysLeft { row["daysLeft"] = Pages.daysLeft(days) }
                row["indicators"] = task.indicators.map { indicator -> [String: Any] in
                    var line: [String: Any] = ["name": indicator.name, "measure": indicator.measure]
                    if let target = indicator.target { line["target"] = "\(target)" }
                    return line
                }
                return row
            },
        ]
        values.merge(Pages.submissionList(submissions)) { $1 }
        if let line = status.units.first {
            let state = Pages.state(line)
            values["stateLabel"] = state.label
            values["stateClass"] = state.css
            if let received = line.received { values["received"] = Pages.instant(received) }
            if line.state == .returned, let review = line.review {
                var returned: [String: Any] = ["id": line.submission ?? "", "at": Pages.instant(review.at), "reasons": [review.reason ?? ""]]
                if let resend = review.resendBy.flatMap(CalendarDate.init(iso:)) { returned["resendBy"] = Pages.date(resend) }
                values["returned"] = returned
            }
        } else {
            values["stateLabel"] = "Không phải báo cáo năm \(year)"
            values["stateClass"] = "none"
        }
        if let plans = status.plans {
            values["planLine"] = plans.onFile.contains(unit)
                ? "Kế hoạch triển khai chi tiết năm \(year): đã có."
                : "Kế hoạch triển khai chi tiết năm \(year): chưa có (hạn \(Pages.instant(plan.detailedPlanDeadline)))."
        }
        if let uploadError { values["uploadError"] = uploadError }
        return Pages.render("unit-home", values, frame: frame("Báo cáo của đơn vị", account, csrf: session.csrf))
    }

    private func uploadFromPage(_ request: Request, _ context: PortalContext) async throws -> Response {
        let (account, session) = try await require(request, context)
        let received: UploadReceiver.Received
        do {
            received = try await receiver.receive(request)
        } catch {
            switch error {
            case .tooLarge, .badRequest, .incomplete:
                return Reply.html(try await unitHome(account, session, request: request, uploadError: error.vietnamese),
                                  status: .init(code: error.status))
            default: throw error
            }
        }
        guard (try? Self.checkCSRF(received.fields["csrf"], session.csrf)) != nil else {
            FileSystemPaths.removeQuietly(received.upload.path)
            throw PortalError.csrf
        }
        let receipt = try await portal.submit(received.upload, by: account)
        return Reply.redirect("/bao-cao/\(receipt.sha256)?moi=1")
    }

    private func receiptPage(_ receipt: Receipt, _ account: Account, _ session: SessionBook.Session, fresh: Bool = false,
                             done: String? = nil, returnError: String? = nil) -> String {
        var values = Pages.receipt(receipt, plan: portal.plan, isSecretariat: account.isSecretariat)
        values["fresh"] = fresh
        if let returnError { values["returnError"] = returnError }
        switch done {
        case "dat"?: values["checkDone"] = "Đã ghi nhận: báo cáo thẩm định đạt."
        case "tra-lai"?:
            values["checkDone"] = "Đã trả lại báo cáo và lập công văn trả lại."
            if let year = receipt.year, let links = try? portal.documents(year: year),
               let letter = links.first(where: { $0.folder == "returns" && $0.name.hasSuffix(".docx") && $0.name.contains(receipt.unit ?? "\u{0}") }) {
                values["letter"] = "/van-ban/\(year)/\(letter.name)"
            }
        default: break
        }
        return Pages.render("submission", values, frame: frame("Biên nhận \(receipt.file)", account, csrf: session.csrf))
    }

    private func yearOptions(_ selected: Int?) -> [[String: Any]] {
        portal.plan.years.map { ["value": $0, "selected": $0 == selected] }
    }

    private func board(_ account: Account, _ session: SessionBook.Session, request: Request) async throws -> String {
        let year = Self.year(request.uri.queryParameters["nam"]) ?? portal.today.year
        let status = try await portal.status(year: year, for: account)
        let reported = status.units.filter { $0.state == .onTime || $0.state == .late }.count
        var values: [String: Any] = [
            "year": year, "years": yearOptions(year),
            "deadline": Pages.instant(status.deadline), "daysLeft": Pages.daysLeft(status.daysToDeadline),
            "reported": reported, "required": status.required, "onTime": status.count(.onTime), "late": status.count(.late),
            "returnedCount": status.count(.returned), "missing": status.count(.missing),
            "units": status.units.map { unit -> [String: Any] in
                let state = Pages.state(unit)
                let review = Pages.review(unit.review, outcome: unit.sha256 == nil ? .rejected : .accepted)
                var row: [String: Any] = ["unit": unit.unit, "name": unit.name, "stateLabel": state.label, "stateClass": state.css,
                                          "reviewLabel": review.label, "reviewClass": review.css]
                if let sha = unit.sha256 {
                    row["sha256"] = sha
                    row["submission"] = unit.submission.map(DisplayName.printable) ?? String(sha.prefix(12))
                    row["received"] = unit.received.map(Pages.instant) ?? ""
                }
                return row
            },
            "overdue": status.overdueTasks.map {
                ["code": $0.code, "lead": $0.lead, "deadline": CalendarDate(iso: $0.deadline).map(Pages.date) ?? $0.deadline,
                 "reason": $0.status == .notReported ? "đơn vị chưa báo cáo" : "chưa hoàn thành"]
            },
            "hasOverdue": !status.overdueTasks.isEmpty,
            "slipped": (status.slipped ?? []).map { ["task": $0.task, "unit": $0.unit, "month": $0.month, "milestone": $0.milestone] },
            "hasSlipped": !(status.slipped ?? []).isEmpty,
        ]
        if let plans = status.plans {
            values["plansLine"] = "Đã có \(plans.onFile.count) đơn vị"
                + (plans.onFile.isEmpty ? "" : " (\(plans.onFile.joined(separator: ", ")))")
                + (plans.missing.isEmpty ? "." : "; chưa có: \(plans.missing.joined(separator: ", ")).")
        }
        return Pages.render("board", values, frame: frame("Tình hình báo cáo năm \(year)", account, csrf: session.csrf))
    }

    private func submissionsPage(_ account: Account, _ session: SessionBook.Session, request: Request) async throws -> String {
        let query = request.uri.queryParameters
        let year = Self.year(query["nam"])
        let unit = query["don-vi"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        let outcome = query["ket-qua"].flatMap { Outcome(rawValue: String($0)) }
        let review = query["tham-dinh"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        let all = try await portal.submissions(for: account, year: year)
        let shown = all.filter { receipt in
            (unit == nil || receipt.unit == unit) && (outcome == nil || receipt.outcome == outcome)
                && (review == nil || Self.reviewKey(receipt) == review)
        }
        var values: [String: Any] = [
            "years": yearOptions(year), "count": shown.count,
            "units": portal.plan.units.map { ["value": $0.code, "selected": $0.code == unit] },
            "outcomes": Outcome.allCases.map { ["value": $0.rawValue, "label": $0.label, "selected": $0 == outcome] },
            "reviews": [("cho", "Chờ thẩm định"), ("dat", "Đã thẩm định, đạt"), ("tra-lai", "Đã trả lại")].map {
                ["value": $0.0, "label": $0.1, "selected": $0.0 == review]
            },
        ]
        values.merge(Pages.submissionList(shown)) { $1 }
        return Pages.render("submissions", values, frame: frame("Các báo cáo đã nhận", account, csrf: session.csrf))
    }

    static func reviewKey(_ receipt: Receipt) -> String? {
        guard receipt.outcome == .accepted else { return nil }
        switch receipt.review?.state {
        case nil: return "cho"
        case .approved?: return "dat"
        case .returned?: return "tra-lai"
        }
    }

    private func documentsPage(_ account: Account, _ session: SessionBook.Session, year: Int, done: String?) throws -> String {
        let links = try portal.documents(year: year)
        let headings = ["": "Báo cáo tổng hợp", "units": "Báo cáo của các đơn vị", "reminders": "Công văn đôn đốc", "returns": "Công văn trả lại"]
        let groups = DocumentLink.folders.compactMap { folder -> [String: Any]? in
            let inFolder = links.filter { $0.folder == folder }
            guard !inFolder.isEmpty else { return nil }
            return ["heading": headings[folder] ?? folder, "links": inFolder.map { ["name": $0.name] }]
        }
        var values: [String: Any] = ["year": year, "years": yearOptions(year)]
        if !groups.isEmpty { values["groups"] = groups }
        if let done {
            let count = done.split(separator: "-").first.map(String.init) ?? "0"
            values["done"] = done.hasSuffix("don-doc") ? "Đã lập \(count) tệp công văn đôn đốc." : "Đã lập \(count) tệp báo cáo tổng hợp."
        }
        return Pages.render("documents", values, frame: frame("Văn bản năm \(year)", account, csrf: session.csrf))
    }

    static func year(_ text: Substring?) -> Int? { text.flatMap { Int($0) } }
    static func year(_ text: String?) -> Int? { text.flatMap { Int($0) } }
}

/// A page that needs a signed-in browser answers with the sign-in page.
struct Redirect: HTTPResponseError {
    var to: String
    var status: HTTPResponse.Status { .seeOther }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Reply.redirect(to)
    }
}

/// `application/x-www-form-urlencoded` bodies of the pages' forms.
enum Form {
    static func read(_ request: Request, _ context: PortalContext) async throws -> [String: String] {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        return parse(String(buffer: buffer))
    }

    static func parse(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (s: Substring) in s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            guard let key = parts.first.map(decode), !key.isEmpty else { continue }
            fields[key] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return fields
    }
}
