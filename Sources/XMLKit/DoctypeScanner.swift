/// Finds a DOCTYPE in a document's prolog without parsing it.
///
/// A DTD is refused before libxml2 ever sees the document, so no entity is
/// declared, loaded or expanded. It runs on the document already brought to
/// UTF-8 by `Transcoder`, whatever its declared encoding.
enum DoctypeScanner {
    /// The 1-based line and column of `<!DOCTYPE`, or nil when the prolog has none.
    static func findDoctype(in bytes: [UInt8]) -> (line: Int, column: Int)? {
        var i = 0
        var line = 1
        var column = 1
        func advance(_ n: Int) {
            for _ in 0..<n where i < bytes.count {
                if bytes[i] == 0x0A { line += 1; column = 1 } else if bytes[i] & 0xC0 != 0x80 { column += 1 }
                i += 1
            }
        }
        func starts(_ text: String) -> Bool {
            let t = Array(text.utf8)
            return i + t.count <= bytes.count && bytes[i..<i + t.count].elementsEqual(t)
        }
        func skip(until end: String) {
            while i < bytes.count && !starts(end) { advance(1) }
            advance(end.utf8.count)
        }
        while i < bytes.count {
            let c = bytes[i]
            if c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A { advance(1); continue }
            if starts("<?") { skip(until: "?>"); continue }
            if starts("<!--") { skip(until: "-->"); continue }
            if starts("<!DOCTYPE") || starts("<!doctype") { return (line, column) }
            return nil
        }
        return nil
    }
}
