import Foundation
import XCTest

/// One failing input per diagnostic code (Fixtures/invalid, EXPECTED.tsv),
/// each ingested by the built binary into a fresh store, with the sample
/// keyring (CVT's key) in `--keys`.
final class DiagnosticCodeTests: XCTestCase {
    func testEveryCodeOfTheSpecHasAFixture() throws {
        let rows = try ExpectedRow.all()
        XCTAssertEqual(Set(rows.map(\.code)), Set(specCodes.keys), "EXPECTED.tsv must cover every code of §7, and no other")
        for row in rows {
            XCTAssertTrue(FileManager.default.fileExists(atPath: Baocao.fixtures.appendingPathComponent("invalid/\(row.file)").path), row.file)
            XCTAssertEqual(row.outcome, specCodes[row.code] == "warning" ? "accepted" : "rejected", row.description)
        }
    }

    func test_BUNDLE_CORRUPT() throws { try verify("BUNDLE_CORRUPT") }
    func test_BUNDLE_UNSAFE_PATH() throws { try verify("BUNDLE_UNSAFE_PATH") }
    func test_BUNDLE_LINK() throws { try verify("BUNDLE_LINK") }
    func test_BUNDLE_ENCRYPTED() throws { try verify("BUNDLE_ENCRYPTED") }
    func test_BUNDLE_DUPLICATE_ENTRY() throws { try verify("BUNDLE_DUPLICATE_ENTRY") }
    func test_BUNDLE_LIMIT() throws { try verify("BUNDLE_LIMIT") }
    func test_BUNDLE_NO_REPORT() throws { try verify("BUNDLE_NO_REPORT") }
    func test_MANIFEST_MISMATCH() throws { try verify("MANIFEST_MISMATCH") }
    func test_SIGNATURE_MISSING() throws { try verify("SIGNATURE_MISSING") }
    func test_SIGNATURE_INVALID() throws { try verify("SIGNATURE_INVALID") }
    func test_XML_MALFORMED() throws { try verify("XML_MALFORMED") }
    func test_XML_DTD() throws { try verify("XML_DTD") }
    func test_XML_ENCODING() throws { try verify("XML_ENCODING") }
    func test_SCHEMA_INVALID() throws { try verify("SCHEMA_INVALID") }
    func test_PLAN_MISMATCH() throws { try verify("PLAN_MISMATCH") }
    func test_UNIT_UNKNOWN() throws { try verify("UNIT_UNKNOWN") }
    func test_YEAR_OUT_OF_RANGE() throws { try verify("YEAR_OUT_OF_RANGE") }
    func test_TASK_UNKNOWN() throws { try verify("TASK_UNKNOWN") }
    func test_TASK_NOT_ASSIGNED() throws { try verify("TASK_NOT_ASSIGNED") }
    func test_TASK_DUPLICATE() throws { try verify("TASK_DUPLICATE") }
    func test_STATUS_INCONSISTENT() throws { try verify("STATUS_INCONSISTENT") }
    func test_MONTH_OUT_OF_YEAR() throws { try verify("MONTH_OUT_OF_YEAR") }
    func test_INDICATOR_UNKNOWN() throws { try verify("INDICATOR_UNKNOWN") }
    func test_ATTACHMENT_MISSING() throws { try verify("ATTACHMENT_MISSING") }
    func test_ID_CONFLICT() throws { try verify("ID_CONFLICT") }
    func test_SUPERSEDES_UNKNOWN() throws { try verify("SUPERSEDES_UNKNOWN") }
    func test_VALUE_TOO_LARGE() throws { try verify("VALUE_TOO_LARGE") }
    func test_LATE() throws { try verify("LATE") }
    func test_TEMPLATE_TEXT() throws { try verify("TEMPLATE_TEXT") }
    func test_TASK_MISSING() throws { try verify("TASK_MISSING") }

    /// Every row for `code`: prerequisite first (accepted), then the file.
    private func verify(_ code: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let rows = try ExpectedRow.all().filter { $0.code == code }
        XCTAssertFalse(rows.isEmpty, "no fixture for \(code)", file: file, line: line)
        for row in rows {
            try verify(row)
        }
    }

