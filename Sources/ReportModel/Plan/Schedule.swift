/// When a task is to be done, as data the pipeline can reason on.
public struct Schedule: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// Done once, by `deadline` ("by 2026-04").
        case oneOff = "one-off"
        /// Something every year from `from` to `to`, optionally by `yearlyDeadline`.
        case yearly
        /// Something every quarter.
        case quarterly
        /// Ongoing, with no deadline of its own.
        case continuous
        /// Within one year (`from` == `to`), e.g. the 2028 mid-term review.
        case duringYear = "during-year"
    }

    public var kind: Kind
    public var from: Int
    public var to: Int
    /// The one-off deadline, or the first year's milestone of a yearly task
    /// ("tool by 2026-12; yearly upkeep to 2030").
    public var deadline: YearMonth?
    /// A deadline that recurs each year (`III.1` before 15 Dec, `1.1` in Q1).
    public var yearlyDeadline: MonthDay?
    /// The seed's own words for the schedule.
    public var text: String

    public init(kind: Kind, from: Int, to: Int, deadline: YearMonth? = nil, yearlyDeadline: MonthDay? = nil, text: String) {
        self.kind = kind
        self.from = from
        self.to = to
        self.deadline = deadline
        self.yearlyDeadline = yearlyDeadline
        self.text = text
    }

    /// Whether the schedule is active in `year` (before one-off completion is
    /// taken into account; see `isDueForReporting`).
    public func isActive(in year: Int) -> Bool {
        switch kind {
        case .oneOff: return year >= (deadline?.year ?? from)
        default: return (from...to).contains(year)
        }
    }

    /// The deadline a year's report can miss (report-format.md §3): a
    /// one-off deadline, a yearly task's first milestone, the end of a
    /// during-year task. A date that recurs each year (III.1's 15 Dec, 1.1's
    /// Q1) is not one: the unit's report covers the whole year's work, and
    /// may well come before the date.
    public func missableDeadline(for year: Int) -> CalendarDate? {
        switch kind {
        case .oneOff: return deadline.map { $0.lastDay }
        case .duringYear: return year == to ? CalendarDate(year: to, month: 12, day: 31) : nil
        case .yearly, .quarterly, .continuous: return deadline.flatMap { $0.year == year ? $0.lastDay : nil }
        }
    }

    /// The last day the work of `year` may be finished, if the schedule sets one.
    public func deadline(for year: Int) -> CalendarDate? {
        switch kind {
        case .oneOff:
            return deadline.map { $0.lastDay }
        case .duringYear:
            return year == to ? CalendarDate(year: to, month: 12, day: 31) : nil
        case .yearly, .quarterly, .continuous:
            if let first = deadline, first.year == year { return first.lastDay }
            if let recurring = yearlyDeadline, (from...to).contains(year) {
                return CalendarDate(year: year, month: recurring.month, day: recurring.day)
            }
            return nil
        }
    }
}
