/// Decodes entry names the way libzip's `ZIP_FL_ENC_GUESS` does, for names
/// read without libzip (see `ZipReader.salvageEntries(from:)`).
enum ZipNameDecoding {
    /// The name as text, or nil when it is not valid UTF-8 after all.
    static func decode(_ raw: [UInt8], flaggedUTF8: Bool) -> String? {
        if flaggedUTF8 || looksLikeUTF8(raw) {
            return String(validating: raw, as: UTF8.self)
        }
        return CP437.decode(raw)
    }

    /// libzip's guess: plain ASCII (with tab, CR, LF), or lead bytes each
    /// followed by the right number of continuation bytes.
    static func looksLikeUTF8(_ raw: [UInt8]) -> Bool {
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            if (byte > 31 && byte < 128) || byte == 0x0D || byte == 0x0A || byte == 0x09 {
                index += 1
                continue
            }
            let continuations: Int
            switch byte {
            case _ where byte & 0xE0 == 0xC0: continuations = 1
            case _ where byte & 0xF0 == 0xE0: continuations = 2
            case _ where byte & 0xF8 == 0xF0: continuations = 3
            default: return false
            }
            guard index + continuations < raw.count else { return false }
            for offset in 1...continuations where raw[index + offset] & 0xC0 != 0x80 {
                return false
            }
            index += continuations + 1
        }
        return true
    }
}
