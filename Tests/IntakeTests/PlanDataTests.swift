import Foundation
import XCTest
import Intake
import ReportModel

/// The shipped plan (`Resources/plan/KH-433.xml`) held against the tables of
/// report-format.md §1–§4, and the due rules computed on it.
final class PlanDataTests: XCTestCase {
    private var plan: Plan { Env.plan }

    private func task(_ code: String) throws -> PlanTask {
        try XCTUnwrap(plan.task(code), "task \(code) is not in the plan")
    }

    // MARK: identity and calendar

    func testPlanIdentityAndYears() {
        XCTAssertEqual(plan.id, "KH-433")
        XCTAssertEqual(plan.firstYear, 2026)
        XCTAssertEqual(plan.lastYear, 2030)
        XCTAssertEqual(plan.years, 2026...2030)
        XCTAssertEqual(plan.secretariat, "KTXHS")
        XCTAssertEqual(plan.ministry.name, "Bộ Khoa học và Công nghệ")
        XCTAssertTrue(plan.title.contains("433/QĐ-TTg"))
    }

    func testCalendarIsSpecCalendar() {
        let calendar = plan.calendar
        XCTAssertEqual(calendar.unitReportDue, MonthDay(month: 11, day: 15))
        XCTAssertEqual(calendar.ministrySummaryDue, MonthDay(month: 12, day: 1))
        XCTAssertEqual(calendar.primeMinisterReportDue, MonthDay(month: 12, day: 15))
        XCTAssertEqual(calendar.utcOffsetSeconds, 7 * 3600)
        XCTAssertEqual(calendar.timeZone.secondsFromGMT(), 25_200)
        XCTAssertEqual(calendar.timeZoneName, "Asia/Ho_Chi_Minh")
    }

    // MARK: §2 units

    func testExactlyTheSeventeenUnitsOfTheRegistry() {
        let expected: [(String, String)] = [
            ("KTXHS", "Vụ Kinh tế và Xã hội số"),
            ("HTQT", "Vụ Hợp tác quốc tế"),
            ("KHTC", "Vụ Kế hoạch - Tài chính"),
            ("TCCB", "Vụ Tổ chức cán bộ"),
            ("CDSQG", "Cục Chuyển đổi số Quốc gia"),
            ("CVT", "Cục Viễn thông"),
            ("CTS", "Cục Tần số vô tuyến điện"),
            ("CDMST", "Cục Đổi mới sáng tạo"),
            ("CSHTT", "Cục Sở hữu trí tuệ"),
            ("VCNS", "Viện Công nghệ số và Chuyển đổi số quốc gia"),
            ("TTCNTT", "Trung tâm Công nghệ thông tin"),
            ("TTTT", "Trung tâm Truyền thông khoa học và công nghệ"),
            ("VTF", "Quỹ Dịch vụ viễn thông công ích Việt Nam"),
            ("NAFOSTED", "Quỹ Phát triển khoa học và công nghệ Quốc gia"),
            ("NATIF", "Quỹ Đổi mới công nghệ quốc gia"),
            ("HVCL", "Học viện Chiến lược Khoa học và Công nghệ"),
            ("PTIT", "Học viện Công nghệ Bưu chính Viễn thông"),
        ]
        XCTAssertEqual(plan.units.count, 17)
        XCTAssertEqual(plan.units.map(\.code), expected.map(\.0))
        for (code, name) in expected {
            let unit = plan.unit(code)
            // Scalars, not String ==: the data file promises NFC.
            XCTAssertEqual(unit.map { Array($0.name.unicodeScalars) }, Array(name.precomposedStringWithCanonicalMapping.unicodeScalars),
                           "name of \(code)")
        }
        XCTAssertNil(plan.unit("hvcl"))
        XCTAssertNil(plan.unit("BTC"))
    }

    // MARK: §3 tasks

