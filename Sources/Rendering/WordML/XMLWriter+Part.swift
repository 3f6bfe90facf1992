import Foundation
import XMLKit

extension XMLWriter {
    /// A complete standalone XML part: declaration, then `body`.
    static func part(_ body: (XMLWriter) throws -> Void) throws -> Data {
        let writer = try XMLWriter()
        try writer.startDocument()
        try body(writer)
        return try writer.finish()
    }

    /// The same, written to a new file at `path` as it goes.
    static func part(file path: String, _ body: (XMLWriter) throws -> Void) throws {
        let writer = try XMLWriter(file: path)
        try writer.startDocument()
        try body(writer)
        _ = try writer.finish()
    }
}
