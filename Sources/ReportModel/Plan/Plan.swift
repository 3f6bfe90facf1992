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
    /// The ministry, as named in running text and in document headers.
    public var ministry: Ministry
    /// The unit that runs the secretariat (Vụ Kinh tế và Xã hội số).
    public var secretariat: String
    public var units: [Unit]
    /// The seed's grouping of tasks (1, 2.1, 2.2, 2.3, III), in plan order.
    public var groups: [PlanGroup]
    public var tasks: [PlanTask]
    public var indicators: [IndicatorDefinition]

    public init(id: String, title: String, firstYear: Int, lastYear: Int, calendar: ReportingCalendar,
                ministry: Ministry, secretariat: String, units: [Unit], groups: [PlanGroup], tasks: [PlanTask],
                indicators: [IndicatorDefinition]) {
        self.id = id
        self.title = title
        self.firstYear = firstYear
        self.lastYear = lastYear
        self.calendar = calendar
        self.ministry = ministry
        self.secretariat = secretariat
        self.units = units
        self.groups = groups
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
            && lhs.calendar == rhs.calendar && lhs.ministry == rhs.ministry && lhs.secretariat == rhs.secretariat
            && lhs.units == rhs.units && lhs.groups == rhs.groups && lhs.tasks == rhs.tasks
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

/// The ministry that owns the plan.
public struct Ministry: Sendable, Equatable {
    /// `Bộ Khoa học và Công nghệ`.
    public var name: String
    /// `BỘ KHOA HỌC VÀ CÔNG NGHỆ`, as document headers print it.
    public var heading: String

    public init(name: String, heading: String) {
        self.name = name
        self.heading = heading
    }
}

/// A heading of the seed under which tasks are grouped.
public struct PlanGroup: Sendable, Equatable {
    public var code: String
    public var title: String
    /// The enclosing group (`2` for `2.1`), if any.
    public var parent: String?

    public init(code: String, title: String, parent: String? = nil) {
        self.code = code
        self.title = title
        self.parent = parent
    }
}
