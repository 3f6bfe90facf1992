import Foundation

/// How an indicator's values combine across units and years.
public enum Aggregation: String, Sendable, Equatable, Codable {
    /// Counts: add across units and across years.
    case sum
    /// Levels (a coverage percentage): the most recent value, never added.
    case latest
}

/// An indicator (chỉ số) the plan tracks.
public struct IndicatorDefinition: Sendable, Equatable {
    public var code: String
    public var name: String
    public var measure: String
    public var aggregation: Aggregation
    /// The tasks whose reports carry it.
    public var tasks: [String]
    public var target: IndicatorTarget?

    public init(code: String, name: String, measure: String, aggregation: Aggregation, tasks: [String], target: IndicatorTarget?) {
        self.code = code
        self.name = name
        self.measure = measure
        self.aggregation = aggregation
        self.tasks = tasks
        self.target = target
    }
}

/// A target: a value per year, or a value to reach by a given year.
public struct IndicatorTarget: Sendable, Equatable {
    public enum Period: String, Sendable, Equatable { case perYear = "per-year", byYear = "by-year" }
    public var value: Decimal
    public var period: Period
    /// For `.byYear`: the year by which the value is to be reached.
    public var year: Int?

    public init(value: Decimal, period: Period, year: Int? = nil) {
        self.value = value
        self.period = period
        self.year = year
    }
}

