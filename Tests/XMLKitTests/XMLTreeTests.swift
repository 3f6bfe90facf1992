import Foundation
import XCTest
@testable import XMLKit

/// Parsing untrusted documents: the tree, NFC text, positions, and every way
/// a document is refused (malformed, DOCTYPE, encodings).
final class XMLTreeTests: XCTestCase {
    // MARK: well-formed documents

    func testTreeHasLocalNamesNamespaceAttributesAndText() throws {
        let root = try XMLTestSupport.root("""
            <?xml version="1.0" encoding="UTF-8"?>
            <r:report xmlns:r="urn:baocao:unit-report:1" id="uuid:1" unit="HVCL">
              <r:preparer name="Nguyễn Văn A"/>
              <r:task code="2.3.8"><r:responsible>  TS. Trần Văn Minh  </r:responsible></r:task>
              <r:task code="2.3.9"/>
            </r:report>
            """)
        XCTAssertEqual(root.name, "report")
        XCTAssertEqual(root.namespace, "urn:baocao:unit-report:1")
        // Namespace declarations are not attributes.
        XCTAssertEqual(root.attributes, ["id": "uuid:1", "unit": "HVCL"])
        XCTAssertEqual(root.children.map(\.name), ["preparer", "task", "task"])
        XCTAssertEqual(root.children(named: "task").map { $0.attributes["code"] }, ["2.3.8", "2.3.9"])
        XCTAssertEqual(root.child(named: "preparer")?.attributes["name"], "Nguyễn Văn A")
        let responsible = try XCTUnwrap(root.children(named: "task").first?.child(named: "responsible"))
        XCTAssertEqual(responsible.namespace, "urn:baocao:unit-report:1")
        XCTAssertEqual(responsible.text, "  TS. Trần Văn Minh  ")
        XCTAssertEqual(responsible.trimmedText, "TS. Trần Văn Minh")
        XCTAssertNil(root.child(named: "missing"))
    }

    func testCDATAAndCharacterReferencesAreText() throws {
        let root = try XMLTestSupport.root("<r><a><![CDATA[1 < 2 & 3]]> &amp; &#x1EB9;</a></r>")
        XCTAssertEqual(root.child(named: "a")?.text, "1 < 2 & 3 & ẹ")
    }

    func testDecomposedTextAndAttributesBecomeNFC() throws {
        let nfd = "Ha\u{0300} No\u{0323}\u{0302}i"  // "Hà Nội", fully decomposed
        let nfc = "H\u{00E0} N\u{1ED9}i"
        // Swift's == is canonical equivalence: compare the scalars themselves.
        XCTAssertNotEqual(Array(nfd.unicodeScalars), Array(nfc.unicodeScalars))
        let root = try XMLTestSupport.root("<r city=\"\(nfd)\"><a>\(nfd)</a></r>")
        let text = try XCTUnwrap(root.child(named: "a")?.text)
        XCTAssertEqual(Array(text.unicodeScalars), Array(nfc.unicodeScalars))
        XCTAssertEqual(Array(text.utf8), [0x48, 0xC3, 0xA0, 0x20, 0x4E, 0xE1, 0xBB, 0x99, 0x69])
        let attribute = try XCTUnwrap(root.attributes["city"])
        XCTAssertEqual(Array(attribute.unicodeScalars), Array(nfc.unicodeScalars))
    }

    func testLinesAndColumnsOfNestedElements() throws {
        let root = try XMLTestSupport.root("""
            <root>
              <a><b/><b x="1"/></a>
                <c
                   x="1"
                   y="2"><d/><e><d/></e></c>
            </root>
            """)
        XCTAssertEqual(XMLTestSupport.position(root), [1, 1])
        let a = try XCTUnwrap(root.child(named: "a"))
        XCTAssertEqual(XMLTestSupport.position(a), [2, 3])
        // Two elements of the same name on one line get their own columns.
        XCTAssertEqual(a.children.map(XMLTestSupport.position), [[2, 6], [2, 10]])
        // A start tag spanning lines: the place of its "<".
        let c = try XCTUnwrap(root.child(named: "c"))
        XCTAssertEqual(XMLTestSupport.position(c), [3, 5])
        let d = try XCTUnwrap(c.child(named: "d"))
        XCTAssertEqual(XMLTestSupport.position(d), [5, 14])
        let e = try XCTUnwrap(c.child(named: "e"))
        XCTAssertEqual(XMLTestSupport.position(e), [5, 18])
        XCTAssertEqual(e.children.map(XMLTestSupport.position), [[5, 21]])
    }

