extension Decree30 {
    /// A column of a data table: its heading, relative width and alignment.
    public struct Column: Hashable, Sendable {
        public var title: String
        /// Relative width; the table's columns share the text width in these proportions.
        public var weight: Int
        public var alignment: Alignment

        public init(_ title: String, weight: Int, alignment: Alignment = .left) {
            self.title = title
            self.weight = weight
            self.alignment = alignment
        }
    }

    /// An annex heading: `PHỤ LỤC I` and its title (bold, centred), and an
    /// italic note under it (`(Kèm theo Báo cáo số …)`), on a new page when asked.
    public static func annexTitle(_ number: String, _ title: String, note: String? = nil,
                                  pageBreakBefore: Bool = false) -> [Block] {
        let centred = ParagraphProperties(keepNext: true, pageBreakBefore: pageBreakBefore,
                                          spacing: Spacing(before: 0, after: 0, line: .single), indentation: .zero,
                                          alignment: .center)
        var blocks: [Block] = [
            .paragraph(Paragraph(number.uppercased(), .points(14, bold: true), centred)),
        ]
        var titleProperties = centred
        titleProperties.pageBreakBefore = false
        blocks.append(.paragraph(Paragraph(title, .points(14, bold: true), titleProperties)))
        if let note {
            blocks.append(.paragraph(Paragraph(note, .points(13, italic: true), titleProperties)))
        }
        blocks.append(.paragraph(Paragraph.empty(ParagraphProperties(keepNext: true, spacing: .tight))))
        return blocks
    }

    /// A bordered data table across the text width: a bold, centred heading
    /// row repeated on every page, then one row per entry (12 pt; `\n` in a
    /// value breaks the line). Rows never split across pages.
    public static func dataTable(_ columns: [Column], rows: [[String]], layout: PageLayout) -> Block {
        let totalWeight = max(1, columns.map(\.weight).reduce(0, +))
        var widths = columns.map { layout.textWidth * $0.weight / totalWeight }
        if !widths.isEmpty { widths[widths.count - 1] += layout.textWidth - widths.reduce(0, +) }

        func cell(_ text: String, _ alignment: Alignment, bold: Bool) -> TableCell {
            var cell = TableCell(Paragraph(text, RunProperties(bold: bold),
                                           ParagraphProperties(style: StyleID.tableText, alignment: alignment)))
            cell.verticalAlignment = .center
            return cell
        }
        let heading = TableRow(cells: columns.map { cell($0.title, .center, bold: true) }, isHeader: true, cantSplit: true)
        let body = rows.map { values in
            TableRow(cells: columns.indices.map { i in cell(i < values.count ? values[i] : "", columns[i].alignment, bold: false) },
                     cantSplit: true)
        }
        return .table(Table(columnWidths: widths, rows: [heading] + body, style: StyleID.tableGrid))
    }
}
