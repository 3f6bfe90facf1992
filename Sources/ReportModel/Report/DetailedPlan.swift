/// A unit's detailed implementation plan for a year (kế hoạch triển khai
/// chi tiết, report-format.md §5a): for each task it leads, the person in
/// charge, what it will achieve month by month, its targets and planned
/// funding. It travels like a report, with the root `detailed-plan`.
public struct DetailedPlan: Sendable, Equatable, Codable {
    public var id: String
    public var plan: String
    public var unit: String
    public var year: Int
    public var submitted: String?
    public var supersedes: String?
    public var preparer: Preparer
    public var tasks: [PlannedTask]
    public var location: SourceLocation

    public init(id: String, plan: String, unit: String, year: Int, submitted: String? = nil, supersedes: String? = nil,
                preparer: Preparer, tasks: [PlannedTask], location: SourceLocation = SourceLocation()) {
        self.id = id
        self.plan = plan
        self.unit = unit
        self.year = year
        self.submitted = submitted
        self.supersedes = supersedes
        self.preparer = preparer
        self.tasks = tasks
        self.location = location
    }
}

/// One task of a detailed plan.
public struct PlannedTask: Sendable, Equatable, Codable {
    public var code: String
    public var role: TaskRole
    public var responsible: String
    public var milestones: [Milestone]
    /// Planned indicators: `actual` holds the target (a plan has no actual value).
    public var indicators: [IndicatorValue]
    public var funding: [Funding]
    public var location: SourceLocation

    public init(code: String, role: TaskRole = .lead, responsible: String, milestones: [Milestone], indicators: [IndicatorValue] = [],
                funding: [Funding] = [], location: SourceLocation = SourceLocation()) {
        self.code = code
        self.role = role
        self.responsible = responsible
        self.milestones = milestones
        self.indicators = indicators
        self.funding = funding
        self.location = location
    }
}

/// What a task will have achieved by the end of a month: the same shape
/// as a report's monthly result, said in the future.
public typealias Milestone = MonthlyResult

/// What a file checked as a submission turned out to be.
public enum Submitted: Sendable, Equatable {
    case report(Report)
    case plan(DetailedPlan)

    public var id: String {
        switch self {
        case .report(let report): return report.id
        case .plan(let plan): return plan.id
        }
    }
}