    private func verify(_ row: ExpectedRow) throws {
        let invalid = Baocao.fixtures.appendingPathComponent("invalid")
        let space = try Workspace()
        try space.installSampleKeyring()

        if !row.prerequisite.isEmpty {
            try space.drop(invalid.appendingPathComponent(row.prerequisite), received: ExpectedRow.prerequisiteReceived)
            let first = try space.ingest()
            XCTAssertEqual(first.status, 0, "prerequisite \(row.prerequisite): \(first.summary)")
            let r = results(try first.json())
            XCTAssertEqual(r.first?.outcome, "accepted", "prerequisite \(row.prerequisite) must be accepted: \(r.first?.diagnostics ?? [])")
        }

        let source = invalid.appendingPathComponent(row.file)
        let bytes = try Data(contentsOf: source)
        try space.drop(source, received: row.received)
        let run = try space.ingest()
        let all = results(try run.json())
        guard let result = all.first(where: { $0.file == row.file }) else {
            return XCTFail("\(row.file): no result in \(run.stdout)")
        }
        XCTAssertEqual(all.count, 1, "\(row.file): one file in, one result out")

        // outcome, exit status, the code where it belongs
        XCTAssertEqual(result.outcome, row.outcome, "\(row): \(result.diagnostics)")
        XCTAssertEqual(run.status, row.outcome == "rejected" ? 1 : 0, "\(row): exit status\n\(run.stderr)")
        XCTAssertTrue(result.diagnostics.contains(where: row.matches),
                      "\(row): expected \(row.code) at \(row.locationFile):\(row.line):\(row.column), got \(result.diagnostics)")
        for d in result.diagnostics {
            XCTAssertEqual(d.severity, specCodes[d.code], "\(row.file): severity of \(d)")
            XCTAssertFalse(d.message.trimmingCharacters(in: .whitespaces).isEmpty, "\(row.file): \(d.code) has no message")
        }
        if row.outcome == "accepted" {
            XCTAssertEqual(result.errors.count, 0, "\(row.file): accepted with a warning only, got \(result.diagnostics)")
            XCTAssertEqual(Set(result.codes), [row.code], "\(row.file): only \(row.code) expected, got \(result.diagnostics)")
        }
        XCTAssertEqual(result.late, row.code == "LATE", "\(row.file): late flag")
        XCTAssertEqual(result.received, row.received, "\(row.file): received is the file's mtime, +07:00")

        guard let sha = result.sha256 else { return XCTFail("\(row.file): no sha256") }
        XCTAssertEqual(sha.count, 64, "\(row.file): sha256 \(sha)")
        try assertReceipts(in: space, sha: sha, file: row.file)
        if row.outcome == "rejected" {
            try assertQuarantined(in: space, sha: sha, bytes: bytes, file: row.file)
        }
    }

    /// A machine receipt (.json, for this file's sha256) and a person's (.txt) in OUTBOX/receipts/.
    private func assertReceipts(in space: Workspace, sha: String, file: String) throws {
        let folder = space.outbox.appendingPathComponent("receipts")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let json = names.filter { $0.hasSuffix(".json") }.filter { name in
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return false }
            return object["sha256"] as? String == sha
        }
        XCTAssertEqual(json.count, 1, "\(file): one .json receipt for \(sha) in \(names)")
        let text = names.filter { $0.hasSuffix(".txt") }.filter { name in
            (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))?.contains(sha) ?? false
        }
        XCTAssertEqual(text.count, 1, "\(file): one .txt receipt naming \(sha) in \(names)")
    }

    /// The rejected bytes kept in STORE/quarantine/<sha256>/ beside NAME.receipt.json.
    private func assertQuarantined(in space: Workspace, sha: String, bytes: Data, file: String) throws {
        let folder = space.store.appendingPathComponent("quarantine/\(sha)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        XCTAssertTrue(names.contains { $0.hasSuffix(".receipt.json") }, "\(file): quarantine/\(sha)/NAME.receipt.json missing (found \(names))")
        let kept = names.filter { !$0.hasSuffix(".receipt.json") && !$0.hasSuffix(".receipt.txt") }.contains { name in
            FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) == bytes
        }
        XCTAssertTrue(kept, "\(file): the rejected bytes are not in quarantine/\(sha)/ (found \(names))")
    }
}
