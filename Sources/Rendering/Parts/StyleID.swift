/// Style ids defined in `word/styles.xml`, for `ParagraphProperties.style`
/// and `Table.style`.
public enum StyleID {
    /// Body text: justified, first-line indent 1 cm, 6 pt after, 14 pt.
    public static let normal = "Normal"
    /// Part headings (`I. …`): bold, kept with the next paragraph, outline level 1.
    public static let heading1 = "Heading1"
    /// Item headings (`1. …`): bold, outline level 2.
    public static let heading2 = "Heading2"
    /// Table text: 12 pt, no indent, 2 pt above and below, single lines.
    public static let tableText = "TableText"
    /// The page-number header paragraph: centred, no indent.
    public static let header = "Header"
    /// A table style with single borders all round.
    public static let tableGrid = "TableGrid"
}

/// The house style's measures, shared by the styles part and the Decree 30 blocks.
public enum HouseStyle {
    public static let font = "Times New Roman"
    /// Body size in half-points (14 pt).
    public static let bodySize = 28
    /// Table text size in half-points (12 pt).
    public static let tableSize = 24
    /// First-line indent of body paragraphs: 1 cm.
    public static let firstLineIndent = 567
    /// Space after a body paragraph: 6 pt.
    public static let spaceAfter = 120
    /// Body line spacing: 1.2 lines.
    public static let lineSpacing = LineSpacing.multiple(288)
}
