import Foundation
import XCTest
@testable import Intake
import ReportModel
import SystemKit
import ZipKit

/// Whole files through `SubmissionChecker`: XML and schema errors, bundles,
/// manifests, signatures, the store's rules, duplicates and templates.
final class SubmissionCheckerTests: XCTestCase {
    // MARK: XML and schema

    func testProgressAboveHundredIsSchemaInvalidWithItsLine() throws {
        let verdict = Env.check(try Env.edit(Env.sample, "progress=\"80\"", "progress=\"101\""))
        XCTAssertEqual(verdict.outcome, .rejected)
        XCTAssertEqual(verdict.codes, [.schemaInvalid])
        let d = try XCTUnwrap(verdict.receipt.diagnostics.first)
        XCTAssertEqual(d.severity, .error)
        XCTAssertEqual(d.location.file, "HVCL-2026.xml")
        XCTAssertEqual(d.place, [9, 3])
        XCTAssertTrue(d.message.contains("101"), d.message)
        XCTAssertNil(verdict.report)
        // What could be read of the identity is kept on the receipt.
        XCTAssertEqual(verdict.receipt.unit, "HVCL")
        XCTAssertEqual(verdict.receipt.year, 2026)
        XCTAssertEqual(verdict.receipt.kind, .annual)
        XCTAssertEqual(verdict.receipt.id, Env.sampleID)
    }

    func testWrongChildOrderIsSchemaInvalidAtTheMisplacedElement() throws {
        // product (line 18) and difficulty (line 19) swapped: product now comes after difficulty.
        let product = "    <product date=\"2026-05-20\">Chương trình khung và bộ tài liệu bồi dưỡng giám đốc điều hành về chuyển đổi số trong doanh nghiệp nhỏ và vừa.</product>\n"
        let difficulty = "    <difficulty kind=\"staff\">Nhiều doanh nghiệp nhỏ và vừa khó cử giám đốc điều hành tham gia khóa học tập trung kéo dài 05 ngày.</difficulty>\n"
        let verdict = Env.check(try Env.edit(Env.sample, product + difficulty, difficulty + product))
        XCTAssertEqual(verdict.outcome, .rejected)
        XCTAssertEqual(verdict.codes, [.schemaInvalid])
        XCTAssertEqual(verdict.receipt.diagnostics.first?.place, [19, 5])
        // In the form's words for the clerk; libxml2's in the English text.
        XCTAssertTrue(verdict.receipt.diagnostics.first?.message.contains("«sản phẩm»") ?? false)
        XCTAssertTrue(verdict.receipt.diagnostics.first?.messageEnglish.contains("product") ?? false)
    }

    func testSeveralSchemaProblemsAreReportedTogether() throws {
        var xml = try Env.edit(Env.sample, "progress=\"80\"", "progress=\"101\"")
        xml = try Env.edit(xml, "<funding source=\"other\" amount=\"0\"/>", "<funding source=\"loan\" amount=\"0\"/>")
        let verdict = Env.check(xml)
        XCTAssertEqual(verdict.codes, [.schemaInvalid, .schemaInvalid])
        XCTAssertEqual(verdict.receipt.diagnostics.map(\.location.line), [9, 36])
    }

    func testDoctypeIsXMLDTD() throws {
        let xml = try Env.edit(Env.sample, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
                               "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE report [<!ENTITY org \"HVCL\">]>\n")
        let verdict = Env.check(xml)
        XCTAssertEqual(verdict.outcome, .rejected)
        XCTAssertEqual(verdict.codes, [.xmlDTD])
        let d = try XCTUnwrap(verdict.receipt.diagnostics.first)
        XCTAssertEqual(d.severity, .error)
        XCTAssertEqual(d.place, [2, 1])
        XCTAssertEqual(d.location.file, "HVCL-2026.xml")
        XCTAssertNil(verdict.receipt.unit)
    }

