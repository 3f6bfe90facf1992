import ReportModel
import Store

/// A lead unit to chase (văn bản đôn đốc, task 1.1): it has not reported for
/// the year, or every file it sent was refused.
public struct Reminder: Codable, Sendable, Equatable {
    public var unit: String
    public var name: String
    public var year: Int
    public var reason: ReminderReason
    public var tasks: [TaskLine]
    public var rejected: [RejectedSubmission]

    public struct TaskLine: Codable, Sendable, Equatable {
        public var code: String
        public var title: String
    }

    /// A refused file and what to fix in it.
    public struct RejectedSubmission: Codable, Sendable, Equatable {
        public var file: String
        public var received: String
        /// Its errors, each with its code and place: the letter says them in words.
        public var diagnostics: [Diagnostic]
    }
}

/// Why a unit is chased.
public enum ReminderReason: String, Codable, Sendable {
    /// Nothing received for the year.
    case missing
    /// Only refused files.
    case rejected
    /// Its report was returned by the secretariat and not yet replaced.
    case returned
}

extension Reminder {
    /// The reminders due for `year` on `asOf`: one per required lead unit
    /// with no accepted annual report.
    public static func due(plan: Plan, index: LedgerIndex, year: Int, asOf: CalendarDate) -> [Reminder] {
        let status = ReportingStatus(plan: plan, index: index, year: year, asOf: asOf)
        return status.units.filter { $0.state == .missing }.map { unit in
            let refused = index.records.filter {
                $0.receipt.outcome == .rejected && $0.receipt.unit == unit.unit && $0.receipt.year == year
            }
            return Reminder(
                unit: unit.unit, name: unit.name, year: year, reason: refused.isEmpty ? .missing : .rejected,
                tasks: unit.dueTasks.map { TaskLine(code: $0, title: plan.task($0)?.title ?? "") },
                rejected: refused.map { record in
                    RejectedSubmission(file: record.receipt.file, received: record.receipt.received,
                                       diagnostics: record.receipt.diagnostics.filter { $0.severity == .error })
                })
        }
    }
}
