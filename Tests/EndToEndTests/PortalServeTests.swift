import Foundation
import XCTest

/// `baocao serve` as a process: it says where it listens, stops cleanly on
/// SIGTERM, shares the store with `baocao ingest` without losing or
/// doubling a file, keeps nothing of a cut-off or oversized upload, and
/// logs each request without a secret.
final class PortalServeTests: XCTestCase {
    /// A workspace with a secretariat account and a CDSQG account, and their tokens.
    private func accounts(_ space: Workspace) throws -> (secretariat: String, unit: String, password: String) {
        let added = try space.run(["account", "add", "vu", "--secretariat", "--json", "--store", space.store.path])
        XCTAssertEqual(added.status, 0, added.summary)
        let password = try XCTUnwrap(try added.json()["password"] as? String)
        XCTAssertEqual(try space.run(["account", "add", "cdsqg", "--unit", "CDSQG", "--store", space.store.path]).status, 0)
        let secretariat = try XCTUnwrap(try space.run(["account", "token", "vu", "--json", "--store", space.store.path]).json()["token"] as? String)
        let unit = try XCTUnwrap(try space.run(["account", "token", "cdsqg", "--json", "--store", space.store.path]).json()["token"] as? String)
        return (secretariat, unit, password)
    }

    func testItListensStopsOnSIGTERMAndLogsWithoutSecrets() throws {
        let space = try Workspace()
        let (secretariat, unit, password) = try accounts(space)
        let server = try ServeProcess(space)
        let health = try XCTUnwrap(try RawHTTP.send(port: server.port, method: "GET", path: "/healthz"))
        XCTAssertEqual(health.status, 200)
        XCTAssertEqual(health.text, "ok")
        let body = try Data(contentsOf: Baocao.fixtures.appendingPathComponent("inbox-2026/CDSQG-2026.xml"))
        let sent = try XCTUnwrap(try RawHTTP.send(port: server.port, method: "POST", path: "/api/v1/submissions",
                                                  headers: ["Authorization": "Bearer \(unit)", "Content-Type": "application/xml",
                                                            "X-Filename": "CDSQG-2026.xml"], body: body))
        XCTAssertEqual(sent.status, 201, sent.text)
        let list = try XCTUnwrap(try RawHTTP.send(port: server.port, method: "GET", path: "/api/v1/submissions?year=2026",
                                                  headers: ["Authorization": "Bearer \(secretariat)"]))
        XCTAssertEqual((list.json["submissions"] as? [Any])?.count, 1)
        // A failed sign-in, to see that the password is not logged.
        _ = try RawHTTP.send(port: server.port, method: "POST", path: "/dang-nhap",
                             headers: ["Content-Type": "application/x-www-form-urlencoded", "Cookie": "baocao_signin=abc"],
                             body: Data("name=vu&password=\(password)x&csrf=abc".utf8))
        XCTAssertEqual(server.stop(), 0, "SIGTERM: a clean stop")
        let log = server.log
        XCTAssertTrue(log.contains("cdsqg POST /api/v1/submissions 201"), log)
        XCTAssertTrue(log.contains("vu GET /api/v1/submissions 200"), log)
        XCTAssertTrue(log.contains("POST /dang-nhap 401"), log)
        for secret in [secretariat, unit, password, String(secretariat.dropFirst(4).prefix(16))] {
            XCTAssertFalse(log.contains(secret), "the log holds a secret")
        }
        // The receipt the portal gave is in the store's ledger and the outbox, like an inbox file's.
        let ledger = try String(contentsOf: space.store.appendingPathComponent("ledger.jsonl"), encoding: .utf8)
        XCTAssertTrue(ledger.contains("\"channel\":\"portal\""), ledger)
        XCTAssertEqual(try space.run(["verify", "--store", space.store.path]).status, 0)
    }

    func testIngestAndServeAtOnceNeitherLoseNorDoubleAFile() throws {
        let space = try Workspace()
        let (_, unit, _) = try accounts(space)
        let sample = try Data(contentsOf: Baocao.fixtures.appendingPathComponent("inbox-2026/CDSQG-2026.xml"))
        // 30 files for each channel, each different bytes (so one accepted, the rest ID_CONFLICT).
        let count = 30
        for n in 0..<count {
            let url = space.inbox.appendingPathComponent("inbox-\(n).xml")
            try (sample + Data("<!-- inbox \(n) -->\n".utf8)).write(to: url)
            try Workspace.setReceived(url, "2026-11-10T08:00:00+07:00")
        }
        let server = try ServeProcess(space)
        let port = server.port
        let group = DispatchGroup()
        let statuses = Statuses()
        for n in 0..<count {
            group.enter()
            DispatchQueue.global().async {
                let answer = try? RawHTTP.send(port: port, method: "POST", path: "/api/v1/submissions",
                                               headers: ["Authorization": "Bearer \(unit)", "X-Filename": "upload-\(n).xml"],
                                               body: sample + Data("<!-- upload \(n) -->\n".utf8))
                statuses.add(answer?.status ?? 0)
                group.leave()
            }
        }
        let ingest = try space.ingest(extra: ["--settle-seconds", "0"])
        group.wait()
        XCTAssertEqual(server.stop(), 0)
        XCTAssertTrue([0, 1].contains(ingest.status), ingest.summary)
        XCTAssertEqual(statuses.all.filter { $0 == 0 }.count, 0, "every upload answered: \(statuses.all)")
        let lines = try String(contentsOf: space.store.appendingPathComponent("ledger.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:] }
        let files = lines.compactMap { ($0["receipt"] as? [String: Any])?["file"] as? String }
        XCTAssertEqual(files.count, 2 * count, "one record per file")
        XCTAssertEqual(Set(files).count, 2 * count, "none doubled")
        XCTAssertEqual(lines.compactMap { $0["sequence"] as? Int }, Array(1...(2 * count)), "numbered without a gap")
        let accepted = lines.filter { ($0["receipt"] as? [String: Any])?["outcome"] as? String == "accepted" }
        XCTAssertEqual(accepted.count, 1, "one @id, accepted once; the rest ID_CONFLICT")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: space.inbox.path).filter { !$0.hasPrefix(".") }, [])
        XCTAssertEqual(try space.run(["verify", "--store", space.store.path]).status, 0)
    }

