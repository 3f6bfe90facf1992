import Foundation
import XMLKit

/// `word/charts/chartN.xml`: a clustered column chart with one series.
///
/// Categories and values are written as caches (`c:strCache`, `c:numCache`)
/// under references to a notional `Sheet1`; with no embedded workbook both
/// Word and LibreOffice draw from the cache. Each bar gets its own colour
/// through `c:dPt`, and data labels show the values.
enum ChartPart {
    static func xml(_ chart: BarChart) throws -> Data {
        try XMLWriter.part { x in
            try x.root("c:chartSpace", namespaces: ["c": Namespace.c, "a": Namespace.a, "r": Namespace.r]) {
                try x.element("c:date1904", ["val": "0"])
                try x.element("c:lang", ["val": "vi-VN"])
                try x.element("c:roundedCorners", ["val": "0"])
                try x.element("c:chart") {
                    if let title = chart.title {
                        try writeTitle(title, x)
                        try x.element("c:autoTitleDeleted", ["val": "0"])
                    } else {
                        try x.element("c:autoTitleDeleted", ["val": "1"])
                    }
                    try x.element("c:plotArea") {
                        try x.element("c:layout")
                        try writeBarChart(chart, x)
                        try writeCategoryAxis(x)
                        try writeValueAxis(chart, x)
                    }
                    try x.element("c:plotVisOnly", ["val": "1"])
                    try x.element("c:dispBlanksAs", ["val": "gap"])
                }
                try x.element("c:spPr") {
                    try x.element("a:noFill")
                    try x.element("a:ln") { try x.element("a:noFill") }
                }
                try writeTextProperties(x, size: 1200, bold: false)
            }
        }
    }

    private static let categoryAxisID = "100001"
    private static let valueAxisID = "100002"

    private static func writeBarChart(_ chart: BarChart, _ x: XMLWriter) throws {
        let count = chart.bars.count
        let lastRow = count + 1
        try x.element("c:barChart") {
            try x.element("c:barDir", ["val": "col"])
            try x.element("c:grouping", ["val": "clustered"])
            try x.element("c:varyColors", ["val": "0"])
            try x.element("c:ser") {
                try x.element("c:idx", ["val": "0"])
                try x.element("c:order", ["val": "0"])
                try x.element("c:tx") {
                    try x.element("c:strRef") {
                        try x.element("c:f", text: "Sheet1!$B$1")
                        try writeStringCache([chart.seriesName], x)
                    }
                }
                try writeFill(chart.bars.first?.color ?? "4472C4", x)
                try x.element("c:invertIfNegative", ["val": "0"])
                for (index, bar) in chart.bars.enumerated() {
                    try x.element("c:dPt") {
                        try x.element("c:idx", ["val": String(index)])
                        try x.element("c:invertIfNegative", ["val": "0"])
                        try x.element("c:bubble3D", ["val": "0"])
                        try writeFill(bar.color, x)
                    }
                }
                try x.element("c:dLbls") {
                    try x.element("c:spPr") { try x.element("a:noFill"); try x.element("a:ln") { try x.element("a:noFill") } }
                    try writeTextProperties(x, size: 1200, bold: true)
                    try x.element("c:dLblPos", ["val": "outEnd"])
                    for flag in ["c:showLegendKey": "0", "c:showVal": "1", "c:showCatName": "0", "c:showSerName": "0",
                                 "c:showPercent": "0", "c:showBubbleSize": "0"] as KeyValuePairs {
                        try x.element(flag.key, ["val": flag.value])
                    }
                }
                try x.element("c:cat") {
                    try x.element("c:strRef") {
                        try x.element("c:f", text: "Sheet1!$A$2:$A$\(lastRow)")
                        try writeStringCache(chart.bars.map(\.category), x)
                    }
                }
                try x.element("c:val") {
                    try x.element("c:numRef") {
                        try x.element("c:f", text: "Sheet1!$B$2:$B$\(lastRow)")
                        try x.element("c:numCache") {
                            try x.element("c:formatCode", text: "General")
                            try x.element("c:ptCount", ["val": String(count)])
                            // A category without data has no point at all: a labelled gap.
                            for (index, bar) in chart.bars.enumerated() {
                                guard let value = bar.value else { continue }
                                try x.element("c:pt", ["idx": String(index)]) { try x.element("c:v", text: String(value)) }
                            }
                        }
                    }
                }
            }
            try x.element("c:gapWidth", ["val": "60"])
            try x.element("c:axId", ["val": categoryAxisID])
            try x.element("c:axId", ["val": valueAxisID])
        }
    }

