import Foundation
import Store
import Hummingbird
import ReportModel
import SystemKit

/// `/api/v1`, exactly as portal.md lists it.
struct APIRoutes {
    let portal: Portal
    let receiver: UploadReceiver

    func add(to router: Router<PortalContext>) {
        let api = router.group("api/v1")
        api.post("submissions") { request, context in try await submit(request, context) }
        api.get("submissions") { request, context in
            let account = try await caller(request, context)
            let year = try Self.year(request, required: false)
            return try Reply.json(["submissions": try await portal.submissions(for: account, year: year)])
        }
        api.get("submissions/:ref") { request, context in
            let account = try await caller(request, context)
            return try Reply.json(try await portal.submission(try context.parameters.require("ref"), for: account))
        }
        api.get("submissions/:ref/original") { request, context in
            let account = try await caller(request, context)
            let (path, receipt) = try await portal.original(try context.parameters.require("ref"), for: account)
            return try await Self.file(path, name: receipt.file, contentType: Self.contentType(of: receipt), context: context)
        }
        api.post("submissions/:ref/approve") { request, context in
            let account = try await secretariat(request, context)
            let done = try await portal.approve(try context.parameters.require("ref"), by: account)
            return try Reply.json(done.receipt)
        }
        api.post("submissions/:ref/return") { request, context in
            let account = try await secretariat(request, context)
            struct Body: Decodable {
                var reason: String?
                var resendBy: String?
            }
            let body: Body
            do {
                body = try JSONDecoder().decode(Body.self, from: Data(buffer: try await request.body.collect(upTo: context.maxUploadSize)))
            } catch let error as any HTTPResponseError {
                throw error
            } catch {
                throw PortalError.badRequest(vi: "Thân yêu cầu phải là JSON {\"reason\": \"…\", \"resendBy\": \"YYYY-MM-DD\"}.",
                                             en: "The body must be JSON {\"reason\": \"…\", \"resendBy\": \"YYYY-MM-DD\"}.")
            }
            let reason = try Self.reason(body.reason)
            let resendBy = try Self.resendBy(body.resendBy)
            let done = try await portal.returnSubmission(try context.parameters.require("ref"), reason: reason, resendBy: resendBy, by: account)
            return try Reply.json(done.receipt)
        }
        api.get("status") { request, context in
            let account = try await caller(request, context)
            return try Reply.json(try await portal.status(year: try Self.year(request) ?? portal.today.year, for: account))
        }
        api.get("plan") { request, context in
            let account = try await caller(request, context)
            guard let unit = request.uri.queryParameters["unit"].map(String.init) ?? account.unit else {
                throw PortalError.badRequest(vi: "Thiếu tham số unit (mã đơn vị).", en: "The unit parameter is missing.")
            }
            return try Reply.json(try portal.unitPlan(unit: unit, year: try Self.year(request) ?? portal.today.year, for: account))
        }
        api.post("documents") { request, context in
            _ = try await secretariat(request, context)
            let year = try Self.year(request) ?? portal.today.year
            return try Reply.json(["documents": try await portal.buildDocuments(year: year)])
        }
        api.get("documents/:year/:name") { request, context in
            _ = try await secretariat(request, context)
            let year = try context.parameters.require("year", as: Int.self)
            let name = try context.parameters.require("name")
            guard let link = try portal.documents(year: year).first(where: { $0.name == name }) else { throw PortalError.notFound(name) }
            return try await Self.file(link.path, name: link.name, contentType: link.contentType, context: context)
        }
    }

    // MARK: the handlers with more to them

    /// `POST /api/v1/submissions`: the receipt, with the status its outcome calls for.
    private func submit(_ request: Request, _ context: PortalContext) async throws -> Response {
        let account = try await caller(request, context)
        let received = try await receiver.receive(request)
        let receipt = try await portal.submit(received.upload, by: account)
        switch receipt.outcome {
        case .accepted:
            return try Reply.json(receipt, status: .created, headers: [.location: "/api/v1/submissions/\(receipt.sha256)"])
        case .duplicate:
            return try Reply.json(receipt)
        case .rejected:
            let codes = Set(receipt.diagnostics.filter { $0.severity == .error }.map(\.code))
            let status: HTTPResponse.Status = codes.contains(.unitNotAuthorised) ? .forbidden
                : codes.contains(.idConflict) ? .conflict : .unprocessableContent
            return try Reply.json(receipt, status: status)
        }
    }

    // MARK: who is calling

    /// The account behind `Authorization: Bearer …`; 401 without one.
    private func caller(_ request: Request, _ context: PortalContext) async throws(PortalError) -> Account {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else { throw .unauthenticated }
        let token = header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
        guard !token.isEmpty, let account = await portal.account(forToken: token) else { throw .unauthenticated }
        context.caller.set(account.name)
        return account
    }

    private func secretariat(_ request: Request, _ context: PortalContext) async throws(PortalError) -> Account {
        let account = try await caller(request, context)
        guard account.isSecretariat else { throw .forbidden }
        return account
    }

    // MARK: reading requests

    static func year(_ request: Request, required: Bool = false) throws(PortalError) -> Int? {
        guard let text = request.uri.queryParameters["year"] else { return nil }
        guard let year = Int(text), (1900...9999).contains(year) else {
            throw .badRequest(vi: "Tham số year phải là một năm, ví dụ 2026.", en: "year must be a year such as 2026.")
        }
        return year
    }

    static func reason(_ text: String?) throws(PortalError) -> String {
        let reason = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else {
            throw .badRequest(vi: "Cần nêu lý do trả lại báo cáo.", en: "A return needs a reason.")
        }
        guard reason.count <= 4000 else { throw .badRequest(vi: "Lý do quá dài (tối đa 4000 ký tự).", en: "The reason is too long (4000 at most).") }
        return reason
    }

    static func resendBy(_ text: String?) throws(PortalError) -> CalendarDate? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard let date = CalendarDate(iso: text) else {
            throw .badRequest(vi: "Hạn gửi lại phải có dạng YYYY-MM-DD.", en: "resendBy must be YYYY-MM-DD.")
        }
        return date
    }

    static func contentType(of receipt: Receipt) -> String {
        receipt.file.lowercased().hasSuffix(".zip") ? "application/zip" : "application/xml"
    }

    /// A kept file or a document, streamed from disk.
    static func file(_ path: String, name: String, contentType: String, context: PortalContext) async throws -> Response {
        let size = (try? FileSystemPaths.status(path))??.size ?? 0
        let body = try await FileIO().loadFile(path: path, context: context)
        return Response(status: .ok, headers: [.contentType: contentType, .contentLength: String(size),
                                               .contentDisposition: Reply.attachment(name)], body: body)
    }
}
