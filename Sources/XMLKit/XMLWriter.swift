import CLibXML2
import Foundation

/// Writes one XML document into memory through libxml2's `xmlTextWriter`.
///
/// libxml2 does the escaping, so markup is never built by string
/// concatenation. Output depends only on the calls made: no indentation, no
/// clock, no global libxml2 state is touched (no error handler is set). A
/// writer belongs to one thread; make one per document.
///
/// ```swift
/// let w = try XMLWriter()
/// try w.startDocument()
/// try w.startElement("document", prefix: "w", namespace: wordNamespace)
/// try w.attribute("val", prefix: "w", value: "x")
/// try w.endElement()
/// let bytes = try w.finish()
/// ```
public final class XMLWriter {
    /// The in-memory buffer; nil when writing to a file.
    private let buffer: xmlBufferPtr?
    private var writer: xmlTextWriterPtr?
    private var depth = 0

    /// A writer with an empty in-memory buffer.
    public init() throws(XMLWriterError) {
        XMLLibrary.ensureInitialized()
        guard let buffer = xmlBufferCreate() else { throw XMLWriterError(.outOfMemory, "xmlBufferCreate") }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw XMLWriterError(.outOfMemory, "xmlNewTextWriterMemory")
        }
        self.buffer = buffer
        self.writer = writer
    }

    /// A writer into a new file at `path` (created or emptied), through
    /// libxml2's own output buffer: a large document is never held whole.
    /// `finish()` flushes and closes it and returns no bytes.
    public init(file path: String) throws(XMLWriterError) {
        XMLLibrary.ensureInitialized()
        guard let writer = xmlNewTextWriterFilename(path, 0) else {
            throw XMLWriterError(.libxml, "cannot create \(path)")
        }
        buffer = nil
        self.writer = writer
    }

    deinit {
        if let writer { xmlFreeTextWriter(writer) }
        if let buffer { xmlBufferFree(buffer) }
    }

    /// `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`, as OOXML parts carry it.
    public func startDocument() throws(XMLWriterError) {
        let w = try open("startDocument")
        try check(xmlTextWriterStartDocument(w, "1.0", "UTF-8", "yes"), "startDocument")
    }

    /// A processing instruction, e.g. `mso-application` / `progid="Word.Document"`.
    public func processingInstruction(target: String, content: String) throws(XMLWriterError) {
        let w = try open("processingInstruction")
        try Self.validate(name: target)
        try check(xmlTextWriterWritePI(w, target, XMLText.clean(content)), "processingInstruction \(target)")
    }

    /// Opens `prefix:name`; with `namespace`, also declares `xmlns:prefix` on it.
    public func startElement(_ name: String, prefix: String? = nil, namespace: String? = nil) throws(XMLWriterError) {
        let w = try open("startElement")
        try Self.validate(name: name)
        if let prefix { try Self.validate(name: prefix) }
        try check(xmlTextWriterStartElementNS(w, prefix, name, namespace), "startElement \(name)")
        depth += 1
    }

    /// Declares a further namespace on the element just opened (`xmlns:prefix="uri"`,
    /// or the default namespace when `prefix` is nil).
    public func declareNamespace(prefix: String?, uri: String) throws(XMLWriterError) {
        let w = try open("declareNamespace")
        if let prefix { try Self.validate(name: prefix) }
        try check(xmlTextWriterWriteAttribute(w, prefix.map { "xmlns:\($0)" } ?? "xmlns", XMLText.clean(uri)),
                  "declareNamespace \(prefix ?? "")")
    }

    /// An attribute of the element just opened; the value is cleaned and escaped.
    public func attribute(_ name: String, prefix: String? = nil, value: String) throws(XMLWriterError) {
        let w = try open("attribute")
        try Self.validate(name: name)
        if let prefix { try Self.validate(name: prefix) }
        try check(xmlTextWriterWriteAttributeNS(w, prefix, name, nil, XMLText.clean(value)), "attribute \(name)")
    }

    /// Character data. C0 control characters other than tab, line feed and
    /// carriage return are removed (XML 1.0 cannot hold them); the three kept
    /// are written as they are — WordprocessingML turns them into `w:tab` /
    /// `w:br` before they reach this writer.
    public func text(_ string: String) throws(XMLWriterError) {
        let w = try open("text")
        try check(xmlTextWriterWriteString(w, XMLText.clean(string)), "text")
    }

    /// A comment (`<!-- … -->`); a `--` inside is spaced out, as XML requires.
    public func comment(_ string: String) throws(XMLWriterError) {
        let w = try open("comment")
        var text = XMLText.clean(string)
        while text.contains("--") { text = text.replacingOccurrences(of: "--", with: "- -") }
        try check(xmlTextWriterWriteComment(w, text), "comment")
    }

    /// Bytes written as they are, unescaped: markup the caller's own writer
    /// produced (a part replayed into a Flat OPC package).
    public func raw(_ bytes: Data) throws(XMLWriterError) {
        let w = try open("raw")
        guard !bytes.isEmpty else { return }
        let result = bytes.withUnsafeBytes { raw in
            xmlTextWriterWriteRawLen(w, raw.bindMemory(to: xmlChar.self).baseAddress, Int32(raw.count))
        }
        try check(result, "raw")
    }

    /// Closes the innermost open element (`<a/>` when it has no content).
    public func endElement() throws(XMLWriterError) {
        let w = try open("endElement")
        guard depth > 0 else { throw XMLWriterError(.unbalanced, "endElement with no open element") }
        try check(xmlTextWriterEndElement(w), "endElement")
        depth -= 1
    }

    /// Ends the document and returns its bytes; the writer cannot be used again.
    public func finish() throws(XMLWriterError) -> Data {
        let w = try open("finish")
        guard depth == 0 else { throw XMLWriterError(.unbalanced, "finish with \(depth) element(s) still open") }
        try check(xmlTextWriterEndDocument(w), "finish")
        // Flushes into the buffer, or to the file (a failed write shows here).
        let flushed = xmlTextWriterFlush(w)
        xmlFreeTextWriter(w)
        writer = nil
        try check(flushed, "finish")
        guard let buffer else { return Data() }
        let length = Int(xmlBufferLength(buffer))
        guard length > 0, let content = xmlBufferContent(buffer) else { return Data() }
        return Data(bytes: content, count: length)
    }

    private func open(_ call: String) throws(XMLWriterError) -> xmlTextWriterPtr {
        guard let writer else { throw XMLWriterError(.finished, "\(call) after finish()") }
        return writer
    }

    private func check(_ result: Int32, _ call: String) throws(XMLWriterError) {
        if result < 0 { throw XMLWriterError(.libxml, call) }
    }

    /// A conservative XML name check (ASCII start rule, any non-ASCII allowed):
    /// enough to refuse names that would break the markup.
    static func validate(name: String) throws(XMLWriterError) {
        // The documents' own names are ASCII: checked by byte, the rest by Unicode property.
        let bytes = name.utf8
        if let first = bytes.first, first < 0x80, bytes.allSatisfy({ $0 < 0x80 }) {
            func isLetter(_ b: UInt8) -> Bool { (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) }
            guard first == 0x5F || isLetter(first),
                  bytes.allSatisfy({ isLetter($0) || (0x30...0x39).contains($0) || $0 == 0x5F || $0 == 0x2D || $0 == 0x2E })
            else { throw XMLWriterError(.invalidName, "not an XML name: \"\(name)\"") }
            return
        }
        guard let first = name.unicodeScalars.first,
              first == "_" || first.properties.isAlphabetic,
              name.unicodeScalars.allSatisfy({ $0 == "_" || $0 == "-" || $0 == "." || $0.properties.isAlphabetic
                  || ("0"..."9").contains($0) || $0.value > 0x7F })
        else { throw XMLWriterError(.invalidName, "not an XML name: \"\(name)\"") }
    }
}
