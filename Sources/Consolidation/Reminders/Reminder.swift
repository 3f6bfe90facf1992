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
    /// The returned submission and the secretariat's reasons, for `returned`.
    @ExplicitNull public var returned: ReturnedSubmission?
    /// No detailed plan on file past its due date (§5a): the letter asks for it too.
    public var planMissing: Bool

    /// A submission the secretariat returned: what it was and why.
    public struct ReturnedSubmission: Codable, Sendable, Equatable {
        @ExplicitNull public var id: String?
        public var received: String
        public var reasons: [String]
        @ExplicitNull public var resendBy: String?
    }

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
    /// Its report is in order, but no detailed plan is on file past the
    /// plan's due date: a letter of its own (`plan-reminder-UNIT-Y`).
    case noPlan
}

extension Reminder {
    /// The reminders due for `year` on `asOf`: one per required lead unit
    /// whose annual report is missing, returned, or only refused (§8); each
    /// asks for the detailed plan too when none is on file past its due date.
    public static func due(plan: Plan, index: LedgerIndex, year: Int, asOf: CalendarDate) -> [Reminder] {
        all(plan: plan, index: index, year: year, asOf: asOf).filter { $0.reason != .noPlan }
    }

    /// The plan reminders due for `year` on `asOf`: one per lead unit whose
    /// report is in order but has no detailed plan on file past its due
    /// date (a unit chased for its report is asked for its plan in that letter).
    public static func plansDue(plan: Plan, index: LedgerIndex, year: Int, asOf: CalendarDate) -> [Reminder] {
        all(plan: plan, index: index, year: year, asOf: asOf).filter { $0.reason == .noPlan }
    }

    private static func all(plan: Plan, index: LedgerIndex, year: Int, asOf: CalendarDate) -> [Reminder] {
        let status = ReportingStatus(plan: plan, index: index, year: year, asOf: asOf)
        let latest = index.latest(year: year)
        let plans = index.effective(year: year, kind: .plan)
        let due = plan.calendar.detailedPlanDue
        let planOverdue = asOf > CalendarDate(year: year, month: due.month, day: due.day)
        return status.units.filter { unit in
            unit.state == .missing || unit.state == .returned || (planOverdue && plans[unit.unit] == nil)
        }.map { unit in
            let refused = index.refused(unit: unit.unit, year: year)
            return Reminder(
                unit: unit.unit, name: unit.name, year: year,
                reason: unit.state == .returned ? .returned : unit.state != .missing ? .noPlan : refused.isEmpty ? .missing : .rejected,
                tasks: unit.dueTasks.map { TaskLine(code: $0, title: plan.task($0)?.title ?? "") },
                rejected: refused.map { record in
                    RejectedSubmission(file: record.receipt.file, received: record.receipt.received,
                                       diagnostics: record.receipt.diagnostics.filter { $0.severity == .error })
                },
                returned: unit.state == .returned ? latest[unit.unit].flatMap { record in
                    index.review(of: record).map {
                        ReturnedSubmission(id: record.receipt.id, received: record.receipt.received, reasons: $0.reasons, resendBy: $0.resendBy)
                    }
                } : nil,
                planMissing: planOverdue && plans[unit.unit] == nil)
        }
    }
}
