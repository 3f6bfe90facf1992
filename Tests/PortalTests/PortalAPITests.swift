import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import SystemKit
import XCTest

/// Every route and status code of portal.md's API, through the router.
final class PortalAPITests: XCTestCase {
    func testHealthzAndTheTwoAuthenticationFailures() async throws {
        let portal = try PortalFixture()
        try await portal.test { client in
            let health = try await client.execute(uri: "/healthz", method: .get)
            XCTAssertEqual(health.status, .ok)
            XCTAssertEqual(health.text, "ok")
            let none = try await client.execute(uri: "/api/v1/submissions", method: .get)
            XCTAssertEqual(none.status, .unauthorized)
            XCTAssertEqual(none.errorCode, "UNAUTHENTICATED")
            let error = try XCTUnwrap(none.json["error"] as? [String: Any])
            XCTAssertFalse((error["message"] as? String ?? "").isEmpty, "a Vietnamese message")
            XCTAssertFalse((error["message_en"] as? String ?? "").isEmpty, "an English one")
            let unknown = try await client.execute(uri: "/api/v1/submissions", method: .get, headers: [.authorization: "Bearer bct_nope"])
            XCTAssertEqual(unknown.status, .unauthorized)
            let unit = try await client.execute(uri: "/api/v1/documents?year=2026", method: .post, headers: portal.bearer("cdsqg"))
            XCTAssertEqual(unit.status, .forbidden, "a unit may not consolidate")
            XCTAssertEqual(unit.errorCode, "FORBIDDEN")
            let nowhere = try await client.execute(uri: "/api/v1/nowhere", method: .get, headers: portal.bearer("vu"))
            XCTAssertEqual(nowhere.status, .notFound)
            XCTAssertEqual(nowhere.errorCode, "NOT_FOUND")
        }
    }

    func testEachOutcomeHasItsStatus() async throws {
        let portal = try PortalFixture()
        try await portal.test { client in
            let body = try PortalFixture.file("inbox-2026/CDSQG-2026.xml")
            let accepted = try await client.execute(uri: "/api/v1/submissions", method: .post,
                                                    headers: portal.upload("cdsqg", name: "Báo cáo CDSQG.xml"), body: body)
            XCTAssertEqual(accepted.status, .created, accepted.text)
            let sha = try XCTUnwrap(accepted.json["sha256"] as? String)
            XCTAssertEqual(accepted.headers[.location], "/api/v1/submissions/\(sha)")
            XCTAssertEqual(accepted.json["outcome"] as? String, "accepted")
            XCTAssertEqual(accepted.json["channel"] as? String, "portal")
            XCTAssertEqual(accepted.json["account"] as? String, "cdsqg")
            XCTAssertEqual(accepted.json["file"] as? String, "Báo cáo CDSQG.xml", "X-Filename is percent-decoded UTF-8")
            XCTAssertEqual(accepted.json["received"] as? String, "2026-11-10T09:00:00+07:00", "--fixed-clock")
            XCTAssertEqual(accepted.json["late"] as? Bool, false)

            // A retry of the same bytes: a duplicate, the same identity.
            let retry = try await client.execute(uri: "/api/v1/submissions", method: .post,
                                                 headers: portal.upload("cdsqg", name: "Báo cáo CDSQG.xml"), body: body)
            XCTAssertEqual(retry.status, .ok)
            XCTAssertEqual(retry.json["outcome"] as? String, "duplicate")
            XCTAssertEqual(retry.json["id"] as? String, accepted.json["id"] as? String)
            XCTAssertEqual(retry.json["sha256"] as? String, sha)

            // Other bytes, the same @id: ID_CONFLICT.
            let conflict = try await client.execute(uri: "/api/v1/submissions", method: .post,
                                                    headers: portal.upload("cdsqg", name: "b.xml"), body: try variant("inbox-2026/CDSQG-2026.xml", "b"))
            XCTAssertEqual(conflict.status, .conflict)
            XCTAssertTrue(Self.codes(conflict).contains("ID_CONFLICT"))

            // Another unit's report from a unit account: UNIT_NOT_AUTHORISED, whatever else.
            let foreign = try await client.execute(uri: "/api/v1/submissions", method: .post,
                                                   headers: portal.upload("cdsqg", name: "VTF-2026.xml"), body: try PortalFixture.file("inbox-2026/VTF-2026.xml"))
            XCTAssertEqual(foreign.status, .forbidden)
            XCTAssertEqual(Self.codes(foreign).first, "UNIT_NOT_AUTHORISED")

            // Anything else wrong: 422 with the diagnostics.
            let broken = try await client.execute(uri: "/api/v1/submissions", method: .post,
                                                  headers: portal.upload("cdsqg", name: "hong.xml"), body: ByteBuffer(string: "<report"))
            XCTAssertEqual(broken.status, .unprocessableContent)
            XCTAssertEqual(Self.codes(broken), ["XML_MALFORMED"])

            // The secretariat may send for any unit, here as multipart/form-data.
            let boundary = "----baocao-test"
            var form = ByteBuffer(string: "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"VTF-2026.xml\"\r\n"
                + "Content-Type: application/xml\r\n\r\n")
            var vtf = try PortalFixture.file("inbox-2026/VTF-2026.xml")
            form.writeBuffer(&vtf)
            form.writeString("\r\n--\(boundary)--\r\n")
            var headers = portal.bearer("vu")
            headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
            let multipart = try await client.execute(uri: "/api/v1/submissions", method: .post, headers: headers, body: form)
            XCTAssertEqual(multipart.status, .created, multipart.text)
            XCTAssertEqual(multipart.json["unit"] as? String, "VTF")
            XCTAssertEqual(multipart.json["file"] as? String, "VTF-2026.xml")
            XCTAssertEqual(multipart.json["account"] as? String, "vu")
        }
        // Rejected uploads are kept in quarantine with their receipt, like inbox files.
        let quarantined = try FileManager.default.subpathsOfDirectory(atPath: portal.store.appendingPathComponent("quarantine").path)
        XCTAssertTrue(quarantined.contains { $0.hasSuffix("hong.xml") }, "\(quarantined)")
        XCTAssertTrue(quarantined.contains { $0.hasSuffix("hong.xml.receipt.json") })
        let uploads = try FileManager.default.contentsOfDirectory(atPath: portal.store.appendingPathComponent("uploads").path)
        XCTAssertEqual(uploads, [], "nothing left behind in uploads/")
    }

