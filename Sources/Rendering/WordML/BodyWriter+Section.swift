extension BodyWriter {
    /// `w:sectPr`: header references, page size, margins, then titlePg.
    func writeSectionProperties(_ layout: PageLayout) throws {
        try xml.element("w:sectPr") {
            if !headerIDs.default.isEmpty {
                try xml.element("w:headerReference", ["w:type": "default", "r:id": headerIDs.default])
                try xml.element("w:headerReference", ["w:type": "first", "r:id": headerIDs.first])
            }
            try xml.element("w:type", ["w:val": "nextPage"])
            try xml.startElement("pgSz", prefix: "w")
            try xml.attribute("w", prefix: "w", value: String(layout.pageWidth))
            try xml.attribute("h", prefix: "w", value: String(layout.pageHeight))
            if layout.orientation == .landscape { try xml.attribute("orient", prefix: "w", value: "landscape") }
            try xml.endElement()
            let m = layout.margins
            try xml.element("w:pgMar", ["w:top": String(m.top), "w:right": String(m.right), "w:bottom": String(m.bottom),
                                        "w:left": String(m.left), "w:header": String(m.header),
                                        "w:footer": String(m.footer), "w:gutter": "0"])
            try xml.element("w:cols", ["w:space": "720"])
            if layout.firstPageWithoutNumber { try xml.element("w:titlePg") }
            try xml.element("w:docGrid", ["w:linePitch": "360"])
        }
    }
}
