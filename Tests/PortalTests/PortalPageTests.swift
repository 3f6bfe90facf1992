import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import XCTest

/// The pages: signing in with CSRF and throttling, the session cookie,
/// forms that refuse without their token, a unit never reaching another's page.
final class PortalPageTests: XCTestCase {
    /// A browser's cookie jar, reduced to what these pages set.
    final class Browser: @unchecked Sendable {
        var cookies: [String: String] = [:]

        var header: HTTPFields {
            cookies.isEmpty ? [:] : [.cookie: cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")]
        }

        func keep(_ response: TestResponse) {
            for field in response.headers where field.name == .setCookie {
                let pair = field.value.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
                let name = String(pair[0]), value = pair.count > 1 ? String(pair[1]) : ""
                cookies[name] = value.isEmpty ? nil : value
            }
        }

        func get(_ client: any TestClientProtocol, _ uri: String) async throws -> TestResponse {
            let response = try await client.execute(uri: uri, method: .get, headers: header)
            keep(response)
            return response
        }

        func post(_ client: any TestClientProtocol, _ uri: String, _ fields: [String: String]) async throws -> TestResponse {
            var headers = header
            headers[.contentType] = "application/x-www-form-urlencoded"
            let body = fields.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
            let response = try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
            keep(response)
            return response
        }

        /// The CSRF token of the page's first form.
        static func csrf(_ page: TestResponse) -> String {
            let text = page.text
            guard let range = text.range(of: "name=\"csrf\" value=\"") else { return "" }
            return String(text[range.upperBound...].prefix { $0 != "\"" })
        }

        func signIn(_ client: any TestClientProtocol, _ name: String, _ password: String) async throws -> TestResponse {
            let form = try await get(client, "/dang-nhap")
            return try await post(client, "/dang-nhap", ["name": name, "password": password, "csrf": Self.csrf(form)])
        }
    }

    func testSigningInSetsAStrictHttpOnlyCookieAndSigningOutEndsIt() async throws {
        let portal = try PortalFixture()
        try await portal.test { client in
            let browser = Browser()
            let form = try await browser.get(client, "/dang-nhap")
            XCTAssertEqual(form.status, .ok)
            XCTAssertTrue(form.text.contains("<label for=\"name\">"), "labelled fields")
            XCTAssertTrue(form.text.contains("lang=\"vi\""))
            // Without the form's token: refused.
            let forged = try await client.execute(uri: "/dang-nhap", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                  body: ByteBuffer(string: "name=cdsqg&password=\(portal.passwords["cdsqg"]!)"))
            XCTAssertEqual(forged.status, .forbidden)
            XCTAssertNil(forged.headers[.setCookie].flatMap { $0.contains("baocao_session=") ? $0 : nil })

            let signedIn = try await browser.post(client, "/dang-nhap", ["name": "cdsqg", "password": portal.passwords["cdsqg"]!, "csrf": Browser.csrf(form)])
            XCTAssertEqual(signedIn.status, .seeOther)
            XCTAssertEqual(signedIn.headers[.location], "/don-vi")
            let cookie = try XCTUnwrap(signedIn.headers[values: .setCookie].first { $0.hasPrefix("baocao_session=") })
            XCTAssertTrue(cookie.contains("HttpOnly"))
            XCTAssertTrue(cookie.contains("SameSite=Strict"))
            XCTAssertFalse(cookie.contains("Secure"), "plain HTTP on loopback")

            let home = try await browser.get(client, "/don-vi")
            XCTAssertEqual(home.status, .ok)
            XCTAssertTrue(home.text.contains("Cục Chuyển đổi số Quốc gia"), home.text)
            XCTAssertTrue(home.text.contains("2.1.1"), "its due task")
            XCTAssertTrue(home.text.contains("còn 5 ngày"), "days left to 15 November")
            XCTAssertTrue(home.text.contains("enctype=\"multipart/form-data\""), "the upload form")
            XCTAssertTrue(home.text.contains("Đồng hồ cố định"), "--fixed-clock is shown on every page")

            // The secretariat's pages are not a unit's.
            let board = try await browser.get(client, "/van-phong")
            XCTAssertEqual(board.status, .forbidden)

            // Signing out needs the token too, then the session is gone.
            let noToken = try await browser.post(client, "/dang-xuat", [:])
            XCTAssertEqual(noToken.status, .forbidden)
            let out = try await browser.post(client, "/dang-xuat", ["csrf": Browser.csrf(home)])
            XCTAssertEqual(out.status, .seeOther)
            let after = try await client.execute(uri: "/don-vi", method: .get, headers: [.cookie: "baocao_session=\(browser.cookies["baocao_session"] ?? "gone")"])
            XCTAssertEqual(after.status, .seeOther)
            XCTAssertEqual(after.headers[.location], "/dang-nhap")
        }
    }

