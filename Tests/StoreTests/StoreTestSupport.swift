import Foundation
import ReportModel
import Store

/// A fresh folder under the temporary directory, removed by `cleanUp`.
struct Scratch {
    let root: URL

    init(_ label: String = "store") throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("baocao-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    func cleanUp() { try? FileManager.default.removeItem(at: root) }

    /// Every path below the root, relative to it, sorted.
    func allPaths() -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        return walker.compactMap { $0 as? String }.sorted()
    }
}

/// Ledger records made by hand, with only the fields a test cares about.
enum Make {
    static func sha(_ seed: String) -> String {
        // 64 hex characters, distinct per seed; not a real hash (the store never re-hashes).
        let hex = seed.utf8.map { String(format: "%02x", $0) }.joined()
        return String((hex + String(repeating: "0", count: 64)).prefix(64))
    }

    static func receipt(file: String, outcome: Outcome = .accepted, unit: String? = "HVCL", year: Int? = 2026,
                        kind: ReportKind? = .annual, id: String? = nil, supersedes: String? = nil, late: Bool = false,
                        diagnostics: [Diagnostic] = []) -> Receipt {
        Receipt(file: file, sha256: sha(file), outcome: outcome, unit: unit, year: year, kind: kind, id: id ?? "id-\(file)",
                received: "2026-11-10T10:00:00+07:00", late: late, supersedes: supersedes, diagnostics: diagnostics)
    }

    static func record(_ sequence: Int, file: String, outcome: Outcome = .accepted, unit: String? = "HVCL", year: Int? = 2026,
                       kind: ReportKind? = .annual, id: String? = nil, supersedes: String? = nil, received: Int = 1_794_279_600,
                       completed: [String] = [], diagnostics: [Diagnostic] = []) -> LedgerRecord {
        let receipt = receipt(file: file, outcome: outcome, unit: unit, year: year, kind: kind, id: id, supersedes: supersedes,
                              diagnostics: diagnostics)
        let kept: String? = switch outcome {
        case .accepted: "originals/\(receipt.sha256.prefix(2))/\(receipt.sha256)"
        case .rejected: "quarantine/\(receipt.sha256)/\(file)"
        case .duplicate: nil
        }
        return LedgerRecord(sequence: sequence, receipt: receipt, receivedEpoch: received, completedTasks: completed, kept: kept)
    }

    /// One ledger line exactly as `LedgerFile.append` writes it.
    static func line(_ record: LedgerRecord) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(record)
        data.append(0x0A)
        return data
    }
}
