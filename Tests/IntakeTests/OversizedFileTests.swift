import Foundation
import Intake
import ReportModel
import SystemKit
import XCTest

/// A file past the size limit is refused without being read into memory,
/// and its receipt still carries its SHA-256.
final class OversizedFileTests: XCTestCase {
    func testPastTheLimitIsRefusedUnreadWithItsIdentity() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("big-\(UUID().uuidString).xml")
        let bytes = Data(("<r>" + String(repeating: "a", count: 3000) + "</r>").utf8)
        try bytes.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }

        let checker = SubmissionChecker(resources: try IntakeResources.load(), keyring: Keyring(keys: [:]),
                                        limits: BundleLimits(maxTotalUncompressed: 1024))
        XCTAssertTrue(checker.isOversized(Int64(bytes.count)))
        XCTAssertFalse(checker.isOversized(1024))
        let file = try IncomingFile(name: "big.xml", oversized: try OpenFile.reading(url.path), size: Int64(bytes.count), received: Date())
        XCTAssertEqual(file.sha256, SHA256Hex.of(bytes))
        XCTAssertEqual(file.kind, .xml)

        let verdict = checker.check(file, history: nil)
        XCTAssertEqual(verdict.outcome, .rejected)
        XCTAssertEqual(verdict.receipt.diagnostics.map(\.code), [.bundleLimit])
        XCTAssertEqual(verdict.receipt.diagnostics.first?.location.file, "big.xml")
        XCTAssertEqual(verdict.receipt.sha256, SHA256Hex.of(bytes))
    }
}
