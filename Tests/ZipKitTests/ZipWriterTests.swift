import Foundation
import Testing
import ZipKit

@Suite struct ZipWriterTests {
    let entries = [
        ZipWriter.Entry(name: "report.xml", data: Data("<report/>".utf8)),
        ZipWriter.Entry(name: "attachments/báo cáo tiến độ.txt", data: Data(repeating: 0x41, count: 10_000)),
        ZipWriter.Entry(name: "attachments/raw.bin", data: Data((0..<4096).map { UInt8($0 % 251) }), compression: .store),
        ZipWriter.Entry(name: "empty.txt", data: Data()),
    ]

    @Test func roundTrip() throws {
        let reader = try ZipReader(data: try ZipWriter.archive(entries))
        #expect(reader.entries.map(\.name) == entries.map(\.name))
        for (entry, original) in zip(reader.entries, entries) {
            #expect(try reader.readData(entry, maxBytes: 1 << 20, maxRatio: nil) == original.data)
            #expect(entry.uncompressedSize == Int64(original.data.count))
            #expect(!entry.isDirectory && !entry.isSymlink && !entry.isEncrypted)
        }
        #expect(reader.entries[1].compressionMethod == 8)
        #expect(reader.entries[2].compressionMethod == 0)
    }

    @Test func sameEntriesGiveSameBytes() throws {
        let first = try ZipWriter.archive(entries)
        Thread.sleep(forTimeInterval: 1.1)  // a clock leaking into the bytes would show
        #expect(try ZipWriter.archive(entries) == first)
    }

    @Test func concurrentCallsAreIndependent() async throws {
        let expected = try ZipWriter.archive(entries)
        let entries = self.entries
        let results = try await withThrowingTaskGroup(of: Data.self) { group in
            for _ in 0..<16 { group.addTask { try ZipWriter.archive(entries) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 16)
        #expect(results.allSatisfy { $0 == expected })
    }

    /// Local headers carry the 1980-01-01 timestamp, no data descriptor and
    /// no extra field; names are flagged UTF-8 only when not plain ASCII.
    @Test func headersAreFixed() throws {
        let data = try ZipWriter.archive(entries)
        var offset = 0
        var seen = 0
        let bytes = [UInt8](data)
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        while u32(offset) == 0x0403_4B50 {
            let flags = u16(offset + 6)
            #expect(flags & 0x0008 == 0, "data descriptor")
            #expect(u16(offset + 10) == 0, "DOS time")
            #expect(u16(offset + 12) == (1 << 5) | 1, "DOS date")
            #expect(u16(offset + 28) == 0, "extra field length")
            let nameLength = u16(offset + 26)
            let name = String(decoding: bytes[(offset + 30)..<(offset + 30 + nameLength)], as: UTF8.self)
            #expect((flags & 0x0800 != 0) == !name.utf8.allSatisfy { $0 < 0x80 }, "UTF-8 flag on \(name)")
            offset += 30 + nameLength + u32(offset + 18)
            seen += 1
        }
        #expect(seen == entries.count)
    }

    @Test func emptyArchiveIsJustAnEndRecord() throws {
        let data = try ZipWriter.archive([])
        #expect(data.count == 22)
    }

    @Test func repeatedNameIsRefused() {
        let twice = [ZipWriter.Entry(name: "a.txt", data: Data()), ZipWriter.Entry(name: "a.txt", data: Data())]
        #expect(throws: ZipError.self) { try ZipWriter.archive(twice) }
    }
}
