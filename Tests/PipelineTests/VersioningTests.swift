import Consolidation
import Foundation
import Intake
import Pipeline
import ReportModel
import Store
import XCTest

/// §7 outcomes of re-sent, conflicting, superseding and late submissions,
/// each checked in process (IngestRun) and through the real `baocao` binary.
final class VersioningTests: XCTestCase {
    private var workspaces: [Workspace] = []

    override func tearDown() {
        for ws in workspaces { ws.remove() }
        workspaces = []
    }

    private func workspace(_ label: String, _ runner: Runner) throws -> Workspace {
        let ws = try Workspace("\(label)-\(runner.rawValue)")
        workspaces.append(ws)
        return ws
    }

    private func status(_ ws: Workspace, via runner: Runner) throws -> ReportingStatus {
        switch runner {
        case .inProcess:
            let index = try SubmissionStore.openForReading(at: ws.store).index
            return ReportingStatus(plan: Ingest.resources.plan, index: index, year: 2026, asOf: CalendarDate(year: 2026, month: 12, day: 1))
        case .binary:
            let result = try Binary.run(["status", "--json", "--year", "2026", "--as-of", "2026-12-01", "--store", ws.store.path])
            XCTAssertEqual(result.status, 0, "baocao status: \(result.stderr)")
            return try JSONDecoder().decode(ReportingStatus.self, from: result.stdout)
        }
    }

    // MARK: duplicate

    func testByteIdenticalRedropIsDuplicateAndChangesNothing() throws {
        for runner in Runner.allCases {
            let ws = try workspace("duplicate", runner)
            let bytes = Sample.report(id: "HVCL-2026-A")
            try ws.drop("HVCL-2026.xml", bytes, received: Instant.early(0))
            let first = try Ingest.run(ws, via: runner)
            XCTAssertEqual(first.map(\.outcome), [.accepted], "\(runner)")
            let originals = Workspace.snapshot(ws.store.appendingPathComponent("originals"))
            let effective = try ws.index().effective(year: 2026)

            // The same name again, later; and the same bytes under another name.
            try ws.drop("HVCL-2026.xml", bytes, received: Instant.early(60))
            try ws.drop("HVCL-2026 (gửi lại).xml", bytes, received: Instant.early(61))
            let again = try Ingest.run(ws, via: runner)
            XCTAssertEqual(again.map(\.outcome), [.duplicate, .duplicate], "\(runner)")
            for receipt in again {
                XCTAssertEqual(receipt.id, "HVCL-2026-A")
                XCTAssertEqual(receipt.sha256, first[0].sha256)
                XCTAssertEqual(receipt.diagnostics, [], "a duplicate carries no diagnostics (\(runner))")
            }

            let ledger = try ws.ledger()
            XCTAssertEqual(ledger.map(\.receipt.outcome), [.accepted, .duplicate, .duplicate], "\(runner)")
            XCTAssertEqual(ledger.map(\.sequence), [1, 2, 3])
            XCTAssertEqual(ledger.map(\.receipt.file), ["HVCL-2026.xml", "HVCL-2026.xml", "HVCL-2026 (gửi lại).xml"])
            XCTAssertNil(ledger[1].kept)
            XCTAssertNil(ledger[2].kept)
            XCTAssertEqual(Workspace.snapshot(ws.store.appendingPathComponent("originals")), originals, "originals unchanged (\(runner))")
            XCTAssertFalse(FileManager.default.fileExists(atPath: ws.store.appendingPathComponent("quarantine").path))
            XCTAssertEqual(try ws.index().effective(year: 2026), effective, "the effective report is still the first (\(runner))")
            XCTAssertEqual(ws.inboxNames, [])
            // The copy under another name has its own receipt in the outbox, saying duplicate.
            let copy = ws.outbox.appendingPathComponent("receipts/HVCL-2026 (gửi lại).xml.\(first[0].sha256.prefix(12)).json")
            XCTAssertEqual(try JSONDecoder().decode(Receipt.self, from: Data(contentsOf: copy)).outcome, .duplicate, "\(runner)")
        }
    }

