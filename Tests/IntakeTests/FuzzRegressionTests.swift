import Foundation
import Intake
import ReportModel
import XCTest

/// Every input the fuzzer ever crashed on (Fuzz/regressions), its seed
/// corpus and the fixtures, through `check`'s path: each gets a verdict, a
/// refusal always names an error, and narratives parsed as stand-ins
/// (`UnreadText`) change no receipt.
final class FuzzRegressionTests: XCTestCase {
    func testEveryRegressionAndSeedGetsAVerdict() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let resources = try IntakeResources.load()
        let limits = BundleLimits(maxEntries: 64, maxTotalUncompressed: 4 << 20, maxRatio: 100)
        let checker = SubmissionChecker(resources: resources, keyring: Keyring(keys: [:]), limits: limits)
        let plainChecker = SubmissionChecker(resources: resources, keyring: Keyring(keys: [:]), limits: limits, standsInForNarratives: false)
        var count = 0
        var stoodIn = 0
        for folder in ["Fuzz/regressions", "Fuzz/seeds", "Fixtures/invalid", "Fixtures/inbox-2026", "Fixtures/valid-encodings",
                       "Fixtures/corrections-2026", "Fixtures/plans-2026"] {
            let url = root.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() where !name.hasPrefix(".") {
                let bytes = try Data(contentsOf: url.appendingPathComponent(name))
                let file = IncomingFile(name: name, bytes: bytes, received: Date(timeIntervalSince1970: 1_794_279_600))
                let verdict = checker.check(file, history: NoHistory())
                XCTAssertTrue(verdict.outcome == .accepted || verdict.receipt.diagnostics.hasErrors, "\(folder)/\(name)")
                XCTAssertEqual(plainChecker.check(file, history: NoHistory()).receipt, verdict.receipt, "\(folder)/\(name)")
                if verdict.report.map({ !$0.tasks.flatMap(\.results).isEmpty }) ?? false { stoodIn += 1 }
                count += 1
            }
        }
        XCTAssertGreaterThan(count, 0, "the seed corpus is committed")
        XCTAssertGreaterThan(stoodIn, 10, "accepted reports with narratives were among them")
    }
}