    func testMalformedIsXMLMalformedWithLine() throws {
        let xml = try Env.edit(Env.sample, "<funding source=\"sponsorship\" amount=\"200000000\"/>\n  </task>",
                               "<funding source=\"sponsorship\" amount=\"200000000\"/>\n  </tsak>")
        let verdict = Env.check(xml)
        XCTAssertEqual(verdict.outcome, .rejected)
        XCTAssertEqual(verdict.codes.first, .xmlMalformed)
        XCTAssertTrue(verdict.codes.allSatisfy { $0 == .xmlMalformed })
        let d = try XCTUnwrap(verdict.receipt.diagnostics.first)
        XCTAssertEqual(d.severity, .error)
        XCTAssertEqual(d.location.line, 23)
        XCTAssertNotNil(d.location.column)
    }

    func testAFileNamedAsABundleThatIsNeitherZipNorXMLIsBundleCorrupt() {
        for bytes in [Data("Rar!\u{1A}\u{07}\u{00} another archive".utf8), Data(), Data(Env.sample.utf8.prefix(200))] {
            let verdict = Env.check(bytes, name: "HVCL-2026.ZIP")
            XCTAssertEqual(verdict.outcome, .rejected)
            XCTAssertEqual(verdict.codes, [.bundleCorrupt])
        }
        // The same bytes under an XML name are read as XML, as ever.
        XCTAssertEqual(Env.check(Data(Env.sample.utf8.prefix(200)), name: "HVCL-2026.xml").codes.first, .xmlMalformed)
        // XML that was read and refused for its DOCTYPE says so, whatever its name.
        let doctype = "<?xml version=\"1.0\"?>\n<!DOCTYPE report [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<report>&x;</report>"
        XCTAssertEqual(Env.check(Data(doctype.utf8), name: "HVCL-2026.zip").codes, [.xmlDTD])
    }

    func testAWholeReportNamedAsABundleIsStillReadAsXML() {
        // The bytes decide the kind: a well-formed report is not refused for its name.
        let verdict = Env.check(Data(Env.sample.utf8), name: "HVCL-2026.zip")
        XCTAssertEqual(verdict.outcome, .accepted, "\(verdict.codes)")
    }

    func testInvalidUTF8IsXMLEncodingAtTheByte() {
        var bytes = Data(Env.sample.utf8)
        let marker = Data("<result month=\"2026-07\">".utf8)
        let range = bytes.range(of: marker)!
        bytes.insert(0xFF, at: range.upperBound)
        let verdict = Env.check(bytes, name: "HVCL-2026.xml")
        XCTAssertEqual(verdict.outcome, .rejected)
        XCTAssertEqual(verdict.codes, [.xmlEncoding])
        XCTAssertEqual(verdict.receipt.diagnostics.first?.place, [12, 29])
    }

    func testWindows1258ReportIsAcceptedAndReadAsVietnamese() throws {
        // The whole sample, re-encoded by iconv, declaring windows-1258.
        let declared = try Env.edit(Env.sample, "encoding=\"UTF-8\"", "encoding=\"windows-1258\"")
        let bytes = try iconv(declared, to: "WINDOWS-1258")
        XCTAssertNil(String(data: bytes, encoding: .utf8))
        let verdict = Env.check(bytes, name: "HVCL-2026.xml")
        XCTAssertEqual(verdict.outcome, .accepted, "\(verdict.receipt.diagnostics)")
        let name = try XCTUnwrap(verdict.report?.preparer.name)
        XCTAssertEqual(Array(name.unicodeScalars), Array("Nguyễn Thị Thu Hà".precomposedStringWithCanonicalMapping.unicodeScalars))
    }

    private func iconv(_ text: String, to encoding: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["iconv", "-f", "UTF-8", "-t", encoding]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return data
    }

    // MARK: signatures

    func testBareXMLFromAUnitWithAKeyIsSignatureMissing() throws {
        let verdict = Env.check(Env.sample, keyring: Env.keyring("HVCL", KeyPair()))
        XCTAssertEqual(verdict.outcome, .rejected)
        XCTAssertEqual(verdict.codes, [.signatureMissing])
        let d = try XCTUnwrap(verdict.receipt.diagnostics.first)
        XCTAssertEqual(d.severity, .error)
        XCTAssertEqual(d.location.file, "HVCL-2026.xml")
    }

    func testKeyOfAnotherUnitDoesNotConcernThisOne() {
        let verdict = Env.check(Env.sample, keyring: Env.keyring("CVT", KeyPair()))
        XCTAssertEqual(verdict.outcome, .accepted)
        XCTAssertEqual(verdict.codes, [])
    }

