import Foundation

extension Unicode {
    /// `text` in Normalization Form C.
    ///
    /// Most report text is already NFC: scalars below U+0300 and the
    /// precomposed Vietnamese letters (U+1E00–U+1EFF) cannot combine with
    /// anything when no combining mark follows, so such text is returned as
    /// it is, without Foundation's much slower normaliser. The test reads
    /// UTF-8 bytes: lead bytes up to 0xCB start scalars below U+0300, and
    /// E1 B8–BB starts U+1E00–U+1EFF. Bundle entry names and manifest
    /// paths go through here too: Foundation's normaliser was 3 % of bundle
    /// ingest's CPU at N = 1,000, for names that are nearly all ASCII.
    public static func nfc(_ text: String) -> String {
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

    /// `text` case-folded (full Unicode folding: "Straße" and "STRASSE"
    /// fold alike), then in NFC. ASCII folds to its lower case, without Foundation.
    public static func caseFolded(_ text: String) -> String {
        var text = text
        let ascii = text.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 } }
        return ascii ? text.lowercased() : nfc(text.folding(options: .caseInsensitive, locale: nil))
    }

    /// Whether every text and attribute value of a UTF-8 document passes
    /// `nfc`'s test as it stands, so that none needs normalising: each byte
    /// from 0xCC up (a lead byte: continuation bytes are below it) starts
    /// U+1E00–U+1EFF, and there is no character reference (`&#`, which can
    /// write a combining mark the bytes do not show). One pass over the
    /// document, 16 bytes at a time, instead of one over every value read.
    static func isSettled(document bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress.map(UnsafeRawPointer.init) else { return true }
        let count = bytes.count
        var i = 0
        // Lanes of 0 or 1, combined with integer operations: comparisons
        // combined as masks (`.&`, `.!`) compile to a call per lane here,
        // 36 ns a byte against 0.18 (a byte at a time: 1.3).
        typealias Lanes = SIMD16<UInt8>
        let zero = Lanes(repeating: 0)
        while i + 17 <= count {
            let here = base.loadUnaligned(fromByteOffset: i, as: Lanes.self)
            let next = base.loadUnaligned(fromByteOffset: i + 1, as: Lanes.self)
            let lead = zero.replacing(with: 1, where: here .>= Lanes(repeating: 0xCC))
            let precomposed = zero.replacing(with: 1, where: here .== Lanes(repeating: 0xE1))
                & zero.replacing(with: 1, where: (next &- Lanes(repeating: 0xB8)) .< Lanes(repeating: 4))
            let reference = zero.replacing(with: 1, where: here .== Lanes(repeating: 0x26))
                & zero.replacing(with: 1, where: next .== Lanes(repeating: 0x23))
            if ((lead & ~precomposed) | reference).max() != 0 { return false }
            i += 16
        }
        while i < count {
            let byte = bytes[i]
            let next = i + 1 < count ? bytes[i + 1] : 0
            if byte >= 0xCC && !(byte == 0xE1 && next &- 0xB8 < 4) { return false }
            if byte == 0x26 && next == 0x23 { return false }
            i += 1
        }
        return true
    }
}