    func testColumnsCountCharactersNotBytes() throws {
        let root = try XMLTestSupport.root("<r>\n<a>Hà Nội</a><b/>\n</r>")
        // "<a>Hà Nội</a>" is 13 characters (19 bytes in UTF-8).
        XCTAssertEqual(root.child(named: "b").map(XMLTestSupport.position), [2, 14])
    }

    func testSampleReportParsesWithPositions() throws {
        let bytes = try XMLTestSupport.sampleReport()
        let root = try XCTUnwrap(XMLTree.parse(bytes).rootElement())
        XCTAssertEqual(root.name, "report")
        XCTAssertEqual(root.attributes["unit"], "HVCL")
        XCTAssertEqual(root.line, 2)
        XCTAssertEqual(root.column, 1)
        let tasks = root.children(named: "task")
        XCTAssertEqual(tasks.map(XMLTestSupport.position), [[9, 3], [25, 3]])
        XCTAssertEqual(tasks[0].children(named: "indicator").map(XMLTestSupport.position), [[15, 5], [16, 5], [17, 5]])
        XCTAssertEqual(root.child(named: "preparer")?.attributes["name"], "Nguyễn Thị Thu Hà")
    }

    // MARK: malformed

    func testMismatchedTagIsMalformedWithLineAndColumn() {
        let problems = XMLTestSupport.failure("<r>\n  <a>\n  </b>\n</r>")
        XCTAssertFalse(problems.isEmpty)
        let first = problems[0]
        XCTAssertEqual(first.kind, .malformed)
        XCTAssertEqual(first.line, 3)
        XCTAssertNotNil(first.column)
        XCTAssertFalse(first.message.isEmpty)
        XCTAssertTrue(problems.allSatisfy { $0.kind == .malformed })
    }

    func testBareAmpersandIsMalformedAtItsPlace() {
        let problems = XMLTestSupport.failure("<r>\n<a>x</a>\n<b>fish & chips</b>\n</r>")
        XCTAssertEqual(problems.first?.kind, .malformed)
        XCTAssertEqual(problems.first?.line, 3)
        // libxml2 points just past the "&", where the entity name should start.
        XCTAssertEqual(problems.first?.column, 10)
    }

    func testEmptyAndNonXMLAreMalformed() {
        XCTAssertEqual(XMLTestSupport.failure("").first?.kind, .malformed)
        XCTAssertEqual(XMLTestSupport.failure("just some text").first?.kind, .malformed)
        XCTAssertEqual(XMLTestSupport.failure("<r>").first?.kind, .malformed)
    }

    // MARK: DOCTYPE

    func testBillionLaughsIsRefusedAtTheDoctypeBeforeExpansion() {
        let problems = XMLTestSupport.failure("""
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
              <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
              <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
              <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
              <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <lolz>&lol9;</lolz>
            """)
        XCTAssertEqual(problems, [XMLProblem(kind: .doctype, line: 2, column: 1, message: "DOCTYPE is not allowed")])
    }

    func testDoctypeAfterDeclarationAndCommentIsFoundAtItsPlace() {
        let problems = XMLTestSupport.failure("""
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- a comment that mentions <!DOCTYPE x> and spans
                 two lines -->
            <?some-pi data?>
               <!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]>
            <r>&e;</r>
            """)
        XCTAssertEqual(problems.count, 1)
        XCTAssertEqual(problems.first?.kind, .doctype)
        XCTAssertEqual(problems.first?.line, 5)
        XCTAssertEqual(problems.first?.column, 4)
    }

    func testExternalDoctypeIsRefused() {
        let problems = XMLTestSupport.failure("<!DOCTYPE r SYSTEM \"http://example.invalid/r.dtd\">\n<r/>")
        XCTAssertEqual(problems.map(\.kind), [.doctype])
        XCTAssertEqual(problems.first?.line, 1)
        XCTAssertEqual(problems.first?.column, 1)
    }

