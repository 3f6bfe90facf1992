#if canImport(Glibc)
import Glibc
#endif
import Foundation
import XCTest

/// Kills `baocao consolidate` with SIGKILL at many points while it rewrites
/// a year's documents (another date, so other bytes): every document path
/// holds the earlier run's bytes or the new run's, never part of either,
/// and a rerun ends with exactly what one uninterrupted run writes. The
/// units' reports are synced once after the merge, and the summary and its
/// `.json` are written at once: this is what that must keep.
final class ConsolidateCrashTests: XCTestCase {
    private func consolidate(_ space: Workspace, asOf: String, outbox: URL? = nil) -> [String] {
        ["consolidate", "--year", "2026", "--as-of", asOf, "--store", space.store.path, "--outbox", (outbox ?? space.outbox).path]
    }

    /// The year's documents under `outbox` by path (relative to it), without
    /// the receipts ingest wrote; temporary names apart.
    private func documents(_ outbox: URL) -> (files: [String: Data], temporaries: [String]) {
        let year = outbox.appendingPathComponent("2026")
        var files: [String: Data] = [:]
        var temporaries: [String] = []
        let walker = FileManager.default.enumerator(atPath: year.path)
        while let path = walker?.nextObject() as? String {
            let url = year.appendingPathComponent(path)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            if (path as NSString).lastPathComponent.hasPrefix(".") {
                temporaries.append(path)
            } else {
                files[path] = try? Data(contentsOf: url)
            }
        }
        return (files, temporaries.sorted())
    }

    func testKilledAnywhereEachDocumentIsTheEarlierOrTheNewAndARerunFinishes() throws {
        let space = try Workspace.withSampleInbox()
        XCTAssertEqual(try space.ingest().status, 0)
        let older = "2026-12-01", newer = "2026-12-02"

        // The two outcomes, each from one uninterrupted run.
        let reference = space.root.appendingPathComponent("Reference")
        var started = Date()
        XCTAssertEqual(try space.run(consolidate(space, asOf: newer, outbox: reference)).status, 0)
        let fullRun = Date().timeIntervalSince(started)
        let new = documents(reference).files
        XCTAssertEqual(try space.run(consolidate(space, asOf: older)).status, 0)
        let old = documents(space.outbox).files
        XCTAssertGreaterThan(new.keys.filter { $0.hasPrefix("units/") }.count, 10, "every unit's own report")
        XCTAssertEqual(Set(old.keys), Set(new.keys))
        // The date is in the year's documents: each tells which run wrote it.
        // A unit's own report bears its report's date, the same in both: a
        // torn one would still be neither.
        XCTAssertEqual(old.keys.filter { !$0.hasPrefix("units/") && old[$0] == new[$0] }.sorted(), [])

        var report: [String] = []
        var seen = (old: 0, new: 0)
        let points = (0..<14).map { fullRun * Double($0) / 12 }
        for (n, delay) in points.enumerated() {
            // Start from the earlier run's documents each time.
            XCTAssertEqual(try space.run(consolidate(space, asOf: older)).status, 0)
            started = Date()
            let process = Process()
            process.executableURL = try Baocao.executable()
            process.arguments = consolidate(space, asOf: newer)
            process.currentDirectoryURL = space.root
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            if delay > 0 { usleep(UInt32(delay * 1_000_000)) }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let label = String(format: "kill #%d at %.0f ms", n, delay * 1000)

            for (path, bytes) in documents(space.outbox).files {
                if bytes == new[path] {
                    if bytes != old[path] { seen.new += 1 }
                } else if bytes == old[path] {
                    seen.old += 1
                } else {
                    report.append("\(label): \(path) is neither run's bytes (\(bytes.count) bytes)")
                }
            }
            let rerun = try space.run(consolidate(space, asOf: newer))
            XCTAssertEqual(rerun.status, 0, "\(label): \(rerun.summary)")
            let after = documents(space.outbox)
            if after.files != new { report.append("\(label): after the rerun the documents differ from one uninterrupted run") }
            if !after.temporaries.isEmpty { report.append("\(label): temporaries left after the rerun: \(after.temporaries)") }
        }
        print(String(format: "consolidate crash test: full run %.0f ms; files found old %d, new %d", fullRun * 1000, seen.old, seen.new))
        XCTAssertEqual(report, [])
        XCTAssertGreaterThan(seen.new, 0, "some kill landed after a file was rewritten")
        XCTAssertGreaterThan(seen.old, 0, "some kill landed before a file was rewritten")
    }
}
