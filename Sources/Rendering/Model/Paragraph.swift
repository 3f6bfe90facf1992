/// A paragraph (`w:p`): properties and inline content.
public struct Paragraph: Hashable, Sendable {
    public var properties: ParagraphProperties
    public var content: [Inline]

    public init(_ properties: ParagraphProperties = ParagraphProperties(), content: [Inline] = []) {
        self.properties = properties
        self.content = content
    }

    /// One run of text.
    public init(_ text: String, _ run: RunProperties = .plain, _ properties: ParagraphProperties = ParagraphProperties()) {
        self.init(properties, content: [.run(Run(text, run))])
    }

    /// Several runs, e.g. a bold label followed by plain text.
    public init(runs: [Run], _ properties: ParagraphProperties = ParagraphProperties()) {
        self.init(properties, content: runs.map(Inline.run))
    }

    /// An empty paragraph (a blank line, or the paragraph a table cell must end with).
    public static func empty(_ properties: ParagraphProperties = ParagraphProperties()) -> Paragraph {
        Paragraph(properties)
    }
}
