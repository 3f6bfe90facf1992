import Foundation
import ReportModel
import XMLKit

/// Turns a schema-valid `report` element into a `Report` value.
///
/// It runs only after the XSD has accepted the document, so the shape and
/// the value formats are known; it keeps each element's line and column.
/// Figures past what can be summed exactly are refused here
/// (`VALUE_TOO_LARGE`), never wrapped or read as zero.
enum ReportReader {
    /// A funding amount above 10^15 đồng is refused (§5).
    static let maximumAmount: Int64 = 1_000_000_000_000_000
    /// An indicator value above 10^12 is refused (§5).
    static let maximumIndicatorValue = Decimal(sign: .plus, exponent: 12, significand: 1)

    /// What is read of a report's narratives: the texts of its results,
    /// products, difficulties and proposals.
    enum Narratives {
        /// Read (consolidation: they are what the documents say).
        case read
        /// Left empty: intake's checks never read them (they are most of a
        /// report's text; the store keeps the bytes, and consolidation reads
        /// them from there). Placeholders, the person in charge, milestones
        /// and every attribute are read either way.
        case skipped
    }

    /// The elements whose text is a narrative (`Narratives.skipped` leaves it unread).
    static let narrativeElements = UnreadText(elements: ["result", "product", "difficulty", "proposal"])

    /// A report or a detailed plan, by its root element.
    static func readSubmission(_ root: XMLElementView, file: String, narratives: Narratives = .read) -> (Submitted, [Diagnostic]) {
        if root.isNamed("detailed-plan") {
            var problems: [Diagnostic] = []
            let plan = readPlan(root, file: file, problems: &problems)
            return (.plan(plan), problems)
        }
        var problems: [Diagnostic] = []
        let report = read(root, file: file, narratives: narratives, problems: &problems)
        return (.report(report), problems)
    }

    private static func readPlan(_ root: XMLElementView, file: String, problems: inout [Diagnostic]) -> DetailedPlan {
        DetailedPlan(
            id: root.value("id") ?? "", plan: root.value("plan") ?? "", unit: root.value("unit") ?? "",
            year: Int(root.value("year") ?? "") ?? 0, submitted: root.value("submitted"), supersedes: root.value("supersedes"),
            preparer: preparer(root, file: file),
            tasks: root.children(named: "task").map { task in
                PlannedTask(
                    code: task.value("code") ?? "", role: TaskRole(rawValue: task.value("role") ?? "lead") ?? .lead,
                    responsible: task.child(named: "responsible")?.trimmedText ?? "",
                    milestones: task.children(named: "milestone").compactMap { element in
                        YearMonth(iso: element.value("month") ?? "").map {
                            Milestone(month: $0, text: element.trimmedText, location: location(of: element, file: file))
                        }
                    },
                    indicators: task.children(named: "indicator").map { element in
                        let here = location(of: element, file: file)
                        let target = indicatorValue(element.value("target"), at: here, problems: &problems) ?? 0
                        return IndicatorValue(code: element.value("code") ?? "", actual: target, target: target,
                                              name: element.value("name"), measure: element.value("measure"), location: here)
                    },
                    funding: task.children(named: "funding").map { element in
                        let here = location(of: element, file: file)
                        return Funding(source: FundingSource(rawValue: element.value("source") ?? "") ?? .other,
                                       amount: amount(element.value("amount"), at: here, problems: &problems), location: here)
                    },
                    location: location(of: task, file: file))
            },
            location: location(of: root, file: file))
    }

    private static func preparer(_ root: XMLElementView, file: String) -> Preparer {
        let preparer = root.child(named: "preparer")
        return Preparer(name: preparer?.attribute("name") ?? "", position: preparer?.attribute("position"),
                        email: preparer?.attribute("email"), phone: preparer?.attribute("phone"),
                        location: preparer.map { location(of: $0, file: file) } ?? SourceLocation(file: file))
    }

    static func read(_ root: XMLElementView, file: String) -> (Report, [Diagnostic]) {
        var problems: [Diagnostic] = []
        let report = read(root, file: file, narratives: .read, problems: &problems)
        return (report, problems)
    }

    private static func read(_ root: XMLElementView, file: String, narratives: Narratives, problems: inout [Diagnostic]) -> Report {
        Report(
            id: root.value("id") ?? "",
            plan: root.value("plan") ?? "",
            unit: root.value("unit") ?? "",
            year: Int(root.value("year") ?? "") ?? 0,
            kind: ReportKind(rawValue: root.value("kind") ?? "") ?? .annual,
            submitted: root.value("submitted"),
            supersedes: root.value("supersedes"),
            preparer: preparer(root, file: file),
            tasks: root.children(named: "task").map { readTask($0, file: file, narratives: narratives, problems: &problems) },
            location: location(of: root, file: file))
    }

