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
        XCTAssertEqual(try LedgerFile(url: url).load().records, [])
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path), "loading creates nothing")
    }

    func testAppendThenLoadRoundTrips() throws {
        let ledger = LedgerFile(url: url)
        try ledger.append(Array(records.prefix(1)))
        try ledger.append([])
        try ledger.append(Array(records.dropFirst()))
        XCTAssertEqual(try LedgerFile(url: url).load().records, records)
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(text.split(separator: "\n", omittingEmptySubsequences: false).count, 4, "three lines, each ended by a newline")
        XCTAssertTrue(text.hasSuffix("\n"))
        // Vietnamese text survives as UTF-8.
        XCTAssertTrue(text.contains("Tệp XML không đúng cú pháp"))
    }

    func testAppendAfterReopenContinuesTheFile() throws {
        try LedgerFile(url: url).append(Array(records.prefix(2)))
        try LedgerFile(url: url).append(Array(records.suffix(1)))
        XCTAssertEqual(try LedgerFile(url: url).load().records, records)
    }

    func testTornLastLineIsReportedNotCutByLoadingAndCutExactly() throws {
        try LedgerFile(url: url).append(Array(records.prefix(2)))
        let goodSize = try size()
        let third = try Make.line(records[2])
        try appendRaw(third.prefix(third.count / 2))

        // Loading reads the complete records and names the torn tail; it cuts nothing.
        let contents = try LedgerFile(url: url).load()
        XCTAssertEqual(contents.records, Array(records.prefix(2)))
        let torn = try XCTUnwrap(contents.torn)
        XCTAssertEqual(torn.offset, Int64(goodSize))
        XCTAssertEqual(torn.line, 3)
        XCTAssertGreaterThan(try size(), goodSize)

        try LedgerFile(url: url).cut(torn)
        XCTAssertEqual(try size(), goodSize)
        // The next append starts on a clean line.
        try LedgerFile(url: url).append([records[2]])
        XCTAssertEqual(try LedgerFile(url: url).load().records, records)
    }

    func testCompleteJSONWithoutNewlineIsTorn() throws {
        try LedgerFile(url: url).append(Array(records.prefix(1)))
        try appendRaw(try Make.line(records[1]).dropLast())
        let contents = try LedgerFile(url: url).load()
        XCTAssertEqual(contents.records, Array(records.prefix(1)))
        XCTAssertEqual(contents.torn?.file, "bad.xml", "the fragment names its input")
        XCTAssertEqual(contents.torn?.sha256, Make.sha("bad.xml"))
    }

    func testDamagedMiddleLineThrowsWithItsLineAndChangesNothing() throws {
        try LedgerFile(url: url).append(records)
        var lines = try Data(contentsOf: url).split(separator: 0x0A, omittingEmptySubsequences: false)
        lines[1] = lines[1].prefix(lines[1].count / 2)  // half a line, but followed by a newline and another record
        let damaged = Data(lines.joined(separator: [0x0A]))
        try damaged.write(to: url)
        XCTAssertThrowsError(try LedgerFile(url: url).load()) { error in
            guard let error = error as? StoreError, case .damagedLedger(let line, _) = error.kind else {
                return XCTFail("expected damagedLedger, got \(error)")
            }
            XCTAssertEqual(line, 2)
            XCTAssertFalse(error.vietnamese.contains("DecodingError"), error.vietnamese)
        }
        XCTAssertEqual(try Data(contentsOf: url), damaged, "a damaged ledger is never cut or rewritten")
    }

    /// A ledger long enough to be decoded on several cores reads back in
    /// order, and its first damaged line is the one named, wherever it
    /// falls (two damaged lines, each in its own core's share: the first).
    func testALongLedgerLoadsInOrderAndNamesItsFirstDamagedLine() throws {
        let many = (1...1_000).map { Make.record($0, file: "U\($0)-2026.xml") }
        try LedgerFile(url: url).append(many)
        XCTAssertEqual(try LedgerFile(url: url).load().records, many)
        XCTAssertEqual(try LedgerFile(url: url).load(after: LedgerFile(url: url).load().end).records, [])

        var lines = try Data(contentsOf: url).split(separator: 0x0A, omittingEmptySubsequences: false)
        lines[599] = lines[599].prefix(10)
        lines[399] = lines[399].prefix(10)
        try Data(lines.joined(separator: [0x0A])).write(to: url)
        XCTAssertThrowsError(try LedgerFile(url: url).load()) { error in
            guard let error = error as? StoreError, case .damagedLedger(let line, _) = error.kind else {
                return XCTFail("expected damagedLedger, got \(error)")
            }
            XCTAssertEqual(line, 400)
        }
    }

    func testALineCutFromTheMiddleIsAGap() throws {
        try LedgerFile(url: url).append(records)
        var lines = try Data(contentsOf: url).split(separator: 0x0A, omittingEmptySubsequences: true)
        lines.remove(at: 1)
        try Data((lines.joined(separator: [0x0A])) + [0x0A]).write(to: url)
        XCTAssertThrowsError(try LedgerFile(url: url).load()) { error in
            guard let error = error as? StoreError, case .ledgerGap(let line, let expected, let found) = error.kind else {
                return XCTFail("expected ledgerGap, got \(error)")
            }
            XCTAssertEqual([line, expected, found], [2, 2, 3])
        }
    }

    /// A torn tail whose input is still in the inbox was never committed: cut.
    func testOpenForWritingCutsATornTailWhoseInputIsInTheInbox() throws {
        let store = scratch.url("store")
        try LedgerFile(url: url).append(Array(records.prefix(2)))
        let goodSize = try size()
        try appendRaw(try Make.line(records[2]).prefix(200))
        do {
            let opened = try SubmissionStore.openForWriting(at: store, inInbox: { $0.file == records[2].receipt.file })
            XCTAssertEqual(try size(), goodSize, "the torn tail is cut when the store is opened for writing")
            XCTAssertEqual(opened.index.nextSequence, 3)
            XCTAssertTrue(opened.index.isProcessed(records[0].intakeKey))
            XCTAssertTrue(opened.index.isProcessed(records[1].intakeKey))
            XCTAssertFalse(opened.index.isProcessed(records[2].intakeKey), "the torn record is not an outcome")
            XCTAssertEqual(opened.index.acceptedSHA256(forID: "id-HVCL-2026.xml"), Make.sha("HVCL-2026.xml"))
            XCTAssertEqual(try opened.ledgerRecord(for: records[1].intakeKey), records[1], "whole, diagnostics included, from disk")
            try opened.commit([records[2]])
        }
        XCTAssertEqual(try LedgerFile(url: url).load().records, records)
    }

    /// A torn tail whose input has left the inbox may have been committed:
    /// never cut; the store refuses to open until it is repaired.
    func testOpenForWritingKeepsATornTailWhoseInputIsGone() throws {
        let store = scratch.url("store")
        try LedgerFile(url: url).append(Array(records.prefix(2)))
        try appendRaw(try Make.line(records[2]).prefix(200))
        let before = try Data(contentsOf: url)
        XCTAssertThrowsError(try SubmissionStore.openForWriting(at: store, inInbox: { _ in false })) { error in
            guard let error = error as? StoreError, case .tornLedger = error.kind else { return XCTFail("expected tornLedger, got \(error)") }
        }
        XCTAssertThrowsError(try SubmissionStore.openForReading(at: store))
        XCTAssertEqual(try Data(contentsOf: url), before, "nothing cut")
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

/// Ledger lines are written by hand: the bytes must be the encoder's.
final class LedgerLineTests: XCTestCase {
    func testLedgerLinesAreWrittenAsTheEncoderWritesThem() throws {
        let diagnostic = Diagnostic(.xmlMalformed, at: SourceLocation(file: "bad \"x\".xml", line: 3, column: nil),
                                    message: "Tệp XML không đúng cú pháp\n\t/", english: "not well-formed")
        var records = [
            Make.record(1, file: "HVCL-2026.xml", completed: ["2.3.8", "2.3.9"]),
            Make.record(2, file: "bad.xml", outcome: .rejected, unit: nil, year: nil, kind: nil, id: "x", diagnostics: [diagnostic]),
            Make.record(3, file: "HVCL-2026 (copy).xml", outcome: .duplicate, id: "id-HVCL-2026.xml", supersedes: "old"),
            Make.record(40_000, file: "KH.xml", kind: .plan, received: -5),
        ]
        records[0].receipt.channel = .portal
        records[0].receipt.account = "hvcl-vanthu"
        var reviewed = records[0]
        reviewed.receipt.review = ReviewState(state: .approved, at: "2026-11-20T09:00:00+07:00", by: "vu", reason: nil, resendBy: nil)
        for record in records + [reviewed] {
            XCTAssertEqual(String(decoding: record.jsonLine(), as: UTF8.self),
                           String(decoding: try JSONOutput.compact(record), as: UTF8.self))
        }
    }
}
