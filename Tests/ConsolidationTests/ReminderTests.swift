import Consolidation
import Foundation
import ReportModel
import Store
import XCTest

/// Who gets a reminder (văn bản đôn đốc) for 2026, from the `Year2026` store.
final class ReminderTests: XCTestCase {
    private func reminders() -> [Reminder] {
        Reminder.due(plan: ShippedPlan.plan, index: Year2026.store().index, year: 2026, asOf: day("2026-12-01"))
    }

    func testOnlyUnitsWithoutAcceptedReportAreReminded() {
        // Missing: HTQT, CDMST, TTCNTT, NAFOSTED (nothing) and NATIF (refused only), in registry order.
        XCTAssertEqual(reminders().map(\.unit), ["HTQT", "CDMST", "TTCNTT", "NAFOSTED", "NATIF"])
        let reminded = Set(reminders().map(\.unit))
        // On time, late, or accepted after a refused draft: no reminder.
        for unit in ["KTXHS", "CDSQG", "CVT", "VTF", "HVCL", "VCNS"] { XCTAssertFalse(reminded.contains(unit), unit) }
        // Coordinating units are never chased.
        XCTAssertFalse(reminded.contains("CTS"))
        XCTAssertFalse(reminded.contains("PTIT"))
    }

    func testMissingUnitGetsMissingWithItsDueTasks() throws {
        let reminder = try XCTUnwrap(reminders().first { $0.unit == "TTCNTT" })
        XCTAssertEqual(reminder.reason.rawValue, "missing")
        XCTAssertEqual(reminder.year, 2026)
        XCTAssertEqual(reminder.name, ShippedPlan.plan.unit("TTCNTT")?.name)
        XCTAssertEqual(reminder.tasks.map(\.code), ["2.2.4"])
        XCTAssertEqual(reminder.tasks.first?.title, ShippedPlan.plan.task("2.2.4")?.title)
        XCTAssertEqual(reminder.rejected, [])
        XCTAssertTrue(reminder.planMissing, "no detailed plan on file past 31 January")
        let nafosted = try XCTUnwrap(reminders().first { $0.unit == "NAFOSTED" })
        XCTAssertEqual(nafosted.tasks.map(\.code), ["2.2.5", "2.3.6"])
    }

    func testUnitWithOnlyRejectedFilesGetsRejectedAndTheDiagnostics() throws {
        let reminder = try XCTUnwrap(reminders().first { $0.unit == "NATIF" })
        XCTAssertEqual(reminder.reason.rawValue, "rejected")
        XCTAssertEqual(reminder.tasks.map(\.code), ["2.3.7"])
        XCTAssertEqual(reminder.rejected.count, 1)
        let file = try XCTUnwrap(reminder.rejected.first)
        XCTAssertEqual(file.file, "NATIF-2026.zip")
        XCTAssertEqual(file.received, "2026-11-14T16:02:11+07:00")
        XCTAssertEqual(file.diagnostics.map(\.code.rawValue), ["SCHEMA_INVALID", "PLAN_MISMATCH"])
        XCTAssertEqual(file.diagnostics.map(\.location.vietnamese), ["tệp report.xml, dòng 12, cột 5", "tệp report.xml, dòng 3"])
        XCTAssertEqual(file.diagnostics.map(\.message), [Year2026.schemaError.message, Year2026.planError.message])
    }

    func testAMissingPlanIsChasedInTheReportLetterOrInALetterOfItsOwn() {
        let s = FixtureStore()
        s.accept("CDSQG", year: 2027, id: "CDSQG-2027", received: "2027-11-10T08:00:00+07:00", tasks: [task("2.1.1", .completed, 100)])
        s.acceptPlan("VTF", year: 2027, id: "VTF-KH-2027", received: "2027-01-20T08:00:00+07:00", tasks: ["2.2.2"])
        let reminders = Reminder.due(plan: s.plan, index: s.index, year: 2027, asOf: day("2027-12-01"))
        XCTAssertFalse(reminders.map(\.unit).contains("CDSQG"), "its report is in")
        let plans = Reminder.plansDue(plan: s.plan, index: s.index, year: 2027, asOf: day("2027-12-01"))
        XCTAssertEqual(plans.map(\.unit), ["CDSQG"], "report in, plan missing: a plan letter alone")
        XCTAssertEqual(plans.first?.reason, .noPlan)
        XCTAssertEqual(reminders.first { $0.unit == "VTF" }?.planMissing, false)
        XCTAssertEqual(reminders.first { $0.unit == "HTQT" }?.planMissing, true)
        // Before the plan's due date nothing is missing yet.
        let january = Reminder.due(plan: s.plan, index: s.index, year: 2027, asOf: day("2027-01-31"))
        XCTAssertTrue(january.allSatisfy { !$0.planMissing })
        XCTAssertEqual(Reminder.plansDue(plan: s.plan, index: s.index, year: 2027, asOf: day("2027-01-31")).count, 0)
    }

    func testNoReminderOnceEveryRequiredUnitReported() {
        let s = FixtureStore()
        s.accept("CDSQG", year: 2027, id: "CDSQG-2027", received: "2027-11-10T08:00:00+07:00", tasks: [task("2.1.1", .completed, 100)])
        let reminded = Reminder.due(plan: s.plan, index: s.index, year: 2027, asOf: day("2027-12-01")).map(\.unit)
        XCTAssertFalse(reminded.contains("CDSQG"))
        XCTAssertTrue(reminded.contains("VTF"), "2.2.2 was never completed: still due in 2027")
    }
}
