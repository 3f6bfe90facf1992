import Consolidation
import Foundation
import Rendering
import ReportModel

extension Publisher {
    /// `baocao review --midterm|--final`: the review's three files in
    /// `OUTBOX/2028/` or `OUTBOX/2030/`.
    public func review(_ review: ReviewKind, asOf: CalendarDate) throws -> MultiYearReview {
        var data = try ReviewMerge(yearMerge: merge).merge(review, asOf: asOf)
        let writer = OutputWriter(folder: folder(review.year), outbox: outbox)
        data.documents = [writer.path(review.baseName, "docx"), writer.path(review.baseName, "xml")]
        let document: NotedDocument = review == .midterm ? .midtermReview : .finalReview
        try writer.write(ReviewDocument.document(data, context: context(document, year: review.year, asOf: asOf)), data: data,
                         baseName: review.baseName)
        return data
    }
}
