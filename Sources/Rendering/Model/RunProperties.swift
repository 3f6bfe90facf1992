/// Character formatting of a run (`w:rPr`).
///
/// Only what official documents need. The writer always emits the elements
/// in the schema's order (rFonts, b, i, caps, strike, color, sz, szCs, u,
/// lang): Word refuses a file whose `w:rPr` children are out of order.
public struct RunProperties: Hashable, Sendable {
    /// Font for every script (`w:rFonts` ascii/hAnsi/cs/eastAsia); nil inherits Times New Roman.
    public var font: String?
    public var bold: Bool
    public var italic: Bool
    public var caps: Bool
    public var strike: Bool
    /// `RRGGBB`; nil inherits (black).
    public var color: String?
    /// Size in half-points (`28` = 14 pt); nil inherits.
    public var size: Int?
    public var underline: Bool
    /// BCP 47 tag (`vi-VN`); nil inherits the document language.
    public var language: String?

    public init(font: String? = nil, bold: Bool = false, italic: Bool = false, caps: Bool = false,
                strike: Bool = false, color: String? = nil, size: Int? = nil, underline: Bool = false,
                language: String? = nil) {
        self.font = font
        self.bold = bold
        self.italic = italic
        self.caps = caps
        self.strike = strike
        self.color = color
        self.size = size
        self.underline = underline
        self.language = language
    }

    /// Nothing set: the style's formatting applies.
    public static let plain = RunProperties()
    public static let bold = RunProperties(bold: true)
    public static let italic = RunProperties(italic: true)

    /// Size in whole points, for readability at call sites: `.points(13, bold: true)`.
    public static func points(_ points: Int, bold: Bool = false, italic: Bool = false) -> RunProperties {
        RunProperties(bold: bold, italic: italic, size: points * 2)
    }

    /// True when nothing would be written (no `w:rPr` needed).
    var isEmpty: Bool { self == .plain }
}
