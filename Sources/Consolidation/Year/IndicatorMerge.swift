import Foundation
import ReportModel

/// Indicators by the plan's aggregation: `sum` adds, `latest` takes the
/// newest received value and never adds. Kept per task (what each task
/// reported) and over every task (the indicator table).
enum IndicatorMerge {
    static func aggregate(plan: Plan, used: [(SourceRef, Report)]) -> [IndicatorOutcome] {
        // Each report's values by code, once: not a pass over every report per indicator.
        let reported = used.map { source, report in (source, byCode(report.tasks.lazy.flatMap(\.indicators))) }
        return plan.indicators.map { definition in
            var byUnit: [String: Decimal] = [:]
            var reportedTargets: [Decimal] = []
            var sources: [SourceRef] = []
            // Newest first decides `latest`: received time, then unit code.
            var newest: (received: String, unit: String, value: Decimal)?
            for (source, values) in reported {
                guard let values = values[definition.code], let last = values.last else { continue }
                sources.append(source)
                let unitValue = definition.aggregation == .sum ? values.reduce(0) { $0 + $1.actual } : last.actual
                byUnit[source.unit] = unitValue
                reportedTargets += values.compactMap(\.target)
                if newest.map({ (source.received, source.unit) > ($0.received, $0.unit) }) ?? true {
                    newest = (source.received, source.unit, unitValue)
                }
            }
            let value: Decimal? = switch definition.aggregation {
            case .sum: byUnit.isEmpty ? nil : byUnit.values.reduce(0, +)
            case .latest: newest?.value
            }
            let target = definition.target?.value
                ?? (reportedTargets.isEmpty ? nil : definition.aggregation == .sum ? reportedTargets.reduce(0, +) : reportedTargets.last)
            let unique = Array(Set(sources)).sorted()
            return IndicatorOutcome(code: definition.code, name: definition.name, measure: definition.measure,
                                    aggregation: definition.aggregation, value: value, target: target,
                                    byUnit: byUnit, sources: unique.map(\.submission), provenance: unique)
        }
    }

    /// The plan indicators reported under one task, in plan order, over the
    /// units that reported the task.
    static func underTask(plan: Plan, reports: [(SourceRef, TaskReport)]) -> [TaskIndicator] {
        let reported = reports.map { source, task in (source, byCode(task.indicators)) }
        return plan.indicators.compactMap { definition in
            var byUnit: [String: Decimal] = [:]
            var targets: [Decimal] = []
            var newest: (received: String, unit: String, value: Decimal)?
            for (source, values) in reported {
                guard let values = values[definition.code], let last = values.last else { continue }
                let unitValue = definition.aggregation == .sum ? values.reduce(0) { $0 + $1.actual } : last.actual
                byUnit[source.unit] = unitValue
                targets += values.compactMap(\.target)
                if newest.map({ (source.received, source.unit) > ($0.received, $0.unit) }) ?? true {
                    newest = (source.received, source.unit, unitValue)
                }
            }
            guard let newest else { return nil }
            let value = definition.aggregation == .sum ? byUnit.values.reduce(0, +) : newest.value
            let target = targets.isEmpty ? nil : definition.aggregation == .sum ? targets.reduce(0, +) : targets.last
            return TaskIndicator(code: definition.code, name: definition.name, measure: definition.measure,
                                 value: value, target: target, byUnit: byUnit)
        }
    }

    /// Values grouped by indicator code, each group in the order given.
    private static func byCode(_ values: some Sequence<IndicatorValue>) -> [String: [IndicatorValue]] {
        var grouped: [String: [IndicatorValue]] = [:]
        for value in values { grouped[value.code, default: []].append(value) }
        return grouped
    }

    static func unitDefined(used: [(SourceRef, Report)]) -> [UnitIndicator] {
        used.flatMap { source, report in
            report.tasks.flatMap { task in
                task.indicators.filter(\.isUnitDefined).map {
                    UnitIndicator(unit: source.unit, task: task.code, code: $0.code, name: $0.name ?? "",
                                  measure: $0.measure ?? "", value: $0.actual, source: source)
                }
            }
        }
    }
}
