import Consolidation
import Foundation
import Intake
import Rendering
import ReportModel
import Store

/// The secretariat's check of one accepted submission (§7a): approve it, or
/// return it to the unit with reasons and a letter. Each check is an event
/// appended to the store, never rewritten; the command line and the portal
/// both come here.
public struct SecretariatCheck: Sendable {
    public let plan: Plan
    public let storeRoot: URL
    public let outbox: URL

    public init(plan: Plan, storeRoot: URL, outbox: URL) {
        self.plan = plan
        self.storeRoot = storeRoot
        self.outbox = outbox
    }

    /// What a check did: the event, the receipt as now listed, and the
    /// return letter's paths (relative to the outbox) for a return.
    public struct Done: Sendable, Encodable {
        public var event: ReviewEvent
        public var receipt: Receipt
        public var documents: [String]
    }

    /// `baocao approve REF`.
    public func approve(_ reference: String, by: String, at instant: Date) throws -> Done {
        let record = try resolve(reference)
        let event = try SubmissionStore.appendReview(at: storeRoot) { sequence in
            ReviewEvent(sequence: sequence, action: .approved, sha256: record.receipt.sha256, id: record.receipt.id,
                        unit: record.receipt.unit, year: record.receipt.year, at: plan.calendar.iso8601(instant), by: by)
        }
        return Done(event: event, receipt: listed(record, event), documents: [])
    }

    /// `baocao return REF --reason …`: the event, then the letter to the unit
    /// dated `letterDate`. Without `resendBy`, the letter asks for the report
    /// again within seven days.
    public func returnSubmission(_ reference: String, reasons: [String], resendBy: CalendarDate?, by: String, at instant: Date,
                                 letterDate: CalendarDate) throws -> Done {
        let record = try resolve(reference)
        let deadline = resendBy ?? CalendarDate.fromDayNumber(letterDate.dayNumber + 7)
        let event = try SubmissionStore.appendReview(at: storeRoot) { sequence in
            ReviewEvent(sequence: sequence, action: .returned, sha256: record.receipt.sha256, id: record.receipt.id,
                        unit: record.receipt.unit, year: record.receipt.year, at: plan.calendar.iso8601(instant), by: by,
                        reasons: reasons, resendBy: deadline.description)
        }
        let year = record.receipt.year ?? letterDate.year
        let writer = OutputWriter(folder: outbox.appendingPathComponent(String(year)).appendingPathComponent("returns"), outbox: outbox)
        let letter = ReturnLetter.document(ReturnLetter.Content(unit: record.receipt.unit ?? "", id: record.receipt.id,
                                                                received: record.receipt.received, file: record.receipt.file,
                                                                year: year, kind: record.receipt.kind ?? .annual,
                                                                reasons: reasons, resendBy: deadline),
                                           context: DocumentContext(plan: plan, date: letterDate))
        let base = "return-\(Publisher.fileSafe(record.receipt.unit ?? "unit"))-\(Publisher.fileSafe(record.receipt.id ?? String(record.receipt.sha256.prefix(12))))"
        let documents = try writer.write(letter, baseName: base)
        return Done(event: event, receipt: listed(record, event), documents: documents)
    }

    /// The accepted submission `reference` names: its `@id`, or its SHA-256
    /// or a prefix of 8 hex digits or more.
    public func resolve(_ reference: String) throws -> LedgerRecord {
        let index = try SubmissionStore.openForReading(at: storeRoot).index
        return try SubmissionReference(reference).resolve(in: index)
    }

    private func listed(_ record: LedgerRecord, _ event: ReviewEvent) -> Receipt {
        var index = LedgerIndex(records: [record])
        index.apply(event)
        return index.listed(record)
    }
}

/// A reference to a submission, as a person types it: its `@id`, or its
/// SHA-256 or a prefix of 8 hex digits or more.
public struct SubmissionReference: Sendable {
    public var text: String

    public init(_ text: String) {
        self.text = text.trimmingCharacters(in: .whitespaces)
    }

    /// The one accepted record it names, among those `visible` allows.
    public func resolve(in index: LedgerIndex, visible: (LedgerRecord) -> Bool = { _ in true }) throws(ReferenceError) -> LedgerRecord {
        let records = index.records.filter(visible)
        let byID = records.filter { $0.receipt.outcome == .accepted && $0.receipt.id == text }
        if byID.count == 1 { return byID[0] }
        let hex = text.lowercased()
        let isHex = hex.count >= 8 && hex.count <= 64 && hex.allSatisfy { $0.isHexDigit }
        let bySHA = isHex ? records.filter { $0.receipt.outcome == .accepted && $0.receipt.sha256.hasPrefix(hex) } : []
        let matches = byID + bySHA
        switch matches.count {
        case 1: return matches[0]
        case 0:
            let seen = records.first { $0.receipt.id == text || (isHex && $0.receipt.sha256.hasPrefix(hex)) }
            throw ReferenceError(reference: text, kind: seen.map { .notAccepted($0.receipt.outcome) } ?? .unknown(tooShort: !isHex && text.allSatisfy(\.isHexDigit)))
        default:
            throw ReferenceError(reference: text, kind: .ambiguous(matches.map { "\($0.receipt.sha256.prefix(12)) \($0.receipt.id ?? "") (\($0.receipt.unit ?? ""), \($0.receipt.file))" }))
        }
    }
}

/// A reference that names no single accepted submission.
public struct ReferenceError: ExplainedError, Sendable {
    public enum Kind: Sendable {
        case unknown(tooShort: Bool)
        case ambiguous([String])
        case notAccepted(Outcome)
    }

    public var reference: String
    public var kind: Kind

    public var vietnamese: String {
        switch kind {
        case .unknown(let tooShort):
            return "Không có báo cáo đã tiếp nhận nào mang mã hoặc mã SHA-256 \"\(reference)\""
                + (tooShort ? " (mã SHA-256 phải có ít nhất 8 ký tự)" : "") + "."
        case .ambiguous(let candidates):
            return "\"\(reference)\" khớp với \(candidates.count) báo cáo; hãy ghi thêm ký tự của mã SHA-256:\n"
                + candidates.map { "  \($0)" }.joined(separator: "\n")
        case .notAccepted(let outcome):
            return "Tệp \"\(reference)\" không được tiếp nhận (\(outcome.label.lowercased())) nên không thẩm định được."
        }
    }

    public var english: String {
        switch kind {
        case .unknown(let tooShort):
            return "no accepted submission has the id or SHA-256 \"\(reference)\"" + (tooShort ? " (a SHA-256 prefix needs 8 digits or more)" : "")
        case .ambiguous(let candidates): return "\"\(reference)\" matches \(candidates.count) submissions: give more of the SHA-256"
        case .notAccepted(let outcome): return "\"\(reference)\" was \(outcome.rawValue), not accepted: it cannot be checked"
        }
    }
}
