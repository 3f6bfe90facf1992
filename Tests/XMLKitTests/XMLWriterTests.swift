import Foundation
import Testing
import XMLKit

@Suite struct XMLWriterTests {
    private func write(_ body: (XMLWriter) throws -> Void) throws -> String {
        let writer = try XMLWriter()
        try writer.startDocument()
        try body(writer)
        return String(decoding: try writer.finish(), as: UTF8.self)
    }

    @Test func declarationIsStandalone() throws {
        let xml = try write { w in
            try w.startElement("a")
            try w.endElement()
        }
        #expect(xml == "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<a/>\n")
    }

    @Test func controlCharactersAreStrippedExceptTabNewlineCR() throws {
        let xml = try write { w in
            try w.startElement("t")
            try w.attribute("v", value: "a\u{1}b\u{1F}")
            try w.text("x\u{0}y\u{8}z\u{B}\u{C}\u{FFFE}\tq\nr")
            try w.endElement()
        }
        #expect(xml.contains("<t v=\"ab\">xyz\tq\nr</t>"), "\(xml)")
    }

    @Test func nonCharactersAloneAreStrippedNotTheirNeighbours() throws {
        // U+FFFE/U+FFFF go (EF BF BE/BF); U+FFFD and U+FFBF (EF BF BD, EF BE BF) stay.
        let xml = try write { w in
            try w.startElement("t")
            try w.text("a\u{FFFF}b\u{FFFD}c\u{FFBF}d\u{FFFE}")
            try w.endElement()
        }
        #expect(xml.contains("<t>ab\u{FFFD}c\u{FFBF}d</t>"), "\(xml)")
    }

    @Test func escapesMarkupAndKeepsVietnamese() throws {
        let xml = try write { w in
            try w.startElement("p", prefix: "w", namespace: "urn:w")
            try w.attribute("val", prefix: "w", value: "\"<&>\"")
            try w.text("Độc lập - Tự do - Hạnh phúc <&>")
            try w.endElement()
        }
        #expect(xml.contains("<w:p w:val=\"&quot;&lt;&amp;&gt;&quot;\" xmlns:w=\"urn:w\">Độc lập - Tự do - Hạnh phúc &lt;&amp;&gt;</w:p>"), "\(xml)")
    }

    @Test func processingInstruction() throws {
        let xml = try write { w in
            try w.processingInstruction(target: "mso-application", content: "progid=\"Word.Document\"")
            try w.startElement("a")
            try w.endElement()
        }
        #expect(xml.contains("<?mso-application progid=\"Word.Document\"?>"))
    }

    @Test func misuseIsATypedError() throws {
        let writer = try XMLWriter()
        try writer.startDocument()
        #expect(throws: XMLWriterError.self) { try writer.endElement() }
        #expect(throws: XMLWriterError.self) { try writer.startElement("bad name") }
        try writer.startElement("open")
        #expect(throws: XMLWriterError.self) { _ = try writer.finish() }
    }

    @Test func embedsAnotherDocumentsRoot() throws {
        let part = try write { w in
            try w.startElement("hdr", prefix: "w")
            try w.declareNamespace(prefix: "w", uri: "urn:w")
            try w.startElement("t", prefix: "w")
            try w.attribute("space", prefix: "xml", value: "preserve")
            try w.text(" a & b ")
            try w.endElement()
            try w.endElement()
        }
        let outer = try write { w in
            try w.startElement("data")
            try w.embedRootElement(of: Data(part.utf8))
            try w.endElement()
        }
        #expect(outer.contains("<data><w:hdr xmlns:w=\"urn:w\"><w:t xml:space=\"preserve\"> a &amp; b </w:t></w:hdr></data>"), "\(outer)")
        #expect(throws: XMLWriterError.self) { try XMLWriter().embedRootElement(of: Data("<a>".utf8)) }
    }
}
