/// A table (`w:tbl`) with a fixed layout: column widths are given, never guessed.
public struct Table: Hashable, Sendable {
    /// Width of each grid column, in twips; the table is as wide as their sum.
    public var columnWidths: [Int]
    public var rows: [TableRow]
    /// A table style id (`StyleID.tableGrid`), or nil.
    public var style: String?
    /// Borders drawn by the table itself; `.hidden` for layout tables.
    public var borders: TableBorders
    public var alignment: Alignment?
    /// Shift from the left margin, in twips (negative pulls into the margin).
    public var indent: Int?

    public init(columnWidths: [Int], rows: [TableRow], style: String? = nil, borders: TableBorders = .single,
                alignment: Alignment? = nil, indent: Int? = nil) {
        self.columnWidths = columnWidths
        self.rows = rows
        self.style = style
        self.borders = borders
        self.alignment = alignment
        self.indent = indent
    }

    public var width: Int { columnWidths.reduce(0, +) }
}

/// The six borders of a table (outside and inside lines).
public struct TableBorders: Hashable, Sendable {
    public var outside: Border
    public var inside: Border

    public init(outside: Border, inside: Border) {
        self.outside = outside
        self.inside = inside
    }

    public static let single = TableBorders(outside: .thin, inside: .thin)
    /// No lines: the layout tables of the header and signature blocks.
    public static let hidden = TableBorders(outside: .hidden, inside: .hidden)
}