    func testUnsignedBundleFromAUnitWithAKeyIsSignatureMissing() throws {
        let bundle = try BundlePacker.pack(report: Data(Env.sample.utf8), attachments: [], signingKey: nil)
        let verdict = Env.check(bundle, name: "HVCL-2026.zip", keyring: Env.keyring("HVCL", KeyPair()))
        XCTAssertEqual(verdict.outcome, .rejected)
        XCTAssertEqual(verdict.codes, [.signatureMissing])
        XCTAssertEqual(verdict.receipt.diagnostics.first?.location.file, "manifest.sig")
    }

    func testBundleSignedWithAnotherKeyIsSignatureInvalid() throws {
        let bundle = try BundlePacker.pack(report: Data(Env.sample.utf8), attachments: [], signingKey: KeyPair())
        let verdict = Env.check(bundle, name: "HVCL-2026.zip", keyring: Env.keyring("HVCL", KeyPair()))
        XCTAssertEqual(verdict.outcome, .rejected)
        XCTAssertEqual(verdict.codes, [.signatureInvalid])
        XCTAssertEqual(verdict.receipt.diagnostics.first?.severity, .error)
        XCTAssertEqual(verdict.receipt.diagnostics.first?.location.file, "manifest.sig")
    }

    func testBundleSignedWithTheUnitsKeyIsAccepted() throws {
        let pair = KeyPair()
        // The key as `keygen` writes it and `pack --sign` reads it back.
        let reread = try KeyPair(privateKeyBase64: pair.privateKeyBase64)
        XCTAssertEqual(reread.publicKeyBase64, pair.publicKeyBase64)
        let bundle = try BundlePacker.pack(report: Data(Env.sample.utf8), attachments: [], signingKey: reread)
        let verdict = Env.check(bundle, name: "HVCL-2026.zip", keyring: Env.keyring("HVCL", pair))
        XCTAssertEqual(verdict.outcome, .accepted)
        XCTAssertEqual(verdict.codes, [])
        XCTAssertEqual(IncomingFile(name: "HVCL-2026.zip", bytes: bundle, received: Env.onTime).kind, .zip)
    }

    // MARK: bundles and manifests

    private static let attachmentPath = "attachments/chương trình khung.pdf"
    private static let attachment = Data("%PDF-1.4 chương trình khung bồi dưỡng".utf8)

    private func sampleWithFile(_ path: String = attachmentPath) throws -> Data {
        Data(try Env.edit(Env.sample, "<product date=\"2026-05-20\">", "<product date=\"2026-05-20\" file=\"\(path)\">").utf8)
    }

    func testPackedBundleWithAReferencedAttachmentIsAccepted() throws {
        let report = try sampleWithFile()
        let bundle = try BundlePacker.pack(report: report, attachments: [.init(path: Self.attachmentPath, data: Self.attachment)],
                                           signingKey: nil)
        let verdict = Env.check(bundle, name: "HVCL-2026.zip")
        XCTAssertEqual(verdict.outcome, .accepted, "\(verdict.receipt.diagnostics)")
        XCTAssertEqual(verdict.codes, [])
        XCTAssertEqual(verdict.report?.tasks[0].products[0].file, Self.attachmentPath)
        // The same report as bare XML names a file it does not carry.
        XCTAssertEqual(Env.check(report, name: "HVCL-2026.xml").codes, [.attachmentMissing])
    }

    func testAttachmentNamedInDecomposedFormMatchesTheBundleEntry() throws {
        let nfd = Self.attachmentPath.decomposedStringWithCanonicalMapping
        XCTAssertNotEqual(Array(nfd.utf8), Array(Self.attachmentPath.utf8))
        let bundle = try BundlePacker.pack(report: try sampleWithFile(nfd),
                                           attachments: [.init(path: Self.attachmentPath, data: Self.attachment)], signingKey: nil)
        XCTAssertEqual(Env.check(bundle, name: "HVCL-2026.zip").codes, [])
    }

