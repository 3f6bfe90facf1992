/// Paragraph formatting (`w:pPr`), written in the schema's order.
public struct ParagraphProperties: Hashable, Sendable {
    /// A style id from `StyleID` (nil: Normal).
    public var style: String?
    public var keepNext: Bool
    public var keepLines: Bool
    public var pageBreakBefore: Bool
    /// A rule above the paragraph (`w:pBdr/w:top`).
    public var topBorder: Border?
    /// A rule below the paragraph (`w:pBdr/w:bottom`).
    public var bottomBorder: Border?
    public var spacing: Spacing?
    public var indentation: Indentation?
    public var alignment: Alignment?
    /// Formatting of the paragraph mark: sets the height of an empty paragraph.
    public var markProperties: RunProperties?

    public init(style: String? = nil, keepNext: Bool = false, keepLines: Bool = false, pageBreakBefore: Bool = false,
                topBorder: Border? = nil, bottomBorder: Border? = nil, spacing: Spacing? = nil,
                indentation: Indentation? = nil, alignment: Alignment? = nil, markProperties: RunProperties? = nil) {
        self.style = style
        self.keepNext = keepNext
        self.keepLines = keepLines
        self.pageBreakBefore = pageBreakBefore
        self.topBorder = topBorder
        self.bottomBorder = bottomBorder
        self.spacing = spacing
        self.indentation = indentation
        self.alignment = alignment
        self.markProperties = markProperties
    }
}

/// Horizontal alignment (`w:jc`), with the transitional values Word writes.
public enum Alignment: String, Hashable, Sendable {
    case left, center, right
    case justified = "both"
}

/// Space around and between lines (`w:spacing`), in twips (1/20 pt).
public struct Spacing: Hashable, Sendable {
    public var before: Int?
    public var after: Int?
    public var line: LineSpacing?

    public init(before: Int? = nil, after: Int? = nil, line: LineSpacing? = nil) {
        self.before = before
        self.after = after
        self.line = line
    }

    /// No space before or after, single lines: for tables and header blocks.
    public static let tight = Spacing(before: 0, after: 0, line: .single)
}

/// Line spacing: a multiple of single, or a fixed height.
public enum LineSpacing: Hashable, Sendable {
    /// In 240ths of a line: `240` single, `288` 1.2, `360` 1.5.
    case multiple(Int)
    /// Exactly this many twips.
    case exactly(Int)
    case atLeast(Int)

    public static let single = LineSpacing.multiple(240)
}

/// Indentation (`w:ind`), in twips. `firstLine` and `hanging` exclude each other.
public struct Indentation: Hashable, Sendable {
    public var left: Int?
    public var right: Int?
    public var firstLine: Int?
    public var hanging: Int?

    public init(left: Int? = nil, right: Int? = nil, firstLine: Int? = nil, hanging: Int? = nil) {
        self.left = left
        self.right = right
        self.firstLine = firstLine
        self.hanging = hanging
    }

    /// No indent at all (overrides Normal's first-line indent). Not `.none`,
    /// which an optional property would read as nil.
    public static let zero = Indentation(left: 0, right: 0, firstLine: 0)
}
