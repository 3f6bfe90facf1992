import Foundation

extension XMLWriter {
    /// Writes the root element of `bytes`, a document this writer's kind
    /// wrote (the XML declaration, the root element, a final line feed), at
    /// the current position, byte for byte.
    ///
    /// This is how a Flat OPC package carries each part: the part's bytes
    /// are produced once and replayed here, so the `.docx` and the `.xml`
    /// cannot drift apart.
    public func embedRootElement(of bytes: Data) throws(XMLWriterError) {
        var chunks = [bytes].makeIterator()
        try embedRootElement { chunks.next() }
    }

    /// The same for a document given in chunks (`next` returns nil at the
    /// end): a part kept in a file is replayed without being held whole.
    public func embedRootElement(chunks next: () throws -> Data?) throws(XMLWriterError) {
        var atStart = true
        var heldBack = Data()  // line feeds that may be the document's last bytes
        while true {
            let chunk: Data?
            do { chunk = try next() } catch { throw XMLWriterError(.malformedInput, "cannot read part: \(error)") }
            guard var piece = chunk else { break }
            if atStart {
                piece = heldBack + piece
                heldBack = Data()
                guard piece.count >= 5 || piece.isEmpty else { heldBack = piece; continue }
                if piece.starts(with: Data("<?xml".utf8)) {
                    guard let end = piece.range(of: Data("?>".utf8)) else { heldBack = piece; continue }
                    piece = piece[end.upperBound...]
                }
                while piece.first == 0x0A { piece = piece.dropFirst() }
                atStart = piece.isEmpty
                if atStart { continue }
            }
            var content = heldBack + piece
            heldBack = Data()
            while content.last == 0x0A {
                heldBack.insert(0x0A, at: heldBack.startIndex)
                content = content.dropLast()
            }
            try raw(Data(content))
        }
        if atStart { throw XMLWriterError(.malformedInput, "part has no root") }
    }
}
