import Foundation
import Testing
@testable import ZipKit

/// Stored entries are handed on in place from the archive's bytes
/// (`ZipReader.storedSpan`): the bytes must be exactly libzip's, whatever
/// the headers around them look like, and anything doubtful goes through
/// libzip.
@Suite struct ZipReaderStoredTests {
    private static let content = (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }

    /// Writes `content` stored, in the layouts python's zipfile can make.
    private static let layouts = """
        import io, sys, zipfile
        content = bytes(((i * 31 + (i >> 8)) & 0xFF) for i in range(70000))
        kind = sys.argv[2]
        if kind == 'descriptor':
            # An unseekable stream: sizes and CRC follow the data (flag bit 3).
            class Unseekable(io.RawIOBase):
                def __init__(self, f): self.f = f
                def writable(self): return True
                def write(self, b): return self.f.write(b)
                def seekable(self): return False
            with open(sys.argv[1], 'wb') as raw, zipfile.ZipFile(Unseekable(raw), 'w', zipfile.ZIP_STORED) as z:
                with z.open('a.bin', 'w') as entry:
                    entry.write(content)
        else:
            with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_STORED) as z:
                z.writestr('first.txt', b'')
                info = zipfile.ZipInfo('thư mục/tệp đính kèm.bin')
                if kind == 'extra':
                    info.extra = b'\\xfe\\xca' + (7).to_bytes(2, 'little') + b'padding'
                info.comment = b'a comment'
                z.writestr(info, content)
        """

    private func archive(_ kind: String) throws -> Data {
        // The layout's name goes to the script after the output path.
        try Fixtures.python(Self.layouts.replacingOccurrences(of: "sys.argv[2]", with: "'\(kind)'"))
    }

    @Test(arguments: ["plain", "extra", "descriptor"])
    func storedEntryIsReadInPlaceAsLibzipReadsIt(kind: String) throws {
        let reader = try ZipReader(data: archive(kind))
        let entry = try #require(reader.entries.first { $0.uncompressedSize == Int64(Self.content.count) })
        #expect(entry.compressionMethod == 0)
        let span = try #require(reader.storedSpan(entry), "read in place")
        #expect(span.count == Self.content.count)
        var chunks = 0
        var bytes: [UInt8] = []
        let count = try reader.read(entry, maxBytes: 1 << 20, maxRatio: 100) { chunk in
            chunks += 1
            bytes += chunk
        }
        #expect(count == Int64(Self.content.count))
        #expect(chunks == 1)
        #expect(bytes == Self.content)
    }

    @Test func emptyAndCompressedEntriesGoThroughLibzip() throws {
        let reader = try ZipReader(data: archive("plain"))
        let empty = try #require(reader.entries.first { $0.uncompressedSize == 0 })
        #expect(reader.storedSpan(empty) == nil)
        #expect(try reader.readData(empty, maxBytes: 10, maxRatio: nil).isEmpty)

        let deflated = try ZipReader(data: ZipWriter.archive([ZipWriter.Entry(name: "a.txt", data: Data(Self.content))]))
        #expect(deflated.entries[0].compressionMethod == 8)
        #expect(deflated.storedSpan(deflated.entries[0]) == nil)
        #expect(try deflated.readData(deflated.entries[0], maxBytes: 1 << 20, maxRatio: nil) == Data(Self.content))
    }

    @Test func damagedStoredBytesAreNotHandedOnInPlace() throws {
        var data = try ZipWriter.archive([ZipWriter.Entry(name: "a.bin", data: Data(Self.content), compression: .store)])
        data[30 + 5 + 60_000] ^= 0x01
        let reader = try ZipReader(data: data)
        #expect(reader.storedSpan(reader.entries[0]) == nil)
        let error = try #require(throws: ZipError.self) {
            try reader.read(reader.entries[0], maxBytes: 1 << 20, maxRatio: nil) { _ in }
        }
        #expect(error.kind == .corrupt)
    }

    @Test func storedEntryPastALimitIsRefusedAsBefore() throws {
        let data = try ZipWriter.archive([ZipWriter.Entry(name: "a.bin", data: Data(Self.content), compression: .store)])
        let reader = try ZipReader(data: data)
        let error = try #require(throws: ZipError.self) {
            try reader.read(reader.entries[0], maxBytes: 65_536, maxRatio: nil) { _ in }
        }
        #expect(error.kind == .limit)
    }
}
