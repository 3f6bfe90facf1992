import Foundation
import ReportModel
import Store
import XCTest

/// Two `baocao ingest` processes on one inbox and store: the store lock
/// serialises them, so every file is taken exactly once.
final class ConcurrentIngestTests: XCTestCase {
    func testTwoIngestsAtOnceTakeEveryFileExactlyOnce() throws {
        for round in 0..<3 {
            let ws = try Workspace("concurrent-\(round)")
            defer { ws.remove() }
            var names: [String] = []
            for i in 0..<20 {
                let name = String(format: "HVCL-%02d.xml", i)
                names.append(name)
                // A few byte-identical copies: still one record per file.
                let bytes = i % 7 == 6 ? Sample.report(id: "HVCL-C-\(i - 1)", trainees: 100 + i - 1) : Sample.report(id: "HVCL-C-\(i)", trainees: 100 + i)
                try ws.drop(name, bytes, received: Instant.early(i))
            }

            let outputs = [UUID(), UUID()].map { FileManager.default.temporaryDirectory.appendingPathComponent("baocao-concurrent-\($0.uuidString).json") }
            defer { for url in outputs { try? FileManager.default.removeItem(at: url) } }
            var processes: [Process] = []
            for url in outputs {
                _ = FileManager.default.createFile(atPath: url.path, contents: nil)
                let process = Process()
                process.executableURL = try Binary.locate()
                process.arguments = Binary.ingestArguments(ws, json: true)
                process.standardOutput = try FileHandle(forWritingTo: url)
                process.standardError = FileHandle.nullDevice
                processes.append(process)
            }
            for process in processes { try process.run() }
            for process in processes { process.waitUntilExit() }
            for process in processes {
                XCTAssertEqual(process.terminationReason, .exit)
                XCTAssertEqual(process.terminationStatus, 0, "both runs succeed")
            }

            let printed = try outputs.map { try Binary.results(try Data(contentsOf: $0)).map(\.file) }
            XCTAssertEqual((printed[0] + printed[1]).sorted(), names, "each file reported by exactly one of the two runs")
            XCTAssertTrue(Set(printed[0]).isDisjoint(with: printed[1]))

            let ledger = try ws.ledger()
            XCTAssertEqual(ledger.map(\.receipt.file).sorted(), names, "every file exactly once in the ledger")
            XCTAssertEqual(ledger.map(\.sequence), Array(1...20))
            XCTAssertEqual(ledger.filter { $0.receipt.outcome == .duplicate }.map(\.receipt.file), ["HVCL-06.xml", "HVCL-13.xml"])
            XCTAssertEqual(ledger.filter { $0.receipt.outcome == .accepted }.count, 18)
            XCTAssertEqual(ws.inboxNames, [])
        }
    }
}
