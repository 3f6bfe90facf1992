import Foundation
import XCTest

/// The unit's tools: template → check; keygen → pack --sign → ingest.
final class TemplateAndSigningTests: XCTestCase {
    func testTheTemplateOfEveryLeadUnitPassesCheck() throws {
        let space = try Workspace()
        for unit in sampleInbox.keys.sorted() {
            let out = space.root.appendingPathComponent("\(unit)-template.xml")
            let made = try space.run(["template", "--unit", unit, "--year", "2026", "--out", out.path])
            XCTAssertEqual(made.status, 0, "\(unit): \(made.summary)")
            try Workspace.setReceived(out, "2026-11-10T09:00:00+07:00")
            let run = try space.run(["check", out.path, "--json", "--store", space.store.path, "--keys", space.keys.path])
            XCTAssertEqual(run.status, 0, "\(unit): \(run.summary)")
            let result = results(try run.json()).first
            XCTAssertEqual(result?.outcome, "accepted", "\(unit): \(result?.diagnostics ?? [])")
            XCTAssertEqual(result?.unit, unit)
            // Every due task is there; only the placeholders to replace are flagged.
            XCTAssertEqual(Set(result?.codes ?? ["?"]), ["TEMPLATE_TEXT"], "\(unit): the template must hold every due task: \(result?.diagnostics ?? [])")
            let text = try space.run(["check", out.path, "--store", space.store.path, "--keys", space.keys.path])
            XCTAssertTrue(text.stdout.contains("Kết quả"), text.stdout)
        }
        // The secretariat's own review tasks come due in their years: III.2 in 2028, III.3 in 2030.
        for (year, review) in [(2028, "III.2"), (2030, "III.3")] {
            let out = space.root.appendingPathComponent("KTXHS-\(year).xml")
            XCTAssertEqual(try space.run(["template", "--unit", "KTXHS", "--year", String(year), "--out", out.path]).status, 0)
            XCTAssertTrue(try String(contentsOf: out, encoding: .utf8).contains(#"<task code="\#(review)""#), "\(year): \(review) due")
            try Workspace.setReceived(out, "\(year)-11-10T09:00:00+07:00")
            let run = try space.run(["check", out.path, "--json", "--store", space.store.path, "--keys", space.keys.path])
            let result = results(try run.json()).first
            XCTAssertEqual(result?.outcome, "accepted", "KTXHS \(year): \(result?.diagnostics ?? [])")
            XCTAssertEqual(Set(result?.codes ?? ["?"]), ["TEMPLATE_TEXT"], "KTXHS \(year): \(result?.diagnostics ?? [])")
        }
        // To standard output as well.
        let printed = try space.run(["template", "--unit", "HVCL", "--year", "2026"])
        XCTAssertEqual(printed.status, 0, printed.summary)
        XCTAssertTrue(printed.stdout.contains(#"<task code="2.3.8""#) && printed.stdout.contains(#"<task code="2.3.9""#), printed.stdout)
    }

    /// NATIF (not in the sample keyring) makes a key; the secretariat installs NATIF.pub.
    func testKeygenPackSignIngest() throws {
        let space = try Workspace()
        let unitFolder = space.root.appendingPathComponent("natif")
        try FileManager.default.createDirectory(at: unitFolder, withIntermediateDirectories: true)
        let keygen = try space.run(["keygen", "--unit", "NATIF", "--out", unitFolder.path])
        XCTAssertEqual(keygen.status, 0, keygen.summary)
        let privateKey = unitFolder.appendingPathComponent("NATIF.key")
        let publicKey = unitFolder.appendingPathComponent("NATIF.pub")
        let mode = try FileManager.default.attributesOfItem(atPath: privateKey.path)[.posixPermissions] as? Int
        XCTAssertEqual(mode.map { $0 & 0o777 }, 0o600, "NATIF.key must be readable by its owner only")
        let pub = try String(contentsOf: publicKey, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(Data(base64Encoded: pub)?.count, 32, "NATIF.pub: base64 of a raw 32-byte Ed25519 key")
        try FileManager.default.copyItem(at: publicKey, to: space.keys.appendingPathComponent("NATIF.pub"))

        // The unit's report and one evidence file.
        let source = Baocao.fixtures.appendingPathComponent("sources/inbox-2026/NATIF/report.xml")
        let report = unitFolder.appendingPathComponent("report.xml")
        try FileManager.default.copyItem(at: source, to: report)
        let evidence = unitFolder.appendingPathComponent("quyet-dinh-phe-duyet.pdf")
        try FileManager.default.copyItem(at: Baocao.fixtures.appendingPathComponent("sources/inbox-2026/NAFOSTED/danh-sach-nhiem-vu-tai-tro-2026.pdf"),
                                         to: evidence)

        let signed = space.root.appendingPathComponent("NATIF-signed.zip")
        let signedAgain = space.root.appendingPathComponent("NATIF-signed-again.zip")
        let unsigned = space.root.appendingPathComponent("NATIF-unsigned.zip")
        for (out, sign) in [(signed, true), (signedAgain, true), (unsigned, false)] {
            let run = try space.run(["pack", report.path, evidence.path, "--out", out.path] + (sign ? ["--sign", privateKey.path] : []))
            XCTAssertEqual(run.status, 0, run.summary)
        }
        XCTAssertEqual(try Data(contentsOf: signed), try Data(contentsOf: signedAgain), "pack is deterministic")

        // Signed: accepted (the report is late: NATIF's sample report is dated 17 Nov, receive it on time here).
        try space.drop(signed, received: "2026-11-14T10:00:00+07:00")
        let ok = try space.ingest()
        XCTAssertEqual(ok.status, 0, ok.summary)
        let accepted = results(try ok.json()).first
        XCTAssertEqual(accepted?.outcome, "accepted", "\(accepted?.diagnostics ?? [])")
        XCTAssertEqual(accepted?.codes ?? ["?"], [])

        // The same bundle unsigned, and the bare XML: SIGNATURE_MISSING (each in a store of its own).
        for (input, location) in [(unsigned, "manifest.sig"), (report, "NATIF-bare.xml")] {
            let other = try Workspace()
            try FileManager.default.copyItem(at: publicKey, to: other.keys.appendingPathComponent("NATIF.pub"))
            try other.drop(input, as: input == report ? "NATIF-bare.xml" : nil, received: "2026-11-14T10:00:00+07:00")
            let run = try other.ingest()
            XCTAssertEqual(run.status, 1, run.summary)
            let result = results(try run.json()).first
            XCTAssertEqual(result?.outcome, "rejected", input.lastPathComponent)
            let missing = result?.diagnostics.first { $0.code == "SIGNATURE_MISSING" }
            XCTAssertNotNil(missing, "\(input.lastPathComponent): \(result?.diagnostics ?? [])")
            XCTAssertEqual(missing?.file, location, "\(input.lastPathComponent): \(result?.diagnostics ?? [])")
        }

        // Without the unit's key in the keyring, the unsigned bundle and the bare XML are fine.
        let open = try Workspace()
        try open.drop(unsigned, received: "2026-11-14T10:00:00+07:00")
        let run = try open.ingest()
        XCTAssertEqual(run.status, 0, run.summary)
        XCTAssertEqual(results(try run.json()).first?.outcome, "accepted")
    }
}
