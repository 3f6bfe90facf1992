import Foundation
import Intake
import ReportModel
import Testing
import ZipKit

@Suite struct BundleOpenerTests {
    private let report = Data("<report/>".utf8)

    // MARK: accepted

    @Test func acceptedBundleListsFilesWithHashes() throws {
        let million = Data(repeating: UInt8(ascii: "a"), count: 1_000_000)
        let data = try ZipWriter.archive([
            .init(name: "report.xml", data: report),
            .init(name: "manifest.xml", data: Data("<manifest/>".utf8)),
            .init(name: "manifest.sig", data: Data("c2ln".utf8)),
            .init(name: "attachments/abc.txt", data: Data("abc".utf8)),
            .init(name: "attachments/empty.txt", data: Data()),
            .init(name: "attachments/million-a.bin", data: million, compression: .store),
        ])
        let bundle = try #require(Self.opened(BundleOpener.open(data, limits: BundleLimits())))
        #expect(bundle.files.map(\.path) == [
            "report.xml", "manifest.xml", "manifest.sig",
            "attachments/abc.txt", "attachments/empty.txt", "attachments/million-a.bin",
        ])
        #expect(bundle.files.map(\.size) == [9, 11, 4, 3, 0, 1_000_000])
        #expect(bundle.files[3].sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(bundle.files[4].sha256 == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(bundle.files[5].sha256 == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        #expect(bundle.report == report)
        #expect(bundle.manifest == Data("<manifest/>".utf8))
        #expect(bundle.signature == Data("c2ln".utf8))
    }

    @Test func folderEntriesAreSkippedAndNamesAreNFC() throws {
        let decomposed = "attachments/te\u{0323}\u{0302}p.txt"  // "tệp" in NFD
        let data = try BundleFixtures.python("""
            import sys, zipfile
            with zipfile.ZipFile(sys.argv[1], 'w') as z:
                z.writestr('report.xml', b'<report/>')
                z.writestr('attachments/', b'')
                z.writestr('\(decomposed)', b'x')
            """)
        let bundle = try #require(Self.opened(BundleOpener.open(data, limits: BundleLimits())))
        #expect(bundle.files.map(\.path) == ["report.xml", "attachments/tệp.txt"])
        #expect(bundle.manifest == nil && bundle.signature == nil)
        #expect(bundle.contains(path: decomposed))
        #expect(bundle.contains(path: "attachments/tệp.txt"))
        #expect(!bundle.contains(path: "attachments/TỆP.txt"))
        #expect(!bundle.contains(path: "attachments"))
    }

    // MARK: refused

    @Test func unreadableZipIsCorrupt() {
        let diagnostics = Self.refusal(BundleOpener.open(Data("PK not really".utf8), limits: BundleLimits()))
        #expect(diagnostics.map(\.code) == [.bundleCorrupt])
    }

    @Test func damagedEntryIsCorrupt() throws {
        var data = try ZipWriter.archive([.init(name: "report.xml", data: Data(repeating: 0x41, count: 500), compression: .store)])
        data[30 + 10 + 100] ^= 0xFF  // inside report.xml's stored bytes: the CRC fails
        let diagnostics = Self.refusal(BundleOpener.open(data, limits: BundleLimits()))
        #expect(diagnostics.map(\.code) == [.bundleCorrupt])
        #expect(diagnostics.first?.location.file == "report.xml")
    }

    @Test func unsafePathsAreEachReported() throws {
        let names = ["../evil.txt", "/etc/abs.txt", "attachments\\win.txt", "C:boot.ini", "a/b/../../../up.txt"]
        let data = try ZipWriter.archive([.init(name: "report.xml", data: report)] + names.map { .init(name: $0, data: Data("x".utf8)) })
        let diagnostics = Self.refusal(BundleOpener.open(data, limits: BundleLimits()))
        #expect(diagnostics.map(\.code) == Array(repeating: .bundleUnsafePath, count: names.count))
        #expect(diagnostics.map(\.location.file) == names)
        #expect(diagnostics[0].message == "Tệp nén chứa đường dẫn không an toàn: \"../evil.txt\" (có \"..\" trỏ ra ngoài thư mục).")
        #expect(diagnostics[0].messageEnglish.hasPrefix("Unsafe path in bundle: \"../evil.txt\""))
    }

    /// Both kinds of undecodable name: one libzip reads (an overlong "/"),
    /// and one libzip refuses outright (found in the central directory).
    @Test(arguments: [("\\xc0\\xaf", "\\xC0\\xAF.txt"), ("\\xff\\xfe", "\\xFF\\xFE.txt")])
    func undecodableNameIsUnsafeAndEscaped(bytes: String, shown: String) throws {
        // Python flags the non-ASCII name as UTF-8; the patch makes it invalid UTF-8.
        let data = try BundleFixtures.python("""
            import sys, zipfile, io
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, 'w') as z:
                z.writestr('report.xml', b'<report/>')
                z.writestr('é.txt', b'x')
            data = buf.getvalue().replace('é.txt'.encode(), b'\(bytes).txt')
            open(sys.argv[1], 'wb').write(data)
            """)
        let diagnostics = Self.refusal(BundleOpener.open(data, limits: BundleLimits()))
        #expect(diagnostics.map(\.code) == [.bundleUnsafePath])
        #expect(diagnostics.first?.location.file == shown)
    }

    @Test func symlinkIsRefused() throws {
        let data = try BundleFixtures.python("""
            import sys, zipfile
            with zipfile.ZipFile(sys.argv[1], 'w') as z:
                z.writestr('report.xml', b'<report/>')
                link = zipfile.ZipInfo('attachments/passwd')
                link.create_system = 3
                link.external_attr = 0o120777 << 16
                z.writestr(link, b'/etc/passwd')
            """)
        let diagnostics = Self.refusal(BundleOpener.open(data, limits: BundleLimits()))
        #expect(diagnostics.map(\.code) == [.bundleLink])
        #expect(diagnostics.first?.location.file == "attachments/passwd")
    }

    @Test func encryptedEntriesAreRefused() throws {
        let data = try BundleFixtures.zipEncrypted(["report.xml": "<report/>", "secret.txt": "bí mật"], password: "pw")
        let diagnostics = Self.refusal(BundleOpener.open(data, limits: BundleLimits()))
        #expect(diagnostics.map(\.code) == [.bundleEncrypted, .bundleEncrypted])
        #expect(Set(diagnostics.compactMap(\.location.file)) == ["report.xml", "secret.txt"])
    }

    @Test func namesEqualAfterNFCAndCaseFoldingAreDuplicates() throws {
        let data = try ZipWriter.archive([
            .init(name: "report.xml", data: report),
            .init(name: "Tệp.txt", data: Data("1".utf8)),
            .init(name: "te\u{0323}\u{0302}p.TXT", data: Data("2".utf8)),  // NFD, other case
            .init(name: "Straße.pdf", data: Data("3".utf8)),
            .init(name: "STRASSE.PDF", data: Data("4".utf8)),
            .init(name: "REPORT.XML", data: report),
        ])
        let diagnostics = Self.refusal(BundleOpener.open(data, limits: BundleLimits()))
        #expect(diagnostics.map(\.code) == Array(repeating: .bundleDuplicateEntry, count: 3))
        #expect(diagnostics.map(\.location.file) == ["tệp.TXT", "STRASSE.PDF", "REPORT.XML"])
    }

    @Test func exactDuplicateNamesAreRefused() throws {
        let data = try BundleFixtures.python("""
            import sys, zipfile, warnings
            warnings.simplefilter('ignore')
            with zipfile.ZipFile(sys.argv[1], 'w') as z:
                z.writestr('report.xml', b'<report/>')
                z.writestr('report.xml', b'<other/>')
            """)
        #expect(Self.refusal(BundleOpener.open(data, limits: BundleLimits())).map(\.code) == [.bundleDuplicateEntry])
    }

    @Test func missingReportIsRefused() throws {
        let data = try ZipWriter.archive([
            .init(name: "attachments/report.xml", data: report),
            .init(name: "Report.xml.bak", data: report),
        ])
        let diagnostics = Self.refusal(BundleOpener.open(data, limits: BundleLimits()))
        #expect(diagnostics.map(\.code) == [.bundleNoReport])
        #expect(diagnostics.first?.message == "Tệp nén không có tệp report.xml ở thư mục gốc.")
    }

    @Test func allProblemsAreCollected() throws {
        let data = try BundleFixtures.python("""
            import sys, zipfile
            with zipfile.ZipFile(sys.argv[1], 'w') as z:
                z.writestr('../x', b'x')
                z.writestr('a.txt', b'a')
                z.writestr('A.TXT', b'a')
                link = zipfile.ZipInfo('l')
                link.create_system = 3
                link.external_attr = 0o120777 << 16
                z.writestr(link, b'a.txt')
            """)
        let codes = Self.refusal(BundleOpener.open(data, limits: BundleLimits())).map(\.code)
        #expect(codes == [.bundleUnsafePath, .bundleDuplicateEntry, .bundleLink, .bundleNoReport])
    }

    // MARK: limits

    @Test func tooManyEntries() throws {
        let data = try ZipWriter.archive((0..<4).map { .init(name: "f\($0).txt", data: Data()) } + [.init(name: "report.xml", data: report)])
        let diagnostics = Self.refusal(BundleOpener.open(data, limits: BundleLimits(maxEntries: 4)))
        #expect(diagnostics.map(\.code) == [.bundleLimit])
        #expect(Self.opened(BundleOpener.open(data, limits: BundleLimits(maxEntries: 5))) != nil)
    }

    @Test func tooLargeInAllByDeclaredSizes() throws {
        let data = try ZipWriter.archive([
            .init(name: "report.xml", data: report),
            .init(name: "a.bin", data: Data(repeating: 1, count: 600), compression: .store),
            .init(name: "b.bin", data: Data(repeating: 2, count: 600), compression: .store),
        ])
        let diagnostics = Self.refusal(BundleOpener.open(data, limits: BundleLimits(maxTotalUncompressed: 1_000)))
        #expect(diagnostics.map(\.code) == [.bundleLimit])
        #expect(diagnostics.first?.location.file == "b.bin")
    }

    @Test func declaredRatioPastLimit() throws {
        let data = try ZipWriter.archive([
            .init(name: "report.xml", data: report),
            .init(name: "zeros.bin", data: Data(count: 100_000)),
        ])
        let diagnostics = Self.refusal(BundleOpener.open(data, limits: BundleLimits()))
        #expect(diagnostics.map(\.code) == [.bundleLimit])
        #expect(diagnostics.first?.location.file == "zeros.bin")
        #expect(Self.opened(BundleOpener.open(data, limits: BundleLimits(maxRatio: 10_000))) != nil)
    }

    /// Headers that understate the size pass the declared checks; the
    /// counting reader still stops the entry at the ratio, then the total.
    @Test func lyingHeadersAreCaughtWhileInflating() throws {
        let data = try BundleFixtures.lyingBomb(size: 5 << 20)
        let byRatio = Self.refusal(BundleOpener.open(data, limits: BundleLimits()))
        #expect(byRatio.map(\.code) == [.bundleLimit])
        #expect(byRatio.first?.messageEnglish.contains("100:1") == true)

        let byTotal = Self.refusal(BundleOpener.open(data, limits: BundleLimits(maxTotalUncompressed: 1 << 20, maxRatio: 1_000_000)))
        #expect(byTotal.map(\.code) == [.bundleLimit])
        #expect(byTotal.first?.messageEnglish.contains("in all") == true)
    }

    // MARK: helpers

    private static func opened(_ opening: BundleOpening) -> OpenedBundle? {
        if case .opened(let bundle) = opening { return bundle }
        Issue.record("refused: \(opening)")
        return nil
    }

    private static func refusal(_ opening: BundleOpening) -> [Diagnostic] {
        if case .refused(let diagnostics) = opening { return diagnostics }
        Issue.record("expected a refusal, got \(opening)")
        return []
    }
}

