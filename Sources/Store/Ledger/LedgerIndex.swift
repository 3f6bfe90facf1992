import ReportModel

/// The ledger held in memory, indexed for the questions intake, status and
/// consolidation ask. It is the store's `SubmissionHistory`.
///
/// Intake keeps only what its rules need, in a compact form, so memory
/// stays nearly flat however long the ledger grows; status and the
/// documents keep every record (`retainingRecords`).
public struct LedgerIndex: Sendable {
    /// Every record, in ledger order; empty unless `retainingRecords`.
    public private(set) var records: [LedgerRecord] = []
    public let retainsRecords: Bool
    private var lastSequence = 0
    private var processed: Set<ProcessedKey> = []
    private var accepted: [Remembered] = []
    private var acceptedBySHA: [SHA256Key: Int] = [:]
    private var acceptedByID: [String: Int] = [:]
    private var supersededIDs: Set<String> = []
    /// Task → year → how many live (not superseded) accepted annual reports
    /// mark it completed: answers `tasksCompleted(before:)` without a scan.
    private var completions: [String: [Int: Int]] = [:]
    /// The secretariat's latest check of each submission, by SHA-256.
    public private(set) var reviews: [String: ReviewEvent] = [:]
    public private(set) var lastEventSequence = 0

    public init(records: [LedgerRecord] = [], events: [ReviewEvent] = [], retainingRecords: Bool = true) {
        retainsRecords = retainingRecords
        for record in records { add(record) }
        for event in events { apply(event) }
    }

    /// Takes a check of the secretariat into account: the latest event for
    /// a submission decides its state.
    public mutating func apply(_ event: ReviewEvent) {
        reviews[event.sha256] = event
        lastEventSequence = max(lastEventSequence, event.sequence)
    }

    /// The check of an accepted submission, if any.
    public func review(of record: LedgerRecord) -> ReviewEvent? { reviews[record.receipt.sha256] }

    public func isReturned(_ record: LedgerRecord) -> Bool { review(of: record)?.action == .returned }

    /// The files refused for `unit` in `year`: those a unit's account sent in
    /// another unit's name (`UNIT_NOT_AUTHORISED`) are the sender's, not the unit's.
    public func refused(unit: String, year: Int) -> [LedgerRecord] {
        records.filter {
            $0.receipt.outcome == .rejected && $0.receipt.unit == unit && $0.receipt.year == year
                && !$0.receipt.diagnostics.contains { $0.code == .unitNotAuthorised }
        }
    }

    /// The receipt as it is listed later (§9): its channel (`inbox` for
    /// records made before channels were written) and, for an accepted
    /// submission, the secretariat's check.
    public func listed(_ record: LedgerRecord) -> Receipt {
        var receipt = record.receipt
        receipt.channel = receipt.channel ?? .inbox
        receipt.review = receipt.outcome == .accepted ? review(of: record)?.state : nil
        return receipt
    }

    public var nextSequence: Int { lastSequence + 1 }

    public mutating func add(_ record: LedgerRecord) {
        if retainsRecords { records.append(record) }
        lastSequence = max(lastSequence, record.sequence)
        let receipt = record.receipt
        let digest = SHA256Key(hex: receipt.sha256)
        processed.insert(ProcessedKey(file: receipt.file, sha256: digest, receivedEpoch: record.receivedEpoch))
        guard receipt.outcome == .accepted else { return }
        let submission = Remembered(sha256: digest, identity: AcceptedSubmission(receipt), completedTasks: record.completedTasks)
        acceptedBySHA[digest] = accepted.count
        if let id = receipt.id { acceptedByID[id] = accepted.count }
        accepted.append(submission)
        count(completionsOf: submission, by: 1)
        if let earlier = receipt.supersedes, !supersededIDs.contains(earlier) {
            supersededIDs.insert(earlier)
            if let replaced = acceptedByID[earlier] { count(completionsOf: accepted[replaced], by: -1) }
        }
    }

    private mutating func count(completionsOf submission: Remembered, by step: Int) {
        guard submission.kind == .annual, let year = submission.year else { return }
        for task in submission.completedTasks { completions[task, default: [:]][year, default: 0] += step }
    }

