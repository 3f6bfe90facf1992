import Foundation
import ReportModel
import Store

/// Who had to report in a year and what each did, as of a date: the data
/// behind `baocao status` and section I of the yearly documents.
public struct ReportingStatus: Codable, Sendable, Equatable {
    public var year: Int
    public var asOf: String
    /// `2026-11-15T23:59:59+07:00`.
    public var deadline: String
    /// Days from `asOf` to the deadline day: negative once it has passed.
    public var daysToDeadline: Int
    public var units: [UnitState]
    public var overdueTasks: [OverdueTask]
    /// Every receipt of the year, newest first, each with its check (§9:
    /// a receipt listed later carries `review`).
    public var submissions: [Receipt]
    /// The detailed plans on file and the milestones that slipped, when the
    /// kept files were read for them (`baocao status` does).
    @ExplicitNull public var plans: PlansOnFile?
    @ExplicitNull public var slipped: [SlippedMilestone]?

    /// One lead unit's state for the year.
    public struct UnitState: Codable, Sendable, Equatable {
        public var unit: String
        public var name: String
        public var state: ReportingState
        @ExplicitNull public var received: String?
        @ExplicitNull public var submission: String?
        @ExplicitNull public var sha256: String?
        /// Days after the deadline the report came (late), or has been missing.
        @ExplicitNull public var daysLate: Int?
        /// The unit's due tasks this year.
        public var dueTasks: [String]
        /// Files of the unit that were refused for the year, with their codes.
        public var rejected: [RejectedFile]
        /// The secretariat's check of the submission shown (null: not checked yet).
        @ExplicitNull public var review: ReviewState?
    }

    public struct RejectedFile: Codable, Sendable, Equatable {
        public var file: String
        public var received: String
        public var codes: [String]
    }

    /// A task past its deadline and not reported completed.
    public struct OverdueTask: Codable, Sendable, Equatable {
        public var code: String
        public var lead: String
        public var deadline: String
        public var status: OverdueReason
    }

    /// Why an overdue task is overdue.
    public enum OverdueReason: String, Codable, Sendable {
        /// The lead unit has not reported it.
        case notReported = "not-reported"
        /// The lead unit's report, of a later date, does not have it completed.
        case notCompleted = "not-completed"
    }

    public var required: Int { units.count }
    public func count(_ state: ReportingState) -> Int { units.filter { $0.state == state }.count }
}

extension ReportingStatus {
    /// Computes the status from the ledger alone (no report needs reading).
    /// With `approvedOnly`, only the submissions the secretariat approved count.
    public init(plan: Plan, index: LedgerIndex, year: Int, asOf: CalendarDate, approvedOnly: Bool = false) {
        let calendar = plan.calendar
        let dueDay = CalendarDate(year: year, month: calendar.unitReportDue.month, day: calendar.unitReportDue.day)
        let completedEarlier = index.tasksCompleted(before: year)
        let effective = index.effective(year: year, approvedOnly: approvedOnly)
        let latest = index.latest(year: year)
        var units: [UnitState] = []
        for unit in plan.unitsRequired(in: year, completedEarlier: completedEarlier) {
            let rejected = index.refused(unit: unit.code, year: year).map { RejectedFile(file: $0.receipt.file, received: $0.receipt.received, codes: $0.receipt.diagnostics.map(\.code.rawValue)) }
            let due = plan.dueTasks(of: unit.code, in: year, completedEarlier: completedEarlier).map(\.code)
            if let record = effective[unit.code] {
                // Timeliness is the unit's first accepted report of the year that
                // was not returned: a correction sent after the deadline does not
                // make it late; one that replaces a returned report is judged on
                // its own received instant.
                let first = index.acceptedRecords.filter {
                    $0.receipt.unit == unit.code && $0.receipt.year == year && $0.receipt.kind == .annual && !index.isReturned($0)
                }.min { ($0.receivedEpoch, $0.sequence) < ($1.receivedEpoch, $1.sequence) } ?? record
                let receivedDay = calendar.calendarDate(of: .init(timeIntervalSince1970: Double(first.receivedEpoch)))
                units.append(UnitState(unit: unit.code, name: unit.name, state: first.receipt.late ? .late : .onTime,
                                       received: record.receipt.received, submission: record.receipt.id,
                                       sha256: record.receipt.sha256,
                                       daysLate: first.receipt.late ? dueDay.days(to: receivedDay) : nil,
                                       dueTasks: due, rejected: rejected, review: index.review(of: record)?.state))
            } else if let record = latest[unit.code], index.isReturned(record) {
                // Returned: out of the documents until the unit sends a new submission.
                units.append(UnitState(unit: unit.code, name: unit.name, state: .returned, received: record.receipt.received,
                                       submission: record.receipt.id, sha256: record.receipt.sha256, daysLate: nil,
                                       dueTasks: due, rejected: rejected, review: index.review(of: record)?.state))
            } else {
                let past = dueDay.days(to: asOf)
                units.append(UnitState(unit: unit.code, name: unit.name, state: .missing, received: nil, submission: nil,
                                       sha256: nil, daysLate: past > 0 ? past : nil, dueTasks: due, rejected: rejected,
                                       review: latest[unit.code].flatMap { index.review(of: $0)?.state }))
            }
        }
        var overdue: [OverdueTask] = []
        for task in plan.tasks where plan.isDue(task, in: year, completedEarlier: completedEarlier) {
            let record = effective[task.lead]
            let completed = record?.completedTasks.contains(task.code) ?? false
            let reported = record.map { calendar.calendarDate(of: Date(timeIntervalSince1970: TimeInterval($0.receivedEpoch))) }
            guard plan.isOverdue(task, year: year, completed: completed, reported: reported, asOf: asOf),
                  let deadline = task.schedule.missableDeadline(for: year) else { continue }
            overdue.append(OverdueTask(code: task.code, lead: task.lead, deadline: deadline.description,
                                       status: record == nil ? .notReported : .notCompleted))
        }
        let submissions = index.records.filter { $0.receipt.year == year }
            .sorted { ($0.receivedEpoch, $0.sequence) > ($1.receivedEpoch, $1.sequence) }
            .map(index.listed)
        self.init(year: year, asOf: asOf.description, deadline: calendar.iso8601(calendar.unitReportDeadline(year: year)),
                  daysToDeadline: asOf.days(to: dueDay), units: units, overdueTasks: overdue, submissions: submissions,
                  plans: nil, slipped: nil)
    }
}
