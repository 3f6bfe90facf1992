import Foundation
import Rendering
import ReportModel
import Testing

/// Checks on the WordprocessingML the writer produces, read from `word/document.xml`.
@Suite struct WordMLTests {
    private func documentXML(_ blocks: [Block]) throws -> String {
        let document = WordDocument(metadata: DocumentMetadata(title: "t", created: CalendarDate(year: 2026, month: 1, day: 1)),
                                    blocks: blocks)
        let part = try #require(try document.package().parts.first { $0.name == "word/document.xml" })
        return String(decoding: part.bytes, as: UTF8.self)
    }

    @Test func runPropertiesFollowSchemaOrder() throws {
        let all = RunProperties(font: "Times New Roman", bold: true, italic: true, caps: true, strike: true,
                                color: "FF0000", size: 26, underline: true, language: "vi-VN")
        let xml = try documentXML([.paragraph(Paragraph("x", all))])
        let expected = "<w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/><w:b/><w:bCs/><w:i/><w:iCs/><w:caps/><w:strike/><w:color w:val=\"FF0000\"/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/><w:u w:val=\"single\"/><w:lang w:val=\"vi-VN\"/></w:rPr>"
        #expect(xml.contains(expected), "\(xml)")
    }

    @Test func paragraphPropertiesFollowSchemaOrder() throws {
        let properties = ParagraphProperties(style: StyleID.heading1, keepNext: true, keepLines: true, pageBreakBefore: true,
                                             bottomBorder: .thin, spacing: Spacing(before: 1, after: 2, line: .single),
                                             indentation: Indentation(left: 3, firstLine: 4), alignment: .center,
                                             markProperties: .bold)
        let xml = try documentXML([.paragraph(Paragraph("x", .plain, properties))])
        let expected = "<w:pPr><w:pStyle w:val=\"Heading1\"/><w:keepNext/><w:keepLines/><w:pageBreakBefore/><w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/></w:pBdr><w:spacing w:before=\"1\" w:after=\"2\" w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:left=\"3\" w:firstLine=\"4\"/><w:jc w:val=\"center\"/><w:rPr><w:b/><w:bCs/></w:rPr></w:pPr>"
        #expect(xml.contains(expected), "\(xml)")
    }

    @Test func tabsAndLineBreaksBecomeElements() throws {
        let xml = try documentXML([.paragraph(Paragraph("a\tb\nc\r\nd"))])
        #expect(xml.contains("<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:br/><w:t>d</w:t></w:r>"), "\(xml)")
        #expect(!xml.contains("\n<w:t"))
    }

    @Test func spaceIsPreservedOnlyWhereNeeded() throws {
        let xml = try documentXML([.paragraph(Paragraph(runs: [Run("Kết quả: ", .bold), Run("đạt")]))])
        #expect(xml.contains("<w:t xml:space=\"preserve\">Kết quả: </w:t>"))
        #expect(xml.contains("<w:t>đạt</w:t>"))
    }

    @Test func controlCharactersNeverReachTheDocument() throws {
        let xml = try documentXML([.paragraph(Paragraph("a\u{7}b\u{1B}c"))])
        #expect(xml.contains("<w:t>abc</w:t>"))
    }

    @Test func pageFieldIsAComplexField() throws {
        let xml = try documentXML([.paragraph(Paragraph(content: [.pageNumber()]))])
        #expect(xml.contains("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"))
    }

    @Test func emptyCellsGetAParagraphAndHeaderRowsRepeat() throws {
        let table = Table(columnWidths: [1000, 2000],
                          rows: [TableRow(cells: [TableCell([]), TableCell([])], isHeader: true),
                                 TableRow(cells: [TableCell(Paragraph("x"), columnSpan: 2)])])
        let xml = try documentXML([.table(table)])
        #expect(xml.contains("<w:trPr><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:tcW w:w=\"1000\" w:type=\"dxa\"/></w:tcPr><w:p/></w:tc>"))
        #expect(xml.contains("<w:tcW w:w=\"3000\" w:type=\"dxa\"/><w:gridSpan w:val=\"2\"/>"))
        #expect(xml.contains("<w:tblLayout w:type=\"fixed\"/>"))
    }

    @Test func sectionsCarryOrientationAndFirstPageRule() throws {
        let xml = try documentXML([.paragraph(Paragraph("portrait")), .sectionBreak(.a4Landscape), .paragraph(Paragraph("wide"))])
        // The portrait section ends in its last paragraph; the landscape one is the body's last sectPr.
        #expect(xml.contains("<w:body><w:p><w:pPr><w:sectPr>"))
        #expect(xml.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" w:left=\"1701\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/><w:cols w:space=\"720\"/><w:titlePg/>"))
        #expect(xml.contains("<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"))
        #expect(xml.hasSuffix("<w:docGrid w:linePitch=\"360\"/></w:sectPr></w:body></w:document>\n"))
    }
}
