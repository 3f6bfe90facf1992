import CLibXML2
import Foundation

/// A compiled XSD, compiled once and shared: libxml2 lets several
/// validation contexts (one per call, one per thread) use one schema.
public final class XMLSchema: @unchecked Sendable {
    private let pointer: xmlSchemaPtr

    /// Compiles the schema in `bytes`; throws the schema's own problems.
    public init(bytes: [UInt8]) throws(XMLParseFailure) {
        XMLLibrary.ensureInitialized()
        let collector = ErrorCollector()
        let schema: xmlSchemaPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                guard let context = xmlSchemaNewMemParserCtxt(chars, Int32(buffer.count)) else { return nil }
                defer { xmlSchemaFreeParserCtxt(context) }
                withExtendedLifetime(collector) {
                    xmlSchemaSetParserStructuredErrors(context, ErrorCollector.callback,
                                                       Unmanaged.passUnretained(collector).toOpaque())
                }
                return withExtendedLifetime(collector) { xmlSchemaParse(context) }
            }
        }
        guard let schema else {
            let problems = collector.errors.map {
                XMLProblem(kind: .schema, line: $0.line, column: nil, message: readableMessage($0.message))
            }
            throw XMLParseFailure(problems: problems.isEmpty
                ? [XMLProblem(kind: .schema, line: nil, column: nil, message: "schema does not compile")] : problems)
        }
        pointer = schema
    }

    deinit { xmlSchemaFree(pointer) }

    /// Every way `document` breaks the schema; empty when it is valid.
    /// Lines come from libxml2; columns from the start tag on that line.
    public func validate(_ document: XMLTree) -> [XMLProblem] {
        guard let context = xmlSchemaNewValidCtxt(pointer) else {
            return [XMLProblem(kind: .schema, line: nil, column: nil, message: "out of memory")]
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        let collector = ErrorCollector()
        let status = withExtendedLifetime(collector) { () -> Int32 in
            xmlSchemaSetValidStructuredErrors(context, ErrorCollector.callback, Unmanaged.passUnretained(collector).toOpaque())
            return xmlSchemaValidateDoc(context, document.pointer)
        }
        var problems = collector.errors.filter { $0.level.rawValue >= XML_ERR_ERROR.rawValue }.map { raw -> XMLProblem in
            // The element's own start tag when libxml2 names it; else the line it gives, no column.
            var node = raw.node.map { UnsafeMutableRawPointer(mutating: $0).assumingMemoryBound(to: xmlNode.self) }
            if let attribute = node, attribute.pointee.type == XML_ATTRIBUTE_NODE { node = attribute.pointee.parent }
            if let node, node.pointee.type == XML_ELEMENT_NODE {
                let place = document.position(of: node)
                return XMLProblem(kind: .schema, line: place.line, column: place.column, message: readableMessage(raw.message))
            }
            return XMLProblem(kind: .schema, line: raw.line > 0 ? raw.line : nil, column: nil,
                              message: readableMessage(raw.message))
        }
        if status != 0 && problems.isEmpty {
            problems = [XMLProblem(kind: .schema, line: nil, column: nil, message: "document is not valid against the schema")]
        }
        return problems
    }
}
