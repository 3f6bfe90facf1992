import XCTest
@testable import XMLKit

/// A document parsed with some elements' text stood in (`UnreadText`) must
/// read the same everywhere else: names, attributes, other elements' text,
/// every element's line and column, the blankness of every text; and a
/// document that is refused must still be refused.
final class UnreadTextTests: XCTestCase {
    private let narratives = UnreadText(elements: ["result", "difficulty"])

    /// Everything but the unread elements' text, element by element.
    private func assertSameOutsideUnread(_ view: XMLElementView, _ plain: XMLElementView, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(view.name, plain.name, file: file, line: line)
        XCTAssertEqual([view.line, view.column], [plain.line, plain.column], "<\(plain.name)>", file: file, line: line)
        XCTAssertEqual(view.textIsBlank, plain.textIsBlank, "<\(plain.name)>", file: file, line: line)
        if !["result", "difficulty"].contains(plain.name) {
            XCTAssertEqual(view.text, plain.text, "<\(plain.name)>", file: file, line: line)
        }
        for name in ["month", "kind", "a", "b", "code", "name"] {
            XCTAssertEqual(view.attribute(name), plain.attribute(name), "@\(name)", file: file, line: line)
        }
        XCTAssertEqual(view.children.count, plain.children.count, file: file, line: line)
        for (child, expected) in zip(view.children, plain.children) { assertSameOutsideUnread(child, expected, file: file, line: line) }
    }

    private func assertSame(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) throws {
        let plain = try XCTUnwrap(XMLTree.parse(bytes).root, file: file, line: line)
        let tree = try XMLTree.parse(bytes, unread: narratives)
        assertSameOutsideUnread(try XCTUnwrap(tree.root, file: file, line: line), plain, file: file, line: line)
    }

    func testSampleReportReadsTheSameOutsideItsNarratives() throws {
        try assertSame(try XMLTestSupport.sampleReport())
    }

    func testMarkupThatLooksLikeAnUnreadElementIsLeftAsSent() throws {
        try assertSame(Array("""
            <r a="Hà">Hà Nội<result month="ệ&gt;" b='&lt;result>ệ'>Kết quả ệ &#x1EC7; <![CDATA[ Hà ]]> ộ</result>
              <!-- <result>Hà</result> --><?p <result>ệ?><difficulty kind="ệ"/><responsible>Hà Nội</responsible>
              <p:difficulty xmlns:p="urn:x">Khó khăn, vướng mắc</p:difficulty><result>   </result><result>\u{0301}</result>
              <resultx>Hà</resultx><difficulty>Việc <x>này</x> ệ</difficulty>ệ
            </r>
            """.utf8))
    }

    func testEachCharacterAboveASCIIInAnUnreadTextIsOneX() throws {
        let text = "<r><result m=\"ệ\">Hà Nội\u{0301} 𝄞 &#x1EC7;</result><b>ệ</b><difficulty/>ệ<difficulty>ệ<!--ệ-->ệ</difficulty></r>"
        let stoodIn = try XCTUnwrap(narratives.standIn(Array(text.utf8)))
        XCTAssertEqual(String(decoding: stoodIn, as: UTF8.self),
                       "<r><result m=\"ệ\">Hx Nxix x &#x1EC7;</result><b>ệ</b><difficulty/>ệ<difficulty>x<!--ệ-->ệ</difficulty></r>")
        XCTAssertNil(narratives.standIn(Array("<r><result>Ha Noi</result><b>ệ</b></r>".utf8)), "nothing to stand in for")
    }

    /// Runs of ASCII of every length from 0 to 19 between the characters
    /// stood in, so that each falls at every place of the eight bytes read
    /// at a time; a child element's `<` inside the text ends the stand-in there.
    func testStandInsFallAnywhereInTheBytesReadAtATime() throws {
        let others = ["ệ", "à", "đ", "𝄞", "\u{0301}", "ữ"]
        var text = ""
        var expected = ""
        for length in 0..<20 {
            for other in others {
                let run = String(repeating: "a", count: length)
                text += run + other
                expected += run + "x"
            }
        }
        let document = "<r><result>\(text)<b>ệ</b>\(text)</result><c>\(text)</c></r>"
        let stoodIn = try XCTUnwrap(narratives.standIn(Array(document.utf8)))
        XCTAssertEqual(String(decoding: stoodIn, as: UTF8.self), "<r><result>\(expected)<b>ệ</b>\(text)</result><c>\(text)</c></r>")
    }

    func testRefusedDocumentsAreStillRefused() {
        let cases: [String: [UInt8]] = [
            "bad byte after a stand-in": Array("<r><result>Hà Nội ".utf8) + [0xC3, 0x28] + Array("</result></r>".utf8),
            "U+FFFF": Array("<r><result>Hà ".utf8) + [0xEF, 0xBF, 0xBF] + Array("</result></r>".utf8),
            "unclosed": Array("<r><result>Hà Nội</r>".utf8),
            "a bare <": Array("<r><result>Hà < Nội</result></r>".utf8),
            "cut short": Array("<r><result>Hà Nội".utf8),
        ]
        for (name, bytes) in cases {
            XCTAssertThrowsError(try XMLTree.parse(bytes, unread: narratives), name)
            XCTAssertThrowsError(try XMLTree.parse(bytes), name)
        }
    }
}
