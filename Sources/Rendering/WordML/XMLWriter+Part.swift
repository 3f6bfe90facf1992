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
}
