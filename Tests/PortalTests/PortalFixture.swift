import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import Intake
import Portal
import ReportModel
import Store

/// A portal on a new store: a secretariat account `vu` and two unit
/// accounts, `cdsqg` (CDSQG) and `vtf` (VTF), each with a token, the clock fixed on 10 November 2026.
struct PortalFixture: Sendable {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = repository.appendingPathComponent("Fixtures")
    static let resources: IntakeResources = {
        do { return try IntakeResources.load() } catch { fatalError("\(error)") }
    }()

    let root: URL
    let server: PortalServer
    var tokens: [String: String] = [:]
    var passwords: [String: String] = [:]

    var store: URL { root.appendingPathComponent("Store") }
    var outbox: URL { root.appendingPathComponent("Outbox") }

    init(maxUploadBytes: Int64 = 200 << 20, clock: String = "2026-11-10T09:00:00+07:00") throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("baocao-portal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let admin = AccountAdmin(storeRoot: root.appendingPathComponent("Store"), plan: Self.resources.plan)
        for (name, role) in [("vu", AccountRole.secretariat), ("cdsqg", .unit("CDSQG")), ("vtf", .unit("VTF"))] {
            passwords[name] = try admin.add(name: name, role: role, at: Date()).password
            tokens[name] = try admin.newToken(name: name)
        }
        let formatter = ISO8601DateFormatter()
        let configuration = PortalConfiguration(
            storeRoot: root.appendingPathComponent("Store"), outbox: root.appendingPathComponent("Outbox"),
            resources: Self.resources, keyring: Keyring(keys: [:]),
            limits: BundleLimits(maxTotalUncompressed: maxUploadBytes), fixedClock: formatter.date(from: clock))
        server = PortalServer(portal: try Portal(configuration: configuration))
    }

    /// A new server on `earlier`'s store, with its accounts: a restart.
    init(reopening earlier: PortalFixture) throws {
        root = earlier.root
        tokens = earlier.tokens
        passwords = earlier.passwords
        server = PortalServer(portal: try Portal(configuration: earlier.server.portal.configuration))
    }

    func test<Value: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        let app = Application(router: server.router())
        return try await app.test(.router) { client in try await body(client) }
    }

    func bearer(_ account: String) -> HTTPFields {
        [.authorization: "Bearer \(tokens[account] ?? "none")"]
    }

    static func file(_ path: String) throws -> ByteBuffer {
        ByteBuffer(data: try Data(contentsOf: fixtures.appendingPathComponent(path)))
    }

    /// A raw upload's headers: the bearer, the type and the name.
    func upload(_ account: String, name: String, type: String = "application/xml") -> HTTPFields {
        var headers = bearer(account)
        headers[.contentType] = type
        headers[HTTPField.Name("X-Filename")!] = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? name
        return headers
    }
}

extension TestResponse {
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [String: Any] ?? [:]
    }

    var text: String { String(buffer: body) }

    /// The `error.code` of portal.md's error body.
    var errorCode: String? { (json["error"] as? [String: Any])?["code"] as? String }
}

/// A sample inbox file with an XML comment added at the end: other bytes, the same report.
func variant(_ path: String, _ note: String) throws -> ByteBuffer {
    var data = try Data(contentsOf: PortalFixture.fixtures.appendingPathComponent(path))
    data.append(Data("<!-- \(note) -->\n".utf8))
    return ByteBuffer(data: data)
}
