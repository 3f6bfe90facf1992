import Foundation
import XCTest
import ReportModel

/// The model's own arithmetic: dates, the reporting calendar, schedules,
/// status rules and the receipt's JSON (report-format.md §1, §3, §5, §9).
final class CalendarDateTests: XCTestCase {
    func testParsingChecksTheDayExists() {
        XCTAssertEqual(CalendarDate(iso: "2026-11-15"), CalendarDate(year: 2026, month: 11, day: 15))
        XCTAssertEqual(CalendarDate(iso: "2028-02-29"), CalendarDate(year: 2028, month: 2, day: 29))
        XCTAssertNil(CalendarDate(iso: "2026-02-29"))
        XCTAssertNil(CalendarDate(iso: "2100-02-29"))
        XCTAssertNotNil(CalendarDate(iso: "2000-02-29"))
        XCTAssertNil(CalendarDate(iso: "2026-04-31"))
        XCTAssertNil(CalendarDate(iso: "2026-13-01"))
        XCTAssertNil(CalendarDate(iso: "2026-1-01"))
        XCTAssertNil(CalendarDate(iso: "26-01-01"))
        XCTAssertNil(CalendarDate(iso: "2026-01-00"))
        XCTAssertNil(CalendarDate(iso: "2026-01-01T00:00:00"))
    }

    func testDayNumberAndItsInverse() {
        XCTAssertEqual(CalendarDate(year: 1970, month: 1, day: 1).dayNumber, 0)
        XCTAssertEqual(CalendarDate(year: 1969, month: 12, day: 31).dayNumber, -1)
        XCTAssertEqual(CalendarDate(year: 2026, month: 1, day: 1).dayNumber, 20_454)
        var day = CalendarDate(year: 2025, month: 12, day: 25)
        for _ in 0..<2_000 {
            let next = CalendarDate.fromDayNumber(day.dayNumber + 1)
            XCTAssertEqual(next.dayNumber, day.dayNumber + 1)
            XCTAssertLessThan(day, next)
            XCTAssertNotNil(CalendarDate(iso: next.description), next.description)
            day = next
        }
        XCTAssertEqual(CalendarDate(year: 2026, month: 11, day: 15).days(to: CalendarDate(year: 2026, month: 12, day: 15)), 30)
        XCTAssertEqual(CalendarDate(year: 2028, month: 2, day: 28).days(to: CalendarDate(year: 2028, month: 3, day: 1)), 2)
    }

    func testYearMonthAndMonthDay() {
        XCTAssertEqual(YearMonth(iso: "2026-04")?.lastDay, CalendarDate(year: 2026, month: 4, day: 30))
        XCTAssertEqual(YearMonth(iso: "2028-02")?.lastDay, CalendarDate(year: 2028, month: 2, day: 29))
        XCTAssertNil(YearMonth(iso: "2026-00"))
        XCTAssertNil(YearMonth(iso: "2026-4"))
        XCTAssertLessThan(YearMonth(year: 2026, month: 12), YearMonth(year: 2027, month: 1))
        XCTAssertEqual(YearMonth(year: 2026, month: 4).description, "2026-04")
        XCTAssertEqual(MonthDay(iso: "11-15"), MonthDay(month: 11, day: 15))
        XCTAssertNil(MonthDay(iso: "11-32"))
        XCTAssertEqual(MonthDay(month: 3, day: 1).description, "03-01")
    }
}

final class ReportingCalendarTests: XCTestCase {
    private func calendar(offset: Int) -> ReportingCalendar {
        ReportingCalendar(utcOffsetSeconds: offset, timeZoneName: "", unitReportDue: MonthDay(month: 11, day: 15),
                          ministrySummaryDue: MonthDay(month: 12, day: 1), primeMinisterReportDue: MonthDay(month: 12, day: 15))
    }

    func testDeadlineIsTheLastSecondOfTheDueDayLocally() {
        let hanoi = calendar(offset: 25_200)
        let deadline = hanoi.unitReportDeadline(year: 2026)
        // 2026-11-15T23:59:59+07:00 = 16:59:59 UTC.
        XCTAssertEqual(deadline.timeIntervalSince1970, 1_794_761_999)
        XCTAssertEqual(hanoi.iso8601(deadline), "2026-11-15T23:59:59+07:00")
        XCTAssertEqual(hanoi.iso8601(deadline.addingTimeInterval(1)), "2026-11-16T00:00:00+07:00")
        XCTAssertEqual(hanoi.iso8601(deadline.addingTimeInterval(0.999)), "2026-11-15T23:59:59+07:00")
        XCTAssertEqual(hanoi.startOfDay(CalendarDate(year: 2026, month: 11, day: 16)), deadline.addingTimeInterval(1))
    }