    static let tasksAndLeads: [(String, String)] = [
        ("1.1", "KTXHS"), ("1.2", "KTXHS"), ("1.3", "HTQT"), ("1.4", "KTXHS"),
        ("2.1.1", "CDSQG"), ("2.1.2", "VCNS"),
        ("2.2.1", "CVT"), ("2.2.2", "VTF"), ("2.2.3", "CDMST"), ("2.2.4", "TTCNTT"), ("2.2.5", "NAFOSTED"),
        ("2.3.1", "KTXHS"), ("2.3.2", "KTXHS"), ("2.3.3", "KTXHS"), ("2.3.4", "VCNS"), ("2.3.5", "KTXHS"),
        ("2.3.6", "NAFOSTED"), ("2.3.7", "NATIF"), ("2.3.8", "HVCL"), ("2.3.9", "HVCL"), ("2.3.10", "KTXHS"),
        ("2.3.11", "KTXHS"),
        ("III.1", "KTXHS"), ("III.2", "KTXHS"), ("III.3", "KTXHS"),
    ]

    func testTheTwentyFiveTasksInOrderWithTheirLeads() {
        XCTAssertEqual(plan.tasks.count, 25)
        XCTAssertEqual(plan.tasks.map(\.code), Self.tasksAndLeads.map(\.0))
        XCTAssertEqual(plan.tasks.map(\.lead), Self.tasksAndLeads.map(\.1))
        for task in plan.tasks {
            XCTAssertFalse(task.title.isEmpty, "title of \(task.code)")
            XCTAssertFalse(task.products.isEmpty, "products of \(task.code)")
            XCTAssertNotNil(plan.unit(task.lead), "lead of \(task.code) is a registry unit")
            for unit in task.coordinating.units {
                XCTAssertNotNil(plan.unit(unit), "coordinating unit \(unit) of \(task.code)")
            }
        }
        XCTAssertNil(plan.task("2.3.12"))
        XCTAssertEqual(plan.tasks(ledBy: "HVCL").map(\.code), ["2.3.8", "2.3.9"])
        XCTAssertEqual(plan.tasks(ledBy: "KHTC").map(\.code), [])
    }

    func testTaskGroups() {
        XCTAssertEqual(plan.groups.map(\.code), ["1", "2", "2.1", "2.2", "2.3", "III"])
        XCTAssertEqual(plan.tasks.filter { $0.group == "2.3" }.count, 11)
        XCTAssertEqual(plan.tasks.filter { $0.group == "III" }.map(\.code), ["III.1", "III.2", "III.3"])
    }

    func testCoordinatingListsOpenAndClosed() throws {
        // 1.1 is open ("các đơn vị liên quan"): any unit may coordinate.
        XCTAssertTrue(try task("1.1").coordinating.admits("HVCL"))
        // 1.2 names TTTT and TTCNTT and is closed.
        let communication = try task("1.2").coordinating
        XCTAssertFalse(communication.isOpen)
        XCTAssertEqual(communication.units, ["TTTT", "TTCNTT"])
        XCTAssertTrue(communication.admits("TTTT"))
        XCTAssertFalse(communication.admits("HVCL"))
        // 1.3 is closed but names HVCL.
        XCTAssertTrue(try task("1.3").coordinating.admits("HVCL"))
        XCTAssertFalse(try task("1.3").coordinating.admits("PTIT"))
    }

    func testOneOffSchedulesAndTheirDeadlines() throws {
        let oneOff: [(String, YearMonth, CalendarDate)] = [
            ("2.1.1", YearMonth(year: 2026, month: 4), CalendarDate(year: 2026, month: 4, day: 30)),
            ("2.2.2", YearMonth(year: 2026, month: 4), CalendarDate(year: 2026, month: 4, day: 30)),
            ("1.4", YearMonth(year: 2026, month: 12), CalendarDate(year: 2026, month: 12, day: 31)),
            ("2.1.2", YearMonth(year: 2026, month: 12), CalendarDate(year: 2026, month: 12, day: 31)),
        ]
        for (code, month, lastDay) in oneOff {
            let schedule = try task(code).schedule
            XCTAssertEqual(schedule.kind, .oneOff, code)
            XCTAssertEqual(schedule.deadline, month, code)
            XCTAssertEqual(schedule.deadline(for: 2026), lastDay, code)
            // The deadline stays what it was in later years.
            XCTAssertEqual(schedule.deadline(for: 2027), lastDay, code)
        }
        XCTAssertEqual(plan.tasks.filter { $0.schedule.kind == .oneOff }.map(\.code).sorted(),
                       ["1.4", "2.1.1", "2.1.2", "2.2.2"])
    }

