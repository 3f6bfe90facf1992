import Consolidation
import Foundation
import Intake
import Rendering
import ReportModel
import Store

/// `baocao consolidate --year Y`: merge the year from the store, then write
/// the ministry summary and the Prime Minister report to `OUTBOX/Y/`.
public struct ConsolidateRun {
    public let plan: Plan
    public let store: SubmissionStore
    public let outbox: URL

    public init(plan: Plan, store: SubmissionStore, outbox: URL) {
        self.plan = plan
        self.store = store
        self.outbox = outbox
    }

    public func run(year: Int, asOf: CalendarDate) throws -> YearConsolidation {
        let store = self.store
        var data = try YearMerge(plan: plan, index: store.index, report: { try StoredReport.read(try store.original(sha256: $0)) })
            .merge(year: year, asOf: asOf)
        let writer = OutputWriter(folder: outbox.appendingPathComponent(String(year)))
        let summary = "ministry-summary-\(year)"
        let pmReport = "pm-report-\(year)"
        data.documents = [summary, pmReport].flatMap { [writer.path($0, "docx"), writer.path($0, "xml")] }
        let context = DocumentContext(plan: plan, date: asOf)
        try writer.write(MinistrySummary.document(data, context: context), data: data, baseName: summary)
        try writer.write(PrimeMinisterReport.document(data, context: context), data: data, baseName: pmReport)
        return data
    }

    /// Ad-hoc reports of `year` answering `request` (their `@id` is the
    /// request's id or starts with it and a dash), or all of the year's
    /// ad-hoc reports: `OUTBOX/Y/adhoc/adhoc-REQUEST-Y.{docx,xml,json}`.
    public func runAdhoc(year: Int, request: String?, asOf: CalendarDate) throws -> YearConsolidation {
        let store = self.store
        var data = try YearMerge(plan: plan, index: store.index, report: { try StoredReport.read(try store.original(sha256: $0)) })
            .merge(year: year, asOf: asOf, kind: .adhoc) { record in
                guard let request else { return true }
                let id = record.receipt.id ?? ""
                return id == request || id.hasPrefix(request + "-")
            }
        let writer = OutputWriter(folder: outbox.appendingPathComponent(String(year)).appendingPathComponent("adhoc"))
        let base = "adhoc-\(request.map(Self.fileSafe) ?? "all")-\(year)"
        data.documents = [writer.path(base, "docx"), writer.path(base, "xml")]
        try writer.write(AdhocSummary.document(data, request: request, context: DocumentContext(plan: plan, date: asOf)),
                         data: data, baseName: base)
        return data
    }

    /// A request id as part of a file name.
    static func fileSafe(_ text: String) -> String {
        String(text.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "_" })
    }
}
