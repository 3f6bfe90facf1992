import Consolidation
import Foundation
import Rendering
import ReportModel
import Store

extension Publisher {
    /// `baocao remind --year Y`: one letter per lead unit still to chase, in
    /// `OUTBOX/Y/reminders/reminder-UNIT-Y.{docx,xml}`.
    public func reminders(year: Int, asOf: CalendarDate) throws -> [WrittenReminder] {
        let writer = OutputWriter(folder: folder(year, "reminders"), outbox: outbox)
        let context = DocumentContext(plan: plan, date: asOf)
        return try Reminder.due(plan: plan, index: store.index, year: year, asOf: asOf).map { reminder in
            let written = try writer.write(ReminderLetter.document(reminder, context: context),
                                           baseName: "reminder-\(reminder.unit)-\(year)")
            return WrittenReminder(reminder: reminder, documents: written)
        }
    }
}

/// A reminder and where its letter was written.
public struct WrittenReminder: Codable, Sendable {
    public var reminder: Reminder
    public var documents: [String]
}