    func testDoctypeAfterUTF8ByteOrderMarkIsFoundAtItsPlace() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE r [<!ENTITY e \"x\">]>\n<r>&e;</r>".utf8)
        let problems = XMLTestSupport.failure(bytes)
        XCTAssertEqual(problems.map(\.kind), [.doctype])
        XCTAssertEqual(problems.first?.line, 2)
        XCTAssertEqual(problems.first?.column, 1)
    }

    func testBillionLaughsAfterUTF8ByteOrderMarkIsRefusedAsDoctype() {
        var text = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol0 \"lol\">\n"
        for level in 1...9 {
            text += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
        }
        text += "]>\n<lolz a=\"&lol9;\">&lol9;</lolz>"
        let problems = XMLTestSupport.failure([0xEF, 0xBB, 0xBF] + Array(text.utf8))
        XCTAssertEqual(problems.map(\.kind), [.doctype])
        XCTAssertEqual(problems.first?.line, 2)
        XCTAssertEqual(problems.first?.column, 1)
    }

    func testDoctypeInUTF16IsRefused() {
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n\n  <!DOCTYPE r [<!ENTITY e \"x\">]>\n<r>&e;</r>"
        for bigEndian in [false, true] {
            let problems = XMLTestSupport.failure(XMLTestSupport.utf16(text, bigEndian: bigEndian))
            XCTAssertEqual(problems.map(\.kind), [.doctype], "big endian: \(bigEndian)")
            XCTAssertEqual(problems.first?.line, 3)
            XCTAssertEqual(problems.first?.column, 3)
        }
    }

    func testDoctypeWordInsideContentIsNotADoctype() throws {
        let root = try XMLTestSupport.root("<r><!-- <!DOCTYPE x> --><a>&lt;!DOCTYPE x&gt;</a></r>")
        XCTAssertEqual(root.child(named: "a")?.text, "<!DOCTYPE x>")
    }

    // MARK: encodings

    func testUTF16WithByteOrderMarkParses() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-16"?>
            <r city="Đà Nẵng">
              <a>Hà Nội</a><b/>
            </r>
            """
        for bigEndian in [false, true] {
            let bytes = XMLTestSupport.utf16(text, bigEndian: bigEndian)
            XCTAssertEqual(Array(bytes.prefix(2)), bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE])
            let root = try XCTUnwrap(XMLTree.parse(bytes).rootElement())
            XCTAssertEqual(root.name, "r")
            XCTAssertEqual(root.attributes["city"].map { Array($0.unicodeScalars) }, Array("Đà Nẵng".unicodeScalars))
            let a = try XCTUnwrap(root.child(named: "a"))
            XCTAssertEqual(Array(a.text.unicodeScalars), Array("H\u{00E0} N\u{1ED9}i".unicodeScalars))
            XCTAssertEqual(XMLTestSupport.position(a), [3, 3])
            XCTAssertEqual(root.child(named: "b").map(XMLTestSupport.position), [3, 16])
        }
    }

    func testWindows1258DeclaredAndEncodedParsesToVietnamese() throws {
        // `printf 'Bộ Khoa học và Công nghệ, Hà Nội' | iconv -f UTF-8 -t WINDOWS-1258`
        // (the same bytes as Python's cp1258 codec gives for the partly
        // decomposed text: windows-1258 has "ô" but not "ộ", which is "ô" + 0xF2).
        let cp1258: [UInt8] = [
            0x42, 0xF4, 0xF2, 0x20, 0x4B, 0x68, 0x6F, 0x61, 0x20, 0x68, 0x6F, 0xF2,
            0x63, 0x20, 0x76, 0xE0, 0x20, 0x43, 0xF4, 0x6E, 0x67, 0x20, 0x6E, 0x67,
            0x68, 0xEA, 0xF2, 0x2C, 0x20, 0x48, 0xE0, 0x20, 0x4E, 0xF4, 0xF2, 0x69,
        ]
        let bytes = Array("<?xml version=\"1.0\" encoding=\"windows-1258\"?>\n<r>\n  <a name=\"".utf8) + cp1258
            + Array("\">".utf8) + cp1258 + Array("</a>\n</r>\n".utf8)
        let root = try XCTUnwrap(XMLTree.parse(bytes).rootElement())
        let a = try XCTUnwrap(root.child(named: "a"))
        let expected = "Bộ Khoa học và Công nghệ, Hà Nội".precomposedStringWithCanonicalMapping
        XCTAssertEqual(Array(a.text.unicodeScalars), Array(expected.unicodeScalars))
        XCTAssertEqual(a.attributes["name"].map { Array($0.unicodeScalars) }, Array(expected.unicodeScalars))
        XCTAssertEqual(XMLTestSupport.position(a), [3, 3])
    }

    func testInvalidUTF8IsAnEncodingProblemAtTheBadByte() {
        let bytes = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<r>\n  <a>Hà ".utf8) + [0xC3, 0x28]
            + Array(" Nội</a>\n</r>".utf8)
        let problems = XMLTestSupport.failure(bytes)
        XCTAssertEqual(problems.count, 1)
        XCTAssertEqual(problems.first?.kind, .encoding)
        XCTAssertEqual(problems.first?.line, 3)
        XCTAssertEqual(problems.first?.column, 9)
    }

    /// libxml2 is what refuses bad UTF-8 in an accepted-looking document
    /// (no check runs before it): every ill-formed sequence, in every place
    /// a byte can stand, must still end as XML_ENCODING at that byte.
    func testEveryIllFormedUTF8SequenceAnywhereIsAnEncodingProblemAtItsByte() {
        let sequences: [String: [UInt8]] = [
            "lone continuation": [0x80], "overlong 2": [0xC0, 0x80], "overlong 2b": [0xC1, 0xBF],
            "overlong 3": [0xE0, 0x80, 0xAF], "overlong 4": [0xF0, 0x80, 0x80, 0xAF], "surrogate": [0xED, 0xA0, 0x80],
            "above U+10FFFF": [0xF4, 0x90, 0x80, 0x80], "F5": [0xF5, 0x80, 0x80, 0x80], "five bytes": [0xF8, 0x88, 0x80, 0x80, 0x80],
            "cut short": [0xE1, 0xBB], "FF": [0xFF],
        ]
        // Each place: the text before the bad bytes (on line 2) and after them.
        let places: [String: (String, String)] = [
            "text": ("<r>x", "y</r>"), "text after a letter": ("<r>ệx", "y</r>"), "attribute": ("<r a=\"x", "y\"/>"),
            "attribute after a letter": ("<r a=\"ệ", "y\"/>"), "comment": ("<r><!-- x", " --></r>"),
            "processing instruction": ("<r><?p x", "?></r>"), "after the root": ("<r/><!-- ", " -->"),
            "CDATA": ("<r><![CDATA[x", "]]></r>"), "name": ("<r", "/>"),
        ]
        for (placeName, (before, after)) in places {
            for (sequenceName, bad) in sequences {
                let bytes = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".utf8) + Array(before.utf8) + bad + Array(after.utf8)
                let problems = XMLTestSupport.failure(bytes)
                XCTAssertEqual(problems.map(\.kind), [.encoding], "\(sequenceName) in \(placeName): \(problems)")
                XCTAssertEqual(problems.first?.line, 2, "\(sequenceName) in \(placeName)")
                XCTAssertEqual(problems.first?.column, before.count + 1, "\(sequenceName) in \(placeName)")
            }
        }
    }

    func testInvalidUTF8WithoutDeclarationIsAnEncodingProblem() {
        // A windows-1258 "à" (0xE0) in a document that names no encoding.
        let bytes = Array("<r>\n<a>H".utf8) + [0xE0] + Array(" Noi</a></r>".utf8)
        let problems = XMLTestSupport.failure(bytes)
        XCTAssertEqual(problems.first?.kind, .encoding)
        XCTAssertEqual(problems.first?.line, 2)
        XCTAssertEqual(problems.first?.column, 5)
    }

    func testUnknownEncodingNameIsAnEncodingProblem() {
        let problems = XMLTestSupport.failure("<?xml version=\"1.0\" encoding=\"x-nonsense\"?>\n<r>Hà Nội</r>")
        XCTAssertFalse(problems.isEmpty)
        XCTAssertEqual(problems.first?.kind, .encoding)
        XCTAssertFalse(problems.first?.message.isEmpty ?? true)
    }

    func testUTF8BytesLabelledUTF16AreAnEncodingProblem() {
        let problems = XMLTestSupport.failure("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<r>Hà Nội</r>")
        XCTAssertEqual(problems.first?.kind, .encoding, "\(problems)")
    }

    func testByteUndefinedInWindows1258IsAnEncodingProblem() {
        // 0x81 has no character in windows-1258.
        let bytes = Array("<?xml version=\"1.0\" encoding=\"windows-1258\"?>\n<r>H".utf8) + [0xE0, 0x81] + Array("</r>".utf8)
        let problems = XMLTestSupport.failure(bytes)
        XCTAssertEqual(problems.first?.kind, .encoding, "\(problems)")
    }

    func testUTF8ByteOrderMarkDoesNotShiftColumns() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<r><a/></r>".utf8)
        let root = try XCTUnwrap(XMLTree.parse(bytes).rootElement())
        XCTAssertEqual(XMLTestSupport.position(root), [1, 1])
        XCTAssertEqual(root.child(named: "a").map(XMLTestSupport.position), [1, 4])
    }
}
