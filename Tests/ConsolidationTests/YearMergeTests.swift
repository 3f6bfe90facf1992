import Consolidation
import Foundation
import ReportModel
import Store
import XCTest

/// One year merged from the in-memory store of `Year2026`: every expected
/// figure below is worked out by hand from that table.
final class YearMergeTests: XCTestCase {
    private let asOf = day("2026-12-01")

    private func merged() throws -> YearConsolidation {
        try Year2026.store().merge(year: 2026, asOf: asOf)
    }

    // MARK: overdue

    func testOneOffBehindScheduleAfterItsDeadlineIsOverdue() throws {
        let data = try merged()
        let task = try XCTUnwrap(data.task("2.1.1"))
        XCTAssertEqual(task.status.rawValue, "behind-schedule", "the unit's own word is kept")
        XCTAssertEqual(task.progress, 60)
        XCTAssertEqual(task.deadline, "2026-04-30")
        XCTAssertTrue(task.overdue, "2.1.1 is due by 2026-04, reported behind schedule, judged on 2026-12-01")
    }

    func testOneOffReportedCompletedIsNotOverdue() throws {
        let task = try XCTUnwrap(try merged().task("2.2.2"))
        XCTAssertEqual(task.status.rawValue, "completed")
        XCTAssertEqual(task.progress, 100)
        XCTAssertFalse(task.overdue)
    }

    func testTaskWhoseDeadlineHasNotPassedIsNotOverdue() throws {
        let data = try merged()
        // 2.1.2 (VCNS) is due by 2026-12: on 2026-12-01 its deadline, 2026-12-31, is still ahead.
        let onSchedule = try XCTUnwrap(data.task("2.1.2"))
        XCTAssertEqual(onSchedule.status.rawValue, "on-schedule")
        XCTAssertEqual(onSchedule.deadline, "2026-12-31")
        XCTAssertFalse(onSchedule.overdue)
        // 1.4 (KTXHS, by 2026-12) was left out of KTXHS's report: not reported, yet not overdue.
        let unreported = try XCTUnwrap(data.task("1.4"))
        XCTAssertEqual(unreported.status.rawValue, "not-reported")
        XCTAssertFalse(unreported.overdue)
        // The same 2.1.1 judged before its deadline (2026-04-30) is not overdue either.
        let early = try Year2026.store().merge(year: 2026, asOf: day("2026-04-15"))
        XCTAssertFalse(try XCTUnwrap(early.task("2.1.1")).overdue)
        let lastDay = try Year2026.store().merge(year: 2026, asOf: day("2026-04-30"))
        XCTAssertFalse(try XCTUnwrap(lastDay.task("2.1.1")).overdue, "the deadline day itself is still in time")
    }

    // MARK: not reported

    func testLeadUnitWithoutAcceptedReportHasItsTasksNotReported() throws {
        let data = try merged()
        let task = try XCTUnwrap(data.task("2.2.4"))
        XCTAssertEqual(task.lead, "TTCNTT")
        XCTAssertTrue(task.due)
        XCTAssertEqual(task.status.rawValue, "not-reported")
        XCTAssertNil(task.progress)
        XCTAssertEqual(task.sources, [])
        XCTAssertEqual(task.provenance, [])
        XCTAssertEqual(data.reporting("TTCNTT")?.state.rawValue, "missing")
        XCTAssertNil(data.reporting("TTCNTT")?.submission)
        // NATIF sent only a refused file: still missing, its task not reported.
        XCTAssertEqual(data.reporting("NATIF")?.state.rawValue, "missing")
        XCTAssertEqual(data.task("2.3.7")?.status.rawValue, "not-reported")
    }

    // MARK: indicators

    func testSumIndicatorAddsUnits() throws {
        let trainees = try XCTUnwrap(try merged().indicator("trainees.count"))
        XCTAssertEqual(trainees.aggregation.rawValue, "sum")
        // HVCL's live report (B) says 100; PTIT, coordinating, 40. A's 999 is replaced.
        XCTAssertEqual(trainees.value, 100 + 40)
        XCTAssertEqual(trainees.byUnit, ["HVCL": 100, "PTIT": 40])
        XCTAssertEqual(trainees.sources, [Year2026.hvclB, Year2026.ptit])
        XCTAssertNil(trainees.target, "the plan sets no target and no unit reported one")
    }