    func testAnUploadCutOffOrPastTheLimitKeepsNothing() throws {
        let space = try Workspace()
        let (_, unit, _) = try accounts(space)
        let server = try ServeProcess(space, extra: ["--max-size-mib", "1"])
        let body = try Data(contentsOf: Baocao.fixtures.appendingPathComponent("inbox-2026/CDSQG-2026.xml"))
        let headers = ["Authorization": "Bearer \(unit)", "Content-Type": "application/xml", "X-Filename": "cut.xml"]
        // Half the declared body, then the connection closes.
        _ = try RawHTTP.send(port: server.port, method: "POST", path: "/api/v1/submissions", headers: headers, body: body,
                             declaredLength: body.count, sendOnly: body.count / 2)
        // Past the limit, streamed in chunks with no length announced: cut off with 413.
        let big = Data(repeating: UInt8(ascii: " "), count: 3 << 20)
        let tooLarge = try XCTUnwrap(try RawHTTP.send(port: server.port, method: "POST", path: "/api/v1/submissions",
                                                      headers: headers, body: big, chunked: true))
        XCTAssertEqual(tooLarge.status, 413)
        XCTAssertEqual((tooLarge.json["error"] as? [String: Any])?["code"] as? String, "TOO_LARGE")
        // The same with the length announced: refused before reading.
        let announced = try XCTUnwrap(try RawHTTP.send(port: server.port, method: "POST", path: "/api/v1/submissions",
                                                       headers: headers, body: big))
        XCTAssertEqual(announced.status, 413)
        // Then a whole upload goes through.
        let whole = try XCTUnwrap(try RawHTTP.send(port: server.port, method: "POST", path: "/api/v1/submissions",
                                                   headers: headers, body: body))
        XCTAssertEqual(whole.status, 201)
        XCTAssertEqual(server.stop(), 0)
        let ledger = try String(contentsOf: space.store.appendingPathComponent("ledger.jsonl"), encoding: .utf8)
        XCTAssertEqual(ledger.split(separator: "\n").count, 1, "only the whole upload: \(ledger)")
        let uploads = try FileManager.default.contentsOfDirectory(atPath: space.store.appendingPathComponent("uploads").path)
        XCTAssertEqual(uploads, [], "nothing half-received is left")
        XCTAssertEqual(try space.run(["verify", "--store", space.store.path]).status, 0)
    }

    func testAccountsArePrintedOnceAndDisabledAtOnce() throws {
        let space = try Workspace()
        let (_, unit, password) = try accounts(space)
        let listed = try space.run(["account", "list", "--json", "--store", space.store.path])
        XCTAssertFalse(listed.stdout.contains(password))
        XCTAssertFalse(listed.stdout.contains("$2"), "no hash either")
        let stored = try String(contentsOf: space.store.appendingPathComponent("accounts.json"), encoding: .utf8)
        XCTAssertFalse(stored.contains(password), "only the bcrypt hash is kept")
        XCTAssertFalse(stored.contains(unit), "only the token's SHA-256 is kept")
        XCTAssertTrue(stored.contains("$2b$"))
        XCTAssertEqual(try space.run(["account", "add", "vu", "--secretariat", "--store", space.store.path]).status, 2, "exists")
        XCTAssertEqual(try space.run(["account", "add", "x", "--unit", "NOPE", "--store", space.store.path]).status, 2, "no such unit")

        let server = try ServeProcess(space)
        let auth = ["Authorization": "Bearer \(unit)"]
        XCTAssertEqual(try RawHTTP.send(port: server.port, method: "GET", path: "/api/v1/submissions", headers: auth)?.status, 200)
        XCTAssertEqual(try space.run(["account", "disable", "cdsqg", "--store", space.store.path]).status, 0)
        XCTAssertEqual(try RawHTTP.send(port: server.port, method: "GET", path: "/api/v1/submissions", headers: auth)?.status, 401,
                       "a disabled account stops at the next request")
        XCTAssertEqual(try space.run(["account", "enable", "cdsqg", "--store", space.store.path]).status, 0)
        XCTAssertEqual(try RawHTTP.send(port: server.port, method: "GET", path: "/api/v1/submissions", headers: auth)?.status, 200)
        XCTAssertEqual(try space.run(["account", "token", "cdsqg", "--store", space.store.path]).status, 0)
        XCTAssertEqual(try RawHTTP.send(port: server.port, method: "GET", path: "/api/v1/submissions", headers: auth)?.status, 401,
                       "a new token ends the old one")
        XCTAssertEqual(server.stop(), 0)
    }
}

/// Status codes gathered from several threads.
final class Statuses: @unchecked Sendable {
    private let lock = NSLock()
    private var codes: [Int] = []

    func add(_ code: Int) { lock.withLock { codes.append(code) } }
    var all: [Int] { lock.withLock { codes } }
}
