import Foundation
import ReportModel
import XMLKit

/// Checks a bundle's `manifest.xml` against the files actually in it:
/// every other file listed, with its size and SHA-256 (report-format.md §6).
struct ManifestCheck {
    static let name = "manifest.xml"
    static let signatureName = "manifest.sig"

    let schema: XMLSchema

    func check(manifest bytes: Data, files: [BundleFile]) -> [Diagnostic] {
        let document: XMLTree
        do {
            document = try XMLTree.parse([UInt8](bytes))
        } catch {
            return error.problems.map { XMLDiagnostics.diagnostic(for: $0, file: Self.name) }
        }
        let problems = schema.validate(document)
        if !problems.isEmpty {
            return problems.map { XMLDiagnostics.diagnostic(for: $0, file: Self.name) }
        }
        guard let root = document.rootElement() else { return [] }
        var found: [Diagnostic] = []
        let actual = Dictionary(files.filter { $0.path != Self.name && $0.path != Self.signatureName }.map { ($0.path, $0) },
                                uniquingKeysWith: { first, _ in first })
        var listed: Set<String> = []
        for entry in root.children(named: "file") {
            let path = Unicode.nfc(entry.attributes["path"] ?? "")
            let here = SourceLocation(file: Self.name, line: entry.line, column: entry.column)
            listed.insert(path)
            guard let file = actual[path] else {
                found.append(Diagnostic(.manifestMismatch, at: here,
                    message: "Bản kê khai liệt kê tệp \"\(path)\" nhưng gói không có tệp này.",
                    english: "The manifest lists \"\(path)\", which the bundle does not contain."))
                continue
            }
            if Int64(entry.attributes["size"] ?? "") != file.size {
                found.append(Diagnostic(.manifestMismatch, at: here,
                    message: "Kích thước tệp \"\(path)\" là \(file.size) byte, khác với bản kê khai (\(entry.attributes["size"] ?? "")).",
                    english: "\"\(path)\" is \(file.size) bytes, not \(entry.attributes["size"] ?? "") as listed."))
            }
            if (entry.attributes["sha256"] ?? "").lowercased() != file.sha256 {
                found.append(Diagnostic(.manifestMismatch, at: here,
                    message: "Mã băm SHA-256 của tệp \"\(path)\" không khớp với bản kê khai: tệp đã bị thay đổi.",
                    english: "The SHA-256 of \"\(path)\" differs from the manifest: the file was changed."))
            }
        }
        for path in actual.keys.sorted() where !listed.contains(path) {
            found.append(Diagnostic(.manifestMismatch, at: SourceLocation(file: path),
                message: "Tệp \"\(path)\" có trong gói nhưng không có trong bản kê khai.",
                english: "\"\(path)\" is in the bundle but not in the manifest."))
        }
        return found
    }
}