    func testLatestIndicatorTakesTheNewestReceivedNeverAdds() throws {
        let zones = try XCTUnwrap(try merged().indicator("zones5g.pct"))
        XCTAssertEqual(zones.aggregation.rawValue, "latest")
        // CVT's live report (b, received 11-13 15:00) says 62,5; CTS (11-11) 70; CVT's older a (50) is not used.
        // Newest received wins: 62,5 — not 70 (a larger or other unit's value), not 132,5 (a sum).
        XCTAssertEqual(zones.value, Decimal(string: "62.5"))
        XCTAssertEqual(zones.byUnit, ["CVT": Decimal(string: "62.5")!, "CTS": 70])
        XCTAssertEqual(zones.target, 100)
        XCTAssertEqual(Set(zones.sources), [Year2026.cvtB, Year2026.cts])
    }

    func testIndicatorNobodyReportedHasNoValue() throws {
        let data = try merged()
        let datasets = try XCTUnwrap(data.indicator("datasets.count"))
        XCTAssertNil(datasets.value, "missing, never zero")
        XCTAssertEqual(datasets.byUnit, [:])
        XCTAssertEqual(datasets.sources, [])
        let catalog = try XCTUnwrap(data.indicator("catalog.products"))
        XCTAssertNil(catalog.value)
        // events.count: KTXHS reported 3 against the plan's 4 a year.
        XCTAssertEqual(data.indicator("events.count")?.value, 3)
        XCTAssertEqual(data.indicator("events.count")?.target, 4)
    }

    func testUnitOwnIndicatorsOnlyInUnitIndicators() throws {
        let data = try merged()
        XCTAssertFalse(data.indicators.contains { $0.code.hasPrefix("x-") })
        XCTAssertEqual(data.indicators.map(\.code), ShippedPlan.plan.indicators.map(\.code))
        XCTAssertEqual(data.unitIndicators.count, 1)
        let own = try XCTUnwrap(data.unitIndicators.first)
        XCTAssertEqual(own.unit, "HVCL")
        XCTAssertEqual(own.task, "2.3.8")
        XCTAssertEqual(own.code, "x-doanhnghiep.thamgia")
        XCTAssertEqual(own.name, "Số doanh nghiệp có học viên tham gia")
        XCTAssertEqual(own.measure, "doanh nghiệp")
        XCTAssertEqual(own.value, 143)
        XCTAssertEqual(own.source.submission, Year2026.hvclB)
    }

    // MARK: which version

    func testSupersedingVersionIsUsedAndTheReplacedOneNotCounted() throws {
        let data = try merged()
        let task = try XCTUnwrap(data.task("2.3.8"))
        XCTAssertEqual(task.progress, 80, "B's progress, not A's 50")
        XCTAssertEqual(task.sources, [Year2026.hvclB])
        XCTAssertEqual(task.funding, [.stateBudget: 1_250_000_000, .sponsorship: 200_000_000], "A's 777 000 000 is not counted")
        XCTAssertEqual(data.indicator("courses.count")?.value, 4, "B's 4 courses; not A's 9, not 13")
        XCTAssertEqual(data.task("2.3.9")?.status.rawValue, "on-schedule", "B's word on 2.3.9, not A's not-started")
        XCTAssertFalse(data.submissions.contains { $0.submission == Year2026.hvclA })
        XCTAssertEqual(data.reporting("HVCL")?.submission, Year2026.hvclB)
        XCTAssertEqual(data.reporting("HVCL")?.sha256, FixtureStore.sha256(of: Year2026.hvclB))
    }