    // MARK: ID_CONFLICT

    func testSameIDWithOtherContentIsRejectedWithIDConflict() throws {
        for runner in Runner.allCases {
            let ws = try workspace("conflict", runner)
            try ws.drop("a.xml", Sample.report(id: "HVCL-2026-A", trainees: 198), received: Instant.early(0))
            try ws.drop("b.xml", Sample.report(id: "HVCL-2026-A", trainees: 250), received: Instant.early(1))
            let receipts = try Ingest.run(ws, via: runner)
            XCTAssertEqual(receipts.map(\.outcome), [.accepted, .rejected], "\(runner)")
            XCTAssertEqual(receipts[1].codes.filter { $0 != "TASK_MISSING" }, ["ID_CONFLICT"], "\(runner)")
            XCTAssertEqual(receipts[1].diagnostics.first { $0.code == .idConflict }?.severity, .error)

            XCTAssertNotEqual(receipts[0].sha256, receipts[1].sha256)
            let quarantined = ws.layout.quarantine(receipts[1].sha256)
            XCTAssertEqual(try Data(contentsOf: quarantined.appendingPathComponent("b.xml")), Sample.report(id: "HVCL-2026-A", trainees: 250))
            XCTAssertTrue(FileManager.default.fileExists(atPath: quarantined.appendingPathComponent("b.xml.receipt.json").path))
            XCTAssertFalse(FileManager.default.fileExists(atPath: ws.layout.original(receipts[1].sha256).path), "\(runner)")
            XCTAssertEqual(try ws.index().effective(year: 2026)["HVCL"]?.receipt.sha256, receipts[0].sha256, "\(runner)")
            XCTAssertEqual(ws.inboxNames, [])
        }
    }

    // MARK: supersedes

    func testSupersedesReplacesTheEffectiveReport() throws {
        for runner in Runner.allCases {
            let ws = try workspace("supersedes", runner)
            try ws.drop("v1.xml", Sample.report(id: "HVCL-2026-v1", trainees: 198), received: Instant.early(0))
            let v1 = try Ingest.run(ws, via: runner)
            XCTAssertEqual(v1.map(\.outcome), [.accepted])
            XCTAssertEqual(try status(ws, via: runner).units.first { $0.unit == "HVCL" }?.submission, "HVCL-2026-v1")

            try ws.drop("v2.xml", Sample.report(id: "HVCL-2026-v2", supersedes: "HVCL-2026-v1", trainees: 240), received: Instant.early(30))
            let v2 = try Ingest.run(ws, via: runner)
            XCTAssertEqual(v2.map(\.outcome), [.accepted], "\(runner): \(v2.map(\.codes))")
            XCTAssertEqual(v2.first?.supersedes, "HVCL-2026-v1")
            XCTAssertEqual(v2.first?.codes.filter { $0 != "TASK_MISSING" }, [])

            let index = try ws.index()
            let first = try XCTUnwrap(index.records.first { $0.receipt.id == "HVCL-2026-v1" })
            let second = try XCTUnwrap(index.records.first { $0.receipt.id == "HVCL-2026-v2" })
            XCTAssertTrue(index.isSuperseded(first), "v1 is superseded (\(runner))")
            XCTAssertFalse(index.isSuperseded(second))
            XCTAssertEqual(index.effective(year: 2026)["HVCL"]?.receipt.id, "HVCL-2026-v2", "\(runner)")

            let board = try XCTUnwrap(try status(ws, via: runner).units.first { $0.unit == "HVCL" })
            XCTAssertEqual(board.submission, "HVCL-2026-v2", "status uses the new one (\(runner))")
            XCTAssertEqual(board.sha256, v2.first?.sha256)
            XCTAssertEqual(board.state.rawValue, "on-time")

            // A later, older-dated file still cannot bring v1 back: v1 stays superseded.
            try ws.drop("v1-again.xml", Sample.report(id: "HVCL-2026-v1", trainees: 198), received: Instant.early(40))
            XCTAssertEqual(try Ingest.run(ws, via: runner).map(\.outcome), [.duplicate], "\(runner)")
            XCTAssertEqual(try ws.index().effective(year: 2026)["HVCL"]?.receipt.id, "HVCL-2026-v2", "\(runner)")
            XCTAssertEqual(ws.inboxNames, [])
        }
    }

