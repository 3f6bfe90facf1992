/// One border line (`w:top`, `w:bottom`, … in pBdr, tblBorders, tcBorders).
public struct Border: Hashable, Sendable {
    public enum Style: String, Hashable, Sendable {
        case single, double, dotted, dashed
        /// No line (`w:val="nil"`): removes a border a style would draw.
        case none = "nil"
    }

    public var style: Style
    /// Width in eighths of a point (`4` = ½ pt, `8` = 1 pt).
    public var size: Int
    /// `RRGGBB` or `auto`.
    public var color: String
    /// Distance from the text, in points.
    public var space: Int

    public init(style: Style = .single, size: Int = 4, color: String = "auto", space: Int = 0) {
        self.style = style
        self.size = size
        self.color = color
        self.space = space
    }

    public static let thin = Border()
    /// No line (named so that it cannot be mistaken for `Optional.none`).
    public static let hidden = Border(style: .none, size: 0, space: 0)
}
