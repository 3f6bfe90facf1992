/// Checks that a document meant to be UTF-8 really is, and says where it
/// is not.
///
/// libxml2 reports bad UTF-8 as a generic character error; checking first
/// gives the clerk `XML_ENCODING` with the exact line and column.
enum UTF8Check {
    static func problem(in bytes: [UInt8]) -> XMLProblem? {
        // The common case, valid text, in one pass of the standard library's validator (no copy).
        if (try? UTF8Span(validating: bytes.span)) != nil { return nil }
        var line = 1
        var column = 1
        var i = 0
        while i < bytes.count {
            let length = sequenceLength(at: i, in: bytes)
            guard length > 0 else {
                return XMLProblem(kind: .encoding, line: line, column: column,
                                  message: "bytes are not valid UTF-8 (byte 0x\(String(bytes[i], radix: 16, uppercase: true)))")
            }
            if bytes[i] == 0x0A { line += 1; column = 1 } else { column += 1 }
            i += length
        }
        return nil
    }

    /// The length of the well-formed UTF-8 sequence at `i`, or 0.
    private static func sequenceLength(at i: Int, in bytes: [UInt8]) -> Int {
        let b = bytes[i]
        let length: Int
        switch b {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard i + length <= bytes.count else { return 0 }
        return String(validating: bytes[i..<i + length], as: UTF8.self) == nil ? 0 : length
    }
}