    /// An upload larger than what the server holds in memory
    /// (`UploadReceiver.heldLimit`) is written a MiB at a time and read
    /// back for its check: its receipt and the copy kept are those of the
    /// very bytes sent. (A report this long is refused: libxml2 reads no
    /// XML document past 10 MB.)
    func testAnUploadTooLargeToHoldIsCheckedFromItsFileAndKeptWhole() async throws {
        let portal = try PortalFixture()
        let report = try Data(contentsOf: PortalFixture.fixtures.appendingPathComponent("inbox-2026/CDSQG-2026.xml"))
        let sent = report + Data(repeating: UInt8(ascii: "\n"), count: (17 << 20) + 4097)
        try await portal.test { client in
            let refused = try await client.execute(uri: "/api/v1/submissions", method: .post,
                                                   headers: portal.upload("cdsqg", name: "CDSQG-2026.xml"), body: ByteBuffer(data: sent))
            XCTAssertEqual(refused.status, .unprocessableContent, refused.text)
            XCTAssertEqual(Self.codes(refused), ["XML_MALFORMED"])
            XCTAssertEqual(refused.json["sha256"] as? String, SHA256Hex.of(sent), "the receipt names the bytes sent")
        }
        let quarantine = portal.store.appendingPathComponent("quarantine")
        let kept = try XCTUnwrap(FileManager.default.subpathsOfDirectory(atPath: quarantine.path).first { $0.hasSuffix("/CDSQG-2026.xml") })
        XCTAssertEqual(try Data(contentsOf: quarantine.appendingPathComponent(kept)), sent, "kept byte for byte")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: portal.store.appendingPathComponent("uploads").path), [])
    }

    func testABodyPastTheLimitIsRefusedAndNothingKept() async throws {
        let portal = try PortalFixture(maxUploadBytes: 64 << 10)
        try await portal.test { client in
            let big = ByteBuffer(repeating: UInt8(ascii: "x"), count: 200 << 10)
            let refused = try await client.execute(uri: "/api/v1/submissions", method: .post,
                                                   headers: portal.upload("cdsqg", name: "big.xml"), body: big)
            XCTAssertEqual(refused.status, .contentTooLarge)
            XCTAssertEqual(refused.errorCode, "TOO_LARGE")
            let list = try await client.execute(uri: "/api/v1/submissions", method: .get, headers: portal.bearer("vu"))
            XCTAssertEqual((list.json["submissions"] as? [Any])?.count, 0, "nothing kept, no receipt")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: portal.store.appendingPathComponent("uploads").path), [])
    }

    func testAUnitSeesOnlyItsOwn() async throws {
        let portal = try PortalFixture()
        try await portal.test { client in
            let cdsqg = try await client.execute(uri: "/api/v1/submissions", method: .post,
                                                 headers: portal.upload("cdsqg", name: "CDSQG-2026.xml"), body: try PortalFixture.file("inbox-2026/CDSQG-2026.xml"))
            let sha = try XCTUnwrap(cdsqg.json["sha256"] as? String)
            // VTF's account sends CDSQG's file: refused, and the refusal is VTF's alone.
            let misdirected = try await client.execute(uri: "/api/v1/submissions", method: .post,
                                                       headers: portal.upload("vtf", name: "nham.xml"), body: try variant("inbox-2026/CDSQG-2026.xml", "vtf"))
            XCTAssertEqual(misdirected.status, .forbidden)
            let misSHA = try XCTUnwrap(misdirected.json["sha256"] as? String)
            _ = try await client.execute(uri: "/api/v1/submissions", method: .post,
                                         headers: portal.upload("vtf", name: "VTF-2026.xml"), body: try PortalFixture.file("inbox-2026/VTF-2026.xml"))

            let mine = try await client.execute(uri: "/api/v1/submissions?year=2026", method: .get, headers: portal.bearer("cdsqg"))
            XCTAssertEqual(Self.files(mine), ["CDSQG-2026.xml"], "not VTF's, not VTF's misdirected file")
            let theirs = try await client.execute(uri: "/api/v1/submissions", method: .get, headers: portal.bearer("vtf"))
            XCTAssertEqual(Self.files(theirs), ["VTF-2026.xml", "nham.xml"], "newest first")
            let all = try await client.execute(uri: "/api/v1/submissions", method: .get, headers: portal.bearer("vu"))
            XCTAssertEqual(Self.files(all).count, 3)

            for path in ["/api/v1/submissions/\(sha)", "/api/v1/submissions/\(sha.prefix(8))", "/api/v1/submissions/\(sha)/original"] {
                let hidden = try await client.execute(uri: path, method: .get, headers: portal.bearer("vtf"))
                XCTAssertEqual(hidden.status, .notFound, path)
                XCTAssertFalse(hidden.text.contains("CDSQG-2026.xml"), "a 404 says nothing of it")
            }
            // By @id, VTF finds only its own file that carries that id.
            let byID = try await client.execute(uri: "/api/v1/submissions/CDSQG-2026-annual-01", method: .get, headers: portal.bearer("vtf"))
            XCTAssertEqual(byID.json["file"] as? String, "nham.xml")
            let cdsqgMis = try await client.execute(uri: "/api/v1/submissions/\(misSHA)", method: .get, headers: portal.bearer("cdsqg"))
            XCTAssertEqual(cdsqgMis.status, .notFound, "a file sent in CDSQG's name by VTF is VTF's")
            let own = try await client.execute(uri: "/api/v1/submissions/\(sha.prefix(10))", method: .get, headers: portal.bearer("cdsqg"))
            XCTAssertEqual(own.status, .ok)
            XCTAssertTrue(own.json["review"] is NSNull, "review: null until checked")
            let original = try await client.execute(uri: "/api/v1/submissions/\(sha)/original", method: .get, headers: portal.bearer("cdsqg"))
            XCTAssertEqual(original.status, .ok)
            XCTAssertEqual(Data(buffer: original.body), try Data(contentsOf: PortalFixture.fixtures.appendingPathComponent("inbox-2026/CDSQG-2026.xml")))

            // The status: a unit gets its own line.
            let status = try await client.execute(uri: "/api/v1/status?year=2026", method: .get, headers: portal.bearer("cdsqg"))
            let units = try XCTUnwrap(status.json["units"] as? [[String: Any]])
            XCTAssertEqual(units.compactMap { $0["unit"] as? String }, ["CDSQG"])
            XCTAssertEqual((status.json["submissions"] as? [Any])?.count, 1)
            let board = try await client.execute(uri: "/api/v1/status?year=2026", method: .get, headers: portal.bearer("vu"))
            XCTAssertEqual((board.json["units"] as? [Any])?.count, 11)

            // The plan: its own; another unit's is forbidden.
            let plan = try await client.execute(uri: "/api/v1/plan?unit=CDSQG&year=2026", method: .get, headers: portal.bearer("cdsqg"))
            XCTAssertEqual(plan.status, .ok)
            let tasks = try XCTUnwrap(plan.json["tasks"] as? [[String: Any]])
            XCTAssertEqual(tasks.first?["code"] as? String, "2.1.1")
            XCTAssertEqual(tasks.first?["deadline"] as? String, "2026-04-30")
            XCTAssertEqual(plan.json["deadline"] as? String, "2026-11-15T23:59:59+07:00")
            XCTAssertEqual(plan.json["daysLeft"] as? Int, 5)
            let other = try await client.execute(uri: "/api/v1/plan?unit=VTF&year=2026", method: .get, headers: portal.bearer("cdsqg"))
            XCTAssertEqual(other.status, .forbidden)
            let any = try await client.execute(uri: "/api/v1/plan?unit=VTF&year=2026", method: .get, headers: portal.bearer("vu"))
            XCTAssertEqual(any.status, .ok)
        }
    }

    func testApproveReturnAndTheDocuments() async throws {
        let portal = try PortalFixture(clock: "2026-12-01T09:00:00+07:00")
        try await portal.test { client in
            let sent = try await client.execute(uri: "/api/v1/submissions", method: .post,
                                                headers: portal.upload("vtf", name: "VTF-2026.xml"), body: try PortalFixture.file("inbox-2026/VTF-2026.xml"))
            let sha = try XCTUnwrap(sent.json["sha256"] as? String)
            let byUnit = try await client.execute(uri: "/api/v1/submissions/\(sha)/approve", method: .post, headers: portal.bearer("vtf"))
            XCTAssertEqual(byUnit.status, .forbidden)
            let noReason = try await client.execute(uri: "/api/v1/submissions/\(sha)/return", method: .post, headers: portal.bearer("vu"),
                                                    body: ByteBuffer(string: "{\"reason\": \"  \"}"))
            XCTAssertEqual(noReason.status, .badRequest)
            let unknown = try await client.execute(uri: "/api/v1/submissions/deadbeefdeadbeef/approve", method: .post, headers: portal.bearer("vu"))
            XCTAssertEqual(unknown.status, .notFound)

            let returned = try await client.execute(uri: "/api/v1/submissions/VTF-2026-annual-01/return", method: .post, headers: portal.bearer("vu"),
                                                    body: ByteBuffer(string: #"{"reason": "Thiếu số liệu kinh phí.", "resendBy": "2026-12-08"}"#))
            XCTAssertEqual(returned.status, .ok, returned.text)
            let review = try XCTUnwrap(returned.json["review"] as? [String: Any])
            XCTAssertEqual(review["state"] as? String, "returned")
            XCTAssertEqual(review["by"] as? String, "vu")
            XCTAssertEqual(review["reason"] as? String, "Thiếu số liệu kinh phí.")
            XCTAssertEqual(review["at"] as? String, "2026-12-01T09:00:00+07:00")

            let seen = try await client.execute(uri: "/api/v1/submissions/\(sha)", method: .get, headers: portal.bearer("vtf"))
            XCTAssertEqual((seen.json["review"] as? [String: Any])?["state"] as? String, "returned", "the unit sees the return")
            let status = try await client.execute(uri: "/api/v1/status?year=2026", method: .get, headers: portal.bearer("vtf"))
            XCTAssertEqual((status.json["units"] as? [[String: Any]])?.first?["state"] as? String, "returned")

            let approved = try await client.execute(uri: "/api/v1/submissions/\(sha.prefix(12))/approve", method: .post, headers: portal.bearer("vu"))
            XCTAssertEqual(approved.status, .ok)
            XCTAssertEqual((approved.json["review"] as? [String: Any])?["state"] as? String, "approved")

            // The documents: built, listed, downloaded with their type; a unit may not.
            let built = try await client.execute(uri: "/api/v1/documents?year=2026", method: .post, headers: portal.bearer("vu"))
            XCTAssertEqual(built.status, .ok, built.text)
            let documents = try XCTUnwrap(built.json["documents"] as? [[String: Any]])
            let summary = try XCTUnwrap(documents.first { $0["name"] as? String == "ministry-summary-2026.docx" })
            XCTAssertEqual(summary["url"] as? String, "/api/v1/documents/2026/ministry-summary-2026.docx")
            XCTAssertEqual((summary["sha256"] as? String)?.count, 64)
            XCTAssertTrue(documents.contains { $0["name"] as? String == "pm-report-2026.docx" })
            let docx = try await client.execute(uri: "/api/v1/documents/2026/ministry-summary-2026.docx", method: .get, headers: portal.bearer("vu"))
            XCTAssertEqual(docx.status, .ok)
            XCTAssertEqual(docx.headers[.contentType], "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            XCTAssertEqual(Array(Data(buffer: docx.body).prefix(2)), [0x50, 0x4B], "a zip package")
            let forbidden = try await client.execute(uri: "/api/v1/documents/2026/ministry-summary-2026.docx", method: .get, headers: portal.bearer("vtf"))
            XCTAssertEqual(forbidden.status, .forbidden)
            for sneaky in ["/api/v1/documents/2026/..%2F..%2FStore%2Faccounts.json", "/api/v1/documents/2026/%2Fetc%2Fpasswd",
                           "/api/v1/documents/2026/accounts.json"] {
                let answer = try await client.execute(uri: sneaky, method: .get, headers: portal.bearer("vu"))
                XCTAssertEqual(answer.status, .notFound, sneaky)
            }
        }
    }

    static func codes(_ response: TestResponse) -> [String] {
        (response.json["diagnostics"] as? [[String: Any]] ?? []).filter { $0["severity"] as? String == "error" }.compactMap { $0["code"] as? String }
    }

    static func files(_ response: TestResponse) -> [String] {
        (response.json["submissions"] as? [[String: Any]] ?? []).compactMap { $0["file"] as? String }
    }
}
