import Foundation
import Testing
import ZipKit

@Suite struct ZipReaderLimitTests {
    static let bombSize = 50 * 1024 * 1024

    /// 50 MB of zeros, deflated to about 50 KB, written by Python in chunks.
    static func bomb() throws -> Data {
        try Fixtures.python("""
            import sys, zipfile
            with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
                with z.open('zeros.bin', 'w') as f:
                    for _ in range(\(bombSize / (1 << 20))):
                        f.write(bytes(1 << 20))
            """)
    }

    @Test func bombStopsAtMaxBytes() throws {
        let reader = try ZipReader(data: try Self.bomb())
        let entry = reader.entries[0]
        #expect(entry.uncompressedSize == Int64(Self.bombSize))
        var delivered: Int64 = 0
        let error = try #require(throws: ZipError.self) {
            try reader.read(entry, maxBytes: 1_000_000, maxRatio: nil) { delivered += Int64($0.count) }
        }
        #expect(error.kind == .limit)
        #expect(delivered <= 1_000_000)
    }

    @Test func bombStopsAtRatio() throws {
        let reader = try ZipReader(data: try Self.bomb())
        let entry = reader.entries[0]
        var delivered: Int64 = 0
        let error = try #require(throws: ZipError.self) {
            try reader.read(entry, maxBytes: Int64.max, maxRatio: 100) { delivered += Int64($0.count) }
        }
        #expect(error.kind == .limit)
        #expect(delivered <= 100 * entry.compressedSize)
    }

    /// The headers claim 10 bytes; the entry inflates to 1 MiB. Reading
    /// counts real bytes, so the lie changes nothing.
    @Test func lyingHeaderSizeIsNotTrusted() throws {
        let data = try Fixtures.python("""
            import sys, zipfile, io, struct
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as z:
                z.writestr('x.bin', bytes(1 << 20))
            data = bytearray(buf.getvalue())
            struct.pack_into('<I', data, 22, 10)
            cd = data.rfind(b'PK\\x01\\x02')
            struct.pack_into('<I', data, cd + 24, 10)
            open(sys.argv[1], 'wb').write(data)
            """)
        let reader = try ZipReader(data: data)
        #expect(reader.entries[0].uncompressedSize == 10)
        var delivered: Int64 = 0
        let error = try #require(throws: ZipError.self) {
            try reader.read(reader.entries[0], maxBytes: 100_000, maxRatio: nil) { delivered += Int64($0.count) }
        }
        #expect(error.kind == .limit || error.kind == .corrupt)
        #expect(delivered <= 100_000)
    }

    @Test func withinLimitsReadsEverything() throws {
        let payload = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 7) })
        let reader = try ZipReader(data: try ZipWriter.archive([ZipWriter.Entry(name: "p.bin", data: payload)]))
        var chunks = 0
        let count = try reader.read(reader.entries[0], maxBytes: 300_000, maxRatio: 100) { chunk in
            chunks += 1
            #expect(chunk.count <= ZipReader.chunkSize)
        }
        #expect(count == 300_000)
        #expect(chunks >= 5)
    }

    @Test func ratioCapSaturates() {
        #expect(ZipReader.ratioCap(ratio: 100, compressedSize: 0) == 100)
        #expect(ZipReader.ratioCap(ratio: 100, compressedSize: 7) == 700)
        #expect(ZipReader.ratioCap(ratio: 100, compressedSize: Int64.max / 2) == Int64.max)
    }
}
