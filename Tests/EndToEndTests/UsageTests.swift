import Foundation
import XCTest

/// Bad usage exits 2, and changes nothing (§8).
final class UsageTests: XCTestCase {
    func testBadUsageExitsTwo() throws {
        let space = try Workspace()
        let cases: [[String]] = [
            ["status"],                                                    // no --year
            ["status", "--year", "2026", "--as-of", "2026-13-01"],         // no month 13
            ["status", "--year", "2026", "--as-of", "2026-02-30"],         // no 30 February
            ["status", "--year", "2026", "--as-of", "01/12/2026"],         // not YYYY-MM-DD
            ["status", "--year", "năm nay"],
            ["status", "--year", "2031"],                                  // outside the plan
            ["ingest", "--inbox", space.root.appendingPathComponent("no-such-inbox").path,
             "--store", space.store.path, "--outbox", space.outbox.path],
            ["check"],                                                     // no FILE
            ["check", space.root.appendingPathComponent("no-such-file.xml").path],
            ["template", "--unit", "SKHCN-HN", "--year", "2026"],          // not a unit of the registry
            ["template", "--year", "2026"],
            ["keygen"],
            ["pack", "--out", space.root.appendingPathComponent("x.zip").path],
            ["no-such-command"],
        ]
        for arguments in cases {
            let run = try space.run(arguments)
            XCTAssertEqual(run.status, 2, run.summary)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: space.store.path), "bad usage created the store")
        XCTAssertFalse(FileManager.default.fileExists(atPath: space.outbox.path), "bad usage created the outbox")
    }

    func testHelpExitsZero() throws {
        let space = try Workspace()
        for command in ["ingest", "check", "status", "template", "keygen", "pack"] {
            let run = try space.run([command, "--help"])
            XCTAssertEqual(run.status, 0, run.summary)
            XCTAssertTrue(run.stdout.contains("USAGE"), run.summary)
        }
    }
}

extension UsageTests {
    /// Says which binary the end-to-end tests run (in the test log).
    func testTheBinaryIsFound() throws {
        let url = try Baocao.executable()
        print("EndToEndTests run \(url.path)")
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: url.path))
    }
}
