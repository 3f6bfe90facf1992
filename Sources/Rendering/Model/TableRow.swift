/// A table row (`w:tr`).
public struct TableRow: Hashable, Sendable {
    public var cells: [TableCell]
    /// Repeated at the top of every page the table spans (`w:tblHeader`).
    /// Header rows must come first in the table.
    public var isHeader: Bool
    /// Keep the row on one page (`w:cantSplit`).
    public var cantSplit: Bool

    public init(cells: [TableCell], isHeader: Bool = false, cantSplit: Bool = false) {
        self.cells = cells
        self.isHeader = isHeader
        self.cantSplit = cantSplit
    }
}
