import Foundation
import Consolidation
import Intake
import ReportModel
import SystemKit
import Store
import XCTest

/// The package's root: the folder above this file that holds Package.swift.
enum PackageRoot {
    static let url: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url = url.deletingLastPathComponent()
        }
        fatalError("no Package.swift above \(#filePath)")
    }()

    /// `../shared/ooxml/validate-docx`, beside the package.
    static var validator: URL {
        url.deletingLastPathComponent().appendingPathComponent("shared/ooxml/validate-docx").standardizedFileURL
    }
}

enum ShippedPlan {
    static let resources: IntakeResources = {
        do {
            return try IntakeResources.load()
        } catch {
            fatalError("cannot load the shipped plan: \(error)")
        }
    }()
    static let plan: Plan = resources.plan

    /// The merge over `store`, reading reports as `Publisher` does.
    static func merge(_ store: SubmissionStore) -> YearMerge {
        let reader = StoredReport(resources: resources)
        return YearMerge(plan: plan, index: store.index, reports: StoreReports(store: store, reader: reader))
    }
}

/// The store's reports read as the pipeline reads them.
struct StoreReports: ReportSource {
    let store: SubmissionStore
    let reader: StoredReport

    func report(for record: LedgerRecord) throws -> Report {
        try reader.read(try store.original(sha256: record.receipt.sha256), path: record.kept ?? "")
    }

    func plan(for record: LedgerRecord) throws -> DetailedPlan {
        try reader.readPlan(try store.original(sha256: record.receipt.sha256), path: record.kept ?? "")
    }
}

/// A real store on disk, filled the way `baocao ingest` fills it: each
/// accepted original kept by its SHA-256, each refused file in quarantine,
/// one ledger line per outcome.
final class DiskStore {
    let root: URL
    let storeURL: URL
    let outbox: URL
    private let sources: URL
    private let plan: Plan
    private var writer: SubmissionStore?

    init(_ label: String, plan: Plan = ShippedPlan.plan) throws {
        self.plan = plan
        root = FileManager.default.temporaryDirectory.appendingPathComponent("baocao-documents-\(label)-\(UUID().uuidString)")
        storeURL = root.appendingPathComponent("store")
        outbox = root.appendingPathComponent("Outbox")
        sources = root.appendingPathComponent("sent")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        writer = try SubmissionStore.openForWriting(at: storeURL)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    static func epoch(_ iso: String) -> Int {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        guard let date = formatter.date(from: iso) else { fatalError("bad instant \(iso)") }
        return Int(date.timeIntervalSince1970)
    }

    /// Keeps a report as an accepted submission (the original is the bare `report.xml`).
    @discardableResult
    func accept(_ report: Report, received: String) throws -> String {
        guard let store = writer else { fatalError("the store is closed") }
        let bytes = ReportXML.encode(report)
        let file = sources.appendingPathComponent("\(report.id).xml")
        try bytes.write(to: file)
        let sha = SHA256Hex.of(bytes)
        let epoch = Self.epoch(received)
        let late = report.kind == .annual && Double(epoch) > plan.calendar.unitReportDeadline(year: report.year).timeIntervalSince1970
        let receipt = Receipt(file: "\(report.id).xml", sha256: sha, outcome: .accepted, unit: report.unit, year: report.year,
                              kind: report.kind, id: report.id, received: received, late: late, supersedes: report.supersedes,
                              diagnostics: late ? [Diagnostic(.late, message: "Báo cáo được nhận sau thời hạn.", english: "Late.")] : [])
        let kept = try store.keepAccepted(.bytes(bytes, modified: epoch), receipt: receipt)
        try store.commit([LedgerRecord(sequence: store.index.nextSequence, receipt: receipt, receivedEpoch: epoch,
                                       completedTasks: report.tasks.filter { $0.status == .completed }.map(\.code), kept: kept)])
        return sha
    }

    /// Keeps a refused file in quarantine with its receipt.
    func reject(file name: String, unit: String, year: Int, received: String, diagnostics: [Diagnostic]) throws {
        guard let store = writer else { fatalError("the store is closed") }
        let bytes = Data("<report>\n  <task>\n".utf8)
        let file = sources.appendingPathComponent(name)
        try bytes.write(to: file)
        let sha = SHA256Hex.of(bytes + Data(name.utf8))
        let receipt = Receipt(file: name, sha256: sha, outcome: .rejected, unit: unit, year: year, kind: .annual, id: nil,
                              received: received, late: false, supersedes: nil, diagnostics: diagnostics)
        let kept = try store.keepRejected(.bytes(bytes, modified: Self.epoch(received)), receipt: receipt)
        try store.commit([LedgerRecord(sequence: store.index.nextSequence, receipt: receipt, receivedEpoch: Self.epoch(received),
                                       completedTasks: [], kept: kept)])
    }

    /// Ends writing (releases the lock) and opens the store as the commands read it.
    func reader() throws -> SubmissionStore {
        writer = nil
        return try SubmissionStore.openForReading(at: storeURL)
    }
}

/// `report.xml` (report-format.md §5) from a `Report`: the shape units send.
enum ReportXML {
    static func encode(_ report: Report) -> Data {
        var x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        x += "<report xmlns=\"urn:baocao:unit-report:1\" id=\"\(e(report.id))\" plan=\"\(e(report.plan))\" unit=\"\(e(report.unit))\""
        x += " year=\"\(report.year)\" kind=\"\(report.kind.rawValue)\""
        if let submitted = report.submitted { x += " submitted=\"\(e(submitted))\"" }
        if let supersedes = report.supersedes { x += " supersedes=\"\(e(supersedes))\"" }
        x += ">\n  <preparer name=\"\(e(report.preparer.name))\"/>\n"
        for task in report.tasks {
            x += "  <task code=\"\(e(task.code))\" status=\"\(task.status.rawValue)\" progress=\"\(task.progress)\" role=\"\(task.role.rawValue)\">\n"
            x += "    <responsible>\(e(task.responsible))</responsible>\n"
            for result in task.results { x += "    <result month=\"\(result.month)\">\(e(result.text))</result>\n" }
            for value in task.indicators {
                x += "    <indicator code=\"\(e(value.code))\" actual=\"\(value.actual)\""
                if let target = value.target { x += " target=\"\(target)\"" }
                if let name = value.name { x += " name=\"\(e(name))\"" }
                if let measure = value.measure { x += " measure=\"\(e(measure))\"" }
                x += "/>\n"
            }
            for product in task.products {
                x += "    <product"
                if let date = product.date { x += " date=\"\(date)\"" }
                if let file = product.file { x += " file=\"\(e(file))\"" }
                x += ">\(e(product.text))</product>\n"
            }
            for item in task.difficulties { x += "    <difficulty kind=\"\(item.kind.rawValue)\">\(e(item.text))</difficulty>\n" }
            for item in task.proposals { x += "    <proposal to=\"\(item.to.rawValue)\">\(e(item.text))</proposal>\n" }
            for item in task.funding { x += "    <funding source=\"\(item.source.rawValue)\" amount=\"\(item.amount)\"/>\n" }
            x += "  </task>\n"
        }
        x += "</report>\n"
        return Data(x.utf8)
    }

