import Foundation

/// A unit's report (`report.xml`, report-format.md §5), read and NFC-normalised.
///
/// Every element keeps where it came from, so a rule can point the clerk at
/// the line and column.
public struct Report: Sendable, Equatable, Codable {
    public var id: String
    public var plan: String
    public var unit: String
    public var year: Int
    public var kind: ReportKind
    /// The date the unit wrote in the file: shown, never used for timeliness.
    public var submitted: String?
    public var supersedes: String?
    public var preparer: Preparer
    public var tasks: [TaskReport]
    public var location: SourceLocation

    public init(id: String, plan: String, unit: String, year: Int, kind: ReportKind, submitted: String? = nil,
                supersedes: String? = nil, preparer: Preparer, tasks: [TaskReport], location: SourceLocation = SourceLocation()) {
        self.id = id
        self.plan = plan
        self.unit = unit
        self.year = year
        self.kind = kind
        self.submitted = submitted
        self.supersedes = supersedes
        self.preparer = preparer
        self.tasks = tasks
        self.location = location
    }
}

/// `annual` reports feed the yearly documents; `adhoc` ones answer a
/// request; a `plan` is a unit's detailed implementation plan (§5a).
public enum ReportKind: String, Sendable, Equatable, Codable, CaseIterable {
    case annual
    case adhoc
    case plan

    /// How a receipt names it.
    public var label: String {
        switch self {
        case .annual: return "báo cáo định kỳ hằng năm"
        case .adhoc: return "báo cáo đột xuất"
        case .plan: return "kế hoạch triển khai chi tiết"
        }
    }
}

/// The person who prepared the report.
public struct Preparer: Sendable, Equatable, Codable {
    public var name: String
    public var position: String?
    public var email: String?
    public var phone: String?
    public var location: SourceLocation

    public init(name: String, position: String? = nil, email: String? = nil, phone: String? = nil,
                location: SourceLocation = SourceLocation()) {
        self.name = name
        self.position = position
        self.email = email
        self.phone = phone
        self.location = location
    }
}

/// The unit's own word on a task.
public enum TaskStatus: String, Sendable, Equatable, Codable, CaseIterable {
    case completed
    case onSchedule = "on-schedule"
    case behindSchedule = "behind-schedule"
    case notStarted = "not-started"

    /// Whether `progress` agrees with the status: `completed` needs 100,
    /// `not-started` needs 0; the others may be anything but those.
    public func agrees(withProgress progress: Int) -> Bool {
        switch self {
        case .completed: return progress == 100
        case .notStarted: return progress == 0
        case .onSchedule, .behindSchedule: return true
        }
    }
}

/// Whether the unit reports as the task's lead or as a coordinating unit.
public enum TaskRole: String, Sendable, Equatable, Codable {
    case lead
    case coordinating
}

/// Sources of funding (report-format.md §5). A key of JSON objects
/// (`{"state-budget": …}`) by its raw value.
public enum FundingSource: String, Sendable, Equatable, Codable, CaseIterable, CodingKeyRepresentable {
    case stateBudget = "state-budget"
    case sponsorship
    case other
}

/// One `task` element of a report.
public struct TaskReport: Sendable, Equatable, Codable {
    public var code: String
    public var status: TaskStatus
    public var progress: Int
    public var role: TaskRole
    public var responsible: String
    public var results: [MonthlyResult]
    public var indicators: [IndicatorValue]
    public var products: [Product]
    public var difficulties: [Difficulty]
    public var proposals: [Proposal]
    public var funding: [Funding]
    public var location: SourceLocation

    public init(code: String, status: TaskStatus, progress: Int, role: TaskRole = .lead, responsible: String,
                results: [MonthlyResult] = [], indicators: [IndicatorValue] = [], products: [Product] = [],
                difficulties: [Difficulty] = [], proposals: [Proposal] = [], funding: [Funding] = [],
                location: SourceLocation = SourceLocation()) {
        self.code = code
        self.status = status
        self.progress = progress
        self.role = role
        self.responsible = responsible
        self.results = results
        self.indicators = indicators
        self.products = products
        self.difficulties = difficulties
        self.proposals = proposals
        self.funding = funding
        self.location = location
    }
}

/// A month and what was achieved in it (`result@month`), or, in a detailed
/// plan, what will have been achieved by its end (`milestone@month`).
public struct MonthlyResult: Sendable, Equatable, Codable {
    public var month: YearMonth
    public var text: String
    public var location: SourceLocation

    public init(month: YearMonth, text: String, location: SourceLocation = SourceLocation()) {
        self.month = month
        self.text = text
        self.location = location
    }
}

/// A reported indicator value.
public struct IndicatorValue: Sendable, Equatable, Codable {
    public var code: String
    public var actual: Decimal
    public var target: Decimal?
    /// Required for the unit's own `x-` indicators.
    public var name: String?
    public var measure: String?
    public var location: SourceLocation

    public init(code: String, actual: Decimal, target: Decimal? = nil, name: String? = nil, measure: String? = nil,
                location: SourceLocation = SourceLocation()) {
        self.code = code
        self.actual = actual
        self.target = target
        self.name = name
        self.measure = measure
        self.location = location
    }

    /// `x-…` codes are the unit's own: shown for that unit, never aggregated.
    public var isUnitDefined: Bool { code.hasPrefix("x-") }
}

/// A delivered product, with an optional evidence file inside the bundle.
public struct Product: Sendable, Equatable, Codable {
    public var date: CalendarDate?
    public var file: String?
    public var text: String
    public var location: SourceLocation

    public init(date: CalendarDate? = nil, file: String? = nil, text: String, location: SourceLocation = SourceLocation()) {
        self.date = date
        self.file = file
        self.text = text
        self.location = location
    }
}

/// What a difficulty is about (`difficulty@kind`), so that documents can
/// group the units' difficulties instead of pasting them one by one.
public enum DifficultyKind: String, Sendable, Equatable, Codable, CaseIterable {
    case funding
    case legal
    case staff
    case coordination
    case technical
    case other
}

/// A difficulty the unit met on a task.
public struct Difficulty: Sendable, Equatable, Codable {
    public var kind: DifficultyKind
    public var text: String
    public var location: SourceLocation

    public init(_ text: String, kind: DifficultyKind = .other, location: SourceLocation = SourceLocation()) {
        self.kind = kind
        self.text = text
        self.location = location
    }
}

/// Who must act on a proposal (`proposal@to`): only those addressed to the
/// Government go into the report to the Prime Minister.
public enum ProposalAddressee: String, Sendable, Equatable, Codable, CaseIterable {
    /// The Ministry's leaders or its departments.
    case ministry
    /// The Government or the Prime Minister.
    case government
    case other
}

/// A proposal the unit makes on a task.
public struct Proposal: Sendable, Equatable, Codable {
    public var to: ProposalAddressee
    public var text: String
    public var location: SourceLocation

    public init(_ text: String, to: ProposalAddressee = .ministry, location: SourceLocation = SourceLocation()) {
        self.to = to
        self.text = text
        self.location = location
    }
}

/// Money spent on a task from one source, in whole đồng.
public struct Funding: Sendable, Equatable, Codable {
    public var source: FundingSource
    public var amount: Int64
    public var location: SourceLocation

    public init(source: FundingSource, amount: Int64, location: SourceLocation = SourceLocation()) {
        self.source = source
        self.amount = amount
        self.location = location
    }
}

extension YearMonth: Codable {
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = YearMonth(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not YYYY-MM: \(text)"))
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