/// Archives made with Python and the `zip` command, for what ZipWriter
/// will not write (links, encryption, lying headers).
private enum BundleFixtures {
    struct ToolFailed: Error { var output: String }

    /// A report plus `zeros.bin` of `size` zero bytes whose headers claim 10.
    static func lyingBomb(size: Int) throws -> Data {
        try python("""
            import sys, zipfile, io, struct
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as z:
                z.writestr('report.xml', b'<report/>')
                z.writestr('zeros.bin', bytes(\(size)))
                local = z.getinfo('zeros.bin').header_offset
            data = bytearray(buf.getvalue())
            struct.pack_into('<I', data, local + 22, 10)
            central = data.rfind(b'PK\\x01\\x02')
            struct.pack_into('<I', data, central + 24, 10)
            open(sys.argv[1], 'wb').write(data)
            """)
    }

    static func python(_ script: String) throws -> Data {
        try inTemporaryDirectory { dir in
            try run(["python3", "-c", script, "out.zip"], in: dir)
            return try Data(contentsOf: dir.appendingPathComponent("out.zip"))
        }
    }

    static func zipEncrypted(_ files: [String: String], password: String) throws -> Data {
        try inTemporaryDirectory { dir in
            for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
            try run(["zip", "-q", "-P", password, "out.zip"] + files.keys.sorted(), in: dir)
            return try Data(contentsOf: dir.appendingPathComponent("out.zip"))
        }
    }

    private static func run(_ arguments: [String], in dir: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = dir
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ToolFailed(output: String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        }
    }

    private static func inTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bundle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        return try body(dir)
    }
}
