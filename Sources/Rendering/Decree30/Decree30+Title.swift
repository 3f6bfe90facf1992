extension Decree30 {
    /// The document type (`BÁO CÁO`, bold, centred, 14 pt), the subject
    /// under it (bold; `\n` for a second line) and a short rule under the
    /// subject.
    public static func title(_ documentType: String, subject: String, layout: PageLayout = .a4Portrait) -> [Block] {
        let centredText = ParagraphProperties(keepNext: true, spacing: Spacing(before: 0, after: 0, line: .single),
                                              indentation: .zero, alignment: .center)
        var type = Paragraph(documentType.uppercased(), .points(14, bold: true), centredText)
        type.properties.spacing?.before = 360
        return [
            .paragraph(type),
            .paragraph(Paragraph(subject, .points(14, bold: true), centredText)),
            .paragraph(rule(width: Twips.cm(3), available: layout.textWidth)),
        ]
    }

    /// `Kính gửi: Lãnh đạo Bộ` (several recipients are joined with `; `).
    public static func addressee(_ recipients: [String]) -> Block {
        .paragraph(Paragraph("Kính gửi: " + recipients.joined(separator: "; "), .points(14),
                             ParagraphProperties(spacing: Spacing(before: 240, after: 240, line: .single),
                                                 indentation: .zero, alignment: .center)))
    }
}
