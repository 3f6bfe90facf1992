import Consolidation
import Foundation
import Intake
import Pipeline
import ReportModel
import Store
import XCTest

/// The documents the commands write, from a real store on disk: valid OOXML,
/// byte-identical on a rerun, Flat OPC beside them, §9's JSON, and the words
/// of an official Vietnamese document.
final class DocumentTests: XCTestCase {
    private var disk: DiskStore!
    private var store: SubmissionStore!

    override func setUpWithError() throws {
        disk = try DocumentFixture.make(name.filter { $0.isLetter || $0.isNumber })
        store = try disk.reader()
        try DocumentFixture.runAll(disk, store: store)
    }

    override func tearDown() {
        store = nil
        disk?.remove()
        disk = nil
    }

    private func outbox(_ relative: String) -> URL { disk.outbox.appendingPathComponent(relative) }

    private var expectedFiles: [String] {
        var names: [String] = []
        for base in ["2026/ministry-summary-2026", "2026/pm-report-2026", "2026/adhoc/adhoc-YC-2026-07-2026",
                     "2028/midterm-review-2028", "2030/final-review-2030"] {
            names += ["\(base).docx", "\(base).json", "\(base).xml"]
        }
        for unit in ["HTQT", "CDMST", "TTCNTT", "NAFOSTED", "NATIF"] {
            names += ["2026/reminders/reminder-\(unit)-2026.docx", "2026/reminders/reminder-\(unit)-2026.xml"]
        }
        // The units that reported, none with a detailed plan on file: a letter for the plan alone.
        for unit in ["KTXHS", "CDSQG", "CVT", "VCNS", "VTF", "HVCL"] {
            names += ["2026/reminders/plan-reminder-\(unit)-2026.docx", "2026/reminders/plan-reminder-\(unit)-2026.xml"]
        }
        // Each submission used, as the unit's own report.
        for used in ["CDSQG-CDSQG-2026", "CVT-CVT-2026", "HVCL-HVCL-2026-B", "HVCL-YC-2026-07-HVCL", "KTXHS-KTXHS-2026",
                     "PTIT-PTIT-2026", "VCNS-VCNS-2026", "VTF-VTF-2026"] {
            names += ["2026/units/unit-report-\(used).docx", "2026/units/unit-report-\(used).xml"]
        }
        return names.sorted()
    }

    // MARK: the store itself

    func testStoredReportsReadBack() throws {
        let record = try XCTUnwrap(store.index.effective(year: 2026)["HVCL"])
        XCTAssertEqual(record.receipt.id, "HVCL-2026-B")
        let report = try StoredReport(resources: ShippedPlan.resources).read(try store.original(sha256: record.receipt.sha256), path: "x")
        XCTAssertEqual(report.supersedes, "HVCL-2026-A")
        XCTAssertEqual(report.tasks.map(\.code), ["2.3.8", "2.3.9"])
        XCTAssertEqual(report.tasks.first?.indicators.map(\.actual), [4, 100, 143])
        XCTAssertEqual(report.tasks.first?.results.first?.text, "Kết quả tháng 6 của nhiệm vụ 2.3.8 & các đơn vị <phối hợp>.")
    }

    // MARK: files

    func testEveryCommandWritesItsFiles() {
        XCTAssertEqual(files(under: disk.outbox), expectedFiles)
    }

