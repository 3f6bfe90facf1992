import Foundation
import SystemKit
import XMLKit
import ZipKit

/// Packs a unit's report and evidence files into a bundle (§6): `report.xml`
/// at the root, evidence under `attachments/`, a `manifest.xml` listing every
/// file with size and SHA-256, and, with a key, `manifest.sig`.
public enum BundlePacker {
    /// One evidence file: its path inside the bundle and its bytes.
    public struct Attachment: Sendable {
        public var path: String
        public var data: Data
        /// `.store` for files that are compressed already (PDF, images).
        public var compression: ZipWriter.Entry.Compression

        public init(path: String, data: Data, compression: ZipWriter.Entry.Compression = .deflate) {
            self.path = path
            self.data = data
            self.compression = compression
        }
    }

    /// Every file under `folder`, as `attachments/…` paths, in a fixed order.
    public static func attachments(inFolder folder: URL) throws -> [Attachment] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var found: [Attachment] = []
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let data = try OpenFile.reading(url.path).readAll()
            let relative = String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
            found.append(Attachment(path: "attachments/" + relative, data: data))
        }
        return found.sorted { $0.path < $1.path }
    }

    /// The zip's bytes: the same inputs always give the same bytes.
    public static func pack(report: Data, attachments: [Attachment], signingKey: KeyPair?) throws -> Data {
        var entries = [ZipWriter.Entry(name: "report.xml", data: report)]
        entries += attachments.map {
            ZipWriter.Entry(name: $0.path.precomposedStringWithCanonicalMapping, data: $0.data, compression: $0.compression)
        }
        let manifest = try manifestXML(for: entries)
        entries.append(ZipWriter.Entry(name: ManifestCheck.name, data: manifest))
        if let signingKey {
            entries.append(ZipWriter.Entry(name: ManifestCheck.signatureName,
                                           data: Data((try signingKey.signatureBase64(of: manifest) + "\n").utf8)))
        }
        return try ZipWriter.archive(entries)
    }

    /// `<manifest xmlns="urn:baocao:manifest:1"><file path size sha256/>…</manifest>`.
    static func manifestXML(for entries: [ZipWriter.Entry]) throws -> Data {
        let writer = try XMLWriter()
        try writer.startDocument()
        try writer.startElement("manifest", namespace: "urn:baocao:manifest:1")
        for entry in entries {
            try writer.startElement("file")
            try writer.attribute("path", value: entry.name)
            try writer.attribute("size", value: String(entry.data.count))
            try writer.attribute("sha256", value: SHA256Hex.of(entry.data))
            try writer.endElement()
        }
        try writer.endElement()
        return try writer.finish()
    }
}
