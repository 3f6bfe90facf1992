extension Decree30 {
    /// The two-column borderless header table.
    ///
    /// Left: parent agency (upper case, 13 pt), issuing agency (upper case,
    /// 13 pt bold) with a short rule under it, then `Số: …`. Right: the
    /// national title (12 pt bold), the motto (13 pt bold) with a rule as long
    /// as itself, then place and date (14 pt italic).
    public static func header(_ header: OfficialHeader, layout: PageLayout = .a4Portrait) -> Block {
        // 13 pt upper-case agency names need about 7.5 cm and the 12 pt national
        // title about 9 cm: the table reaches 8 mm into the wide left margin.
        let reach = Twips.mm(8)
        let total = layout.textWidth + 2 * cellMargin + reach
        let left = total * 44 / 100
        let right = total - left
        var agency: [Paragraph] = []
        if let parent = header.parentAgency {
            agency.append(centred(parent.uppercased(), .points(13)))
        }
        agency.append(centred(header.issuingAgency.uppercased(), .points(13, bold: true)))
        agency.append(rule(width: Twips.cm(2.5), available: left - 2 * cellMargin))
        agency.append(centred(header.number.text, .points(13), before: 120))
        if let summary = header.summary {
            agency.append(centred(summary, .points(12), before: 60))
        }

        let state: [Paragraph] = [
            centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", .points(12, bold: true)),
            centred("Độc lập - Tự do - Hạnh phúc", .points(13, bold: true)),
            rule(width: Twips.cm(5.6), available: right - 2 * cellMargin),
            centred(VietnameseDate.placeAndDate(header.place, header.date), .points(14, italic: true), before: 120),
        ]
        return .table(Table(columnWidths: [left, right],
                            rows: [TableRow(cells: [TableCell(agency), TableCell(state)])],
                            borders: .hidden, indent: -cellMargin - reach))
    }
}
