import Foundation
import Synchronization
import XCTest

/// What a hostile sender or a careless operator can do to intake and the
/// store (issue 8), each through the real binary on real files: nothing
/// traps, nothing blocks intake, no figure changes silently.
final class IntegrityTests: XCTestCase {
    private let onTime = "2026-11-10T09:00:00+07:00"
    private var sample: String { (try? String(contentsOf: Baocao.fixtures.appendingPathComponent("sample-report.xml"), encoding: .utf8)) ?? "" }

    // MARK: 1. figures summed exactly, never trapping

    /// Ten thousand amounts of 10^15 đồng (each allowed) sum to 10^19, past
    /// a 64-bit integer: the sum is exact and consolidation finishes.
    func testSumsPastSixtyFourBitsAreExactAndNeverTrap() throws {
        let space = try Workspace()
        let many = String(repeating: "    <funding source=\"state-budget\" amount=\"1000000000000000\"/>\n", count: 10_000)
        let report = sample
            .replacingOccurrences(of: "    <funding source=\"state-budget\" amount=\"1250000000\"/>\n", with: many)
            .replacingOccurrences(of: "    <funding source=\"state-budget\" amount=\"640000000\"/>\n", with: "")
        try write(Data(report.utf8), named: "HVCL-2026.xml", in: space.inbox, received: onTime)
        let ingest = try space.ingest()
        XCTAssertEqual(results(try ingest.json()).first?.outcome, "accepted", ingest.summary)

        let consolidate = try space.run(["consolidate", "--year", "2026", "--as-of", "2026-12-01", "--json",
                                         "--store", space.store.path, "--outbox", space.outbox.path])
        XCTAssertEqual(consolidate.status, 0, consolidate.summary)
        XCTAssertTrue(consolidate.stdout.contains("\"state-budget\" : 10000000000000000000"),
                      "10,000 × 10^15 = 10^19, exactly: \(consolidate.stdout.prefix(2000))")
        let review = try space.run(["review", "--final", "--as-of", "2030-12-10", "--store", space.store.path, "--outbox", space.outbox.path])
        XCTAssertEqual(review.status, 0, review.summary)
    }

    // MARK: 2. a file name that is not UTF-8

