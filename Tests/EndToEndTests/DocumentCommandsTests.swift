import Foundation
import XCTest

/// The secretariat's document commands run as the binary, on the ingested
/// 2026 sample inbox: the files land where outputs.md says, the `--json`
/// has §9's fields, and a rerun gives the same bytes.
final class DocumentCommandsTests: XCTestCase {
    private func ingestedSample() throws -> Workspace {
        let space = try Workspace.withSampleInbox()
        let run = try space.ingest()
        XCTAssertEqual(run.status, 0, run.summary)
        return space
    }

    private func json(_ run: Baocao.Run) throws -> [String: Any] {
        XCTAssertEqual(run.status, 0, run.summary)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], run.summary)
    }

    private func common(_ space: Workspace) -> [String] {
        ["--store", space.store.path, "--outbox", space.outbox.path, "--json"]
    }

    func testConsolidateWritesBothDocumentsWithSection9DataAndRerunsToTheSameBytes() throws {
        let space = try ingestedSample()
        let arguments = ["consolidate", "--year", "2026", "--as-of", "2026-12-01"] + common(space)
        let data = try json(try space.run(arguments))
        XCTAssertEqual(data["year"] as? Int, 2026)
        XCTAssertEqual(data["asOf"] as? String, "2026-12-01")
        let reporting = try XCTUnwrap(data["reporting"] as? [[String: Any]])
        XCTAssertEqual(reporting.count, 11)
        XCTAssertEqual(reporting.first { $0["unit"] as? String == "NATIF" }?["state"] as? String, "late")
        let tasks = try XCTUnwrap(data["tasks"] as? [[String: Any]])
        XCTAssertEqual(tasks.count, 25)
        let overdue = try XCTUnwrap(tasks.first { $0["code"] as? String == "2.1.1" })
        XCTAssertEqual(overdue["overdue"] as? Bool, true)
        XCTAssertEqual(overdue["lead"] as? String, "CDSQG")
        XCTAssertFalse((overdue["sources"] as? [String] ?? []).isEmpty)
        let funding = try XCTUnwrap(data["funding"] as? [String: Any])
        XCTAssertEqual(Set(funding.keys), ["state-budget", "sponsorship", "other"])

        let folder = space.outbox.appendingPathComponent("2026")
        let names = ["ministry-summary-2026", "pm-report-2026"].flatMap { base in ["docx", "xml", "json"].map { "\(base).\($0)" } }
        let first = try names.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
        _ = try json(try space.run(arguments))
        let second = try names.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
        XCTAssertEqual(first, second, "a rerun on the same store and date gives the same bytes")
    }

    func testMidtermReviewListsEveryYearAndShowsMissingYearsAsNull() throws {
        let space = try ingestedSample()
        let data = try json(try space.run(["review", "--midterm", "--as-of", "2028-12-10"] + common(space)))
        let years = try XCTUnwrap(data["years"] as? [String: Any])
        XCTAssertEqual(Set(years.keys), ["2026", "2027", "2028"])
        XCTAssertEqual(data["yearsWithoutData"] as? [Int], [2027, 2028])
        let cumulative = try XCTUnwrap(data["cumulative"] as? [[String: Any]])
        let trainees = try XCTUnwrap(cumulative.first { $0["code"] as? String == "trainees.count" })
        let byYear = try XCTUnwrap(trainees["byYear"] as? [String: Any])
        XCTAssertTrue(byYear["2027"] is NSNull, "a year without data is null, never 0")
        XCTAssertTrue(FileManager.default.fileExists(atPath: space.outbox.appendingPathComponent("2028/midterm-review-2028.docx").path))
    }

    func testRemindWritesALetterOnlyForUnitsStillToChase() throws {
        let space = try ingestedSample()
        // Every lead unit reported in 2026: nobody to chase.
        let none = try json(try space.run(["remind", "--year", "2026", "--as-of", "2026-12-01"] + common(space)))
        XCTAssertEqual((none["reminders"] as? [Any])?.count, 0)
        // In 2027 nobody has reported yet: every unit with a due task gets a letter.
        let all = try json(try space.run(["remind", "--year", "2027", "--as-of", "2027-11-20"] + common(space)))
        let reminders = try XCTUnwrap(all["reminders"] as? [[String: Any]])
        let units = Set(reminders.compactMap { ($0["reminder"] as? [String: Any])?["unit"] as? String })
        XCTAssertTrue(units.contains("KTXHS"))
        XCTAssertFalse(units.contains("PTIT"), "PTIT leads no task")
        XCTAssertTrue(FileManager.default.fileExists(atPath: space.outbox.appendingPathComponent("2027/reminders/reminder-KTXHS-2027.docx").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: space.outbox.appendingPathComponent("2027/reminders/reminder-KTXHS-2027.xml").path))
    }
}
