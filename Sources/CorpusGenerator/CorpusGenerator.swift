import Foundation
import Intake
import ReportModel

/// Writes a deterministic benchmark corpus: `plan.xml` (the shipped plan
/// plus generated units), `inbox/` (bundles with received times set) and
/// `xml/` (each bundle's report.xml, for the xmllint baseline).
///
///     baocao-corpus --bundles 10000 --out .bench/10000
@main
struct CorpusGenerator {
    static func main() throws {
        var bundles = 10_000
        var out = ".bench/corpus"
        var years = 2026...2030
        var arguments = CommandLine.arguments.dropFirst().makeIterator()
        while let argument = arguments.next() {
            switch argument {
            case "--bundles": bundles = Int(arguments.next() ?? "") ?? bundles
            case "--out": out = arguments.next() ?? out
            case "--years":
                let parts = (arguments.next() ?? "").split(separator: "-").compactMap { Int($0) }
                if parts.count == 2 { years = parts[0]...parts[1] }
            default:
                FileHandle.standardError.write(Data("usage: baocao-corpus [--bundles N] [--out DIR] [--years 2026-2030]\n".utf8))
                exit(2)
            }
        }
        let root = URL(fileURLWithPath: out)
        let resources = try IntakeResources.load()
        let units = (bundles + years.count - 1) / years.count
        try write(plan: resources, units: units, to: root.appendingPathComponent("plan.xml"))
        let builder = ReportBuilder(plan: resources.plan,
                                    openTasks: resources.plan.tasks.filter { $0.coordinating.isOpen })
        let inbox = root.appendingPathComponent("inbox")
        let xml = root.appendingPathComponent("xml")
        for folder in [inbox, xml] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        let calendar = resources.plan.calendar
        var written = 0
        for n in 0..<bundles {
            var rng = SplitMix64(seed: UInt64(n) &* 7919 &+ 17)
            let unit = unitCode(n % units)
            let year = years.lowerBound + n / units
            let attachments = (0..<rng.int(0...5)).map { "attachments/minh-chung-\($0 + 1).pdf" }
            let flaw: ReportBuilder.Flaw? = rng.chance(4) ? rng.pick(ReportBuilder.Flaw.allCases) : nil
            let report = try builder.xml(unit: unit, year: year, rng: &rng, attachments: attachments, flaw: flaw)
            let files = attachments.map { path in
                BundlePacker.Attachment(path: path, data: Data(Array("%PDF-1.4\n".utf8) + rng.bytes(rng.int(50_000...500_000))),
                                        compression: .store)
            }
            let bundle = try BundlePacker.pack(report: report, attachments: files, signingKey: nil)
            let name = "\(unit)-\(year)"
            let bundleURL = inbox.appendingPathComponent(name + ".zip")
            try bundle.write(to: bundleURL)
            try report.write(to: xml.appendingPathComponent(name + ".xml"))
            // Received between 1 and 15 November; a few after the deadline.
            let day = rng.chance(3) ? rng.int(16...25) : rng.int(1...15)
            let received = calendar.startOfDay(CalendarDate(year: year, month: 11, day: day)).addingTimeInterval(Double(rng.int(0...86_399)))
            try FileManager.default.setAttributes([.modificationDate: received], ofItemAtPath: bundleURL.path)
            written += 1
        }
        print("corpus: \(written) bundles of \(units) units over \(years.lowerBound)–\(years.upperBound) in \(out)")
    }

    static func unitCode(_ n: Int) -> String { String(format: "G%05d", n + 1) }

    /// The shipped plan with `units` generated units added to its registry.
    static func write(plan resources: IntakeResources, units: Int, to url: URL) throws {
        let shipped = try String(contentsOf: IntakeResources.planURL(), encoding: .utf8)
        let added = (0..<units).map { "    <unit code=\"\(unitCode($0))\" name=\"Đơn vị thử nghiệm \($0 + 1)\"/>\n" }.joined()
        guard let end = shipped.range(of: "  </units>") else { throw CocoaError(.fileReadCorruptFile) }
        var text = shipped
        text.insert(contentsOf: added, at: end.lowerBound)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
}
