import Consolidation
import Foundation
import Rendering
import ReportModel

extension Publisher {
    /// `baocao consolidate --year Y`: the ministry summary, the Prime
    /// Minister report and each unit's own report, in `OUTBOX/Y/`.
    public func yearDocuments(year: Int, asOf: CalendarDate, approvedOnly: Bool = false) throws -> YearConsolidation {
        // Each unit's own report is written as its report is read for the merge: one read each.
        var data = try merge.merge(year: year, asOf: asOf, approvedOnly: approvedOnly, each: unitReportWriter(year: year, asOf: asOf))
        let writer = OutputWriter(folder: folder(year), outbox: outbox)
        let summary = "ministry-summary-\(year)"
        let pmReport = "pm-report-\(year)"
        data.documents = [summary, pmReport].flatMap { [writer.path($0, "docx"), writer.path($0, "xml")] }
            + unitReportPaths(data.submissions, year: year)
        try writer.write(MinistrySummary.document(data, context: context(.ministrySummary, year: year, asOf: asOf)), data: data,
                         baseName: summary)
        // The same data: its `.json` is the summary's, copied.
        try writer.write(PrimeMinisterReport.document(data, context: context(.pmReport, year: year, asOf: asOf)), jsonOf: summary,
                         baseName: pmReport)
        return data
    }

    /// Ad-hoc reports of `year` answering `request` (their `@id` is the
    /// request's id or starts with it and a dash), or all of the year's
    /// ad-hoc reports: `OUTBOX/Y/adhoc/adhoc-REQUEST-Y.{docx,xml,json}`.
    public func adhocDocument(year: Int, request: String?, subject: String?, asOf: CalendarDate,
                              approvedOnly: Bool = false) throws -> YearConsolidation {
        var data = try merge.merge(year: year, asOf: asOf, kind: .adhoc, approvedOnly: approvedOnly, including: { record in
            guard let request else { return true }
            let id = record.receipt.id ?? ""
            return id == request || id.hasPrefix(request + "-")
        }, each: unitReportWriter(year: year, asOf: asOf))
        let writer = OutputWriter(folder: folder(year, "adhoc"), outbox: outbox)
        let base = "adhoc-\(request.map(Self.fileSafe) ?? "all")-\(year)"
        data.documents = [writer.path(base, "docx"), writer.path(base, "xml")] + unitReportPaths(data.submissions, year: year)
        try writer.write(AdhocSummary.document(data, request: request, subject: subject, context: context(nil, year: year, asOf: asOf)),
                         data: data, baseName: base)
        return data
    }
}