    func testOtherOffsets() {
        let utc = calendar(offset: 0)
        XCTAssertEqual(utc.iso8601(Date(timeIntervalSince1970: 0)), "1970-01-01T00:00:00+00:00")
        let west = calendar(offset: -(3 * 3600 + 30 * 60))
        XCTAssertEqual(west.iso8601(Date(timeIntervalSince1970: 0)), "1969-12-31T20:30:00-03:30")
        XCTAssertEqual(west.calendarDate(of: Date(timeIntervalSince1970: 0)), CalendarDate(year: 1969, month: 12, day: 31))
    }

    /// Dates and times are written without Foundation's formatter, digit for digit as it wrote them.
    func testDatesAreWrittenAsPrintfWroteThem() {
        for year in [-12, 0, 7, 99, 999, 2026, 12_345] {
            for (month, day) in [(1, 1), (9, 30), (12, 31)] {
                XCTAssertEqual(CalendarDate(year: year, month: month, day: day).description,
                               String(format: "%04d-%02d-%02d", year, month, day))
                XCTAssertEqual(YearMonth(year: year, month: month).description, String(format: "%04d-%02d", year, month))
                XCTAssertEqual(MonthDay(month: month, day: day).description, String(format: "%02d-%02d", month, day))
            }
        }
        let hanoi = calendar(offset: 25_200)
        for seconds in stride(from: 0, to: 2_000_000_000, by: 97_654_321) {
            let instant = Date(timeIntervalSince1970: Double(seconds))
            let local = seconds + 25_200
            let date = hanoi.calendarDate(of: instant)
            XCTAssertEqual(hanoi.iso8601(instant), String(format: "%@T%02d:%02d:%02d+07:00", date.description,
                                                          local % 86_400 / 3600, local % 3600 / 60, local % 60))
        }
    }

    func testCalendarDateOfAnInstantUsesTheLocalDay() {
        let hanoi = calendar(offset: 25_200)
        let lateUTC = Date(timeIntervalSince1970: TimeInterval(CalendarDate(year: 2026, month: 12, day: 31).dayNumber * 86_400 + 17 * 3600))
        XCTAssertEqual(hanoi.calendarDate(of: lateUTC), CalendarDate(year: 2027, month: 1, day: 1))
        XCTAssertEqual(hanoi.iso8601(lateUTC), "2027-01-01T00:00:00+07:00")
        XCTAssertEqual(hanoi.calendarDate(of: lateUTC.addingTimeInterval(-1)), CalendarDate(year: 2026, month: 12, day: 31))
    }
}

final class ScheduleAndStatusTests: XCTestCase {
    func testScheduleDeadlines() {
        let oneOff = Schedule(kind: .oneOff, from: 2026, to: 2026, deadline: YearMonth(year: 2026, month: 4), text: "")
        XCTAssertEqual(oneOff.deadline(for: 2026), CalendarDate(year: 2026, month: 4, day: 30))
        XCTAssertTrue(oneOff.isActive(in: 2026))
        XCTAssertTrue(oneOff.isActive(in: 2029))
        XCTAssertFalse(oneOff.isActive(in: 2025))

        let yearly = Schedule(kind: .yearly, from: 2026, to: 2030, yearlyDeadline: MonthDay(month: 12, day: 15), text: "")
        XCTAssertEqual(yearly.deadline(for: 2027), CalendarDate(year: 2027, month: 12, day: 15))
        XCTAssertNil(yearly.deadline(for: 2031))
        XCTAssertFalse(yearly.isActive(in: 2031))

        let during = Schedule(kind: .duringYear, from: 2028, to: 2028, text: "")
        XCTAssertEqual(during.deadline(for: 2028), CalendarDate(year: 2028, month: 12, day: 31))
        XCTAssertNil(during.deadline(for: 2027))
        XCTAssertTrue(during.isActive(in: 2028))
        XCTAssertFalse(during.isActive(in: 2029))

        let continuous = Schedule(kind: .continuous, from: 2026, to: 2030, text: "")
        XCTAssertNil(continuous.deadline(for: 2027))
    }

