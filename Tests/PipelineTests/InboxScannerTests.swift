#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Pipeline
import SystemKit
import XCTest

/// The inbox as a run sees it: regular files oldest first, any bytes as a
/// name, hidden and in-progress names left alone, folders and links
/// reported, files changed a moment ago left to settle.
final class InboxScannerTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("baocao-scan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    private func file(_ name: [UInt8], modified: Int) throws {
        let path = Array(folder.path.utf8) + [UInt8(ascii: "/")] + name + [0]
        let fd = path.withUnsafeBufferPointer { $0.baseAddress!.withMemoryRebound(to: CChar.self, capacity: $0.count) { open($0, O_WRONLY | O_CREAT, 0o644) } }
        XCTAssertGreaterThanOrEqual(fd, 0)
        var times = [timespec(tv_sec: modified, tv_nsec: 0), timespec(tv_sec: modified, tv_nsec: 0)]
        XCTAssertEqual(futimens(fd, &times), 0)
        close(fd)
    }

    func testOldestFirstAnyBytesAsANameAndEverythingElseAccountedFor() throws {
        let now = Int(Date().timeIntervalSince1970)
        try file(Array("b.xml".utf8), modified: now - 100)
        try file(Array("a.xml".utf8), modified: now - 100)
        try file(Array("first.zip".utf8), modified: now - 200)
        try file([0x62, 0xE1, 0x2E, 0x78, 0x6D, 0x6C], modified: now - 50)   // "b\xE1.xml"
        try file(Array(".hidden".utf8), modified: now - 100)
        try file(Array("upload.part".utf8), modified: now - 100)
        try file(Array("fresh.xml".utf8), modified: now)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.xml").path, withDestinationPath: "/etc/passwd")

        let listing = try InboxScanner.scan(try Folder(folder.path), settle: 2)
        XCTAssertEqual(listing.entries.map(\.name), ["first.zip", "a.xml", "b.xml", "b\\xE1.xml"], "oldest first, then by name")
        XCTAssertEqual(listing.entries.last?.rawName, [0x62, 0xE1, 0x2E, 0x78, 0x6D, 0x6C], "the bytes as the file system has them")
        XCTAssertEqual(listing.skipped, ["link.xml", "sub"], "not regular files: reported, never followed")
        XCTAssertEqual(listing.settling, ["fresh.xml"], "changed a moment ago")

        let now0 = try InboxScanner.scan(try Folder(folder.path), settle: 0)
        XCTAssertTrue(now0.entries.contains { $0.name == "fresh.xml" }, "settle 0 takes it now")
    }
}
