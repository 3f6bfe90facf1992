import XCTest
import XMLKit

/// `XMLTree.root` reads in place what `rootElement()` copies into a Swift
/// tree: every answer must be the same, element by element.
final class XMLElementViewTests: XCTestCase {
    /// Asserts that `view` and `node` agree on everything the readers ask,
    /// for every attribute name of `node` and the `probes`, down the tree.
    private func assertSame(_ view: XMLElementView, _ node: XMLElementNode, probes: [String],
                            file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(view.name, node.name, file: file, line: line)
        XCTAssertTrue(view.isNamed(node.name), file: file, line: line)
        XCTAssertFalse(view.isNamed(node.name + "x"), file: file, line: line)
        XCTAssertEqual([view.line, view.column], [node.line, node.column], "<\(node.name)>", file: file, line: line)
        XCTAssertEqual(view.text, node.text, "<\(node.name)>", file: file, line: line)
        XCTAssertEqual(view.trimmedText, node.trimmedText, file: file, line: line)
        XCTAssertEqual(view.textIsBlank, node.text.utf8.allSatisfy { [0x20, 0x09, 0x0A, 0x0D].contains($0) }, file: file, line: line)
        XCTAssertEqual(view.hasChildElements, !node.children.isEmpty, file: file, line: line)
        for name in Set(node.attributes.keys).union(probes) {
            XCTAssertEqual(view.attribute(name), node.attributes[name], "@\(name)", file: file, line: line)
            XCTAssertEqual(view.value(name), node.value(name), "@\(name)", file: file, line: line)
            XCTAssertEqual(view.attributeIsBlank(name),
                           node.attributes[name].map { $0.utf8.allSatisfy { [0x20, 0x09, 0x0A, 0x0D].contains($0) } } ?? false,
                           "@\(name)", file: file, line: line)
        }
        for name in Set(node.children.map(\.name)).union(probes) {
            XCTAssertEqual(view.children(named: name).count, node.children(named: name).count, name, file: file, line: line)
            XCTAssertEqual(view.child(named: name).map { [$0.line, $0.column] }, node.child(named: name).map { [$0.line, $0.column] },
                           file: file, line: line)
        }
        let children = view.children
        XCTAssertEqual(children.count, node.children.count, file: file, line: line)
        for (child, expected) in zip(children, node.children) { assertSame(child, expected, probes: probes, file: file, line: line) }
    }

    private func assertSame(_ text: String, probes: [String] = ["absent"], file: StaticString = #filePath, line: UInt = #line) throws {
        let tree = try XMLTree.parse(Array(text.utf8))
        let node = try XCTUnwrap(tree.rootElement(), file: file, line: line)
        let view = try XCTUnwrap(tree.root, file: file, line: line)
        assertSame(view, node, probes: probes, file: file, line: line)
    }

    func testSampleReportReadsTheSameInPlace() throws {
        let tree = try XMLTree.parse(try XMLTestSupport.sampleReport())
        assertSame(try XCTUnwrap(tree.root), try XCTUnwrap(tree.rootElement()), probes: ["code", "task", "absent"])
    }

    func testTextCDATAReferencesAndMixedContentReadTheSame() throws {
        try assertSame("""
            <r a="  x &amp; y  " b="&#x20;&#9;" c="" d="t&#7871;">
              <t> one <![CDATA[ <two> ]]> three </t><t>a<!-- c -->b<?pi x?>c</t>
              <t/><t>   </t><t><![CDATA[   ]]></t><t>&#32;&#10;</t>
              <u>Vie\u{0323}\u{0302}t</u><u k="e\u{0301}">x<v/>y</u>
            </r>
            """, probes: ["a", "b", "c", "d", "k", "t", "u", "v", "absent"])
    }

    func testNamespacesAndRepeatedTagsOnOneLineReadTheSame() throws {
        try assertSame("""
            <p:r xmlns:p="urn:a" xmlns="urn:b"><t i="1"/><t i="2"/><p:t i="3"><t/></p:t>
            <x xmlns:q="urn:q" q:i="4" i="5"/></p:r>
            """, probes: ["i", "t", "x"])
    }

    /// A document whose bytes are all NFC is read without normalising; a
    /// combining mark, written or made by a character reference, anywhere
    /// in the 16-byte blocks the document is tested in, is still normalised.
    func testTextIsNFCWhereverAMarkOrReferenceFalls() throws {
        let cases = [("e\u{0301}", "\u{00E9}"), ("e&#x301;", "\u{00E9}"), ("e&#769;", "\u{00E9}"),
                     ("Vie\u{0323}\u{0302}t", "Vi\u{1EC7}t"), ("Vi\u{1EC7}t &amp; \u{01B0}", "Vi\u{1EC7}t & \u{01B0}")]
        for offset in 0..<40 {
            let pad = String(repeating: "a", count: offset)
            for (raw, expected) in cases {
                let tree = try XMLTree.parse(Array("<r a=\"\(pad)\(raw)\"><s>\(pad)\(raw)</s></r>".utf8))
                let view = try XCTUnwrap(tree.root)
                let node = try XCTUnwrap(tree.rootElement())
                let wanted = Array((pad + expected).unicodeScalars)
                XCTAssertEqual(Array(try XCTUnwrap(view.attribute("a")).unicodeScalars), wanted, "\(offset) \(raw)")
                XCTAssertEqual(Array(try XCTUnwrap(view.child(named: "s")).text.unicodeScalars), wanted, "\(offset) \(raw)")
                XCTAssertEqual(Array(try XCTUnwrap(node.attributes["a"]).unicodeScalars), wanted, "\(offset) \(raw)")
                XCTAssertEqual(Array(try XCTUnwrap(node.child(named: "s")).text.unicodeScalars), wanted, "\(offset) \(raw)")
            }
        }
    }
}
