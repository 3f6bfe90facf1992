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
    public var trimmedText: String { XMLWhitespace.trim(text) }

    /// An attribute's value with surrounding XML white space removed, as the
    /// schema reads token, number and date types.
    public func value(_ name: String) -> String? {
        attributes[name].map(XMLWhitespace.trim)
    }
}

/// XML's white space: space, tab, carriage return, line feed.
public enum XMLWhitespace {
    public static func trim(_ text: String) -> String {
        let scalars = text.unicodeScalars
        func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\n" || s == "\r" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return text }
        return String(scalars[first...last])
    }
}
