/// Text with one formatting.
///
/// The text may hold `\t` and `\n` (or `\r\n`): they are written as `w:tab`
/// and `w:br`, never as raw characters inside `w:t`.
public struct Run: Hashable, Sendable {
    public var text: String
    public var properties: RunProperties

    public init(_ text: String, _ properties: RunProperties = .plain) {
        self.text = text
        self.properties = properties
    }
}
