import Foundation
import XCTest

/// The documents in the Ministry's voice (issue 9), read as their readers
/// read them: the text of `word/document.xml` and the values of the chart
/// parts, from documents the binary wrote for the 2026 sample inbox.
final class DocumentVoiceTests: XCTestCase {
    private let asOf = ["--as-of", "2026-12-01"]

    private func ingested(_ change: (Workspace) throws -> Void = { _ in }) throws -> Workspace {
        let space = try Workspace.withSampleInbox()
        try change(space)
        let run = try space.ingest()
        XCTAssertLessThanOrEqual(run.status, 1, run.summary)
        return space
    }

    private func store(_ space: Workspace) -> [String] { ["--store", space.store.path, "--outbox", space.outbox.path] }

    private func consolidate(_ space: Workspace, _ extra: [String] = []) throws -> Baocao.Run {
        let run = try space.run(["consolidate", "--year", "2026"] + asOf + store(space) + extra)
        XCTAssertEqual(run.status, 0, run.summary)
        return run
    }

    private func text(_ space: Workspace, _ relative: String) throws -> String {
        try Docx.text(of: space.outbox.appendingPathComponent(relative))
    }

    // MARK: 1, 7. figures under their task; names, not keys

    func testIndicatorsStandUnderTheTaskThatReportedThem() throws {
        let space = try ingested()
        _ = try consolidate(space)
        let summary = try text(space, "2026/ministry-summary-2026.docx")
        let task238 = Docx.section(summary, from: "Nhiệm vụ 2.3.8.", to: "Nhiệm vụ 2.3.9.")
        let task239 = Docx.section(summary, from: "Nhiệm vụ 2.3.9.", to: "Nhiệm vụ 2.3.10.")
        XCTAssertTrue(task238.contains("Số người được đào tạo, bồi dưỡng: 246 người (chỉ tiêu: 240 người)"), task238)
        XCTAssertTrue(task239.contains("Số người được đào tạo, bồi dưỡng: 310 người (chỉ tiêu: 400 người)"), task239)
        XCTAssertFalse(task238.contains("556"), "the unit's total belongs in the indicator table, not under 2.3.8")
        let annexII = Docx.section(summary, from: "PHỤ LỤC II", to: "PHỤ LỤC III")
        XCTAssertTrue(annexII.contains("556"), "the total, in Annex II")
        XCTAssertTrue(annexII.contains("Số người được đào tạo, bồi dưỡng"), annexII)
        for key in ["trainees.count", "events.count", "x-", "(sum)", "(latest)", "Cộng dồn (sum)"] {
            XCTAssertFalse(summary.contains(key), "a key where a reader reads: \(key)")
        }
        XCTAssertEqual(summary.components(separatedBy: "(Kèm theo Báo cáo").count - 1, 3, "every annex says what it goes with")
    }

    // MARK: 2, 3. the Prime Minister report in the Ministry's voice

    func testThePrimeMinisterReportSpeaksInTheMinistrysVoice() throws {
        let space = try ingested()
        _ = try consolidate(space)
        let report = try text(space, "2026/pm-report-2026.docx")
        for heading in ["I. TÌNH HÌNH TRIỂN KHAI", "II. KẾT QUẢ ĐẠT ĐƯỢC", "III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
                        "IV. NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI", "V. ĐỀ XUẤT, KIẾN NGHỊ"] {
            XCTAssertTrue(report.contains(heading), "lacks \(heading)")
        }
        for code in ["KTXHS", "HTQT", "CDSQG", "CVT", "CDMST", "VCNS", "TTCNTT", "VTF", "NAFOSTED", "NATIF", "HVCL"] {
            XCTAssertFalse(report.contains("(\(code))"), "an internal code tags an item: (\(code))")
        }
        XCTAssertFalse(report.contains("III.1"), "the report never reports on itself")
        XCTAssertFalse(report.contains("Đang thực hiện, đúng tiến độ — Quá hạn"), "a status that contradicts itself")
        // Only the proposals addressed to the Government go up.
        XCTAssertTrue(report.contains("cập nhật dữ liệu mở"), "TTCNTT's proposal to the Government")
        XCTAssertFalse(report.contains("Vụ Tổ chức cán bộ hướng dẫn"), "a proposal to a department of the Ministry")
        XCTAssertFalse(report.contains("Vụ Kế hoạch - Tài chính bố trí kinh phí"), "a proposal to a department of the Ministry")
        // Difficulties grouped by kind, with the units named.
        XCTAssertTrue(report.contains("Về kinh phí:"), report)
        // A coordinating unit's line is never credited to the lead.
        XCTAssertFalse(report.contains("Vụ Hợp tác quốc tế phối hợp với Vụ Hợp tác quốc tế"), report)
    }

    // MARK: 4. letters in words

