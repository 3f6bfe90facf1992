import Foundation
import XMLKit

/// `word/styles.xml`: document defaults (Times New Roman 14 pt, Vietnamese)
/// and the few styles the documents use. Headings are real heading styles
/// so Word's navigation pane and a table of contents see them.
enum StylesPart {
    static func xml() throws -> Data {
        try XMLWriter.part { x in
            let body = BodyWriter(xml: x)
            try x.root("w:styles", namespaces: ["w": Namespace.w]) {
                try x.element("w:docDefaults") {
                    try x.element("w:rPrDefault") {
                        try x.element("w:rPr") {
                            try x.element("w:rFonts", ["w:ascii": HouseStyle.font, "w:hAnsi": HouseStyle.font,
                                                       "w:eastAsia": HouseStyle.font, "w:cs": HouseStyle.font])
                            try x.element("w:sz", ["w:val": String(HouseStyle.bodySize)])
                            try x.element("w:szCs", ["w:val": String(HouseStyle.bodySize)])
                            try x.element("w:lang", ["w:val": "vi-VN", "w:eastAsia": "en-US", "w:bidi": "ar-SA"])
                        }
                    }
                    try x.element("w:pPrDefault") {
                        try body.writeProperties(ParagraphProperties(spacing: .tight))
                    }
                }
                try style("paragraph", StyleID.normal, "Normal", isDefault: true, body: body,
                          paragraph: ParagraphProperties(spacing: Spacing(before: 0, after: HouseStyle.spaceAfter,
                                                                          line: HouseStyle.lineSpacing),
                                                         indentation: Indentation(firstLine: HouseStyle.firstLineIndent),
                                                         alignment: .justified))
                try heading(StyleID.heading1, "heading 1", level: 0, body: body)
                try heading(StyleID.heading2, "heading 2", level: 1, body: body)
                try style("paragraph", StyleID.tableText, "Table Text", basedOn: StyleID.normal, body: body,
                          paragraph: ParagraphProperties(spacing: Spacing(before: 40, after: 40, line: .single),
                                                         indentation: .zero, alignment: .left),
                          run: RunProperties(size: HouseStyle.tableSize))
                try style("paragraph", StyleID.header, "header", basedOn: StyleID.normal, body: body,
                          paragraph: ParagraphProperties(spacing: Spacing(before: 0, after: 0, line: .single),
                                                         indentation: .zero, alignment: .center))
                try style("character", "DefaultParagraphFont", "Default Paragraph Font", isDefault: true, body: body)
                try tableStyle("TableNormal", "Normal Table", isDefault: true, borders: nil, x: x, body: body)
                try tableStyle(StyleID.tableGrid, "Table Grid", isDefault: false, borders: .thin, x: x, body: body)
            }
        }
    }

    private static func heading(_ id: String, _ name: String, level: Int, body: BodyWriter) throws {
        let x = body.xml
        try x.element("w:style", ["w:type": "paragraph", "w:styleId": id]) {
            try x.element("w:name", ["w:val": name])
            try x.element("w:basedOn", ["w:val": StyleID.normal])
            try x.element("w:next", ["w:val": StyleID.normal])
            try x.element("w:uiPriority", ["w:val": "9"])
            try x.element("w:qFormat")
            try x.element("w:pPr") {
                try x.element("w:keepNext")
                try x.element("w:keepLines")
                try body.writeSpacing(Spacing(before: 120, after: HouseStyle.spaceAfter))
                try x.element("w:outlineLvl", ["w:val": String(level)])
            }
            try body.writeProperties(RunProperties(bold: true))
        }
    }

    private static func style(_ type: String, _ id: String, _ name: String, isDefault: Bool = false,
                              basedOn: String? = nil, body: BodyWriter,
                              paragraph: ParagraphProperties? = nil, run: RunProperties? = nil) throws {
        let x = body.xml
        try x.startElement("style", prefix: "w")
        try x.attribute("type", prefix: "w", value: type)
        if isDefault { try x.attribute("default", prefix: "w", value: "1") }
        try x.attribute("styleId", prefix: "w", value: id)
        try x.element("w:name", ["w:val": name])
        if let basedOn { try x.element("w:basedOn", ["w:val": basedOn]) }
        try x.element("w:qFormat")
        if let paragraph { try body.writeProperties(paragraph) }
        if let run { try body.writeProperties(run) }
        try x.endElement()
    }

    private static func tableStyle(_ id: String, _ name: String, isDefault: Bool, borders: Border?,
                                   x: XMLWriter, body: BodyWriter) throws {
        try x.startElement("style", prefix: "w")
        try x.attribute("type", prefix: "w", value: "table")
        if isDefault { try x.attribute("default", prefix: "w", value: "1") }
        try x.attribute("styleId", prefix: "w", value: id)
        try x.element("w:name", ["w:val": name])
        if !isDefault { try x.element("w:basedOn", ["w:val": "TableNormal"]) }
        if !isDefault { try body.writeProperties(ParagraphProperties(spacing: .tight, indentation: .zero)) }
        try x.element("w:tblPr") {
            try x.element("w:tblInd", ["w:w": "0", "w:type": "dxa"])
            if let borders {
                try x.element("w:tblBorders") {
                    for side in ["w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"] {
                        try body.writeBorder(side, borders)
                    }
                }
            }
            try x.element("w:tblCellMar") {
                try x.element("w:top", ["w:w": "0", "w:type": "dxa"])
                try x.element("w:left", ["w:w": "108", "w:type": "dxa"])
                try x.element("w:bottom", ["w:w": "0", "w:type": "dxa"])
                try x.element("w:right", ["w:w": "108", "w:type": "dxa"])
            }
        }
        try x.endElement()
    }
}
