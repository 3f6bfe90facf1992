import Foundation
import Rendering
import ReportModel
import Store

/// Writes one document as `.docx` and Flat OPC `.xml`, and the merged data
/// behind it as `.json`, each durably (temp file, fsync, rename).
struct OutputWriter {
    let folder: URL

    /// The paths written (as `path` shows them), `.docx` first.
    @discardableResult
    func write(_ document: WordDocument, data: (some Encodable)? = nil as Never?, baseName: String) throws -> [String] {
        let package = try document.package()
        DurableFile.sweepLeftovers(in: folder)
        var written: [(URL, Foundation.Data)] = [
            (file(baseName, "docx"), try package.docx()),
            (file(baseName, "xml"), try package.flatOPC()),
        ]
        if let data { written.append((file(baseName, "json"), try JSONOutput.encode(data))) }
        for (url, bytes) in written { try DurableFile.write(bytes, to: url) }
        return written.map { Self.display($0.0) }
    }

    private func file(_ baseName: String, _ ext: String) -> URL {
        folder.appendingPathComponent("\(baseName).\(ext)")
    }

    /// The path a document will have, for the `documents` list written
    /// inside its own JSON: relative to the working folder when under it, so
    /// the same store gives the same bytes wherever the project lives.
    func path(_ baseName: String, _ ext: String) -> String {
        Self.display(file(baseName, ext))
    }

    static func display(_ url: URL) -> String {
        let here = FileManager.default.currentDirectoryPath + "/"
        return url.path.hasPrefix(here) ? String(url.path.dropFirst(here.count)) : url.path
    }
}
