import Foundation
import XMLKit

/// `word/document.xml`, and the charts it holds (in document order).
enum DocumentPart {
    static func xml(_ document: WordDocument, headerIDs: (default: String, first: String),
                    chartID: @escaping (Int) -> String) throws -> (xml: Data, charts: [BarChart]) {
        var charts: [BarChart] = []
        let data = try XMLWriter.part { x in charts = try body(document, x, headerIDs: headerIDs, chartID: chartID) }
        return (data, charts)
    }

    /// The same, written to a new file at `path` as the blocks are made.
    static func write(_ document: WordDocument, to path: String, headerIDs: (default: String, first: String),
                      chartID: @escaping (Int) -> String) throws -> [BarChart] {
        var charts: [BarChart] = []
        try XMLWriter.part(file: path) { x in charts = try body(document, x, headerIDs: headerIDs, chartID: chartID) }
        return charts
    }

    private static func body(_ document: WordDocument, _ x: XMLWriter, headerIDs: (default: String, first: String),
                             chartID: @escaping (Int) -> String) throws -> [BarChart] {
        var charts: [BarChart] = []
        try x.root("w:document", namespaces: ["w": Namespace.w, "r": Namespace.r, "wp": Namespace.wp,
                                              "a": Namespace.a, "c": Namespace.c]) {
            try x.element("w:body") {
                let body = BodyWriter(xml: x, headerIDs: headerIDs, chartID: chartID)
                try body.writeBody(document.blocks, firstLayout: document.layout)
                charts = body.charts
            }
        }
        return charts
    }
}
