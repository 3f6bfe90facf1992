import Consolidation
import Foundation
import Rendering
import ReportModel
import Store
import SystemKit

/// Writes one document as `.docx` and Flat OPC `.xml`, and the merged data
/// behind it as `.json`, each durably (temp file, fsync, rename).
struct OutputWriter {
    let folder: URL
    /// Paths are given relative to it: the same store gives the same bytes
    /// wherever the command runs.
    let outbox: URL
    /// `.deferred` for many small files made durable by one sync after them.
    let sync: SyncPolicy
    /// Done before any file is named: the units' reports a summary lists
    /// made durable, by whichever of the jobs writing beside it comes first.
    let prerequisite: Once?

    /// A writer into `folder`, which first removes what a killed writer left
    /// there: once, not before each of the thousands of files it may write.
    init(folder: URL, outbox: URL, sync: SyncPolicy = .now, prerequisite: Once? = nil) {
        self.folder = folder
        self.outbox = outbox
        self.sync = sync
        self.prerequisite = prerequisite
        DurableFile.sweepLeftovers(in: folder)
    }

    /// The paths written, relative to the outbox, `.docx` first.
    @discardableResult
    func write(_ document: WordDocument, data: (some Encodable)? = nil as Never?, baseName: String) throws -> [String] {
        try write(document, baseName: baseName, json: data.map { value in { piece in try piece(JSONOutput.encode(value)) } })
    }

    /// A year's `.json` alone, written a task at a time, each with its
    /// results read back from the merge's spill (its document may be being
    /// written at the same time).
    func writeJSON(_ data: YearConsolidation, baseName: String) throws {
        try prerequisite?.ensure()
        try DurableFile.write(to: file(baseName, "json"), sync: sync, pieces: data.writeJSON)
    }

    /// A review: the `.json` written a year at a time.
    @discardableResult
    func write(_ document: WordDocument, data: MultiYearReview, baseName: String) throws -> [String] {
        try write(document, baseName: baseName, json: data.writeJSON)
    }

    /// A document whose `.json` holds the same data as the one written for
    /// `sameDataAs`: that file's bytes, copied rather than encoded again.
    @discardableResult
    func write(_ document: WordDocument, jsonOf sameDataAs: String, baseName: String) throws -> [String] {
        let source = file(sameDataAs, "json").path
        return try write(document, baseName: baseName) { piece in
            let input = try OpenFile.reading(source)
            while case let chunk = try input.read(upTo: 1 << 20), !chunk.isEmpty { try piece(chunk) }
        }
    }

    private func write(_ document: WordDocument, baseName: String,
                       json: (((Data) throws -> Void) throws -> Void)?) throws -> [String] {
        let written = [file(baseName, "docx"), file(baseName, "xml")]
        if document.blocks.contains(where: \.isDeferred) {
            // Long: document.xml goes to a scratch file as its blocks are
            // made, and both packages are written from it.
            try DurableFile.makeFolder(folder)
            let scratch = folder.appendingPathComponent(".\(baseName).document.xml.tmp-\(getpid())").path
            defer { FileSystemPaths.removeQuietly(scratch) }
            let package = try document.package(documentFile: scratch)
            try prerequisite?.ensure()
            // Both from the scratch file at once: deflating the `.docx` and
            // writing the `.xml` were the last half second of `consolidate`
            // at N = 1,000, on one core while the other had finished.
            try Parallel.run(
                { try DurableFile.create(written[0], sync: sync) { try package.writeDocx(to: $0) } },
                { try DurableFile.create(written[1], sync: sync) { try package.writeFlatOPC(to: $0) } })
        } else {
            let package = try document.package()
            try prerequisite?.ensure()
            try DurableFile.write(try package.docx(), to: written[0], sync: sync)
            try DurableFile.write(try package.flatOPC(), to: written[1], sync: sync)
        }
        if let json { try DurableFile.write(to: file(baseName, "json"), sync: sync, pieces: json) }
        return written.map(relative)
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
