/// The number and symbol of an official document: `Số: 05/BC-KTXHS`.
public struct DocumentNumber: Hashable, Sendable {
    /// Nil for a draft not yet numbered: the blank is kept for the clerk.
    public var number: Int?
    /// Document type and issuing unit: `BC-KTXHS`, `BC-BKHCN`.
    public var symbol: String

    public init(number: Int?, symbol: String) {
        self.number = number
        self.symbol = symbol
    }

    /// `Số: 05/BC-KTXHS`, or `Số:      /BC-KTXHS` for a draft.
    public var text: String {
        guard let number else { return "Số:      /\(symbol)" }
        return "Số: \(VietnameseDate.twoDigits(number))/\(symbol)"
    }
}