    /// Whether this intake (same name, bytes and mtime) already has its outcome in the ledger.
    public func isProcessed(_ key: IntakeKey) -> Bool {
        processed.contains(ProcessedKey(file: key.file, sha256: SHA256Key(hex: key.sha256), receivedEpoch: key.receivedEpoch))
    }

    /// The record of an intake already made durable (retained records only).
    public func record(for key: IntakeKey) -> LedgerRecord? {
        records.last { $0.intakeKey == key }
    }

    /// Accepted records, in ledger order (retained records only).
    public var acceptedRecords: [LedgerRecord] {
        records.filter { $0.receipt.outcome == .accepted }
    }

    /// Whether a later accepted submission names this one in `@supersedes`.
    public func isSuperseded(_ record: LedgerRecord) -> Bool {
        record.receipt.id.map { supersededIDs.contains($0) } ?? false
    }

    /// For each unit, the newest accepted, non-superseded submission of
    /// `kind` for `year` (newest by received time, then by ledger order),
    /// returned ones included: what the unit last said.
    public func latest(year: Int, kind: ReportKind = .annual) -> [String: LedgerRecord] {
        var chosen: [String: LedgerRecord] = [:]
        for record in acceptedRecords where record.receipt.year == year && record.receipt.kind == kind && !isSuperseded(record) {
            guard let unit = record.receipt.unit else { continue }
            if let current = chosen[unit],
               (current.receivedEpoch, current.sequence) > (record.receivedEpoch, record.sequence) { continue }
            chosen[unit] = record
        }
        return chosen
    }

    /// The submissions the documents use: each unit's latest, unless the
    /// secretariat returned it (it leaves consolidation at once); with
    /// `approvedOnly`, only those the secretariat approved.
    public func effective(year: Int, kind: ReportKind = .annual, approvedOnly: Bool = false) -> [String: LedgerRecord] {
        latest(year: year, kind: kind).filter { _, record in
            switch review(of: record)?.action {
            case .returned: return false
            case .approved: return true
            case nil: return !approvedOnly
            }
        }
    }
}

extension LedgerIndex: SubmissionHistory {
    public func acceptedSHA256(forID id: String) -> String? {
        acceptedByID[id].map { accepted[$0].identity.sha256 }
    }

    public func hasAccepted(id: String, unit: String, year: Int, kind: ReportKind) -> Bool {
        guard let position = acceptedByID[id] else { return false }
        let submission = accepted[position]
        return submission.unit == unit && submission.year == year && submission.kind == kind
    }

    public func acceptedSubmission(sha256: String) -> AcceptedSubmission? {
        acceptedBySHA[SHA256Key(hex: sha256)].map { accepted[$0].identity }
    }

    public func tasksCompleted(before year: Int) -> Set<String> {
        Set(completions.filter { _, byYear in byYear.contains { $0.key < year && $0.value > 0 } }.keys)
    }
}

/// What intake remembers of an accepted submission.
private struct Remembered: Sendable {
    var sha256: SHA256Key
    var identity: AcceptedSubmission
    var completedTasks: [String]

    var unit: String? { identity.unit }
    var year: Int? { identity.year }
    var kind: ReportKind? { identity.kind }
    var id: String? { identity.id }
}

/// An intake key with the SHA-256 held as 32 bytes, not 64 characters.
private struct ProcessedKey: Hashable, Sendable {
    var file: String
    var sha256: SHA256Key
    var receivedEpoch: Int
}

/// A SHA-256 as four words: hashable, no heap allocation.
struct SHA256Key: Hashable, Sendable {
    var words: (UInt64, UInt64, UInt64, UInt64)

    init(hex: String) {
        var values: [UInt64] = [0, 0, 0, 0]
        var index = 0
        for (n, byte) in hex.utf8.prefix(64).enumerated() {
            let nibble: UInt64
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = UInt64(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = UInt64(byte - UInt8(ascii: "A") + 10)
            default: nibble = 0
            }
            index = n / 16
            values[index] = values[index] << 4 | nibble
        }
        words = (values[0], values[1], values[2], values[3])
    }

    static func == (a: SHA256Key, b: SHA256Key) -> Bool { a.words == b.words }

    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }
}
