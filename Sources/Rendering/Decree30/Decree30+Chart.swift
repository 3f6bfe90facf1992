extension Decree30 {
    /// A chart centred on its own paragraph, with a caption under it.
    public static func figure(_ chart: BarChart, caption: String? = nil) -> [Block] {
        let centred = ParagraphProperties(keepNext: caption != nil, spacing: Spacing(before: 120, after: 60, line: .single),
                                          indentation: .zero, alignment: .center)
        var blocks: [Block] = [.paragraph(Paragraph(centred, content: [.chart(chart)]))]
        if let caption {
            blocks.append(.paragraph(Paragraph(caption, .points(13, italic: true),
                                               ParagraphProperties(spacing: Spacing(before: 0, after: 120, line: .single),
                                                                   indentation: .zero, alignment: .center))))
        }
        return blocks
    }
}

/// Colours for the task-status chart: distinct, and readable in grey print.
public enum ChartPalette {
    public static let completed = "2E7D32"
    public static let onSchedule = "1565C0"
    public static let behindSchedule = "F9A825"
    public static let notStarted = "9E9E9E"
    public static let overdue = "C62828"
    public static let notReported = "6A1B9A"
}
