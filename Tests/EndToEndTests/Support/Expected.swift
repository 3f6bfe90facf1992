import Foundation

/// One row of Fixtures/invalid/EXPECTED.tsv: a failing input, the code it
/// must get, the outcome, and where (file inside the bundle or the inbox
/// file's name for bare XML; line; column). Blank: none; `*`: any;
/// a column `A-B`: any column from A to B.
struct ExpectedRow: CustomStringConvertible {
    var file: String
    var code: String
    var outcome: String
    var locationFile: String
    var line: String
    var column: String
    var prerequisite: String
    var received: String

    var description: String { "\(file) → \(code) (\(outcome)) at \(locationFile):\(line):\(column)" }

    /// When prerequisites are received: before the row's own file.
    static let prerequisiteReceived = "2026-11-05T10:00:00+07:00"

    static func all() throws -> [ExpectedRow] {
        let url = Baocao.fixtures.appendingPathComponent("invalid/EXPECTED.tsv")
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            precondition(f.count == 8, "EXPECTED.tsv: 8 fields needed in \(line)")
            return ExpectedRow(file: f[0], code: f[1], outcome: f[2], locationFile: f[3], line: f[4], column: f[5],
                               prerequisite: f[6], received: f[7])
        }
    }

    func matches(_ d: DiagnosticView) -> Bool {
        guard d.code == code else { return false }
        let fileOK: Bool
        switch locationFile {
        case "*": fileOK = true
        case "": fileOK = d.file == nil || d.file == ""
        default: fileOK = d.file?.precomposedStringWithCanonicalMapping == locationFile.precomposedStringWithCanonicalMapping
        }
        return fileOK && Self.number(d.line, matches: line) && Self.number(d.column, matches: column)
    }

    private static func number(_ value: Int?, matches pattern: String) -> Bool {
        if pattern == "*" { return true }
        if pattern.isEmpty { return value == nil }
        guard let value else { return false }
        let bounds = pattern.split(separator: "-").compactMap { Int($0) }
        if bounds.count == 2 { return (bounds[0]...bounds[1]).contains(value) }
        return Int(pattern) == value
    }
}

/// Every diagnostic code of report-format.md §7 with its severity.
let specCodes: [String: String] = [
    "BUNDLE_CORRUPT": "error", "BUNDLE_UNSAFE_PATH": "error", "BUNDLE_LINK": "error", "BUNDLE_ENCRYPTED": "error",
    "BUNDLE_DUPLICATE_ENTRY": "error", "BUNDLE_LIMIT": "error", "BUNDLE_NO_REPORT": "error", "MANIFEST_MISMATCH": "error",
    "SIGNATURE_MISSING": "error", "SIGNATURE_INVALID": "error", "XML_MALFORMED": "error", "XML_DTD": "error",
    "XML_ENCODING": "error", "SCHEMA_INVALID": "error", "PLAN_MISMATCH": "error", "UNIT_UNKNOWN": "error",
    "YEAR_OUT_OF_RANGE": "error", "TASK_UNKNOWN": "error", "TASK_NOT_ASSIGNED": "error", "TASK_DUPLICATE": "error",
    "STATUS_INCONSISTENT": "error", "MONTH_OUT_OF_YEAR": "error", "INDICATOR_UNKNOWN": "error",
    "ATTACHMENT_MISSING": "error", "ID_CONFLICT": "error", "SUPERSEDES_UNKNOWN": "error", "VALUE_TOO_LARGE": "error",
    "LATE": "warning", "TEMPLATE_TEXT": "warning", "TASK_MISSING": "warning",
]

/// Codes only the portal gives (an upload by an account): no inbox fixture.
let portalOnlyCodes: Set<String> = ["UNIT_NOT_AUTHORISED"]

/// The lead units of the plan (§3) and the file each sends in the 2026 sample inbox.
let sampleInbox: [String: String] = [
    "KTXHS": "KTXHS-2026.xml", "HTQT": "HTQT-2026.zip", "CDSQG": "CDSQG-2026.xml", "VCNS": "VCNS-2026.zip",
    "CVT": "CVT-2026.zip", "VTF": "VTF-2026.xml", "CDMST": "CDMST-2026.zip", "TTCNTT": "TTCNTT-2026.xml",
    "NAFOSTED": "NAFOSTED-2026.zip", "NATIF": "NATIF - Báo cáo năm 2026.xml", "HVCL": "HVCL-2026.zip",
]
let lateUnit = "NATIF"
