import Foundation
import XCTest

/// The secretariat's check (approve, return) and the units' detailed plans
/// (issue 11), through the binary on the 2026 sample inbox.
final class ChecksAndPlansTests: XCTestCase {
    private let hvclReport = "uuid:0d8f2b6e-93c4-4a71-8e5d-b1f4a2c7e690"

    private func ingested(plans: Bool = false) throws -> Workspace {
        let space = try Workspace.withSampleInbox()
        if plans {
            let staged = try Baocao.script("scripts/stage-inbox", [Baocao.fixtures.appendingPathComponent("plans-2026").path, space.inbox.path])
            XCTAssertEqual(staged.status, 0, staged.summary)
        }
        let run = try space.ingest()
        XCTAssertEqual(run.status, 0, run.summary)
        return space
    }

    private func store(_ space: Workspace) -> [String] { ["--store", space.store.path, "--outbox", space.outbox.path] }

    private func status(_ space: Workspace) throws -> [String: Any] {
        let run = try space.run(["status", "--year", "2026", "--as-of", "2026-12-01", "--json"] + store(space))
        XCTAssertEqual(run.status, 0, run.summary)
        return try run.json()
    }

    private func state(_ status: [String: Any], _ unit: String) -> String? {
        (status["units"] as? [[String: Any]])?.first { $0["unit"] as? String == unit }?["state"] as? String
    }

    // MARK: approve and return

    func testAReturnedReportLeavesTheDocumentsUntilItsCorrectionComes() throws {
        let space = try ingested()
        let returned = try space.run(["return", hvclReport, "--reason", "Thiếu kết quả tháng 11 của nhiệm vụ 2.3.9.",
                                      "--reason", "Chưa nêu kế hoạch bù khóa còn thiếu.", "--resend-by", "2026-11-27",
                                      "--as-of", "2026-11-20", "--json"] + store(space))
        XCTAssertEqual(returned.status, 0, returned.summary)
        let done = try returned.json()
        let review = try XCTUnwrap((done["receipt"] as? [String: Any])?["review"] as? [String: Any])
        XCTAssertEqual(review["state"] as? String, "returned")
        XCTAssertNotNil(review["at"] as? String)
        XCTAssertFalse((review["by"] as? String ?? "").isEmpty, "who: the OS user")
        XCTAssertTrue((review["reason"] as? String ?? "").contains("tháng 11"))

        // The letter: Decree 30, the submission, every reason, the date to resend by.
        let letter = space.outbox.appendingPathComponent("2026/returns/return-HVCL-uuid_0d8f2b6e-93c4-4a71-8e5d-b1f4a2c7e690.docx")
        let text = try Docx.text(of: letter)
        for phrase in ["V/v trả lại báo cáo", "/KTXHS", "Kính gửi: Học viện Chiến lược Khoa học và Công nghệ", hvclReport,
                       "09 giờ 30 ngày 12/11/2026", "Thiếu kết quả tháng 11 của nhiệm vụ 2.3.9.", "Chưa nêu kế hoạch bù khóa còn thiếu.",
                       "27/11/2026", "VỤ TRƯỞNG", "Nơi nhận"] {
            XCTAssertTrue(text.contains(phrase), "the return letter lacks \"\(phrase)\":\n\(text)")
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: letter.deletingPathExtension().appendingPathExtension("xml").path), "Flat OPC beside it")
        try assertValid(letter)

        // Out of the documents at once; the unit is `returned`.
        XCTAssertEqual(state(try status(space), "HVCL"), "returned")
        let data = try space.run(["consolidate", "--year", "2026", "--as-of", "2026-12-01", "--json"] + store(space)).json()
        let reporting = try XCTUnwrap(data["reporting"] as? [[String: Any]])
        XCTAssertEqual(reporting.first { $0["unit"] as? String == "HVCL" }?["state"] as? String, "returned")
        let used = (data["tasks"] as? [[String: Any]] ?? []).flatMap { $0["sources"] as? [String] ?? [] }
        XCTAssertFalse(used.contains(hvclReport), "a returned report gives no figure")

