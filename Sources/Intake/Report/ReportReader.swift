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
            id: root.attributes["id"] ?? "",
            plan: root.attributes["plan"] ?? "",
            unit: root.attributes["unit"] ?? "",
            year: Int(root.attributes["year"] ?? "") ?? 0,
            kind: ReportKind(rawValue: root.attributes["kind"] ?? "") ?? .annual,
            submitted: root.attributes["submitted"],
            supersedes: root.attributes["supersedes"],
            preparer: Preparer(name: preparer?.attributes["name"] ?? "", position: preparer?.attributes["position"],
                               email: preparer?.attributes["email"], phone: preparer?.attributes["phone"]),
            tasks: root.children(named: "task").map { readTask($0, file: file) },
            location: location(of: root, file: file))
    }

    private static func readTask(_ task: XMLElementNode, file: String) -> TaskReport {
        TaskReport(
            code: task.attributes["code"] ?? "",
            status: TaskStatus(rawValue: task.attributes["status"] ?? "") ?? .notStarted,
            progress: Int(task.attributes["progress"] ?? "") ?? 0,
            role: TaskRole(rawValue: task.attributes["role"] ?? "lead") ?? .lead,
            responsible: task.child(named: "responsible")?.trimmedText ?? "",
            results: task.children(named: "result").compactMap { element in
                YearMonth(iso: element.attributes["month"] ?? "").map {
                    MonthlyResult(month: $0, text: element.trimmedText, location: location(of: element, file: file))
                }
            },
            indicators: task.children(named: "indicator").map { element in
                IndicatorValue(code: element.attributes["code"] ?? "",
                               actual: decimal(element.attributes["actual"]) ?? 0,
                               target: decimal(element.attributes["target"]),
                               name: element.attributes["name"], measure: element.attributes["measure"],
                               location: location(of: element, file: file))
            },
            products: task.children(named: "product").map { element in
                Product(date: element.attributes["date"].flatMap { CalendarDate(iso: $0) }, file: element.attributes["file"],
                        text: element.trimmedText, location: location(of: element, file: file))
            },
            difficulties: task.children(named: "difficulty").map(\.trimmedText),
            proposals: task.children(named: "proposal").map(\.trimmedText),
            funding: task.children(named: "funding").map { element in
                Funding(source: FundingSource(rawValue: element.attributes["source"] ?? "") ?? .other,
                        amount: Int64(element.attributes["amount"] ?? "") ?? 0,
                        location: location(of: element, file: file))
            },
            location: location(of: task, file: file))
    }

    static func location(of element: XMLElementNode, file: String) -> SourceLocation {
        SourceLocation(file: file, line: element.line, column: element.column)
    }

    /// XSD decimals: optional sign, digits, optional fraction; never a locale.
    static func decimal(_ text: String?) -> Decimal? {
        guard var text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if text.hasPrefix("+") { text.removeFirst() }
        if text.hasPrefix(".") { text = "0" + text }
        if text.hasSuffix(".") { text.removeLast() }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }
}
