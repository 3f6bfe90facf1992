import Foundation
import Store
import Pipeline
import ReportModel

/// Why a portal request could not be done: each with its HTTP status, a
/// stable code and a sentence in Vietnamese and in English (portal.md's
/// error body).
public enum PortalError: Error, Sendable {
    case unauthenticated
    case forbidden
    case notFound(String)
    case ambiguous(String, Int)
    case notCheckable(ReferenceError)
    case badRequest(vi: String, en: String)
    case badYear(Int, Plan)
    case tooLarge(Int64)
    case incomplete
    case throttled
    case csrf
    case unavailable(String)

    public var status: Int {
        switch self {
        case .unauthenticated: 401
        case .forbidden, .csrf: 403
        case .notFound: 404
        case .notCheckable: 409
        case .ambiguous, .badRequest, .badYear, .incomplete: 400
        case .tooLarge: 413
        case .throttled: 429
        case .unavailable: 503
        }
    }

    public var code: String {
        switch self {
        case .unauthenticated: "UNAUTHENTICATED"
        case .forbidden: "FORBIDDEN"
        case .csrf: "CSRF_INVALID"
        case .notFound: "NOT_FOUND"
        case .ambiguous: "REF_AMBIGUOUS"
        case .notCheckable: "NOT_CHECKABLE"
        case .badRequest: "BAD_REQUEST"
        case .badYear: "YEAR_OUTSIDE_PLAN"
        case .tooLarge: "TOO_LARGE"
        case .incomplete: "UPLOAD_INCOMPLETE"
        case .throttled: "TOO_MANY_ATTEMPTS"
        case .unavailable: "UNAVAILABLE"
        }
    }

    public var vietnamese: String {
        switch self {
        case .unauthenticated: "Chưa đăng nhập, hoặc mã truy cập (token) không đúng hay đã bị thu hồi."
        case .forbidden: "Tài khoản này không có quyền thực hiện thao tác này."
        case .csrf: "Biểu mẫu đã hết hạn hoặc không hợp lệ; hãy tải lại trang rồi thử lại."
        case .notFound(let what): "Không tìm thấy \"\(DisplayName.printable(what))\"."
        case .ambiguous(let what, let count): "\"\(DisplayName.printable(what))\" khớp với \(count) báo cáo; hãy ghi thêm ký tự của mã SHA-256."
        case .notCheckable(let error): error.vietnamese
        case .badRequest(let vi, _): vi
        case .badYear(let year, let plan): "Năm \(year) nằm ngoài thời gian của Kế hoạch (\(plan.firstYear)–\(plan.lastYear))."
        case .tooLarge(let limit): "Tệp vượt quá giới hạn \(limit / (1024 * 1024)) MiB; không có gì được lưu."
        case .incomplete: "Tệp gửi lên bị ngắt giữa chừng; không có gì được lưu. Hãy gửi lại."
        case .throttled: "Đăng nhập sai quá 5 lần trong một phút; hãy thử lại sau một phút."
        case .unavailable: "Hệ thống tạm thời không lưu được; không có gì bị mất. Hãy thử lại sau ít phút."
        }
    }

    public var english: String {
        switch self {
        case .unauthenticated: "Not signed in, or the token is unknown or revoked."
        case .forbidden: "This account may not do this."
        case .csrf: "The form expired or is not valid: reload the page and try again."
        case .notFound(let what): "\"\(DisplayName.printable(what))\" was not found."
        case .ambiguous(let what, let count): "\"\(DisplayName.printable(what))\" matches \(count) submissions: give more of the SHA-256."
        case .notCheckable(let error): error.english
        case .badRequest(_, let en): en
        case .badYear(let year, let plan): "Year \(year) is outside the plan (\(plan.firstYear)–\(plan.lastYear))."
        case .tooLarge(let limit): "The body is over the \(limit / (1024 * 1024)) MiB limit; nothing was kept."
        case .incomplete: "The upload stopped half way; nothing was kept. Send it again."
        case .throttled: "More than five failed sign-ins within a minute: try again in a minute."
        case .unavailable: "The store could not take it just now; nothing was lost. Try again in a few minutes."
        }
    }
}
