import Foundation
import Intake
import ReportModel
import XCTest

/// Every input the fuzzer ever crashed on (Fuzz/regressions), and its seed
/// corpus, through `check`'s path: each gets a verdict, and a refusal
/// always names an error.
final class FuzzRegressionTests: XCTestCase {
    func testEveryRegressionAndSeedGetsAVerdict() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let checker = SubmissionChecker(resources: try IntakeResources.load(), keyring: Keyring(keys: [:]),
                                        limits: BundleLimits(maxEntries: 64, maxTotalUncompressed: 4 << 20, maxRatio: 100))
        var count = 0
        for folder in ["Fuzz/regressions", "Fuzz/seeds"] {
            let url = root.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() where !name.hasPrefix(".") {
                let bytes = try Data(contentsOf: url.appendingPathComponent(name))
                let verdict = checker.check(IncomingFile(name: name, bytes: bytes, received: Date(timeIntervalSince1970: 1_794_279_600)),
                                            history: NoHistory())
                XCTAssertTrue(verdict.outcome == .accepted || verdict.receipt.diagnostics.hasErrors, "\(folder)/\(name)")
                count += 1
            }
        }
        XCTAssertGreaterThan(count, 0, "the seed corpus is committed")
    }
}
