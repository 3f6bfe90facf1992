import Foundation
import XCTest

/// A fresh scratch folder with `Inbox/`, `Store/`, `Outbox/` and `keys/`,
/// removed when the test ends.
final class Workspace {
    let root: URL
    var inbox: URL { root.appendingPathComponent("Inbox") }
    var store: URL { root.appendingPathComponent("Store") }
    var outbox: URL { root.appendingPathComponent("Outbox") }
    var keys: URL { root.appendingPathComponent("keys") }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("baocao-e2e-\(UUID().uuidString)")
        for folder in [root, root.appendingPathComponent("Inbox"), root.appendingPathComponent("keys")] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    /// The sample keyring (Fixtures/keys/*.pub) copied into `keys/`.
    func installSampleKeyring() throws {
        let source = Baocao.fixtures.appendingPathComponent("keys")
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where name.hasSuffix(".pub") {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: keys.appendingPathComponent(name))
        }
    }

    /// Copies `source` into the inbox, received (mtime) at `received` (ISO 8601 with offset).
    @discardableResult
    func drop(_ source: URL, as name: String? = nil, received: String) throws -> URL {
        let target = inbox.appendingPathComponent(name ?? source.lastPathComponent)
        try FileManager.default.copyItem(at: source, to: target)
        try Self.setReceived(target, received)
        return target
    }

    static func setReceived(_ url: URL, _ received: String) throws {
        guard let date = Self.date(received) else { throw Baocao.Failure(description: "bad time \(received)") }
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: url.path)
    }

    static func date(_ iso: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: iso)
    }

    /// `baocao ingest --json` on this workspace.
    func ingest(withKeyring: Bool = true, extra: [String] = []) throws -> Baocao.Run {
        var arguments = ["ingest", "--json", "--inbox", inbox.path, "--store", store.path, "--outbox", outbox.path]
        if withKeyring { arguments += ["--keys", keys.path] }
        return try Baocao.run(arguments + extra, in: root)
    }

    func run(_ arguments: [String]) throws -> Baocao.Run {
        try Baocao.run(arguments, in: root)
    }
}

// MARK: - reading results

/// One entry of `results` in §9's JSON.
struct ResultView {
    let raw: [String: Any]

    var file: String? { raw["file"] as? String }
    var sha256: String? { raw["sha256"] as? String }
    var outcome: String? { raw["outcome"] as? String }
    var unit: String? { raw["unit"] as? String }
    var received: String? { raw["received"] as? String }
    var late: Bool? { raw["late"] as? Bool }
    var diagnostics: [DiagnosticView] { (raw["diagnostics"] as? [[String: Any]] ?? []).map(DiagnosticView.init) }
    var codes: [String] { diagnostics.map(\.code) }
    var errors: [DiagnosticView] { diagnostics.filter { $0.severity == "error" } }
}

struct DiagnosticView: CustomStringConvertible {
    let raw: [String: Any]
    var code: String { raw["code"] as? String ?? "" }
    var severity: String { raw["severity"] as? String ?? "" }
    var file: String? { raw["file"] as? String }
    var line: Int? { raw["line"] as? Int }
    var column: Int? { raw["column"] as? Int }
    var message: String { raw["message"] as? String ?? "" }
    var description: String { "\(code) \(severity) at \(file ?? "-"):\(line.map(String.init) ?? "-"):\(column.map(String.init) ?? "-")" }
}

func results(_ object: [String: Any]) -> [ResultView] {
    (object["results"] as? [[String: Any]] ?? []).map(ResultView.init)
}

extension Workspace {
    /// A workspace whose inbox holds the 2026 sample inbox, staged with the
    /// project's script (received times set), and the sample keyring in `keys/`.
    static func withSampleInbox() throws -> Workspace {
        let space = try Workspace()
        let staged = try Baocao.script("scripts/stage-inbox", [Baocao.fixtures.appendingPathComponent("inbox-2026").path, space.inbox.path])
        guard staged.status == 0 else { throw Baocao.Failure(description: staged.summary) }
        try space.installSampleKeyring()
        return space
    }
}
