/// Namespace URIs of the parts we write (ECMA-376 transitional).
enum Namespace {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    static let a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    static let c = "http://schemas.openxmlformats.org/drawingml/2006/chart"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let contentTypes = "http://schemas.openxmlformats.org/package/2006/content-types"
    static let coreProperties = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
    static let dc = "http://purl.org/dc/elements/1.1/"
    static let dcterms = "http://purl.org/dc/terms/"
    static let dcmitype = "http://purl.org/dc/dcmitype/"
    static let xsi = "http://www.w3.org/2001/XMLSchema-instance"
    static let extendedProperties = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    static let docPropsVTypes = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
    static let flatPackage = "http://schemas.microsoft.com/office/2006/xmlPackage"
}
