import Foundation
import XCTest
@testable import Intake
import XMLKit

/// The two-step check must say exactly what the shipped schema says: the
/// same findings, in the same order, for every kind of blank value where
/// the not-blank pattern applies, and nothing for a valid document.
final class ReportSchemaTests: XCTestCase {
    private var schema: ReportSchema { Env.resources.reportSchema }

    private static let plan: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/plans-2026/CDSQG-KH-2026.xml")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    /// Both answers for `xml`: the two-step one and the whole schema's.
    private func findings(_ xml: String, file: StaticString = #filePath, line: UInt = #line) throws
        -> (stepwise: [XMLProblem], whole: [XMLProblem]) {
        let document = try XMLTree.parse(Array(xml.utf8))
        return (schema.validate(document, root: document.root), schema.whole.validate(document))
    }

    func testTheShippedSchemaIsCheckedInTwoSteps() throws {
        let lean = try XCTUnwrap(schema.lean, "the shipped schema's not-blank pattern was not followed: every report pays for it")
        XCTAssertEqual(lean.elements, ["responsible", "result", "milestone"])
        XCTAssertEqual(lean.attributes, ["name", "file"])
    }

    func testValidDocumentsHaveNoFindings() throws {
        for xml in [Env.sample, Self.plan] {
            let (stepwise, whole) = try findings(xml)
            XCTAssertEqual(stepwise, [])
            XCTAssertEqual(whole, [])
        }
    }

    func testEveryBlankValueIsFoundAsTheWholeSchemaFindsIt() throws {
        let blanks = ["", " ", "\t\n  \r\n", "<!-- chưa điền -->", "  <![CDATA[   ]]>  ", "&#32;&#x9;", "<?note ?>"]
        let responsible = "TS. Trần Văn Minh, Phó Giám đốc Học viện"
        let result = "Tổ chức 01 khóa bồi dưỡng lao động nòng cốt về dữ liệu và trí tuệ nhân tạo tại Đà Nẵng cho 48 học viên."
        let milestone = "Hoàn thành dự thảo Nghị định quy định chi tiết một số điều Luật Chuyển đổi số."
        var cases: [(String, String)] = []
        for blank in blanks {
            cases.append(("responsible «\(blank)»", try Env.edit(Env.sample, ">\(responsible)<", ">\(blank)<")))
            cases.append(("result «\(blank)»", try Env.edit(Env.sample, ">\(result)<", ">\(blank)<")))
            cases.append(("milestone «\(blank)»", try Env.edit(Self.plan, ">\(milestone)<", ">\(blank)<")))
        }
        for blank in ["", " ", "&#9;&#10;", "\t \n"] {
            cases.append(("preparer@name «\(blank)»", try Env.edit(Env.sample, #"name="Nguyễn Thị Thu Hà""#, #"name="\#(blank)""#)))
            cases.append(("product@file «\(blank)»", try Env.edit(Env.sample, #"<product date="2026-05-20">"#,
                                                                 #"<product date="2026-05-20" file="\#(blank)">"#)))
        }
        // A blank value beside another finding, and one where an element
        // stands in for the text: the whole schema's words, in its order.
        cases.append(("blank and a bad status", try Env.edit(Env.sample, [(">\(result)<", "> <"), (#"status="on-schedule""#, #"status="late""#)])))
        cases.append(("element inside", try Env.edit(Env.sample, ">\(responsible)<", "><b>x</b><")))
        for (label, xml) in cases {
            let (stepwise, whole) = try findings(xml)
            XCTAssertFalse(whole.isEmpty, "\(label): the case should break the schema")
            XCTAssertEqual(stepwise, whole, label)
        }
    }

    func testNotBlankIsNotFooledByTextThatIsNotWhiteSpace() throws {
        let responsible = "TS. Trần Văn Minh, Phó Giám đốc Học viện"
        for text in ["\u{A0}", "\u{3000}", "x", "<!-- c -->a", "\u{301}"] {
            let (stepwise, whole) = try findings(try Env.edit(Env.sample, ">\(responsible)<", ">\(text)<"))
            XCTAssertEqual(stepwise, whole, "«\(text)»")
        }
    }

    /// A schema that builds on the pattern in a way the lean step does not
    /// follow (here a union) is checked whole, never half.
    func testAnUnfollowedUseFallsBackToTheWholeSchema() throws {
        let url = IntakeResources.reportSchemaURL()
        let shipped = try String(contentsOf: url, encoding: .utf8)
        let union = #"""
          <xs:simpleType name="EitherBlankOrNot">
            <xs:union memberTypes="r:NonEmptyString xs:date"/>
          </xs:simpleType>

          <xs:simpleType name="Kind">
        """#
        let changed = try Env.edit(shipped, "  <xs:simpleType name=\"Kind\">", union)
        let schema = try ReportSchema(bytes: Array(changed.utf8))
        XCTAssertNil(schema.lean)
        let plain = try ReportSchema(bytes: Array(shipped.utf8))
        XCTAssertNotNil(plain.lean)
    }
}
