import Foundation
import XCTest
@testable import Intake
import ReportModel

/// One test per plan rule of report-format.md §7, each starting from the
/// sample report and changing it. Positions in the sample: the root start
/// tag spans lines 2–5 (`Env.sampleOneLineRoot` puts it on line 5, column
/// 1); task 2.3.8 is at 9:3, its results at 11–14:5, its indicators at
/// 15–17:5, its product at 18:5; task 2.3.9 is at 25:3, its first indicator
/// at 30:5.
final class PlanRulesTests: XCTestCase {
    private let root = [5, 1]

    private func only(_ verdict: Verdict, _ code: DiagnosticCode, file: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
        let found = verdict.diagnostics(code)
        XCTAssertEqual(found.count, 1, "\(code.rawValue) in \(verdict.codes)", file: file, line: line)
        return found.first
    }

    // MARK: the sample

    func testSampleIsAcceptedWithoutDiagnostics() throws {
        let verdict = Env.check(Env.sample)
        XCTAssertEqual(verdict.outcome, .accepted)
        XCTAssertEqual(verdict.receipt.diagnostics, [])
        XCTAssertEqual(verdict.receipt.unit, "HVCL")
        XCTAssertEqual(verdict.receipt.year, 2026)
        XCTAssertEqual(verdict.receipt.kind, .annual)
        XCTAssertEqual(verdict.receipt.id, Env.sampleID)
        XCTAssertEqual(verdict.receipt.received, "2026-11-10T10:00:00+07:00")
        XCTAssertFalse(verdict.receipt.late)
        XCTAssertEqual(IncomingFile(name: "HVCL-2026.xml", bytes: Data(Env.sample.utf8), received: Env.onTime).kind, .xml)
        let report = try XCTUnwrap(verdict.report)
        XCTAssertEqual(report.tasks.map(\.code), ["2.3.8", "2.3.9"])
        XCTAssertEqual(report.tasks.map(\.role), [.lead, .lead])
        XCTAssertEqual(report.tasks[0].indicators.map(\.code), ["courses.count", "trainees.count", "x-doanhnghiep.thamgia"])
        XCTAssertEqual(report.tasks[0].funding.map(\.amount), [1_250_000_000, 200_000_000])
        XCTAssertEqual(report.tasks[1].location.line, 25)
        XCTAssertEqual(Env.check(Env.sampleOneLineRoot).receipt.diagnostics, [])
    }

    // MARK: report-level rules

    func testPlanMismatch() throws {
        let verdict = Env.check(try Env.edit(Env.sampleOneLineRoot, "plan=\"KH-433\"", "plan=\"KH-2030\""))
        XCTAssertEqual(verdict.outcome, .rejected)
        XCTAssertEqual(verdict.codes, [.planMismatch])
        let d = try XCTUnwrap(only(verdict, .planMismatch))
        XCTAssertEqual(d.severity, .error)
        XCTAssertEqual(d.location.file, "HVCL-2026.xml")
        XCTAssertEqual(d.place, root)
        XCTAssertTrue(d.message.contains("KH-2030"))
    }

    /// The sample as shipped: its root start tag begins on line 2 and ends on
    /// line 5. A diagnostic on the report points at the start of the tag.
    func testReportLevelDiagnosticPointsAtTheStartOfAMultiLineStartTag() throws {
        let verdict = Env.check(try Env.edit(Env.sample, "plan=\"KH-433\"", "plan=\"KH-2030\""))
        let d = try XCTUnwrap(only(verdict, .planMismatch))
        XCTAssertEqual(d.place, [2, 1])
    }

    func testUnitUnknown() throws {
        let verdict = Env.check(try Env.edit(Env.sampleOneLineRoot, "unit=\"HVCL\"", "unit=\"HVCLX\""))
        XCTAssertEqual(verdict.outcome, .rejected)
        // An unknown unit leads nothing: no TASK_NOT_ASSIGNED, no TASK_MISSING.
        XCTAssertEqual(verdict.codes, [.unitUnknown])
        let d = try XCTUnwrap(only(verdict, .unitUnknown))
        XCTAssertEqual(d.severity, .error)
        XCTAssertEqual(d.place, root)
        XCTAssertTrue(d.message.contains("HVCLX"))
    }

