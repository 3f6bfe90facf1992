extension BodyWriter {
    /// A table: tblPr (style, width, alignment, indent, borders, fixed
    /// layout), tblGrid, then rows. Cell widths are the sums of the grid
    /// columns they span.
    func write(_ table: Table) throws {
        try xml.element("w:tbl") {
            try xml.element("w:tblPr") {
                if let style = table.style { try xml.element("w:tblStyle", ["w:val": style]) }
                try xml.element("w:tblW", ["w:w": String(table.width), "w:type": "dxa"])
                if let alignment = table.alignment { try xml.element("w:jc", ["w:val": alignment.rawValue]) }
                if let indent = table.indent { try xml.element("w:tblInd", ["w:w": String(indent), "w:type": "dxa"]) }
                try xml.element("w:tblBorders") {
                    for side in ["w:top", "w:left", "w:bottom", "w:right"] { try writeBorder(side, table.borders.outside) }
                    for side in ["w:insideH", "w:insideV"] { try writeBorder(side, table.borders.inside) }
                }
                try xml.element("w:tblLayout", ["w:type": "fixed"])
                try xml.element("w:tblLook", ["w:val": "04A0", "w:firstRow": "1", "w:lastRow": "0",
                                              "w:firstColumn": "0", "w:lastColumn": "0", "w:noHBand": "1", "w:noVBand": "1"])
            }
            try xml.element("w:tblGrid") {
                for width in table.columnWidths { try xml.element("w:gridCol", ["w:w": String(width)]) }
            }
            for row in table.rows { try write(row, grid: table.columnWidths) }
        }
    }

    private func write(_ row: TableRow, grid: [Int]) throws {
        try xml.element("w:tr") {
            if row.cantSplit || row.isHeader {
                try xml.element("w:trPr") {
                    if row.cantSplit { try xml.element("w:cantSplit") }
                    if row.isHeader { try xml.element("w:tblHeader") }
                }
            }
            var column = 0
            for cell in row.cells {
                let span = max(1, cell.columnSpan)
                let width = grid.dropFirst(column).prefix(span).reduce(0, +)
                column += span
                try write(cell, width: width, span: span)
            }
        }
    }

    /// tcPr in schema order: tcW, gridSpan, vMerge, shd, vAlign.
    private func write(_ cell: TableCell, width: Int, span: Int) throws {
        try xml.element("w:tc") {
            try xml.element("w:tcPr") {
                try xml.element("w:tcW", ["w:w": String(width), "w:type": "dxa"])
                if span > 1 { try xml.element("w:gridSpan", ["w:val": String(span)]) }
                switch cell.verticalMerge {
                case .restart?: try xml.element("w:vMerge", ["w:val": "restart"])
                case .continue?: try xml.element("w:vMerge")
                case nil: break
                }
                if let fill = cell.shading { try xml.element("w:shd", ["w:val": "clear", "w:color": "auto", "w:fill": fill]) }
                if let alignment = cell.verticalAlignment { try xml.element("w:vAlign", ["w:val": alignment.rawValue]) }
            }
            let paragraphs = cell.paragraphs.isEmpty ? [Paragraph.empty()] : cell.paragraphs
            for paragraph in paragraphs { try write(paragraph) }
        }
    }
}
