import Foundation
import Store
import SystemKit
import XCTest

final class DurableFileTests: XCTestCase {
    private var scratch: Scratch!

    override func setUpWithError() throws { scratch = try Scratch("durable") }
    override func tearDown() { scratch.cleanUp() }

    func testWriteCreatesFoldersAndLeavesNoTemporary() throws {
        let target = scratch.url("a/b/c/file.json")
        try DurableFile.write(Data("first".utf8), to: target)
        XCTAssertEqual(try Data(contentsOf: target), Data("first".utf8))
        XCTAssertEqual(scratch.allPaths(), ["a", "a/b", "a/b/c", "a/b/c/file.json"], "only the file and its folders, no temporary")
    }

    func testWriteReplacesWholeContent() throws {
        let target = scratch.url("file.txt")
        try DurableFile.write(Data(String(repeating: "long old content ", count: 1000).utf8), to: target)
        try DurableFile.write(Data("new".utf8), to: target)
        XCTAssertEqual(try Data(contentsOf: target), Data("new".utf8), "replaced, not overwritten in place (no old tail)")
        try DurableFile.write(Data(), to: target)
        XCTAssertEqual(try Data(contentsOf: target), Data())
        XCTAssertEqual(scratch.allPaths(), ["file.txt"])
    }

    /// A new name is made whole with no name first (O_TMPFILE), an existing
    /// one is swapped for a new file: a reader that has the old one open
    /// keeps reading the old bytes, and no temporary name is left.
    func testANewFileGetsItsModeAndAReplacedOneIsSwappedNotRewritten() throws {
        let target = scratch.url("receipts/r.json")
        try DurableFile.write(Data("old".utf8), to: target, sync: .deferred)
        let mode = try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int
        XCTAssertEqual(mode.map { $0 & 0o644 }, 0o644, "readable by all, as every receipt")
        let reader = try FileHandle(forReadingFrom: target)
        defer { try? reader.close() }
        try DurableFile.write(Data("new".utf8), to: target, sync: .deferred)
        XCTAssertEqual(try reader.readToEnd(), Data("old".utf8), "the old file is left whole for whoever has it open")
        XCTAssertEqual(try Data(contentsOf: target), Data("new".utf8))
        XCTAssertEqual(scratch.allPaths(), ["receipts", "receipts/r.json"])
    }

    func testKeepWritesTheStoresOwnCopyOnceAndRewritesOneCutShort() throws {
        let target = scratch.url("originals/ab/abcd")
        try DurableFile.keep(Data("original".utf8), modified: 1_794_279_600, at: target)
        XCTAssertEqual(try Data(contentsOf: target), Data("original".utf8))
        let modified = try FileManager.default.attributesOfItem(atPath: target.path)[.modificationDate] as? Date
        XCTAssertEqual(modified?.timeIntervalSince1970, 1_794_279_600, "the copy keeps the received instant")
        // Content-addressed: a file already there whole (same size) is left alone.
        try DurableFile.keep(Data("ORIGINAL".utf8), modified: 1, at: target)
        XCTAssertEqual(try Data(contentsOf: target), Data("original".utf8))
        // One cut short (a crash before its data reached the disk) is rewritten.
        try FileManager.default.removeItem(at: target)
        try Data("orig".utf8).write(to: target)
        try DurableFile.keep(Data("original".utf8), modified: 1, at: target)
        XCTAssertEqual(try Data(contentsOf: target), Data("original".utf8))
        XCTAssertEqual(scratch.allPaths(), ["originals", "originals/ab", "originals/ab/abcd"])
    }

    /// The store owns its bytes: what it keeps is a copy, so writing to the
    /// source afterwards changes nothing kept.
    func testKeepCopyIsACopyCheckedAgainstItsHash() throws {
        let source = scratch.url("inbox/report.xml")
        let bytes = Data("the checked bytes".utf8)
        try DurableFile.write(bytes, to: source)
        let target = scratch.url("originals/ab/abcd")
        try DurableFile.keepCopy(of: try OpenFile.reading(source.path), sha256: SHA256Hex.of(bytes), size: Int64(bytes.count),
                                 modified: 1_794_279_600, at: target)
        try Data("written after acceptance".utf8).write(to: source)
        XCTAssertEqual(try Data(contentsOf: target), bytes)
        var sourceInfo = stat()
        var targetInfo = stat()
        XCTAssertEqual(stat(source.path, &sourceInfo), 0)
        XCTAssertEqual(stat(target.path, &targetInfo), 0)
        XCTAssertNotEqual(sourceInfo.st_ino, targetInfo.st_ino, "a copy, never a hard link")
    }

    func testKeepCopyRefusesBytesThatNoLongerMatchAndLeavesNothing() throws {
        let source = scratch.url("inbox/report.xml")
        try DurableFile.write(Data("changed since it was checked".utf8), to: source)
        let target = scratch.url("originals/ab/abcd")
        XCTAssertThrowsError(try DurableFile.keepCopy(of: try OpenFile.reading(source.path), sha256: SHA256Hex.of(Data("checked".utf8)),
                                                      size: 7, modified: 1, at: target)) { error in
            guard case KeepFailure.changed = error else { return XCTFail("expected .changed, got \(error)") }
        }
        XCTAssertEqual(scratch.allPaths(), ["inbox", "inbox/report.xml", "originals", "originals/ab"], "no kept file, no temporary")
    }

    func testDeferredWritesAreInPlaceAndSyncFileSystemsSucceeds() throws {
        let first = scratch.url("store/reports/a.json")
        let second = scratch.url("outbox/receipts/a.txt")
        try DurableFile.write(Data("a".utf8), to: first, sync: .deferred)
        try DurableFile.write(Data("b".utf8), to: second, sync: .deferred)
        try DurableFile.syncFileSystems(containing: [scratch.url("store"), scratch.url("outbox"), scratch.url("absent")])
        XCTAssertEqual(try Data(contentsOf: first), Data("a".utf8))
        XCTAssertEqual(try Data(contentsOf: second), Data("b".utf8))
        XCTAssertFalse(scratch.allPaths().contains { $0.contains(".tmp-") })
        try DurableFile.remove(first, sync: .deferred)
        XCTAssertFalse(FileManager.default.fileExists(atPath: first.path))
    }

    func testRemoveIsIdempotent() throws {
        let target = scratch.url("inbox/x.xml")
        try DurableFile.write(Data("x".utf8), to: target)
        try DurableFile.remove(target)
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.path))
        XCTAssertNoThrow(try DurableFile.remove(target), "removing a file already gone is not an error")
    }

    func testWriteIntoUnwritableFolderThrowsAndLeavesNothing() throws {
        guard getuid() != 0 else { throw XCTSkip("root ignores folder permissions") }
        let folder = scratch.url("locked")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path) }
        XCTAssertThrowsError(try DurableFile.write(Data("x".utf8), to: folder.appendingPathComponent("f")))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
    }
}
