#if canImport(Glibc)
import Glibc
#endif
import Foundation
import ReportModel
import Store
import XCTest

/// Kills `baocao ingest` with SIGKILL at many points, reruns it to the end,
/// and checks the store is exactly what one uninterrupted run makes.
final class CrashSafetyTests: XCTestCase {
    /// One input file: its name, bytes, mtime and (independently computed) SHA-256.
    struct Input {
        var name: String
        var bytes: Data
        var received: Date
        var sha256 = ""
    }

    /// ~70 files, so a run spans several batches: accepted reports,
    /// byte-identical duplicates (in the same batch and across batches), a
    /// superseding report, ID_CONFLICT, SUPERSEDES_UNKNOWN, malformed XML
    /// (twice, same bytes), an unknown unit, inputs over 256 KiB (kept
    /// through staging/), and a late report.
    static func makeInbox() throws -> [Input] {
        var inputs: [Input] = []
        var minute = 0
        func add(_ label: String, _ bytes: Data) {
            inputs.append(Input(name: String(format: "%03d-%@.xml", minute, label), bytes: bytes, received: Instant.early(minute)))
            minute += 1
        }
        for i in 0..<62 {
            add("HVCL-\(i)", Sample.report(id: "CR-\(i)", trainees: 100 + i))
            switch i {
            case 4: add("dup-of-3", Sample.report(id: "CR-3", trainees: 103))
            case 9: add("supersedes-5", Sample.report(id: "CR-5b", supersedes: "CR-5", trainees: 555))
            case 14: add("supersedes-nothing", Sample.report(id: "CR-orphan", supersedes: "CR-none", trainees: 556))
            case 20: add("id-conflict-7", Sample.report(id: "CR-7", trainees: 777))
            case 27: add("malformed", Sample.malformed("CR-bad"))
            case 38: add("malformed-again", Sample.malformed("CR-bad"))
            case 44: add("unit-unknown", Sample.report(id: "CR-nounit", unit: "NOPE", trainees: 558))
            case 50: add("dup-of-33", Sample.report(id: "CR-33", trainees: 133))
            case 55:
                // Over 256 KiB (trailing white space is well-formed): written to
                // staging/ while checked, then renamed into place.
                let padding = Data(repeating: 0x0A, count: 300 << 10)
                add("large", Sample.report(id: "CR-large", trainees: 321) + padding)
                add("large-dup", Sample.report(id: "CR-large", trainees: 321) + padding)
                add("large-malformed", Sample.malformed("CR-bad-large") + padding)
            default: break
            }
        }
        inputs.append(Input(name: "zzz-late.xml", bytes: Sample.report(id: "CR-late", trainees: 999),
                            received: Instant.at("2026-11-16T08:00:00+07:00")))
        try fillSHA256(&inputs)
        return inputs
    }

