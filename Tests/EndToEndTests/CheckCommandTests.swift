import Foundation
import XCTest

/// `baocao check FILE [--json]`: the verdict in Vietnamese, §9's JSON, and the
/// same verdict ingest gives.
final class CheckCommandTests: XCTestCase {
    /// Every fixture: inbox, invalid, valid encodings.
    private func allFixtures() throws -> [URL] {
        var urls: [URL] = []
        for folder in ["inbox-2026", "invalid", "valid-encodings"] {
            let dir = Baocao.fixtures.appendingPathComponent(folder)
            urls += try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
                .filter { !$0.hasSuffix(".tsv") }.map { dir.appendingPathComponent($0) }
        }
        urls.append(Baocao.fixtures.appendingPathComponent("sample-report.xml"))
        return urls
    }

    /// A copy of `source` in the workspace, received on time unless told.
    private func staged(_ source: URL, in space: Workspace, received: String = "2026-11-10T09:00:00+07:00") throws -> URL {
        let copy = space.root.appendingPathComponent(source.lastPathComponent)
        try? FileManager.default.removeItem(at: copy)
        try FileManager.default.copyItem(at: source, to: copy)
        try Workspace.setReceived(copy, received)
        return copy
    }

    func testCheckPrintsAReadableVietnameseVerdictForEveryFixture() throws {
        let space = try Workspace()
        try space.installSampleKeyring()
        for source in try allFixtures() {
            let copy = try staged(source, in: space)
            let run = try space.run(["check", copy.path, "--keys", space.keys.path, "--store", space.store.path])
            XCTAssertTrue([0, 1].contains(run.status), "\(source.lastPathComponent): \(run.summary)")
            XCTAssertTrue(run.stdout.contains("Kết quả"), "\(source.lastPathComponent): no verdict (\"Kết quả\") in\n\(run.stdout)")
            let verdict = run.status == 0 ? "Đã tiếp nhận" : "từ chối"
            XCTAssertTrue(run.stdout.lowercased().contains(verdict.lowercased()),
                          "\(source.lastPathComponent): expected \"\(verdict)\" in\n\(run.stdout)")
        }
    }

    func testCheckJSONHasTheFieldsOfSection9() throws {
        let space = try Workspace()
        try space.installSampleKeyring()
        let picks = ["inbox-2026/CVT-2026.zip", "inbox-2026/KTXHS-2026.xml", "invalid/SCHEMA_INVALID.xml",
                     "invalid/BUNDLE_CORRUPT.zip", "invalid/LATE.xml", "invalid/XML_MALFORMED.xml"]
        let resultFields = ["file", "sha256", "outcome", "unit", "year", "kind", "id", "received", "late", "supersedes", "diagnostics"]
        let diagnosticFields = ["code", "severity", "file", "line", "column", "message"]
        for pick in picks {
            let copy = try staged(Baocao.fixtures.appendingPathComponent(pick), in: space,
                                  received: pick.hasSuffix("LATE.xml") ? "2026-11-16T08:05:00+07:00" : "2026-11-10T09:00:00+07:00")
            let run = try space.run(["check", copy.path, "--json", "--keys", space.keys.path, "--store", space.store.path])
            let object = try run.json()
            let list = object["results"] as? [[String: Any]] ?? []
            XCTAssertEqual(list.count, 1, "\(pick): one result")
            guard let result = list.first else { continue }
            for field in resultFields {
                XCTAssertTrue(result.keys.contains(field), "\(pick): results[].\(field) missing in \(result.keys.sorted())")
            }
            XCTAssertEqual(result["file"] as? String, copy.lastPathComponent, pick)
            let sha = result["sha256"] as? String ?? ""
            XCTAssertNotNil(sha.range(of: "^[0-9a-f]{64}$", options: .regularExpression), "\(pick): sha256 \(sha)")
            if let expected = try sha256(of: copy) { XCTAssertEqual(sha, expected, "\(pick): sha256 of the file's bytes") }
            XCTAssertTrue(["accepted", "duplicate", "rejected"].contains(result["outcome"] as? String ?? ""), pick)
            let received = result["received"] as? String ?? ""
            XCTAssertNotNil(received.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$"#, options: .regularExpression),
                            "\(pick): received \(received) is ISO 8601 with +07:00")
            XCTAssertNotNil(result["late"] as? Bool, "\(pick): late is a boolean")
            if pick.hasPrefix("inbox-2026") || pick.hasSuffix("LATE.xml") {
                XCTAssertEqual(result["year"] as? Int, 2026, pick)
                XCTAssertEqual(result["kind"] as? String, "annual", pick)
                XCTAssertNotNil(result["unit"] as? String, pick)
                XCTAssertNotNil(result["id"] as? String, pick)
                XCTAssertTrue(result["supersedes"] is NSNull, "\(pick): supersedes null when there is none")
            }
            if pick.hasSuffix("BUNDLE_CORRUPT.zip") {
                for field in ["unit", "year", "kind", "id"] {
                    XCTAssertTrue(result[field] is NSNull, "\(pick): \(field) is null where unreadable")
                }
            }
            for d in result["diagnostics"] as? [[String: Any]] ?? [] {
                for field in diagnosticFields {
                    XCTAssertTrue(d.keys.contains(field), "\(pick): diagnostics[].\(field) missing in \(d.keys.sorted())")
                }
                XCTAssertTrue(["error", "warning"].contains(d["severity"] as? String ?? ""), "\(pick): severity")
            }
        }
    }

