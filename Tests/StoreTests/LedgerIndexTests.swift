import Foundation
import ReportModel
import Store
import XCTest

final class LedgerIndexTests: XCTestCase {
    private let t0 = 1_794_279_600  // 2026-11-10T10:00:00+07:00

    func testEffectivePicksNewestNonSupersededAcceptedPerUnit() {
        let index = LedgerIndex(records: [
            Make.record(1, file: "a.xml", id: "A", received: t0),
            Make.record(2, file: "b.xml", id: "B", received: t0 + 200),
            Make.record(3, file: "c.xml", id: "C", supersedes: "B", received: t0 + 150),
            // Not candidates: rejected, duplicate, other year, other kind.
            Make.record(4, file: "r.xml", outcome: .rejected, id: "R", received: t0 + 900),
            Make.record(5, file: "d.xml", outcome: .duplicate, id: "A", received: t0 + 900),
            Make.record(6, file: "y.xml", year: 2027, id: "Y", received: t0 + 900),
            Make.record(7, file: "h.xml", kind: .adhoc, id: "H", received: t0 + 900),
            // Another unit, two records at the same second: the later in the ledger wins.
            Make.record(8, file: "cvt1.xml", unit: "CVT", id: "CVT1", received: t0 + 50),
            Make.record(9, file: "cvt2.xml", unit: "CVT", id: "CVT2", received: t0 + 50),
        ])
        let effective = index.effective(year: 2026)
        XCTAssertEqual(Set(effective.keys), ["HVCL", "CVT"])
        XCTAssertEqual(effective["HVCL"]?.receipt.id, "C", "B is superseded by C; C is newer than A")
        XCTAssertEqual(effective["CVT"]?.receipt.id, "CVT2")
        XCTAssertEqual(index.effective(year: 2026, kind: .adhoc)["HVCL"]?.receipt.id, "H")
        XCTAssertEqual(index.effective(year: 2027)["HVCL"]?.receipt.id, "Y")
        XCTAssertEqual(index.effective(year: 2028), [:])

        XCTAssertTrue(index.isSuperseded(index.records[1]))
        XCTAssertFalse(index.isSuperseded(index.records[0]))
        XCTAssertFalse(index.isSuperseded(index.records[2]))
        XCTAssertEqual(index.acceptedRecords.map(\.sequence), [1, 2, 3, 6, 7, 8, 9])
    }

    func testNewestByReceivedTimeNotLedgerOrder() {
        let index = LedgerIndex(records: [
            Make.record(1, file: "late-written.xml", id: "NEW", received: t0 + 100),
            Make.record(2, file: "older.xml", id: "OLD", received: t0),
        ])
        XCTAssertEqual(index.effective(year: 2026)["HVCL"]?.receipt.id, "NEW")
    }

    func testSupersedingEverythingLeavesTheReplacement() {
        var index = LedgerIndex()
        index.add(Make.record(1, file: "a.xml", id: "A", received: t0))
        XCTAssertEqual(index.effective(year: 2026)["HVCL"]?.receipt.id, "A")
        index.add(Make.record(2, file: "a2.xml", id: "A2", supersedes: "A", received: t0 + 10))
        XCTAssertEqual(index.effective(year: 2026)["HVCL"]?.receipt.id, "A2")
        // A rejected record naming A in supersedes does not supersede anything.
        index.add(Make.record(3, file: "bad.xml", outcome: .rejected, id: "A3", supersedes: "A2", received: t0 + 20))
        XCTAssertEqual(index.effective(year: 2026)["HVCL"]?.receipt.id, "A2")
        XCTAssertFalse(index.isSuperseded(index.records[1]))
    }

    func testTasksCompletedBefore() {
        let index = LedgerIndex(records: [
            Make.record(1, file: "k26.xml", unit: "KTXHS", year: 2026, id: "K26", completed: ["1.4"]),
            Make.record(2, file: "v26.xml", unit: "VCNS", year: 2026, id: "V26", completed: ["2.1.2"]),
            Make.record(3, file: "v26b.xml", unit: "VCNS", year: 2026, id: "V26b", supersedes: "V26", completed: []),
            Make.record(4, file: "c27.xml", unit: "CDSQG", year: 2027, id: "C27", completed: ["2.1.1"]),
            Make.record(5, file: "adhoc.xml", unit: "VTF", year: 2026, kind: .adhoc, id: "ADH", completed: ["2.2.2"]),
            Make.record(6, file: "rej.xml", outcome: .rejected, unit: "VTF", year: 2026, id: "REJ", completed: ["2.2.2"]),
            Make.record(7, file: "k28.xml", unit: "KTXHS", year: 2028, id: "K28", completed: ["2.3.1"]),
        ])
        XCTAssertEqual(index.tasksCompleted(before: 2026), [])
        XCTAssertEqual(index.tasksCompleted(before: 2027), ["1.4"], "the superseded VCNS report does not count; adhoc and rejected never do")
        XCTAssertEqual(index.tasksCompleted(before: 2028), ["1.4", "2.1.1"])
        XCTAssertEqual(index.tasksCompleted(before: 2030), ["1.4", "2.1.1", "2.3.1"])
    }

