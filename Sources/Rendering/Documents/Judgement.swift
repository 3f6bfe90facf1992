import Consolidation
import ReportModel

/// The parts of a document that are judgement, not figures: assessment,
/// shortcomings, lessons, directions, the secretariat's proposals. The
/// secretariat's own words when its notes give them; otherwise a draft
/// made from the data, plainly marked as one, for the secretariat to finish.
struct Judgement {
    var notes: SecretariatNotes?
    var secretariat: String

    /// The notes' paragraphs, or the draft's behind a mark that says what it is.
    func section(_ given: [String], draft: () -> [String]) -> [Block] {
        if !given.isEmpty { return given.map { Decree30.paragraph(Prose.sentence($0)) } }
        let drafted = draft().filter { !$0.isEmpty }
        return [Decree30.paragraph([Run("(Dự thảo từ số liệu tổng hợp, đề nghị \(secretariat) xem xét, hoàn thiện trước khi trình ký.)", .italic)])]
            + drafted.map { $0.hasSuffix(":") ? Decree30.lead($0) : Decree30.paragraph(Prose.sentence($0)) }
    }
}

/// The units' difficulties or proposals, grouped by kind with the units
/// named: read as a summary, not a paste.
enum Grouped {
    /// `Về kinh phí: Cục Viễn thông và Học viện … nêu 3 khó khăn, như: …`
    static func difficulties(_ items: [UnitDifficulty], context: DocumentContext) -> [String] {
        DifficultyKind.allCases.compactMap { kind in
            let ofKind = items.filter { $0.kind == kind }
            guard let first = ofKind.first else { return nil }
            let units = ordered(ofKind.map(\.unit)).map(context.unitName)
            let count = distinctCount(ofKind.map(\.text))
            let example = Prose.clause(Prose.lowerFirst(first.text))
            return "\(Words.difficulty(kind)): \(Prose.list(units)) nêu \(count) khó khăn"
                + (count > 1 ? ", tiêu biểu là \(example)" : ": \(example)")
        }
    }

    /// Proposals with the units that made each (one line per distinct text).
    static func proposals(_ items: [UnitProposal], context: DocumentContext) -> [String] {
        var order: [String] = []
        var units: [String: [String]] = [:]
        for item in items {
            if units[item.text] == nil { order.append(item.text) }
            if !(units[item.text]?.contains(item.unit) ?? false) { units[item.text, default: []].append(item.unit) }
        }
        return order.map { text in
            "\(Prose.list(units[text, default: []].map(context.unitName))) đề nghị: \(Prose.lowerFirst(Prose.clause(Self.stripLead(text))))"
        }
    }

    /// "Đề nghị Bộ …" → "Bộ …": the sentence already says who proposes.
    private static func stripLead(_ text: String) -> String {
        for lead in ["Đề nghị ", "Kiến nghị ", "Đề xuất "] where text.hasPrefix(lead) { return String(text.dropFirst(lead.count)) }
        return text
    }

    private static func ordered(_ codes: [String]) -> [String] {
        var seen: Set<String> = []
        return codes.filter { seen.insert($0).inserted }
    }

    private static func distinctCount(_ texts: [String]) -> Int { Set(texts).count }
}
