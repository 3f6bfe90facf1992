import Foundation

extension WordDocument {
    /// The document's parts, in the fixed order the `.docx` stores them.
    ///
    /// Relationship ids are fixed (`rId1`…`rId5` for styles, settings, font
    /// table and the two headers; charts follow in document order), so the
    /// same document always yields the same bytes.
    public func package() throws(RenderingError) -> DocxPackage {
        try package(documentFile: nil)
    }

    /// With `documentFile`, `word/document.xml` is written to that file as
    /// its blocks are made (deferred blocks one at a time) and the package
    /// refers to it: a document of any length in flat memory.
    public func package(documentFile: String?) throws(RenderingError) -> DocxPackage {
        do {
            let headerIDs = (default: "rId4", first: "rId5")
            let chartID: (Int) -> String = { "rId\(6 + $0)" }
            let documentPart: PackagePart
            let charts: [BarChart]
            if let documentFile {
                charts = try DocumentPart.write(self, to: documentFile, headerIDs: headerIDs, chartID: chartID)
                // The zip records a file part's mode: rw-rw-rw-, as for a part
                // in memory, so the `.docx` has the same bytes whatever the umask.
                try FileManager.default.setAttributes([.posixPermissions: 0o666], ofItemAtPath: documentFile)
                documentPart = PackagePart(name: "word/document.xml", contentType: ContentType.document, file: documentFile)
            } else {
                let (documentXML, found) = try DocumentPart.xml(self, headerIDs: headerIDs, chartID: chartID)
                charts = found
                documentPart = PackagePart(name: "word/document.xml", contentType: ContentType.document, bytes: documentXML)
            }

            var documentRelationships = [
                Relationship(id: "rId1", type: Relationship.styles, target: "styles.xml"),
                Relationship(id: "rId2", type: Relationship.settings, target: "settings.xml"),
                Relationship(id: "rId3", type: Relationship.fontTable, target: "fontTable.xml"),
                Relationship(id: headerIDs.default, type: Relationship.header, target: "header1.xml"),
                Relationship(id: headerIDs.first, type: Relationship.header, target: "header2.xml"),
            ]
            var chartParts: [PackagePart] = []
            for (index, chart) in charts.enumerated() {
                let name = "charts/chart\(index + 1).xml"
                documentRelationships.append(Relationship(id: chartID(index), type: Relationship.chart, target: name))
                chartParts.append(PackagePart(name: "word/" + name, contentType: ContentType.chart,
                                              bytes: try ChartPart.xml(chart)))
            }
            let packageRelationships = [
                Relationship(id: "rId1", type: Relationship.officeDocument, target: "word/document.xml"),
                Relationship(id: "rId2", type: Relationship.coreProperties, target: "docProps/core.xml"),
                Relationship(id: "rId3", type: Relationship.extendedProperties, target: "docProps/app.xml"),
            ]
            return DocxPackage(parts: [
                PackagePart(name: "_rels/.rels", contentType: ContentType.relationships,
                            bytes: try Relationship.part(packageRelationships)),
                documentPart,
                PackagePart(name: "word/_rels/document.xml.rels", contentType: ContentType.relationships,
                            bytes: try Relationship.part(documentRelationships)),
                PackagePart(name: "word/styles.xml", contentType: ContentType.styles, bytes: try StylesPart.xml()),
                PackagePart(name: "word/settings.xml", contentType: ContentType.settings, bytes: try SettingsPart.xml()),
                PackagePart(name: "word/fontTable.xml", contentType: ContentType.fontTable, bytes: try FontTablePart.xml()),
                PackagePart(name: "word/header1.xml", contentType: ContentType.header, bytes: try HeaderPart.pageNumber()),
                PackagePart(name: "word/header2.xml", contentType: ContentType.header, bytes: try HeaderPart.empty()),
            ] + chartParts + [
                PackagePart(name: "docProps/core.xml", contentType: ContentType.coreProperties,
                            bytes: try CorePropertiesPart.xml(metadata)),
                PackagePart(name: "docProps/app.xml", contentType: ContentType.extendedProperties,
                            bytes: try AppPropertiesPart.xml()),
            ])
        } catch {
            throw RenderingError.wrapping(error)
        }
    }

    /// The `.docx` bytes.
    public func docx() throws(RenderingError) -> Data { try package().docx() }

    /// The Flat OPC (`.xml`) bytes.
    public func flatOPC() throws(RenderingError) -> Data { try package().flatOPC() }
}
