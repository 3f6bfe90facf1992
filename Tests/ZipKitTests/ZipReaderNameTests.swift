import Foundation
import Testing
import ZipKit

@Suite struct ZipReaderNameTests {
    @Test func flaggedUTF8Names() throws {
        let data = try Fixtures.python("""
            import sys, zipfile
            with zipfile.ZipFile(sys.argv[1], 'w') as z:
                z.writestr('Báo cáo/tệp đính kèm.pdf', b'x')
                z.writestr('plain.txt', b'y')
            """)
        let entries = try ZipReader(data: data).entries
        #expect(entries.map(\.name) == ["Báo cáo/tệp đính kèm.pdf", "plain.txt"])
        #expect(entries[0].rawName == Array("Báo cáo/tệp đính kèm.pdf".utf8))
    }

    /// Without the UTF-8 flag, bytes that are not UTF-8 are CP437: 0x82 is é.
    @Test func unflaggedNonUTF8NameIsCP437() throws {
        let data = try Fixtures.python(Self.renaming(placeholder: "@.txt", to: "b'\\x82.txt'"))
        let entry = try #require(try ZipReader(data: data).entries.first)
        #expect(entry.rawName == [0x82] + Array(".txt".utf8))
        #expect(entry.name == "é.txt")
    }

    /// Without the flag, a name that is valid UTF-8 is read as UTF-8.
    @Test func unflaggedValidUTF8NameIsUTF8() throws {
        let data = try Fixtures.python(Self.renaming(placeholder: "@@.txt", to: "'é.txt'.encode()"))
        #expect(try ZipReader(data: data).entries.first?.name == "é.txt")
    }

    /// libzip accepts a flagged name whose bytes only look like UTF-8
    /// (here an overlong "/"); Swift's validation does not.
    @Test func flaggedOverlongNameIsUndecodable() throws {
        let data = try Fixtures.python(Self.renaming(placeholder: "é.txt", to: "b'\\xc0\\xaf.txt'", source: "'é.txt'.encode()"))
        let entry = try #require(try ZipReader(data: data).entries.first)
        #expect(entry.name == nil)
        #expect(entry.rawName == [0xC0, 0xAF] + Array(".txt".utf8))
    }

    /// libzip refuses a flagged name that is plainly not UTF-8; the salvaged
    /// central directory still shows which name it was.
    @Test func flaggedInvalidNameIsRefusedButSalvaged() throws {
        let data = try Fixtures.python(Self.renaming(placeholder: "é.txt", to: "b'\\xff\\xfe.txt'", source: "'é.txt'.encode()"))
        let error = #expect(throws: ZipError.self) { try ZipReader(data: data) }
        #expect(error?.kind == .corrupt)
        let entry = try #require(ZipReader.salvageEntries(from: data)?.first)
        #expect(entry.name == nil)
        #expect(entry.rawName == [0xFF, 0xFE] + Array(".txt".utf8))
    }

    @Test func directoryEntries() throws {
        let data = try Fixtures.python("""
            import sys, zipfile
            with zipfile.ZipFile(sys.argv[1], 'w') as z:
                z.writestr('attachments/', b'')
                z.writestr('attachments/a.txt', b'a')
            """)
        #expect(try ZipReader(data: data).entries.map(\.isDirectory) == [true, false])
    }

    /// Writes one entry named `placeholder`, then swaps the name's bytes in
    /// both headers (same length), leaving the UTF-8 flag as Python set it.
    static func renaming(placeholder: String, to replacement: String, source: String? = nil) -> String {
        """
        import sys, zipfile, io
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, 'w') as z:
            z.writestr(\(source.map { "zipfile.ZipInfo(\($0).decode())" } ?? "'\(placeholder)'"), b'content')
        old = \(source ?? "'\(placeholder)'.encode()")
        new = \(replacement)
        assert len(old) == len(new)
        data = buf.getvalue()
        assert data.count(old) == 2
        open(sys.argv[1], 'wb').write(data.replace(old, new))
        """
    }
}
