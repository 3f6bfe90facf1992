import CLibXML2
import Foundation

/// A parsed, untrusted XML document.
///
/// Parsing is safe by construction: a DOCTYPE is refused before libxml2
/// sees the bytes, no network (`XML_PARSE_NONET`), no entity substitution,
/// no DTD loading. A document never crosses threads.
public final class XMLDocument {
    let pointer: xmlDocPtr
    private var source: SourceText

    private init(pointer: xmlDocPtr, source: SourceText) {
        self.pointer = pointer
        self.source = source
    }

    deinit { xmlFreeDoc(pointer) }

    /// Parses `bytes`, or throws every problem found (libxml2 stops at the
    /// first fatal error, so this is usually one).
    public static func parse(_ bytes: [UInt8]) throws(XMLParseFailure) -> XMLDocument {
        XMLLibrary.ensureInitialized()
        if let place = DoctypeScanner.findDoctype(in: bytes) {
            throw XMLParseFailure(problems: [XMLProblem(kind: .doctype, line: place.line, column: place.column,
                                                        message: "DOCTYPE is not allowed")])
        }
        if let problem = UTF8Check.problem(in: bytes) {
            throw XMLParseFailure(problems: [problem])
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

        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue)
        let document: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) { chars in
                xmlCtxtReadMemory(context, chars, Int32(buffer.count), "report.xml", nil, options)
            }
        }
        let fatal = collector.errors.filter { $0.level.rawValue >= XML_ERR_ERROR.rawValue }
        if let document, fatal.isEmpty, context.pointee.wellFormed != 0 {
            if document.pointee.intSubset != nil {
                xmlFreeDoc(document)
                throw XMLParseFailure(problems: [XMLProblem(kind: .doctype, line: 1, column: 1, message: "DOCTYPE is not allowed")])
            }
            return XMLDocument(pointer: document, source: SourceText(bytes: bytes))
        }
        if let document { xmlFreeDoc(document) }
        var problems = fatal.map { raw in
            XMLProblem(kind: isEncodingError(raw) ? .encoding : .malformed, line: raw.line > 0 ? raw.line : nil,
                       column: raw.column > 0 ? raw.column : nil, message: readableMessage(raw.message))
        }
        if problems.isEmpty {
            problems = [XMLProblem(kind: .malformed, line: nil, column: nil, message: "Document is empty or not XML")]
        }
        throw XMLParseFailure(problems: problems)
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
        let namespace = node.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) }
        let prefix = node.pointee.ns.flatMap { $0.pointee.prefix }.map { String(cString: $0) }
        let line = Int(xmlGetLineNo(node))
        let column = source.column(ofTag: prefix.map { "\($0):\(name)" } ?? name, line: line)
        var attributes: [String: String] = [:]
        var attribute = node.pointee.properties
        while let a = attribute {
            let key = String(cString: a.pointee.name)
            if let value = xmlNodeGetContent(UnsafeMutableRawPointer(a).assumingMemoryBound(to: xmlNode.self)) {
                attributes[key] = String(cString: value).precomposedStringWithCanonicalMapping
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
                              text: text.precomposedStringWithCanonicalMapping, line: line, column: column)
    }

    /// Column of a start tag named `name` at or before `line`, for schema errors.
    func column(ofTag name: String, line: Int) -> Int? {
        source.firstColumn(ofTag: name, line: line)
    }
}

/// Every problem that stopped a parse.
public struct XMLParseFailure: Error, Sendable {
    public var problems: [XMLProblem]
}