    func testStatusAndProgress() {
        XCTAssertTrue(TaskStatus.completed.agrees(withProgress: 100))
        XCTAssertFalse(TaskStatus.completed.agrees(withProgress: 90))
        XCTAssertTrue(TaskStatus.notStarted.agrees(withProgress: 0))
        XCTAssertFalse(TaskStatus.notStarted.agrees(withProgress: 10))
        XCTAssertTrue(TaskStatus.onSchedule.agrees(withProgress: 55))
        XCTAssertTrue(TaskStatus.behindSchedule.agrees(withProgress: 20))
        XCTAssertEqual(TaskStatus(rawValue: "on-schedule"), .onSchedule)
        XCTAssertEqual(TaskStatus(rawValue: "not-started"), .notStarted)
    }

    func testSeverities() {
        for code in DiagnosticCode.allCases {
            XCTAssertEqual(code.severity, [.late, .templateText, .taskMissing].contains(code) ? .warning : .error, code.rawValue)
        }
        XCTAssertEqual(DiagnosticCode.allCases.count, 31)
        let warning = Diagnostic(.late, message: "muộn", english: "late")
        let error = Diagnostic(.xmlDTD, message: "có DTD", english: "dtd")
        XCTAssertFalse([warning].hasErrors)
        XCTAssertTrue([warning, error].hasErrors)
    }

    func testCompilerStyle() {
        let d = Diagnostic(.schemaInvalid, at: SourceLocation(file: "report.xml", line: 12, column: 5), message: "sai mẫu", english: "bad")
        XCTAssertEqual(d.compilerStyle, "report.xml:12:5: error: [SCHEMA_INVALID] sai mẫu")
        let late = Diagnostic(.late, at: SourceLocation(file: "CVT-2026.zip"), message: "muộn", english: "late")
        XCTAssertEqual(late.compilerStyle, "CVT-2026.zip: warning: [LATE] muộn")
    }
}

final class ReceiptJSONTests: XCTestCase {
    private let receipt = Receipt(
        file: "CVT-2026.zip", sha256: String(repeating: "0", count: 64), outcome: .rejected, unit: "CVT", year: 2026,
        kind: .annual, id: "uuid:1", received: "2026-11-14T16:02:11+07:00", late: false, supersedes: nil,
        diagnostics: [Diagnostic(.schemaInvalid, at: SourceLocation(file: "report.xml", line: 12, column: 5),
                                 message: "Nội dung không đúng mẫu", english: "Schema")])

    func testSection9FieldsAreAllWrittenWithNulls() throws {
        let data = try JSONEncoder().encode(receipt)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in ["file", "sha256", "outcome", "unit", "year", "kind", "id", "received", "late", "supersedes", "diagnostics"] {
            XCTAssertTrue(object.keys.contains(key), key)
        }
        XCTAssertTrue(object["supersedes"] is NSNull)
        XCTAssertEqual(object["outcome"] as? String, "rejected")
        XCTAssertEqual(object["year"] as? Int, 2026)
        XCTAssertEqual(object["late"] as? Bool, false)
        let diagnostic = try XCTUnwrap((object["diagnostics"] as? [[String: Any]])?.first)
        XCTAssertEqual(diagnostic["code"] as? String, "SCHEMA_INVALID")
        XCTAssertEqual(diagnostic["severity"] as? String, "error")
        XCTAssertEqual(diagnostic["file"] as? String, "report.xml")
        XCTAssertEqual(diagnostic["line"] as? Int, 12)
        XCTAssertEqual(diagnostic["column"] as? Int, 5)
        XCTAssertEqual(diagnostic["message"] as? String, "Nội dung không đúng mẫu")
    }

    func testRoundTrip() throws {
        let data = try JSONEncoder().encode(receipt)
        XCTAssertEqual(try JSONDecoder().decode(Receipt.self, from: data), receipt)
        var unreadable = receipt
        unreadable.unit = nil
        unreadable.year = nil
        unreadable.kind = nil
        unreadable.id = nil
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: JSONEncoder().encode(unreadable)) as? [String: Any])
        XCTAssertTrue(object["unit"] is NSNull && object["year"] is NSNull && object["kind"] is NSNull && object["id"] is NSNull)
        XCTAssertEqual(try JSONDecoder().decode(Receipt.self, from: JSONEncoder().encode(unreadable)), unreadable)
    }
}

/// The JSON written by hand has the encoder's bytes: every ASCII byte,
/// line and paragraph separators, a byte-order mark, letters with marks and
/// an emoji, in values of any depth.
final class JSONOutputTests: XCTestCase {
    private struct Line: Encodable { var month: String; var text: String; var unit: String }

