/// A bar (column) chart with one series, drawn natively by Word and
/// LibreOffice from the values cached in its part — no embedded workbook.
public struct BarChart: Hashable, Sendable {
    /// One bar: its category label, value and colour. A nil value is no
    /// data: no bar, no point in the chart's cache (never a 0).
    public struct Bar: Hashable, Sendable {
        public var category: String
        public var value: Int?
        /// `RRGGBB`.
        public var color: String

        public init(category: String, value: Int?, color: String) {
            self.category = category
            self.value = value
            self.color = color
        }
    }

    /// Shown above the plot, or nil for none (`c:autoTitleDeleted`).
    public var title: String?
    public var seriesName: String
    public var bars: [Bar]
    /// Size on the page, in twips.
    public var width: Int
    public var height: Int
    /// Alternative text for screen readers (`wp:docPr/@descr`).
    public var description: String

    public init(title: String? = nil, seriesName: String, bars: [Bar], width: Int, height: Int, description: String) {
        self.title = title
        self.seriesName = seriesName
        self.bars = bars
        self.width = width
        self.height = height
        self.description = description
    }
}
