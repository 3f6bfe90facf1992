extension BodyWriter {
    /// A run; tabs and line breaks in the text become `w:tab` / `w:br`.
    func write(_ run: Run) throws {
        try xml.element("w:r") {
            try writeProperties(run.properties)
            for piece in Self.pieces(of: run.text) {
                switch piece {
                case .text(let text): try writeText(text)
                case .tab: try xml.element("w:tab")
                case .lineBreak: try xml.element("w:br")
                }
            }
        }
    }

    /// `w:rPr` in schema order: rFonts, b, bCs, i, iCs, caps, strike,
    /// color, sz, szCs, u, lang. Nothing when no property is set.
    func writeProperties(_ p: RunProperties) throws {
        guard !p.isEmpty else { return }
        try xml.element("w:rPr") {
            if let font = p.font {
                try xml.element("w:rFonts", ["w:ascii": font, "w:hAnsi": font, "w:eastAsia": font, "w:cs": font])
            }
            if p.bold { try xml.element("w:b"); try xml.element("w:bCs") }
            if p.italic { try xml.element("w:i"); try xml.element("w:iCs") }
            if p.caps { try xml.element("w:caps") }
            if p.strike { try xml.element("w:strike") }
            if let color = p.color { try xml.element("w:color", ["w:val": color]) }
            if let size = p.size {
                try xml.element("w:sz", ["w:val": String(size)])
                try xml.element("w:szCs", ["w:val": String(size)])
            }
            if p.underline { try xml.element("w:u", ["w:val": "single"]) }
            if let language = p.language { try xml.element("w:lang", ["w:val": language]) }
        }
    }

    /// A complex field: begin, instruction, separate, cached result, end —
    /// each in its own run, as Word writes them.
    func writeField(instruction: String, placeholder: String, _ properties: RunProperties) throws {
        func fieldRun(_ body: () throws -> Void) throws {
            try xml.element("w:r") {
                try writeProperties(properties)
                try body()
            }
        }
        try fieldRun { try xml.element("w:fldChar", ["w:fldCharType": "begin"]) }
        try fieldRun {
            try xml.element("w:instrText", ["xml:space": "preserve"]) { try xml.text(" \(instruction) ") }
        }
        try fieldRun { try xml.element("w:fldChar", ["w:fldCharType": "separate"]) }
        try fieldRun { try writeText(placeholder) }
        try fieldRun { try xml.element("w:fldChar", ["w:fldCharType": "end"]) }
    }

    /// `w:t`, preserving space only where XML would otherwise lose it.
    private func writeText(_ text: String) throws {
        let needsPreserve = text.first?.isWhitespace == true || text.last?.isWhitespace == true || Self.hasDoubleSpace(text)
        if needsPreserve {
            try xml.element("w:t", ["xml:space": "preserve"]) { try xml.text(text) }
        } else {
            try xml.element("w:t", text: text)
        }
    }

    /// Two spaces in a row, which Word would collapse without `xml:space`.
    static func hasDoubleSpace(_ text: String) -> Bool {
        var text = text
        // The bytes in place: far faster than the `utf8` view, and every run of every document passes here.
        return text.withUTF8 { bytes in
            var previous: UInt8 = 0
            for byte in bytes {
                if byte == 0x20 && previous == 0x20 { return true }
                previous = byte
            }
            return false
        }
    }

    enum Piece: Equatable {
        case text(String)
        case tab
        case lineBreak
    }

    /// Splits run text at tabs and line breaks (`\n`, `\r\n`, `\r`).
    static func pieces(of text: String) -> [Piece] {
        // Most text has no tab or line break: one piece, without walking its characters.
        var bytes = text
        if !bytes.withUTF8({ $0.contains { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D } }) { return text.isEmpty ? [] : [.text(text)] }
        var pieces: [Piece] = []
        var current = ""
        func flush() {
            if !current.isEmpty { pieces.append(.text(current)) }
            current = ""
        }
        for character in text {
            switch character {
            case "\t": flush(); pieces.append(.tab)
            case "\n", "\r\n", "\r": flush(); pieces.append(.lineBreak)
            default: current.append(character)
            }
        }
        flush()
        return pieces
    }
}