    func testSupersedesNamingNoAcceptedSubmissionIsRejected() throws {
        for runner in Runner.allCases {
            let ws = try workspace("supersedes-unknown", runner)
            try ws.drop("a.xml", Sample.report(id: "HVCL-2026-A"), received: Instant.early(0))
            try ws.drop("bad.xml", Sample.malformed("HVCL-2026-BAD"), received: Instant.early(1))
            try ws.drop("x.xml", Sample.report(id: "HVCL-2026-X", supersedes: "no-such-report", trainees: 300), received: Instant.early(2))
            try ws.drop("y.xml", Sample.report(id: "HVCL-2026-Y", supersedes: "HVCL-2026-BAD", trainees: 301), received: Instant.early(3))
            try ws.drop("z.xml", Sample.report(id: "HVCL-2026-Z", supersedes: "HVCL-2026-Z", trainees: 302), received: Instant.early(4))
            let receipts = try Ingest.run(ws, via: runner)
            XCTAssertEqual(receipts.map(\.file), ["a.xml", "bad.xml", "x.xml", "y.xml", "z.xml"])
            XCTAssertEqual(receipts.map(\.outcome), [.accepted, .rejected, .rejected, .rejected, .rejected], "\(runner)")
            XCTAssertEqual(receipts[1].codes, ["XML_MALFORMED"], "\(runner)")
            for receipt in receipts[2...] {
                XCTAssertEqual(receipt.codes.filter { $0 != "TASK_MISSING" }, ["SUPERSEDES_UNKNOWN"], "\(receipt.file) (\(runner))")
            }
            let index = try ws.index()
            XCTAssertFalse(index.isSuperseded(index.records[0]), "a rejected report supersedes nothing (\(runner))")
            XCTAssertEqual(index.effective(year: 2026)["HVCL"]?.receipt.id, "HVCL-2026-A")
        }
    }

    // MARK: deadline

    func testDeadlineIsTheLastSecondOfFifteenNovember() throws {
        for runner in Runner.allCases {
            let onTime = try workspace("on-time", runner)
            try onTime.drop("HVCL.xml", Sample.report(id: "HVCL-2026-ontime"), received: Instant.at("2026-11-15T23:59:59+07:00"))
            let a = try XCTUnwrap(try Ingest.run(onTime, via: runner).first)
            XCTAssertEqual(a.outcome, .accepted, "\(runner)")
            XCTAssertFalse(a.late, "\(runner)")
            XCTAssertFalse(a.codes.contains("LATE"))
            XCTAssertEqual(a.received, "2026-11-15T23:59:59+07:00")
            XCTAssertEqual(try status(onTime, via: runner).units.first { $0.unit == "HVCL" }?.state.rawValue, "on-time")

            let late = try workspace("late", runner)
            try late.drop("HVCL.xml", Sample.report(id: "HVCL-2026-late"), received: Instant.at("2026-11-16T00:00:00+07:00"))
            let b = try XCTUnwrap(try Ingest.run(late, via: runner).first)
            XCTAssertEqual(b.outcome, .accepted, "late is a warning, not a rejection (\(runner))")
            XCTAssertTrue(b.late, "\(runner)")
            XCTAssertEqual(b.codes.filter { $0 != "TASK_MISSING" }, ["LATE"])
            XCTAssertEqual(b.diagnostics.first { $0.code == .late }?.severity, .warning)
            XCTAssertEqual(b.received, "2026-11-16T00:00:00+07:00")
            let board = try XCTUnwrap(try status(late, via: runner).units.first { $0.unit == "HVCL" })
            XCTAssertEqual(board.state.rawValue, "late")
            XCTAssertEqual(board.daysLate, 1)
            XCTAssertEqual(try late.ledger().first?.receipt.late, true)
        }
    }

