import Foundation
import SystemKit
import XCTest

/// The portal writes each upload with `DirectFileWriter`: whole blocks
/// straight to the disk, the last one padded and cut back. Whatever the
/// sizes and the pieces they arrive in, the file must hold exactly the
/// bytes appended, and the bytes handed back must be the same.
final class DirectFileWriterTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("direct-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Bytes that differ at every offset, so a block written twice or out of place shows.
    private func pattern(_ count: Int) -> Data {
        Data((0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 12) })
    }

    private func write(_ bytes: Data, in folder: URL, pieces: Int, keepLimit: Int, expected: Int64?) throws -> (file: Data, kept: Data?) {
        let path = folder.appendingPathComponent("upload-\(bytes.count)-\(pieces)").path
        let writer = try DirectFileWriter(creating: path, keepLimit: keepLimit, expected: expected)
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + pieces)
            try bytes[offset..<end].withUnsafeBytes { try writer.append($0) }
            offset = end
        }
        XCTAssertEqual(writer.size, Int64(bytes.count))
        let kept = try writer.finish()
        return (try Data(contentsOf: URL(fileURLWithPath: path)), kept)
    }

    func testEverySizeAroundBlocksFlushesAndTheLimitIsWrittenExactly() throws {
        let keepLimit = 2 << 20
        let sizes = [0, 1, 511, 4095, 4096, 4097, 700_001, (1 << 20) - 1, 1 << 20, (1 << 20) + 4096 + 3,
                     keepLimit, keepLimit + 1, 3 * (1 << 20) + 7]
        for size in sizes {
            let bytes = pattern(size)
            for pieces in [7919, 65_536, 1 << 21] {
                for expected in [nil, Int64(size)] {
                    let (file, kept) = try write(bytes, in: folder, pieces: pieces, keepLimit: keepLimit, expected: expected)
                    XCTAssertEqual(file, bytes, "size \(size), pieces of \(pieces)")
                    if size <= keepLimit {
                        XCTAssertEqual(kept, bytes, "size \(size) is kept in memory")
                    } else {
                        XCTAssertNil(kept, "size \(size) is past the limit: not kept")
                    }
                }
            }
        }
    }

    /// tmpfs may refuse direct I/O: the same bytes then go through the page cache.
    func testAFileSystemWithoutDirectIOGetsTheSameBytes() throws {
        let shm = URL(fileURLWithPath: "/dev/shm")
        guard FileManager.default.isWritableFile(atPath: shm.path) else { throw XCTSkip("no /dev/shm here") }
        let folder = shm.appendingPathComponent("direct-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for size in [0, 4097, (1 << 20) + 12_345] {
            let bytes = pattern(size)
            let (file, kept) = try write(bytes, in: folder, pieces: 30_000, keepLimit: 1 << 20, expected: nil)
            XCTAssertEqual(file, bytes)
            XCTAssertEqual(kept, size <= 1 << 20 ? bytes : nil)
        }
    }

    func testAFolderThatIsNotThereIsAnErrorNotACrash() {
        XCTAssertThrowsError(try DirectFileWriter(creating: folder.appendingPathComponent("no/such/file").path, keepLimit: 1024))
    }
}