    func testUnitCodesAreCaseSensitive() throws {
        let verdict = Env.check(try Env.edit(Env.sampleOneLineRoot, "unit=\"HVCL\"", "unit=\"hvcl\""))
        XCTAssertEqual(verdict.codes, [.unitUnknown])
    }

    func testYearOutOfRange() throws {
        let verdict = Env.check(try Env.edit(Env.sampleOneLineRoot, "year=\"2026\"", "year=\"2031\""))
        XCTAssertEqual(verdict.outcome, .rejected)
        let d = try XCTUnwrap(only(verdict, .yearOutOfRange))
        XCTAssertEqual(d.severity, .error)
        XCTAssertEqual(d.place, root)
        XCTAssertTrue(d.message.contains("2031"))
        // Its months (2026-…) are now outside the report year too; nothing else.
        XCTAssertEqual(Set(verdict.codes), [.yearOutOfRange, .monthOutOfYear])
        XCTAssertEqual(verdict.diagnostics(.monthOutOfYear).count, 7)
    }

    func testYearBeforeThePlan() throws {
        let xml = try Env.edit(Env.sampleOneLineRoot, "year=\"2026\"", "year=\"2025\"")
        let verdict = Env.check(xml, received: Env.instant("2025-11-01T08:00:00+07:00"))
        XCTAssertTrue(verdict.codes.contains(.yearOutOfRange))
        XCTAssertFalse(verdict.codes.contains(.taskMissing))
    }

    // MARK: task rules

    func testTaskUnknown() throws {
        let verdict = Env.check(try Env.edit(Env.sample, "<task code=\"2.3.9\"", "<task code=\"2.3.99\""))
        XCTAssertEqual(verdict.outcome, .rejected)
        let d = try XCTUnwrap(only(verdict, .taskUnknown))
        XCTAssertEqual(d.severity, .error)
        XCTAssertEqual(d.place, [25, 3])
        XCTAssertEqual(d.location.file, "HVCL-2026.xml")
        XCTAssertTrue(d.message.contains("2.3.99"))
        // 2.3.9 is now left out as well.
        XCTAssertEqual(Set(verdict.codes), [.taskUnknown, .taskMissing])
    }

    func testTaskNotAssignedWhenLeadingAnotherUnitsTask() throws {
        // 2.3.7 is NATIF's; role defaults to lead.
        let verdict = Env.check(try Env.edit(Env.sample, "<task code=\"2.3.9\"", "<task code=\"2.3.7\""))
        XCTAssertEqual(verdict.outcome, .rejected)
        let d = try XCTUnwrap(only(verdict, .taskNotAssigned))
        XCTAssertEqual(d.severity, .error)
        XCTAssertEqual(d.place, [25, 3])
        XCTAssertTrue(d.message.contains("NATIF"))
        XCTAssertEqual(Set(verdict.codes), [.taskNotAssigned, .taskMissing])
    }

    func testTaskNotAssignedWhenExplicitLeadOnAnotherUnitsTask() throws {
        let verdict = Env.check(try Env.edit(Env.sample, "<task code=\"2.3.8\" status", "<task code=\"2.2.1\" status"))
        XCTAssertEqual(try XCTUnwrap(only(verdict, .taskNotAssigned)).place, [9, 3])
    }

    private static func coordinating(_ code: String) -> String {
        """
          <task code="\(code)" status="on-schedule" progress="50" role="coordinating">
            <responsible>ThS. Phạm Thu Trang</responsible>
          </task>
        </report>
        """
    }

