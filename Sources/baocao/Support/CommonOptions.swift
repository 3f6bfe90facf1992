import ArgumentParser
import Foundation
import Intake
import Pipeline
import ReportModel
import Store
import SystemKit

/// The options every command shares (report-format.md §8).
struct CommonOptions: ParsableArguments {
    @Option(help: "Thư mục hộp thư đến (inbox folder).")
    var inbox: String = "Inbox"

    @Option(help: "Thư mục kết quả (outbox folder).")
    var outbox: String = "Outbox"

    @Option(help: "Thư mục lưu trữ (store folder).")
    var store: String = "Store"

    @Option(name: .customLong("as-of"), help: "Ngày tham chiếu YYYY-MM-DD (\"today\").")
    var asOf: String?

    @Flag(help: "In kết quả dạng JSON (machine-readable output).")
    var json = false

    @Option(help: "Tệp định nghĩa kế hoạch thay cho tệp kèm theo (plan definition file).")
    var plan: String?

    @Option(help: "Thư mục khóa công khai của các đơn vị (keyring folder; default: STORE/keys).")
    var keys: String?

    func validate() throws {
        if let asOf, CalendarDate(iso: asOf) == nil {
            throw ValidationError("--as-of phải là một ngày có thật, viết YYYY-MM-DD, không phải «\(asOf)» (--as-of must be a date YYYY-MM-DD).")
        }
    }

    var inboxURL: URL { URL(fileURLWithPath: inbox) }
    var outboxURL: URL { URL(fileURLWithPath: outbox) }
    var storeURL: URL { URL(fileURLWithPath: store) }
    var keysURL: URL { keys.map { URL(fileURLWithPath: $0) } ?? storeURL.appendingPathComponent("keys") }

    /// The plan and schemas; a broken resource is a failure (exit 3).
    func resources() throws -> IntakeResources {
        try IntakeResources.load(planFile: plan.map { URL(fileURLWithPath: $0) })
    }

    /// The plan and schemas, with `year` checked to be one of the plan's years (else exit 2).
    func resources(coveringYear year: Int) throws -> IntakeResources {
        let resources = try resources()
        let plan = resources.plan
        guard plan.years.contains(year) else {
            throw CommandFailure.usage("năm \(year) nằm ngoài thời gian của Kế hoạch (\(plan.firstYear)–\(plan.lastYear)) (year outside the plan)")
        }
        return resources
    }

    /// The plan, with `year` checked to be one of its years (else exit 2).
    func plan(coveringYear year: Int) throws -> Plan {
        try resources(coveringYear: year).plan
    }

    /// The store as it stands, read only, checked to agree with itself
    /// (exit 3 with what to do when it does not). Files still in the inbox
    /// tell an interrupted ingest from a damaged ledger.
    func storeForReading() throws -> SubmissionStore {
        let inbox = try? Folder(inboxURL.path)
        let listing = inbox.flatMap { try? InboxScanner.scan($0, settle: 0) }
        return try SubmissionStore.openForReading(at: storeURL, inInbox: { listing?.holds($0, in: inbox) ?? false })
    }

    func keyring() throws -> Keyring {
        try Keyring(directory: keysURL)
    }

    /// `--as-of`, or today in the plan's time zone.
    func asOfDate(_ calendar: ReportingCalendar) -> CalendarDate {
        asOf.flatMap { CalendarDate(iso: $0) } ?? calendar.calendarDate(of: Date())
    }
}
