import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Intake
import ReportModel
import XCTest

/// The report form: start, save, check (problems beside their fields), send
/// through the same intake, lock, correct; two clerks; a restart; and a
/// form-sent report consolidating exactly as the hand-written XML does.
final class PortalFormTests: XCTestCase {
    typealias Browser = PortalPageTests.Browser

    /// A multipart/form-data body of text fields and files.
    static func multipart(_ fields: [(String, String)], files: [(field: String, name: String, data: Data)] = []) -> (ByteBuffer, String) {
        let boundary = "----baocao-form-\(UUID().uuidString)"
        var body = ByteBuffer()
        for (name, value) in fields {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        for file in files {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n")
            body.writeBytes(file.data)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        return (body, "multipart/form-data; boundary=\(boundary)")
    }

    static func post(_ browser: Browser, _ client: any TestClientProtocol, _ fields: [(String, String)],
                     files: [(field: String, name: String, data: Data)] = []) async throws -> TestResponse {
        let (body, type) = multipart(fields, files: files)
        var headers = browser.header
        headers[.contentType] = type
        let response = try await client.execute(uri: "/don-vi/bao-cao", method: .post, headers: headers, body: body)
        browser.keep(response)
        return response
    }

    /// The value of the hidden `version` field of a form page.
    static func version(_ page: TestResponse) -> String {
        guard let range = page.text.range(of: "name=\"version\" value=\"") else { return "" }
        return String(page.text[range.upperBound...].prefix { $0 != "\"" })
    }

    func testAReportIsFilledCheckedSentAndCorrected() async throws {
        let portal = try PortalFixture()
        try await portal.test { client in
            let clerk = Browser()
            _ = try await clerk.signIn(client, "cdsqg", portal.passwords["cdsqg"]!)
            let start = try await clerk.get(client, "/don-vi/bao-cao?nam=2026&loai=bao-cao")
            XCTAssertTrue(start.text.contains("Bắt đầu từ các nhiệm vụ theo Kế hoạch"), start.text)
            let started = try await clerk.post(client, "/don-vi/bao-cao/bat-dau",
                                               ["csrf": Browser.csrf(start), "nam": "2026", "loai": "bao-cao", "tu": "ke-hoach-chung"])
            XCTAssertEqual(started.status, .seeOther)
            let form = try await clerk.get(client, "/don-vi/bao-cao?nam=2026&loai=bao-cao")
            XCTAssertTrue(form.text.contains("id=\"t0-status\""), "the task's fields")
            XCTAssertTrue(form.text.contains("<label for=\"t0-progress\">"), "each with its label")
            let csrf = Browser.csrf(form)
            var fields: [(String, String)] = [
                ("csrf", csrf), ("nam", "2026"), ("loai", "bao-cao"), ("version", Self.version(form)),
                ("t0-status", "completed"), ("t0-progress", "40"), ("t0-responsible", "Nguyễn Văn An, Phó Cục trưởng"),
                ("t0-r-count", "1"), ("t0-r0-month", "2026-10"), ("t0-r0-text", "Hoàn thiện dự thảo Nghị định"),
                ("t0-p-count", "1"), ("t0-p0-text", "Dự thảo Nghị định"), ("t0-p0-date", "2026-10-20"),
                ("t0-f-count", "1"), ("t0-f0-source", "state-budget"), ("t0-f0-amount", "1.250.000.000"),
                ("preparer-name", "Trần Thị Bình"), ("preparer-position", "Chuyên viên"), ("action", "check"),
            ]
            let checked = try await Self.post(clerk, client, fields, files: [("t0-p0-file", "du-thao.pdf", Data("%PDF-1.4 dự thảo".utf8))])
            XCTAssertEqual(checked.status, .ok)
            XCTAssertTrue(checked.text.contains("error-summary"), checked.text)
            XCTAssertTrue(checked.text.contains("href=\"#t0-status\"") || checked.text.contains("href=\"#t0-progress\""),
                          "the summary links to the field")
            XCTAssertTrue(checked.text.contains("id=\"t0-status-loi\"") || checked.text.contains("id=\"t0-progress-loi\""),
                          "the problem beside its field")
            XCTAssertTrue(checked.text.contains("1.250.000.000"), "the amount shown the Vietnamese way")
            XCTAssertTrue(checked.text.contains("du-thao.pdf"), "the attached file is kept with the draft")
            XCTAssertFalse(checked.text.contains("report.xml"), "no XML talk for a clerk")

            // Fixed and sent: through the same intake, as a bundle with its evidence.
            fields = fields.map { $0.0 == "t0-progress" ? ("t0-progress", "100") : $0.0 == "version" ? ("version", Self.version(checked)) : $0 }
            fields = fields.map { $0.0 == "action" ? ("action", "send") : $0 }
            let sent = try await Self.post(clerk, client, fields)
            XCTAssertEqual(sent.status, .seeOther, sent.text)
            let location = try XCTUnwrap(sent.headers[.location])
            XCTAssertTrue(location.hasPrefix("/bao-cao/"))
            let receipt = try await clerk.get(client, location)
            XCTAssertTrue(receipt.text.contains("Đã tiếp nhận"), receipt.text)
            let api = try await client.execute(uri: "/api/v1/submissions?year=2026", method: .get, headers: portal.bearer("cdsqg"))
            let listed = try XCTUnwrap((api.json["submissions"] as? [[String: Any]])?.first)
            XCTAssertEqual(listed["outcome"] as? String, "accepted")
            XCTAssertEqual(listed["id"] as? String, "CDSQG-2026-annual-web-01")
            XCTAssertEqual(listed["channel"] as? String, "portal")
            XCTAssertTrue((listed["file"] as? String ?? "").hasSuffix(".zip"), "with its attachment, a bundle")

            // Locked as sent; "Sửa và gửi lại" starts a correction.
            let locked = try await clerk.get(client, "/don-vi/bao-cao?nam=2026&loai=bao-cao")
            XCTAssertTrue(locked.text.contains("Đã gửi"))
            XCTAssertTrue(locked.text.contains("<fieldset disabled"))
            let again = try await Self.post(clerk, client, fields)
            XCTAssertEqual(again.status, .conflict, "a sent draft does not change")
            _ = try await clerk.post(client, "/don-vi/bao-cao/sua", ["csrf": csrf, "nam": "2026", "loai": "bao-cao"])
            let correction = try await clerk.get(client, "/don-vi/bao-cao?nam=2026&loai=bao-cao")
            XCTAssertTrue(correction.text.contains("thay thế báo cáo CDSQG-2026-annual-web-01"), correction.text)
            var corrected = fields.map { $0.0 == "version" ? ("version", Self.version(correction)) : $0 }
            corrected = corrected.map { $0.0 == "t0-r0-text" ? ("t0-r0-text", "Trình Chính phủ dự thảo Nghị định") : $0 }
            let resent = try await Self.post(clerk, client, corrected)
            XCTAssertEqual(resent.status, .seeOther)
            let after = try await client.execute(uri: "/api/v1/submissions/CDSQG-2026-annual-web-02", method: .get, headers: portal.bearer("cdsqg"))
            XCTAssertEqual(after.json["supersedes"] as? String, "CDSQG-2026-annual-web-01")
        }
    }

    func testTheSecondClerkToSaveIsWarnedAndDraftsSurviveARestart() async throws {
        let portal = try PortalFixture()
        try await portal.test { client in
            let first = Browser(), second = Browser()
            _ = try await first.signIn(client, "cdsqg", portal.passwords["cdsqg"]!)
            _ = try await second.signIn(client, "cdsqg", portal.passwords["cdsqg"]!)
            let start = try await first.get(client, "/don-vi/bao-cao?nam=2026&loai=bao-cao")
            _ = try await first.post(client, "/don-vi/bao-cao/bat-dau", ["csrf": Browser.csrf(start), "nam": "2026", "loai": "bao-cao"])
            let pageA = try await first.get(client, "/don-vi/bao-cao?nam=2026&loai=bao-cao")
            let pageB = try await second.get(client, "/don-vi/bao-cao?nam=2026&loai=bao-cao")
            let savedA = try await Self.post(first, client, [("csrf", Browser.csrf(pageA)), ("nam", "2026"), ("loai", "bao-cao"),
                                                              ("version", Self.version(pageA)), ("t0-responsible", "Người thứ nhất"), ("action", "save")])
            XCTAssertEqual(savedA.status, .seeOther)
            let savedB = try await Self.post(second, client, [("csrf", Browser.csrf(pageB)), ("nam", "2026"), ("loai", "bao-cao"),
                                                               ("version", Self.version(pageB)), ("t0-responsible", "Người thứ hai"), ("action", "save")])
            XCTAssertEqual(savedB.status, .conflict)
            XCTAssertTrue(savedB.text.contains("Bản nháp đã thay đổi"), savedB.text)
            XCTAssertTrue(savedB.text.contains("cdsqg lưu lúc"))
            XCTAssertTrue(savedB.text.contains("Người thứ hai"), "the second clerk's words are not lost")
            let stored = try await first.get(client, "/don-vi/bao-cao?nam=2026&loai=bao-cao")
            XCTAssertTrue(stored.text.contains("Người thứ nhất"))
        }
        // A new server on the same store: the draft is there.
        let restarted = try PortalFixture(reopening: portal)
        try await restarted.test { client in
            let clerk = Browser()
            _ = try await clerk.signIn(client, "cdsqg", portal.passwords["cdsqg"]!)
            let page = try await clerk.get(client, "/don-vi/bao-cao?nam=2026&loai=bao-cao")
            XCTAssertTrue(page.text.contains("Người thứ nhất"), page.text)
        }
    }

    func testVietnameseStaysIntactAndTheDocumentCanBePreviewed() async throws {
        let portal = try PortalFixture()
        try await portal.test { client in
            let clerk = Browser()
            _ = try await clerk.signIn(client, "cdsqg", portal.passwords["cdsqg"]!)
            let start = try await clerk.get(client, "/don-vi/bao-cao?nam=2026&loai=bao-cao")
            _ = try await clerk.post(client, "/don-vi/bao-cao/bat-dau", ["csrf": Browser.csrf(start), "nam": "2026", "loai": "bao-cao"])
            let form = try await clerk.get(client, "/don-vi/bao-cao?nam=2026&loai=bao-cao")
            let decomposed = "Nguyễn Thị Hoà".decomposedStringWithCanonicalMapping
            XCTAssertNotEqual(Array(decomposed.utf8), Array("Nguyễn Thị Hoà".utf8), "typed in NFD")
            let preview = try await Self.post(clerk, client, [
                ("csrf", Browser.csrf(form)), ("nam", "2026"), ("loai", "bao-cao"), ("version", Self.version(form)),
                ("t0-status", "on-schedule"), ("t0-progress", "50 %"), ("t0-responsible", decomposed),
                ("preparer-name", decomposed), ("action", "preview"),
            ])
            XCTAssertEqual(preview.status, .ok, preview.text)
            XCTAssertEqual(preview.headers[.contentType], "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            XCTAssertEqual(Array(Data(buffer: preview.body).prefix(2)), [0x50, 0x4B])
            let saved = try await clerk.get(client, "/don-vi/bao-cao?nam=2026&loai=bao-cao")
            // Bytes, not Strings: Swift compares strings up to canonical equivalence.
            let bytes = Data(buffer: saved.body)
            XCTAssertNotNil(bytes.range(of: Data("Nguyễn Thị Hoà".precomposedStringWithCanonicalMapping.utf8)), "kept in NFC")
            XCTAssertNil(bytes.range(of: Data(decomposed.utf8)))
        }
    }

    func testADraftStartsFromLastYearsReportOrTheDetailedPlan() async throws {
        let portal = try PortalFixture()
        try await portal.test { client in
            let sent = try await client.execute(uri: "/api/v1/submissions", method: .post, headers: portal.upload("cdsqg", name: "CDSQG-2026.xml"),
                                                body: try PortalFixture.file("inbox-2026/CDSQG-2026.xml"))
            XCTAssertEqual(sent.status, .created)
            let responsible = try XCTUnwrap(try StoredReport(resources: PortalFixture.resources)
                .read(Data(contentsOf: PortalFixture.fixtures.appendingPathComponent("inbox-2026/CDSQG-2026.xml")), path: "r.xml")
                .tasks.first?.responsible)
            let clerk = Browser()
            _ = try await clerk.signIn(client, "cdsqg", portal.passwords["cdsqg"]!)
            let start = try await clerk.get(client, "/don-vi/bao-cao?nam=2027&loai=bao-cao")
            XCTAssertTrue(start.text.contains("Bắt đầu từ báo cáo năm 2026"), start.text)
            _ = try await clerk.post(client, "/don-vi/bao-cao/bat-dau", ["csrf": Browser.csrf(start), "nam": "2027", "loai": "bao-cao", "tu": "nam-truoc"])
            let form = try await clerk.get(client, "/don-vi/bao-cao?nam=2027&loai=bao-cao")
            XCTAssertTrue(form.text.contains(responsible), "the person in charge carried over")
            XCTAssertTrue(form.text.contains("Báo cáo kết quả thực hiện năm 2027"))

            // A detailed plan on file: the annual report can start from it.
            let plan = try await client.execute(uri: "/api/v1/submissions", method: .post, headers: portal.upload("cdsqg", name: "CDSQG-KH-2026.xml"),
                                                body: try PortalFixture.file("plans-2026/CDSQG-KH-2026.xml"))
            XCTAssertEqual(plan.status, .created, plan.text)
            let other = Browser()
            _ = try await other.signIn(client, "cdsqg", portal.passwords["cdsqg"]!)
            let start2026 = try await other.get(client, "/don-vi/bao-cao?nam=2026&loai=bao-cao")
            XCTAssertTrue(start2026.text.contains("Bắt đầu từ kế hoạch triển khai chi tiết năm 2026"), start2026.text)
            _ = try await other.post(client, "/don-vi/bao-cao/bat-dau", ["csrf": Browser.csrf(start2026), "nam": "2026", "loai": "bao-cao",
                                                                         "tu": "ke-hoach-chi-tiet"])
            let fromPlan = try await other.get(client, "/don-vi/bao-cao?nam=2026&loai=bao-cao")
            XCTAssertTrue(fromPlan.text.contains("value=\"2026-06\""), "a row for each planned month")
        }
    }

    func testADetailedPlanIsFilledAndSent() async throws {
        let portal = try PortalFixture(clock: "2026-01-20T09:00:00+07:00")
        try await portal.test { client in
            let clerk = Browser()
            _ = try await clerk.signIn(client, "vtf", portal.passwords["vtf"]!)
            let start = try await clerk.get(client, "/don-vi/bao-cao?nam=2026&loai=ke-hoach")
            _ = try await clerk.post(client, "/don-vi/bao-cao/bat-dau", ["csrf": Browser.csrf(start), "nam": "2026", "loai": "ke-hoach"])
            let form = try await clerk.get(client, "/don-vi/bao-cao?nam=2026&loai=ke-hoach")
            XCTAssertFalse(form.text.contains("id=\"t0-status\""), "a plan has no status")
            let sent = try await Self.post(clerk, client, [
                ("csrf", Browser.csrf(form)), ("nam", "2026"), ("loai", "ke-hoach"), ("version", Self.version(form)),
                ("t0-responsible", "Lê Văn Cường, Phó Giám đốc"), ("t0-r-count", "2"),
                ("t0-r0-month", "2026-06"), ("t0-r0-text", "Hoàn thành khảo sát nhu cầu"),
                ("t0-r1-month", "2026-11"), ("t0-r1-text", "Hỗ trợ 200 doanh nghiệp"),
                ("preparer-name", "Phạm Thu Hà"), ("action", "send"),
            ])
            XCTAssertEqual(sent.status, .seeOther, sent.text)
            let api = try await client.execute(uri: "/api/v1/submissions?year=2026", method: .get, headers: portal.bearer("vtf"))
            let listed = try XCTUnwrap((api.json["submissions"] as? [[String: Any]])?.first)
            XCTAssertEqual(listed["kind"] as? String, "plan")
            XCTAssertEqual(listed["outcome"] as? String, "accepted")
            XCTAssertEqual(listed["late"] as? Bool, false)
        }
    }

    func testAFormSentReportConsolidatesAsTheHandWrittenXML() async throws {
        let handWritten = try Data(contentsOf: PortalFixture.fixtures.appendingPathComponent("inbox-2026/CDSQG-2026.xml"))
        let report = try StoredReport(resources: PortalFixture.resources).read(handWritten, path: "CDSQG-2026.xml")
        // The form's draft of the same report, as a clerk would have filled it.
        var draft = ReportDraft(report: report)
        draft.id = "CDSQG-2026-annual-web-01"
        let document = DraftDocument(draft, plan: PortalFixture.resources.plan, submitted: report.submitted ?? "2026-11-10")
        var fromForm = try StoredReport(resources: PortalFixture.resources).read(document.xml, path: "report.xml")
        fromForm.id = report.id
        XCTAssertEqual(Self.withoutLocations(fromForm), Self.withoutLocations(report), "the same report, field for field")

        // Through both channels, then the ministry summary's data.
        let formPortal = try PortalFixture(clock: "2026-12-01T09:00:00+07:00")
        let drafts = formPortal.store.appendingPathComponent("drafts/CDSQG")
        try FileManager.default.createDirectory(at: drafts, withIntermediateDirectories: true)
        try JSONEncoder().encode(draft).write(to: drafts.appendingPathComponent("2026-annual.json"))
        let formData = try await formPortal.test { client in
            let clerk = Browser()
            _ = try await clerk.signIn(client, "cdsqg", formPortal.passwords["cdsqg"]!)
            let page = try await clerk.get(client, "/don-vi/bao-cao?nam=2026&loai=bao-cao")
            let sent = try await Self.post(clerk, client, [("csrf", Browser.csrf(page)), ("nam", "2026"), ("loai", "bao-cao"),
                                                           ("version", Self.version(page)), ("action", "send")])
            XCTAssertEqual(sent.status, .seeOther, sent.text)
            return try await Self.summary(client, formPortal)
        }
        let filePortal = try PortalFixture(clock: "2026-12-01T09:00:00+07:00")
        let fileData = try await filePortal.test { client in
            let sent = try await client.execute(uri: "/api/v1/submissions", method: .post, headers: filePortal.upload("cdsqg", name: "CDSQG-2026.xml"),
                                                body: ByteBuffer(data: handWritten))
            XCTAssertEqual(sent.status, .created)
            return try await Self.summary(client, filePortal)
        }
        for key in ["tasks", "indicators", "funding"] {
            XCTAssertEqual(formData[key], fileData[key], key)
        }
    }

    /// The merged data the ministry summary is written from, without what names the submission.
    static func summary(_ client: any TestClientProtocol, _ portal: PortalFixture) async throws -> [String: String] {
        let built = try await client.execute(uri: "/api/v1/documents?year=2026", method: .post, headers: portal.bearer("vu"))
        XCTAssertEqual(built.status, .ok, built.text)
        let json = try await client.execute(uri: "/api/v1/documents/2026/ministry-summary-2026.json", method: .get, headers: portal.bearer("vu"))
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(buffer: json.body)) as? [String: Any])
        var out: [String: String] = [:]
        for key in ["tasks", "indicators", "funding"] {
            var value = object[key] as Any
            if var tasks = value as? [[String: Any]] {
                for i in tasks.indices { tasks[i]["sources"] = nil; tasks[i]["provenance"] = nil }
                value = tasks
            }
            out[key] = String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
        }
        return out
    }

    static func withoutLocations(_ report: Report) -> String {
        var copy = report
        copy.location = SourceLocation()
        copy.preparer.location = SourceLocation()
        copy.submitted = nil
        for t in copy.tasks.indices {
            copy.tasks[t].location = SourceLocation()
            for i in copy.tasks[t].results.indices { copy.tasks[t].results[i].location = SourceLocation() }
            for i in copy.tasks[t].indicators.indices { copy.tasks[t].indicators[i].location = SourceLocation() }
            for i in copy.tasks[t].products.indices { copy.tasks[t].products[i].location = SourceLocation() }
            for i in copy.tasks[t].difficulties.indices { copy.tasks[t].difficulties[i].location = SourceLocation() }
            for i in copy.tasks[t].proposals.indices { copy.tasks[t].proposals[i].location = SourceLocation() }
            for i in copy.tasks[t].funding.indices { copy.tasks[t].funding[i].location = SourceLocation() }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(copy)) ?? Data(), as: UTF8.self)
    }
}
