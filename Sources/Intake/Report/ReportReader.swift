import Foundation
import ReportModel
import XMLKit

/// Turns a schema-valid `report` element into a `Report` value.
///
/// It runs only after the XSD has accepted the document, so the shape and
/// the value formats are known; it keeps each element's line and column.
enum ReportReader {
    static func read(_ root: XMLElementNode, file: String) -> Report {
        let preparer = root.child(named: "preparer")
        return Report(
            id: root.value("id") ?? "",
            plan: root.value("plan") ?? "",
            unit: root.value("unit") ?? "",
            year: Int(root.value("year") ?? "") ?? 0,
            kind: ReportKind(rawValue: root.value("kind") ?? "") ?? .annual,
            submitted: root.value("submitted"),
            supersedes: root.value("supersedes"),
            preparer: Preparer(name: preparer?.attributes["name"] ?? "", position: preparer?.attributes["position"],
                               email: preparer?.attributes["email"], phone: preparer?.attributes["phone"]),
            tasks: root.children(named: "task").map { readTask($0, file: file) },
            location: location(of: root, file: file))
    }

    private static func readTask(_ task: XMLElementNode, file: String) -> TaskReport {
        TaskReport(
            code: task.value("code") ?? "",
            status: TaskStatus(rawValue: task.value("status") ?? "") ?? .notStarted,
            progress: Int(task.value("progress") ?? "") ?? 0,
            role: TaskRole(rawValue: task.value("role") ?? "lead") ?? .lead,
            responsible: task.child(named: "responsible")?.trimmedText ?? "",
            results: task.children(named: "result").compactMap { element in
                YearMonth(iso: element.value("month") ?? "").map {
                    MonthlyResult(month: $0, text: element.trimmedText, location: location(of: element, file: file))
                }
            },
            indicators: task.children(named: "indicator").map { element in
                IndicatorValue(code: element.value("code") ?? "",
                               actual: decimal(element.value("actual")) ?? 0,
                               target: decimal(element.value("target")),
                               name: element.value("name"), measure: element.value("measure"),
                               location: location(of: element, file: file))
            },
            products: task.children(named: "product").map { element in
                Product(date: element.value("date").flatMap { CalendarDate(iso: $0) }, file: element.value("file"),
                        text: element.trimmedText, location: location(of: element, file: file))
            },
            difficulties: task.children(named: "difficulty").map(\.trimmedText),
            proposals: task.children(named: "proposal").map(\.trimmedText),
            funding: task.children(named: "funding").map { element in
                Funding(source: FundingSource(rawValue: element.value("source") ?? "") ?? .other,
                        amount: Int64(element.value("amount") ?? "") ?? 0,
                        location: location(of: element, file: file))
            },
            location: location(of: task, file: file))
    }

    static func location(of element: XMLElementNode, file: String) -> SourceLocation {
        SourceLocation(file: file, line: element.line, column: element.column)
    }

    /// XSD decimals: optional sign, digits, optional fraction; never a locale.
    static func decimal(_ text: String?) -> Decimal? {
        guard var text = text.map(XMLWhitespace.trim), !text.isEmpty else { return nil }
        if text.hasPrefix("+") { text.removeFirst() }
        if text.hasPrefix(".") { text = "0" + text }
        if text.hasSuffix(".") { text.removeLast() }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }
}
