import Foundation
import ReportModel

/// A report (or a detailed plan) as a unit's clerk fills it in the portal's
/// form: every field as typed, so nothing a person wrote is lost, even
/// when it is not valid yet. `DraftDocument` turns it into the XML the
/// checker reads; the checker alone says what is wrong.
public struct ReportDraft: Codable, Sendable, Equatable {
    public var unit: String
    public var year: Int
    /// `annual` or `plan`.
    public var kind: ReportKind
    /// The `@id` it will be sent with.
    public var id: String
    public var supersedes: String?
    public var preparer: PreparerFields
    public var tasks: [TaskFields]
    /// Bumped at every save: a save from a page loaded before is warned.
    public var version: Int
    public var updatedBy: String?
    public var updatedAt: String?
    /// Set once it is sent: the draft is then locked.
    public var sent: Sent?

    public struct Sent: Codable, Sendable, Equatable {
        public var id: String
        public var sha256: String
        public var received: String
        public var by: String

        public init(id: String, sha256: String, received: String, by: String) {
            self.id = id
            self.sha256 = sha256
            self.received = received
            self.by = by
        }
    }

    public init(unit: String, year: Int, kind: ReportKind, id: String, supersedes: String? = nil, preparer: PreparerFields = PreparerFields(),
                tasks: [TaskFields], version: Int = 0) {
        self.unit = unit
        self.year = year
        self.kind = kind
        self.id = id
        self.supersedes = supersedes
        self.preparer = preparer
        self.tasks = tasks
        self.version = version
    }
}

public struct PreparerFields: Codable, Sendable, Equatable {
    public var name = ""
    public var position = ""
    public var email = ""
    public var phone = ""

    public init(name: String = "", position: String = "", email: String = "", phone: String = "") {
        self.name = name
        self.position = position
        self.email = email
        self.phone = phone
    }
}

/// One task of the form. For a detailed plan, `results` are its milestones
/// and an indicator's `target` is all it has.
public struct TaskFields: Codable, Sendable, Equatable {
    public var code: String
    public var role: TaskRole
    public var status = ""
    public var progress = ""
    public var responsible = ""
    public var results: [MonthText] = []
    public var indicators: [IndicatorFields] = []
    public var products: [ProductFields] = []
    public var difficulties: [KindText] = []
    public var proposals: [KindText] = []
    public var funding: [FundingFields] = []

    public init(code: String, role: TaskRole) {
        self.code = code
        self.role = role
    }
}

public struct MonthText: Codable, Sendable, Equatable {
    public var month = ""
    public var text = ""

    public init(month: String = "", text: String = "") {
        self.month = month
        self.text = text
    }

    var isEmpty: Bool { month.isBlank && text.isBlank }
}

public struct IndicatorFields: Codable, Sendable, Equatable {
    public var code: String
    public var actual = ""
    public var target = ""
    /// For an indicator of the unit's own (`x-…`): its name and measure.
    public var name = ""
    public var measure = ""

    public init(code: String, actual: String = "", target: String = "", name: String = "", measure: String = "") {
        self.code = code
        self.actual = actual
        self.target = target
        self.name = name
        self.measure = measure
    }
}

/// A product: what was delivered, when, and an evidence file kept with the draft.
public struct ProductFields: Codable, Sendable, Equatable {
    public var text = ""
    public var date = ""
    public var file: AttachedFile?

    public init(text: String = "", date: String = "", file: AttachedFile? = nil) {
        self.text = text
        self.date = date
        self.file = file
    }

    var isEmpty: Bool { text.isBlank && date.isBlank && file == nil }
}

/// A file attached to a draft: its name as the clerk's computer had it, and
/// its bytes by SHA-256 among the draft's files.
public struct AttachedFile: Codable, Sendable, Equatable {
    public var name: String
    public var sha256: String
    public var size: Int64

    public init(name: String, sha256: String, size: Int64) {
        self.name = name
        self.sha256 = sha256
        self.size = size
    }

    /// Its path inside the bundle: `attachments/` and a name safe in a zip.
    public var bundlePath: String {
        let safe = name.precomposedStringWithCanonicalMapping.map { $0.isLetter || $0.isNumber || "._-".contains($0) ? $0 : "-" }
        return "attachments/\(sha256.prefix(8))-\(String(safe).prefix(80))"
    }
}

/// A difficulty with its kind, or a proposal with whom it addresses.
public struct KindText: Codable, Sendable, Equatable {
    public var kind = ""
    public var text = ""

    public init(kind: String = "", text: String = "") {
        self.kind = kind
        self.text = text
    }

    var isEmpty: Bool { text.isBlank }
}

public struct FundingFields: Codable, Sendable, Equatable {
    public var source = ""
    public var amount = ""

    public init(source: String = "", amount: String = "") {
        self.source = source
        self.amount = amount
    }

    var isEmpty: Bool { amount.isBlank }
}

extension String {
    var isBlank: Bool { trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
}
