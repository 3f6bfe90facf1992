/// Building blocks of a Vietnamese official document laid out as Decree
/// 30/2020/NĐ-CP, Appendix I asks: header block, document type and subject,
/// headings, body, annexes, signature block. Each returns plain `Block`s to
/// put in a `WordDocument`.
public enum Decree30 {
    /// Centred, no indent, no spacing: the paragraphs of the header and signature tables.
    static func centred(_ text: String, _ run: RunProperties, before: Int = 0) -> Paragraph {
        Paragraph(text, run, ParagraphProperties(spacing: Spacing(before: before, after: 0, line: .single),
                                                 indentation: .zero, alignment: .center))
    }

    /// A short centred horizontal rule `width` twips long, drawn as the top
    /// border of a 1-pt-high empty paragraph inside a space `available` wide,
    /// 2.5 pt below the line above (spacing before lies outside the border).
    /// Text-width-independent and editable in Word, unlike a drawn shape.
    static func rule(width: Int, available: Int) -> Paragraph {
        let side = max(0, (available - width) / 2)
        return Paragraph.empty(ParagraphProperties(topBorder: Border(style: .single, size: 6, color: "000000", space: 0),
                                                   spacing: Spacing(before: 50, after: 0, line: .exactly(20)),
                                                   indentation: Indentation(left: side, right: side, firstLine: 0),
                                                   markProperties: RunProperties(size: 2)))
    }

    /// Default cell margins of `TableNormal` (left and right), in twips.
    static let cellMargin = 108
}