    func testReviewAndYearlySchedules() throws {
        let midterm = try task("III.2").schedule
        XCTAssertEqual(midterm.kind, .duringYear)
        XCTAssertEqual([midterm.from, midterm.to], [2028, 2028])
        XCTAssertEqual(midterm.deadline(for: 2028), CalendarDate(year: 2028, month: 12, day: 31))
        XCTAssertNil(midterm.deadline(for: 2027))

        let final = try task("III.3").schedule
        XCTAssertEqual(final.kind, .duringYear)
        XCTAssertEqual([final.from, final.to], [2030, 2030])
        XCTAssertEqual(final.deadline(for: 2030), CalendarDate(year: 2030, month: 12, day: 31))
        XCTAssertNil(final.deadline(for: 2029))

        let primeMinister = try task("III.1").schedule
        XCTAssertEqual(primeMinister.kind, .yearly)
        XCTAssertEqual(primeMinister.yearlyDeadline, MonthDay(month: 12, day: 15))
        for year in 2026...2030 {
            XCTAssertEqual(primeMinister.deadline(for: year), CalendarDate(year: year, month: 12, day: 15))
        }

        // 1.1: first guidance by 2026-04, then Q1 every year.
        let guidance = try task("1.1").schedule
        XCTAssertEqual(guidance.deadline(for: 2026), CalendarDate(year: 2026, month: 4, day: 30))
        XCTAssertEqual(guidance.deadline(for: 2027), CalendarDate(year: 2027, month: 3, day: 31))
        // 1.2: quarterly; continuous tasks 2026–2030.
        XCTAssertEqual(try task("1.2").schedule.kind, .quarterly)
        for code in ["1.3", "2.2.1", "2.2.3", "2.2.4", "2.3.2", "2.3.5"] {
            let schedule = try task(code).schedule
            XCTAssertEqual(schedule.kind, .continuous, code)
            XCTAssertEqual([schedule.from, schedule.to], [2026, 2030], code)
        }
        for code in ["2.2.5", "2.3.3", "2.3.4", "2.3.6", "2.3.7", "2.3.8", "2.3.9", "2.3.10", "2.3.11"] {
            let schedule = try task(code).schedule
            XCTAssertEqual(schedule.kind, .yearly, code)
            XCTAssertEqual([schedule.from, schedule.to], [2026, 2030], code)
        }
        // 2.3.1: tool by 2026-12, then yearly upkeep.
        let tool = try task("2.3.1").schedule
        XCTAssertEqual(tool.kind, .yearly)
        XCTAssertEqual(tool.deadline(for: 2026), CalendarDate(year: 2026, month: 12, day: 31))
        XCTAssertNil(tool.deadline(for: 2027))
    }

    // MARK: §4 indicators

    func testTheNineIndicators() {
        let expected: [(code: String, measure: String, aggregation: Aggregation, tasks: [String])] = [
            ("events.count", "sự kiện", .sum, ["1.2"]),
            ("zones5g.pct", "%", .latest, ["2.2.1"]),
            ("datasets.count", "tập dữ liệu", .sum, ["2.2.4"]),
            ("sme.assessed", "doanh nghiệp", .sum, ["2.3.1"]),
            ("conferences.count", "hội nghị", .sum, ["2.3.3"]),
            ("catalog.products", "sản phẩm", .latest, ["2.3.5"]),
            ("projects.funded", "nhiệm vụ", .sum, ["2.3.6"]),
            ("courses.count", "khóa", .sum, ["2.3.8", "2.3.9"]),
            ("trainees.count", "người", .sum, ["2.3.8", "2.3.9"]),
        ]
        XCTAssertEqual(plan.indicators.map(\.code), expected.map(\.code))
        for row in expected {
            guard let indicator = plan.indicator(row.code) else { XCTFail("no indicator \(row.code)"); continue }
            XCTAssertEqual(Array(indicator.measure.unicodeScalars), Array(row.measure.precomposedStringWithCanonicalMapping.unicodeScalars),
                           row.code)
            XCTAssertEqual(indicator.aggregation, row.aggregation, row.code)
            XCTAssertEqual(indicator.tasks, row.tasks, row.code)
            XCTAssertFalse(indicator.name.isEmpty, row.code)
            for task in indicator.tasks { XCTAssertNotNil(plan.task(task), "\(row.code) → \(task)") }
        }
    }