    func testTwoReportsOfOneUnitWithoutSupersedesNewestReceivedUsed() throws {
        let data = try merged()
        let task = try XCTUnwrap(data.task("2.2.1"))
        XCTAssertEqual(task.progress, 65, "b (11-13) is newer than a (11-08)")
        XCTAssertEqual(task.sources, [Year2026.cts, Year2026.cvtB])
        XCTAssertEqual(task.funding, [.sponsorship: 75_000_000], "a's 999 000 000 state budget is not counted")
        XCTAssertEqual(data.reporting("CVT")?.submission, Year2026.cvtB)
        XCTAssertFalse(data.submissions.contains { $0.submission == Year2026.cvtA })
    }

    func testSubmissionsUsedOncePerUnit() throws {
        let data = try merged()
        XCTAssertEqual(Set(data.submissions.map(\.submission)),
                       [Year2026.ktxhs, Year2026.cdsqg, Year2026.cts, Year2026.cvtB, Year2026.vcns, Year2026.vtf,
                        Year2026.hvclB, Year2026.ptit])
        XCTAssertEqual(data.submissions.count, 8)
    }

    // MARK: funding

    func testFundingTotalsBySourceAcrossTasks() throws {
        let data = try merged()
        // state budget: KTXHS 100 000 000 + VTF 500 000 000 + HVCL(B) 1 250 000 000
        // sponsorship: CVT(b) 75 000 000 + HVCL(B) 200 000 000
        // other: CDSQG 20 000 000 + PTIT 30 000 000
        let stateBudget: Decimal = 100_000_000 + 500_000_000 + 1_250_000_000
        let sponsorship: Decimal = 75_000_000 + 200_000_000
        let other: Decimal = 20_000_000 + 30_000_000
        XCTAssertEqual(data.funding.bySource, [.stateBudget: stateBudget, .sponsorship: sponsorship, .other: other])
        XCTAssertEqual(data.task("2.3.9")?.funding, [.other: 30_000_000])
        XCTAssertEqual(data.task("2.1.2")?.funding, [:])
        // By task, the totals add up to the year's.
        var byTask: [FundingSource: Decimal] = [:]
        for task in data.tasks { for (source, amount) in task.funding { byTask[source, default: 0] += amount } }
        for (source, amount) in data.funding.bySource { XCTAssertEqual(byTask[source, default: 0], amount, source.rawValue) }
    }

    // MARK: reporting

    func testReportingStates() throws {
        let data = try merged()
        let states = Dictionary(uniqueKeysWithValues: data.reporting.map { ($0.unit, $0.state.rawValue) })
        XCTAssertEqual(states, [
            "KTXHS": "on-time", "HTQT": "missing", "CDSQG": "on-time", "CVT": "on-time", "CDMST": "missing",
            "VCNS": "late", "TTCNTT": "missing", "VTF": "on-time", "NAFOSTED": "missing", "NATIF": "missing",
            "HVCL": "on-time",
        ])
        // Lead units in registry order; coordinating units (CTS, PTIT) never have a reporting state.
        XCTAssertEqual(data.reporting.map(\.unit),
                       ["KTXHS", "HTQT", "CDSQG", "CVT", "CDMST", "VCNS", "TTCNTT", "VTF", "NAFOSTED", "NATIF", "HVCL"])
        let late = try XCTUnwrap(data.reporting("VCNS"))
        XCTAssertEqual(late.received, "2026-11-20T09:00:00+07:00")
        XCTAssertEqual(late.submission, Year2026.vcns)
        XCTAssertEqual(data.reporting("CDSQG")?.received, "2026-11-10T08:00:00+07:00",
                       "the accepted report after a refused draft")

        let status = ReportingStatus(plan: ShippedPlan.plan, index: Year2026.store().index, year: 2026, asOf: asOf)
        XCTAssertEqual(status.required, 11)
        XCTAssertEqual(status.count(.onTime), 5)
        XCTAssertEqual(status.count(.late), 1)
        XCTAssertEqual(status.count(.missing), 5)
        XCTAssertEqual(status.units.first { $0.unit == "VCNS" }?.daysLate, 5, "received 20 Nov, due 15 Nov")
        XCTAssertEqual(status.units.first { $0.unit == "TTCNTT" }?.daysLate, 16, "15 Nov to 1 Dec")
        XCTAssertEqual(status.deadline, "2026-11-15T23:59:59+07:00")
    }

