/// The plan the deployment serves: its units, tasks, indicators and calendar.
///
/// Loaded at run time from a data file (`KH-433.xml`), never compiled in, so
/// that next year's changes are an edit of data, not of code.
public struct Plan: Sendable, Equatable {
    public var id: String
    public var title: String
    public var firstYear: Int
    public var lastYear: Int
    public var calendar: ReportingCalendar
    public var units: [Unit]
    public var tasks: [PlanTask]
    public var indicators: [IndicatorDefinition]

    public init(id: String, title: String, firstYear: Int, lastYear: Int, calendar: ReportingCalendar,
                units: [Unit], tasks: [PlanTask], indicators: [IndicatorDefinition]) {
        self.id = id
        self.title = title
        self.firstYear = firstYear
        self.lastYear = lastYear
        self.calendar = calendar
        self.units = units
        self.tasks = tasks
        self.indicators = indicators
        unitsByCode = Dictionary(units.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        tasksByCode = Dictionary(tasks.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        indicatorsByCode = Dictionary(indicators.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    private var unitsByCode: [String: Unit]
    private var tasksByCode: [String: PlanTask]
    private var indicatorsByCode: [String: IndicatorDefinition]

    public var years: ClosedRange<Int> { firstYear...lastYear }
    public func unit(_ code: String) -> Unit? { unitsByCode[code] }
    public func task(_ code: String) -> PlanTask? { tasksByCode[code] }
    public func indicator(_ code: String) -> IndicatorDefinition? { indicatorsByCode[code] }

    /// Tasks led by `unit`, in plan order.
    public func tasks(ledBy unit: String) -> [PlanTask] { tasks.filter { $0.lead == unit } }

    /// Units that lead at least one task, in registry order.
    public var leadUnits: [Unit] {
        let leads = Set(tasks.map(\.lead))
        return units.filter { leads.contains($0.code) }
    }

    public static func == (lhs: Plan, rhs: Plan) -> Bool {
        lhs.id == rhs.id && lhs.title == rhs.title && lhs.firstYear == rhs.firstYear && lhs.lastYear == rhs.lastYear
            && lhs.calendar == rhs.calendar && lhs.units == rhs.units && lhs.tasks == rhs.tasks
            && lhs.indicators == rhs.indicators
    }
}

/// A reporting unit of the registry (đơn vị).
public struct Unit: Sendable, Equatable, Codable {
    public var code: String
    public var name: String
    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}
