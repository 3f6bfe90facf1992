/// What a paragraph holds.
public enum Inline: Hashable, Sendable {
    case run(Run)
    /// A complex field (`fldChar` begin / `instrText` / separate / result / end),
    /// e.g. instruction `PAGE` with the placeholder result `1`.
    case field(instruction: String, placeholder: String, RunProperties)
    /// A native chart, inline (`w:drawing/wp:inline`), stored as its own part.
    case chart(BarChart)

    /// The page number field.
    public static func pageNumber(_ properties: RunProperties = .plain) -> Inline {
        .field(instruction: "PAGE", placeholder: "1", properties)
    }
}