    // MARK: sources

    func testTaskSourcesAreSubmissionIdsAndProvenanceCarriesUnitAndSHA() throws {
        let data = try merged()
        let task = try XCTUnwrap(data.task("2.1.1"))
        XCTAssertEqual(task.sources, [Year2026.cdsqg])
        XCTAssertEqual(task.provenance, [SourceRef(unit: "CDSQG", submission: Year2026.cdsqg,
                                                   sha256: FixtureStore.sha256(of: Year2026.cdsqg),
                                                   received: "2026-11-10T08:00:00+07:00", late: false)])
        let shared = try XCTUnwrap(data.task("2.3.9"))
        XCTAssertEqual(shared.sources, [Year2026.hvclB, Year2026.ptit])
        XCTAssertEqual(shared.provenance.map(\.unit), ["HVCL", "PTIT"])
        XCTAssertEqual(shared.provenance.map(\.sha256), [FixtureStore.sha256(of: Year2026.hvclB), FixtureStore.sha256(of: Year2026.ptit)])
        let late = try XCTUnwrap(data.task("2.3.4")?.provenance.first)
        XCTAssertTrue(late.late)
        XCTAssertEqual(late.unit, "VCNS")
        // Every task's sources are exactly its provenance's submissions.
        for task in data.tasks { XCTAssertEqual(task.sources, task.provenance.map(\.submission), task.code) }
        // The indicator's provenance too.
        let trainees = try XCTUnwrap(data.indicator("trainees.count"))
        XCTAssertEqual(trainees.provenance.map(\.sha256), [FixtureStore.sha256(of: Year2026.hvclB), FixtureStore.sha256(of: Year2026.ptit)])
    }

    // MARK: ad hoc

    func testAdhocSubmissionsNeverReplaceTheAnnualOne() throws {
        let store = Year2026.store()
        let annual = try store.merge(year: 2026, asOf: asOf, kind: .annual)
        XCTAssertEqual(annual.indicator("trainees.count")?.value, 140, "the ad-hoc 5000 is not counted")
        XCTAssertEqual(annual.indicator("zones5g.pct")?.value, Decimal(string: "62.5"), "the ad-hoc 55 is not counted")
        XCTAssertFalse(annual.submissions.contains { $0.submission.hasPrefix("YC-") })
        XCTAssertEqual(annual.reporting("HVCL")?.submission, Year2026.hvclB)
        XCTAssertEqual(annual.funding[.stateBudget], 1_850_000_000, "the ad-hoc 3 000 000 is not counted")

        let request = try store.merge(year: 2026, asOf: asOf, kind: .adhoc) { ($0.receipt.id ?? "").hasPrefix("YC-2026-07") }
        XCTAssertEqual(request.submissions.map(\.submission), [Year2026.adhocHVCL])
        XCTAssertEqual(request.indicator("trainees.count")?.value, 5000)
        XCTAssertEqual(request.indicator("trainees.count")?.byUnit, ["HVCL": 5000])
        XCTAssertNil(request.indicator("zones5g.pct")?.value, "the CVT ad-hoc answers another request")
        XCTAssertEqual(request.task("2.3.8")?.sources, [Year2026.adhocHVCL])
        XCTAssertEqual(request.funding[.stateBudget], 3_000_000)

        let allAdhoc = try store.merge(year: 2026, asOf: asOf, kind: .adhoc)
        XCTAssertEqual(Set(allAdhoc.submissions.map(\.submission)), [Year2026.adhocHVCL, Year2026.adhocCVT])
        XCTAssertEqual(allAdhoc.indicator("zones5g.pct")?.value, 55)
    }

    // MARK: the next year

