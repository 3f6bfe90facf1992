#if canImport(Glibc)
import Glibc
#endif

/// Brings a document to UTF-8 before libxml2 parses it, so that every
/// encoding problem is found with its line and column, and none is lost to
/// libxml2's process-wide error handler.
///
/// UTF-16 (BOM or `<?` pattern) and any encoding the declaration names
/// (windows-1258, ISO-8859-1, …) are converted with iconv. UTF-8 (with or
/// without BOM) is passed as it is: libxml2 refuses every byte that is not
/// UTF-8, and only then does `XMLTree.parse` run `UTF8Check` to say where
/// (a pass over every accepted document was a twentieth of bare ingest).
/// The parser is then told to ignore the declaration.
enum Transcoder {
    static func utf8(_ bytes: [UInt8]) -> Result<[UInt8], XMLProblem> {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return .success(Array(bytes.dropFirst(3)))
        }
        if bytes.starts(with: [0xFE, 0xFF]) { return convert(Array(bytes.dropFirst(2)), from: "UTF-16BE") }
        if bytes.starts(with: [0xFF, 0xFE]) { return convert(Array(bytes.dropFirst(2)), from: "UTF-16LE") }
        if bytes.starts(with: [0x00, 0x3C, 0x00, 0x3F]) { return convert(bytes, from: "UTF-16BE") }
        if bytes.starts(with: [0x3C, 0x00, 0x3F, 0x00]) { return convert(bytes, from: "UTF-16LE") }
        guard let name = declaredEncoding(bytes) else { return .success(bytes) }
        switch name.uppercased() {
        case "UTF-8", "UTF8":
            return .success(bytes)
        case "UTF-16", "UTF-16LE", "UTF-16BE", "UCS-2", "ISO-10646-UCS-2":
            return .failure(XMLProblem(kind: .encoding, line: 1, column: 1,
                                       message: "the declaration names \(name), but the bytes are not UTF-16"))
        default:
            return convert(bytes, from: name)
        }
    }

    /// The `encoding` of the XML declaration, if there is one.
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(256)
        guard head.starts(with: Array("<?xml".utf8)), let end = head.firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let declaration = String(decoding: head[..<end], as: UTF8.self)
        guard let range = declaration.range(of: "encoding") else { return nil }
        var rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let name = rest.dropFirst().prefix { $0 != quote }
        return name.isEmpty ? nil : String(name)
    }

    /// iconv from `encoding` to UTF-8; the place of the first byte that does
    /// not belong to it, counted in the text converted so far.
    private static func convert(_ bytes: [UInt8], from encoding: String) -> Result<[UInt8], XMLProblem> {
        let descriptor = iconv_open("UTF-8", encoding)
        guard let descriptor, descriptor != iconv_t(bitPattern: -1) else {
            return .failure(XMLProblem(kind: .encoding, line: 1, column: 1, message: "unknown encoding \"\(encoding)\""))
        }
        defer { iconv_close(descriptor) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        let (failure, produced): (Int32?, Int) = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                let failure: Int32? = result == -1 || inLeft > 0 ? errno : nil
                return (failure, outBuffer.count - outLeft)
            }
        }
        let converted = Array(output.prefix(produced))
        if failure != nil {
            let (line, column) = position(after: converted)
            return .failure(XMLProblem(kind: .encoding, line: line, column: column,
                                       message: "bytes that are not valid \(encoding)"))
        }
        return .success(converted)
    }

    /// Line and column of the character after `text` (UTF-8).
    private static func position(after text: [UInt8]) -> (Int, Int) {
        var line = 1
        var column = 1
        for byte in text {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
