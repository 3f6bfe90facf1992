import Consolidation
import Foundation
import Intake
import Rendering
import ReportModel
import Store

/// `baocao review --midterm|--final`: the review's three files in `OUTBOX/2028/` or `OUTBOX/2030/`.
public struct ReviewRun {
    public let plan: Plan
    public let store: SubmissionStore
    public let outbox: URL

    public init(plan: Plan, store: SubmissionStore, outbox: URL) {
        self.plan = plan
        self.store = store
        self.outbox = outbox
    }

    public func run(_ review: ReviewKind, asOf: CalendarDate) throws -> MultiYearReview {
        let store = self.store
        let merge = YearMerge(plan: plan, index: store.index, report: { try StoredReport.read(try store.original(sha256: $0)) })
        var data = try ReviewMerge(yearMerge: merge).merge(review, asOf: asOf)
        let writer = OutputWriter(folder: outbox.appendingPathComponent(String(review.year)))
        data.documents = [writer.path(review.baseName, "docx"), writer.path(review.baseName, "xml")]
        try writer.write(ReviewDocument.document(data, context: DocumentContext(plan: plan, date: asOf)), data: data,
                         baseName: review.baseName)
        return data
    }
}
