import Consolidation
import Foundation
import Rendering
import ReportModel
import Store

/// `baocao remind --year Y`: one letter per lead unit still to chase, in
/// `OUTBOX/Y/reminders/reminder-UNIT-Y.{docx,xml}`.
public struct RemindRun {
    public let plan: Plan
    public let store: SubmissionStore
    public let outbox: URL

    public init(plan: Plan, store: SubmissionStore, outbox: URL) {
        self.plan = plan
        self.store = store
        self.outbox = outbox
    }

    /// The reminders written, each with the paths of its two files.
    public func run(year: Int, asOf: CalendarDate) throws -> [WrittenReminder] {
        let folder = outbox.appendingPathComponent(String(year)).appendingPathComponent("reminders")
        let context = DocumentContext(plan: plan, date: asOf)
        return try Reminder.due(plan: plan, index: store.index, year: year, asOf: asOf).map { reminder in
            let package = try ReminderLetter.document(reminder, context: context).package()
            let base = folder.appendingPathComponent("reminder-\(reminder.unit)-\(year)")
            let docx = base.appendingPathExtension("docx")
            let flat = base.appendingPathExtension("xml")
            try DurableFile.write(try package.docx(), to: docx)
            try DurableFile.write(try package.flatOPC(), to: flat)
            return WrittenReminder(reminder: reminder, documents: [OutputWriter.display(docx), OutputWriter.display(flat)])
        }
    }
}

/// A reminder and where its letter was written.
public struct WrittenReminder: Codable, Sendable {
    public var reminder: Reminder
    public var documents: [String]
}
