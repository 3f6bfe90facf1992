import Foundation
import XCTest

/// The 2026 sample inbox (Fixtures/inbox-2026): one annual report for every
/// lead unit, staged with scripts/stage-inbox, ingested as the demo does
/// (the sample keyring inside the store, no --keys).
final class SampleInboxTests: XCTestCase {
    private var inboxFixtures: URL { Baocao.fixtures.appendingPathComponent("inbox-2026") }

    /// name → received, from Fixtures/inbox-2026.received.
    private func receivedTimes() throws -> [String: String] {
        let text = try String(contentsOf: Baocao.fixtures.appendingPathComponent("inbox-2026.received"), encoding: .utf8)
        var times: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t").map(String.init)
            if fields.count == 2 { times[fields[0].precomposedStringWithCanonicalMapping] = fields[1] }
        }
        return times
    }

    /// (name, size, mtime) of every fixture file: what "untouched" means.
    private func snapshot() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: inboxFixtures.path).sorted().map { name in
            let a = try FileManager.default.attributesOfItem(atPath: inboxFixtures.appendingPathComponent(name).path)
            return "\(name) \(a[.size] ?? "") \((a[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
        }
    }

    /// Stages the inbox with the project's script and installs the keyring in the store.
    private func stagedWorkspace() throws -> Workspace {
        let space = try Workspace()
        let staged = try Baocao.script("scripts/stage-inbox", [inboxFixtures.path, space.inbox.path])
        XCTAssertEqual(staged.status, 0, staged.summary)
        let keys = space.store.appendingPathComponent("keys")
        try FileManager.default.createDirectory(at: keys, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: Baocao.fixtures.appendingPathComponent("keys").path) {
            try FileManager.default.copyItem(at: Baocao.fixtures.appendingPathComponent("keys/\(name)"), to: keys.appendingPathComponent(name))
        }
        return space
    }

    func testEveryLeadUnitHasOneReportAndEveryFileAReceivedTime() throws {
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: inboxFixtures.path).map { $0.precomposedStringWithCanonicalMapping })
        XCTAssertEqual(files, Set(sampleInbox.values.map { $0.precomposedStringWithCanonicalMapping }))
        XCTAssertEqual(Set(try receivedTimes().keys), files, "Fixtures/inbox-2026.received must name every file, and only those")
    }

    func testStageInboxSetsReceivedTimesAndLeavesTheFixturesAlone() throws {
        let before = try snapshot()
        let space = try stagedWorkspace()
        XCTAssertEqual(try snapshot(), before, "stage-inbox changed Fixtures/inbox-2026")
        for (name, received) in try receivedTimes() {
            let staged = space.inbox.appendingPathComponent(name)
            let attributes = try FileManager.default.attributesOfItem(atPath: staged.path)
            XCTAssertEqual((attributes[.modificationDate] as? Date)?.timeIntervalSince1970.rounded(.down),
                           Workspace.date(received)?.timeIntervalSince1970, "\(name): mtime")
            XCTAssertEqual(FileManager.default.contents(atPath: staged.path),
                           FileManager.default.contents(atPath: inboxFixtures.appendingPathComponent(name).path), "\(name): bytes")
        }
        let usage = try Baocao.script("scripts/stage-inbox", [inboxFixtures.path])
        XCTAssertNotEqual(usage.status, 0, "stage-inbox with one argument must fail")
    }

    func testTheWholeInboxIsAcceptedAndOnlyTheLateOneIsLate() throws {
        let before = try snapshot()
        let space = try stagedWorkspace()
        let run = try space.ingest(withKeyring: false)
        XCTAssertEqual(run.status, 0, run.summary)
        let all = results(try run.json())
        XCTAssertEqual(all.count, sampleInbox.count, run.stdout)
        let times = try receivedTimes()
        for (unit, name) in sampleInbox {
            guard let r = all.first(where: { $0.file?.precomposedStringWithCanonicalMapping == name.precomposedStringWithCanonicalMapping }) else {
                XCTFail("\(name): no result"); continue
            }
            XCTAssertEqual(r.outcome, "accepted", "\(name): \(r.diagnostics)")
            XCTAssertEqual(r.unit, unit, name)
            XCTAssertEqual(r.errors.count, 0, "\(name): \(r.diagnostics)")
            XCTAssertFalse(r.codes.contains("TASK_MISSING"), "\(name): a due task is missing: \(r.diagnostics)")
            XCTAssertEqual(r.codes, unit == lateUnit ? ["LATE"] : [], "\(name): \(r.diagnostics)")
            XCTAssertEqual(r.late, unit == lateUnit, name)
            XCTAssertEqual(r.received, times[name.precomposedStringWithCanonicalMapping], "\(name): received")
        }
        XCTAssertEqual(try snapshot(), before, "ingest changed Fixtures/inbox-2026")

        // The status board: every lead unit on time but the late one; 2.1.1 overdue (behind schedule, due 2026-04).
        let status = try space.run(["status", "--year", "2026", "--as-of", "2026-12-01", "--store", space.store.path, "--json"])
        XCTAssertEqual(status.status, 0, status.summary)
        let board = try status.json()
        let units = board["units"] as? [[String: Any]] ?? []
        for unit in sampleInbox.keys {
            let state = units.first { $0["unit"] as? String == unit }?["state"] as? String
            XCTAssertEqual(state, unit == lateUnit ? "late" : "on-time", "status of \(unit)")
        }
        let overdue = (board["overdueTasks"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        XCTAssertTrue(overdue.contains("2.1.1"), "2.1.1 is behind schedule past its 2026-04 deadline: overdue \(overdue)")
        for done in ["1.1", "2.2.2"] {
            XCTAssertFalse(overdue.contains(done), "\(done) is completed, not overdue: \(overdue)")
        }
        let text = try space.run(["status", "--year", "2026", "--as-of", "2026-12-01", "--store", space.store.path])
        XCTAssertEqual(text.status, 0, text.summary)
        XCTAssertTrue(text.stdout.contains("NATIF"), text.stdout)

        // 2027: VTF's one-off task 2.2.2 was completed in 2026, so VTF owes nothing;
        // CDSQG's 2.1.1 (behind schedule) is still due.
        let next = try space.run(["status", "--year", "2027", "--as-of", "2027-12-01", "--store", space.store.path, "--json"])
        XCTAssertEqual(next.status, 0, next.summary)
        let units2027 = try next.json()["units"] as? [[String: Any]] ?? []
        let vtf = units2027.first { $0["unit"] as? String == "VTF" }
        XCTAssertTrue(vtf == nil || vtf?["state"] as? String != "missing", "VTF has no task due in 2027: \(vtf ?? [:])")
        XCTAssertEqual(units2027.first { $0["unit"] as? String == "CDSQG" }?["state"] as? String, "missing")

        // The same bytes again: a duplicate, nothing changes.
        try space.drop(inboxFixtures.appendingPathComponent("CVT-2026.zip"), as: "CVT-2026 (gửi lại).zip", received: "2026-11-20T08:00:00+07:00")
        let again = try space.ingest(withKeyring: false)
        XCTAssertEqual(again.status, 0, again.summary)
        XCTAssertEqual(results(try again.json()).first?.outcome, "duplicate", again.stdout)
    }

    /// On time up to 15 November 23:59:59 +07:00 inclusive; one second later is late.
    func testTheDueInstantIsInclusive() throws {
        for (received, late) in [("2026-11-15T23:59:59+07:00", false), ("2026-11-16T00:00:00+07:00", true),
                                 ("2026-11-15T16:59:59Z", false), ("2026-11-15T17:00:00Z", true)] {
            let space = try Workspace()
            try space.drop(inboxFixtures.appendingPathComponent("VTF-2026.xml"), received: received)
            let run = try space.ingest()
            XCTAssertEqual(run.status, 0, run.summary)
            let result = results(try run.json()).first
            XCTAssertEqual(result?.outcome, "accepted", received)
            XCTAssertEqual(result?.late, late, "received \(received)")
            XCTAssertEqual(result?.codes ?? ["?"], late ? ["LATE"] : [], "received \(received)")
            XCTAssertEqual(result?.received.flatMap(Workspace.date), Workspace.date(received), "received is the mtime")
            XCTAssertTrue(result?.received?.hasSuffix("+07:00") ?? false, "received in +07:00: \(result?.received ?? "")")
        }
    }

    func testEveryFixtureReportPassesCheckOnItsOwn() throws {
        let space = try Workspace()
        try space.installSampleKeyring()
        for (unit, name) in sampleInbox {
            let copy = space.root.appendingPathComponent(name)
            try FileManager.default.copyItem(at: inboxFixtures.appendingPathComponent(name), to: copy)
            try Workspace.setReceived(copy, "2026-11-10T09:00:00+07:00")
            let run = try space.run(["check", copy.path, "--json", "--keys", space.keys.path, "--store", space.store.path])
            XCTAssertEqual(run.status, 0, "\(unit): \(run.summary)")
            let r = results(try run.json()).first
            XCTAssertEqual(r?.outcome, "accepted", "\(unit): \(r?.diagnostics ?? [])")
            XCTAssertEqual(r?.codes ?? ["?"], [], "\(unit): \(r?.diagnostics ?? [])")
        }
    }
}
