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

    /// Writes `shell` as `encode` would, with its top-level member `key` (an
    /// empty array, or an empty object with `object`) filled by the pieces
    /// `members` gives one at a time, each already `nested` at depth 2 (an
    /// object's member with its `"key" : ` first): a large document written
    /// a piece at a time, with the bytes of the whole.
    public static func write<T: Encodable>(_ shell: T, filling key: String, object: Bool = false,
                                           to write: (Data) throws -> Void,
                                           members: (_ member: (Data) throws -> Void) throws -> Void) throws {
        let whole = try encode(shell)
        let close = object ? "}" : "]"
        let empty = "\n\n  \(close)"  // an empty member as the encoder writes it at the top level
        let marker = Data("\n  \"\(key)\" : \(object ? "{" : "[")\(empty)".utf8)
        guard let found = whole.range(of: marker) else {
            throw CocoaError(.coderInvalidValue)  // the encoder's layout changed: tests say so first
        }
        try write(whole[..<(found.upperBound - empty.utf8.count)])
        var count = 0
        try withoutActuallyEscaping(write) { write in
            try members { member in
                try write(Data((count == 0 ? "\n    " : ",\n    ").utf8) + member)
                count += 1
            }
        }
        try write(Data((count == 0 ? empty : "\n  \(close)").utf8))
        try write(whole[found.upperBound...])
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