    func testTaskNotAssignedWhenCoordinatingOnAClosedListWithoutTheUnit() throws {
        // 1.2's coordinating list is closed: TTTT, TTCNTT (and bodies outside the registry).
        let verdict = Env.check(try Env.edit(Env.sample, "</report>", Self.coordinating("1.2")))
        XCTAssertEqual(verdict.outcome, .rejected)
        XCTAssertEqual(verdict.codes, [.taskNotAssigned])
        let d = try XCTUnwrap(only(verdict, .taskNotAssigned))
        XCTAssertEqual(d.severity, .error)
        XCTAssertEqual(d.place, [38, 3])
        XCTAssertTrue(d.message.contains("1.2"))
    }

    func testCoordinatingAcceptedOnAnOpenListOrAListNamingTheUnit() throws {
        // 1.1's list is open; 1.3's list is closed but names HVCL.
        var xml = try Env.edit(Env.sample, "</report>", Self.coordinating("1.1"))
        xml = try Env.edit(xml, "</report>", Self.coordinating("1.3"))
        let verdict = Env.check(xml)
        XCTAssertEqual(verdict.outcome, .accepted)
        XCTAssertEqual(verdict.receipt.diagnostics, [])
        XCTAssertEqual(verdict.report?.tasks.map(\.role), [.lead, .lead, .coordinating, .coordinating])
    }

    func testCoordinatingDoesNotStandInForALeadTask() throws {
        // 2.3.9 as coordinating: HVCL leads it, so the lead report of 2.3.9 is missing.
        let xml = try Env.edit(Env.sample, "<task code=\"2.3.9\" status=\"behind-schedule\" progress=\"55\">",
                               "<task code=\"2.3.9\" status=\"behind-schedule\" progress=\"55\" role=\"coordinating\">")
        let verdict = Env.check(xml)
        XCTAssertTrue(verdict.codes.contains(.taskMissing), "\(verdict.codes)")
    }

    func testTaskDuplicate() throws {
        let verdict = Env.check(try Env.edit(Env.sample, "<task code=\"2.3.9\"", "<task code=\"2.3.8\""))
        XCTAssertEqual(verdict.outcome, .rejected)
        let d = try XCTUnwrap(only(verdict, .taskDuplicate))
        XCTAssertEqual(d.severity, .error)
        // The second occurrence.
        XCTAssertEqual(d.place, [25, 3])
        XCTAssertTrue(d.message.contains("2.3.8"))
        XCTAssertEqual(Set(verdict.codes), [.taskDuplicate, .taskMissing])
    }

    func testStatusCompletedWithNinetyIsInconsistent() throws {
        let verdict = Env.check(try Env.edit(Env.sample, "status=\"on-schedule\" progress=\"80\"", "status=\"completed\" progress=\"90\""))
        XCTAssertEqual(verdict.outcome, .rejected)
        XCTAssertEqual(verdict.codes, [.statusInconsistent])
        let d = try XCTUnwrap(only(verdict, .statusInconsistent))
        XCTAssertEqual(d.severity, .error)
        XCTAssertEqual(d.place, [9, 3])
        XCTAssertTrue(d.message.contains("90"))
    }

    func testStatusNotStartedWithTenIsInconsistent() throws {
        let verdict = Env.check(try Env.edit(Env.sample, "status=\"behind-schedule\" progress=\"55\"", "status=\"not-started\" progress=\"10\""))
        XCTAssertEqual(verdict.codes, [.statusInconsistent])
        XCTAssertEqual(try XCTUnwrap(only(verdict, .statusInconsistent)).place, [25, 3])
    }

    func testStatusCompletedAtHundredAndNotStartedAtZeroAreConsistent() throws {
        var xml = try Env.edit(Env.sample, "status=\"on-schedule\" progress=\"80\"", "status=\"completed\" progress=\"100\"")
        xml = try Env.edit(xml, "status=\"behind-schedule\" progress=\"55\"", "status=\"not-started\" progress=\"0\"")
        let verdict = Env.check(xml)
        XCTAssertEqual(verdict.outcome, .accepted)
        XCTAssertEqual(verdict.receipt.diagnostics, [])
    }

