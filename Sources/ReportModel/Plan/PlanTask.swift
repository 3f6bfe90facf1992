/// One task (nhiệm vụ) of the plan, as the seed states it.
public struct PlanTask: Sendable, Equatable {
    /// The seed's numbering: `1.1`, `2.3.10`, `III.2`.
    public var code: String
    /// The seed's grouping for the documents: `1`, `2.1`, `2.2`, `2.3`, `III`.
    public var group: String
    public var title: String
    public var lead: String
    public var coordinating: CoordinatingUnits
    public var products: [String]
    public var schedule: Schedule

    public init(code: String, group: String, title: String, lead: String, coordinating: CoordinatingUnits,
                products: [String], schedule: Schedule) {
        self.code = code
        self.group = group
        self.title = title
        self.lead = lead
        self.coordinating = coordinating
        self.products = products
        self.schedule = schedule
    }
}

/// The units a task names as coordinating (đơn vị phối hợp).
public struct CoordinatingUnits: Sendable, Equatable {
    /// Registry codes named in the seed.
    public var units: [String]
    /// True when the seed leaves the list open ("các đơn vị liên quan"):
    /// any unit may then report on the task as coordinating.
    public var isOpen: Bool
    /// The rest of the seed's wording (other ministries, associations, firms).
    public var others: String?

    public init(units: [String], isOpen: Bool, others: String? = nil) {
        self.units = units
        self.isOpen = isOpen
        self.others = others
    }

    public func admits(_ unit: String) -> Bool { isOpen || units.contains(unit) }
}
