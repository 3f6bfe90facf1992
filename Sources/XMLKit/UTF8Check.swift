/// Checks that a document that is UTF-8 by its own declaration (or by
/// default) really is, and says where it is not.
///
/// libxml2 reports bad UTF-8 as a generic character error; checking first
/// gives the clerk `XML_ENCODING` with the exact line and column.
enum UTF8Check {
    static func problem(in bytes: [UInt8]) -> XMLProblem? {
        guard declaresUTF8(bytes) else { return nil }
        var line = 1
        var column = 1
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            var valid = length > 0 && i + length <= bytes.count
            if valid && length > 1 {
                for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { valid = false }
                if valid, let scalar = String(validating: bytes[i..<i + length], as: UTF8.self), scalar.isEmpty { valid = false }
                if valid && String(validating: bytes[i..<i + length], as: UTF8.self) == nil { valid = false }
            }
            if !valid {
                return XMLProblem(kind: .encoding, line: line, column: column,
                                  message: "bytes are not valid UTF-8 (byte 0x\(String(b, radix: 16, uppercase: true)))")
            }
            if b == 0x0A { line += 1; column = 1 } else { column += 1 }
            i += length
        }
        return nil
    }

    /// True when the document names no encoding (and has no UTF-16 mark) or names UTF-8.
    private static func declaresUTF8(_ bytes: [UInt8]) -> Bool {
        if bytes.count >= 2, (bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE) { return false }
        if bytes.count >= 2, bytes[0] == 0 || bytes[1] == 0 { return false }
        let head = bytes.prefix(200)
        guard head.starts(with: Array("<?xml".utf8)) || head.starts(with: [0xEF, 0xBB, 0xBF] + Array("<?xml".utf8)) else { return true }
        guard let end = head.firstIndex(of: UInt8(ascii: ">")) else { return true }
        let declaration = String(decoding: head[..<end], as: UTF8.self).lowercased()
        guard let range = declaration.range(of: "encoding") else { return true }
        let rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
        let name = rest.prefix { $0 != "\"" && $0 != "'" && $0 != " " }
        return name == "utf-8" || name == "utf8"
    }
}