    func testMonthOutOfYear() throws {
        var xml = try Env.edit(Env.sample, "month=\"2026-07\"", "month=\"2025-12\"")
        xml = try Env.edit(xml, "<result month=\"2026-10\">Tổ chức 01 khóa phổ cập", "<result month=\"2027-01\">Tổ chức 01 khóa phổ cập")
        let verdict = Env.check(xml)
        XCTAssertEqual(verdict.outcome, .rejected)
        XCTAssertEqual(verdict.codes, [.monthOutOfYear, .monthOutOfYear])
        XCTAssertEqual(verdict.receipt.diagnostics.map(\.place), [[12, 5], [29, 5]])
        XCTAssertTrue(verdict.receipt.diagnostics.allSatisfy { $0.severity == .error })
        XCTAssertTrue(verdict.receipt.diagnostics[0].message.contains("2025-12"))
    }

    func testIndicatorUnknownCode() throws {
        let verdict = Env.check(try Env.edit(Env.sample, "code=\"trainees.count\" actual=\"198\"", "code=\"students.count\" actual=\"198\""))
        XCTAssertEqual(verdict.outcome, .rejected)
        XCTAssertEqual(verdict.codes, [.indicatorUnknown])
        let d = try XCTUnwrap(only(verdict, .indicatorUnknown))
        XCTAssertEqual(d.severity, .error)
        XCTAssertEqual(d.place, [16, 5])
        XCTAssertTrue(d.message.contains("students.count"))
    }

    func testUnitIndicatorWithoutMeasureIsUnknown() throws {
        let verdict = Env.check(try Env.edit(Env.sample, " measure=\"doanh nghiệp\"", ""))
        XCTAssertEqual(verdict.codes, [.indicatorUnknown])
        let d = try XCTUnwrap(only(verdict, .indicatorUnknown))
        XCTAssertEqual(d.place, [17, 5])
        XCTAssertTrue(d.message.contains("x-doanhnghiep.thamgia"))
    }

    func testUnitIndicatorWithoutNameOrWithBlankNameIsUnknown() throws {
        let unnamed = Env.check(try Env.edit(Env.sample, " name=\"Số doanh nghiệp có học viên tham gia\"", ""))
        XCTAssertEqual(unnamed.codes, [.indicatorUnknown])
        let blank = Env.check(try Env.edit(Env.sample, "name=\"Số doanh nghiệp có học viên tham gia\"", "name=\"   \""))
        XCTAssertEqual(blank.codes, [.indicatorUnknown])
    }

    func testUnitIndicatorWithNameAndMeasureIsAccepted() throws {
        let xml = try Env.edit(Env.sample, "<indicator code=\"trainees.count\" actual=\"205\" target=\"400\"/>",
                               "<indicator code=\"trainees.count\" actual=\"205\" target=\"400\"/>\n"
                               + "    <indicator code=\"x-tinh.thanh\" actual=\"2\" name=\"Số tỉnh, thành phố có lớp học\" measure=\"tỉnh\"/>")
        let verdict = Env.check(xml)
        XCTAssertEqual(verdict.outcome, .accepted)
        XCTAssertEqual(verdict.receipt.diagnostics, [])
        let indicator = try XCTUnwrap(verdict.report?.tasks[1].indicators.last)
        XCTAssertEqual(indicator.code, "x-tinh.thanh")
        XCTAssertTrue(indicator.isUnitDefined)
        XCTAssertEqual(indicator.measure, "tỉnh")
    }

    func testAttachmentMissingInBareXML() throws {
        let verdict = Env.check(try Env.edit(Env.sample, "<product date=\"2026-05-20\">",
                                             "<product date=\"2026-05-20\" file=\"attachments/chuong-trinh-khung.pdf\">"))
        XCTAssertEqual(verdict.outcome, .rejected)
        XCTAssertEqual(verdict.codes, [.attachmentMissing])
        let d = try XCTUnwrap(only(verdict, .attachmentMissing))
        XCTAssertEqual(d.severity, .error)
        XCTAssertEqual(d.place, [18, 5])
        XCTAssertTrue(d.message.contains("attachments/chuong-trinh-khung.pdf"))
    }

