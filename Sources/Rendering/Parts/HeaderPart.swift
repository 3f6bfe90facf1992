import Foundation
import XMLKit

/// The two header parts: the page number, centred in the top margin, and
/// the empty first-page header (page 1 carries no number).
enum HeaderPart {
    static func pageNumber() throws -> Data {
        try header([Paragraph(ParagraphProperties(style: StyleID.header),
                              content: [.pageNumber(RunProperties(size: HouseStyle.bodySize))])])
    }

    static func empty() throws -> Data {
        try header([Paragraph(ParagraphProperties(style: StyleID.header))])
    }

    private static func header(_ paragraphs: [Paragraph]) throws -> Data {
        try XMLWriter.part { x in
            try x.root("w:hdr", namespaces: ["w": Namespace.w, "r": Namespace.r]) {
                try BodyWriter(xml: x).write(paragraphs.map(Block.paragraph))
            }
        }
    }
}