    func testANameThatIsNotUTF8GetsItsReceiptAndTheRunGoesOn() throws {
        let space = try Workspace()
        let bad = Array("bao-cao-".utf8) + [0xE1] + Array("p.xml".utf8)
        try writeRaw(Data(), name: bad, in: space.inbox, received: onTime)
        try write(Data(sample.utf8), named: "HVCL-2026.xml", in: space.inbox, received: onTime)

        let run = try space.ingest()
        XCTAssertEqual(run.status, 1, "one file rejected, the run done: \(run.summary)")
        let all = results(try run.json())
        XCTAssertEqual(Set(all.compactMap(\.file)), ["bao-cao-\\xE1p.xml", "HVCL-2026.xml"], run.stdout)
        XCTAssertEqual(all.first { $0.file == "HVCL-2026.xml" }?.outcome, "accepted")
        XCTAssertEqual(all.first { $0.file == "bao-cao-\\xE1p.xml" }?.outcome, "rejected")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: space.inbox.path), [], "both taken")
        let receipts = try FileManager.default.contentsOfDirectory(atPath: space.outbox.appendingPathComponent("receipts").path)
        XCTAssertTrue(receipts.contains { $0.hasPrefix("bao-cao-\\xE1p.xml.") }, "\(receipts)")
        let again = try space.ingest()
        XCTAssertEqual(again.status, 0, again.summary)
    }

    // MARK: 3. the store owns its bytes

    /// Another link to the inbox file, written after acceptance, changes
    /// nothing the store kept: a bare report (kept from the checked bytes)
    /// and one over 256 KiB (which the store would otherwise take by a link).
    func testWritingThroughAnotherLinkAfterAcceptanceChangesNothingKept() throws {
        for padding in [0, 300 << 10] {
            let space = try Workspace()
            let inboxFile = try write(largeSample(padding), named: "HVCL-2026.xml", in: space.inbox, received: onTime)
            let elsewhere = space.root.appendingPathComponent("still-open.xml")
            try FileManager.default.linkItem(at: inboxFile, to: elsewhere)
            XCTAssertEqual(try space.ingest().status, 0)

            // The writer goes on writing in place, through its own link.
            try overwriteProgress(in: FileHandle(forUpdating: elsewhere), of: elsewhere)
            XCTAssertEqual(try acceptedProgress(space), 80, "the figure as it was accepted (padding \(padding))")
            XCTAssertNotEqual(try inode(keptOriginals(space).first!), try inode(elsewhere), "the store's own copy")
        }
    }

    /// An inbox file of ours with no other name, that no one has open for
    /// writing, becomes the store's original itself (no second copy of its
    /// bytes); its only name is then the store's, and no one else may write it.
    func testALargeInboxFileNoOneElseCanWriteIsKeptWithoutACopy() throws {
        try skipUnlessLeasesWork()
        let space = try Workspace()
        let inboxFile = try write(largeSample(300 << 10), named: "HVCL-2026.xml", in: space.inbox, received: onTime)
        try FileManager.default.setAttributes([.posixPermissions: 0o666], ofItemAtPath: inboxFile.path)
        let before = try inode(inboxFile)
        let ingest = try space.ingest()
        XCTAssertEqual(results(try ingest.json()).first?.outcome, "accepted", ingest.summary)
        let kept = try XCTUnwrap(keptOriginals(space).first)
        XCTAssertEqual(try inode(kept), before, "the inbox file itself, renamed into the store")
        let attributes = try FileManager.default.attributesOfItem(atPath: kept.path)
        XCTAssertEqual((attributes[.referenceCount] as? NSNumber)?.intValue, 1, "no name left outside the store")
        XCTAssertEqual(((attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1) & 0o022, 0, "writable by the store alone")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: space.inbox.path), [])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: space.store.appendingPathComponent("staging").path), [],
                       "nothing left in staging/")
        let verify = try space.run(["verify", "--store", space.store.path, "--outbox", space.outbox.path])
        XCTAssertEqual(verify.status, 0, verify.summary)
    }

    /// A large inbox file that some program still holds open for writing is
    /// copied, not linked: what it writes after acceptance changes nothing kept.
    func testALargeFileStillOpenForWritingIsCopiedAndItsWriterChangesNothingKept() throws {
        let space = try Workspace()
        let inboxFile = try write(largeSample(300 << 10), named: "HVCL-2026.xml", in: space.inbox, received: onTime)
        let writer = try FileHandle(forUpdating: inboxFile)
        let before = try inode(inboxFile)
        let ingest = try space.ingest()
        XCTAssertEqual(results(try ingest.json()).first?.outcome, "accepted", ingest.summary)
        try overwriteProgress(in: writer, of: space.store.appendingPathComponent("originals"), text: largeSample(300 << 10))
        XCTAssertEqual(try acceptedProgress(space), 80, "the figure as it was accepted")
        XCTAssertNotEqual(try inode(keptOriginals(space).first!), before, "a copy")
        let verify = try space.run(["verify", "--store", space.store.path, "--outbox", space.outbox.path])
        XCTAssertEqual(verify.status, 0, verify.summary)
    }

    /// A hostile writer that keeps opening large inbox files for writing
    /// throughout a run, writes in each, and puts its modification time
    /// back: whatever the timing, every file is kept
    /// with exactly the bytes that were checked (`verify` finds each kept
    /// file whole) or left for the next run.
    func testAWriterRacingIngestNeverChangesWhatWasKept() throws {
        let space = try Workspace()
        let files = try (0..<24).map { n in
            try write(largeSample(300 << 10, id: String(format: "00000000-0000-4000-8000-%012d", n)), named: "HVCL-\(n).xml",
                      in: space.inbox, received: onTime)
        }
        let stop = Atomic(false)
        let writes = Atomic(0)
        // One writer per file, trying every 50 to 400 ms: before the file is read, while it is, while it waits for its commit.
        for file in files {
            Thread {
                while !stop.load(ordering: .relaxed) {
                    usleep(UInt32.random(in: 50_000...400_000))
                    // Blocks while ingest holds a lease on it, then writes whatever the file is by then.
                    let fd = open(file.path, O_WRONLY | O_CLOEXEC)
                    guard fd >= 0 else { continue }
                    var info = stat()
                    fstat(fd, &info)
                    // White space into the padding: the report stays valid, its SHA-256 does not.
                    _ = pwrite(fd, "        ", 8, off_t(info.st_size) - 1000)
                    var times = [info.st_atim, info.st_mtim]
                    futimens(fd, &times)
                    close(fd)
                    writes.add(1, ordering: .relaxed)
                }
            }.start()
        }
        usleep(20_000)
        let ingest = try space.ingest()
        stop.store(true, ordering: .relaxed)
        XCTAssertEqual(ingest.status, 0, ingest.summary)
        XCTAssertGreaterThan(writes.load(ordering: .relaxed), 0)
        // A file written at the very moment its commit looked stays for the next run too (its bytes are new).
        let accounted = Set(results(try ingest.json()).filter { $0.outcome == "accepted" }.compactMap(\.file))
            .union(try FileManager.default.contentsOfDirectory(atPath: space.inbox.path))
        XCTAssertEqual(accounted, Set(files.map(\.lastPathComponent)), "each kept or left: \(ingest.summary)")
        let verify = try space.run(["verify", "--store", space.store.path, "--outbox", space.outbox.path])
        XCTAssertEqual(verify.status, 0, verify.summary)
    }

    /// A kept file changed in the store is caught on every read, by name.
    func testAKeptFileChangedInTheStoreStopsEveryReadThatUsesIt() throws {
        let space = try Workspace()
        try write(Data(sample.utf8), named: "HVCL-2026.xml", in: space.inbox, received: onTime)
        XCTAssertEqual(try space.ingest().status, 0)
        let original = try keptOriginals(space).first!
        let text = try String(contentsOf: original, encoding: .utf8).replacingOccurrences(of: "progress=\"80\"", with: "progress=\"99\"")
        try Data(text.utf8).write(to: original)

        let consolidate = try space.run(["consolidate", "--year", "2026", "--as-of", "2026-12-01",
                                         "--store", space.store.path, "--outbox", space.outbox.path])
        XCTAssertEqual(consolidate.status, 3, consolidate.summary)
        XCTAssertTrue(consolidate.stderr.contains(original.lastPathComponent), consolidate.stderr)
        XCTAssertTrue(consolidate.stderr.contains("SHA-256"), consolidate.stderr)
        assertPlain(consolidate)
        XCTAssertFalse(FileManager.default.fileExists(atPath: space.outbox.appendingPathComponent("2026/ministry-summary-2026.docx").path),
                       "no document from an altered file")

        let verify = try space.run(["verify", "--store", space.store.path, "--outbox", space.outbox.path])
        XCTAssertEqual(verify.status, 3, verify.summary)
        XCTAssertTrue(verify.stdout.contains(original.lastPathComponent), verify.stdout)
        XCTAssertFalse(verify.stderr.contains("không lường trước"), "the findings are the message: \(verify.stderr)")
    }

    /// A file changed in the last few seconds may still be being written: it waits.
    func testAFileChangedAMomentAgoWaitsForTheNextRun() throws {
        let space = try Workspace()
        let file = space.inbox.appendingPathComponent("HVCL-2026.xml")
        try Data(sample.utf8).write(to: file)
        let first = try space.ingest()
        XCTAssertEqual(first.status, 0, first.summary)
        XCTAssertEqual(results(try first.json()).count, 0)
        XCTAssertTrue(first.stderr.contains("HVCL-2026.xml") && first.stderr.contains("vài giây"), first.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: file.path), "left in the inbox")

        try Workspace.setReceived(file, onTime)
        let second = try space.ingest()
        XCTAssertEqual(results(try second.json()).first?.outcome, "accepted", second.summary)
    }

    // MARK: 4. a damaged ledger never passes for a smaller store

    func testATornLastLineIsNeverCutAndVerifyRepairRestoresTheStore() throws {
        try damageAndRepair { ledger in
            let data = try Data(contentsOf: ledger)
            let lines = data.split(separator: 0x0A)
            let last = lines.last!
            try Data(data.prefix(data.count - last.count / 2 - 1)).write(to: ledger)
        }
    }

    func testALedgerCutAtALineBoundaryIsNoticed() throws {
        try damageAndRepair { ledger in
            let lines = try Data(contentsOf: ledger).split(separator: 0x0A)
            try Data(lines.prefix(5).joined(separator: [0x0A]) + [0x0A]).write(to: ledger)
        }
    }

    func testAnEmptiedLedgerIsNoticed() throws {
        try damageAndRepair { ledger in try Data().write(to: ledger) }
    }

    func testADeletedLedgerIsNoticed() throws {
        try damageAndRepair { ledger in try FileManager.default.removeItem(at: ledger) }
    }

    func testASoundStoreVerifies() throws {
        let space = try Workspace.withSampleInbox()
        _ = try space.ingest()
        let verify = try space.run(["verify", "--store", space.store.path, "--outbox", space.outbox.path])
        XCTAssertEqual(verify.status, 0, verify.summary)
        XCTAssertTrue(verify.stdout.contains("nguyên vẹn"), verify.stdout)
    }

    /// Ingests the sample inbox, damages the ledger, and checks that every
    /// reader and the next ingest refuse with a plain message and change
    /// nothing; then `verify --repair` gives back the same figures.
    private func damageAndRepair(_ damage: (URL) throws -> Void, line: UInt = #line) throws {
        let space = try Workspace.withSampleInbox()
        XCTAssertEqual(try space.ingest().status, 0, line: line)
        let store = ["--store", space.store.path, "--outbox", space.outbox.path]
        let statusBefore = try space.run(["status", "--year", "2026", "--as-of", "2026-12-01", "--json"] + store)
        XCTAssertEqual(statusBefore.status, 0, line: line)
        let ledger = space.store.appendingPathComponent("ledger.jsonl")

        try damage(ledger)
        let damaged = try? Data(contentsOf: ledger)
        for command in [["status", "--year", "2026"], ["consolidate", "--year", "2026"], ["remind", "--year", "2026"],
                        ["review", "--final"], ["ingest", "--inbox", space.inbox.path]] {
            let run = try space.run(command + ["--as-of", "2026-12-01"] + store)
            XCTAssertEqual(run.status, 3, "\(command[0]) on a damaged ledger: \(run.summary)", line: line)
            XCTAssertTrue(run.stderr.contains("verify --repair"), "\(command[0]) says what to do: \(run.stderr)", line: line)
            assertPlain(run, line: line)
        }
        XCTAssertEqual(try? Data(contentsOf: ledger), damaged, "nothing cut or written by any command", line: line)
        let verify = try space.run(["verify"] + store)
        XCTAssertEqual(verify.status, 3, verify.summary, line: line)

        let repair = try space.run(["verify", "--repair"] + store)
        XCTAssertEqual(repair.status, 0, repair.summary, line: line)
        XCTAssertEqual(try space.run(["verify"] + store).status, 0, line: line)
        let statusAfter = try space.run(["status", "--year", "2026", "--as-of", "2026-12-01", "--json"] + store)
        XCTAssertEqual(statusAfter.status, 0, statusAfter.summary, line: line)
        XCTAssertEqual(statusAfter.stdout, statusBefore.stdout, "the same store again", line: line)
    }

    // MARK: 5, 6. messages for people; control characters never reach a terminal

    func testControlCharactersInANameAreEscapedEverywhere() throws {
        let space = try Workspace()
        let name = "\u{1B}]0;pwned\u{07}\u{1B}[31m red\nline.xml"
        try write(Data("<report".utf8), named: name, in: space.inbox, received: onTime)
        let run = try space.run(["ingest", "--inbox", space.inbox.path, "--store", space.store.path, "--outbox", space.outbox.path])
        XCTAssertEqual(run.status, 1, run.summary)
        for output in [run.stdout, run.stderr] {
            XCTAssertFalse(output.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" }, output)
        }
        XCTAssertTrue(run.stdout.contains("\\x1B]0;pwned\\x07\\x1B[31m red\\x0Aline.xml"), run.stdout)
        for folder in [space.outbox.appendingPathComponent("receipts"), space.store] {
            for path in FileManager.default.subpaths(atPath: folder.path) ?? [] {
                XCTAssertFalse(path.unicodeScalars.contains { $0.value < 0x20 }, "a name the program wrote: \(path.debugDescription)")
            }
        }
        let receipt = try XCTUnwrap(FileManager.default.subpaths(atPath: space.outbox.appendingPathComponent("receipts").path)?
            .first { $0.hasSuffix(".txt") })
        let text = try String(contentsOf: space.outbox.appendingPathComponent("receipts/\(receipt)"), encoding: .utf8)
        XCTAssertFalse(text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" }, text)
    }

    // MARK: 7. an oversized file, and a quarantine that cannot keep it

    func testAnInputTheStoreCannotKeepNeverBlocksTheOthers() throws {
        let space = try Workspace()
        let big = space.inbox.appendingPathComponent("big.zip")
        XCTAssertTrue(FileManager.default.createFile(atPath: big.path, contents: Data("PK\u{03}\u{04}".utf8)))
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 256 << 20)  // 256 MiB, sparse
        try handle.close()
        try Workspace.setReceived(big, onTime)
        try write(Data(sample.utf8), named: "HVCL-2026.xml", in: space.inbox, received: onTime)
        // The quarantine cannot be written (a file where its folder should be).
        try FileManager.default.createDirectory(at: space.store, withIntermediateDirectories: true)
        try Data().write(to: space.store.appendingPathComponent("quarantine"))

        let run = try space.ingest(extra: ["--max-size-mib", "1"])
        XCTAssertEqual(run.status, 3, "the store failed to keep one input: \(run.summary)")
        XCTAssertEqual(results(try run.json()).map(\.outcome), ["accepted"], "the valid file is not blocked")
        XCTAssertTrue(run.stderr.contains("big.zip") && run.stderr.contains("Không lưu được"), run.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: big.path), "left in the inbox, nothing lost")

        // Quarantine usable again: refused unread, kept whole, memory flat.
        try FileManager.default.removeItem(at: space.store.appendingPathComponent("quarantine"))
        let measured = try measureRSS(space, ["ingest", "--json", "--inbox", space.inbox.path, "--store", space.store.path,
                                              "--outbox", space.outbox.path, "--keys", space.keys.path, "--max-size-mib", "1"])
        XCTAssertEqual(measured.run.status, 1, measured.run.summary)
        XCTAssertEqual(results(try measured.run.json()).first?.codes, ["BUNDLE_LIMIT"])
        let kept = try XCTUnwrap(FileManager.default.subpaths(atPath: space.store.appendingPathComponent("quarantine").path)?
            .first { $0.hasSuffix("/big.zip") })
        let size = try FileManager.default.attributesOfItem(atPath: space.store.appendingPathComponent("quarantine/\(kept)").path)[.size] as? Int
        XCTAssertEqual(size, 256 << 20)
        if let rss = measured.peakMiB { XCTAssertLessThan(rss, 128, "a 256 MiB file is streamed, never held") }
    }

    // MARK: 8. two stores, one inbox

    func testTwoIngestsWithTwoStoresOnOneInboxNeverTakeTheSameFile() throws {
        let space = try Workspace()
        for n in 0..<40 {
            let report = sample.replacingOccurrences(of: "uuid:3f6c1d2a-8b4e-4c7f-9a15-2e7d0b6c9f41", with: "HVCL-two-stores-\(n)")
            try write(Data(report.utf8), named: String(format: "HVCL-%02d.xml", n), in: space.inbox, received: onTime)
        }
        let processes = try ["StoreA", "StoreB"].map { store -> (Process, URL) in
            let output = space.root.appendingPathComponent("\(store).json")
            _ = FileManager.default.createFile(atPath: output.path, contents: nil)
            let process = Process()
            process.executableURL = try Baocao.executable()
            process.arguments = ["ingest", "--json", "--inbox", space.inbox.path, "--store", space.root.appendingPathComponent(store).path,
                                 "--outbox", space.root.appendingPathComponent("Outbox-\(store)").path]
            process.standardOutput = try FileHandle(forWritingTo: output)
            process.standardError = FileHandle.nullDevice
            try process.run()
            return (process, output)
        }
        var taken: [String] = []
        for (process, output) in processes {
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0)
            let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any])
            taken += results(object).compactMap(\.file)
        }
        XCTAssertEqual(taken.count, 40, "each file once, in one store or the other")
        XCTAssertEqual(Set(taken).count, 40)
    }

    // MARK: 9. a file deleted by someone else during a run

    /// Whatever the timing, a file reported as left in the inbox is there,
    /// and one that is gone is never reported as left.
    func testAFileDeletedDuringARunIsNeverReportedAsLeftInTheInbox() throws {
        let space = try Workspace()
        var names: [String] = []
        for n in 0..<200 {
            let name = String(format: "HVCL-%03d.xml", n)
            let report = sample.replacingOccurrences(of: "uuid:3f6c1d2a-8b4e-4c7f-9a15-2e7d0b6c9f41", with: "HVCL-deleted-\(n)")
            try write(Data(report.utf8), named: name, in: space.inbox, received: onTime)
            names.append(name)
        }
        let process = Process()
        process.executableURL = try Baocao.executable()
        process.arguments = ["ingest", "--inbox", space.inbox.path, "--store", space.store.path, "--outbox", space.outbox.path]
        let errors = space.root.appendingPathComponent("stderr.txt")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errors)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        for name in names.reversed() {
            try? FileManager.default.removeItem(at: space.inbox.appendingPathComponent(name))
            usleep(500)
        }
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        let stderr = try String(contentsOf: errors, encoding: .utf8)
        let remaining = Set(try FileManager.default.contentsOfDirectory(atPath: space.inbox.path))
        for line in stderr.split(separator: "\n") where line.hasPrefix("Để lại ") {
            let name = String(line.dropFirst("Để lại ".count).prefix(12))
            XCTAssertTrue(remaining.contains(name), "reported as left but gone: \(line)")
        }
    }

    // MARK: support

    @discardableResult
    private func write(_ data: Data, named name: String, in folder: URL, received: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try data.write(to: url)
        try Workspace.setReceived(url, received)
        return url
    }

    /// A file whose name is any bytes, which `FileManager` cannot make.
    private func writeRaw(_ data: Data, name: [UInt8], in folder: URL, received: String) throws {
        let path = Array(folder.path.utf8) + [UInt8(ascii: "/")] + name + [0]
        let fd = path.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { open($0, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        }
        XCTAssertGreaterThanOrEqual(fd, 0)
        _ = data.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        let seconds = Int(Workspace.date(received)!.timeIntervalSince1970)
        var times = [timespec(tv_sec: seconds, tv_nsec: 0), timespec(tv_sec: seconds, tv_nsec: 0)]
        XCTAssertEqual(futimens(fd, &times), 0)
        close(fd)
    }

    /// The sample report (with its own id when given), padded past 256 KiB
    /// with trailing white space (still well-formed) when `padding` > 0.
    private func largeSample(_ padding: Int, id: String? = nil) -> Data {
        var text = sample
        if let id, let range = text.range(of: #"\bid="uuid:[^"]*""#, options: .regularExpression) {
            text.replaceSubrange(range, with: "id=\"uuid:\(id)\"")
        }
        return Data(text.utf8) + Data(repeating: 0x0A, count: padding)
    }

    /// Writes `progress="99"` over the sample's `progress="80"` through `handle`.
    private func overwriteProgress(in handle: FileHandle, of url: URL, text: Data? = nil) throws {
        let bytes = try text ?? Data(contentsOf: url)
        let offset = try XCTUnwrap(bytes.firstRange(of: Data("progress=\"80\"".utf8))).lowerBound
        try handle.seek(toOffset: UInt64(offset))
        try handle.write(contentsOf: Data("progress=\"99\"".utf8))
        try handle.close()
    }

    /// Task 2.3.8's progress as `consolidate` reads it from the store.
    private func acceptedProgress(_ space: Workspace) throws -> Int? {
        let consolidate = try space.run(["consolidate", "--year", "2026", "--as-of", "2026-12-01", "--json",
                                         "--store", space.store.path, "--outbox", space.outbox.path])
        XCTAssertEqual(consolidate.status, 0, consolidate.summary)
        let tasks = try XCTUnwrap(try consolidate.json()["tasks"] as? [[String: Any]])
        return tasks.first { $0["code"] as? String == "2.3.8" }?["progress"] as? Int
    }

    private func inode(_ url: URL) throws -> UInt64 {
        var info = stat()
        guard stat(url.path, &info) == 0 else { throw CocoaError(.fileNoSuchFile) }
        return UInt64(info.st_ino)
    }

    /// Leases (F_SETLEASE) on a file of the test's own in the temporary
    /// directory; where the kernel or file system has none, ingest copies
    /// and the no-copy test has nothing to see.
    private func skipUnlessLeasesWork() throws {
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("baocao-lease-\(UUID().uuidString)")
        try Data("x".utf8).write(to: probe)
        defer { try? FileManager.default.removeItem(at: probe) }
        let fd = open(probe.path, O_RDONLY)
        defer { close(fd) }
        let setLease: Int32 = 1024  // F_SETLEASE, a _GNU_SOURCE constant Swift does not import
        signal(SIGIO, SIG_IGN)
        guard fcntl(fd, setLease, Int32(F_RDLCK)) == 0 else { throw XCTSkip("no file leases here (errno \(errno)): ingest copies") }
    }

    private func keptOriginals(_ space: Workspace) throws -> [URL] {
        let root = space.store.appendingPathComponent("originals")
        return (FileManager.default.subpaths(atPath: root.path) ?? []).filter { $0.split(separator: "/").last?.count == 64 }
            .map { root.appendingPathComponent($0) }
    }

    /// No Swift dump, no English error domain, no debug description.
    private func assertPlain(_ run: Baocao.Run, line: UInt = #line) {
        for marker in ["DecodingError", "CommandFailure", "Error Domain", "Optional(", "XMLParseFailure", "StoreError("] {
            XCTAssertFalse(run.stderr.contains(marker), "\(marker) in: \(run.stderr)", line: line)
        }
    }

    /// Runs baocao under GNU time; the peak resident set in MiB when time is there.
    private func measureRSS(_ space: Workspace, _ arguments: [String]) throws -> (run: Baocao.Run, peakMiB: Double?) {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else { return (try space.run(arguments), nil) }
        let log = space.root.appendingPathComponent("time.log")
        let run = try Baocao.run(arguments, in: space.root, wrapper: ["/usr/bin/time", "-v", "-o", log.path])
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        let kib = text.split(separator: "\n").first { $0.contains("Maximum resident set size") }?
            .split(separator: ":").last.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        return (run, kib.map { $0 / 1024 })
    }
}