    // MARK: warnings

    private func withoutTask239(_ xml: String) throws -> String {
        let start = try XCTUnwrap(xml.range(of: "  <task code=\"2.3.9\""))
        let end = try XCTUnwrap(xml.range(of: "</task>", range: start.upperBound..<xml.endIndex))
        var result = xml
        result.replaceSubrange(start.lowerBound..<end.upperBound, with: "")
        return result
    }

    func testTaskMissingIsAWarningAndTheReportIsAccepted() throws {
        let verdict = Env.check(try withoutTask239(Env.sampleOneLineRoot))
        XCTAssertEqual(verdict.outcome, .accepted)
        XCTAssertEqual(verdict.codes, [.taskMissing])
        let d = try XCTUnwrap(only(verdict, .taskMissing))
        XCTAssertEqual(d.severity, .warning)
        XCTAssertEqual(d.place, root)
        XCTAssertTrue(d.message.contains("2.3.9"))
        XCTAssertNotNil(verdict.report)
    }

    func testAdhocReportHasNoTaskMissing() throws {
        let xml = try Env.edit(try withoutTask239(Env.sample), "kind=\"annual\"", "kind=\"adhoc\"")
        let verdict = Env.check(xml)
        XCTAssertEqual(verdict.outcome, .accepted)
        XCTAssertEqual(verdict.receipt.diagnostics, [])
    }

    func testLateWhenReceivedOneSecondAfterTheDeadline() throws {
        let deadline = Env.plan.calendar.unitReportDeadline(year: 2026)
        let verdict = Env.check(Env.sample, received: deadline.addingTimeInterval(1))
        XCTAssertEqual(verdict.outcome, .accepted)
        XCTAssertEqual(verdict.codes, [.late])
        let d = try XCTUnwrap(only(verdict, .late))
        XCTAssertEqual(d.severity, .warning)
        XCTAssertEqual(d.location.file, "HVCL-2026.xml")
        XCTAssertNil(d.location.line)
        XCTAssertTrue(verdict.receipt.late)
        XCTAssertEqual(verdict.receipt.received, "2026-11-16T00:00:00+07:00")
    }

    func testNotLateAtExactlyTheDeadline() {
        let deadline = Env.instant("2026-11-15T23:59:59+07:00")
        XCTAssertEqual(deadline, Env.plan.calendar.unitReportDeadline(year: 2026))
        let verdict = Env.check(Env.sample, received: deadline)
        XCTAssertEqual(verdict.outcome, .accepted)
        XCTAssertEqual(verdict.receipt.diagnostics, [])
        XCTAssertFalse(verdict.receipt.late)
        XCTAssertEqual(verdict.receipt.received, "2026-11-15T23:59:59+07:00")
    }

    func testLatenessUsesTheReceivedTimeNotTheDateInTheFile() throws {
        // The file claims 10 Nov; it arrived on 20 Nov.
        let verdict = Env.check(Env.sample, received: Env.instant("2026-11-20T08:00:00+07:00"))
        XCTAssertEqual(verdict.codes, [.late])
        let early = try Env.edit(Env.sample, "submitted=\"2026-11-10T09:30:00+07:00\"", "submitted=\"2026-12-31\"")
        XCTAssertEqual(Env.check(early).codes, [])
    }

    func testAdhocReportIsNeverLate() throws {
        let xml = try Env.edit(Env.sample, "kind=\"annual\"", "kind=\"adhoc\"")
        let verdict = Env.check(xml, received: Env.instant("2026-12-20T08:00:00+07:00"))
        XCTAssertEqual(verdict.outcome, .accepted)
        XCTAssertEqual(verdict.codes, [])
        XCTAssertFalse(verdict.receipt.late)
    }

    // MARK: values as the schema accepts them

