import Consolidation
import Foundation
import Intake
import Pipeline
import ReportModel
import Store
import XCTest

/// Reports taken in by the real `IngestRun` (as `baocao ingest` does), then
/// consolidated: what the ledger records about completion carries to the next year.
final class IngestedStoreTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("baocao-ingested-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Inbox"), withIntermediateDirectories: true)
    }

    override func tearDown() {
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    private func drop(_ report: Report, received: String) throws {
        let url = root.appendingPathComponent("Inbox").appendingPathComponent("\(report.id).xml")
        try ReportXML.encode(report).write(to: url)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: TimeInterval(DiskStore.epoch(received)))],
                                              ofItemAtPath: url.path)
    }

    private func ingest() throws -> [Receipt] {
        let resources = try IntakeResources.load()
        let run = IngestRun(checker: SubmissionChecker(resources: resources, keyring: Keyring(keys: [:])),
                            storeRoot: root.appendingPathComponent("Store"),
                            receipts: ReceiptWriter(outbox: root.appendingPathComponent("Outbox")))
        let inbox = root.appendingPathComponent("Inbox")
        final class Box: @unchecked Sendable { var result: Result<[Receipt], Error>? }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                var receipts: [Receipt] = []
                _ = try await run.run(inbox: inbox, each: { receipts.append($0) })
                box.result = .success(receipts)
            } catch {
                box.result = .failure(error)
            }
            done.signal()
        }
        done.wait()
        return try box.result!.get()
    }

    /// VTF, the lead of the one-off 2.2.2 (by 2026-04), reports it behind
    /// schedule; CVT, a coordinating unit of 2.2.2, reports its own share
    /// completed. The task is not completed: in 2027 it is still due, VTF
    /// must still report, and it is overdue.
    func testCoordinatingUnitsCompletedShareDoesNotCompleteTheTask() throws {
        typealias F = DocumentFixture
        try drop(F.report("VTF", 2026, id: "VTF-2026", [F.task("2.2.2", .behindSchedule, 50)]), received: "2026-11-10T08:00:00+07:00")
        try drop(F.report("CVT", 2026, id: "CVT-2026", [
            F.task("2.2.1", .onSchedule, 60),
            F.task("2.2.2", .completed, 100, role: .coordinating),
        ]), received: "2026-11-11T08:00:00+07:00")
        let receipts = try ingest()
        XCTAssertEqual(receipts.map(\.outcome), [.accepted, .accepted], "\(receipts.map(\.diagnostics))")

        let store = try SubmissionStore.openForReading(at: root.appendingPathComponent("Store"))
        let merge = ShippedPlan.merge(store)
        let year2026 = try merge.merge(year: 2026, asOf: CalendarDate(year: 2026, month: 12, day: 1))
        XCTAssertEqual(year2026.task("2.2.2")?.status.rawValue, "behind-schedule", "the lead's word")
        XCTAssertEqual(year2026.task("2.2.2")?.overdue, true)

        XCTAssertFalse(store.index.tasksCompleted(before: 2027).contains("2.2.2"),
                       "only the lead's report can complete a task (ledger completedTasks: \(store.index.records.map(\.completedTasks)))")
        let year2027 = try merge.merge(year: 2027, asOf: CalendarDate(year: 2027, month: 12, day: 1))
        let task = try XCTUnwrap(year2027.task("2.2.2"))
        XCTAssertTrue(task.due)
        XCTAssertEqual(task.status.rawValue, "not-reported")
        XCTAssertTrue(task.overdue)
        XCTAssertEqual(year2027.reporting.first { $0.unit == "VTF" }?.state.rawValue, "missing", "VTF must still report in 2027")
    }

    /// The lead's own "completed" does close a one-off task for later years.
    func testLeadsCompletedClosesTheOneOffTask() throws {
        typealias F = DocumentFixture
        try drop(F.report("VTF", 2026, id: "VTF-2026", [F.task("2.2.2", .completed, 100)]), received: "2026-11-10T08:00:00+07:00")
        XCTAssertEqual(try ingest().map(\.outcome), [.accepted])
        let store = try SubmissionStore.openForReading(at: root.appendingPathComponent("Store"))
        let merge = ShippedPlan.merge(store)
        let year2027 = try merge.merge(year: 2027, asOf: CalendarDate(year: 2027, month: 12, day: 1))
        let task = try XCTUnwrap(year2027.task("2.2.2"))
        XCTAssertFalse(task.due)
        XCTAssertEqual(task.status.rawValue, "completed")
        XCTAssertEqual(task.sources, ["VTF-2026"])
        XCTAssertNil(year2027.reporting.first { $0.unit == "VTF" })
    }
}

private extension YearConsolidation {
    func task(_ code: String) -> TaskOutcome? { tasks.first { $0.code == code } }
}