    func testObjectsAreWrittenAsTheEncoderWritesThem() throws {
        var awkward = ""
        for byte in 0..<0x80 { awkward.unicodeScalars.append(Unicode.Scalar(UInt8(byte))) }
        awkward += "\u{2028}\u{2029}\u{FEFF}Tiếng Việt 😀 a/b \\\" "
        for text in [awkward, "", "plain"] {
            for depth in [0, 2, 4] {
                var json = JSONBytes(pretty: true, depth: depth)
                json.object { o in
                    o.key("month"); o.string("2026-03")
                    o.key("text"); o.string(text)
                    o.key("unit"); o.string("HVCL")
                }
                var expected = try JSONOutput.nested(Line(month: "2026-03", text: text, unit: "HVCL"), depth: depth)
                XCTAssertEqual(String(decoding: json.bytes, as: UTF8.self), String(decoding: expected, as: UTF8.self), "depth \(depth)")
                expected = try JSONOutput.encode([text])
                var string: [UInt8] = []
                JSONOutput.string(text, into: &string)
                XCTAssertEqual(String(decoding: expected, as: UTF8.self), "[\n  \(String(decoding: string, as: UTF8.self))\n]\n")
            }
        }
    }
}

/// Receipts are written by hand (one for every file taken in): the bytes
/// must be the encoder's, pretty and compact, for every kind of receipt.
final class ReceiptHandWrittenJSONTests: XCTestCase {
    static var awkward: String {
        var text = ""
        for byte in 0..<0x80 { text.unicodeScalars.append(Unicode.Scalar(UInt8(byte))) }
        return text + "\u{2028}\u{2029}\u{FEFF}Tiếng Việt 😀 a/b \\\" "
    }

    static var receipts: [Receipt] {
        let diagnostics = [
            Diagnostic(.schemaInvalid, at: SourceLocation(file: "report.xml", line: 12, column: 5), message: awkward, english: "Schema: x"),
            Diagnostic(.late, at: SourceLocation(file: nil, line: nil, column: nil), message: "Báo cáo nộp muộn", english: ""),
            Diagnostic(.bundleLimit, at: SourceLocation(file: awkward, line: 0, column: nil), message: "", english: awkward),
        ]
        var all: [Receipt] = []
        for outcome in Outcome.allCases {
            for (n, kind) in ([nil] + ReportKind.allCases.map(Optional.some)).enumerated() {
                var receipt = Receipt(file: n == 0 ? awkward : "HVCL-2026.xml", sha256: String(repeating: "ab", count: 32), outcome: outcome,
                                      unit: n == 1 ? nil : "HVCL", year: n == 2 ? nil : 2026 - n, kind: kind, id: n == 3 ? nil : "id/\(n)",
                                      received: "2026-11-14T16:02:11+07:00", late: n % 2 == 0, supersedes: n == 2 ? "old \"id\"" : nil,
                                      diagnostics: Array(diagnostics.prefix(n)))
                receipt.channel = [nil, .inbox, .portal][n % 3]
                receipt.account = n == 2 ? "hvcl-vanthu" : nil
                all.append(receipt)
            }
        }
        return all
    }

    func testReceiptsAreWrittenAsTheEncoderWritesThem() throws {
        for receipt in Self.receipts {
            XCTAssertEqual(String(decoding: receipt.json(pretty: true), as: UTF8.self),
                           String(decoding: try JSONOutput.encode(receipt), as: UTF8.self))
            XCTAssertEqual(String(decoding: receipt.json(pretty: false), as: UTF8.self),
                           String(decoding: try JSONOutput.compact(receipt), as: UTF8.self))
        }
    }

    func testAReceiptWithItsReviewIsWrittenAsTheEncoderWritesIt() throws {
        for (reason, resendBy) in [("Thiếu số liệu \"quý IV\"", "2026-12-05" as String?), (nil, nil)] as [(String?, String?)] {
            for state in ReviewAction.allCases {
                var receipt = Self.receipts[3]
                receipt.review = ReviewState(state: state, at: "2026-11-20T09:00:00+07:00", by: "vu-ktxhs", reason: reason, resendBy: resendBy)
                XCTAssertEqual(String(decoding: receipt.json(pretty: true), as: UTF8.self), String(decoding: try JSONOutput.encode(receipt), as: UTF8.self))
                XCTAssertEqual(String(decoding: receipt.json(pretty: false), as: UTF8.self), String(decoding: try JSONOutput.compact(receipt), as: UTF8.self))
            }
        }
    }
}
