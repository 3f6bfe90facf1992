/// A block-level element of the body.
public enum Block: Hashable, Sendable {
    case paragraph(Paragraph)
    case table(Table)
    /// Starts a new section on a new page; what follows uses `layout`
    /// (e.g. a landscape annex, then back to portrait).
    case sectionBreak(PageLayout)
}
