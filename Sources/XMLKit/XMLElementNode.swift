/// An element of a parsed document as a plain Swift value.
///
/// Names are local names; text is the element's own character data
/// (CDATA included), NFC-normalised. Line and column point at the start tag.
public struct XMLElementNode: Sendable, Equatable {
    public var name: String
    public var namespace: String?
    public var attributes: [String: String]
    public var children: [XMLElementNode]
    public var text: String
    public var line: Int
    public var column: Int

    public init(name: String, namespace: String?, attributes: [String: String], children: [XMLElementNode],
                text: String, line: Int, column: Int) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
        self.text = text
        self.line = line
        self.column = column
    }

    /// Direct children with the given local name, in document order.
    public func children(named name: String) -> [XMLElementNode] {
        children.filter { $0.name == name }
    }

    /// The first direct child with the given local name.
    public func child(named name: String) -> XMLElementNode? {
        children.first { $0.name == name }
    }

    /// The element's text with surrounding white space removed.
    public var trimmedText: String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

import Foundation