    private static func readTask(_ task: XMLElementView, file: String, narratives: Narratives, problems: inout [Diagnostic]) -> TaskReport {
        func narrative(_ element: XMLElementView) -> String { narratives == .read ? element.trimmedText : "" }
        return TaskReport(
            code: task.value("code") ?? "",
            status: TaskStatus(rawValue: task.value("status") ?? "") ?? .notStarted,
            progress: Int(task.value("progress") ?? "") ?? 0,
            role: TaskRole(rawValue: task.value("role") ?? "lead") ?? .lead,
            responsible: task.child(named: "responsible")?.trimmedText ?? "",
            results: task.children(named: "result").compactMap { element in
                YearMonth(iso: element.value("month") ?? "").map {
                    MonthlyResult(month: $0, text: narrative(element), location: location(of: element, file: file))
                }
            },
            indicators: task.children(named: "indicator").map { element in
                let here = location(of: element, file: file)
                return IndicatorValue(code: element.value("code") ?? "",
                                      actual: indicatorValue(element.value("actual"), at: here, problems: &problems) ?? 0,
                                      target: indicatorValue(element.value("target"), at: here, problems: &problems),
                                      name: element.value("name"), measure: element.value("measure"), location: here)
            },
            products: task.children(named: "product").map { element in
                Product(date: element.value("date").flatMap { CalendarDate(iso: $0) }, file: element.value("file"),
                        text: narrative(element), location: location(of: element, file: file))
            },
            difficulties: task.children(named: "difficulty").map { element in
                // The XSD allows only the listed kinds and gives the default.
                Difficulty(narrative(element), kind: DifficultyKind(rawValue: element.value("kind") ?? "") ?? .other,
                           location: location(of: element, file: file))
            },
            proposals: task.children(named: "proposal").map { element in
                Proposal(narrative(element), to: ProposalAddressee(rawValue: element.value("to") ?? "") ?? .ministry,
                         location: location(of: element, file: file))
            },
            funding: task.children(named: "funding").map { element in
                let here = location(of: element, file: file)
                return Funding(source: FundingSource(rawValue: element.value("source") ?? "") ?? .other,
                               amount: amount(element.value("amount"), at: here, problems: &problems), location: here)
            },
            location: location(of: task, file: file))
    }

    /// An `xs:nonNegativeInteger` amount in whole đồng, at most 10^15; a
    /// larger one is refused with its place (and read as 0 only in a report
    /// that is refused anyway).
    private static func amount(_ text: String?, at here: SourceLocation, problems: inout [Diagnostic]) -> Int64 {
        var digits = Substring(XMLWhitespace.trim(text ?? ""))
        if digits.hasPrefix("+") { digits = digits.dropFirst() }
        digits = digits.drop { $0 == "0" }
        if digits.count <= 16, let value = Int64(digits.isEmpty ? "0" : String(digits)), value <= maximumAmount { return value }
        problems.append(Diagnostic(.valueTooLarge, at: here,
            message: "Số tiền \(XMLWhitespace.trim(text ?? "")) đồng vượt mức tối đa 10^15 đồng (1.000.000.000.000.000 đồng): hãy kiểm tra lại số liệu.",
            english: "The amount \(XMLWhitespace.trim(text ?? "")) is above the maximum of 10^15 đồng."))
        return 0
    }

    /// An indicator value (actual or target), at most 10^12.
    private static func indicatorValue(_ text: String?, at here: SourceLocation, problems: inout [Diagnostic]) -> Decimal? {
        guard let value = decimal(text) else { return nil }
        guard value > maximumIndicatorValue else { return value }
        let shown = XMLWhitespace.trim(text ?? "")
        problems.append(Diagnostic(.valueTooLarge, at: here,
            message: "Giá trị chỉ số \(shown) vượt mức tối đa 10^12 (1.000.000.000.000): hãy kiểm tra lại số liệu.",
            english: "The indicator value \(shown) is above the maximum of 10^12."))
        return 0
    }

    static func location(of element: XMLElementView, file: String) -> SourceLocation {
        SourceLocation(file: file, line: element.line, column: element.column)
    }

    /// XSD decimals: optional sign, digits, optional fraction; never a locale.
    static func decimal(_ text: String?) -> Decimal? {
        guard var text = text.map(XMLWhitespace.trim), !text.isEmpty else { return nil }
        if text.hasPrefix("+") { text.removeFirst() }
        if text.hasPrefix(".") { text = "0" + text }
        if text.hasSuffix(".") { text.removeLast() }
        return Decimal(string: text, locale: posix)
    }

    /// Made once, not per figure (reading indicator values was a tenth of reading a task).
    private static let posix = Locale(identifier: "en_US_POSIX")
}
