import Foundation
import Rendering
import Testing

@Suite struct PackageValidationTests {
    /// `../shared/ooxml/validate-docx`, beside the package.
    static let validator = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/ooxml/validate-docx").path

    @Test func sampleDocumentPassesValidateDocx() throws {
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("sample.docx")
        let docx = try SampleDocument.make().docx()
        try docx.write(to: file)
        if let keep = ProcessInfo.processInfo.environment["RENDERING_SAMPLE_DIR"] {
            try? docx.write(to: URL(fileURLWithPath: keep).appendingPathComponent("sample.docx"))
            try? SampleDocument.make().flatOPC().write(to: URL(fileURLWithPath: keep).appendingPathComponent("sample.xml"))
        }
        let result = try Tool.run(Self.validator, [file.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("validate-docx: 1 passed, 0 failed"), "\(result.output)")
        #expect(result.output.split(separator: "\n").count == 1, "findings: \(result.output)")
    }

    @Test func unnumberedDraftPassesToo() throws {
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("draft.docx")
        let docx = try SampleDocument.make(numbered: false).docx()
        try docx.write(to: file)
        if let keep = ProcessInfo.processInfo.environment["RENDERING_SAMPLE_DIR"] {
            try? docx.write(to: URL(fileURLWithPath: keep).appendingPathComponent("draft.docx"))
        }
        let result = try Tool.run(Self.validator, [file.path])
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func entriesComeInFixedOrderWithContentTypesFirst() throws {
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("sample.docx")
        try SampleDocument.make().docx().write(to: file)
        let names = try Tool.run("/usr/bin/unzip", ["-Z1", file.path]).output.split(separator: "\n").map(String.init)
        #expect(names == ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
                          "word/styles.xml", "word/settings.xml", "word/fontTable.xml", "word/header1.xml",
                          "word/header2.xml", "word/charts/chart1.xml", "docProps/core.xml", "docProps/app.xml"])
    }
}