    /// SHA-256 by the system's `sha256sum`, not the product's own code.
    static func fillSHA256(_ inputs: inout [Input]) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("baocao-sha-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for input in inputs { try input.bytes.write(to: folder.appendingPathComponent(input.name)) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum"] + inputs.map { folder.appendingPathComponent($0.name).path }
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let sums = output.split(separator: "\n").map { $0.split(separator: " ", maxSplits: 1) }
        XCTAssertEqual(sums.count, inputs.count, "sha256sum output")
        for (n, sum) in sums.enumerated() { inputs[n].sha256 = String(sum[0]) }
    }

    static func fill(_ ws: Workspace, with inputs: [Input]) throws {
        for input in inputs { try ws.drop(input.name, input.bytes, received: input.received) }
    }

    /// Starts an ingest, kills it with SIGKILL after `delay` seconds (if still running).
    static func killedRun(_ ws: Workspace, after delay: TimeInterval) throws {
        let process = try Binary.start(Binary.ingestArguments(ws))
        if delay > 0 { usleep(UInt32(delay * 1_000_000)) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    static func temporaries(in folder: URL) -> [String] {
        Workspace.snapshot(folder).keys.filter {
            let name = ($0 as NSString).lastPathComponent
            return name.hasPrefix(".") && name.contains(".tmp-")
        }.sorted()
    }

    /// Inbox and store on one file system: originals are hard links.
    func testKilledAnywhereARerunEndsAsOneUninterruptedRun() throws {
        try killAndRerun(inboxParent: nil)
    }

    /// Inbox on another file system: originals are copied (temporary + rename).
    func testKilledAnywhereWithTheInboxOnAnotherFileSystem() throws {
        guard let elsewhere = Workspace.otherFileSystem else { throw XCTSkip("no second writable file system (/dev/shm)") }
        try killAndRerun(inboxParent: elsewhere)
    }

    private func killAndRerun(inboxParent: URL?) throws {
        let inputs = try Self.makeInbox()
        let byName = Dictionary(uniqueKeysWithValues: inputs.map { ($0.name, $0) })

        // The reference: one run, never interrupted.
        let reference = try Workspace("crash-reference", inboxParent: inboxParent)
        defer { reference.remove() }
        try Self.fill(reference, with: inputs)
        var started = Date()
        let full = try Binary.run(Binary.ingestArguments(reference, json: true))
        var fullRun = Date().timeIntervalSince(started)
        XCTAssertEqual(full.status, 1, "some input is rejected: \(full.stderr)")
        // Time two more full runs and keep the shortest, so the kill points cover a run.
        for n in 0..<2 {
            let timing = try Workspace("crash-timing-\(n)", inboxParent: inboxParent)
            defer { timing.remove() }
            try Self.fill(timing, with: inputs)
            started = Date()
            _ = try Binary.run(Binary.ingestArguments(timing))
            fullRun = min(fullRun, Date().timeIntervalSince(started))
        }
        let referenceLedger = try reference.ledger()
        try checkOutcomesOfReference(referenceLedger, inputs: inputs)
        let referenceStore = Self.storeSnapshot(reference)
        let referenceOutbox = Workspace.snapshot(reference.outbox)
        XCTAssertEqual(problems(in: reference, inputs: byName, reference: referenceLedger), [])

        // Kill points: a tight set of early ones, then spread over a whole run.
        let early: [TimeInterval] = [0, 0.001, 0.002, 0.004, 0.006, 0.01, 0.015, 0.02, 0.03, 0.045]
        let spread = (0..<30).map { fullRun * (0.25 + 0.8 * Double($0) / 29) }
        var report: [String] = []
        var landed = (none: 0, partial: 0, all: 0)
        var leftoversAfterKill = 0
        for (n, delay) in (early + spread).enumerated() {
            let ws = try Workspace("crash-\(n)", inboxParent: inboxParent)
            defer { ws.remove() }
            try Self.fill(ws, with: inputs)
            try Self.killedRun(ws, after: delay)
            var label = String(format: "kill #%d at %.1f ms", n, delay * 1000)
            if n % 3 == 2 {
                // Killed twice in a row: the first rerun dies too.
                let second = fullRun * Double((n * 7) % 10) / 10
                try Self.killedRun(ws, after: second)
                label += String(format: ", then at %.1f ms", second * 1000)
            }
            let committed = (try? LedgerFile(url: ws.layout.ledger).load().records.count) ?? -1
            if committed <= 0 { landed.none += 1 } else if committed < inputs.count { landed.partial += 1 } else { landed.all += 1 }
            if !(Self.temporaries(in: ws.store) + Self.temporaries(in: ws.outbox)).isEmpty { leftoversAfterKill += 1 }

            let rerun = try Binary.run(Binary.ingestArguments(ws, json: true))
            if ![0, 1].contains(rerun.status) {
                report.append("\(label): rerun exit status \(rerun.status): \(rerun.stderr)")
                continue
            }
            for problem in problems(in: ws, inputs: byName, reference: referenceLedger) { report.append("\(label): \(problem)") }
            let store = Self.storeSnapshot(ws)
            if store != referenceStore {
                let paths = Set(store.keys).symmetricDifference(referenceStore.keys).sorted()
                let changed = store.keys.filter { referenceStore[$0] != nil && referenceStore[$0] != store[$0] }.sorted()
                report.append("\(label): store differs from the uninterrupted run; only on one side: \(paths.prefix(6)); different bytes: \(changed.prefix(6))")
            }
            let outbox = Workspace.snapshot(ws.outbox)
            if outbox != referenceOutbox {
                let paths = Set(outbox.keys).symmetricDifference(referenceOutbox.keys).sorted()
                report.append("\(label): outbox differs from the uninterrupted run; only on one side: \(paths.prefix(6))")
            }
        }
        print(String(format: "crash test (%@, inbox %@): full run %.0f ms; kills landed before any commit %d, mid-run %d, after the last commit %d; runs with temporaries left by the kill: %d",
                     (try Binary.locate()).path, inboxParent == nil ? "beside the store" : "on another file system", fullRun * 1000, landed.none, landed.partial, landed.all, leftoversAfterKill))
        XCTAssertTrue(report.isEmpty, "\(report.count) problems after kill + rerun:\n" + report.prefix(30).joined(separator: "\n"))
    }

    /// The reference run itself says what the spec says.
    private func checkOutcomesOfReference(_ ledger: [LedgerRecord], inputs: [Input]) throws {
        let outcome = Dictionary(uniqueKeysWithValues: ledger.map { ($0.receipt.file, $0.receipt) })
        func of(_ label: String) -> Receipt? { outcome.first { $0.key.hasSuffix("-\(label).xml") }?.value }
        XCTAssertEqual(of("dup-of-3")?.outcome, .duplicate)
        XCTAssertEqual(of("dup-of-33")?.outcome, .duplicate)
        XCTAssertEqual(of("supersedes-5")?.outcome, .accepted)
        XCTAssertEqual(of("supersedes-nothing")?.codes.filter { $0 != "TASK_MISSING" }, ["SUPERSEDES_UNKNOWN"])
        XCTAssertEqual(of("id-conflict-7")?.codes.filter { $0 != "TASK_MISSING" }, ["ID_CONFLICT"])
        XCTAssertEqual(of("malformed")?.codes, ["XML_MALFORMED"])
        XCTAssertEqual(of("malformed-again")?.outcome, .rejected)
        XCTAssertEqual(of("unit-unknown")?.outcome, .rejected)
        XCTAssertEqual(outcome["zzz-late.xml"]?.late, true)
        XCTAssertEqual(outcome["zzz-late.xml"]?.outcome, .accepted)
        XCTAssertEqual(of("large")?.outcome, .accepted)
        XCTAssertEqual(of("large-dup")?.outcome, .duplicate)
        XCTAssertEqual(of("large-malformed")?.codes, ["XML_MALFORMED"])
        XCTAssertEqual(ledger.filter { $0.receipt.outcome == .accepted }.count, 62 + 1 + 1 + 1)
        XCTAssertEqual(ledger.filter { $0.receipt.outcome == .duplicate }.count, 3)
        XCTAssertEqual(ledger.filter { $0.receipt.outcome == .rejected }.count, 6)
        XCTAssertEqual(ledger.count, inputs.count)
    }

    /// The store's files except the lock, which every run opens.
    static func storeSnapshot(_ ws: Workspace) -> [String: Data] {
        Workspace.snapshot(ws.store).filter { $0.key != "lock" }
    }

    /// Everything that must hold once a run has finished, whatever came before.
    private func problems(in ws: Workspace, inputs: [String: Input], reference: [LedgerRecord]) -> [String] {
        var found: [String] = []
        if !ws.inboxNames.isEmpty { found.append("inbox not empty: \(ws.inboxNames.prefix(5))") }

        guard let raw = FileManager.default.contents(atPath: ws.layout.ledger.path) else { return found + ["no ledger"] }
        if raw.last != 0x0A { found.append("ledger does not end with a whole line") }
        let ledger: [LedgerRecord]
        do { ledger = try LedgerFile(url: ws.layout.ledger).load().records } catch { return found + ["ledger does not parse: \(error)"] }
        if raw.split(separator: 0x0A).count != ledger.count { found.append("ledger has lines that are not records") }

        var seen: [String: Int] = [:]
        for record in ledger { seen[record.receipt.file, default: 0] += 1 }
        let twice = seen.filter { $0.value > 1 }.keys.sorted()
        if !twice.isEmpty { found.append("in the ledger more than once: \(twice.prefix(5))") }
        let missing = Set(inputs.keys).subtracting(seen.keys).sorted()
        if !missing.isEmpty { found.append("never in the ledger: \(missing.prefix(5))") }
        if ledger.map(\.sequence) != Array(0..<ledger.count).map({ $0 + 1 }) {
            found.append("sequences are not 1…\(ledger.count)")
        }
        if ledger != reference {
            let expected = Dictionary(uniqueKeysWithValues: reference.map { ($0.receipt.file, $0) })
            let differing = ledger.filter { expected[$0.receipt.file] != $0 }
            let detail = differing.prefix(3).map { r in
                "\(r.receipt.file): \(r.receipt.outcome.rawValue) \(r.receipt.codes) seq \(r.sequence) vs \(expected[r.receipt.file].map { "\($0.receipt.outcome.rawValue) \($0.receipt.codes) seq \($0.sequence)" } ?? "absent")"
            }
            found.append("ledger differs from the uninterrupted run in \(differing.count) records: \(detail)")
        }

        for record in ledger {
            let receipt = record.receipt
            guard let input = inputs[receipt.file] else { found.append("ledger names an unknown file \(receipt.file)"); continue }
            if receipt.sha256 != input.sha256 { found.append("\(receipt.file): ledger sha256 \(receipt.sha256) is not the file's \(input.sha256)") }
            switch receipt.outcome {
            case .accepted:
                let original = ws.layout.original(input.sha256)
                if FileManager.default.contents(atPath: original.path) != input.bytes {
                    found.append("\(receipt.file): originals/\(input.sha256.prefix(2))/\(input.sha256) missing or not its bytes")
                }
                if record.kept != ws.layout.relative(original) { found.append("\(receipt.file): kept is \(record.kept ?? "nil")") }
            case .rejected:
                let folder = ws.layout.quarantine(input.sha256)
                if FileManager.default.contents(atPath: folder.appendingPathComponent(receipt.file).path) != input.bytes {
                    found.append("\(receipt.file): not in quarantine/\(input.sha256)/ with its bytes")
                }
                let kept = (try? Data(contentsOf: folder.appendingPathComponent(receipt.file + ".receipt.json"))).flatMap { try? JSONDecoder().decode(Receipt.self, from: $0) }
                if kept?.outcome != .rejected || kept?.sha256 != input.sha256 { found.append("\(receipt.file): no rejected NAME.receipt.json beside it in quarantine") }
            case .duplicate:
                if record.kept != nil { found.append("\(receipt.file): a duplicate kept bytes at \(record.kept!)") }
            }
            let base = ws.outbox.appendingPathComponent("receipts/\(receipt.file).\(input.sha256.prefix(12))")
            let written = (try? Data(contentsOf: base.appendingPathExtension("json"))).flatMap { try? JSONDecoder().decode(Receipt.self, from: $0) }
            if written != receipt { found.append("\(receipt.file): outbox receipt missing or not the ledger's") }
            if !FileManager.default.fileExists(atPath: base.appendingPathExtension("txt").path) { found.append("\(receipt.file): no .txt receipt") }
        }

        let leftovers = Self.temporaries(in: ws.store) + Self.temporaries(in: ws.outbox)
        if !leftovers.isEmpty { found.append("temporary files left behind: \(leftovers.prefix(4))") }
        return found
    }
}
