import Consolidation
import Foundation
import Store
import Mustache
import Pipeline
import Rendering
import ReportModel

/// The pages: Mustache templates (`Resources/templates`) filled with what
/// the API returns, said in Vietnamese. Every value is HTML-escaped by the
/// templates; only the layout takes a rendered body as is.
enum Pages {
    /// The portal's resources: templates and the stylesheet.
    static let resources = Bundle.module.url(forResource: "Resources", withExtension: nil)
        ?? Bundle.module.bundleURL.appendingPathComponent("Resources")

    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        let folder = resources.appendingPathComponent("templates")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            fatalError("the portal's templates are missing from its resources")
        }
        for name in names where name.hasSuffix(".mustache") {
            do {
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                try library.register(text, named: String(name.dropLast(".mustache".count)))
            } catch {
                fatalError("template \(name) does not parse: \(error)")
            }
        }
        return library
    }()

    static let stylesheet: Data = {
        (try? Data(contentsOf: resources.appendingPathComponent("static/portal.css"))) ?? Data()
    }()

    /// What every page's frame needs.
    struct Frame {
        var title: String
        var account: Account?
        var csrf: String?
        var fixedClock: String?
    }

    static func render(_ template: String, _ values: [String: Any], frame: Frame) -> String {
        var values = values
        if let csrf = frame.csrf { values["csrf"] = csrf }
        let body = library.render(values, withTemplate: template) ?? ""
        var layout: [String: Any] = ["title": frame.title, "body": body]
        if let account = frame.account {
            layout["account"] = account.name
            layout["isSecretariat"] = account.isSecretariat
        }
        if let csrf = frame.csrf { layout["csrf"] = csrf }
        if let clock = frame.fixedClock { layout["fixedClock"] = clock }
        return library.render(layout, withTemplate: "layout") ?? body
    }

    static func errorPage(_ error: PortalError, frame: Frame? = nil) -> String {
        let heading = switch error.status {
        case 401: "Cần đăng nhập"
        case 403: "Không có quyền"
        case 404: "Không tìm thấy"
        case 413: "Tệp quá lớn"
        case 429: "Tạm khóa đăng nhập"
        case 503: "Hệ thống tạm thời chưa lưu được"
        default: "Yêu cầu chưa thực hiện được"
        }
        return render("error", ["heading": heading, "message": error.vietnamese, "english": error.english],
                      frame: frame ?? Frame(title: heading))
    }

    // MARK: words

    /// `2026-11-12T09:30:15+07:00` → `09:30:15 ngày 12/11/2026`.
    static func instant(_ iso: String) -> String {
        let parts = iso.split(separator: "T")
        guard parts.count == 2, let day = CalendarDate(iso: String(parts[0])) else { return iso }
        return "\(parts[1].prefix(8)) ngày \(date(day))"
    }

    static func date(_ day: CalendarDate) -> String {
        String(format: "%02d/%02d/%04d", day.day, day.month, day.year)
    }

    static func daysLeft(_ days: Int) -> String {
        switch days {
        case 0: "hôm nay là hạn cuối"
        case 1...: "còn \(days) ngày"
        default: "đã quá hạn \(-days) ngày"
        }
    }

    /// A unit's reporting state in outputs.md's words, with what the board adds.
    static func state(_ unit: ReportingStatus.UnitState) -> (label: String, css: String) {
        let word = Words.reporting(unit.state)
        switch unit.state {
        case .onTime: return (word, "on-time")
        case .late: return ("\(word) \(unit.daysLate ?? 0) ngày", "late")
        case .returned: return ("\(word), chờ đơn vị gửi lại", "returned")
        case .missing:
            if !unit.rejected.isEmpty { return ("\(word) hợp lệ (\(unit.rejected.count) tệp bị từ chối)", "rejected") }
            // Before the deadline nothing is wrong yet.
            return unit.daysLate.map { ("\(word) (quá hạn \($0) ngày)", "missing") } ?? (word, "pending")
        }
    }

    static func review(_ review: ReviewState?, outcome: Outcome) -> (label: String, css: String) {
        guard outcome == .accepted else { return ("—", "none") }
        guard let review else { return ("Chờ thẩm định", "pending") }
        switch review.state {
        case .approved: return ("Đã thẩm định, đạt (\(review.by), \(instant(review.at)))", "approved")
        case .returned: return ("Đã trả lại (\(review.by), \(instant(review.at)))", "returned")
        }
    }

    static func kind(_ kind: ReportKind?) -> String {
        kind?.label ?? "không xác định"
    }

    // MARK: view models

    static func submissionRow(_ receipt: Receipt) -> [String: Any] {
        let review = review(receipt.review, outcome: receipt.outcome)
        var row: [String: Any] = [
            "sha256": receipt.sha256, "file": DisplayName.printable(receipt.file), "unit": receipt.unit ?? "—",
            "kind": kind(receipt.kind), "received": instant(receipt.received), "late": receipt.late,
            "outcome": receipt.outcome.rawValue, "outcomeLabel": receipt.outcome.label,
            "reviewLabel": review.label, "reviewClass": review.css,
        ]
        if let id = receipt.id { row["id"] = DisplayName.printable(id) }
        let errors = receipt.diagnostics.filter { $0.severity == .error }.count
        if errors > 0 { row["problems"] = errors }
        return row
    }

    static func submissionList(_ receipts: [Receipt]) -> [String: Any] {
        ["submissions": receipts.map(submissionRow), "hasSubmissions": !receipts.isEmpty]
    }

    static func receipt(_ receipt: Receipt, plan: Plan, isSecretariat: Bool) -> [String: Any] {
        var values = submissionRow(receipt)
        values["unitName"] = receipt.unit.map { code in plan.unit(code).map { "\($0.name) (\(code))" } ?? code } ?? "không đọc được"
        values["year"] = receipt.year.map(String.init) ?? "không đọc được"
        values["id"] = receipt.id.map(DisplayName.printable) ?? "không đọc được"
        values["channel"] = receipt.channel == .portal
            ? "Cổng báo cáo" + (receipt.account.map { ", tài khoản \($0)" } ?? "") : "Hộp thư đến của Vụ"
        if let supersedes = receipt.supersedes { values["supersedes"] = DisplayName.printable(supersedes) }
        let errors = receipt.diagnostics.filter { $0.severity == .error }
        let warnings = receipt.diagnostics.filter { $0.severity != .error }
        values["errors"] = errors.map { ["sentence": $0.plainSentence, "code": $0.code.rawValue] }
        values["errorCount"] = errors.count
        values["hasErrors"] = !errors.isEmpty
        values["warnings"] = warnings.map { ["sentence": $0.plainSentence, "code": $0.code.rawValue] }
        values["hasWarnings"] = !warnings.isEmpty
        values["duplicate"] = receipt.outcome == .duplicate
        values["documentable"] = receipt.outcome == .accepted && receipt.kind != .plan
        values["checkable"] = isSecretariat && receipt.outcome == .accepted
        if let review = receipt.review, review.state == .returned {
            var returned: [String: Any] = ["reasons": [review.reason ?? ""]]
            if let resend = review.resendBy.flatMap(CalendarDate.init(iso:)) { returned["resendBy"] = date(resend) }
            values["returned"] = returned
        }
        return values
    }
}
