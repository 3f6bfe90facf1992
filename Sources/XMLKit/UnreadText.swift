import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// Elements whose text the reader of a document will not read, so that
/// libxml2 may parse a stand-in for it.
///
/// libxml2 2.9 copies ASCII text in blocks but reads every other character
/// one at a time (`xmlCurrentChar`, 13 % of bare ingest's CPU, nearly all of
/// it the narratives of reports, which the checks never read). Given these
/// names, `XMLTree.parse` hands libxml2 a copy of the document in which each
/// character above U+007F in such an element's own text (from its start tag
/// to the next `<`) is one `x`: the same lines, the same characters counted
/// in every column, the same white space, so the same well-formedness, the
/// same schema verdict where the schema asks of that text only whether it is
/// blank, and the same places. Nothing else changes: names, attributes,
/// comments, CDATA, references and every other element's text stay as sent.
/// At the first byte that does not begin a well-formed UTF-8 XML character,
/// the copy stops standing in, so that libxml2 refuses the document as it
/// would have. A caller that needs the words, or a diagnostic worded from the
/// bytes as sent, parses the document itself.
public struct UnreadText: Sendable {
    /// Local names, as UTF-8.
    let names: [[UInt8]]

    public init(elements: [String]) {
        names = elements.map { Array($0.utf8) }
    }

    /// Whether an element of this local name has its text stood in.
    func isUnread(_ name: UnsafePointer<xmlChar>) -> Bool {
        Self.contains(names, name, length: Int(xmlStrlen(name)))
    }

    /// Whether `names` holds the `length` bytes at `name`.
    private static func contains(_ names: [[UInt8]], _ name: UnsafePointer<UInt8>, length: Int) -> Bool {
        names.contains { $0.count == length && memcmp($0, name, length) == 0 }
    }

    /// `document` with the stand-ins, or nil when nothing was stood in.
    func standIn(_ document: [UInt8]) -> [UInt8]? {
        var changed = false
        // The copy is never longer than the document: a stand-in is shorter than what it stands for.
        let copy = [UInt8](unsafeUninitializedCapacity: max(document.count, 1)) { output, written in
            document.withUnsafeBufferPointer { source in
                guard let base = source.baseAddress, let target = output.baseAddress else { return }
                var scanner = Scanner(source: base, count: source.count, target: target, names: names)
                scanner.run()
                changed = scanner.changed
                written = scanner.written
            }
        }
        return changed ? copy : nil
    }

    /// One pass over a document, markup copied as it is and the unread
    /// elements' text stood in.
    private struct Scanner {
        let source: UnsafePointer<UInt8>
        let count: Int
        let target: UnsafeMutablePointer<UInt8>
        let names: [[UInt8]]
        /// Bytes written to `target`; bytes of `source` read.
        var written = 0
        var read = 0
        var changed = false

        init(source: UnsafePointer<UInt8>, count: Int, target: UnsafeMutablePointer<UInt8>, names: [[UInt8]]) {
            self.source = source
            self.count = count
            self.target = target
            self.names = names
        }

        mutating func run() {
            while let open = find(UInt8(ascii: "<"), from: read), let end = endOfMarkup(at: open) {
                copy(upTo: end)
                if isUnreadStartTag(open, end: end), !standInText() { break }
            }
            copy(upTo: count)
        }

        /// Copies the source as it is, from where reading stands up to `end`.
        private mutating func copy(upTo end: Int) {
            guard end > read else { return }
            (target + written).update(from: source + read, count: end - read)
            written += end - read
            read = end
        }