    func testEveryDocxPassesTheValidator() throws {
        let validator = PackageRoot.validator
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: validator.path), validator.path)
        let docx = files(under: disk.outbox).filter { $0.hasSuffix(".docx") }.map { outbox($0).path }
        XCTAssertEqual(docx.count, 24)
        let result = try runProgram(validator.path, docx)
        let findings = result.output.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("validate-docx:") }
        XCTAssertEqual(findings, [], result.output)
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertTrue(result.output.contains("validate-docx: \(docx.count) passed, 0 failed"), result.output)
    }

    func testRunningTwiceGivesByteIdenticalFiles() throws {
        let names = files(under: disk.outbox)
        let first = try names.map { try Data(contentsOf: outbox($0)) }
        try DocumentFixture.runAll(disk, store: try SubmissionStore.openForReading(at: disk.storeURL))
        XCTAssertEqual(files(under: disk.outbox), names, "no new or leftover files")
        for (name, bytes) in zip(names, first) {
            XCTAssertEqual(try Data(contentsOf: outbox(name)), bytes, "\(name) differs on the second run")
        }
    }

    func testFlatOPCIsWellFormedAndOpensInWord() throws {
        let flats = files(under: disk.outbox).filter { $0.hasSuffix(".xml") }
        XCTAssertEqual(flats.count, 24)
        for name in flats {
            let url = outbox(name)
            let lint = try runProgram("/usr/bin/xmllint", ["--noout", "--nonet", url.path])
            XCTAssertEqual(lint.status, 0, "\(name): \(lint.output)")
            var text = try String(contentsOf: url, encoding: .utf8)
            if text.hasPrefix("<?xml "), let end = text.range(of: "?>") { text = String(text[end.upperBound...]) }
            text = String(text.drop { $0.isWhitespace })
            XCTAssertTrue(text.hasPrefix("<?mso-application progid=\"Word.Document\"?>"), "\(name) starts \(text.prefix(80))")
            XCTAssertTrue(text.contains("<pkg:package"), name)
            XCTAssertTrue(text.contains("pkg:name=\"/word/document.xml\""), name)
            // One pkg:part per part of the .docx (the content types are the package's own).
            let docx = outbox(String(name.dropLast(4)) + ".docx")
            let docxParts = try parts(of: docx).filter { $0 != "[Content_Types].xml" && !$0.hasSuffix("/") }
            for part in docxParts { XCTAssertTrue(text.contains("pkg:name=\"/\(part)\""), "\(name) lacks /\(part)") }
            XCTAssertEqual(text.components(separatedBy: "<pkg:part ").count - 1, docxParts.count, name)
        }
    }

    // MARK: JSON (§9)

    private func json(_ relative: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: try Data(contentsOf: outbox(relative)))
        return try XCTUnwrap(object as? [String: Any], relative)
    }

    /// Checks that every entry has every key of `keys` (a `null` counts:
    /// §9's fields are required, `null` where a value is unknown); one
    /// failure per section, naming the entries and keys that lack.
    private func assertKeys(_ entries: [[String: Any]], _ keys: [String], _ what: String,
                            file: StaticString = #filePath, line: UInt = #line) {
        var lacking: [String: [String]] = [:]
        for entry in entries {
            for key in keys where entry[key] == nil { lacking[key, default: []].append(entry["code"] as? String ?? entry["unit"] as? String ?? "?") }
        }
        for key in keys {
            guard let names = lacking[key] else { continue }
            XCTFail("\(what): \(names.count) of \(entries.count) entries have no \"\(key)\" (\(names.joined(separator: ", ")))", file: file, line: line)
        }
    }

    func testYearJSONHasSection9Fields() throws {
        for base in ["ministry-summary-2026", "pm-report-2026"] {
            let data = try json("2026/\(base).json")
            XCTAssertEqual(data["year"] as? Int, 2026)
            XCTAssertEqual(data["asOf"] as? String, "2026-12-01")
            let documents = try XCTUnwrap(data["documents"] as? [String])
            XCTAssertTrue(documents.contains { $0.hasSuffix("2026/ministry-summary-2026.docx") }, "\(documents)")
            XCTAssertTrue(documents.contains { $0.hasSuffix("2026/pm-report-2026.docx") }, "\(documents)")

            let reporting = try XCTUnwrap(data["reporting"] as? [[String: Any]])
            assertKeys(reporting, ["unit", "state", "received", "submission"], "\(base).json reporting")
            let states = Dictionary(uniqueKeysWithValues: reporting.map { ($0["unit"] as? String ?? "", $0["state"] as? String ?? "") })
            XCTAssertEqual(states, ["KTXHS": "on-time", "HTQT": "missing", "CDSQG": "on-time", "CVT": "on-time", "CDMST": "missing",
                                    "VCNS": "late", "TTCNTT": "missing", "VTF": "on-time", "NAFOSTED": "missing", "NATIF": "missing",
                                    "HVCL": "on-time"])
            let vcns = try XCTUnwrap(reporting.first { $0["unit"] as? String == "VCNS" })
            XCTAssertEqual(vcns["received"] as? String, "2026-11-20T09:00:00+07:00")
            XCTAssertEqual(vcns["submission"] as? String, "VCNS-2026")

            let tasks = try XCTUnwrap(data["tasks"] as? [[String: Any]])
            XCTAssertEqual(tasks.compactMap { $0["code"] as? String }, DocumentFixture.plan.tasks.map(\.code))
            assertKeys(tasks, ["code", "lead", "status", "progress", "overdue", "sources"], "\(base).json tasks")
            let overdue = try XCTUnwrap(tasks.first { $0["code"] as? String == "2.1.1" })
            XCTAssertEqual(overdue["lead"] as? String, "CDSQG")
            XCTAssertEqual(overdue["status"] as? String, "behind-schedule")
            XCTAssertEqual(overdue["progress"] as? Int, 60)
            XCTAssertEqual(overdue["overdue"] as? Bool, true)
            XCTAssertEqual(overdue["sources"] as? [String], ["CDSQG-2026"])
            let training = try XCTUnwrap(tasks.first { $0["code"] as? String == "2.3.9" })
            XCTAssertEqual(training["sources"] as? [String], ["HVCL-2026-B", "PTIT-2026"])
            let unreported = try XCTUnwrap(tasks.first { $0["code"] as? String == "2.2.4" })
            XCTAssertEqual(unreported["status"] as? String, "not-reported")

            let indicators = try XCTUnwrap(data["indicators"] as? [[String: Any]])
            assertKeys(indicators, ["code", "value", "target", "byUnit"], "\(base).json indicators")
            XCTAssertEqual(indicators.compactMap { $0["code"] as? String }, DocumentFixture.plan.indicators.map(\.code), "no x- code among them")
            let trainees = try XCTUnwrap(indicators.first { $0["code"] as? String == "trainees.count" })
            XCTAssertEqual((trainees["value"] as? NSNumber)?.intValue, 100 + 40)
            XCTAssertEqual((trainees["byUnit"] as? [String: NSNumber])?.mapValues(\.intValue), ["HVCL": 100, "PTIT": 40])
            let zones = try XCTUnwrap(indicators.first { $0["code"] as? String == "zones5g.pct" })
            XCTAssertEqual((zones["value"] as? NSNumber)?.doubleValue, 62.5)
            XCTAssertEqual((zones["target"] as? NSNumber)?.intValue, 100)
            let datasets = try XCTUnwrap(indicators.first { $0["code"] as? String == "datasets.count" })
            XCTAssertTrue(datasets["value"] == nil || datasets["value"] is NSNull, "nobody reported datasets.count: null, never 0")

            let funding = try XCTUnwrap(data["funding"] as? [String: NSNumber], "every source has data here")
            let stateBudget: Int64 = 100_000_000 + 500_000_000 + 1_250_000_000
            let sponsorship: Int64 = 75_000_000 + 200_000_000
            let other: Int64 = 20_000_000 + 30_000_000
            let expected: [String: Int64] = ["state-budget": stateBudget, "sponsorship": sponsorship, "other": other]
            XCTAssertEqual(funding.mapValues(\.int64Value), expected)
        }
    }

    func testEveryFigureNamesItsSubmissionUnitAndSHA() throws {
        let data = try json("2026/ministry-summary-2026.json")
        let tasks = try XCTUnwrap(data["tasks"] as? [[String: Any]])
        let overdue = try XCTUnwrap(tasks.first { $0["code"] as? String == "2.1.1" })
        let provenance = try XCTUnwrap(overdue["provenance"] as? [[String: Any]])
        let sha = try XCTUnwrap(store.index.effective(year: 2026)["CDSQG"]?.receipt.sha256)
        XCTAssertEqual(provenance.count, 1)
        XCTAssertEqual(provenance.first?["unit"] as? String, "CDSQG")
        XCTAssertEqual(provenance.first?["submission"] as? String, "CDSQG-2026")
        XCTAssertEqual(provenance.first?["sha256"] as? String, sha)
    }

    func testReviewJSONHasYearsAndCumulative() throws {
        let data = try json("2028/midterm-review-2028.json")
        let years = try XCTUnwrap(data["years"] as? [String: Any])
        XCTAssertEqual(Set(years.keys), ["2026", "2027", "2028"])
        assertKeys([try XCTUnwrap(years["2026"] as? [String: Any])], ["year", "asOf", "reporting", "tasks", "indicators", "funding"],
                   "midterm-review-2028.json years.2026")
        let cumulative = try XCTUnwrap(data["cumulative"] as? [[String: Any]])
        let trainees = try XCTUnwrap(cumulative.first { $0["code"] as? String == "trainees.count" })
        XCTAssertEqual((trainees["value"] as? NSNumber)?.intValue, 140 + 60)
        let byYear = try XCTUnwrap(trainees["byYear"] as? [String: Any])
        XCTAssertEqual((byYear["2026"] as? NSNumber)?.intValue, 140)
        XCTAssertTrue(byYear["2027"] is NSNull, "2027 is null, never 0: \(byYear)")
        XCTAssertEqual((byYear["2028"] as? NSNumber)?.intValue, 60)
        let zones = try XCTUnwrap(cumulative.first { $0["code"] as? String == "zones5g.pct" })
        XCTAssertEqual((zones["value"] as? NSNumber)?.intValue, 80)
        XCTAssertEqual(data["yearsWithoutData"] as? [Int], [2027])
        let final = try json("2030/final-review-2030.json")
        XCTAssertEqual(final["yearsWithoutData"] as? [Int], [2027, 2029, 2030])
    }

    // MARK: the words of the documents

    private func documentText(_ relative: String) throws -> (xml: String, text: String) {
        let xml = try part("word/document.xml", of: outbox(relative))
        return (xml, visibleText(xml))
    }

    func testMinistrySummaryReadsAsAnOfficialReport() throws {
        let (xml, text) = try documentText("2026/ministry-summary-2026.docx")
        for phrase in ["Số:", "/BC-KTXHS", "Kính gửi: Lãnh đạo Bộ", "BÁO CÁO",
                       "I. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ", "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ",
                       "III. KHÓ KHĂN, VƯỚNG MẮC", "IV. ĐỀ XUẤT, KIẾN NGHỊ",
                       "PHỤ LỤC I", "PHỤ LỤC II", "PHỤ LỤC III", "VỤ TRƯỞNG", "Nơi nhận", "Lưu: VT, KTXHS.",
                       "ngày 01 tháng 12 năm 2026", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                       "BỘ KHOA HỌC VÀ CÔNG NGHỆ"] {
            XCTAssertTrue(text.contains(phrase), "the ministry summary lacks \"\(phrase)\"")
        }
        // The pipeline's findings and figures, in Vietnamese words and numbers.
        for phrase in ["Quá hạn", "Chưa báo cáo", "chậm tiến độ", "Đã hoàn thành", "Đúng hạn", "Muộn",
                       "1.850.000.000", "62,5"] {
            XCTAssertTrue(text.contains(phrase), "the ministry summary lacks \"\(phrase)\"")
        }
        // Section I names the missing units and gives the late one's date received.
        XCTAssertTrue(text.lowercased().contains("chưa gửi báo cáo"))
        for unit in ["HTQT", "CDMST", "TTCNTT", "NAFOSTED", "NATIF"] {
            let name = try XCTUnwrap(DocumentFixture.plan.unit(unit)?.name)
            XCTAssertTrue(text.contains(name), "the missing \(unit) is not named")
        }
        XCTAssertTrue(text.contains("20/11/2026"), "VCNS's late report: the date received")
        XCTAssertTrue(xml.contains("w:orient=\"landscape\""), "no landscape section for the annex")
        XCTAssertTrue(xml.contains("<w:tblHeader"), "no repeated table header row")
        XCTAssertTrue(try parts(of: outbox("2026/ministry-summary-2026.docx")).contains("word/charts/chart1.xml"), "no chart part")
    }

    func testPrimeMinisterReport() throws {
        let (_, text) = try documentText("2026/pm-report-2026.docx")
        for phrase in ["BỘ KHOA HỌC VÀ CÔNG NGHỆ", "/BC-BKHCN", "Kính gửi: Thủ tướng Chính phủ", "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG",
                       "Như trên;", "Lãnh đạo Bộ;", "Lưu: VT, KTXHS.", "PHỤ LỤC I"] {
            XCTAssertTrue(text.contains(phrase), "the Prime Minister report lacks \"\(phrase)\"")
        }
    }

    func testReviewDocuments() throws {
        for name in ["2028/midterm-review-2028.docx", "2030/final-review-2030.docx"] {
            let (_, text) = try documentText(name)
            for phrase in ["BÁO CÁO", "Nơi nhận", "Lưu: VT, KTXHS."] {
                XCTAssertTrue(text.contains(phrase), "\(name) lacks \"\(phrase)\"")
            }
        }
    }

    func testReminderLetters() throws {
        let (_, missing) = try documentText("2026/reminders/reminder-TTCNTT-2026.docx")
        for phrase in ["/KTXHS", "V/v", "Kính gửi", "2.2.4", "Trung tâm Công nghệ thông tin", "VỤ TRƯỞNG", "Nơi nhận"] {
            XCTAssertTrue(missing.contains(phrase), "the reminder to TTCNTT lacks \"\(phrase)\"")
        }
        XCTAssertFalse(missing.contains("/BC-"), "a letter (công văn), not a report")
        // Past 31 January with no detailed plan on file: the letter asks for it too.
        XCTAssertTrue(missing.contains("chưa nhận được kế hoạch triển khai chi tiết năm 2026"), missing)
        XCTAssertTrue(missing.contains("gửi báo cáo và gửi kế hoạch triển khai chi tiết"), missing)
        let (_, rejected) = try documentText("2026/reminders/reminder-NATIF-2026.docx")
        for phrase in ["/KTXHS", "V/v", "2.3.7", "NATIF-2026.zip", "Tại dòng 12, cột 5 của tệp report.xml", "14/11/2026"] {
            XCTAssertTrue(rejected.contains(phrase), "the reminder to NATIF lacks \"\(phrase)\"")
        }
        // Said in words: no code, no validator text, no timestamp, no command.
        for phrase in ["SCHEMA_INVALID", "[", "2026-11-14T", "baocao ", "Element '"] {
            XCTAssertFalse(rejected.contains(phrase), "the reminder to NATIF holds \"\(phrase)\"")
        }
        for unit in ["KTXHS", "CDSQG", "CVT", "VCNS", "VTF", "HVCL"] {
            XCTAssertFalse(FileManager.default.fileExists(atPath: outbox("2026/reminders/reminder-\(unit)-2026.docx").path),
                           "\(unit) reported: no reminder")
            let (_, text) = try documentText("2026/reminders/plan-reminder-\(unit)-2026.docx")
            XCTAssertTrue(text.contains("V/v đôn đốc gửi kế hoạch triển khai chi tiết năm 2026"), "\(unit): \(text)")
            XCTAssertTrue(text.contains("31/01/2026"), "\(unit): the plan's due date")
            XCTAssertFalse(text.contains("chưa nhận được báo cáo năm 2026"), "\(unit) reported")
        }
    }
}
