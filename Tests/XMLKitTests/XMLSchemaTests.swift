import Foundation
import XCTest
import XMLKit

/// Compiling an XSD and validating documents against it.
final class XMLSchemaTests: XCTestCase {
    static let xsd = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:test:1"
                   targetNamespace="urn:test:1" elementFormDefault="qualified">
          <xs:element name="root">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="item" maxOccurs="unbounded">
                  <xs:complexType>
                    <xs:attribute name="n" type="xs:positiveInteger" use="required"/>
                  </xs:complexType>
                </xs:element>
                <xs:element name="note" type="xs:string" minOccurs="0"/>
              </xs:sequence>
            </xs:complexType>
          </xs:element>
        </xs:schema>
        """

    private func schema() throws -> XMLSchema {
        try XMLSchema(bytes: Array(Self.xsd.utf8))
    }

    private func validate(_ text: String) throws -> [XMLProblem] {
        try schema().validate(XMLTree.parse(Array(text.utf8)))
    }

    func testValidDocumentHasNoProblems() throws {
        let problems = try validate("""
            <root xmlns="urn:test:1">
              <item n="1"/><item n="2"/>
              <note>Hà Nội</note>
            </root>
            """)
        XCTAssertEqual(problems, [])
    }

    func testThreeErrorsGiveThreeProblemsWithLinesAndColumns() throws {
        let problems = try validate("""
            <?xml version="1.0"?>
            <root xmlns="urn:test:1">
              <item n="1"/>
              <item n="zero"/>
              <item/>
              <note>x</note><extra/>
            </root>
            """)
        XCTAssertEqual(problems.count, 3, "\(problems)")
        XCTAssertTrue(problems.allSatisfy { $0.kind == .schema })
        XCTAssertEqual(problems.map(\.line), [4, 5, 6])
        // The element's start tag for the missing attribute, the unexpected
        // element's own start tag (the second on its line) for the content error.
        XCTAssertEqual(problems.count == 3 ? problems[1].column : nil, 3)
        XCTAssertEqual(problems.count == 3 ? problems[2].column : nil, 17)
        // Messages are readable: the namespace in braces is dropped.
        XCTAssertTrue(problems.allSatisfy { !$0.message.isEmpty && !$0.message.contains("{urn:test:1}") })
        XCTAssertTrue(problems.last?.message.contains("extra") ?? false)
    }

    func testAttributeErrorPointsAtTheElementStartTag() throws {
        let problems = try validate("<root xmlns=\"urn:test:1\">\n    <item n=\"-4\"/>\n</root>")
        XCTAssertEqual(problems.count, 1)
        XCTAssertEqual(problems.first?.line, 2)
        XCTAssertEqual(problems.first?.column, 5)
    }

    func testErrorOnTheSecondOfTwoSameNamedElementsOnALinePointsAtTheSecond() throws {
        let problems = try validate("<root xmlns=\"urn:test:1\">\n  <item n=\"1\"/><item n=\"zero\"/>\n</root>")
        XCTAssertEqual(problems.count, 1)
        XCTAssertEqual(problems.first?.line, 2)
        XCTAssertEqual(problems.first?.column, 16)
    }

    func testWrongChildOrderIsReportedOnTheOffendingElement() throws {
        let problems = try validate("<root xmlns=\"urn:test:1\">\n  <note>x</note>\n  <item n=\"1\"/>\n</root>")
        XCTAssertFalse(problems.isEmpty)
        XCTAssertEqual(problems.first?.line, 2)
        XCTAssertEqual(problems.first?.column, 3)
    }

    func testWrongNamespaceIsInvalid() throws {
        let problems = try validate("<root xmlns=\"urn:other\"><item n=\"1\"/></root>")
        XCTAssertEqual(problems.count, 1)
        XCTAssertEqual(problems.first?.line, 1)
    }

    func testOneSchemaValidatesManyDocuments() throws {
        let schema = try schema()
        let good = try XMLTree.parse(Array("<root xmlns=\"urn:test:1\"><item n=\"3\"/></root>".utf8))
        let bad = try XMLTree.parse(Array("<root xmlns=\"urn:test:1\"/>".utf8))
        XCTAssertEqual(schema.validate(good), [])
        XCTAssertEqual(schema.validate(bad).count, 1)
        XCTAssertEqual(schema.validate(good), [])
    }

    func testSchemaThatDoesNotCompileThrows() {
        let broken = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:element name="a" type="xs:noSuchType"/>
            </xs:schema>
            """
        XCTAssertThrowsError(try XMLSchema(bytes: Array(broken.utf8))) { error in
            let problems = (error as? XMLParseFailure)?.problems ?? []
            XCTAssertFalse(problems.isEmpty)
            XCTAssertTrue(problems.allSatisfy { $0.kind == .schema })
            XCTAssertTrue(problems.contains { $0.message.contains("noSuchType") }, "\(problems)")
        }
    }

    func testNonXMLSchemaThrows() {
        XCTAssertThrowsError(try XMLSchema(bytes: Array("this is not a schema".utf8)))
        XCTAssertThrowsError(try XMLSchema(bytes: Array("<notaschema/>".utf8)))
    }
}
