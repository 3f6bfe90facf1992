import Foundation
import XMLKit

extension DocxPackage {
    /// The package as one XML file (Flat OPC) that Word opens directly:
    /// the `mso-application` instruction, then `pkg:package` with one
    /// `pkg:part` per part, each holding the part's own XML in `pkg:xmlData`.
    /// `[Content_Types].xml` is not a part: each `pkg:part` carries its type.
    public func flatOPC() throws(RenderingError) -> Data {
        do {
            return try XMLWriter.part(flatOPC)
        } catch {
            throw RenderingError.wrapping(error)
        }
    }

    /// The same Flat OPC file, written to a new file at `path` as it goes.
    public func writeFlatOPC(to path: String) throws(RenderingError) {
        do {
            try XMLWriter.part(file: path, flatOPC)
        } catch {
            throw RenderingError.wrapping(error)
        }
    }

    private func flatOPC(_ x: XMLWriter) throws {
        try x.processingInstruction(target: "mso-application", content: "progid=\"Word.Document\"")
        try x.root("pkg:package", namespaces: ["pkg": Namespace.flatPackage]) {
            for part in parts {
                try x.element("pkg:part", ["pkg:name": part.partName, "pkg:contentType": part.contentType]) {
                    try x.element("pkg:xmlData") { try part.chunks { next in try x.embedRootElement(chunks: next) } }
                }
            }
        }
    }
}
