/// Where a figure came from: the unit, its submission `@id` and the SHA-256
/// of the file as received. Every figure of every document carries these.
public struct SourceRef: Codable, Sendable, Hashable, Comparable {
    public var unit: String
    public var submission: String
    public var sha256: String
    public var received: String
    public var late: Bool

    public init(unit: String, submission: String, sha256: String, received: String, late: Bool) {
        self.unit = unit
        self.submission = submission
        self.sha256 = sha256
        self.received = received
        self.late = late
    }

    public static func < (a: SourceRef, b: SourceRef) -> Bool {
        (a.unit, a.submission) < (b.unit, b.submission)
    }
}
