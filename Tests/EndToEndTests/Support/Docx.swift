import Foundation
import XCTest

/// What a reader sees in a generated `.docx`: the text of `word/document.xml`
/// (one line per paragraph) and the values cached in its chart parts.
enum Docx {
    /// One part of the package, by `unzip -p`.
    static func part(_ name: String, of docx: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["unzip", "-p", docx.path, name]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Baocao.Failure(description: "no \(name) in \(docx.path)") }
        return String(decoding: data, as: UTF8.self)
    }

    /// The visible text, a line per paragraph, entities decoded.
    static func text(of docx: URL) throws -> String {
        let xml = try part("word/document.xml", of: docx)
        var lines: [String] = []
        for paragraph in xml.components(separatedBy: "</w:p>") {
            var line = ""
            var rest = Substring(paragraph)
            while let open = rest.range(of: "<w:t") {
                guard let close = rest[open.upperBound...].range(of: ">") else { break }
                let tag = rest[open.lowerBound..<close.upperBound]
                // `<w:tab/>`, `<w:tbl…>` and friends are not text runs.
                guard tag == "<w:t>" || tag.hasPrefix("<w:t ") else { rest = rest[close.upperBound...]; continue }
                guard let end = rest[close.upperBound...].range(of: "</w:t>") else { break }
                line += rest[close.upperBound..<end.lowerBound]
                rest = rest[end.upperBound...]
            }
            if !line.isEmpty { lines.append(decode(line)) }
        }
        return lines.joined(separator: "\n")
    }

    /// Each chart part's cached values, in category order (nil: no point).
    static func chartValues(of docx: URL, chart: Int = 1) throws -> [Int?] {
        let xml = try part("word/charts/chart\(chart).xml", of: docx)
        guard let cache = xml.components(separatedBy: "<c:numCache>").dropFirst().first?.components(separatedBy: "</c:numCache>").first,
              let countText = cache.components(separatedBy: "<c:ptCount val=\"").dropFirst().first?.prefix(while: \.isNumber),
              let count = Int(countText) else { return [] }
        var values = [Int?](repeating: nil, count: count)
        for point in cache.components(separatedBy: "<c:pt idx=\"").dropFirst() {
            let index = Int(point.prefix(while: \.isNumber)) ?? -1
            let value = point.components(separatedBy: "<c:v>").dropFirst().first?.components(separatedBy: "</c:v>").first
            if values.indices.contains(index) { values[index] = value.flatMap { Int($0) } }
        }
        return values
    }

    /// The text between the first line starting with `start` and the next line starting with `end`.
    static func section(_ text: String, from start: String, to end: String) -> String {
        guard let from = text.range(of: "\n" + start) ?? text.range(of: start) else { return "" }
        let rest = text[from.upperBound...]
        let to = rest.range(of: "\n" + end)?.lowerBound ?? rest.endIndex
        return String(rest[..<to])
    }

    private static func decode(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
