/// Where in a submission a problem sits: the file inside the bundle, and the
/// line and column where the format has them (schema errors have no column).
public struct SourceLocation: Hashable, Codable, Sendable {
    public var file: String?
    public var line: Int?
    public var column: Int?

    public init(file: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The same place, in another file of the bundle.
    public func inFile(_ name: String) -> SourceLocation {
        SourceLocation(file: name, line: line, column: column)
    }
}

/// One finding about a submission. Diagnostics are values: a report with five
/// problems gets five of them, collected, never thrown one at a time.
public struct Diagnostic: Hashable, Sendable {
    public var code: DiagnosticCode
    public var location: SourceLocation
    /// What the unit's clerk reads, in plain Vietnamese.
    public var message: String
    /// The same in English, for the secretariat's technicians.
    public var messageEnglish: String

    public var severity: Severity { code.severity }

    public init(_ code: DiagnosticCode, at location: SourceLocation = SourceLocation(), message: String, english: String) {
        self.code = code
        self.location = location
        self.message = message
        self.messageEnglish = english
    }

    /// `file:line:col: error: [CODE] message`, the way compilers print findings.
    public var compilerStyle: String {
        var place = location.file ?? "-"
        if let line = location.line { place += ":\(line)" }
        if let column = location.column { place += ":\(column)" }
        return "\(place): \(severity.rawValue): [\(code.rawValue)] \(message)"
    }
}

extension Array where Element == Diagnostic {
    /// True when any diagnostic rejects the submission.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}

/// §9's shape: `code`, `severity`, `file`, `line`, `column`, `message` (and
/// `message_en`), flat, every key written (`null` where there is none).
extension Diagnostic: Codable {
    private enum Keys: String, CodingKey { case code, severity, file, line, column, message, messageEnglish = "message_en" }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(try c.decode(DiagnosticCode.self, forKey: .code),
                  at: SourceLocation(file: try c.decodeIfPresent(String.self, forKey: .file),
                                     line: try c.decodeIfPresent(Int.self, forKey: .line),
                                     column: try c.decodeIfPresent(Int.self, forKey: .column)),
                  message: try c.decode(String.self, forKey: .message),
                  english: try c.decodeIfPresent(String.self, forKey: .messageEnglish) ?? "")
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(code, forKey: .code)
        try c.encode(severity, forKey: .severity)
        try c.encode(location.file, forKey: .file)
        try c.encode(location.line, forKey: .line)
        try c.encode(location.column, forKey: .column)
        try c.encode(message, forKey: .message)
        try c.encode(messageEnglish, forKey: .messageEnglish)
    }
}