    func testOneOffCompletedIn2026IsNotDueIn2027AndShowsCompletedWithItsSource() throws {
        let data = try Year2026.store().merge(year: 2027, asOf: day("2027-12-01"))
        let task = try XCTUnwrap(data.task("2.2.2"))
        XCTAssertFalse(task.due)
        XCTAssertEqual(task.status.rawValue, "completed")
        XCTAssertEqual(task.progress, 100)
        XCTAssertFalse(task.overdue)
        XCTAssertEqual(task.sources, [Year2026.vtf])
        XCTAssertEqual(task.provenance.first?.sha256, FixtureStore.sha256(of: Year2026.vtf))
        XCTAssertNil(data.reporting("VTF"), "VTF leads only 2.2.2: it has nothing due in 2027")
        // 2.1.1 was behind in 2026: still due in 2027, and overdue since 2026-04-30.
        let open = try XCTUnwrap(data.task("2.1.1"))
        XCTAssertTrue(open.due)
        XCTAssertEqual(open.status.rawValue, "not-reported")
        XCTAssertTrue(open.overdue)
        XCTAssertEqual(data.reporting("CDSQG")?.state.rawValue, "missing")
        XCTAssertEqual(data.submissions, [])
        XCTAssertNil(data.indicator("trainees.count")?.value)
        XCTAssertTrue(data.funding.isEmpty, "no report, no funding figure: null, never 0")
        XCTAssertNil(data.funding.total)
    }

    func testMergeIsAPureFunctionOfTheStore() throws {
        // Results come back from each merge's own spill: compare them loaded.
        func settled(_ data: YearConsolidation) -> YearConsolidation {
            var copy = data
            copy.tasks = data.tasks.map(data.withResults)
            copy.spill = nil
            return copy
        }
        XCTAssertEqual(settled(try merged()), settled(try merged()))
    }

    /// Results go to the merge's spill and come back by month, then unit,
    /// one unit's results of a month in its report's order; the `.json`
    /// written a task at a time has the bytes of the whole encoded at once.
    func testResultsComeBackFromTheSpillInOrderAndTheJSONIsTheWhole() throws {
        func result(_ month: Int, _ text: String) -> MonthlyResult { MonthlyResult(month: YearMonth(year: 2026, month: month), text: text) }
        let store = FixtureStore()
        store.accept("HVCL", year: 2026, id: "HVCL-2026", received: "2026-11-10T08:00:00+07:00", tasks: [
            task("2.3.8", .onSchedule, 80, results: [result(9, "HVCL tháng 9"), result(6, "HVCL tháng 6 (a)"), result(6, "HVCL tháng 6 (b)")]),
        ])
        store.accept("PTIT", year: 2026, id: "PTIT-2026", received: "2026-11-11T08:00:00+07:00", tasks: [
            task("2.3.8", .onSchedule, 50, role: .coordinating, results: [result(7, "PTIT tháng 7"), result(6, "PTIT tháng 6")]),
            // Written by hand in the `.json`: quotes, a backslash, a slash, a tab, a line break.
            task("2.1.1", .onSchedule, 50, role: .coordinating, results: [result(3, "«Hệ thống \"A\"»\tC:\\b/c\ndòng 2")]),
            // More results than the `.json` writes in one piece.
            task("2.1.2", .onSchedule, 50, role: .coordinating, results: (0..<600).map { result($0 % 12 + 1, "Kết quả \($0)") }),
        ])
        let data = try store.merge(year: 2026, asOf: asOf)
        XCTAssertNotNil(data.spill, "a merge with detail keeps its results in the spill")
        let outcome = try XCTUnwrap(data.task("2.3.8"))
        XCTAssertEqual(outcome.results, [], "not held by the task")
        XCTAssertEqual(data.results(of: outcome).map(\.text),
                       ["HVCL tháng 6 (a)", "HVCL tháng 6 (b)", "PTIT tháng 6", "PTIT tháng 7", "HVCL tháng 9"])
        var whole = data
        whole.tasks = data.tasks.map(data.withResults)
        whole.spill = nil
        XCTAssertEqual(String(decoding: try data.json(), as: UTF8.self), String(decoding: try JSONOutput.encode(whole), as: UTF8.self))
        XCTAssertEqual(try data.json(), try JSONOutput.encode(data), "encoding the merge itself reads its results back too")
    }
}
