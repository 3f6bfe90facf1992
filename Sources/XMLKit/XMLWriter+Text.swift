/// Text as XML 1.0 can carry it.
enum XMLText {
    /// `string` without the characters XML 1.0 forbids: C0 controls except
    /// tab, line feed and carriage return, and the non-characters U+FFFE/U+FFFF.
    static func clean(_ string: String) -> String {
        guard hasForbidden(string) else { return string }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: string.unicodeScalars.filter { !isForbidden($0) })
        return String(scalars)
    }

    /// Whether `string` holds a forbidden character, read from its UTF-8
    /// bytes (every run of text in every document comes through here): a
    /// byte below 0x20 is that control itself; U+FFFE/U+FFFF are EF BF BE/BF.
    private static func hasForbidden(_ string: String) -> Bool {
        var string = string
        return string.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte < 0x20 {
                    if byte != 0x09 && byte != 0x0A && byte != 0x0D { return true }
                } else if byte == 0xEF, i + 2 < bytes.count, bytes[i + 1] == 0xBF, bytes[i + 2] >= 0xBE {
                    return true
                }
                i += 1
            }
            return false
        }
    }

    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00..<0x20, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }
}
