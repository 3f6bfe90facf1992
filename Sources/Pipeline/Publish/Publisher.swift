import Consolidation
import Foundation
import Intake
import Rendering
import ReportModel
import Store
import SystemKit

/// Turns the store into documents in the outbox: the yearly documents and
/// the units' own reports, ad-hoc summaries, the reviews across the years
/// and the reminder letters. Every figure is merged from the store alone;
/// reports are read back from the kept originals.
public struct Publisher {
    public let plan: Plan
    public let store: SubmissionStore
    public let outbox: URL
    /// The secretariat's own words (`--notes FILE`), for the documents they name.
    public var notes: [SecretariatNotes] = []
    let reader: StoredReport

    public init(resources: IntakeResources, store: SubmissionStore, outbox: URL, notes: [SecretariatNotes] = []) {
        plan = resources.plan
        self.store = store
        self.outbox = outbox
        self.notes = notes
        reader = StoredReport(resources: resources)
    }

    /// The merge over this store.
    var merge: YearMerge {
        YearMerge(plan: plan, index: store.index, reports: KeptReports(store: store, reader: reader))
    }

    /// `baocao status`: who reported and when, each submission's check, and
    /// the detailed plans followed against the reports (the kept files are
    /// read and their SHA-256 checked for that).
    public func status(year: Int, asOf: CalendarDate) throws -> ReportingStatus {
        var status = ReportingStatus(plan: plan, index: store.index, year: year, asOf: asOf)
        let followUp = try PlanFollowUp(plan: plan, index: store.index, year: year, asOf: asOf,
                                        sources: KeptReports(store: store, reader: reader))
        status.plans = followUp.plans
        status.slipped = followUp.slipped
        return status
    }

    /// What a document of `year` needs besides its data: the date, and the notes meant for it.
    func context(_ document: NotedDocument?, year: Int, asOf: CalendarDate) -> DocumentContext {
        DocumentContext(plan: plan, date: asOf, notes: document.flatMap { notes.notes(for: $0, year: year) })
    }

    /// `OUTBOX/YEAR/…`.
    func folder(_ year: Int, _ parts: String...) -> URL {
        parts.reduce(outbox.appendingPathComponent(String(year))) { $0.appendingPathComponent($1) }
    }

    /// `merge`, handed a writer of each submission used as the unit's own
    /// report (`OUTBOX/Y/units/unit-report-UNIT-ID.{docx,xml}`, from the
    /// report the merge has just read). Each is renamed into place whole;
    /// all are made durable by one sync (`unitsDurable`), which the caller
    /// must ensure before any document that lists them is named: one sync
    /// for two thousand files, not two each.
    func writingUnitReports(year: Int, asOf: CalendarDate,
                            _ merge: (_ each: (SourceRef, Report) throws -> Void) throws -> YearConsolidation) throws
        -> (data: YearConsolidation, unitsDurable: Once) {
        let units = folder(year, "units")
        let writer = OutputWriter(folder: units, outbox: outbox, sync: .deferred)
        let context = DocumentContext(plan: plan, date: asOf)
        let data = try merge { source, report in
            _ = try writer.write(UnitReport.document(report, received: source.received, context: context),
                                 baseName: "unit-report-\(Self.fileSafe(source.unit))-\(Self.fileSafe(source.submission))")
        }
        // One sync for them all, done by the first job about to name a file
        // that lists them: it waits on the disk while the other computes.
        return (data, Once { try DurableFile.syncFileSystems(containing: [units]) })
    }

    /// Where `writingUnitReports` writes, relative to the outbox.
    func unitReportPaths(_ submissions: [SourceRef], year: Int) -> [String] {
        submissions.flatMap { source in
            ["docx", "xml"].map { "\(year)/units/unit-report-\(Self.fileSafe(source.unit))-\(Self.fileSafe(source.submission)).\($0)" }
        }
    }

    /// An id or a request code as part of a file name.
    static func fileSafe(_ text: String) -> String {
        String(text.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "_" })
    }
}

extension Publisher {
    /// One accepted report as the unit's own document (`UnitReport`), for
    /// its leader to sign: the DOCX bytes, rendered from the kept original.
    public func unitReportDocument(sha256: String, asOf: CalendarDate) throws -> Data {
        let report = try KeptReports(store: store, reader: reader).report(sha256: sha256)
        let received = store.index.acceptedRecords.first { $0.receipt.sha256 == sha256 }?.receipt.received ?? ""
        return try UnitReport.document(report, received: received, context: DocumentContext(plan: plan, date: asOf)).docx()
    }
}
