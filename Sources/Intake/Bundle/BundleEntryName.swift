import Foundation
import XMLKit
import ZipKit

/// An entry's name as the bundle rules see it: NFC text, the key two names
/// collide on, and what is wrong with it as a path.
struct BundleEntryName {
    /// Why a name is not a safe relative path (report-format.md §6).
    enum Unsafety: Equatable {
        case undecodable, empty, absolute, parentSegment, backslash, driveLetter
    }

    /// The NFC name, or nil when the bytes could not be decoded.
    let text: String?
    /// What diagnostics show: the NFC name, or an escape of the raw bytes.
    let display: String

    init(_ entry: ZipEntry) {
        text = entry.name.map(Unicode.nfc)
        display = text ?? Self.escape(entry.rawName)
    }

    /// Names equal under this key are duplicates: NFC, then full Unicode
    /// case folding ("Straße" and "STRASSE" collide), then NFC again.
    var collisionKey: String? {
        text.map(Unicode.caseFolded)
    }

    /// The first rule the name breaks, or nil when it is a safe relative path.
    var unsafety: Unsafety? {
        guard let text else { return .undecodable }
        if text.isEmpty { return .empty }
        if text.hasPrefix("/") { return .absolute }
        if text.contains("\\") { return .backslash }
        if Self.hasDriveLetter(text) { return .driveLetter }
        if text.split(separator: "/", omittingEmptySubsequences: false).contains("..") { return .parentSegment }
        return nil
    }

    /// "C:" and the like at the start: a Windows drive, never a bundle path.
    private static func hasDriveLetter(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars.prefix(2))
        return scalars.count == 2 && scalars[1] == ":" && scalars[0].isASCII && scalars[0].properties.isAlphabetic
    }

    /// Printable ASCII as is, every other byte as `\xNN`.
    static func escape(_ bytes: [UInt8]) -> String {
        var out = ""
        for byte in bytes {
            if byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\\") {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "\\x" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
