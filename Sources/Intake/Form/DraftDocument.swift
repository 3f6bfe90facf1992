import Foundation
import ReportModel

/// The XML a draft stands for, one element per line, and which form field
/// each line (and each attribute's columns) came from: a diagnostic the
/// checker gives at a line and column is shown beside that field.
public struct DraftDocument: Sendable {
    public var xml: Data
    /// Line (1-based) → the fields on it, by the column their attribute starts at.
    var fields: [Int: [(column: Int, field: String)]]
    /// The evidence files the report names, by bundle path.
    public var attachments: [(path: String, file: AttachedFile)]

    public static let reportNamespace = "urn:baocao:unit-report:1"

    /// The form field a diagnostic points at, if it points inside the report.
    public func field(for location: SourceLocation) -> String? {
        guard let line = location.line, let onLine = fields[line], !onLine.isEmpty else { return nil }
        guard let column = location.column else { return onLine[0].field }
        return onLine.last { $0.column <= column }.map(\.field) ?? onLine[0].field
    }

    /// Builds the document of `draft`, dated `submitted` (`YYYY-MM-DD`).
    public init(_ draft: ReportDraft, plan: Plan, submitted: String) {
        var writer = LineWriter()
        writer.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        let isPlan = draft.kind == .plan
        var root: [(String, String, String?)] = [("xmlns", Self.reportNamespace, nil), ("id", draft.id, nil), ("plan", plan.id, nil),
                                                 ("unit", draft.unit, nil), ("year", String(draft.year), nil)]
        if !isPlan { root.append(("kind", draft.kind.rawValue, nil)) }
        root.append(("submitted", submitted, nil))
        if let supersedes = draft.supersedes { root.append(("supersedes", supersedes, nil)) }
        writer.open(isPlan ? "detailed-plan" : "report", root, field: "form-top")
        var preparer: [(String, String, String?)] = [("name", draft.preparer.name, "preparer-name")]
        for (name, value) in [("position", draft.preparer.position), ("email", draft.preparer.email), ("phone", draft.preparer.phone)]
        where !value.isBlank {
            preparer.append((name, value, "preparer-\(name)"))
        }
        writer.empty("preparer", preparer, field: "preparer-name", indent: 1)
        var attachments: [(String, AttachedFile)] = []
        for (t, task) in draft.tasks.enumerated() {
            let id = "t\(t)"
            var attributes: [(String, String, String?)] = [("code", task.code, nil)]
            if !isPlan {
                attributes += [("status", task.status, "\(id)-status"), ("progress", Numbers.whole(task.progress), "\(id)-progress")]
            }
            attributes.append(("role", task.role.rawValue, nil))
            writer.open("task", attributes, field: isPlan ? "\(id)-responsible" : "\(id)-status", indent: 1)
            writer.text("responsible", [], task.responsible, field: "\(id)-responsible", indent: 2)
            for (r, row) in task.results.enumerated() where !row.isEmpty {
                writer.text(isPlan ? "milestone" : "result", [("month", row.month, "\(id)-r\(r)-month")], row.text,
                            field: "\(id)-r\(r)-text", indent: 2)
            }
            for (i, indicator) in task.indicators.enumerated() {
                let actual = Numbers.decimal(indicator.actual), target = Numbers.decimal(indicator.target)
                if isPlan {
                    guard !target.isBlank else { continue }
                    writer.empty("indicator", [("code", indicator.code, nil), ("target", target, "\(id)-i\(i)-target")],
                                 field: "\(id)-i\(i)-target", indent: 2)
                } else {
                    guard !actual.isBlank || !target.isBlank else { continue }
                    var values: [(String, String, String?)] = [("code", indicator.code, nil), ("actual", actual, "\(id)-i\(i)-actual")]
                    if !target.isBlank { values.append(("target", target, "\(id)-i\(i)-target")) }
                    if !indicator.name.isBlank { values.append(("name", indicator.name, "\(id)-i\(i)-name")) }
                    if !indicator.measure.isBlank { values.append(("measure", indicator.measure, "\(id)-i\(i)-measure")) }
                    writer.empty("indicator", values, field: "\(id)-i\(i)-actual", indent: 2)
                }
            }
            if !isPlan {
                for (p, product) in task.products.enumerated() where !product.isEmpty {
                    var values: [(String, String, String?)] = []
                    if !product.date.isBlank { values.append(("date", product.date.trimmed, "\(id)-p\(p)-date")) }
                    if let file = product.file {
                        values.append(("file", file.bundlePath, "\(id)-p\(p)-file"))
                        attachments.append((file.bundlePath, file))
                    }
                    writer.text("product", values, product.text, field: "\(id)-p\(p)-text", indent: 2)
                }
                for (d, difficulty) in task.difficulties.enumerated() where !difficulty.isEmpty {
                    writer.text("difficulty", difficulty.kind.isBlank ? [] : [("kind", difficulty.kind, "\(id)-d\(d)-kind")],
                                difficulty.text, field: "\(id)-d\(d)-text", indent: 2)
                }
                for (o, proposal) in task.proposals.enumerated() where !proposal.isEmpty {
                    writer.text("proposal", proposal.kind.isBlank ? [] : [("to", proposal.kind, "\(id)-o\(o)-kind")],
                                proposal.text, field: "\(id)-o\(o)-text", indent: 2)
                }
            }
            for (f, funding) in task.funding.enumerated() where !funding.isEmpty {
                writer.empty("funding", [("source", funding.source, "\(id)-f\(f)-source"), ("amount", Numbers.amount(funding.amount), "\(id)-f\(f)-amount")],
                             field: "\(id)-f\(f)-amount", indent: 2)
            }
            writer.close("task", indent: 1)
        }
        writer.close(isPlan ? "detailed-plan" : "report", indent: 0)
        xml = Data(writer.text.utf8)
        fields = writer.fields
        var seen = Set<String>()
        self.attachments = attachments.filter { seen.insert($0.0).inserted }.map { (path: $0.0, file: $0.1) }
    }
}

