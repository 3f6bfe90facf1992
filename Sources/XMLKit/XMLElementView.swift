import CLibXML2

/// An element of a parsed document, read in place from libxml2's tree.
///
/// What `XMLElementNode` holds, asked for when needed: the report reader
/// asks for each value once, so no Swift tree is built first (its
/// dictionaries, arrays and strings were a tenth of bare ingest's CPU).
/// The same answers as `rootElement()`'s nodes: local names, attributes by
/// local name (the last of a name wins), text NFC-normalised, the start
/// tag's line and column. Valid only while its `XMLTree` is.
public struct XMLElementView {
    let node: xmlNodePtr
    let tree: XMLTree

    init(node: xmlNodePtr, tree: XMLTree) {
        self.node = node
        self.tree = tree
    }

    /// The local name.
    public var name: String { String(cString: node.pointee.name) }

    /// Whether the local name is `name`, without making a string of it.
    public func isNamed(_ name: String) -> Bool {
        name.withCString { Self.equal(node.pointee.name, $0) }
    }

    public var line: Int { tree.position(of: node).line }
    public var column: Int { tree.position(of: node).column }

    /// Direct child elements, in document order.
    public var children: [XMLElementView] { childElements { _ in true } }

    /// Direct children with the given local name, in document order.
    public func children(named name: String) -> [XMLElementView] {
        name.withCString { wanted in childElements { Self.equal($0.pointee.name, wanted) } }
    }

    /// The first direct child with the given local name.
    public func child(named name: String) -> XMLElementView? {
        name.withCString { wanted in
            Self.element(from: node.pointee.children) { Self.equal($0.pointee.name, wanted) }.map { XMLElementView(node: $0, tree: tree) }
        }
    }

    /// Whether the element has an element inside it.
    public var hasChildElements: Bool { Self.element(from: node.pointee.children) { _ in true } != nil }

    /// The direct child elements that `include` takes, in document order.
    private func childElements(_ include: (xmlNodePtr) -> Bool) -> [XMLElementView] {
        var found: [XMLElementView] = []
        var next = Self.element(from: node.pointee.children, where: include)
        while let element = next {
            found.append(XMLElementView(node: element, tree: tree))
            next = Self.element(from: element.pointee.next, where: include)
        }
        return found
    }

    /// The first element that `include` takes, from `node` on along its siblings.
    private static func element(from node: xmlNodePtr?, where include: (xmlNodePtr) -> Bool) -> xmlNodePtr? {
        var node = node
        while let n = node {
            if n.pointee.type == XML_ELEMENT_NODE, include(n) { return n }
            node = n.pointee.next
        }
        return nil
    }

    /// An attribute's value as written (NFC), by local name.
    public func attribute(_ name: String) -> String? { attributeText(name, trimmed: false) }

    /// An attribute's value with surrounding XML white space removed, as the
    /// schema reads token, number and date types.
    public func value(_ name: String) -> String? { attributeText(name, trimmed: true) }

    private func attributeText(_ name: String, trimmed: Bool) -> String? {
        withAttribute(name) { $0.map { tree.normalized(ParsedText.string(Self.bytes($0), trimmed: trimmed)) } }
    }

    /// Whether the attribute is there and holds only XML white space, or nothing.
    public func attributeIsBlank(_ name: String) -> Bool {
        withAttribute(name) { $0.map { Self.isBlank($0) } ?? false }
    }

    /// The element's own character data (CDATA included), NFC-normalised.
    public var text: String { ownText(trimmed: false) }

    /// The element's text with surrounding white space removed.
    public var trimmedText: String { ownText(trimmed: true) }

