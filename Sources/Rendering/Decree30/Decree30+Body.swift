extension Decree30 {
    /// A part heading: `I. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ` (style Heading 1, bold).
    public static func partHeading(_ numeral: String, _ text: String) -> Block {
        .paragraph(Paragraph("\(numeral). \(text)", .plain, ParagraphProperties(style: StyleID.heading1)))
    }

    /// An item heading: `1. Nhiệm vụ …` (style Heading 2, bold).
    public static func itemHeading(_ number: String, _ text: String) -> Block {
        .paragraph(Paragraph("\(number). \(text)", .plain, ParagraphProperties(style: StyleID.heading2)))
    }

    /// A body paragraph: justified, first-line indent 1 cm, 6 pt after.
    public static func paragraph(_ text: String) -> Block {
        .paragraph(Paragraph(text))
    }

    /// A paragraph that introduces a list (`Kết quả thực hiện:`): kept on
    /// the page of the first item, so it never ends a page alone.
    public static func lead(_ text: String) -> Block {
        .paragraph(Paragraph(text, .plain, ParagraphProperties(keepNext: true)))
    }

    /// A body paragraph of several runs (e.g. a bold label, then plain text).
    public static func paragraph(_ runs: [Run]) -> Block {
        .paragraph(Paragraph(runs: runs))
    }
}

extension Decree30 {
    /// The closing line (`… kính báo cáo …/.`), kept on the page of the
    /// signature block that follows it, so the signature never stands alone.
    public static func closing(_ text: String) -> Block {
        .paragraph(Paragraph(text, .plain, ParagraphProperties(keepNext: true)))
    }
}
