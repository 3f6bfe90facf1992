import Consolidation
import Foundation
import Rendering
import ReportModel
import SystemKit

extension Publisher {
    /// `baocao consolidate --year Y`: the ministry summary, the Prime
    /// Minister report and each unit's own report, in `OUTBOX/Y/`.
    public func yearDocuments(year: Int, asOf: CalendarDate, approvedOnly: Bool = false) throws -> YearConsolidation {
        // Each unit's own report is written as its report is read for the merge: one read each.
        let read = try writingUnitReports(year: year, asOf: asOf) { each in
            try merge.merge(year: year, asOf: asOf, approvedOnly: approvedOnly, each: each)
        }
        var data = read.data
        let writer = OutputWriter(folder: folder(year), outbox: outbox, prerequisite: read.unitsDurable)
        let summary = "ministry-summary-\(year)"
        let pmReport = "pm-report-\(year)"
        data.documents = [summary, pmReport].flatMap { [writer.path($0, "docx"), writer.path($0, "xml")] }
            + unitReportPaths(data.submissions, year: year)
        let merged = data
        // Two cores: the summary on one; on the other the units' reports
        // made durable, the summary's `.json`, then the PM report, whose
        // `.json` is the same data (that file, copied).
        try Parallel.run(
            { try writer.write(MinistrySummary.document(merged, context: context(.ministrySummary, year: year, asOf: asOf)),
                               baseName: summary) },
            {
                try writer.writeJSON(merged, baseName: summary)
                try writer.write(PrimeMinisterReport.document(merged, context: context(.pmReport, year: year, asOf: asOf)),
                                 jsonOf: summary, baseName: pmReport)
            })
        return data
    }

    /// Ad-hoc reports of `year` answering `request` (their `@id` is the
    /// request's id or starts with it and a dash), or all of the year's
    /// ad-hoc reports: `OUTBOX/Y/adhoc/adhoc-REQUEST-Y.{docx,xml,json}`.
    public func adhocDocument(year: Int, request: String?, subject: String?, asOf: CalendarDate,
                              approvedOnly: Bool = false) throws -> YearConsolidation {
        let read = try writingUnitReports(year: year, asOf: asOf) { each in
            try merge.merge(year: year, asOf: asOf, kind: .adhoc, approvedOnly: approvedOnly, including: { record in
                guard let request else { return true }
                let id = record.receipt.id ?? ""
                return id == request || id.hasPrefix(request + "-")
            }, each: each)
        }
        var data = read.data
        let writer = OutputWriter(folder: folder(year, "adhoc"), outbox: outbox, prerequisite: read.unitsDurable)
        let base = "adhoc-\(request.map(Self.fileSafe) ?? "all")-\(year)"
        data.documents = [writer.path(base, "docx"), writer.path(base, "xml")] + unitReportPaths(data.submissions, year: year)
        let merged = data
        try Parallel.run(
            { try writer.write(AdhocSummary.document(merged, request: request, subject: subject, context: context(nil, year: year, asOf: asOf)),
                               baseName: base) },
            { try writer.writeJSON(merged, baseName: base) })
        return data
    }
}