    func testIndicatorTargets() {
        XCTAssertEqual(plan.indicator("events.count")?.target, IndicatorTarget(value: 4, period: .perYear))
        XCTAssertEqual(plan.indicator("zones5g.pct")?.target, IndicatorTarget(value: 100, period: .byYear, year: 2030))
        for code in ["datasets.count", "sme.assessed", "conferences.count", "catalog.products", "projects.funded",
                     "courses.count", "trainees.count"] {
            XCTAssertNil(plan.indicator(code)?.target, code)
        }
    }

    // MARK: due rules

    static let leadUnits = ["KTXHS", "HTQT", "CDSQG", "CVT", "CDMST", "VCNS", "TTCNTT", "VTF", "NAFOSTED", "NATIF", "HVCL"]

    func testUnitsRequiredIn2026AreTheElevenLeadUnits() {
        XCTAssertEqual(plan.leadUnits.map(\.code), Self.leadUnits)
        XCTAssertEqual(plan.unitsRequired(in: 2026, completedEarlier: []).map(\.code), Self.leadUnits)
    }

    func testOneOffTasksCompletedEarlierReleaseTheirUnits() {
        let completed: Set<String> = ["2.1.1", "2.2.2"]
        let required = plan.unitsRequired(in: 2027, completedEarlier: completed).map(\.code)
        XCTAssertEqual(required, Self.leadUnits.filter { $0 != "CDSQG" && $0 != "VTF" })
        XCTAssertEqual(plan.dueTasks(of: "CDSQG", in: 2027, completedEarlier: completed).map(\.code), [])
        // Not completed: a one-off task stays due in later years.
        XCTAssertEqual(plan.unitsRequired(in: 2027, completedEarlier: []).map(\.code), Self.leadUnits)
        XCTAssertEqual(plan.dueTasks(of: "CDSQG", in: 2029, completedEarlier: []).map(\.code), ["2.1.1"])
        // VCNS still leads 2.3.4 when 2.1.2 is done.
        XCTAssertEqual(plan.dueTasks(of: "VCNS", in: 2027, completedEarlier: ["2.1.2"]).map(\.code), ["2.3.4"])
    }

    func testReviewsAreDueOnlyInTheirYear() throws {
        let midterm = try task("III.2"), final = try task("III.3"), yearly = try task("III.1")
        for year in 2026...2030 {
            XCTAssertEqual(plan.isDue(midterm, in: year, completedEarlier: []), year == 2028, "III.2 in \(year)")
            XCTAssertEqual(plan.isDue(final, in: year, completedEarlier: []), year == 2030, "III.3 in \(year)")
            XCTAssertTrue(plan.isDue(yearly, in: year, completedEarlier: []), "III.1 in \(year)")
        }
        XCTAssertFalse(plan.isDue(yearly, in: 2031, completedEarlier: []))
        XCTAssertFalse(plan.isDue(yearly, in: 2025, completedEarlier: []))
        let ktxhs2028 = plan.dueTasks(of: "KTXHS", in: 2028, completedEarlier: ["1.4"]).map(\.code)
        XCTAssertEqual(ktxhs2028, ["1.1", "1.2", "2.3.1", "2.3.2", "2.3.3", "2.3.5", "2.3.10", "2.3.11", "III.1", "III.2"])
    }

