import Consolidation
import Foundation
import ReportModel
import Store
import XCTest

/// Three years, 2026–2028, with nothing at all in 2027:
///
/// | year | unit  | what                                                                 |
/// |------|-------|----------------------------------------------------------------------|
/// | 2026 | HVCL  | on time: trainees 100 (2.3.8) + 20 (2.3.9); 1 000 000 000 state        |
/// | 2026 | CDSQG | on time: 2.1.1 completed; 50 000 000 other                            |
/// | 2026 | CVT   | on time: zones5g.pct 40; 10 000 000 sponsorship                       |
/// | 2028 | HVCL  | late (11-20): trainees 60; 2 000 000 000 state                        |
/// | 2028 | CVT   | on time: zones5g.pct 80; 5 000 000 sponsorship                        |
///
/// VTF never reports 2.2.2 (one-off, by 2026-04).
enum ThreeYears {
    static func store() -> FixtureStore {
        let s = FixtureStore()
        s.accept("HVCL", year: 2026, id: "HVCL-2026", received: "2026-11-10T08:00:00+07:00", tasks: [
            task("2.3.8", .onSchedule, 80, indicators: [indicator("trainees.count", 100)], funding: [money(.stateBudget, 1_000_000_000)]),
            task("2.3.9", .onSchedule, 50, indicators: [indicator("trainees.count", 20)]),
        ])
        s.accept("CDSQG", year: 2026, id: "CDSQG-2026", received: "2026-11-09T08:00:00+07:00", tasks: [
            task("2.1.1", .completed, 100, funding: [money(.other, 50_000_000)]),
        ])
        s.accept("CVT", year: 2026, id: "CVT-2026", received: "2026-11-14T08:00:00+07:00", tasks: [
            task("2.2.1", .onSchedule, 40, indicators: [indicator("zones5g.pct", 40)], funding: [money(.sponsorship, 10_000_000)]),
        ])
        s.accept("HVCL", year: 2028, id: "HVCL-2028", received: "2028-11-20T10:00:00+07:00", tasks: [
            task("2.3.8", .onSchedule, 90, indicators: [indicator("trainees.count", 60)], funding: [money(.stateBudget, 2_000_000_000)]),
            task("2.3.9", .onSchedule, 70),
        ])
        s.accept("CVT", year: 2028, id: "CVT-2028", received: "2028-11-14T08:00:00+07:00", tasks: [
            task("2.2.1", .onSchedule, 80, indicators: [indicator("zones5g.pct", 80)], funding: [money(.sponsorship, 5_000_000)]),
        ])
        return s
    }
}

final class ReviewMergeTests: XCTestCase {
    private func midterm() throws -> MultiYearReview {
        try ThreeYears.store().review(.midterm, asOf: day("2028-12-01"))
    }

    func testYearsAndYearsWithoutData() throws {
        let review = try midterm()
        XCTAssertEqual(review.firstYear, 2026)
        XCTAssertEqual(review.lastYear, 2028)
        XCTAssertEqual(Set(review.years.keys), [2026, 2027, 2028])
        XCTAssertEqual(review.yearsWithoutData, [2027])
        XCTAssertEqual(review.years[2027]?.submissions, [])
    }

    func testCumulativeSumAddsOnlyYearsWithDataAndNeverZeroesAMissingYear() throws {
        let trainees = try XCTUnwrap(try midterm().cumulative.first { $0.code == "trainees.count" })
        XCTAssertEqual(trainees.aggregation.rawValue, "sum")
        XCTAssertEqual(trainees.value, (100 + 20) + 60)
        XCTAssertEqual(trainees.byYear.count, 3)
        XCTAssertEqual(trainees.byYear[2026], .some(120))
        XCTAssertEqual(trainees.byYear[2028], .some(60))
        let missing = try XCTUnwrap(trainees.byYear[2027], "2027 has an entry, saying there is no value")
        XCTAssertNil(missing, "2027 had no data: nil, never 0")
        XCTAssertEqual(Set(trainees.sources), ["HVCL-2026", "HVCL-2028"])
    }

    func testCumulativeLatestTakesTheNewestYearNeverAdds() throws {
        let zones = try XCTUnwrap(try midterm().cumulative.first { $0.code == "zones5g.pct" })
        XCTAssertEqual(zones.aggregation.rawValue, "latest")
        XCTAssertEqual(zones.value, 80, "2028's value: not 120 (a sum), not 40 (the first)")
        XCTAssertEqual(zones.latestYear, 2028)
        XCTAssertEqual(zones.byYear[2026], .some(40))
        XCTAssertEqual(zones.byYear[2028], .some(80))
        XCTAssertNil(try XCTUnwrap(zones.byYear[2027]))
        XCTAssertEqual(zones.target, 100)
    }

    func testIndicatorNobodyReportedInAnyYearHasNoValue() throws {
        let events = try XCTUnwrap(try midterm().cumulative.first { $0.code == "events.count" })
        XCTAssertNil(events.value)
        XCTAssertEqual(events.target, 4 * 3, "4 a year over 2026–2028")
        for year in [2026, 2027, 2028] { XCTAssertNil(try XCTUnwrap(events.byYear[year]), "\(year)") }
    }