    /// xs:token and xs:integer values are whitespace-collapsed by XSD: the
    /// schema accepts `status=" completed "`, `progress=" 100 "`,
    /// `code=" 2.3.8 "` and `month=" 2026-05 "`, so the reader must read
    /// them as the schema does.
    func testSchemaValidWhitespaceAroundATaskCodeIsCollapsed() throws {
        let verdict = Env.check(try Env.edit(Env.sample, "<task code=\"2.3.8\"", "<task code=\" 2.3.8 \""))
        XCTAssertEqual(verdict.codes, [], "\(verdict.receipt.diagnostics.map(\.compilerStyle))")
        XCTAssertEqual(verdict.report?.tasks.first?.code, "2.3.8")
    }

    func testSchemaValidWhitespaceAroundStatusProgressMonthAndAmountIsCollapsed() throws {
        var xml = try Env.edit(Env.sample, "<task code=\"2.3.8\" status=\"on-schedule\" progress=\"80\" role=\"lead\">",
                               "<task code=\"2.3.8\" status=\" completed \" progress=\" 100 \" role=\" lead \">")
        xml = try Env.edit(xml, "month=\"2026-05\"", "month=\" 2026-05 \"")
        xml = try Env.edit(xml, "<funding source=\"state-budget\" amount=\"1250000000\"/>", "<funding source=\"state-budget\" amount=\" 1250000000 \"/>")
        let verdict = Env.check(xml)
        XCTAssertEqual(verdict.codes, [], "\(verdict.receipt.diagnostics.map(\.compilerStyle))")
        let task = try XCTUnwrap(verdict.report?.tasks.first)
        XCTAssertEqual(task.status, .completed)
        XCTAssertEqual(task.progress, 100)
        XCTAssertEqual(task.results.map(\.month.description), ["2026-05", "2026-07", "2026-09", "2026-10"])
        XCTAssertEqual(task.funding.first?.amount, 1_250_000_000)
    }

    // MARK: several at once

    func testThreeDifferentPlanRuleErrorsAreAllReported() throws {
        var xml = try Env.edit(Env.sample, "status=\"on-schedule\" progress=\"80\"", "status=\"completed\" progress=\"80\"")
        xml = try Env.edit(xml, "month=\"2026-07\"", "month=\"2027-07\"")
        xml = try Env.edit(xml, "<indicator code=\"courses.count\" actual=\"2\"", "<indicator code=\"courses.total\" actual=\"2\"")
        let verdict = Env.check(xml)
        XCTAssertEqual(verdict.outcome, .rejected)
        XCTAssertEqual(verdict.codes, [.statusInconsistent, .monthOutOfYear, .indicatorUnknown])
        XCTAssertEqual(verdict.receipt.diagnostics.map(\.place), [[9, 3], [12, 5], [30, 5]])
        XCTAssertNil(verdict.report)
    }

    // MARK: history-dependent rules

    func testOneOffTaskCompletedEarlierIsNotMissing() throws {
        // CDSQG leads only 2.1.1 (by 2026-04); in 2027 it reports as a coordinating unit of 2.3.2.
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <report xmlns="urn:baocao:unit-report:1" id="CDSQG-2027-1" plan="KH-433" unit="CDSQG" year="2027" kind="annual">
              <preparer name="Đỗ Minh Khoa"/>
              <task code="2.3.2" status="on-schedule" progress="40" role="coordinating">
                <responsible>Trần Quang Huy</responsible>
              </task>
            </report>
            """
        let received = Env.instant("2027-11-01T08:00:00+07:00")
        var history = MemoryHistory()
        let missing = Env.check(xml, name: "CDSQG-2027.xml", received: received, history: history)
        XCTAssertEqual(missing.codes, [.taskMissing])
        XCTAssertTrue(missing.receipt.diagnostics.first?.message.contains("2.1.1") ?? false)
        history.completed = [2026: ["2.1.1", "2.2.2"]]
        let done = Env.check(xml, name: "CDSQG-2027.xml", received: received, history: history)
        XCTAssertEqual(done.outcome, .accepted)
        XCTAssertEqual(done.receipt.diagnostics, [])
    }
}