    func testBehindTLSTheCookieIsSecure() async throws {
        let portal = try PortalFixture()
        try await portal.test { client in
            let browser = Browser()
            let form = try await browser.get(client, "/dang-nhap")
            var headers = browser.header
            headers[.contentType] = "application/x-www-form-urlencoded"
            headers[HTTPField.Name("X-Forwarded-Proto")!] = "https"
            let body = "name=vu&password=\(portal.passwords["vu"]!)&csrf=\(Browser.csrf(form))"
            let signedIn = try await client.execute(uri: "/dang-nhap", method: .post, headers: headers, body: ByteBuffer(string: body))
            XCTAssertEqual(signedIn.status, .seeOther)
            XCTAssertTrue(signedIn.headers[values: .setCookie].contains { $0.hasPrefix("baocao_session=") && $0.contains("; Secure") })
        }
    }

    func testFiveFailuresCloseTheAccountForAMinute() async throws {
        let portal = try PortalFixture()
        try await portal.test { client in
            let browser = Browser()
            for attempt in 1...5 {
                let wrong = try await browser.signIn(client, "vtf", "sai-mat-khau-\(attempt)")
                XCTAssertEqual(wrong.status, .unauthorized, "attempt \(attempt)")
                XCTAssertTrue(wrong.text.contains("error-summary"), "an error summary")
                XCTAssertFalse(wrong.text.contains("sai-mat-khau"), "the password is never echoed")
            }
            let closed = try await browser.signIn(client, "vtf", portal.passwords["vtf"]!)
            XCTAssertEqual(closed.status, .tooManyRequests, "even the right password, for a minute")
            // Another account is not affected.
            let other = try await Browser().signIn(client, "cdsqg", portal.passwords["cdsqg"]!)
            XCTAssertEqual(other.status, .seeOther)
        }
    }

    func testTheSecretariatReturnsAReportAndTheUnitReadsWhy() async throws {
        let portal = try PortalFixture(clock: "2026-11-20T10:00:00+07:00")
        try await portal.test { client in
            let sent = try await client.execute(uri: "/api/v1/submissions", method: .post,
                                                headers: portal.upload("vtf", name: "VTF-2026.xml"), body: try PortalFixture.file("inbox-2026/VTF-2026.xml"))
            let sha = try XCTUnwrap(sent.json["sha256"] as? String)
            let office = Browser()
            _ = try await office.signIn(client, "vu", portal.passwords["vu"]!)
            let board = try await office.get(client, "/van-phong?nam=2026")
            XCTAssertEqual(board.status, .ok)
            XCTAssertTrue(board.text.contains("Quỹ Dịch vụ viễn thông công ích Việt Nam"), board.text)
            let page = try await office.get(client, "/bao-cao/\(sha)")
            XCTAssertTrue(page.text.contains("Trả lại báo cáo"))
            // A form without its token changes nothing.
            let forged = try await office.post(client, "/bao-cao/\(sha)/tra-lai", ["reason": "x"])
            XCTAssertEqual(forged.status, .forbidden)
            let empty = try await office.post(client, "/bao-cao/\(sha)/tra-lai", ["reason": " ", "csrf": Browser.csrf(page)])
            XCTAssertEqual(empty.status, .badRequest)
            XCTAssertTrue(empty.text.contains("Cần nêu lý do"))
            let returned = try await office.post(client, "/bao-cao/\(sha)/tra-lai",
                                                 ["reason": "Thiếu kết quả tháng 10 của nhiệm vụ 2.2.2.", "resendBy": "2026-11-27", "csrf": Browser.csrf(page)])
            XCTAssertEqual(returned.status, .seeOther)
            let done = try await office.get(client, returned.headers[.location] ?? "/")
            XCTAssertTrue(done.text.contains("Công văn trả lại"), "the letter is offered")
            let list = try await office.get(client, "/van-phong/bao-cao?nam=2026&tham-dinh=tra-lai")
            XCTAssertTrue(list.text.contains("VTF-2026.xml"))
            let pending = try await office.get(client, "/van-phong/bao-cao?nam=2026&tham-dinh=cho")
            XCTAssertFalse(pending.text.contains("VTF-2026.xml"), "the filter")

            let unit = Browser()
            _ = try await unit.signIn(client, "vtf", portal.passwords["vtf"]!)
            let home = try await unit.get(client, "/don-vi")
            XCTAssertTrue(home.text.contains("Thiếu kết quả tháng 10 của nhiệm vụ 2.2.2."), home.text)
            XCTAssertTrue(home.text.contains("27/11/2026"))
            let document = try await unit.get(client, "/bao-cao/\(sha)/van-ban")
            XCTAssertEqual(document.status, .ok)
            XCTAssertEqual(Array(Data(buffer: document.body).prefix(2)), [0x50, 0x4B], "the unit's own report, as DOCX")
            // Another unit cannot open it.
            let stranger = Browser()
            _ = try await stranger.signIn(client, "cdsqg", portal.passwords["cdsqg"]!)
            let hidden = try await stranger.get(client, "/bao-cao/\(sha)")
            XCTAssertEqual(hidden.status, .notFound)
            XCTAssertFalse(hidden.text.contains("VTF-2026.xml"))
        }
    }
}