    /// check and ingest give the same verdict on every invalid input that does not need the store.
    func testCheckAgreesWithExpectedOnEveryInvalidFixture() throws {
        for row in try ExpectedRow.all() where row.prerequisite.isEmpty {
            let space = try Workspace()
            try space.installSampleKeyring()
            let copy = try staged(Baocao.fixtures.appendingPathComponent("invalid/\(row.file)"), in: space, received: row.received)
            let run = try space.run(["check", copy.path, "--json", "--keys", space.keys.path, "--store", space.store.path])
            XCTAssertEqual(run.status, row.outcome == "rejected" ? 1 : 0, "\(row): \(run.summary)")
            guard let result = results(try run.json()).first else { XCTFail("\(row): no result"); continue }
            XCTAssertEqual(result.outcome, row.outcome, "\(row): \(result.diagnostics)")
            XCTAssertTrue(result.diagnostics.contains(where: row.matches), "\(row): got \(result.diagnostics)")
        }
    }

    func testValidEncodingsAreAccepted() throws {
        let folder = Baocao.fixtures.appendingPathComponent("valid-encodings")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
            let space = try Workspace()
            try space.drop(folder.appendingPathComponent(name), received: "2026-11-10T09:00:00+07:00")
            let run = try space.ingest()
            XCTAssertEqual(run.status, 0, "\(name): \(run.summary)")
            let result = results(try run.json()).first
            XCTAssertEqual(result?.outcome, "accepted", "\(name): \(result?.diagnostics ?? [])")
            XCTAssertEqual(result?.codes ?? ["?"], [], "\(name): \(result?.diagnostics ?? [])")
            XCTAssertEqual(result?.unit, "HVCL", name)
            // Stored text is NFC: the preparer's name is found composed, never decomposed
            // (compared as bytes: Swift's String equality would not tell NFC from NFD).
            let composed = Data("Nguyễn Thị Thu Hà".precomposedStringWithCanonicalMapping.utf8)
            let decomposed = Data("Nguyễn Thị Thu Hà".decomposedStringWithCanonicalMapping.utf8)
            let stored = storedJSON(in: space.store)
            let hasNFC = stored.contains { $0.range(of: composed) != nil }
            let hasNFD = stored.contains { $0.range(of: decomposed) != nil }
            if hasNFC || hasNFD {
                XCTAssertTrue(hasNFC, "\(name): the preparer's name is not stored in NFC")
                XCTAssertFalse(hasNFD, "\(name): decomposed (NFD) text in the store")
            }
        }
    }

    /// The JSON the store keeps about reports (not the originals, kept byte for byte).
    private func storedJSON(in store: URL) -> [Data] {
        guard let walker = FileManager.default.enumerator(atPath: store.path) else { return [] }
        var texts: [Data] = []
        for case let path as String in walker where path.hasSuffix(".json") && !path.hasPrefix("originals") && !path.hasPrefix("quarantine") {
            if let data = FileManager.default.contents(atPath: store.appendingPathComponent(path).path) {
                texts.append(data)
            }
        }
        return texts
    }

    private func sha256(of url: URL) throws -> String? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sha256sum") else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: " ").first.map(String.init)
    }

    /// A schema finding reads as plain Vietnamese where the clerk reads (in
    /// the form's names of the fields, as the letters say it): which field,
    /// what is wrong, what is expected; libxml2's English stays in `message_en`.
    func testSchemaFindingsAreSaidInVietnamese() throws {
        let space = try Workspace()
        try space.installSampleKeyring()
        let sample = try String(contentsOf: Baocao.fixtures.appendingPathComponent("inbox-2026/CDSQG-2026.xml"), encoding: .utf8)
        func replacingFirst(_ old: String, _ new: String) -> String {
            guard let range = sample.range(of: old) else { XCTFail("\(old) not in the sample"); return sample }
            return sample.replacingCharacters(in: range, with: new)
        }
        let responsible = try XCTUnwrap(sample.range(of: "<responsible>[^<]*</responsible>", options: .regularExpression))
        let cases: [(name: String, xml: String, says: [String])] = [
            ("blank", sample.replacingCharacters(in: responsible, with: "<responsible>   </responsible>"),
             ["mục «cá nhân chủ trì» không được để trống"]),
            ("missing", sample.replacingCharacters(in: responsible, with: ""),
             ["mục «kết quả theo tháng» không đúng chỗ", "cần mục «cá nhân chủ trì»"]),
            ("status", replacingFirst("status=\"behind-schedule\"", "status=\"xong\""),
             ["thông tin «trạng thái» của mục «nhiệm vụ»", "«xong»", "completed, on-schedule, behind-schedule, not-started"]),
            ("progress", replacingFirst("progress=\"85\"", "progress=\"185\""), ["«tiến độ»", "lớn hơn mức tối đa cho phép là 100"]),
            ("month", replacingFirst("month=\"2026-02\"", "month=\"2026-13\""), ["thông tin «tháng»", "dạng NNNN-TT", "«2026-13»"]),
            ("year", replacingFirst(" year=\"2026\"", ""), ["mục «báo cáo» thiếu thông tin bắt buộc «năm»"]),
            ("namespace", sample.replacingOccurrences(of: "urn:baocao:unit-report:1", with: "urn:other"),
             ["không phải báo cáo theo mẫu"]),
        ]
        for (name, xml, says) in cases {
            let file = space.root.appendingPathComponent("\(name).xml")
            try xml.write(to: file, atomically: true, encoding: .utf8)
            let run = try space.run(["check", file.path, "--json", "--keys", space.keys.path, "--store", space.store.path])
            let results = try run.json()["results"] as? [[String: Any]] ?? []
            let schema = (results.first?["diagnostics"] as? [[String: Any]] ?? []).filter { $0["code"] as? String == "SCHEMA_INVALID" }
            XCTAssertEqual(schema.count, 1, "\(name): one SCHEMA_INVALID in \(run.stdout)")
            let message = schema.first?["message"] as? String ?? ""
            for words in says { XCTAssertTrue(message.contains(words), "\(name): \"\(words)\" not in: \(message)") }
            for english in ["Element '", "facet", "not expected", "is required", "pattern"] {
                XCTAssertFalse(message.contains(english), "\(name): English in the Vietnamese message: \(message)")
            }
            XCTAssertTrue((schema.first?["message_en"] as? String ?? "").contains("Element '"), "\(name): libxml2's words kept in English")
        }
    }
}
