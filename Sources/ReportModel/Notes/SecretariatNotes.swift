/// The parts of a document no pipeline can write: who signs, the number the
/// văn thư gave it, and the secretariat's judgement (outputs.md, "The
/// secretariat's own words"). Figures come from the store; these come from
/// people, through `--notes FILE`.
public struct SecretariatNotes: Sendable, Equatable {
    public var year: Int
    /// The one document they are for; nil: every document of the year.
    public var document: NotedDocument?
    public var signer: Signer?
    /// The number the văn thư gave the document; nil keeps it an unnumbered draft.
    public var number: Int?
    /// Đánh giá chung.
    public var assessments: [String]
    /// Tồn tại, hạn chế và nguyên nhân.
    public var shortcomings: [String]
    /// Bài học kinh nghiệm.
    public var lessons: [String]
    /// Nhiệm vụ, giải pháp thời gian tới.
    public var directions: [String]
    /// The secretariat's own proposals.
    public var proposals: [Proposal]

    public init(year: Int, document: NotedDocument? = nil, signer: Signer? = nil, number: Int? = nil, assessments: [String] = [],
                shortcomings: [String] = [], lessons: [String] = [], directions: [String] = [], proposals: [Proposal] = []) {
        self.year = year
        self.document = document
        self.signer = signer
        self.number = number
        self.assessments = assessments
        self.shortcomings = shortcomings
        self.lessons = lessons
        self.directions = directions
        self.proposals = proposals
    }

    /// Who signs: `KT. BỘ TRƯỞNG` / `THỨ TRƯỞNG` / the name.
    public struct Signer: Sendable, Equatable {
        public var authority: String?
        public var title: String
        public var name: String

        public init(authority: String?, title: String, name: String) {
            self.authority = authority
            self.title = title
            self.name = name
        }
    }
}

/// The documents notes can be for.
public enum NotedDocument: String, Sendable, Equatable, CaseIterable {
    case ministrySummary = "ministry-summary"
    case pmReport = "pm-report"
    case midtermReview = "midterm-review"
    case finalReview = "final-review"
}

extension Array where Element == SecretariatNotes {
    /// The notes for `document` of `year`: those naming it, else those for every document of the year.
    public func notes(for document: NotedDocument, year: Int) -> SecretariatNotes? {
        first { $0.year == year && $0.document == document } ?? first { $0.year == year && $0.document == nil }
    }
}
