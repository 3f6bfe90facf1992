/// A block-level element of the body.
public enum Block: Hashable, Sendable {
    case paragraph(Paragraph)
    case table(Table)
    /// Starts a new section on a new page; what follows uses `layout`
    /// (e.g. a landscape annex, then back to portrait).
    case sectionBreak(PageLayout)
    /// Blocks made only as the document is written, and let go once
    /// written: one task's results from every unit, in a summary of any
    /// size. They hold no section break.
    case deferred(DeferredBlocks)
}

extension Block {
    /// Whether the block is made only as it is written.
    public var isDeferred: Bool {
        if case .deferred = self { return true }
        return false
    }
}

/// Blocks to make when they are written.
///
/// Equal when they make equal blocks. A document is made and written on
/// one thread, so the closure need not be `Sendable`.
public struct DeferredBlocks: Hashable, @unchecked Sendable {
    public let make: () -> [Block]

    public init(_ make: @escaping () -> [Block]) {
        self.make = make
    }

    public static func == (lhs: DeferredBlocks, rhs: DeferredBlocks) -> Bool { lhs.make() == rhs.make() }
    public func hash(into hasher: inout Hasher) { hasher.combine(make()) }
}
