/// Why an `XMLWriter` could not write what it was asked to.
///
/// These are programming errors or resource failures, never problems in the
/// data: text is cleaned (see `XMLWriter.text(_:)`), so no value a caller
/// passes can make the output malformed.
public struct XMLWriterError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable {
        /// libxml2 could not allocate its writer or buffer.
        case outOfMemory
        /// An element or attribute name that is not an XML name.
        case invalidName
        /// `endElement()` with nothing open, or `finish()` with elements still open.
        case unbalanced
        /// A call after `finish()`.
        case finished
        /// libxml2 refused the call (its return code was negative).
        case libxml
        /// Bytes handed to `embedRootElement(of:)` are not a well-formed document.
        case malformedInput
    }

    public var kind: Kind
    /// The call that failed and what it was writing, for a technician.
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { "XML writer \(kind.rawValue): \(message)" }
}
