import Foundation
import ReportModel
import Store
import XCTest

/// Two files refused with the same bytes under different names share one
/// quarantine folder, and each keeps its own receipt beside it.
final class QuarantineTests: XCTestCase {
    func testIdenticalRejectedBytesKeepEachNameWithItsReceipt() throws {
        let scratch = try Scratch("quarantine")
        defer { scratch.cleanUp() }
        let bytes = Data("<bad".utf8)
        let store = try SubmissionStore.openForWriting(at: scratch.url("store"))
        var receiptA = Make.receipt(file: "a.xml", outcome: .rejected)
        var receiptB = Make.receipt(file: "b.xml", outcome: .rejected)
        receiptB.sha256 = receiptA.sha256
        receiptA.received = "2026-11-10T10:00:00+07:00"
        receiptB.received = "2026-11-11T10:00:00+07:00"

        XCTAssertEqual(try store.keepRejected(.bytes(bytes, modified: 1), receipt: receiptA), "quarantine/\(receiptA.sha256)/a.xml")
        XCTAssertEqual(try store.keepRejected(.bytes(bytes, modified: 2), receipt: receiptB), "quarantine/\(receiptA.sha256)/b.xml")

        let folder = store.layout.quarantine(receiptA.sha256)
        for (name, receipt) in [("a.xml", receiptA), ("b.xml", receiptB)] {
            XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent(name)), bytes)
            let kept = try JSONDecoder().decode(Receipt.self, from: Data(contentsOf: folder.appendingPathComponent(name + ".receipt.json")))
            XCTAssertEqual(kept.file, name)
            XCTAssertEqual(kept.received, receipt.received)
        }
        // The receipt as text is the outbox's alone.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(),
                       ["a.xml", "a.xml.receipt.json", "b.xml", "b.xml.receipt.json"])
    }
}
