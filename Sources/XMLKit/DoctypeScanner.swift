/// Finds a DOCTYPE in a document's prolog without parsing it.
///
/// A DTD is refused before libxml2 ever sees the document, so no entity is
/// declared, loaded or expanded. Works for UTF-16 (with or without BOM) and
/// for every ASCII-compatible encoding (UTF-8, windows-1258, ISO-8859-x).
enum DoctypeScanner {
    /// The 1-based line and column of `<!DOCTYPE`, or nil when the prolog has none.
    static func findDoctype(in bytes: [UInt8]) -> (line: Int, column: Int)? {
        let scalars = decodePrefix(bytes)
        var i = 0
        var line = 1
        var column = 1
        func advance(_ n: Int) {
            for _ in 0..<n where i < scalars.count {
                if scalars[i] == "\n" { line += 1; column = 1 } else { column += 1 }
                i += 1
            }
        }
        func starts(_ text: String) -> Bool {
            let t = Array(text.unicodeScalars)
            guard i + t.count <= scalars.count else { return false }
            for k in 0..<t.count where scalars[i + k] != t[k] { return false }
            return true
        }
        func skip(until end: String) {
            while i < scalars.count && !starts(end) { advance(1) }
            advance(end.unicodeScalars.count)
        }
        if i < scalars.count, scalars[i] == "\u{FEFF}" { i += 1 }
        while i < scalars.count {
            let c = scalars[i]
            if c == " " || c == "\t" || c == "\r" || c == "\n" { advance(1); continue }
            if starts("<?") { skip(until: "?>"); continue }
            if starts("<!--") { skip(until: "-->"); continue }
            if starts("<!DOCTYPE") || starts("<!doctype") { return (line, column) }
            return nil
        }
        return nil
    }

    /// The first 64 KiB as Unicode scalars, enough for any real prolog.
    private static func decodePrefix(_ bytes: [UInt8]) -> [Unicode.Scalar] {
        let prefix = Array(bytes.prefix(65_536))
        let b0 = prefix.first ?? 0
        let b1 = prefix.count > 1 ? prefix[1] : 0
        let bigEndian = (b0 == 0xFE && b1 == 0xFF) || (b0 == 0x00 && b1 == 0x3C)
        let littleEndian = (b0 == 0xFF && b1 == 0xFE) || (b0 == 0x3C && b1 == 0x00)
        if bigEndian || littleEndian {
            var units: [UInt16] = []
            units.reserveCapacity(prefix.count / 2)
            var k = 0
            while k + 1 < prefix.count {
                let unit = bigEndian ? UInt16(prefix[k]) << 8 | UInt16(prefix[k + 1]) : UInt16(prefix[k + 1]) << 8 | UInt16(prefix[k])
                units.append(unit)
                k += 2
            }
            return Array(String(decoding: units, as: UTF16.self).unicodeScalars)
        }
        // ASCII-compatible: markup is ASCII, so a byte-for-scalar view suffices.
        return prefix.map { Unicode.Scalar($0) }
    }
}
