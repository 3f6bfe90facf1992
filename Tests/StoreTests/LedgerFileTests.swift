import Foundation
import ReportModel
import Store
import XCTest

final class LedgerFileTests: XCTestCase {
    private var scratch: Scratch!
    private var url: URL { scratch.url("store/ledger.jsonl") }

    override func setUpWithError() throws { scratch = try Scratch("ledger") }
    override func tearDown() { scratch.cleanUp() }

    private var records: [LedgerRecord] {
        [
            Make.record(1, file: "HVCL-2026.xml", completed: ["2.3.8"]),
            Make.record(2, file: "bad.xml", outcome: .rejected, id: "x",
                        diagnostics: [Diagnostic(.xmlMalformed, at: SourceLocation(file: "bad.xml", line: 3, column: 7),
                                                 message: "Tệp XML không đúng cú pháp", english: "not well-formed")]),
            Make.record(3, file: "HVCL-2026 (copy).xml", outcome: .duplicate, id: "id-HVCL-2026.xml"),
        ]
    }

    func testMissingLedgerLoadsEmpty() throws {
        XCTAssertEqual(try LedgerFile(url: url).load(repair: true), [])
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path), "loading creates nothing")
    }

    func testAppendThenLoadRoundTrips() throws {
        let ledger = LedgerFile(url: url)
        try ledger.append(Array(records.prefix(1)))
        try ledger.append([])
        try ledger.append(Array(records.dropFirst()))
        XCTAssertEqual(try LedgerFile(url: url).load(repair: false), records)
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(text.split(separator: "\n", omittingEmptySubsequences: false).count, 4, "three lines, each ended by a newline")
        XCTAssertTrue(text.hasSuffix("\n"))
        // Vietnamese text survives as UTF-8.
        XCTAssertTrue(text.contains("Tệp XML không đúng cú pháp"))
    }

    func testAppendAfterReopenContinuesTheFile() throws {
        try LedgerFile(url: url).append(Array(records.prefix(2)))
        try LedgerFile(url: url).append(Array(records.suffix(1)))
        XCTAssertEqual(try LedgerFile(url: url).load(repair: false), records)
    }

    func testTornLastLineIsCutOnRepairAndEarlierRecordsSurvive() throws {
        try LedgerFile(url: url).append(Array(records.prefix(2)))
        let goodSize = try size()
        let third = try Make.line(records[2])
        try appendRaw(third.prefix(third.count / 2))
        XCTAssertGreaterThan(try size(), goodSize)

        // Reading without repair ignores the torn tail and changes nothing.
        XCTAssertEqual(try LedgerFile(url: url).load(repair: false), Array(records.prefix(2)))
        XCTAssertGreaterThan(try size(), goodSize)

        // Repair cuts exactly the torn tail.
        XCTAssertEqual(try LedgerFile(url: url).load(repair: true), Array(records.prefix(2)))
        XCTAssertEqual(try size(), goodSize)

        // The next append starts on a clean line.
        try LedgerFile(url: url).append([records[2]])
        XCTAssertEqual(try LedgerFile(url: url).load(repair: false), records)
    }

    func testCompleteJSONWithoutNewlineIsTreatedAsTorn() throws {
        try LedgerFile(url: url).append(Array(records.prefix(1)))
        let goodSize = try size()
        try appendRaw(try Make.line(records[1]).dropLast())
        XCTAssertEqual(try LedgerFile(url: url).load(repair: true), Array(records.prefix(1)))
        XCTAssertEqual(try size(), goodSize)
    }

    func testDamagedMiddleLineThrowsAndIsNotRepaired() throws {
        try LedgerFile(url: url).append(records)
        var lines = try Data(contentsOf: url).split(separator: 0x0A, omittingEmptySubsequences: false)
        lines[1] = lines[1].prefix(lines[1].count / 2)  // half a line, but followed by a newline and another record
        let damaged = Data(lines.joined(separator: [0x0A]))
        try damaged.write(to: url)
        for repair in [false, true] {
            XCTAssertThrowsError(try LedgerFile(url: url).load(repair: repair)) { error in
                guard case StoreError.damagedLedger(let line, _) = error else {
                    return XCTFail("expected damagedLedger, got \(error)")
                }
                XCTAssertEqual(line, 2)
            }
            XCTAssertEqual(try Data(contentsOf: url), damaged, "a damaged ledger is never cut or rewritten (repair: \(repair))")
        }
    }

    func testOpenForWritingCutsTornTailAndContinuesSequence() throws {
        let store = scratch.url("store")
        try LedgerFile(url: url).append(Array(records.prefix(2)))
        let goodSize = try size()
        try appendRaw(try Make.line(records[2]).prefix(40))
        do {
            let opened = try SubmissionStore.openForWriting(at: store)
            XCTAssertEqual(try size(), goodSize, "the torn tail is cut when the store is opened for writing")
            XCTAssertEqual(opened.index.nextSequence, 3)
            XCTAssertTrue(opened.index.isProcessed(records[0].intakeKey))
            XCTAssertTrue(opened.index.isProcessed(records[1].intakeKey))
            XCTAssertFalse(opened.index.isProcessed(records[2].intakeKey), "the torn record is not an outcome")
            XCTAssertEqual(opened.index.acceptedSHA256(forID: "id-HVCL-2026.xml"), Make.sha("HVCL-2026.xml"))
            XCTAssertEqual(try opened.ledgerRecord(for: records[1].intakeKey), records[1], "whole, diagnostics included, from disk")
            try opened.commit([records[2]])
        }
        XCTAssertEqual(try SubmissionStore.openForReading(at: store).index.records, records)
    }

    func testOpenForReadingAMissingStoreIsEmpty() throws {
        let index = try SubmissionStore.openForReading(at: scratch.url("nowhere")).index
        XCTAssertEqual(index.records, [])
        XCTAssertEqual(index.nextSequence, 1)
    }

    private func size() throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? -1
    }

    private func appendRaw(_ bytes: Data) throws {
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: bytes)
        try handle.close()
    }
}
