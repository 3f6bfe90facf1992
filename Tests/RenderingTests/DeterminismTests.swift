import Foundation
import Rendering
import Testing

/// Same document, same bytes, within one process and after the clock moved.
/// Ordering that would depend on the per-process hash seed is caught where
/// the binary writes the documents twice, in two processes
/// (`DocumentCommandsTests`, `DocumentVoiceTests`).
@Suite struct DeterminismTests {
    @Test func sameDocumentGivesSameBytes() throws {
        let first = SampleDocument.make()
        let docx = try first.docx()
        let flat = try first.flatOPC()
        Thread.sleep(forTimeInterval: 1.1)  // a clock leaking into the bytes would show
        let again = SampleDocument.make()
        #expect(try again.docx() == docx)
        #expect(try again.flatOPC() == flat)
    }

    /// A long document is written through a scratch file, its deferred
    /// blocks made as they are written: the same bytes as in memory, and
    /// deferring a block changes nothing.
    @Test func streamedPackagesHaveTheBytesOfTheDocumentInMemory() throws {
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let whole = SampleDocument.make()
        var deferred = whole
        let middle = deferred.blocks.count / 2
        let moved = Array(deferred.blocks[middle..<middle + 3])
        deferred.blocks.replaceSubrange(middle..<middle + 3, with: [.deferred(DeferredBlocks { moved })])
        #expect(try deferred.docx() == whole.docx())

        let scratch = directory.appendingPathComponent("document.xml").path
        let package = try deferred.package(documentFile: scratch)
        let docx = directory.appendingPathComponent("streamed.docx").path
        let flat = directory.appendingPathComponent("streamed.xml").path
        try package.writeDocx(to: docx)
        try package.writeFlatOPC(to: flat)
        #expect(FileManager.default.contents(atPath: docx) == (try whole.docx()))
        #expect(FileManager.default.contents(atPath: flat) == (try whole.flatOPC()))
    }

    @Test func flatOPCIsWellFormedWithOnePartPerPackagePart() throws {
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let document = SampleDocument.make()
        let flatFile = directory.appendingPathComponent("sample.xml")
        let docxFile = directory.appendingPathComponent("sample.docx")
        let flat = try document.flatOPC()
        try flat.write(to: flatFile)
        try document.docx().write(to: docxFile)

        let text = String(decoding: flat, as: UTF8.self)
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<?mso-application progid=\"Word.Document\"?>"))
        #expect(text.contains("<pkg:package xmlns:pkg=\"http://schemas.microsoft.com/office/2006/xmlPackage\">"))
        let lint = try Tool.run("/usr/bin/xmllint", ["--noout", flatFile.path])
        #expect(lint.status == 0, "\(lint.output)")

        // Every zip entry but [Content_Types].xml is a part; Flat OPC carries its type on pkg:part instead.
        let entries = try Tool.run("/usr/bin/unzip", ["-Z1", docxFile.path]).output.split(separator: "\n").map(String.init)
        let count = try Tool.run("/usr/bin/xmllint", ["--xpath", "count(//*[local-name()='part'])", flatFile.path])
        #expect(Int(count.output.trimmingCharacters(in: .whitespacesAndNewlines)) == entries.count - 1)
        for entry in entries where entry != "[Content_Types].xml" {
            #expect(text.contains("pkg:name=\"/\(entry)\""), "missing part \(entry)")
        }
        #expect(text.contains("<pkg:part pkg:name=\"/word/document.xml\" pkg:contentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"><pkg:xmlData><w:document"))
    }

    @Test func flatOPCEmbedsTheSameXMLAsTheDocx() throws {
        let package = try SampleDocument.make().package()
        let flat = String(decoding: try package.flatOPC(), as: UTF8.self)
        let document = try #require(package.parts.first { $0.name == "word/document.xml" })
        var body = String(decoding: document.bytes, as: UTF8.self)
        body.removeSubrange(body.startIndex...body.firstIndex(of: "\n")!)  // the XML declaration
        #expect(flat.contains(body.trimmingCharacters(in: .newlines)))
    }
}
