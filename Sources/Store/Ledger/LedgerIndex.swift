import ReportModel

/// The ledger held in memory, indexed for the questions intake, status and
/// consolidation ask. It is the store's `SubmissionHistory`.
public struct LedgerIndex: Sendable {
    public private(set) var records: [LedgerRecord] = []
    private var processed: [IntakeKey: Int] = [:]
    private var acceptedBySHA: [String: Int] = [:]
    private var acceptedByID: [String: Int] = [:]
    private var supersededIDs: Set<String> = []
    /// Task → year → how many live (not superseded) accepted annual reports
    /// mark it completed: answers `tasksCompleted(before:)` without a scan.
    private var completions: [String: [Int: Int]] = [:]

    public init(records: [LedgerRecord] = []) {
        for record in records { add(record) }
    }

    public var nextSequence: Int { (records.last?.sequence ?? 0) + 1 }

    public mutating func add(_ record: LedgerRecord) {
        let position = records.count
        records.append(record)
        processed[record.intakeKey] = position
        guard record.receipt.outcome == .accepted else { return }
        acceptedBySHA[record.receipt.sha256] = position
        if let id = record.receipt.id { acceptedByID[id] = position }
        count(completionsOf: record, by: 1)
        if let earlier = record.receipt.supersedes, !supersededIDs.contains(earlier) {
            supersededIDs.insert(earlier)
            if let replaced = acceptedByID[earlier] { count(completionsOf: records[replaced], by: -1) }
        }
    }

    private mutating func count(completionsOf record: LedgerRecord, by step: Int) {
        guard record.receipt.kind == .annual, let year = record.receipt.year else { return }
        for task in record.completedTasks { completions[task, default: [:]][year, default: 0] += step }
    }

    /// The record of an intake already made durable, if any.
    public func record(for key: IntakeKey) -> LedgerRecord? {
        processed[key].map { records[$0] }
    }

    /// Accepted records, each with whether a later one has replaced it.
    public var accepted: [LedgerRecord] {
        records.filter { $0.receipt.outcome == .accepted }
    }

    /// Whether a later accepted submission names this one in `@supersedes`.
    public func isSuperseded(_ record: LedgerRecord) -> Bool {
        record.receipt.id.map { supersededIDs.contains($0) } ?? false
    }

    /// For each unit, the newest accepted, non-superseded submission of
    /// `kind` for `year`: newest by received time, then by ledger order.
    public func effective(year: Int, kind: ReportKind = .annual) -> [String: LedgerRecord] {
        var chosen: [String: LedgerRecord] = [:]
        for record in accepted where record.receipt.year == year && record.receipt.kind == kind && !isSuperseded(record) {
            guard let unit = record.receipt.unit else { continue }
            if let current = chosen[unit],
               (current.receivedEpoch, current.sequence) > (record.receivedEpoch, record.sequence) { continue }
            chosen[unit] = record
        }
        return chosen
    }
}

extension LedgerIndex: SubmissionHistory {
    public func acceptedSHA256(forID id: String) -> String? {
        acceptedByID[id].map { records[$0].receipt.sha256 }
    }

    public func hasAccepted(id: String, unit: String, year: Int, kind: ReportKind) -> Bool {
        guard let position = acceptedByID[id] else { return false }
        let receipt = records[position].receipt
        return receipt.unit == unit && receipt.year == year && receipt.kind == kind
    }

    public func acceptedReceipt(sha256: String) -> Receipt? {
        acceptedBySHA[sha256].map { records[$0].receipt }
    }

    public func tasksCompleted(before year: Int) -> Set<String> {
        Set(completions.filter { _, byYear in byYear.contains { $0.key < year && $0.value > 0 } }.keys)
    }
}
