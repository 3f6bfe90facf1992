import ReportModel

/// A whole document: its metadata, first page layout and body.
public struct WordDocument: Hashable, Sendable {
    public var metadata: DocumentMetadata
    /// Layout of the first section; `Block.sectionBreak` changes it further on.
    public var layout: PageLayout
    public var blocks: [Block]

    public init(metadata: DocumentMetadata, layout: PageLayout = .a4Portrait, blocks: [Block]) {
        self.metadata = metadata
        self.layout = layout
        self.blocks = blocks
    }
}

/// What goes into `docProps/core.xml`. The dates are the caller's (e.g. the
/// document date at 00:00:00Z), never the clock, so output is reproducible.
public struct DocumentMetadata: Hashable, Sendable {
    public var title: String
    public var subject: String?
    public var creator: String
    public var language: String
    public var created: CalendarDate
    public var modified: CalendarDate

    public init(title: String, subject: String? = nil, creator: String = "baocao", language: String = "vi-VN",
                created: CalendarDate, modified: CalendarDate? = nil) {
        self.title = title
        self.subject = subject
        self.creator = creator
        self.language = language
        self.created = created
        self.modified = modified ?? created
    }
}
