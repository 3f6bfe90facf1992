import XMLKit

/// Writes body content (paragraphs, tables, sections) as WordprocessingML.
///
/// Used for `word/document.xml` and the header parts. It collects the
/// charts it meets, in document order, so the packager can give each one its
/// part and relationship.
final class BodyWriter {
    let xml: XMLWriter
    /// Relationship ids of the default (page number) and first-page headers.
    let headerIDs: (default: String, first: String)
    /// The relationship id of the chart with the given 0-based number.
    let chartID: (Int) -> String
    /// Charts met so far, in order.
    private(set) var charts: [BarChart] = []

    init(xml: XMLWriter, headerIDs: (default: String, first: String) = ("", ""),
         chartID: @escaping (Int) -> String = { _ in "" }) {
        self.xml = xml
        self.headerIDs = headerIDs
        self.chartID = chartID
    }

    /// The body of a document: every block, section breaks resolved, and
    /// the final `w:sectPr`.
    func writeBody(_ blocks: [Block], firstLayout: PageLayout) throws {
        let sections = Self.sections(of: blocks, firstLayout: firstLayout)
        for (number, section) in sections.enumerated() {
            let isLast = number == sections.count - 1
            var content = blocks[section.range]
            if !isLast {
                // A section ends with the paragraph that holds its sectPr.
                var closing = Paragraph.empty(ParagraphProperties(spacing: .tight, markProperties: RunProperties(size: 2)))
                if case .paragraph(let last)? = content.last {
                    closing = last
                    content = content.dropLast()
                }
                try write(content)
                try write(closing, section: section.layout)
            } else {
                try write(content)
                try writeSectionProperties(section.layout)
            }
        }
    }

    /// Blocks without section breaks (a table cell, a header).
    func write(_ blocks: some Collection<Block>) throws {
        for block in blocks {
            switch block {
            case .paragraph(let paragraph): try write(paragraph)
            case .table(let table): try write(table)
            case .sectionBreak: break  // resolved by writeBody
            case .deferred(let later): try write(later.make())
            }
        }
    }

    /// Registers a chart and returns its relationship id.
    func register(_ chart: BarChart) -> (id: String, number: Int) {
        charts.append(chart)
        return (chartID(charts.count - 1), charts.count)
    }

    /// Where each section's blocks are (section breaks left out), and its layout.
    private static func sections(of blocks: [Block], firstLayout: PageLayout) -> [(layout: PageLayout, range: Range<Int>)] {
        var result: [(layout: PageLayout, range: Range<Int>)] = []
        var layout = firstLayout
        var start = blocks.startIndex
        for (index, block) in zip(blocks.indices, blocks) {
            if case .sectionBreak(let next) = block {
                result.append((layout, start..<index))
                layout = next
                start = index + 1
            }
        }
        result.append((layout, start..<blocks.endIndex))
        return result
    }
}