    private static func e(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

/// Runs a program and returns its exit status and output (stdout + stderr).
func runProgram(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// One part of a `.docx`, as text (`unzip -p`).
func part(_ name: String, of docx: URL) throws -> String {
    let result = try runProgram("/usr/bin/unzip", ["-p", docx.path, name])
    guard result.status == 0 else { throw PartMissing(part: name, docx: docx.path) }
    return result.output
}

/// The part names of a `.docx`.
func parts(of docx: URL) throws -> [String] {
    try runProgram("/usr/bin/unzip", ["-Z1", docx.path]).output.split(separator: "\n").map(String.init)
}

struct PartMissing: Error {
    var part: String
    var docx: String
}

/// The text a reader sees in a WordprocessingML part: the `w:t` of each
/// paragraph joined (a phrase may be split across runs), one line per paragraph.
func visibleText(_ xml: String) -> String {
    var lines: [String] = []
    for paragraph in xml.components(separatedBy: "</w:p>") {
        var line = ""
        var rest = Substring(paragraph)
        while let open = rest.range(of: "<w:t") {
            let afterName = rest[open.upperBound...]
            // `<w:t>` or `<w:t xml:space="preserve">`, not `<w:tbl>`, `<w:tc>`…
            guard let first = afterName.first, first == ">" || first == " " else { rest = afterName; continue }
            guard let close = afterName.range(of: ">") else { break }
            if afterName[afterName.index(before: close.upperBound)...].hasPrefix(">"),
               afterName[..<close.lowerBound].hasSuffix("/") { rest = afterName[close.upperBound...]; continue }
            let body = afterName[close.upperBound...]
            guard let end = body.range(of: "</w:t>") else { break }
            line += body[..<end.lowerBound]
            rest = body[end.upperBound...]
        }
        if !line.isEmpty { lines.append(line) }
    }
    return lines.joined(separator: "\n")
        .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
        .replacingOccurrences(of: "&amp;", with: "&")
}