    private static func writeCategoryAxis(_ x: XMLWriter) throws {
        try x.element("c:catAx") {
            try x.element("c:axId", ["val": categoryAxisID])
            try x.element("c:scaling") { try x.element("c:orientation", ["val": "minMax"]) }
            try x.element("c:delete", ["val": "0"])
            try x.element("c:axPos", ["val": "b"])
            try x.element("c:numFmt", ["formatCode": "General", "sourceLinked": "0"])
            try x.element("c:majorTickMark", ["val": "none"])
            try x.element("c:minorTickMark", ["val": "none"])
            try x.element("c:tickLblPos", ["val": "nextTo"])
            try writeLine("808080", x)
            try writeTextProperties(x, size: 1100, bold: false)
            try x.element("c:crossAx", ["val": valueAxisID])
            try x.element("c:crosses", ["val": "autoZero"])
            try x.element("c:auto", ["val": "1"])
            try x.element("c:lblAlgn", ["val": "ctr"])
            try x.element("c:lblOffset", ["val": "100"])
            try x.element("c:noMultiLvlLbl", ["val": "0"])
        }
    }

    private static func writeValueAxis(_ chart: BarChart, _ x: XMLWriter) throws {
        let highest = chart.bars.compactMap(\.value).max() ?? 0
        let step = max(1, (highest + 5) / 6)
        try x.element("c:valAx") {
            try x.element("c:axId", ["val": valueAxisID])
            try x.element("c:scaling") {
                try x.element("c:orientation", ["val": "minMax"])
                try x.element("c:min", ["val": "0"])
            }
            try x.element("c:delete", ["val": "0"])
            try x.element("c:axPos", ["val": "l"])
            try x.element("c:majorGridlines") { try writeLine("D9D9D9", x) }
            try x.element("c:numFmt", ["formatCode": "0", "sourceLinked": "0"])
            try x.element("c:majorTickMark", ["val": "none"])
            try x.element("c:minorTickMark", ["val": "none"])
            try x.element("c:tickLblPos", ["val": "nextTo"])
            try x.element("c:spPr") { try x.element("a:ln") { try x.element("a:noFill") } }
            try writeTextProperties(x, size: 1100, bold: false)
            try x.element("c:crossAx", ["val": categoryAxisID])
            try x.element("c:crosses", ["val": "autoZero"])
            try x.element("c:crossBetween", ["val": "between"])
            try x.element("c:majorUnit", ["val": String(step)])
        }
    }

    private static func writeTitle(_ title: String, _ x: XMLWriter) throws {
        try x.element("c:title") {
            try x.element("c:tx") {
                try x.element("c:rich") {
                    try x.element("a:bodyPr")
                    try x.element("a:lstStyle")
                    try x.element("a:p") {
                        try x.element("a:pPr") { try writeRunProperties(x, size: 1300, bold: true, name: "a:defRPr") }
                        try x.element("a:r") {
                            try writeRunProperties(x, size: 1300, bold: true, name: "a:rPr")
                            try x.element("a:t", text: title)
                        }
                    }
                }
            }
            try x.element("c:overlay", ["val": "0"])
        }
    }

    private static func writeStringCache(_ values: [String], _ x: XMLWriter) throws {
        try x.element("c:strCache") {
            try x.element("c:ptCount", ["val": String(values.count)])
            for (index, value) in values.enumerated() {
                try x.element("c:pt", ["idx": String(index)]) { try x.element("c:v", text: value) }
            }
        }
    }

    private static func writeFill(_ color: String, _ x: XMLWriter) throws {
        try x.element("c:spPr") {
            try x.element("a:solidFill") { try x.element("a:srgbClr", ["val": color]) }
        }
    }

    private static func writeLine(_ color: String, _ x: XMLWriter) throws {
        try x.element("c:spPr") {
            try x.element("a:ln", ["w": "9525"]) {
                try x.element("a:solidFill") { try x.element("a:srgbClr", ["val": color]) }
            }
        }
    }

    /// `c:txPr`: Times New Roman, black, the given size (hundredths of a point).
    private static func writeTextProperties(_ x: XMLWriter, size: Int, bold: Bool) throws {
        try x.element("c:txPr") {
            try x.element("a:bodyPr")
            try x.element("a:lstStyle")
            try x.element("a:p") {
                try x.element("a:pPr") { try writeRunProperties(x, size: size, bold: bold, name: "a:defRPr") }
                try x.element("a:endParaRPr", ["lang": "vi-VN"])
            }
        }
    }

    private static func writeRunProperties(_ x: XMLWriter, size: Int, bold: Bool, name: String) throws {
        try x.element(name, name == "a:rPr" ? ["lang": "vi-VN", "sz": String(size), "b": bold ? "1" : "0"]
                                            : ["sz": String(size), "b": bold ? "1" : "0"]) {
            try x.element("a:solidFill") { try x.element("a:srgbClr", ["val": "000000"]) }
            try x.element("a:latin", ["typeface": HouseStyle.font])
            try x.element("a:cs", ["typeface": HouseStyle.font])
        }
    }
}
