import Foundation

/// The document's UTF-8 bytes, to turn libxml2's line numbers into columns.
///
/// libxml2 2.9 keeps a line per node (the line where its start tag ends) but
/// no column. The start tag is found by looking for `<name` on that line or
/// the lines before it (a tag may span lines); the line and column reported
/// are where `<` stands. Columns count characters, 1-based.
struct SourceText {
    private let bytes: [UInt8]
    /// Byte offset where each line starts (line 1 at index 0).
    private let lineStarts: [Int]
    /// How far each line has been consumed (0: not yet), so repeated tags
    /// on one line get successive columns in document order.
    private var cursors: [Int]

    init(utf8 bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var at = base
            let end = base + buffer.count
            while at < end, let found = memchr(at, 0x0A, end - at) {
                let offset = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                starts.append(offset + 1)
                at = base + offset + 1
            }
        }
        lineStarts = starts
        cursors = Array(repeating: 0, count: starts.count + 1)
    }

    /// Where the next `needle` (`<name`, as UTF-8) at or before `line`
    /// starts, advancing past it.
    mutating func startTag(_ needle: [UInt8], endingOnLine line: Int) -> (line: Int, column: Int) {
        guard line >= 1, line <= lineStarts.count else { return (max(line, 1), 1) }
        var l = line
        while l >= 1 && l > line - 50 {
            let from = cursors[l] > 0 ? cursors[l] : lineStarts[l - 1]
            if let offset = find(needle, from: from, lineEnd: lineEnd(l)) {
                cursors[l] = offset + needle.count
                return (l, column(of: offset, line: l))
            }
            l -= 1
        }
        return (line, 1)
    }

    private func lineEnd(_ line: Int) -> Int {
        line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
    }

    /// The first `needle` in `from..<end` followed by a character that ends a name.
    private func find(_ needle: [UInt8], from: Int, lineEnd end: Int) -> Int? {
        guard from + needle.count <= end else { return nil }
        var i = from
        while i + needle.count <= end {
            if bytes[i] == needle[0] && bytes[i..<i + needle.count].elementsEqual(needle) {
                let after = i + needle.count < bytes.count ? bytes[i + needle.count] : 0x3E
                if after == 0x3E || after == 0x2F || after == 0x20 || after == 0x09 || after == 0x0D || after == 0x0A {
                    return i
                }
            }
            i += 1
        }
        return nil
    }

    private func column(of offset: Int, line: Int) -> Int {
        var column = 1
        for byte in bytes[lineStarts[line - 1]..<offset] where byte & 0xC0 != 0x80 { column += 1 }
        return column
    }
}