    func testBundleWithoutTheReferencedAttachmentIsAttachmentMissing() throws {
        let bundle = try BundlePacker.pack(report: try sampleWithFile(), attachments: [.init(path: "attachments/other.pdf", data: Self.attachment)],
                                           signingKey: nil)
        let verdict = Env.check(bundle, name: "HVCL-2026.zip")
        XCTAssertEqual(verdict.codes, [.attachmentMissing])
        XCTAssertEqual(verdict.receipt.diagnostics.first?.location.file, "report.xml")
        XCTAssertEqual(verdict.receipt.diagnostics.first?.place, [18, 5])
    }

    /// The entries of a packed bundle, read back.
    private func entries(of bundle: Data) throws -> [String: Data] {
        let reader = try ZipReader(data: bundle)
        var result: [String: Data] = [:]
        for entry in reader.entries {
            result[try XCTUnwrap(entry.name)] = try reader.readData(entry, maxBytes: 1 << 20, maxRatio: nil)
        }
        return result
    }

    /// Where `<file path="path"` starts in the manifest: line and column (characters).
    private func place(of path: String, in manifest: Data) throws -> [Int] {
        let text = try XCTUnwrap(String(data: manifest, encoding: .utf8))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if let range = line.range(of: "<file path=\"\(path)\"") {
                return [index + 1, line.distance(from: line.startIndex, to: range.lowerBound) + 1]
            }
        }
        XCTFail("\(path) not in the manifest")
        return []
    }

    func testAlteredAttachmentIsManifestMismatch() throws {
        let pair = KeyPair()
        let report = try sampleWithFile()
        let packed = try BundlePacker.pack(report: report, attachments: [.init(path: Self.attachmentPath, data: Self.attachment)],
                                           signingKey: pair)
        let original = try entries(of: packed)
        let manifest = try XCTUnwrap(original["manifest.xml"])
        let signature = try XCTUnwrap(original["manifest.sig"])
        XCTAssertEqual(original[Self.attachmentPath], Self.attachment)

        // Same size, one byte changed: the hash differs, the signed manifest is the old one.
        var altered = Self.attachment
        altered[altered.startIndex + 5] ^= 0x01
        let rebuilt = try ZipWriter.archive([
            .init(name: "report.xml", data: report),
            .init(name: Self.attachmentPath, data: altered),
            .init(name: "manifest.xml", data: manifest),
            .init(name: "manifest.sig", data: signature),
        ])
        let verdict = Env.check(rebuilt, name: "HVCL-2026.zip", keyring: Env.keyring("HVCL", pair))
        XCTAssertEqual(verdict.outcome, .rejected)
        XCTAssertEqual(verdict.codes, [.manifestMismatch])
        let d = try XCTUnwrap(verdict.receipt.diagnostics.first)
        XCTAssertEqual(d.severity, .error)
        XCTAssertEqual(d.location.file, "manifest.xml")
        XCTAssertEqual(d.place, try place(of: Self.attachmentPath, in: manifest))
        XCTAssertTrue(d.message.contains(Self.attachmentPath))

        // A longer replacement differs in size and hash.
        let longer = try ZipWriter.archive([
            .init(name: "report.xml", data: report),
            .init(name: Self.attachmentPath, data: Self.attachment + Data("!".utf8)),
            .init(name: "manifest.xml", data: manifest),
            .init(name: "manifest.sig", data: signature),
        ])
        XCTAssertEqual(Env.check(longer, name: "HVCL-2026.zip", keyring: Env.keyring("HVCL", pair)).codes,
                       [.manifestMismatch, .manifestMismatch])
    }

    /// A large stored attachment is hashed beside the bundle's own hash
    /// (TwoLaneSHA256); its digest is the same as hashing it alone, and a
    /// changed one is still caught.
    func testALargeStoredAttachmentHashedBesideTheBundleIsStillChecked() throws {
        let big = Data((0..<200_003).map { UInt8(truncatingIfNeeded: ($0 &* 2_654_435_761) >> 13) })
        let report = try sampleWithFile()
        let pair = KeyPair()
        let packed = try BundlePacker.pack(report: report, attachments: [.init(path: Self.attachmentPath, data: big, compression: .store)],
                                           signingKey: pair)
        let file = IncomingFile(name: "HVCL-2026.zip", bytes: packed, received: Env.onTime)
        XCTAssertEqual(file.sha256, SHA256Hex.of(packed))
        if TwoLaneSHA256.isAvailable {
            XCTAssertEqual(Array(file.spanDigests.values), [SHA256Hex.of(big)])
        }
        let keyring = Env.keyring("HVCL", pair)
        let verdict = Env.checker(keyring: keyring).check(file, history: nil)
        XCTAssertEqual(verdict.outcome, .accepted, "\(verdict.receipt.diagnostics)")
        XCTAssertEqual(verdict.receipt.sha256, SHA256Hex.of(packed))

        let original = try entries(of: packed)
        var altered = big
        altered[altered.startIndex + 100_000] ^= 0x01
        let rebuilt = try ZipWriter.archive([
            .init(name: "report.xml", data: report),
            .init(name: Self.attachmentPath, data: altered, compression: .store),
            .init(name: "manifest.xml", data: try XCTUnwrap(original["manifest.xml"])),
            .init(name: "manifest.sig", data: try XCTUnwrap(original["manifest.sig"])),
        ])
        XCTAssertEqual(Env.check(rebuilt, name: "HVCL-2026.zip", keyring: keyring).codes, [.manifestMismatch])

        // Digests of the old bytes never outlive them.
        var changed = file
        changed.bytes = rebuilt
        XCTAssertTrue(changed.spanDigests.isEmpty)
    }

    func testUnlistedAndMissingFilesAreManifestMismatch() throws {
        let report = try sampleWithFile()
        let packed = try BundlePacker.pack(report: report, attachments: [.init(path: Self.attachmentPath, data: Self.attachment)],
                                           signingKey: nil)
        let manifest = try XCTUnwrap(try entries(of: packed)["manifest.xml"])
        let extra = try ZipWriter.archive([
            .init(name: "report.xml", data: report),
            .init(name: Self.attachmentPath, data: Self.attachment),
            .init(name: "attachments/extra.txt", data: Data("x".utf8)),
            .init(name: "manifest.xml", data: manifest),
        ])
        let unlisted = Env.check(extra, name: "HVCL-2026.zip")
        XCTAssertEqual(unlisted.codes, [.manifestMismatch])
        XCTAssertEqual(unlisted.receipt.diagnostics.first?.location.file, "attachments/extra.txt")

        let dropped = try ZipWriter.archive([
            .init(name: "report.xml", data: report),
            .init(name: "manifest.xml", data: manifest),
        ])
        let missing = Env.check(dropped, name: "HVCL-2026.zip")
        XCTAssertEqual(Set(missing.codes), [.manifestMismatch, .attachmentMissing])
        XCTAssertEqual(missing.diagnostics(.manifestMismatch).first?.place, try place(of: Self.attachmentPath, in: manifest))
    }

    func testAlteredReportInASignedBundleIsManifestMismatch() throws {
        let pair = KeyPair()
        let packed = try BundlePacker.pack(report: Data(Env.sample.utf8), attachments: [], signingKey: pair)
        var files = try entries(of: packed)
        // Another unit's clerk "fixes" a figure after signing.
        files["report.xml"] = Data(try Env.edit(Env.sample, "actual=\"198\"", "actual=\"298\"").utf8)
        let rebuilt = try ZipWriter.archive(["report.xml", "manifest.xml", "manifest.sig"].map { .init(name: $0, data: files[$0]!) })
        let verdict = Env.check(rebuilt, name: "HVCL-2026.zip", keyring: Env.keyring("HVCL", pair))
        XCTAssertEqual(verdict.outcome, .rejected)
        XCTAssertEqual(verdict.codes, [.manifestMismatch])
    }

    func testNotAZipAndNoReportAreBundleErrors() throws {
        let corrupt = Env.check(Data([0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0x41, count: 40)), name: "x.zip")
        XCTAssertEqual(corrupt.outcome, .rejected)
        XCTAssertEqual(corrupt.codes, [.bundleCorrupt])
        let noReport = Env.check(try ZipWriter.archive([.init(name: "attachments/a.txt", data: Data("a".utf8))]), name: "x.zip")
        XCTAssertEqual(noReport.codes, [.bundleNoReport])
    }

    // MARK: the store's rules

    private func history(id: String = Env.sampleID, unit: String = "HVCL", year: Int = 2026,
                         kind: ReportKind = .annual, sha256: String = String(repeating: "a", count: 64)) -> MemoryHistory {
        MemoryHistory(accepted: [.init(id: id, unit: unit, year: year, kind: kind, sha256: sha256)])
    }

    func testIDAlreadyAcceptedWithOtherContentIsIDConflict() throws {
        let verdict = Env.check(Env.sampleOneLineRoot, history: history())
        XCTAssertEqual(verdict.outcome, .rejected)
        XCTAssertEqual(verdict.codes, [.idConflict])
        let d = try XCTUnwrap(verdict.receipt.diagnostics.first)
        XCTAssertEqual(d.severity, .error)
        XCTAssertEqual(d.place, [5, 1])
        XCTAssertTrue(d.message.contains(Env.sampleID))
        // No store, no identity rules.
        XCTAssertEqual(Env.check(Env.sampleOneLineRoot, history: nil).codes, [])
        XCTAssertEqual(Env.check(Env.sampleOneLineRoot, history: NoHistory()).codes, [])
    }

    func testSupersedesAnAcceptedSubmission() throws {
        let xml = try Env.edit(Env.sampleOneLineRoot, "id=\"\(Env.sampleID)\"", "id=\"uuid:second\" supersedes=\"\(Env.sampleID)\"")
        let verdict = Env.check(xml, history: history())
        XCTAssertEqual(verdict.outcome, .accepted)
        XCTAssertEqual(verdict.codes, [])
        XCTAssertEqual(verdict.receipt.supersedes, Env.sampleID)
        XCTAssertEqual(verdict.receipt.id, "uuid:second")
    }

    func testSupersedesUnknown() throws {
        let xml = try Env.edit(Env.sampleOneLineRoot, "id=\"\(Env.sampleID)\"", "id=\"uuid:second\" supersedes=\"\(Env.sampleID)\"")
        let cases: [(String, MemoryHistory)] = [
            ("nothing accepted", MemoryHistory()),
            ("another unit's", history(unit: "CVT")),
            ("another year's", history(year: 2027)),
            ("another kind's", history(kind: .adhoc)),
        ]
        for (label, history) in cases {
            let verdict = Env.check(xml, history: history)
            XCTAssertEqual(verdict.outcome, .rejected, label)
            XCTAssertEqual(verdict.codes, [.supersedesUnknown], label)
            XCTAssertEqual(verdict.receipt.diagnostics.first?.place, [5, 1], label)
            XCTAssertEqual(verdict.receipt.diagnostics.first?.severity, .error, label)
        }
    }

    func testSupersedingItselfIsUnknown() throws {
        let xml = try Env.edit(Env.sampleOneLineRoot, "kind=\"annual\"", "kind=\"annual\" supersedes=\"\(Env.sampleID)\"")
        XCTAssertTrue(Env.check(xml, history: MemoryHistory()).codes.contains(.supersedesUnknown))
    }

    func testByteIdenticalToAnAcceptedFileIsDuplicate() {
        let bytes = Data(Env.sample.utf8)
        let sha = SHA256Hex.of(bytes)
        let original = Receipt(file: "HVCL-2026.xml", sha256: sha, outcome: .accepted, unit: "HVCL", year: 2026, kind: .annual,
                               id: Env.sampleID, received: "2026-11-10T10:00:00+07:00", late: false, supersedes: nil, diagnostics: [])
        var history = self.history(sha256: sha)
        history.receipts[sha] = original
        let verdict = Env.check(bytes, name: "HVCL-2026 (copy).xml", received: Env.instant("2026-11-20T08:00:00+07:00"),
                                history: history)
        XCTAssertEqual(verdict.outcome, .duplicate)
        XCTAssertEqual(verdict.codes, [])
        XCTAssertEqual(verdict.receipt.file, "HVCL-2026 (copy).xml")
        XCTAssertEqual(verdict.receipt.sha256, sha)
        XCTAssertEqual(verdict.receipt.id, Env.sampleID)
        XCTAssertEqual(verdict.receipt.unit, "HVCL")
        XCTAssertEqual(verdict.receipt.received, "2026-11-20T08:00:00+07:00")
        XCTAssertNil(verdict.report)
        // One byte more: not a duplicate but the same @id, so a conflict.
        let changed = Env.check(bytes + Data("\n".utf8), name: "HVCL-2026.xml", history: history)
        XCTAssertEqual(changed.codes, [.idConflict])
    }

    // MARK: templates

    func testTemplateOfEveryLeadUnitPassesTheChecker() throws {
        let plan = Env.plan
        XCTAssertEqual(plan.leadUnits.count, 11)
        for year in plan.years {
            for unit in plan.leadUnits.map(\.code) {
                let xml = try ReportTemplate.xml(plan: plan, unit: unit, year: year)
                let received = Env.instant("\(year)-11-01T08:00:00+07:00")
                let verdict = Env.check(xml, name: "\(unit)-\(year).xml", received: received)
                XCTAssertEqual(verdict.outcome, .accepted, "\(unit) \(year): \(verdict.receipt.diagnostics.map(\.compilerStyle))")
                XCTAssertFalse(verdict.codes.contains(.taskMissing), "\(unit) \(year)")
                // Only the placeholders the clerk still has to replace.
                XCTAssertEqual(Set(verdict.codes), [.templateText], "\(unit) \(year)")
                let expected = plan.dueTasks(of: unit, in: year, completedEarlier: []).map(\.code)
                XCTAssertEqual(verdict.report?.tasks.map(\.code), expected, "\(unit) \(year)")
                XCTAssertEqual(verdict.receipt.unit, unit)
                XCTAssertEqual(verdict.receipt.year, year)
            }
        }
    }

    /// `ReportTemplate` promises a skeleton that is "valid as it stands";
    /// `baocao template` accepts any registry unit, including one that leads
    /// nothing (PTIT only coordinates 2.3.8 and 2.3.9).
    func testTemplateOfAUnitThatLeadsNothingIsStillSchemaValid() throws {
        let xml = try ReportTemplate.xml(plan: Env.plan, unit: "PTIT", year: 2026)
        let verdict = Env.check(xml, name: "PTIT-2026.xml")
        XCTAssertFalse(verdict.codes.contains(.schemaInvalid), "\(verdict.receipt.diagnostics.map(\.compilerStyle))")
    }

    /// A placeholder is found whatever the spacing; real text that only shares a first word is not one.
    func testPlaceholdersAreFoundWhateverTheSpacing() {
        typealias Placeholder = ReportTemplate.Placeholder
        for text in ["Họ và tên người lập báo cáo", "  Họ  và\ttên người\u{00A0}lập báo cáo ", "Chức vụ", "\nChức\n vụ",
                     "Họ và tên cá nhân chủ trì nhiệm vụ 2.3.9", "Kết quả dự kiến đạt được trong tháng 05/2027"] {
            XCTAssertTrue(Placeholder.matches(text), text)
        }
        for text in ["", "   ", "Họ Văn Tài", "Chức", "Chức vụ trưởng phòng", "Kết quả tháng 5", "Nguyễn Thị Thu Hà"] {
            XCTAssertFalse(Placeholder.matches(text), text)
        }
    }

    func testTemplateCarriesThePlanIndicatorsOfEachTask() throws {
        let xml = try ReportTemplate.xml(plan: Env.plan, unit: "HVCL", year: 2026)
        let report = try XCTUnwrap(Env.check(xml, name: "HVCL-2026.xml").report)
        XCTAssertEqual(report.tasks.map(\.code), ["2.3.8", "2.3.9"])
        XCTAssertEqual(report.tasks.map { $0.indicators.map(\.code) }, [["courses.count", "trainees.count"], ["courses.count", "trainees.count"]])
    }

    // MARK: messages

    /// Every code the checker can produce, each from one small file, with a
    /// message in Vietnamese (and one in English for the technicians).
    func testEveryDiagnosticHasAVietnameseMessage() throws {
        let s = Env.sample, one = Env.sampleOneLineRoot
        let pair = KeyPair()
        var files: [(Data, String, Keyring, SubmissionHistory?, Date)] = []
        func add(_ xml: String, name: String = "r.xml", keyring: Keyring = Keyring(keys: [:]),
                 history: SubmissionHistory? = nil, received: Date = Env.onTime) {
            files.append((Data(xml.utf8), name, keyring, history, received))
        }
        add(try Env.edit(one, "plan=\"KH-433\"", "plan=\"KH-1\""))
        add(try Env.edit(one, "unit=\"HVCL\"", "unit=\"ABC\""))
        add(try Env.edit(one, "year=\"2026\"", "year=\"2040\""))
        add(try Env.edit(s, "<task code=\"2.3.9\"", "<task code=\"9.9\""))
        add(try Env.edit(s, "<task code=\"2.3.9\"", "<task code=\"2.3.8\""))
        add(try Env.edit(s, "<task code=\"2.3.9\"", "<task code=\"2.2.1\""))
        add(try Env.edit(s, "status=\"on-schedule\" progress=\"80\"", "status=\"completed\" progress=\"80\""))
        add(try Env.edit(s, "code=\"trainees.count\" actual=\"198\"", "code=\"zzz\" actual=\"198\""))
        add(try Env.edit(s, " measure=\"doanh nghiệp\"", ""))
        add(try Env.edit(s, "<product date=\"2026-05-20\">", "<product file=\"a.pdf\">"))
        add(s, received: Env.instant("2026-11-30T00:00:00+07:00"))
        add(s, keyring: Env.keyring("HVCL", pair))
        add(s, history: history())
        add(try Env.edit(one, "kind=\"annual\"", "kind=\"annual\" supersedes=\"uuid:none\""), history: MemoryHistory())
        add(try Env.edit(s, "progress=\"80\"", "progress=\"180\""))
        add("<report>")
        add("<!DOCTYPE report><report/>")
        add("<?xml version=\"1.0\" encoding=\"x-nonsense\"?><report/>")
        add(try Env.edit(s, "<result month=\"2026-07\"", "<result month=\"2024-07\""))
        files.append((try BundlePacker.pack(report: Data(s.utf8), attachments: [], signingKey: KeyPair()), "b.zip",
                      Env.keyring("HVCL", pair), nil, Env.onTime))
        let packed = try BundlePacker.pack(report: Data(s.utf8), attachments: [], signingKey: nil)
        let manifest = try XCTUnwrap(try entries(of: packed)["manifest.xml"])
        files.append((try ZipWriter.archive([.init(name: "report.xml", data: Data(s.utf8)),
                                             .init(name: "x.txt", data: Data("x".utf8)),
                                             .init(name: "manifest.xml", data: manifest)]), "m.zip", Keyring(keys: [:]), nil, Env.onTime))
        files.append((Data([0x50, 0x4B, 0x03, 0x04, 0, 0]), "c.zip", Keyring(keys: [:]), nil, Env.onTime))

        var seen: Set<DiagnosticCode> = []
        for (bytes, name, keyring, history, received) in files {
            let verdict = Env.check(bytes, name: name, received: received, keyring: keyring, history: history)
            XCTAssertFalse(verdict.receipt.diagnostics.isEmpty, name)
            for d in verdict.receipt.diagnostics {
                seen.insert(d.code)
                XCTAssertFalse(d.message.trimmingCharacters(in: .whitespaces).isEmpty, d.code.rawValue)
                XCTAssertTrue(looksVietnamese(d.message), "\(d.code.rawValue): \(d.message)")
                XCTAssertFalse(d.messageEnglish.isEmpty, d.code.rawValue)
            }
        }
        let expected: Set<DiagnosticCode> = [
            .planMismatch, .unitUnknown, .yearOutOfRange, .taskUnknown, .taskDuplicate, .taskNotAssigned,
            .statusInconsistent, .monthOutOfYear, .indicatorUnknown, .attachmentMissing, .late, .taskMissing,
            .signatureMissing, .signatureInvalid, .idConflict, .supersedesUnknown, .schemaInvalid, .xmlMalformed,
            .xmlDTD, .xmlEncoding, .manifestMismatch, .bundleCorrupt,
        ]
        XCTAssertEqual(expected.subtracting(seen), [])
    }
}
