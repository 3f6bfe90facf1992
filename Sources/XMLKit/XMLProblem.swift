/// A problem libxml2 found in a document or against a schema, as a value.
public struct XMLProblem: Error, Hashable, Sendable {
    public enum Kind: String, Sendable {
        /// Not well-formed.
        case malformed
        /// A DOCTYPE: refused before parsing.
        case doctype
        /// An unknown encoding, or bytes that do not match the declared one.
        case encoding
        /// The schema refuses the document.
        case schema
    }

    public var kind: Kind
    public var line: Int?
    public var column: Int?
    /// libxml2's own words, namespaces shortened for a human reader.
    public var message: String

    public init(kind: Kind, line: Int?, column: Int?, message: String) {
        self.kind = kind
        self.line = line
        self.column = column
        self.message = message
    }
}
