import Foundation

/// The answer to one input file: its outcome, the submission's identity and
/// every diagnostic. Its JSON is the §9 result object.
public struct Receipt: Sendable, Equatable {
    /// The name as found in the inbox.
    public var file: String
    public var sha256: String
    public var outcome: Outcome
    public var unit: String?
    public var year: Int?
    public var kind: ReportKind?
    public var id: String?
    /// `2026-11-14T16:02:11+07:00`.
    public var received: String
    public var late: Bool
    public var supersedes: String?
    public var diagnostics: [Diagnostic]

    public init(file: String, sha256: String, outcome: Outcome, unit: String?, year: Int?, kind: ReportKind?, id: String?,
                received: String, late: Bool, supersedes: String?, diagnostics: [Diagnostic]) {
        self.file = file
        self.sha256 = sha256
        self.outcome = outcome
        self.unit = unit
        self.year = year
        self.kind = kind
        self.id = id
        self.received = received
        self.late = late
        self.supersedes = supersedes
        self.diagnostics = diagnostics
    }
}

extension Receipt: Codable {
    private enum Keys: String, CodingKey {
        case file, sha256, outcome, unit, year, kind, id, received, late, supersedes, diagnostics
    }

    private struct DiagnosticJSON: Codable {
        var code: DiagnosticCode
        var severity: Severity
        var file: String?
        var line: Int?
        var column: Int?
        var message: String
        var messageEnglish: String

        enum Keys: String, CodingKey { case code, severity, file, line, column, message, messageEnglish = "message_en" }

        init(_ d: Diagnostic) {
            code = d.code
            severity = d.severity
            file = d.location.file
            line = d.location.line
            column = d.location.column
            message = d.message
            messageEnglish = d.messageEnglish
        }

        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: Keys.self)
            code = try c.decode(DiagnosticCode.self, forKey: .code)
            severity = try c.decode(Severity.self, forKey: .severity)
            file = try c.decodeIfPresent(String.self, forKey: .file)
            line = try c.decodeIfPresent(Int.self, forKey: .line)
            column = try c.decodeIfPresent(Int.self, forKey: .column)
            message = try c.decode(String.self, forKey: .message)
            messageEnglish = try c.decodeIfPresent(String.self, forKey: .messageEnglish) ?? ""
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(code, forKey: .code)
            try c.encode(severity, forKey: .severity)
            try c.encode(file, forKey: .file)
            try c.encode(line, forKey: .line)
            try c.encode(column, forKey: .column)
            try c.encode(message, forKey: .message)
            try c.encode(messageEnglish, forKey: .messageEnglish)
        }

        var diagnostic: Diagnostic {
            Diagnostic(code, at: SourceLocation(file: file, line: line, column: column), message: message, english: messageEnglish)
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        file = try c.decode(String.self, forKey: .file)
        sha256 = try c.decode(String.self, forKey: .sha256)
        outcome = try c.decode(Outcome.self, forKey: .outcome)
        unit = try c.decodeIfPresent(String.self, forKey: .unit)
        year = try c.decodeIfPresent(Int.self, forKey: .year)
        kind = try c.decodeIfPresent(ReportKind.self, forKey: .kind)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        received = try c.decode(String.self, forKey: .received)
        late = try c.decode(Bool.self, forKey: .late)
        supersedes = try c.decodeIfPresent(String.self, forKey: .supersedes)
        diagnostics = try c.decode([DiagnosticJSON].self, forKey: .diagnostics).map(\.diagnostic)
    }

    /// Writes every §9 field, `null` where a value is unknown.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(file, forKey: .file)
        try c.encode(sha256, forKey: .sha256)
        try c.encode(outcome, forKey: .outcome)
        try c.encode(unit, forKey: .unit)
        try c.encode(year, forKey: .year)
        try c.encode(kind, forKey: .kind)
        try c.encode(id, forKey: .id)
        try c.encode(received, forKey: .received)
        try c.encode(late, forKey: .late)
        try c.encode(supersedes, forKey: .supersedes)
        try c.encode(diagnostics.map(DiagnosticJSON.init), forKey: .diagnostics)
    }
}
