/// A name as it may be shown to a person or written as part of another
/// name: valid UTF-8 with every control character escaped.
///
/// A file name is bytes; it may not be UTF-8, and it may hold ESC, BEL or a
/// newline that would retitle or recolour a terminal. Escaped, it can be
/// printed, written into JSON and used in the store's own file names.
/// Escaping is one to one: a backslash is doubled, so no two names share an
/// escaped form.
public enum DisplayName {
    /// `bao-cao-\xE1p.xml` for a name holding the byte 0xE1 alone.
    public static func escape(_ bytes: [UInt8]) -> String {
        var out = ""
        var index = 0
        while index < bytes.count {
            if let (scalar, length) = decode(bytes, at: index) {
                if scalar == "\\" {
                    out += "\\\\"
                } else if isControl(scalar) {
                    for byte in bytes[index..<index + length] { out += hex(byte) }
                } else {
                    out.unicodeScalars.append(scalar)
                }
                index += length
            } else {
                out += hex(bytes[index])
                index += 1
            }
        }
        return out
    }

    /// The same for a string already decoded (control characters only).
    public static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) || $0 == "\\" }) else { return text }
        return escape(Array(text.utf8))
    }

    /// Text that is safe to print whole: control characters other than a
    /// newline and a tab are escaped, so text read from a submission can
    /// never drive the terminal. Backslashes are left as they are.
    public static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) && $0 != "\n" && $0 != "\t" }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) && scalar != "\n" && scalar != "\t" {
                for byte in String(scalar).utf8 { out += hex(byte) }
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// C0 and C1 controls, DEL, and the invisible characters that reorder
    /// text on screen (bidirectional overrides and isolates).
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "\\x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
    }

    /// One UTF-8 scalar at `index` (shortest form, no surrogates), or nil.
    private static func decode(_ bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int)? {
        let first = bytes[index]
        let length: Int
        let minimum: UInt32
        var value: UInt32
        switch first {
        case 0x00...0x7F: return (Unicode.Scalar(first), 1)
        case 0xC2...0xDF: length = 2; minimum = 0x80; value = UInt32(first & 0x1F)
        case 0xE0...0xEF: length = 3; minimum = 0x800; value = UInt32(first & 0x0F)
        case 0xF0...0xF4: length = 4; minimum = 0x10000; value = UInt32(first & 0x07)
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        for byte in bytes[(index + 1)..<(index + length)] {
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }
}
