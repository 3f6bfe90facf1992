import Foundation
import Store
import Hummingbird
import ReportModel
import Synchronization

/// The request context: Hummingbird's core, and who the request turned out
/// to be (for the access log, set once the caller is known).
public struct PortalContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    let caller = Caller()

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// Forms and JSON bodies; uploads stream past this (`UploadReceiver`).
    public var maxUploadSize: Int { 256 << 10 }
}

/// The account name behind a request, once known.
final class Caller: Sendable {
    private let name = Mutex<String?>(nil)

    func set(_ account: String) { name.withLock { $0 = account } }
    var account: String? { name.withLock { $0 } }
}

/// Responses built the same way everywhere.
enum Reply {
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(data: try JSONOutput.encode(value))))
    }

    static func html(_ page: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "text/html; charset=utf-8"
        fields[.init("Content-Security-Policy")!] = "default-src 'self'; form-action 'self'; frame-ancestors 'none'"
        fields[.init("X-Content-Type-Options")!] = "nosniff"
        fields[.init("Referrer-Policy")!] = "same-origin"
        fields[.cacheControl] = "no-store"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    static func text(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func redirect(_ location: String, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.location] = location
        return Response(status: .seeOther, headers: fields)
    }

    static func bytes(_ data: Data, contentType: String, downloadName: String? = nil) -> Response {
        var fields: HTTPFields = [.contentType: contentType, .contentLength: String(data.count)]
        if let downloadName { fields[.contentDisposition] = attachment(downloadName) }
        return Response(status: .ok, headers: fields, body: .init(byteBuffer: ByteBuffer(data: data)))
    }

    /// `attachment; filename="ascii"; filename*=UTF-8''percent-encoded`.
    static func attachment(_ name: String) -> String {
        let ascii = String(name.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" ? Character($0) : "_" })
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ascii
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }

    /// portal.md's error body: `{"error": {"code", "message", "message_en"}}`.
    static func error(_ error: PortalError) -> Response {
        struct Body: Encodable {
            struct Inner: Encodable {
                var code: String
                var message: String
                var message_en: String
            }
            var error: Inner
        }
        let body = Body(error: .init(code: error.code, message: error.vietnamese, message_en: error.english))
        let data = (try? JSONOutput.encode(body)) ?? Data("{}".utf8)
        var fields: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if case .unauthenticated = error { fields[.wwwAuthenticate] = "Bearer" }
        return Response(status: .init(code: error.status), headers: fields, body: .init(byteBuffer: ByteBuffer(data: data)))
    }
}

/// One line per request on standard error: time, account, method, path
/// (without the query), status, bytes, milliseconds. Never a password,
/// token or cookie: none of them is in these fields.
struct AccessLog: RouterMiddleware {
    typealias Context = PortalContext
    let clock: @Sendable () -> Date
    let calendarISO: @Sendable (Date) -> String

    func handle(_ request: Request, context: PortalContext, next: (Request, PortalContext) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            write(request, context, status: response.status.code, bytes: response.body.contentLength, since: start)
            return response
        } catch {
            write(request, context, status: (error as? any HTTPResponseError)?.status.code ?? 500, bytes: nil, since: start)
            throw error
        }
    }

    private func write(_ request: Request, _ context: PortalContext, status: Int, bytes: Int?, since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let path = DisplayName.printable(request.uri.path)
        let line = "\(calendarISO(Date())) \(context.caller.account ?? "-") \(request.method.rawValue) \(path) \(status) \(bytes.map(String.init) ?? "-") \(String(format: "%.1f", ms))ms\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}

/// Errors in the shape each side expects: the API's JSON body under
/// `/api/`, a short page elsewhere; Hummingbird's own (no such route, a
/// body too large) included.
struct ErrorShape: RouterMiddleware {
    typealias Context = PortalContext

    func handle(_ request: Request, context: PortalContext, next: (Request, PortalContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let redirect as Redirect {
            return Reply.redirect(redirect.to)
        } catch let error as PortalError {
            return shaped(error, request)
        } catch let error as any HTTPResponseError {
            switch error.status {
            case .notFound: return shaped(.notFound(request.uri.path), request)
            case .contentTooLarge: return shaped(.tooLarge(Int64(context.maxUploadSize)), request)
            case .methodNotAllowed:
                return shaped(.badRequest(vi: "Phương thức không được hỗ trợ ở địa chỉ này.", en: "Method not allowed here."), request)
            case .unauthorized: return shaped(.unauthenticated, request)
            default:
                if error.status.code < 500 {
                    return shaped(.badRequest(vi: "Yêu cầu không hợp lệ.", en: "Bad request."), request)
                }
                return shaped(.unavailable("\(error)"), request)
            }
        } catch {
            FileHandle.standardError.write(Data("error: \(request.method.rawValue) \(DisplayName.printable(request.uri.path)): \(error)\n".utf8))
            return shaped(.unavailable("\(error)"), request)
        }
    }

    private func shaped(_ error: PortalError, _ request: Request) -> Response {
        if case .unavailable(let detail) = error {
            FileHandle.standardError.write(Data("unavailable: \(request.method.rawValue) \(DisplayName.printable(request.uri.path)): \(detail)\n".utf8))
        }
        if request.uri.path.hasPrefix("/api/") { return Reply.error(error) }
        return Reply.html(Pages.errorPage(error), status: .init(code: error.status))
    }
}
