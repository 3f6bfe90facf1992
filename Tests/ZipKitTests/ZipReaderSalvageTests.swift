import Foundation
import Testing
import ZipKit

@Suite struct ZipReaderSalvageTests {
    /// On archives libzip accepts, the salvaged listing says what the reader says.
    @Test func salvageAgreesWithReader() throws {
        let data = try Fixtures.python("""
            import sys, zipfile, io
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as z:
                z.writestr('report.xml', b'<report/>' * 50)
                z.writestr('dir/', b'')
                z.writestr('Báo cáo.txt', b'x')
                z.writestr('@\\x01.txt', b'cp437')
                link = zipfile.ZipInfo('link')
                link.create_system = 3
                link.external_attr = 0o120777 << 16
                z.writestr(link, b'report.xml')
            data = buf.getvalue().replace(b'@\\x01.txt', b'\\x82\\x01.txt')
            open(sys.argv[1], 'wb').write(data)
            """)
        let read = try ZipReader(data: data).entries
        let salvaged = try #require(ZipReader.salvageEntries(from: data))
        #expect(salvaged == read)
        #expect(read[3].name == "é☺.txt")
    }

    @Test func exactDuplicatesAreRefusedButSalvaged() throws {
        let data = try Fixtures.python("""
            import sys, zipfile, warnings
            warnings.simplefilter('ignore')
            with zipfile.ZipFile(sys.argv[1], 'w') as z:
                z.writestr('a.txt', b'1')
                z.writestr('a.txt', b'2')
            """)
        let error = #expect(throws: ZipError.self) { try ZipReader(data: data) }
        #expect(error?.kind == .corrupt)
        #expect(ZipReader.salvageEntries(from: data)?.map(\.name) == ["a.txt", "a.txt"])
    }

    @Test func garbageHasNothingToSalvage() {
        #expect(ZipReader.salvageEntries(from: Data("no zip here".utf8)) == nil)
        #expect(ZipReader.salvageEntries(from: Data(repeating: 0, count: 100)) == nil)
        var endOnly = Data([0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18))
        endOnly[10] = 5  // claims five entries, holds none
        #expect(ZipReader.salvageEntries(from: endOnly) == nil)
    }
}