    func testRemindersSayWhatIsWrongInWordsWithVietnameseDates() throws {
        let space = try ingested { space in
            try FileManager.default.removeItem(at: space.inbox.appendingPathComponent("HVCL-2026.zip"))
            try FileManager.default.removeItem(at: space.inbox.appendingPathComponent("TTCNTT-2026.xml"))
            try space.drop(Baocao.fixtures.appendingPathComponent("invalid/SCHEMA_INVALID-order.xml"), received: "2026-11-09T09:00:00+07:00")
            try space.drop(Baocao.fixtures.appendingPathComponent("invalid/SCHEMA_INVALID.xml"), received: "2026-11-09T10:15:00+07:00")
        }
        let run = try space.run(["remind", "--year", "2026"] + asOf + store(space))
        XCTAssertEqual(run.status, 0, run.summary)
        let letter = try text(space, "2026/reminders/reminder-HVCL-2026.docx")
        XCTAssertTrue(letter.contains("Tại dòng 22, cột 5 của tệp SCHEMA_INVALID-order.xml"), letter)
        XCTAssertTrue(letter.contains("«chỉ số» không đúng chỗ"), letter)
        XCTAssertTrue(letter.contains("09 giờ 00 ngày 09/11/2026"), letter)
        for phrase in ["[SCHEMA", "SCHEMA_INVALID]", "Element '", "Expected is", "not an element of the set", "2026-11-09T",
                       "+07:00", "baocao ", "lệnh", "xs:"] {
            XCTAssertFalse(letter.contains(phrase), "the letter holds \"\(phrase)\":\n\(letter)")
        }
        let missing = try text(space, "2026/reminders/reminder-TTCNTT-2026.docx")
        XCTAssertFalse(missing.contains("lệnh"), missing)
        XCTAssertFalse(missing.contains("baocao"), missing)
    }

    // MARK: 5. no zero where there is no data

    func testAYearWithoutDataIsNeverZero() throws {
        let space = try ingested()
        let review = try space.run(["review", "--final", "--as-of", "2030-12-10"] + store(space))
        XCTAssertEqual(review.status, 0, review.summary)
        let docx = space.outbox.appendingPathComponent("2030/final-review-2030.docx")
        let values = try Docx.chartValues(of: docx)
        XCTAssertEqual(values.count, 5)
        XCTAssertNotNil(values[0], "2026 has data")
        XCTAssertEqual(Array(values.dropFirst()), [nil, nil, nil, nil], "no point for a year without data, never 0")
        let reviewText = try Docx.text(of: docx)
        let funding = Docx.section(reviewText, from: "3. Kinh phí thực hiện", to: "(Đơn vị tính")
        XCTAssertTrue(funding.contains("2027\nChưa có số liệu"), funding)
        XCTAssertFalse(funding.contains("\n0\n"), funding)

        let empty = try space.run(["consolidate", "--year", "2027", "--as-of", "2027-12-01"] + store(space))
        XCTAssertEqual(empty.status, 0, empty.summary)
        let summary2027 = try text(space, "2027/ministry-summary-2027.docx")
        XCTAssertFalse(summary2027.contains("là 0 đồng"), summary2027)
        XCTAssertTrue(summary2027.contains("chưa có số liệu"), summary2027)
    }

    /// The status chart shows overdue tasks so that the bars add up to the tasks.
    func testTheStatusChartAddsUp() throws {
        let space = try ingested()
        _ = try consolidate(space)
        let docx = space.outbox.appendingPathComponent("2026/ministry-summary-2026.docx")
        let values = try Docx.chartValues(of: docx).compactMap { $0 }
        let text = try Docx.text(of: docx)
        let total = try XCTUnwrap(text.components(separatedBy: "Trong ").dropFirst().first?.prefix { $0.isNumber }).description
        XCTAssertEqual(values.count, 6)
        XCTAssertEqual(values.reduce(0, +), Int(total), "the bars add up to the \(total) due tasks")
    }

    // MARK: 6, 8. the secretariat's own words; somewhere to sign

