/// Page size, orientation and margins of a section (`w:sectPr`), in twips.
///
/// Every section uses the document's two headers: the default one with the
/// centred page number, and an empty first-page one shown when
/// `firstPageWithoutNumber` is set (`w:titlePg`) — page 1 of an official
/// document carries no number.
public struct PageLayout: Hashable, Sendable {
    public enum Orientation: String, Hashable, Sendable { case portrait, landscape }

    public var orientation: Orientation
    public var pageWidth: Int
    public var pageHeight: Int
    public var margins: Margins
    public var firstPageWithoutNumber: Bool

    public init(orientation: Orientation, pageWidth: Int, pageHeight: Int, margins: Margins,
                firstPageWithoutNumber: Bool) {
        self.orientation = orientation
        self.pageWidth = pageWidth
        self.pageHeight = pageHeight
        self.margins = margins
        self.firstPageWithoutNumber = firstPageWithoutNumber
    }

    /// A4 portrait (210 × 297 mm), Decree 30 margins, no number on the first page.
    public static let a4Portrait = PageLayout(orientation: .portrait, pageWidth: 11906, pageHeight: 16838,
                                              margins: .decree30, firstPageWithoutNumber: true)

    /// A4 landscape for a wide annex: sizes swapped, numbered from its first page
    /// (it continues the document's numbering).
    public static let a4Landscape = PageLayout(orientation: .landscape, pageWidth: 16838, pageHeight: 11906,
                                               margins: .decree30, firstPageWithoutNumber: false)

    /// Width between the left and right margins.
    public var textWidth: Int { pageWidth - margins.left - margins.right }
}

/// Page margins, in twips (1 mm ≈ 56.7 twips).
public struct Margins: Hashable, Sendable {
    public var top: Int
    public var bottom: Int
    public var left: Int
    public var right: Int
    /// From the page edge to the header (the page number).
    public var header: Int
    public var footer: Int

    public init(top: Int, bottom: Int, left: Int, right: Int, header: Int, footer: Int) {
        self.top = top
        self.bottom = bottom
        self.left = left
        self.right = right
        self.header = header
        self.footer = footer
    }

    /// Top and bottom 20 mm, left 30 mm, right 15 mm; header 10 mm from the edge.
    public static let decree30 = Margins(top: Twips.mm(20), bottom: Twips.mm(20), left: Twips.mm(30),
                                         right: Twips.mm(15), header: Twips.mm(10), footer: Twips.mm(10))
}
