import ArgumentParser
import Foundation
import Intake
import ReportModel
import Store

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
            throw ValidationError("--as-of must be a date YYYY-MM-DD, not \"\(asOf)\".")
        }
    }

    var inboxURL: URL { URL(fileURLWithPath: inbox) }
    var outboxURL: URL { URL(fileURLWithPath: outbox) }
    var storeURL: URL { URL(fileURLWithPath: store) }
    var keysURL: URL { keys.map { URL(fileURLWithPath: $0) } ?? storeURL.appendingPathComponent("keys") }

    /// The plan and schemas; a broken resource is a failure (exit 3).
    func resources() throws -> IntakeResources {
        do {
            return try IntakeResources.load(planFile: plan.map { URL(fileURLWithPath: $0) })
        } catch {
            throw CommandFailure.failure("cannot load the plan or schemas: \(error)")
        }
    }

    /// The plan, with `year` checked to be one of its years (else exit 2).
    func plan(coveringYear year: Int) throws -> Plan {
        let plan = try resources().plan
        guard plan.years.contains(year) else {
            throw CommandFailure.usage("year \(year) is outside the plan (\(plan.firstYear)–\(plan.lastYear))")
        }
        return plan
    }

    /// The store as it stands, read only; an unreadable ledger is a failure (exit 3).
    func storeForReading() throws -> SubmissionStore {
        do {
            return try SubmissionStore.openForReading(at: storeURL)
        } catch {
            throw CommandFailure.failure("cannot read the store: \(error)")
        }
    }

    func keyring() throws -> Keyring {
        do {
            return try Keyring(directory: keysURL)
        } catch {
            throw CommandFailure.failure("keyring: \(error)")
        }
    }

    /// `--as-of`, or today in the plan's time zone.
    func asOfDate(_ calendar: ReportingCalendar) -> CalendarDate {
        asOf.flatMap { CalendarDate(iso: $0) } ?? calendar.calendarDate(of: Date())
    }
}
