import CLibXML2
import Foundation

extension XMLWriter {
    /// Writes the root element of the document `bytes` (with its namespace
    /// declarations, attributes, text and children) at the current position.
    ///
    /// This is how a Flat OPC package carries each part: the part's bytes
    /// are produced once and replayed here, so the `.docx` and the `.xml`
    /// cannot drift apart. Comments and processing instructions inside the
    /// part are dropped. Meant for the caller's own output: the parse uses
    /// no network, no entity substitution and no DTD, and stays silent.
    public func embedRootElement(of bytes: Data) throws(XMLWriterError) {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                            | XML_PARSE_BIG_LINES.rawValue)
        let parsed: xmlDocPtr? = bytes.withUnsafeBytes { raw in
            guard let base = raw.bindMemory(to: CChar.self).baseAddress else { return nil }
            return xmlReadMemory(base, Int32(raw.count), "part.xml", nil, options)
        }
        guard let document = parsed else { throw XMLWriterError(.malformedInput, "part is not well-formed XML") }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { throw XMLWriterError(.malformedInput, "part has no root") }
        try replay(root)
    }

    private func replay(_ element: xmlNodePtr) throws(XMLWriterError) {
        let name = String(cString: element.pointee.name)
        let prefix = element.pointee.ns.flatMap { $0.pointee.prefix }.map { String(cString: $0) }
        try startElement(name, prefix: prefix)
        var declaration = element.pointee.nsDef
        while let ns = declaration {
            try declareNamespace(prefix: ns.pointee.prefix.map { String(cString: $0) },
                                 uri: ns.pointee.href.map { String(cString: $0) } ?? "")
            declaration = ns.pointee.next
        }
        var property = element.pointee.properties
        while let attribute = property {
            let attributeName = String(cString: attribute.pointee.name)
            let attributePrefix = attribute.pointee.ns.flatMap { $0.pointee.prefix }.map { String(cString: $0) }
            // The value's text nodes, read in place (nothing to free).
            var value = ""
            var piece = attribute.pointee.children
            while let node = piece {
                if let content = node.pointee.content { value += String(cString: content) }
                piece = node.pointee.next
            }
            try self.attribute(attributeName, prefix: attributePrefix, value: value)
            property = attribute.pointee.next
        }
        var child = element.pointee.children
        while let node = child {
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                try replay(node)
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content { try text(String(cString: content)) }
            default:
                break
            }
            child = node.pointee.next
        }
        try endElement()
    }
}
