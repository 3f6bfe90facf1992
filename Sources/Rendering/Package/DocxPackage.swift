import Foundation
import XMLKit
import ZipKit

/// A WordprocessingML package as an ordered list of parts, written either
/// as a `.docx` (zip) or as a Flat OPC XML file. Same parts in, same bytes out.
public struct DocxPackage: Hashable, Sendable {
    /// Every part except `[Content_Types].xml`, which is derived from them.
    public var parts: [PackagePart]

    public init(parts: [PackagePart]) {
        self.parts = parts
    }

    /// The `.docx`: `[Content_Types].xml` first, then the parts in order,
    /// all deflated, with ZipKit's fixed timestamps.
    public func docx() throws(RenderingError) -> Data {
        do {
            return try ZipWriter.archive(try entries())
        } catch {
            throw RenderingError.wrapping(error)
        }
    }

    /// The same `.docx`, written to a new file at `path` as it goes.
    public func writeDocx(to path: String) throws(RenderingError) {
        do {
            try ZipWriter.write(try entries(), to: path)
        } catch {
            throw RenderingError.wrapping(error)
        }
    }

    private func entries() throws -> [ZipWriter.Entry] {
        [ZipWriter.Entry(name: "[Content_Types].xml", data: try contentTypes(), compression: .deflate)]
            + parts.map { part in
                part.file.map { ZipWriter.Entry(name: part.name, file: $0, compression: .deflate) }
                    ?? ZipWriter.Entry(name: part.name, data: part.bytes, compression: .deflate)
            }
    }

    /// `[Content_Types].xml`: defaults for `rels` and `xml`, an override for
    /// every part whose type differs from its extension's default.
    public func contentTypes() throws(RenderingError) -> Data {
        let defaults = ["rels": ContentType.relationships, "xml": ContentType.xml]
        do {
            return try XMLWriter.part { x in
                try x.root("Types", namespaces: ["": Namespace.contentTypes]) {
                    try x.element("Default", ["Extension": "rels", "ContentType": ContentType.relationships])
                    try x.element("Default", ["Extension": "xml", "ContentType": ContentType.xml])
                    for part in parts {
                        let ext = (part.name as NSString).pathExtension.lowercased()
                        if defaults[ext] != part.contentType {
                            try x.element("Override", ["PartName": part.partName, "ContentType": part.contentType])
                        }
                    }
                }
            }
        } catch {
            throw RenderingError.wrapping(error)
        }
    }
}