        // The reminder quotes the reasons.
        XCTAssertEqual(try space.run(["remind", "--year", "2026", "--as-of", "2026-12-01"] + store(space)).status, 0)
        let reminder = try Docx.text(of: space.outbox.appendingPathComponent("2026/reminders/reminder-HVCL-2026.docx"))
        XCTAssertTrue(reminder.contains("Chưa nêu kế hoạch bù khóa còn thiếu."), reminder)

        // The correction comes, late by its own received instant.
        try space.drop(Baocao.fixtures.appendingPathComponent("corrections-2026/HVCL-2026-b.zip"), received: "2026-11-24T10:20:00+07:00")
        let correction = try space.ingest()
        XCTAssertEqual(results(try correction.json()).first?.outcome, "accepted", correction.summary)
        let after = try status(space)
        XCTAssertEqual(state(after, "HVCL"), "late", "judged on its own received instant")
        let submissions = try XCTUnwrap(after["submissions"] as? [[String: Any]])
        let old = try XCTUnwrap(submissions.first { $0["id"] as? String == hvclReport })
        XCTAssertEqual((old["review"] as? [String: Any])?["state"] as? String, "returned", "each submission shows its check")
        XCTAssertEqual(old["channel"] as? String, "inbox")
    }

    func testApproveAndApprovedOnly() throws {
        let space = try ingested()
        let sha = try XCTUnwrap((try status(space)["units"] as? [[String: Any]])?.first { $0["unit"] as? String == "CVT" }?["sha256"] as? String)
        let approve = try space.run(["approve", String(sha.prefix(10))] + store(space))
        XCTAssertEqual(approve.status, 0, approve.summary)
        let data = try space.run(["consolidate", "--year", "2026", "--as-of", "2026-12-01", "--approved-only", "--json"] + store(space)).json()
        let used = Set((data["tasks"] as? [[String: Any]] ?? []).flatMap { $0["sources"] as? [String] ?? [] })
        XCTAssertEqual(used, ["CVT-2026-annual-01"], "only the approved submission")
        // Approving after a return undoes the return (a new event; nothing rewritten).
        XCTAssertEqual(try space.run(["return", hvclReport, "--reason", "Thiếu số liệu."] + store(space)).status, 0)
        XCTAssertEqual(state(try status(space), "HVCL"), "returned")
        XCTAssertEqual(try space.run(["approve", hvclReport] + store(space)).status, 0)
        XCTAssertEqual(state(try status(space), "HVCL"), "on-time")
        let events = try String(contentsOf: space.store.appendingPathComponent("events.jsonl"), encoding: .utf8)
        XCTAssertEqual(events.split(separator: "\n").count, 3, "three events, none rewritten")
    }

    func testAReferenceThatNamesNothingOrTooLittleIsBadUsage() throws {
        let space = try ingested()
        for reference in ["nobody", "1234", "ffffffffffff"] {
            let run = try space.run(["approve", reference] + store(space))
            XCTAssertEqual(run.status, 2, run.summary)
            XCTAssertTrue(run.stderr.contains("Không có báo cáo"), run.stderr)
        }
        let run = try space.run(["return", hvclReport] + store(space))
        XCTAssertEqual(run.status, 2, "a return without a reason: \(run.summary)")
    }

    /// A check is as durable as the ledger: killed anywhere, the events read
    /// back whole, and every check that was confirmed is there.
    func testKilledChecksLeaveTheEventsWhole() throws {
        let space = try ingested()
        var confirmed = 0
        for attempt in 0..<24 {
            let process = Process()
            process.executableURL = try Baocao.executable()
            process.arguments = [attempt % 2 == 0 ? "approve" : "return", hvclReport, "--reason", "Lần \(attempt)."] + store(space)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(attempt % 6) * 4_000)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .exit && process.terminationStatus == 0 { confirmed += 1 }
            XCTAssertEqual(try space.run(["status", "--year", "2026", "--as-of", "2026-12-01"] + store(space)).status, 0,
                           "the store reads after a killed check")
        }
        XCTAssertEqual(try space.run(["approve", hvclReport] + store(space)).status, 0)
        let lines = try String(contentsOf: space.store.appendingPathComponent("events.jsonl"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.last, "", "the file ends with a whole line")
        let events = try lines.dropLast().map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:] }
        XCTAssertEqual(events.compactMap { $0["sequence"] as? Int }, Array(1...events.count), "numbered without a gap")
        XCTAssertGreaterThanOrEqual(events.count, confirmed + 1, "every confirmed check is there")
        XCTAssertEqual(state(try status(space), "HVCL"), "on-time", "the last check decides")
    }

    // MARK: detailed plans

    func testDetailedPlansAreTakenFollowedAndShown() throws {
        let space = try ingested(plans: true)
        let receipts = try FileManager.default.contentsOfDirectory(atPath: space.outbox.appendingPathComponent("receipts").path)
        let cdsqg = try XCTUnwrap(receipts.first { $0.hasPrefix("CDSQG-KH-2026.xml.") && $0.hasSuffix(".json") })
        let receipt = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: space.outbox.appendingPathComponent("receipts/\(cdsqg)"))) as? [String: Any])
        XCTAssertEqual(receipt["kind"] as? String, "plan")
        XCTAssertEqual(receipt["outcome"] as? String, "accepted")
        let hvcl = try XCTUnwrap(receipts.first { $0.hasPrefix("HVCL-KH-2026.xml.") && $0.hasSuffix(".json") })
        let late = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: space.outbox.appendingPathComponent("receipts/\(hvcl)"))) as? [String: Any])
        XCTAssertEqual(late["late"] as? Bool, true, "after 31 January, the plan's due date in the plan data")

        let data = try space.run(["consolidate", "--year", "2026", "--as-of", "2026-12-01", "--json"] + store(space)).json()
        let plans = try XCTUnwrap(data["plans"] as? [String: Any])
        XCTAssertEqual(plans["onFile"] as? [String], ["CDSQG", "CVT", "HVCL"])
        XCTAssertEqual(Set(plans["missing"] as? [String] ?? []), ["KTXHS", "HTQT", "CDMST", "VCNS", "TTCNTT", "VTF", "NAFOSTED", "NATIF"])
        let slipped = try XCTUnwrap(data["slipped"] as? [[String: Any]])
        XCTAssertEqual(slipped.count, 1, "\(slipped)")
        XCTAssertEqual(slipped.first?["task"] as? String, "2.1.1")
        XCTAssertEqual(slipped.first?["unit"] as? String, "CDSQG")
        XCTAssertEqual(slipped.first?["month"] as? String, "2026-06")
        XCTAssertEqual(slipped.first?["plan"] as? String, "CDSQG-KH-2026")
        XCTAssertTrue((slipped.first?["milestone"] as? String ?? "").hasPrefix("Trình Chính phủ"))

        let summary = try Docx.text(of: space.outbox.appendingPathComponent("2026/ministry-summary-2026.docx"))
        let part = Docx.section(summary, from: "Thực hiện kế hoạch triển khai chi tiết", to: "Kinh phí thực hiện")
        XCTAssertTrue(part.contains("3 đơn vị đã gửi kế hoạch triển khai chi tiết"), part)
        XCTAssertTrue(part.contains("Nhiệm vụ 2.1.1 (Cục Chuyển đổi số Quốc gia), tháng 6/2026"), part)
        try assertValid(space.outbox.appendingPathComponent("2026/ministry-summary-2026.docx"))

        let board = try space.run(["status", "--year", "2026", "--as-of", "2026-12-01"] + store(space))
        XCTAssertTrue(board.stdout.contains("Kế hoạch triển khai chi tiết: đã có 3 đơn vị"), board.stdout)
        XCTAssertTrue(board.stdout.contains("2.1.1 [CDSQG] tháng 2026-06"), board.stdout)

        // A unit whose report is in but has no plan gets a letter for the plan alone;
        // §8's reminders (missing, returned, refused reports) stay as they are.
        let chased = try space.run(["remind", "--year", "2026", "--as-of", "2026-12-01", "--json"] + store(space)).json()
        XCTAssertEqual((chased["reminders"] as? [Any])?.count, 0)
        let planLetters = try XCTUnwrap(chased["planReminders"] as? [[String: Any]])
        XCTAssertEqual(Set(planLetters.compactMap { ($0["reminder"] as? [String: Any])?["unit"] as? String }),
                       ["KTXHS", "HTQT", "CDMST", "VCNS", "TTCNTT", "VTF", "NAFOSTED", "NATIF"])
        let planLetter = try Docx.text(of: space.outbox.appendingPathComponent("2026/reminders/plan-reminder-KTXHS-2026.docx"))
        XCTAssertTrue(planLetter.contains("chưa nhận được kế hoạch triển khai chi tiết năm 2026"), planLetter)
        XCTAssertFalse(FileManager.default.fileExists(atPath: space.outbox.appendingPathComponent("2026/reminders/plan-reminder-CVT-2026.docx").path))
        try assertValid(space.outbox.appendingPathComponent("2026/reminders/plan-reminder-KTXHS-2026.docx"))
        // A unit chased for its report is asked for its plan in the same letter.
        XCTAssertEqual(try space.run(["remind", "--year", "2027", "--as-of", "2027-11-20"] + store(space)).status, 0)
        let reminder = try Docx.text(of: space.outbox.appendingPathComponent("2027/reminders/reminder-KTXHS-2027.docx"))
        XCTAssertTrue(reminder.contains("chưa nhận được kế hoạch triển khai chi tiết năm 2027"), reminder)
        XCTAssertFalse(FileManager.default.fileExists(atPath: space.outbox.appendingPathComponent("2027/reminders/plan-reminder-KTXHS-2027.docx").path))

        // The reviews count milestones kept and slipped, year by year.
        XCTAssertEqual(try space.run(["review", "--midterm", "--as-of", "2028-12-10"] + store(space)).status, 0)
        let review = try Docx.text(of: space.outbox.appendingPathComponent("2028/midterm-review-2028.docx"))
        XCTAssertTrue(review.contains("Thực hiện kế hoạch triển khai chi tiết của các đơn vị qua các năm"), review)
    }

    func testTheDetailedPlanTemplateChecksAndAFilledPlanIsAccepted() throws {
        let space = try Workspace()
        let out = space.root.appendingPathComponent("plan.xml")
        XCTAssertEqual(try space.run(["template", "--kind", "plan", "--unit", "HVCL", "--year", "2027", "--out", out.path]).status, 0)
        try Workspace.setReceived(out, "2027-01-10T09:00:00+07:00")
        let check = try space.run(["check", out.path, "--json"])
        XCTAssertEqual(check.status, 0, check.summary)
        let result = try XCTUnwrap(results(try check.json()).first)
        XCTAssertEqual(result.outcome, "accepted")
        XCTAssertEqual(Set(result.codes), ["TEMPLATE_TEXT"], "only the placeholders to fill in: \(result.diagnostics)")
        XCTAssertEqual(result.raw["kind"] as? String, "plan")
        // A milestone outside the year is refused, as a result would be.
        let text = try String(contentsOf: out, encoding: .utf8).replacingOccurrences(of: "month=\"2027-03\"", with: "month=\"2026-03\"")
        try Data(text.utf8).write(to: out)
        let bad = try space.run(["check", out.path, "--json"])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(results(try bad.json()).first?.codes.contains("MONTH_OUT_OF_YEAR") ?? false)
    }

    private func assertValid(_ docx: URL, line: UInt = #line) throws {
        let validator = Baocao.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/ooxml/validate-docx")
        let process = Process()
        process.executableURL = validator
        process.arguments = [docx.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, output, line: line)
    }
}
