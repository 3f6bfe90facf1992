import ReportModel

/// One line of the ledger: what became of one input file, for ever.
public struct LedgerRecord: Codable, Sendable, Equatable {
    /// 1, 2, 3… in the order outcomes became durable.
    public var sequence: Int
    public var receipt: Receipt
    /// Seconds since 1970 of the received time: with the name and the
    /// SHA-256, the key that makes a rerun after a crash finish, not repeat.
    public var receivedEpoch: Int
    /// Tasks the (accepted, annual) report marks completed.
    public var completedTasks: [String]
    /// Where the bytes are kept, relative to the store (nil for duplicates:
    /// their bytes are the original's).
    public var kept: String?

    public init(sequence: Int, receipt: Receipt, receivedEpoch: Int, completedTasks: [String], kept: String?) {
        self.sequence = sequence
        self.receipt = receipt
        self.receivedEpoch = receivedEpoch
        self.completedTasks = completedTasks
        self.kept = kept
    }

    /// The identity of an intake: the same file, same bytes, same mtime.
    public var intakeKey: IntakeKey { IntakeKey(file: receipt.file, sha256: receipt.sha256, receivedEpoch: receivedEpoch) }
}

/// What makes two sightings of an inbox file the same intake.
public struct IntakeKey: Hashable, Sendable {
    public var file: String
    public var sha256: String
    public var receivedEpoch: Int

    public init(file: String, sha256: String, receivedEpoch: Int) {
        self.file = file
        self.sha256 = sha256
        self.receivedEpoch = receivedEpoch
    }
}
