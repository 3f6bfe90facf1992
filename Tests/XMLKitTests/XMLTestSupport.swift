import Foundation
import XCTest
import XMLKit

/// Small helpers shared by the XMLKit tests.
enum XMLTestSupport {
    struct NoRoot: Error {}
    struct DidNotFail: Error {}

    static func root(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> XMLElementNode {
        try root(Array(text.utf8), file: file, line: line)
    }

    static func root(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) throws -> XMLElementNode {
        do {
            guard let root = try XMLTree.parse(bytes).rootElement() else { throw NoRoot() }
            return root
        } catch let failure as XMLParseFailure {
            XCTFail("parse failed: \(failure.problems)", file: file, line: line)
            throw failure
        }
    }

    /// The problems of a parse expected to fail; empty (and a test failure) when it succeeds.
    static func failure(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> [XMLProblem] {
        failure(Array(text.utf8), file: file, line: line)
    }

    static func failure(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> [XMLProblem] {
        do {
            _ = try XMLTree.parse(bytes)
            XCTFail("expected the parse to fail", file: file, line: line)
            return []
        } catch {
            return error.problems
        }
    }

    static func position(_ element: XMLElementNode) -> [Int] { [element.line, element.column] }

    /// `text` as UTF-16 with a byte-order mark.
    static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            let high = UInt8(unit >> 8), low = UInt8(unit & 0xFF)
            bytes += bigEndian ? [high, low] : [low, high]
        }
        return bytes
    }

    /// `Fixtures/sample-report.xml` of the package.
    static func sampleReport() throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/sample-report.xml")
        return [UInt8](try Data(contentsOf: url))
    }
}