    func testNotesGiveTheSecretariatsWordsTheNumberAndTheSigner() throws {
        let space = try ingested()
        let notes = space.root.appendingPathComponent("notes.xml")
        try Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <notes xmlns="urn:baocao:notes:1" year="2026" document="ministry-summary">
              <signer title="VỤ TRƯỞNG" name="Nguyễn Văn Bình"/>
              <number>142</number>
              <assessment>Năm đầu triển khai, các đơn vị đã vào cuộc đồng bộ.</assessment>
              <shortcoming>Việc xây dựng Nghị định còn chậm so với yêu cầu.</shortcoming>
              <direction>Tập trung hoàn thiện Nghị định trong quý I năm 2027.</direction>
              <proposal to="ministry">Đề nghị Lãnh đạo Bộ chủ trì họp liên bộ về Nghị định.</proposal>
            </notes>
            """.utf8).write(to: notes)
        _ = try consolidate(space, ["--notes", notes.path])
        let summary = try text(space, "2026/ministry-summary-2026.docx")
        for phrase in ["Số: 142/BC-KTXHS", "Nguyễn Văn Bình", "Năm đầu triển khai, các đơn vị đã vào cuộc đồng bộ.",
                       "Việc xây dựng Nghị định còn chậm", "Tập trung hoàn thiện Nghị định", "họp liên bộ về Nghị định",
                       "(Kèm theo Báo cáo số 142/BC-KTXHS"] {
            XCTAssertTrue(summary.contains(phrase), "lacks \"\(phrase)\"")
        }
        XCTAssertFalse(summary.contains("Dự thảo từ số liệu"), "every judgement section came from the notes")
        // The PM report had no notes: drafted, marked, and room for a name.
        let pm = try text(space, "2026/pm-report-2026.docx")
        XCTAssertTrue(pm.contains("Dự thảo từ số liệu"), pm)
        XCTAssertTrue(pm.contains("………"), "a line for the signer's name")
        XCTAssertTrue(pm.contains("Số:      /BC-BKHCN"), "an unnumbered draft keeps the blank")

        let bad = space.root.appendingPathComponent("bad-notes.xml")
        try Data("<notes xmlns=\"urn:baocao:notes:1\" year=\"2026\"><number>abc</number></notes>".utf8).write(to: bad)
        let refused = try space.run(["consolidate", "--year", "2026", "--notes", bad.path] + asOf + store(space))
        XCTAssertEqual(refused.status, 2, refused.summary)
        XCTAssertTrue(refused.stderr.contains("dòng 1"), refused.stderr)
    }

    // MARK: 9. smaller things

    func testAdhocTitleCarriesTheSubjectAndNothingToReportSaysSo() throws {
        let space = try ingested()
        let run = try space.run(["consolidate", "--year", "2026", "--kind", "adhoc", "--request", "YC-09",
                                 "--request-subject", "Tình hình đào tạo nhân lực chuyển đổi số"] + asOf + store(space))
        XCTAssertEqual(run.status, 0, run.summary)
        let text = try self.text(space, "2026/adhoc/adhoc-YC-09-2026.docx")
        XCTAssertTrue(text.contains("về tình hình đào tạo nhân lực chuyển đổi số"), text)
        XCTAssertFalse(text.contains("YC-09"), "the subject, not the bare request code")
        XCTAssertTrue(text.contains("chưa nhận được báo cáo đột xuất nào"), text)
        XCTAssertTrue(text.contains("kính báo cáo Lãnh đạo Bộ./."), "ends with the closing line")
        XCTAssertFalse(text.contains("PHỤ LỤC"), "one page, no empty annex")
    }

    func testNoDoubledPunctuation() throws {
        let space = try ingested()
        _ = try consolidate(space)
        for name in ["2026/ministry-summary-2026.docx", "2026/pm-report-2026.docx"] {
            let text = try self.text(space, name)
            for doubled in [". (", "..", ".;", ". ."] {
                guard let at = text.range(of: doubled) else { continue }
                let start = text.index(at.lowerBound, offsetBy: -40, limitedBy: text.startIndex) ?? text.startIndex
                XCTFail("\(name): \"\(doubled)\" in …\(text[start..<at.upperBound])")
            }
        }
    }

    // MARK: 10, 11. the units' own reports; paths relative to the outbox

    func testEverySubmissionUsedIsRenderedAsTheUnitsOwnReport() throws {
        let space = try ingested()
        let data = try consolidate(space, ["--json"]).json()
        let documents = try XCTUnwrap(data["documents"] as? [String])
        let units = documents.filter { $0.hasPrefix("2026/units/unit-report-") && $0.hasSuffix(".docx") }
        XCTAssertEqual(units.count, 11, "\(documents)")
        let hvcl = try XCTUnwrap(units.first { $0.contains("-HVCL-") })
        let text = try self.text(space, hvcl)
        for phrase in ["HỌC VIỆN CHIẾN LƯỢC KHOA HỌC VÀ CÔNG NGHỆ", "/BC-HVCL", "Kính gửi: Vụ Kinh tế và Xã hội số",
                       "Nhiệm vụ 2.3.8.", "246 người", "THỦ TRƯỞNG ĐƠN VỊ"] {
            XCTAssertTrue(text.contains(phrase), "the unit's report lacks \"\(phrase)\"")
        }
    }

    func testDocumentPathsAreRelativeToTheOutboxWhereverTheCommandRuns() throws {
        let space = try ingested()
        let elsewhere = space.root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let json = space.outbox.appendingPathComponent("2026/ministry-summary-2026.json")
        _ = try consolidate(space)
        let first = try Data(contentsOf: json)
        let again = try Baocao.run(["consolidate", "--year", "2026"] + asOf + store(space), in: elsewhere)
        XCTAssertEqual(again.status, 0, again.summary)
        XCTAssertEqual(try Data(contentsOf: json), first, "the same store gives the same bytes from another folder")
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: first) as? [String: Any])
        XCTAssertEqual((object["documents"] as? [String])?.first, "2026/ministry-summary-2026.docx")
    }
}