/// Writes XML one element per line, remembering each line's fields.
private struct LineWriter {
    var text = ""
    var lineNumber = 0
    var fields: [Int: [(column: Int, field: String)]] = [:]

    mutating func line(_ content: String) {
        text += content + "\n"
        lineNumber += 1
    }

    /// `<name a="…" b="…"` with the columns of each attribute noted.
    private mutating func start(_ name: String, _ attributes: [(String, String, String?)], field: String, indent: Int) -> String {
        var content = String(repeating: "  ", count: indent) + "<" + name
        var onLine: [(column: Int, field: String)] = [(1, field)]
        for (key, value, attributeField) in attributes {
            content += " "
            if let attributeField { onLine.append((content.count + 1, attributeField)) }
            content += "\(key)=\"\(Self.escape(value.trimmed.nfc, attribute: true))\""
        }
        fields[lineNumber + 1] = onLine
        return content
    }

    mutating func open(_ name: String, _ attributes: [(String, String, String?)], field: String, indent: Int = 0) {
        line(start(name, attributes, field: field, indent: indent) + ">")
    }

    mutating func empty(_ name: String, _ attributes: [(String, String, String?)], field: String, indent: Int) {
        line(start(name, attributes, field: field, indent: indent) + "/>")
    }

    mutating func text(_ name: String, _ attributes: [(String, String, String?)], _ body: String, field: String, indent: Int) {
        // A text on one line: the line of the element is the line of its text.
        let flat = body.nfc.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        line(start(name, attributes, field: field, indent: indent) + ">" + Self.escape(flat.trimmed, attribute: false) + "</\(name)>")
    }

    mutating func close(_ name: String, indent: Int) {
        line(String(repeating: "  ", count: indent) + "</\(name)>")
    }

    static func escape(_ text: String, attribute: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\t", "\n", "\r": out += attribute ? " " : String(scalar)
            default:
                // XML 1.0 cannot carry other control characters: they become a space.
                out += scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) ? " " : String(scalar)
            }
        }
        return out
    }
}

/// Numbers as a Vietnamese clerk writes them, into the format's plain form.
/// Anything that does not read as a number is passed on as typed: the
/// checker then says what is wrong, beside the field.
public enum Numbers {
    /// `1.250.000.000`, `1 250 000 000 đ`, `1250000000 đồng` → `1250000000`.
    public static func amount(_ typed: String) -> String {
        var text = typed.trimmed.replacingOccurrences(of: "\u{00A0}", with: " ")
        for suffix in ["đồng", "đ", "vnd", "vnđ"] where text.lowercased().hasSuffix(suffix) {
            text = String(text.dropLast(suffix.count)).trimmed
        }
        text = text.replacingOccurrences(of: " ", with: "")
        if text.range(of: #"^\d{1,3}(\.\d{3})+$"#, options: .regularExpression) != nil {
            return text.replacingOccurrences(of: ".", with: "")
        }
        return text
    }

    /// `1.240` → `1240`; `12,5` → `12.5`; `1.240,5` → `1240.5`; `12.5` stays.
    public static func decimal(_ typed: String) -> String {
        let text = typed.trimmed.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{00A0}", with: "")
        if text.range(of: #"^\d{1,3}(\.\d{3})+(,\d+)?$"#, options: .regularExpression) != nil {
            return text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
        }
        if text.range(of: #"^\d+,\d+$"#, options: .regularExpression) != nil {
            return text.replacingOccurrences(of: ",", with: ".")
        }
        return text
    }

    /// `40`, `40 %`, `40%` → `40`.
    public static func whole(_ typed: String) -> String {
        var text = typed.trimmed
        if text.hasSuffix("%") { text = String(text.dropLast()).trimmed }
        return text
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
    var nfc: String { precomposedStringWithCanonicalMapping }
}
