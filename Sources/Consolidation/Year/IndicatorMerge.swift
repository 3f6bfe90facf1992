import Foundation
import ReportModel

/// Indicators across the units of one year, by the plan's aggregation:
/// `sum` adds, `latest` takes the newest received value and never adds.
enum IndicatorMerge {
    static func aggregate(plan: Plan, used: [(SourceRef, Report)]) -> [IndicatorOutcome] {
        plan.indicators.map { definition in
            var byUnit: [String: Decimal] = [:]
            var reportedTargets: [Decimal] = []
            var sources: [SourceRef] = []
            // Newest first decides `latest`: received time, then unit code.
            var newest: (received: String, unit: String, value: Decimal)?
            for (source, report) in used {
                let values = report.tasks.flatMap(\.indicators).filter { $0.code == definition.code }
                guard !values.isEmpty else { continue }
                sources.append(source)
                let unitValue: Decimal
                switch definition.aggregation {
                case .sum: unitValue = values.reduce(0) { $0 + $1.actual }
                case .latest: unitValue = values.last!.actual
                }
                byUnit[source.unit] = unitValue
                reportedTargets += values.compactMap(\.target)
                if newest == nil || (source.received, source.unit) > (newest!.received, newest!.unit) {
                    newest = (source.received, source.unit, unitValue)
                }
            }
            let value: Decimal?
            switch definition.aggregation {
            case .sum: value = byUnit.isEmpty ? nil : byUnit.values.reduce(0, +)
            case .latest: value = newest?.value
            }
            let target = definition.target?.value
                ?? (reportedTargets.isEmpty ? nil : definition.aggregation == .sum ? reportedTargets.reduce(0, +) : reportedTargets.last)
            let unique = Array(Set(sources)).sorted()
            return IndicatorOutcome(code: definition.code, name: definition.name, measure: definition.measure,
                                    aggregation: definition.aggregation.rawValue, value: value, target: target,
                                    byUnit: byUnit, sources: unique.map(\.submission), provenance: unique)
        }
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
