/// What became of one file that entered the inbox (report-format.md §7).
public enum Outcome: String, Codable, Sendable, CaseIterable {
    case accepted
    /// Byte-identical to a submission already accepted: nothing changes.
    case duplicate
    case rejected

    /// The Vietnamese label receipts and documents use (outputs.md).
    public var label: String {
        switch self {
        case .accepted: return "Đã tiếp nhận"
        case .duplicate: return "Trùng lặp"
        case .rejected: return "Bị từ chối"
        }
    }
}