    // MARK: crash points, simulated exactly

    /// Killed after the ledger commit but before the inbox unlink: the rerun
    /// finishes the file (same name, bytes and mtime), adding no record.
    func testRerunFinishesAFileWhoseOutcomeIsAlreadyDurable() throws {
        try checkFinish(clearingOutbox: false)
    }

    /// The same, when the outbox's receipts have gone meanwhile (delivered and
    /// cleared): the receipts written again are whole, diagnostics included.
    func testRerunFinishingAFileWritesItsWholeReceiptAgain() throws {
        try checkFinish(clearingOutbox: true)
    }

    private func checkFinish(clearingOutbox: Bool) throws {
        let ws = try workspace("finish-\(clearingOutbox)", .inProcess)
        let good = Sample.report(id: "HVCL-2026-A")
        let bad = Sample.malformed("B")
        try ws.drop("a.xml", good, received: Instant.early(0))
        try ws.drop("b.xml", bad, received: Instant.early(1))
        let first = try Ingest.inProcess(ws)
        XCTAssertEqual(first.map(\.outcome), [.accepted, .rejected])
        XCTAssertEqual(first.last?.codes, ["XML_MALFORMED"])
        let ledger = try ws.ledger()
        // Put both back exactly as they were: as if the unlinks never happened.
        try ws.drop("a.xml", good, received: Instant.early(0))
        try ws.drop("b.xml", bad, received: Instant.early(1))
        if clearingOutbox { try FileManager.default.removeItem(at: ws.outbox) }
        let second = try Ingest.inProcess(ws)
        XCTAssertEqual(second, first, "the same receipts, diagnostics included, not new outcomes")
        XCTAssertEqual(try ws.ledger(), ledger, "no record added")
        XCTAssertEqual(ws.inboxNames, [])
        for receipt in first {
            let url = ws.outbox.appendingPathComponent("receipts/\(receipt.file).\(receipt.sha256.prefix(12)).json")
            XCTAssertEqual(try JSONDecoder().decode(Receipt.self, from: Data(contentsOf: url)), receipt, "outbox receipt of \(receipt.file)")
        }
    }

    /// Killed while appending the ledger line: the torn tail is cut and the
    /// file, still in the inbox, is redone with the same outcome.
    func testRerunRedoesAFileWhoseLedgerLineIsTorn() throws {
        let ws = try workspace("torn", .inProcess)
        try ws.drop("a.xml", Sample.report(id: "HVCL-2026-A"), received: Instant.early(0))
        _ = try Ingest.inProcess(ws)
        let bytes = Sample.report(id: "HVCL-2026-B", supersedes: "HVCL-2026-A", trainees: 300)
        try ws.drop("b.xml", bytes, received: Instant.early(1))
        _ = try Ingest.inProcess(ws)
        let complete = try ws.ledger()
        XCTAssertEqual(complete.map(\.receipt.outcome), [.accepted, .accepted])

        // Tear the last line and put b.xml back.
        let data = try Data(contentsOf: ws.layout.ledger)
        let secondLine = data[..<data.index(before: data.endIndex)].lastIndex(of: 0x0A)! + 1
        try data.prefix(secondLine + (data.count - secondLine) / 2).write(to: ws.layout.ledger)
        XCTAssertEqual(try ws.ledger().count, 1)
        try ws.drop("b.xml", bytes, received: Instant.early(1))

        let redo = try Ingest.inProcess(ws)
        XCTAssertEqual(redo.map(\.outcome), [.accepted], "redone, not ID_CONFLICT or duplicate: \(redo.map(\.codes))")
        XCTAssertEqual(try ws.ledger(), complete)
        XCTAssertEqual(ws.inboxNames, [])
    }
}
