import Consolidation
import Foundation
import Rendering
import ReportModel
import Store

extension Publisher {
    /// `baocao remind --year Y`: one letter per lead unit still to chase for
    /// its report, in `OUTBOX/Y/reminders/reminder-UNIT-Y.{docx,xml}`, and one
    /// per unit whose report is in but whose detailed plan is overdue, in
    /// `plan-reminder-UNIT-Y.{docx,xml}` beside them.
    public func reminders(year: Int, asOf: CalendarDate) throws -> WrittenReminders {
        let writer = OutputWriter(folder: folder(year, "reminders"), outbox: outbox)
        let context = DocumentContext(plan: plan, date: asOf)
        func write(_ reminders: [Reminder], prefix: String) throws -> [WrittenReminder] {
            try reminders.map { reminder in
                let written = try writer.write(ReminderLetter.document(reminder, context: context),
                                               baseName: "\(prefix)-\(reminder.unit)-\(year)")
                return WrittenReminder(reminder: reminder, documents: written)
            }
        }
        return WrittenReminders(
            reminders: try write(Reminder.due(plan: plan, index: store.index, year: year, asOf: asOf), prefix: "reminder"),
            planReminders: try write(Reminder.plansDue(plan: plan, index: store.index, year: year, asOf: asOf), prefix: "plan-reminder"))
    }
}

/// What `remind` wrote: §8's reminders (missing, returned, refused), then the
/// letters asking for an overdue detailed plan alone.
public struct WrittenReminders: Codable, Sendable {
    public var reminders: [WrittenReminder]
    public var planReminders: [WrittenReminder]

    public var all: [WrittenReminder] { reminders + planReminders }
}

/// A reminder and where its letter was written.
public struct WrittenReminder: Codable, Sendable {
    public var reminder: Reminder
    public var documents: [String]
}
