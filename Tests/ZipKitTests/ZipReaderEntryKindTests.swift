import Foundation
import Testing
import ZipKit

@Suite struct ZipReaderEntryKindTests {
    @Test func symlinkIsDetected() throws {
        let data = try Fixtures.python("""
            import sys, zipfile
            with zipfile.ZipFile(sys.argv[1], 'w') as z:
                z.writestr('a.txt', b'a')
                link = zipfile.ZipInfo('link')
                link.create_system = 3
                link.external_attr = 0o120777 << 16
                z.writestr(link, b'/etc/passwd')
            """)
        #expect(try ZipReader(data: data).entries.map(\.isSymlink) == [false, true])
    }

    @Test func encryptedEntryIsDetectedAndNotRead() throws {
        let data = try Fixtures.zipEncrypted(["secret.txt": "bí mật"], password: "pw")
        let reader = try ZipReader(data: data)
        let entry = try #require(reader.entries.first)
        #expect(entry.isEncrypted)
        let error = try #require(throws: ZipError.self) { try reader.readData(entry, maxBytes: 1000, maxRatio: nil) }
        #expect(error.kind == .encrypted)
    }

    @Test func garbageIsCorrupt() {
        for bytes in [Data(), Data("not a zip at all, just some words".utf8), Data(repeating: 0x50, count: 4096)] {
            let error = #expect(throws: ZipError.self) { try ZipReader(data: bytes) }
            #expect(error?.kind == .corrupt)
        }
    }

    @Test func truncatedArchiveIsCorrupt() throws {
        let whole = try ZipWriter.archive([ZipWriter.Entry(name: "a.txt", data: Data(repeating: 1, count: 1000))])
        let error = #expect(throws: ZipError.self) { try ZipReader(data: whole.prefix(whole.count - 10)) }
        #expect(error?.kind == .corrupt)
    }

    @Test func damagedDataIsCorruptWhenRead() throws {
        let text = Data((0..<2000).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        var data = try ZipWriter.archive([ZipWriter.Entry(name: "a.bin", data: text, compression: .store)])
        data[30 + 5 + 100] ^= 0xFF  // a byte inside the stored content: the CRC no longer matches
        let reader = try ZipReader(data: data)
        let error = try #require(throws: ZipError.self) {
            try reader.readData(reader.entries[0], maxBytes: 1 << 20, maxRatio: nil)
        }
        #expect(error.kind == .corrupt)
    }
}
