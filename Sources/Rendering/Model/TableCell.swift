/// A table cell (`w:tc`). It always ends with a paragraph: an empty cell
/// gets one when written.
public struct TableCell: Hashable, Sendable {
    public enum VerticalMerge: Hashable, Sendable {
        /// The first cell of a vertically merged range.
        case restart
        /// A cell covered by the one above.
        case `continue`
    }

    public enum VerticalAlignment: String, Hashable, Sendable {
        case top, center, bottom
    }

    public var paragraphs: [Paragraph]
    /// Grid columns this cell covers (`w:gridSpan`).
    public var columnSpan: Int
    public var verticalMerge: VerticalMerge?
    public var verticalAlignment: VerticalAlignment?
    /// Background `RRGGBB` (`w:shd`), or nil.
    public var shading: String?

    public init(_ paragraphs: [Paragraph], columnSpan: Int = 1, verticalMerge: VerticalMerge? = nil,
                verticalAlignment: VerticalAlignment? = nil, shading: String? = nil) {
        self.paragraphs = paragraphs
        self.columnSpan = columnSpan
        self.verticalMerge = verticalMerge
        self.verticalAlignment = verticalAlignment
        self.shading = shading
    }

    /// A cell with one paragraph.
    public init(_ paragraph: Paragraph, columnSpan: Int = 1) {
        self.init([paragraph], columnSpan: columnSpan)
    }
}