    /// The usual element holds one text node, made a string as it stands;
    /// several (CDATA beside text) are joined first. Trimming before NFC is
    /// the same as after: XML white space neither composes nor reorders.
    private func ownText(trimmed: Bool) -> String {
        assert(tree.unread.map { !$0.isUnread(node.pointee.name) } ?? true, "the text of an unread element was read")
        var first: UnsafePointer<xmlChar>?
        var joined: [UInt8] = []
        var pieces = 0
        forEachText { content in
            pieces += 1
            if pieces == 1 { first = content; return }
            if pieces == 2, let first { joined.append(contentsOf: Self.bytes(first)) }
            joined.append(contentsOf: Self.bytes(content))
        }
        switch pieces {
        case 0: return ""
        case 1: return tree.normalized(ParsedText.string(Self.bytes(first!), trimmed: trimmed))
        default: return tree.normalized(joined.withUnsafeBufferPointer { ParsedText.string($0, trimmed: trimmed) })
        }
    }

    private static func bytes(_ text: UnsafePointer<xmlChar>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: text, count: Int(xmlStrlen(text)))
    }

    /// Whether the element's own text is only XML white space, or nothing.
    public var textIsBlank: Bool {
        var blank = true
        forEachText { if blank, !Self.isBlank($0) { blank = false } }
        return blank
    }

    private func forEachText(_ body: (UnsafePointer<xmlChar>) -> Void) {
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_TEXT_NODE || c.pointee.type == XML_CDATA_SECTION_NODE, let content = c.pointee.content {
                body(content)
            }
            child = c.pointee.next
        }
    }

    /// The last attribute named `name`, its value's bytes handed to `body`
    /// (nil when there is none), as `XMLTree.convert` reads them.
    private func withAttribute<T>(_ name: String, _ body: (UnsafePointer<xmlChar>?) -> T) -> T {
        let found: xmlAttrPtr? = name.withCString { wanted in
            var last: xmlAttrPtr?
            var attribute = node.pointee.properties
            while let a = attribute {
                if Self.equal(a.pointee.name, wanted) { last = a }
                attribute = a.pointee.next
            }
            return last
        }
        guard let a = found else { return body(nil) }
        if let text = a.pointee.children, text.pointee.next == nil, text.pointee.type == XML_TEXT_NODE, let content = text.pointee.content {
            // The usual attribute: one text node, read in place.
            return body(content)
        }
        guard let value = xmlNodeGetContent(UnsafeMutableRawPointer(a).assumingMemoryBound(to: xmlNode.self)) else { return body(nil) }
        defer { baocao_xml_free(value) }
        return body(value)
    }

    private static func equal(_ name: UnsafePointer<xmlChar>, _ wanted: UnsafePointer<CChar>) -> Bool {
        xmlStrEqual(name, UnsafeRawPointer(wanted).assumingMemoryBound(to: xmlChar.self)) != 0
    }

    /// Only space, tab, line feed or carriage return (what `\s` means in a schema's pattern), or nothing.
    private static func isBlank(_ bytes: UnsafePointer<xmlChar>) -> Bool {
        var p = bytes
        while p.pointee != 0 {
            guard ParsedText.isSpace(p.pointee) else { return false }
            p += 1
        }
        return true
    }
}

extension XMLTree {
    /// The root element, read in place.
    public var root: XMLElementView? {
        xmlDocGetRootElement(pointer).map { XMLElementView(node: $0, tree: self) }
    }
}

/// Strings made from a parsed document's bytes.
///
/// libxml2 refuses any document that is not UTF-8 (after `Transcoder`, every
/// one is meant to be), so its text is copied into a `String` without the
/// standard library checking it again: 0.15 µs a sentence against 0.6.
enum ParsedText {
    /// `bytes` as a string, without surrounding XML white space when `trimmed`.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, trimmed: Bool) -> String {
        var start = 0
        var end = bytes.count
        if trimmed {
            while start < end, isSpace(bytes[start]) { start += 1 }
            while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        }
        guard start < end, let base = bytes.baseAddress else { return "" }
        return String(copying: UTF8Span(unchecked: UnsafeBufferPointer(start: base + start, count: end - start).span))
    }

    /// Space, tab, line feed or carriage return: `XMLWhitespace`'s four.
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
