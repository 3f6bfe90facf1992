import Foundation
import Rendering
import ReportModel
import Store

/// Writes one document as its three files: `.docx`, Flat OPC `.xml` and the
/// merged data as `.json`, each durably (temp file, fsync, rename).
public struct OutputWriter {
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    /// The paths written, `.docx` first.
    @discardableResult
    public func write<Data: Encodable>(_ document: WordDocument, data: Data, baseName: String) throws -> [String] {
        let package = try document.package()
        DurableFile.sweepLeftovers(in: folder)
        let docx = folder.appendingPathComponent(baseName + ".docx")
        let flat = folder.appendingPathComponent(baseName + ".xml")
        let json = folder.appendingPathComponent(baseName + ".json")
        try DurableFile.write(try package.docx(), to: docx)
        try DurableFile.write(try package.flatOPC(), to: flat)
        try DurableFile.write(try JSONOutput.encode(data), to: json)
        return [docx.path, flat.path, json.path]
    }

    /// The path a document will have, for the `documents` list written
    /// inside its own JSON: relative to the working folder when under it, so
    /// the same store gives the same bytes wherever the project lives.
    public func path(_ baseName: String, _ ext: String) -> String {
        Self.display(folder.appendingPathComponent("\(baseName).\(ext)"))
    }

    static func display(_ url: URL) -> String {
        let here = FileManager.default.currentDirectoryPath + "/"
        return url.path.hasPrefix(here) ? String(url.path.dropFirst(here.count)) : url.path
    }
}
