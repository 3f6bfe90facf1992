extension BodyWriter {
    /// A chart inline in a run: `w:drawing/wp:inline/a:graphic/c:chart r:id`.
    func writeChart(_ chart: BarChart) throws {
        let (id, number) = register(chart)
        try xml.element("w:r") {
            try xml.element("w:drawing") {
                try xml.element("wp:inline", ["distT": "0", "distB": "0", "distL": "0", "distR": "0"]) {
                    try xml.element("wp:extent", ["cx": String(Twips.emu(chart.width)), "cy": String(Twips.emu(chart.height))])
                    try xml.element("wp:effectExtent", ["l": "0", "t": "0", "r": "0", "b": "0"])
                    try xml.element("wp:docPr", ["id": String(number), "name": "Chart \(number)", "descr": chart.description])
                    try xml.element("wp:cNvGraphicFramePr")
                    try xml.element("a:graphic") {
                        try xml.element("a:graphicData", ["uri": Namespace.c]) {
                            try xml.element("c:chart", ["r:id": id])
                        }
                    }
                }
            }
        }
    }
}
