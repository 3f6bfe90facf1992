import Foundation

/// One encoder for everything baocao prints or writes as JSON: sorted keys,
/// so the same data always gives the same bytes.
public enum JSONOutput {
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }

    /// `value` as `encode` writes it when it sits `depth` levels deep in a
    /// larger document: each line after the first indented by two spaces a
    /// level (empty lines, those of an empty array, stay empty), no final
    /// newline. Strings escape their line feeds, so every line feed here is
    /// the layout's. For writing a large document piece by piece.
    public static func nested<T: Encodable>(_ value: T, depth: Int) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let flat = try encoder.encode(value)
        let indent = [UInt8](repeating: 0x20, count: 2 * depth)
        var out = [UInt8]()
        out.reserveCapacity(flat.count + flat.count / 8)
        flat.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            // Line by line: each line after a line feed gets the indent, unless empty.
            var start = 0
            while start < bytes.count {
                let end = bytes[start...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
                if start > 0 && bytes[start] != 0x0A { out.append(contentsOf: indent) }
                out.append(contentsOf: bytes[start..<end])
                start = end
            }
        }
        return Data(out)
    }

    /// Writes pieces of one JSON value, in order.
    public typealias Pieces = ((Data) throws -> Void) throws -> Void

    /// Writes `shell` as `encode` would (or as `nested` would, `depth`
    /// levels deep), with its member `key` (an empty array, or an empty
    /// object with `object`) filled by the elements `members` gives one at
    /// a time, each already `nested` at `depth + 2` (an object's member with
    /// its `"key" : ` first) and given whole or as pieces: a large document
    /// written a piece at a time, with the bytes of the whole.
    public static func write<T: Encodable>(_ shell: T, depth: Int = 0, filling key: String, object: Bool = false,
                                           to write: (Data) throws -> Void,
                                           members: (_ member: (Pieces) throws -> Void) throws -> Void) throws {
        let whole = try depth == 0 ? encode(shell) : nested(shell, depth: depth)
        let close = object ? "}" : "]"
        let indent = String(repeating: " ", count: 2 * depth + 2)
        let empty = "\n\n\(indent)\(close)"  // an empty member as the encoder writes it
        let marker = Data("\n\(indent)\"\(key)\" : \(object ? "{" : "[")\(empty)".utf8)
        guard let found = whole.range(of: marker) else {
            throw CocoaError(.coderInvalidValue)  // the encoder's layout changed: tests say so first
        }
        try write(whole[..<(found.upperBound - empty.utf8.count)])
        var count = 0
        try withoutActuallyEscaping(write) { write in
            try members { pieces in
                try write(Data(((count == 0 ? "\n  " : ",\n  ") + indent).utf8))
                try pieces(write)
                count += 1
            }
        }
        try write(Data((count == 0 ? empty : "\n\(indent)\(close)").utf8))
        try write(whole[found.upperBound...])
    }

    /// `text` quoted and escaped as the encoder writes a string: `"` and
    /// `\\`, the five short escapes, other control bytes as `\u00xx`; the
    /// rest as it is (no slashes escaped).
    public static func string(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for (n, byte) in bytes.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                out.append(contentsOf: bytes[start..<n])
                start = n + 1
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), byte])
                case 0x08: out.append(contentsOf: "\\b".utf8)
                case 0x09: out.append(contentsOf: "\\t".utf8)
                case 0x0A: out.append(contentsOf: "\\n".utf8)
                case 0x0C: out.append(contentsOf: "\\f".utf8)
                case 0x0D: out.append(contentsOf: "\\r".utf8)
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: "\\u00".utf8)
                    out.append(contentsOf: [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
                }
            }
            out.append(contentsOf: bytes[start...])
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The same, on one line: for what the store keeps, read by programs only.
    public static func compact<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }
}