    func testReportingRecordPerUnitPerYear() throws {
        let record = Dictionary(uniqueKeysWithValues: try midterm().reportingRecord.map { ($0.unit, $0.byYear.mapValues(\.rawValue)) })
        XCTAssertEqual(record["HVCL"], [2026: "on-time", 2027: "missing", 2028: "late"])
        XCTAssertEqual(record["CDSQG"], [2026: "on-time", 2027: "not-required", 2028: "not-required"],
                       "2.1.1, its only task, was completed in 2026")
        XCTAssertEqual(record["CVT"], [2026: "on-time", 2027: "missing", 2028: "on-time"])
        XCTAssertEqual(record["VTF"], [2026: "missing", 2027: "missing", 2028: "missing"],
                       "2.2.2 is never completed, so it stays due")
        XCTAssertEqual(record["VCNS"]?[2026], "missing")
        XCTAssertEqual(record["VCNS"]?[2027], "missing", "2.3.4 is yearly")
        XCTAssertEqual(Set(record.keys), Set(ShippedPlan.plan.leadUnits.map(\.code)))
    }

    func testFundingPerYearAndInAll() throws {
        let review = try midterm()
        XCTAssertEqual(review.fundingByYear[2026]?.bySource, [.stateBudget: 1_000_000_000, .sponsorship: 10_000_000, .other: 50_000_000])
        XCTAssertEqual(review.fundingByYear[2028]?.bySource, [.stateBudget: 2_000_000_000, .sponsorship: 5_000_000],
                       "no 'other' reported in 2028: no figure, never 0")
        XCTAssertNil(review.fundingByYear[2027], "no data in 2027: no figure, not zeros")
        XCTAssertEqual(review.funding.bySource, [
            .stateBudget: 1_000_000_000 + 2_000_000_000,
            .sponsorship: 10_000_000 + 5_000_000,
            .other: 50_000_000,
        ])
    }

    func testOpenTasksIncludeAnOverdueOneOffNeverCompleted() throws {
        let review = try midterm()
        let vtf = try XCTUnwrap(review.open.first { $0.code == "2.2.2" })
        XCTAssertEqual(vtf.lead, "VTF")
        XCTAssertTrue(vtf.overdue)
        XCTAssertEqual(vtf.deadline, "2026-04-30")
        XCTAssertEqual(vtf.lastStatus.rawValue, "not-reported")
        XCTAssertNil(vtf.lastReportedYear)
        XCTAssertFalse(review.open.contains { $0.code == "2.1.1" }, "completed in 2026")
        // A recurring task is open, not overdue, until the plan ends.
        let training = try XCTUnwrap(review.open.first { $0.code == "2.3.8" })
        XCTAssertEqual(training.lastStatus.rawValue, "on-schedule")
        XCTAssertEqual(training.lastReportedYear, 2028)
        XCTAssertEqual(training.progress, 90)
        XCTAssertFalse(training.overdue)
        // III.3 happens in 2030: not yet open in a 2028 review.
        XCTAssertFalse(review.open.contains { $0.code == "III.3" })
    }

    func testTasksYearByYear() throws {
        let review = try midterm()
        XCTAssertEqual(review.years[2026]?.task("2.1.1")?.status.rawValue, "completed")
        let later = try XCTUnwrap(review.years[2028]?.task("2.1.1"))
        XCTAssertEqual(later.status.rawValue, "completed")
        XCTAssertFalse(later.due)
        XCTAssertEqual(later.sources, ["CDSQG-2026"])
        XCTAssertEqual(review.years[2027]?.task("2.3.8")?.status.rawValue, "not-reported")
        XCTAssertEqual(review.years[2028]?.task("2.3.8")?.progress, 90)
    }

    func testFinalReviewOverFiveYears() throws {
        let review = try ThreeYears.store().review(.final, asOf: day("2030-12-01"))
        XCTAssertEqual(review.yearsWithoutData, [2027, 2029, 2030])
        let trainees = try XCTUnwrap(review.cumulative.first { $0.code == "trainees.count" })
        XCTAssertEqual(trainees.value, 180)
        XCTAssertEqual(trainees.byYear.count, 5)
        let zones = try XCTUnwrap(review.cumulative.first { $0.code == "zones5g.pct" })
        XCTAssertEqual(zones.value, 80)
        XCTAssertEqual(zones.latestYear, 2028)
        XCTAssertEqual(review.funding[.stateBudget], 3_000_000_000)
    }

    /// The `.json` written a year at a time has the bytes of the whole encoded at once.
    func testTheReviewWrittenAYearAtATimeHasTheBytesOfTheWhole() throws {
        for kind in [ReviewKind.midterm, .final] {
            let review = try ThreeYears.store().review(kind, asOf: day(kind == .midterm ? "2028-12-01" : "2030-12-01"))
            var pieces = Data()
            try review.writeJSON { pieces.append($0) }
            XCTAssertEqual(String(decoding: pieces, as: UTF8.self), String(decoding: try JSONOutput.encode(review), as: UTF8.self))
        }
    }
}
