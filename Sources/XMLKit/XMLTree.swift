import CLibXML2
import Foundation

/// A parsed, untrusted XML document.
///
/// Parsing is safe by construction: a DOCTYPE is refused before libxml2
/// sees the bytes, no network (`XML_PARSE_NONET`), no entity substitution,
/// no DTD loading. A document never crosses threads.
public final class XMLTree {
    let pointer: xmlDocPtr
    private var source: SourceText
    /// Whether everything read from the document is NFC as it stands
    /// (`Unicode.isSettled(document:)`): then no text is checked again.
    private let settled: Bool

    /// Elements whose text libxml2 read as a stand-in: not to be read.
    let unread: UnreadText?

    private init(pointer: xmlDocPtr, source: SourceText, settled: Bool, unread: UnreadText?) {
        self.pointer = pointer
        self.source = source
        self.settled = settled
        self.unread = unread
    }

    /// `text`, NFC-normalised unless the whole document is known to be NFC.
    func normalized(_ text: String) -> String { settled ? text : Unicode.nfc(text) }

    deinit { xmlFreeDoc(pointer) }

    /// Parses `bytes`, or throws every problem found (libxml2 stops at the
    /// first fatal error, so this is usually one). With `unread`, the text of
    /// those elements is parsed as a stand-in (`UnreadText`) and must not be
    /// read; the problems of a refused document are then worded from the
    /// stand-in, so a caller that reports them parses the bytes again without.
    public static func parse(_ bytes: [UInt8], unread: UnreadText? = nil) throws(XMLParseFailure) -> XMLTree {
        XMLLibrary.ensureInitialized()
        var utf8: [UInt8]
        switch Transcoder.utf8(bytes) {
        case .success(let converted):
            utf8 = converted
        case .failure(let problem):
            let raw = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
            var problems = [problem]
            if let place = DoctypeScanner.findDoctype(in: raw) { problems.insert(doctype(at: place), at: 0) }
            throw XMLParseFailure(problems: problems)
        }
        if let place = DoctypeScanner.findDoctype(in: utf8) {
            throw XMLParseFailure(problems: [doctype(at: place)] + (UTF8Check.problem(in: utf8).map { [$0] } ?? []))
        }
        let standIn = unread?.standIn(utf8)
        if let standIn { utf8 = standIn }
        guard utf8.count < Int(Int32.max) else {
            throw XMLParseFailure(problems: [XMLProblem(kind: .malformed, line: nil, column: nil, message: "document larger than 2 GiB")])
        }
        guard let context = xmlNewParserCtxt() else {
            throw XMLParseFailure(problems: [XMLProblem(kind: .malformed, line: nil, column: nil, message: "out of memory")])
        }
        defer { xmlFreeParserCtxt(context) }
        let collector = ErrorCollector()
        let retained = Unmanaged.passRetained(collector)
        defer { retained.release() }
        context.pointee._private = retained.toOpaque()
        context.pointee.sax.pointee.serror = ErrorCollector.parserCallback

        // The bytes are UTF-8 now, whatever the declaration says.
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue
            | XML_PARSE_IGNORE_ENC.rawValue)
        let document: xmlDocPtr? = utf8.withUnsafeBufferPointer { buffer in
            UnsafeRawPointer(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!).withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) { chars in
                xmlCtxtReadMemory(context, chars, Int32(buffer.count), "report.xml", "UTF-8", options)
            }
        }
        let fatal = collector.errors.filter { $0.level.rawValue >= XML_ERR_ERROR.rawValue }
        if let document, fatal.isEmpty, context.pointee.wellFormed != 0 {
            if document.pointee.intSubset != nil {
                xmlFreeDoc(document)
                throw XMLParseFailure(problems: [doctype(at: (1, 1))])
            }
            let settled = utf8.withUnsafeBufferPointer(Unicode.isSettled(document:))
            return XMLTree(pointer: document, source: SourceText(utf8: utf8), settled: settled, unread: standIn == nil ? nil : unread)
        }
        if let document { xmlFreeDoc(document) }
        // Bytes that are not UTF-8 stop libxml2 somewhere near them, with a
        // message of its own: the check says exactly where, as XML_ENCODING.
        if let problem = UTF8Check.problem(in: utf8) { throw XMLParseFailure(problems: [problem]) }
        var problems = fatal.map { raw in
            XMLProblem(kind: isEncodingError(raw) ? .encoding : .malformed, line: raw.line > 0 ? raw.line : nil,
                       column: raw.column > 0 ? raw.column : nil, message: readableMessage(raw.message))
        }
        if problems.isEmpty {
            problems = [XMLProblem(kind: .malformed, line: nil, column: nil, message: "Document is empty or not XML")]
        }
        throw XMLParseFailure(problems: problems)
    }

    private static func doctype(at place: (line: Int, column: Int)) -> XMLProblem {
        XMLProblem(kind: .doctype, line: place.line, column: place.column, message: "DOCTYPE is not allowed")
    }

    private static func isEncodingError(_ raw: ErrorCollector.Raw) -> Bool {
        if raw.domain == Int32(XML_FROM_I18N.rawValue) { return true }
        let codes: Set<Int32> = [Int32(XML_ERR_UNKNOWN_ENCODING.rawValue), Int32(XML_ERR_UNSUPPORTED_ENCODING.rawValue),
                                 Int32(XML_ERR_INVALID_ENCODING.rawValue), Int32(XML_ERR_ENCODING_NAME.rawValue)]
        if codes.contains(raw.code) { return true }
        let lower = raw.message.lowercased()
        return lower.contains("encoding") || lower.contains("not proper utf")
    }

    /// The root element as a Swift tree, text NFC-normalised.
    public func rootElement() -> XMLElementNode? {
        guard let root = xmlDocGetRootElement(pointer) else { return nil }
        return convert(root)
    }

    private func convert(_ node: xmlNodePtr) -> XMLElementNode {
        let name = String(cString: node.pointee.name)
        let namespace = node.pointee.ns.flatMap { $0.pointee.href }.map(namespaceName)
        let place = position(of: node)
        var attributes: [String: String] = [:]
        var attribute = node.pointee.properties
        while let a = attribute {
            let key = String(cString: a.pointee.name)
            if let text = a.pointee.children, text.pointee.next == nil, text.pointee.type == XML_TEXT_NODE, let content = text.pointee.content {
                // The usual attribute: one text node, read in place.
                attributes[key] = normalized(String(cString: content))
            } else if let value = xmlNodeGetContent(UnsafeMutableRawPointer(a).assumingMemoryBound(to: xmlNode.self)) {
                attributes[key] = normalized(String(cString: value))
                baocao_xml_free(value)
            }
            attribute = a.pointee.next
        }
        var children: [XMLElementNode] = []
        var text = ""
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(convert(c))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = c.pointee.content { text += String(cString: content) }
            default:
                break
            }
            child = c.pointee.next
        }
        return XMLElementNode(name: name, namespace: namespace, attributes: attributes, children: children,
                              text: normalized(text), line: place.line, column: place.column)
    }

    /// The last namespace read, by libxml2's pointer to it: a document's
    /// elements share one or two, and a name of 24 bytes is not stored inline.
    private var lastNamespace: (pointer: UnsafePointer<xmlChar>, name: String)?

    private func namespaceName(_ href: UnsafePointer<xmlChar>) -> String {
        if let last = lastNamespace, last.pointer == href { return last.name }
        let name = String(cString: href)
        lastNamespace = (href, name)
        return name
    }

    /// Where an element's start tag begins. Every element is placed once, in
    /// document order, so that repeated tags on one line get their own columns.
    func position(of node: xmlNodePtr) -> (line: Int, column: Int) {
        if !placed { placeAll() }
        // Kept in the node's `_private` (the application's own field): line and column, 32 bits each.
        guard let packed = node.pointee._private else { return (Int(xmlGetLineNo(node)), 1) }
        let value = UInt64(UInt(bitPattern: packed))
        return (Int(value >> 32), Int(value & 0xFFFF_FFFF))
    }

    private var placed = false

    /// Places every element, in document order, walking the tree by its
    /// links (no stack, no strings: this runs for every element of every report).
    private func placeAll() {
        placed = true
        guard let root = xmlDocGetRootElement(pointer) else { return }
        var needle: [UInt8] = []
        var node = root
        while true {
            needle.removeAll(keepingCapacity: true)
            needle.append(UInt8(ascii: "<"))
            if let prefix = node.pointee.ns?.pointee.prefix {
                Self.append(prefix, to: &needle)
                needle.append(UInt8(ascii: ":"))
            }
            Self.append(node.pointee.name, to: &needle)
            let place = source.startTag(needle, endingOnLine: Int(xmlGetLineNo(node)))
            let packed = UInt64(UInt32(clamping: place.line)) << 32 | UInt64(UInt32(clamping: place.column))
            node.pointee._private = UnsafeMutableRawPointer(bitPattern: UInt(packed))
            if let child = Self.firstElement(from: node.pointee.children) {
                node = child
                continue
            }
            // The next element after this one's subtree: a later sibling of it or of an ancestor.
            var current: xmlNodePtr? = node
            var next: xmlNodePtr?
            while let at = current, at != root {
                if let sibling = Self.firstElement(from: at.pointee.next) {
                    next = sibling
                    break
                }
                current = at.pointee.parent
            }
            guard let next else { return }
            node = next
        }
    }

    private static func firstElement(from node: xmlNodePtr?) -> xmlNodePtr? {
        var node = node
        while let n = node, n.pointee.type != XML_ELEMENT_NODE { node = n.pointee.next }
        return node
    }

    private static func append(_ name: UnsafePointer<xmlChar>, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: name, count: Int(xmlStrlen(name))))
    }
}

/// Every problem that stopped a parse.
public struct XMLParseFailure: Error, Sendable {
    public var problems: [XMLProblem]
}
