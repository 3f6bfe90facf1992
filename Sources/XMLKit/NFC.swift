import Foundation

extension Unicode {
    /// `text` in Normalization Form C.
    ///
    /// Most report text is already NFC: scalars below U+0300 and the
    /// precomposed Vietnamese letters (U+1E00–U+1EFF) cannot combine with
    /// anything when no combining mark follows, so such text is returned as
    /// it is, without Foundation's much slower normaliser. The test reads
    /// UTF-8 bytes: lead bytes up to 0xCB start scalars below U+0300, and
    /// E1 B8–BB starts U+1E00–U+1EFF.
    static func nfc(_ text: String) -> String {
        var text = text
        let settled = text.withUTF8 { bytes in
            var i = 0
            let count = bytes.count
            while i < count {
                let byte = bytes[i]
                if byte < 0xCC {
                    i += 1
                } else if byte == 0xE1, i + 1 < count, (0xB8...0xBB).contains(bytes[i + 1]) {
                    i += 3
                } else {
                    return false
                }
            }
            return true
        }
        return settled ? text : text.precomposedStringWithCanonicalMapping
    }
}
