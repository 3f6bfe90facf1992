import Foundation

extension Unicode {
    /// `text` in Normalization Form C.
    ///
    /// Most report text is already NFC: scalars below U+0300 and the
    /// precomposed Vietnamese letters (U+1E00–U+1EFF) cannot combine with
    /// anything when no combining mark follows, so such text is returned as
    /// it is, without Foundation's much slower normaliser.
    static func nfc(_ text: String) -> String {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x300 || (0x1E00...0x1EFF).contains(v) { continue }
            return text.precomposedStringWithCanonicalMapping
        }
        return text
    }
}