        /// The index after the markup that starts with `<` at `open`: a
        /// comment, CDATA section, processing instruction, declaration, end
        /// tag or start tag (quoted attribute values may hold `>`); nil when
        /// it never ends (libxml2 refuses the document).
        private func endOfMarkup(at open: Int) -> Int? {
            if starts(with: "<!--", at: open) { return find("-->", from: open + 4) }
            if starts(with: "<![CDATA[", at: open) { return find("]]>", from: open + 9) }
            if starts(with: "<?", at: open) { return find("?>", from: open + 2) }
            var i = open + 1
            var quote: UInt8?
            while i < count {
                let byte = source[i]
                if let q = quote {
                    if byte == q { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    return i + 1
                }
                i += 1
            }
            return nil
        }

        /// Whether `open..<end` is a start tag, not empty, of an unread element.
        private func isUnreadStartTag(_ open: Int, end: Int) -> Bool {
            let first = source[open + 1]
            guard first != UInt8(ascii: "/"), first != UInt8(ascii: "!"), first != UInt8(ascii: "?"),
                  source[end - 2] != UInt8(ascii: "/") else { return false }
            var nameEnd = open + 1
            var localStart = open + 1
            while nameEnd < end - 1 {
                let byte = source[nameEnd]
                if ParsedText.isSpace(byte) || byte == UInt8(ascii: "/") { break }
                if byte == UInt8(ascii: ":") { localStart = nameEnd + 1 }
                nameEnd += 1
            }
            return UnreadText.contains(names, source + localStart, length: nameEnd - localStart)
        }

        /// Stands in for the text from where reading stands to the next `<`;
        /// false at a byte that does not begin a well-formed UTF-8 XML
        /// character (the rest is then copied as it is).
        private mutating func standInText() -> Bool {
            while read < count {
                // Eight bytes at a time up to the next `<` or byte above ASCII (copied as they are, the
                // word stored whole: what follows the stop is written over). A byte at a time, this
                // function was 3.5 % of bundle ingest's CPU at N = 1,000.
                if read + 8 <= count {
                    let word = UnsafeRawPointer(source + read).loadUnaligned(as: UInt64.self)
                    UnsafeMutableRawPointer(target + written).storeBytes(of: word, as: UInt64.self)
                    let stops = Self.stops(in: UInt64(littleEndian: word))
                    guard stops != 0 else {
                        read &+= 8
                        written &+= 8
                        continue
                    }
                    let plain = stops.trailingZeroBitCount / 8
                    read &+= plain
                    written &+= plain
                }
                let byte = source[read]
                if byte < 0x80 {
                    if byte == UInt8(ascii: "<") { return true }
                    target[written] = byte
                    written += 1
                    read += 1
                    continue
                }
                let length = Self.characterLength(source + read, available: count - read)
                guard length > 0 else { return false }
                target[written] = UInt8(ascii: "x")
                written += 1
                read += length
                changed = true
            }
            return true
        }

        /// The high bit of each byte of `word` (its first byte lowest) that
        /// is `<` or above ASCII; the lowest one set is exact (a zero byte
        /// found by borrowing may flag the byte above it too, never one below).
        @inline(__always)
        static func stops(in word: UInt64) -> UInt64 {
            let highs: UInt64 = 0x8080_8080_8080_8080
            let notLess = word ^ 0x3C3C_3C3C_3C3C_3C3C
            let less = (notLess &- 0x0101_0101_0101_0101) & ~notLess & highs
            return (word & highs) | less
        }

        /// The length of the well-formed UTF-8 sequence at `p` when it is an
        /// XML character above U+007F (not U+FFFE or U+FFFF), else 0.
        @inline(__always)
        static func characterLength(_ p: UnsafePointer<UInt8>, available: Int) -> Int {
            @inline(__always) func continuation(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
                k < available && p[k] >= low && p[k] <= high
            }
            // Vietnamese letters first: two bytes (à, đ, ơ), or three from E1 (ạ…ỹ).
            let lead = p[0]
            if lead &- 0xC2 < 0x1E { return continuation(1) ? 2 : 0 }
            if lead == 0xE1 { return continuation(1) && continuation(2) ? 3 : 0 }
            return otherLength(p, available: available)
        }

        private static func otherLength(_ p: UnsafePointer<UInt8>, available: Int) -> Int {
            func continuation(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
                k < available && p[k] >= low && p[k] <= high
            }
            switch p[0] {
            case 0xC2...0xDF:
                return continuation(1) ? 2 : 0
            case 0xE1...0xEC, 0xEE:
                return continuation(1) && continuation(2) ? 3 : 0
            case 0xE0:
                return continuation(1, 0xA0) && continuation(2) ? 3 : 0
            case 0xED:
                return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : 0
            case 0xEF:
                guard continuation(1), continuation(2) else { return 0 }
                return p[1] == 0xBF && p[2] >= 0xBE ? 0 : 3
            case 0xF0:
                return continuation(1, 0x90) && continuation(2) && continuation(3) ? 4 : 0
            case 0xF1...0xF3:
                return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
            case 0xF4:
                return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : 0
            default:
                return 0
            }
        }

        private func starts(with text: StaticString, at i: Int) -> Bool {
            let length = text.utf8CodeUnitCount
            return i + length <= count && memcmp(source + i, text.utf8Start, length) == 0
        }

        /// The index of the first `byte` from `start`.
        private func find(_ byte: UInt8, from start: Int) -> Int? {
            guard start < count, let found = memchr(source + start, Int32(byte), count - start) else { return nil }
            return UnsafeRawPointer(found) - UnsafeRawPointer(source)
        }

        /// The index after the first `text` from `start`.
        private func find(_ text: StaticString, from start: Int) -> Int? {
            let length = text.utf8CodeUnitCount
            var i = start
            while let at = find(text.utf8Start.pointee, from: i) {
                if at + length <= count, memcmp(source + at, text.utf8Start, length) == 0 { return at + length }
                i = at + 1
            }
            return nil
        }
    }
}
