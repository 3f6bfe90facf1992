import Foundation

/// The document's lines as text, to turn libxml2's line numbers into columns.
///
/// libxml2 2.9 keeps a line per node but no column; the column of a start tag
/// is found by looking for `<name` on that line (or the lines before it, for
/// a tag that spans lines). Columns count characters, 1-based.
struct SourceText {
    private let lines: [Substring]
    /// How far each line has been consumed, so repeated tags on one line get
    /// successive columns.
    private var cursors: [Int: String.Index] = [:]

    init(bytes: [UInt8]) {
        let text: String
        if let utf8 = String(validating: bytes, as: UTF8.self) {
            text = utf8
        } else if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            text = String(data: Data(bytes), encoding: .utf16) ?? ""
        } else {
            text = String(bytes.map { Character(Unicode.Scalar($0)) })
        }
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// Column of the next `<name` at or before `line`, advancing the cursor.
    mutating func column(ofTag name: String, line: Int) -> Int {
        guard line >= 1, line <= lines.count else { return 1 }
        let needle = "<" + name
        var l = line
        while l >= 1 && l > line - 50 {
            let text = lines[l - 1]
            let start = (l == line ? cursors[l] : nil) ?? text.startIndex
            if let range = text[start...].range(of: needle) {
                if l == line { cursors[l] = range.upperBound }
                return text.distance(from: text.startIndex, to: range.lowerBound) + 1
            }
            l -= 1
        }
        return 1
    }

    /// Column of `<name` on `line` without moving any cursor (for schema errors).
    func firstColumn(ofTag name: String, line: Int) -> Int? {
        var l = line
        while l >= 1 && l > line - 50 && l <= lines.count {
            let text = lines[l - 1]
            if let range = text.range(of: "<" + name) {
                return text.distance(from: text.startIndex, to: range.lowerBound) + 1
            }
            l -= 1
        }
        return nil
    }
}
