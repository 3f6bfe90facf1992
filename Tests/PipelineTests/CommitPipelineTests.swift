import Foundation
import Intake
@testable import Pipeline
import ReportModel
import Store
import XCTest

/// The session decides a batch while the one before it commits. A commit
/// that fails must take with it the batches decided after it (they counted
/// on its outcomes), and the next batch must be decided on the ledger alone.
final class CommitPipelineTests: XCTestCase {
    struct Injected: Error {}

    /// Upload A's commit fails after upload B was decided under the same
    /// lock, counting on A. Both fail; sent again, A is accepted (not a
    /// duplicate of an outcome that never reached the ledger), then B too,
    /// and the ledger holds exactly those two, numbered 1 and 2.
    func testAFailedCommitFailsTheBatchDecidedAfterItAndTheLedgerIsReadAgain() throws {
        let ws = try Workspace("commit-pipeline")
        defer { ws.remove() }
        let store = try SubmissionStore.openForWriting(at: ws.store)
        let session = IngestSession(checker: SubmissionChecker(resources: Ingest.resources, keyring: Keyring(keys: [:])),
                                    store: store, receipts: ReceiptWriter(outbox: ws.outbox))
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        session.commitFault = { batch in
            guard batch == 0 else { return }
            entered.signal()
            // Held until B is decided and kept, then failed.
            _ = release.wait(timeout: .now() + 30)
            throw Injected()
        }
        let uploads = ws.root.appendingPathComponent("uploads-test")
        try FileManager.default.createDirectory(at: uploads, withIntermediateDirectories: true)
        let reportA = Sample.report(id: "CP-A", trainees: 101)
        let reportB = Sample.report(id: "CP-B", trainees: 102)
        @Sendable func upload(_ name: String, _ bytes: Data, _ n: Int) async throws -> Taken {
            let path = uploads.appendingPathComponent("\(n)").path
            _ = FileManager.default.createFile(atPath: path, contents: bytes)
            return try await session.takeUpload(at: path, name: name, received: Instant.early(n), account: "hvcl", sender: .anyone)
        }

        let first = Task { try await upload("a.xml", reportA, 1) }
        XCTAssertEqual(entered.wait(timeout: .now() + 30), .success, "A's commit began")
        let second = Task { try await upload("b.xml", reportB, 2) }
        // B is decided and kept (its receipt is in the outbox) while A's commit waits.
        let deadline = Date().addingTimeInterval(30)
        while !Self.receipts(in: ws.outbox).contains(where: { $0.hasPrefix("b.xml.") }) && Date() < deadline { usleep(10_000) }
        XCTAssertTrue(Self.receipts(in: ws.outbox).contains { $0.hasPrefix("b.xml.") }, "B decided while A commits")
        release.signal()
        XCTAssertThrowsError(try Blocking.wait { try await first.value }) { XCTAssertTrue($0 is Injected, "A: \($0)") }
        XCTAssertThrowsError(try Blocking.wait { try await second.value }, "B counted on A's outcome") {
            XCTAssertTrue($0 is Injected, "B fails with A's error: \($0)")
        }
        XCTAssertEqual(try ws.ledger(), [], "nothing reached the ledger")

        let againA = try Blocking.wait { try await upload("a.xml", reportA, 3) }
        let againB = try Blocking.wait { try await upload("b.xml", reportB, 4) }
        guard case .taken(let receiptA) = againA, case .taken(let receiptB) = againB else {
            return XCTFail("both taken the second time: \(againA), \(againB)")
        }
        XCTAssertEqual(receiptA.outcome, .accepted, "not a duplicate of what never reached the ledger")
        XCTAssertEqual(receiptB.outcome, .accepted)
        let ledger = try ws.ledger()
        XCTAssertEqual(ledger.map(\.sequence), [1, 2])
        XCTAssertEqual(ledger.map(\.receipt.file), ["a.xml", "b.xml"])
        XCTAssertEqual(ledger.map(\.receipt.outcome), [.accepted, .accepted])
        // The store opens clean: every kept file has its line.
        XCTAssertNoThrow(try SubmissionStore.openForReading(at: ws.store))
    }

    static func receipts(in outbox: URL) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: outbox.appendingPathComponent("receipts").path)) ?? []
    }
}
