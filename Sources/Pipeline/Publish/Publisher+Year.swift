import Consolidation
import Foundation
import Rendering
import ReportModel

extension Publisher {
    /// `baocao consolidate --year Y`: the ministry summary and the Prime
    /// Minister report, in `OUTBOX/Y/`.
    public func yearDocuments(year: Int, asOf: CalendarDate) throws -> YearConsolidation {
        var data = try merge.merge(year: year, asOf: asOf)
        let writer = OutputWriter(folder: folder(year))
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
    public func adhocDocument(year: Int, request: String?, asOf: CalendarDate) throws -> YearConsolidation {
        var data = try merge.merge(year: year, asOf: asOf, kind: .adhoc) { record in
            guard let request else { return true }
            let id = record.receipt.id ?? ""
            return id == request || id.hasPrefix(request + "-")
        }
        let writer = OutputWriter(folder: folder(year, "adhoc"))
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