    func testHistoryQuestionsAndIntakeKeys() {
        let records = [
            Make.record(1, file: "a.xml", id: "A", received: t0),
            Make.record(2, file: "r.xml", outcome: .rejected, id: "R", received: t0 + 1),
            Make.record(3, file: "a-copy.xml", outcome: .duplicate, id: "A", received: t0 + 2),
        ]
        let index = LedgerIndex(records: records)
        XCTAssertEqual(index.acceptedSHA256(forID: "A"), Make.sha("a.xml"))
        XCTAssertNil(index.acceptedSHA256(forID: "R"), "a rejected id is free")
        XCTAssertTrue(index.hasAccepted(id: "A", unit: "HVCL", year: 2026, kind: .annual))
        XCTAssertFalse(index.hasAccepted(id: "A", unit: "CVT", year: 2026, kind: .annual))
        XCTAssertFalse(index.hasAccepted(id: "A", unit: "HVCL", year: 2027, kind: .annual))
        XCTAssertFalse(index.hasAccepted(id: "A", unit: "HVCL", year: 2026, kind: .adhoc))
        let original = index.acceptedSubmission(sha256: Make.sha("a.xml"))
        XCTAssertEqual(original?.id, "A")
        XCTAssertEqual(original?.unit, "HVCL")
        XCTAssertEqual(original?.year, 2026)
        XCTAssertNil(index.acceptedSubmission(sha256: Make.sha("r.xml")))

        XCTAssertEqual(index.record(for: records[1].intakeKey), records[1])
        for record in records { XCTAssertTrue(index.isProcessed(record.intakeKey)) }
        XCTAssertFalse(index.isProcessed(IntakeKey(file: "r.xml", sha256: Make.sha("r.xml"), receivedEpoch: t0 + 2)))
        XCTAssertFalse(index.isProcessed(IntakeKey(file: "a.xml", sha256: Make.sha("other"), receivedEpoch: t0)))
        XCTAssertNil(index.record(for: IntakeKey(file: "r.xml", sha256: Make.sha("r.xml"), receivedEpoch: t0 + 2)),
                     "same name and bytes but another mtime is another intake")
        XCTAssertEqual(index.nextSequence, 4)
    }

    /// Intake's compact index keeps no records but answers every question intake asks.
    func testCompactIndexAnswersLikeTheFullOne() {
        let records = [
            Make.record(1, file: "a.xml", unit: "VCNS", id: "A", received: t0, completed: ["2.1.2"]),
            Make.record(2, file: "b.xml", unit: "VCNS", id: "B", supersedes: "A", received: t0 + 1),
            Make.record(3, file: "r.xml", outcome: .rejected, id: "R", received: t0 + 2),
            Make.record(4, file: "c.xml", unit: "KTXHS", id: "C", received: t0 + 3, completed: ["1.4"]),
        ]
        let full = LedgerIndex(records: records)
        let compact = LedgerIndex(records: records, retainingRecords: false)
        XCTAssertEqual(compact.records, [])
        XCTAssertEqual(compact.nextSequence, full.nextSequence)
        for year in 2026...2030 { XCTAssertEqual(compact.tasksCompleted(before: year), full.tasksCompleted(before: year), "\(year)") }
        XCTAssertEqual(compact.tasksCompleted(before: 2027), ["1.4"], "A's completion went with A when B superseded it")
        for id in ["A", "B", "R", "C", "X"] {
            XCTAssertEqual(compact.acceptedSHA256(forID: id), full.acceptedSHA256(forID: id), id)
            XCTAssertEqual(compact.hasAccepted(id: id, unit: "VCNS", year: 2026, kind: .annual),
                           full.hasAccepted(id: id, unit: "VCNS", year: 2026, kind: .annual), id)
        }
        for record in records {
            XCTAssertTrue(compact.isProcessed(record.intakeKey))
            XCTAssertEqual(compact.acceptedSubmission(sha256: record.receipt.sha256), full.acceptedSubmission(sha256: record.receipt.sha256))
        }
    }
}
