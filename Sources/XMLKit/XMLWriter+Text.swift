/// Text as XML 1.0 can carry it.
enum XMLText {
    /// `string` without the characters XML 1.0 forbids: C0 controls except
    /// tab, line feed and carriage return, and the non-characters U+FFFE/U+FFFF.
    static func clean(_ string: String) -> String {
        guard string.unicodeScalars.contains(where: isForbidden) else { return string }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: string.unicodeScalars.filter { !isForbidden($0) })
        return String(scalars)
    }

    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00..<0x20, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }
}
