extension Decree30 {
    /// `Nơi nhận` (12 pt bold italic, list 11 pt) on the left, the signing
    /// authority and title (upper case, bold) on the right, room for the
    /// signature and seal, then the signer's name if known.
    public static func signature(_ block: SignatureBlock, layout: PageLayout = .a4Portrait) -> Block {
        let total = layout.textWidth + 2 * cellMargin
        let left = total * 9 / 20
        let right = total - left
        let list = ParagraphProperties(spacing: Spacing(before: 0, after: 0, line: .single), indentation: .zero,
                                       alignment: .left)
        var recipients = [Paragraph("Nơi nhận:", RunProperties(bold: true, italic: true, size: 24), list)]
        recipients += block.recipientLines.map { Paragraph($0, .points(11), list) }

        var signer: [Paragraph] = []
        if let authority = block.authority {
            signer.append(centred(authority.uppercased(), .points(14, bold: true)))
        }
        signer.append(centred(block.title.uppercased(), .points(14, bold: true)))
        // Room for the signature and seal (about 3 cm), then the signer's name,
        // or a dotted line to write it on.
        signer.append(centred(block.signer ?? SignatureBlock.nameLine, .points(14, bold: block.signer != nil), before: Twips.cm(3)))

        return .table(Table(columnWidths: [left, right],
                            rows: [TableRow(cells: [TableCell(recipients), TableCell(signer)], cantSplit: true)],
                            borders: .hidden, indent: -cellMargin))
    }
}
