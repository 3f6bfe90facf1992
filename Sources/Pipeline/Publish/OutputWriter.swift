import Foundation
import Rendering
import ReportModel
import Store

/// Writes one document as `.docx` and Flat OPC `.xml`, and the merged data
/// behind it as `.json`, each durably (temp file, fsync, rename).
struct OutputWriter {
    let folder: URL
    /// Paths are given relative to it: the same store gives the same bytes
    /// wherever the command runs.
    let outbox: URL

    /// The paths written, relative to the outbox, `.docx` first.
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
        return written.prefix(2).map { relative($0.0) }
    }

    private func file(_ baseName: String, _ ext: String) -> URL {
        folder.appendingPathComponent("\(baseName).\(ext)")
    }

    /// The path a document will have, relative to the outbox: what the
    /// `documents` list inside its own JSON says.
    func path(_ baseName: String, _ ext: String) -> String {
        relative(file(baseName, ext))
    }

    func relative(_ url: URL) -> String {
        let root = outbox.standardizedFileURL.path + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
    }
}