    func testOverdueOneOffTasks() throws {
        let decree = try task("2.1.1")
        let nov = CalendarDate(year: 2026, month: 11, day: 5)
        XCTAssertFalse(plan.isOverdue(decree, year: 2026, completed: false, reported: nil, asOf: CalendarDate(year: 2026, month: 4, day: 30)))
        XCTAssertTrue(plan.isOverdue(decree, year: 2026, completed: false, reported: nil, asOf: CalendarDate(year: 2026, month: 5, day: 1)))
        XCTAssertTrue(plan.isOverdue(decree, year: 2026, completed: false, reported: nov, asOf: CalendarDate(year: 2026, month: 12, day: 1)),
                      "not completed in a report of a later date")
        XCTAssertFalse(plan.isOverdue(decree, year: 2026, completed: true, reported: nov, asOf: CalendarDate(year: 2026, month: 12, day: 1)))
        XCTAssertTrue(plan.isOverdue(decree, year: 2027, completed: false, reported: nil, asOf: CalendarDate(year: 2027, month: 1, day: 2)))
        // A continuous task has no deadline of its own.
        XCTAssertFalse(plan.isOverdue(try task("2.2.1"), year: 2026, completed: false, reported: nil,
                                      asOf: CalendarDate(year: 2026, month: 12, day: 31)))
    }

    /// A date that recurs each year is not a deadline a year's report can miss:
    /// III.1 (the PM report, 15 Dec) reported in November is never overdue.
    func testRecurringYearlyDatesAreNotOverdue() throws {
        let pmReport = try task("III.1")
        XCTAssertFalse(plan.isOverdue(pmReport, year: 2026, completed: false, reported: CalendarDate(year: 2026, month: 11, day: 14),
                                      asOf: CalendarDate(year: 2026, month: 12, day: 31)))
        // 1.1's first guidance (by April 2026) is one; its later Q1 dates are not.
        let guidance = try task("1.1")
        XCTAssertTrue(plan.isOverdue(guidance, year: 2026, completed: false, reported: CalendarDate(year: 2026, month: 11, day: 14),
                                     asOf: CalendarDate(year: 2026, month: 12, day: 1)))
        XCTAssertFalse(plan.isOverdue(guidance, year: 2027, completed: false, reported: CalendarDate(year: 2027, month: 11, day: 14),
                                      asOf: CalendarDate(year: 2027, month: 12, day: 1)))
        // A report made before the deadline cannot have missed it.
        XCTAssertFalse(plan.isOverdue(try task("2.1.2"), year: 2026, completed: false, reported: CalendarDate(year: 2026, month: 11, day: 14),
                                      asOf: CalendarDate(year: 2027, month: 1, day: 5)))
    }

    // MARK: deadlines

    func testUnitReportDeadline2026() {
        let calendar = plan.calendar
        let deadline = calendar.unitReportDeadline(year: 2026)
        XCTAssertEqual(calendar.iso8601(deadline), "2026-11-15T23:59:59+07:00")
        XCTAssertEqual(deadline, Env.instant("2026-11-15T16:59:59Z"))
        let nextMidnight = Env.instant("2026-11-16T00:00:00+07:00")
        XCTAssertGreaterThan(nextMidnight, deadline)
        XCTAssertEqual(nextMidnight.timeIntervalSince(deadline), 1)
        XCTAssertEqual(calendar.iso8601(nextMidnight), "2026-11-16T00:00:00+07:00")
        XCTAssertEqual(calendar.calendarDate(of: deadline), CalendarDate(year: 2026, month: 11, day: 15))
        XCTAssertEqual(calendar.calendarDate(of: nextMidnight), CalendarDate(year: 2026, month: 11, day: 16))
        // 23:00 UTC on the 15th is already the 16th in Hà Nội.
        XCTAssertEqual(calendar.calendarDate(of: Env.instant("2026-11-15T17:00:00Z")), CalendarDate(year: 2026, month: 11, day: 16))
        XCTAssertEqual(calendar.iso8601(calendar.unitReportDeadline(year: 2030)), "2030-11-15T23:59:59+07:00")
    }
}
