import Foundation
import XCTest
@testable import Intake
import ReportModel
import ZipKit

/// Shared set-up for the Intake tests: the shipped resources, the sample
/// report and ways to change it, and a checker to run files through.
enum Env {
    /// The shipped plan and schemas, loaded once.
    static let resources: IntakeResources = {
        do {
            return try IntakeResources.load()
        } catch {
            fatalError("the shipped resources do not load: \(error)")
        }
    }()

    static var plan: Plan { resources.plan }

    /// `Fixtures/sample-report.xml`: a valid HVCL 2026 annual report.
    static let sample: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/sample-report.xml")
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            fatalError("cannot read \(url.path)")
        }
        return text
    }()

    static let sampleID = "uuid:3f6c1d2a-8b4e-4c7f-9a15-2e7d0b6c9f41"

    /// The root start tag of the sample spans lines 2–5. This variant keeps
    /// every line number but puts the whole start tag on line 5, column 1,
    /// so rules reported on the root are tested apart from multi-line tags.
    static let sampleOneLineRoot: String = {
        let start = sample.range(of: "<report ")!
        let end = sample[start.lowerBound...].range(of: ">")!
        let tag = String(sample[start.lowerBound..<end.upperBound])
        let lines = tag.split(separator: "\n", omittingEmptySubsequences: false)
        let flat = lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        return sample.replacingCharacters(in: start.lowerBound..<end.upperBound,
                                          with: String(repeating: "\n", count: lines.count - 1) + flat)
    }()

    struct NotFound: Error, CustomStringConvertible {
        var text: String
        var count: Int
        var description: String { "expected exactly one \"\(text)\", found \(count)" }
    }

    /// `xml` with each `old` (which must occur exactly once) replaced by `new`.
    static func edit(_ xml: String, _ replacements: [(String, String)]) throws -> String {
        var result = xml
        for (old, new) in replacements {
            let count = result.components(separatedBy: old).count - 1
            guard count == 1 else { throw NotFound(text: old, count: count) }
            result = result.replacingOccurrences(of: old, with: new)
        }
        return result
    }

    static func edit(_ xml: String, _ old: String, _ new: String) throws -> String {
        try edit(xml, [(old, new)])
    }

    /// Instants in the plan's time zone.
    static func instant(_ iso: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        guard let date = formatter.date(from: iso) else { fatalError("bad instant \(iso)") }
        return date
    }

    /// Well before the 2026 deadline.
    static let onTime = instant("2026-11-10T10:00:00+07:00")

    static func checker(keyring: Keyring = Keyring(keys: [:])) -> SubmissionChecker {
        SubmissionChecker(resources: resources, keyring: keyring)
    }

    static func check(_ xml: String, name: String = "HVCL-2026.xml", received: Date = onTime,
                      keyring: Keyring = Keyring(keys: [:]), history: SubmissionHistory? = nil) -> Verdict {
        check(Data(xml.utf8), name: name, received: received, keyring: keyring, history: history)
    }

    static func check(_ bytes: Data, name: String, received: Date = onTime,
                      keyring: Keyring = Keyring(keys: [:]), history: SubmissionHistory? = nil) -> Verdict {
        checker(keyring: keyring).check(IncomingFile(name: name, bytes: bytes, received: received), history: history)
    }

    /// The keyring holding `pair`'s public key for `unit`.
    static func keyring(_ unit: String, _ pair: KeyPair) -> Keyring {
        Keyring(keys: [unit: Data(base64Encoded: pair.publicKeyBase64)!])
    }
}

/// What the store would answer, held in memory.
struct MemoryHistory: SubmissionHistory {
    struct Accepted: Sendable {
        var id: String
        var unit: String
        var year: Int
        var kind: ReportKind
        var sha256: String
    }

    var accepted: [Accepted] = []
    var receipts: [String: Receipt] = [:]
    var completed: [Int: Set<String>] = [:]

    func acceptedSHA256(forID id: String) -> String? {
        accepted.first { $0.id == id }?.sha256
    }

    func hasAccepted(id: String, unit: String, year: Int, kind: ReportKind) -> Bool {
        accepted.contains { $0.id == id && $0.unit == unit && $0.year == year && $0.kind == kind }
    }

    func acceptedSubmission(sha256: String) -> AcceptedSubmission? { receipts[sha256].map(AcceptedSubmission.init) }

    func tasksCompleted(before year: Int) -> Set<String> {
        completed.filter { $0.key < year }.values.reduce(into: Set<String>()) { $0.formUnion($1) }
    }
}

extension Verdict {
    var codes: [DiagnosticCode] { receipt.diagnostics.map(\.code) }

    func diagnostics(_ code: DiagnosticCode) -> [Diagnostic] {
        receipt.diagnostics.filter { $0.code == code }
    }
}

extension Diagnostic {
    /// `[line, column]`, nil parts as -1, for compact assertions.
    var place: [Int] { [location.line ?? -1, location.column ?? -1] }
}

/// True when `text` reads as Vietnamese: it has letters with Vietnamese diacritics.
func looksVietnamese(_ text: String) -> Bool {
    let marked = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
    return text.lowercased().contains { marked.contains($0) }
}
