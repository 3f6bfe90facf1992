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
            XCTAssertTrue(run.stderr.unicodeScalars.contains { $0.value > 0x7F }, "said in Vietnamese too: \(run.summary)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: space.store.path), "bad usage created the store")
        XCTAssertFalse(FileManager.default.fileExists(atPath: space.outbox.path), "bad usage created the outbox")
    }

    /// The argument parser's own errors get a Vietnamese line first; its
    /// English message and the usage follow.
    func testParserErrorsAreSaidInVietnameseFirst() throws {
        let space = try Workspace()
        let cases: [([String], String)] = [
            (["status"], "thiếu «--year <year>», bắt buộc với lệnh này"),
            (["status", "--year"], "thiếu giá trị cho «--year <year>»"),
            (["status", "--year", "năm nay"], "giá trị «năm nay» không hợp lệ cho «--year <year>»"),
            (["consolidate", "--year", "2026", "--adhoc"], "không có tùy chọn «--adhoc»; có phải là «--as-of»?"),
            (["no-such-command"], "lệnh này không nhận «no-such-command»"),
        ]
        for (arguments, words) in cases {
            let run = try space.run(arguments)
            XCTAssertEqual(run.status, 2, run.summary)
            let lines = run.stderr.split(separator: "\n").map(String.init)
            XCTAssertEqual(lines.first, "baocao: lệnh chưa đúng cách dùng: \(words) (bad usage)", run.summary)
            XCTAssertTrue(lines.dropFirst().first?.hasPrefix("Error: ") == true, run.summary)
        }
        let own = try space.run(["status", "--year", "2026", "--as-of", "2026-02-30"])
        XCTAssertEqual(own.status, 2, own.summary)
        XCTAssertTrue(own.stderr.hasPrefix("baocao: lệnh chưa đúng cách dùng (bad usage)\nError: --as-of phải là một ngày có thật"), own.summary)
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
