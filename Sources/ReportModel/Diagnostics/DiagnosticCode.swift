/// The stable diagnostic codes of the exchange format (report-format.md §7).
///
/// The raw value is what receipts and `--json` carry; it never changes.
public enum DiagnosticCode: String, Codable, CaseIterable, Sendable {
    case bundleCorrupt = "BUNDLE_CORRUPT"
    case bundleUnsafePath = "BUNDLE_UNSAFE_PATH"
    case bundleLink = "BUNDLE_LINK"
    case bundleEncrypted = "BUNDLE_ENCRYPTED"
    case bundleDuplicateEntry = "BUNDLE_DUPLICATE_ENTRY"
    case bundleLimit = "BUNDLE_LIMIT"
    case bundleNoReport = "BUNDLE_NO_REPORT"
    case manifestMismatch = "MANIFEST_MISMATCH"
    case signatureMissing = "SIGNATURE_MISSING"
    case signatureInvalid = "SIGNATURE_INVALID"
    case xmlMalformed = "XML_MALFORMED"
    case xmlDTD = "XML_DTD"
    case xmlEncoding = "XML_ENCODING"
    case schemaInvalid = "SCHEMA_INVALID"
    case planMismatch = "PLAN_MISMATCH"
    case unitUnknown = "UNIT_UNKNOWN"
    case yearOutOfRange = "YEAR_OUT_OF_RANGE"
    case taskUnknown = "TASK_UNKNOWN"
    case taskNotAssigned = "TASK_NOT_ASSIGNED"
    case taskDuplicate = "TASK_DUPLICATE"
    case statusInconsistent = "STATUS_INCONSISTENT"
    case monthOutOfYear = "MONTH_OUT_OF_YEAR"
    case indicatorUnknown = "INDICATOR_UNKNOWN"
    case attachmentMissing = "ATTACHMENT_MISSING"
    case idConflict = "ID_CONFLICT"
    case supersedesUnknown = "SUPERSEDES_UNKNOWN"
    case valueTooLarge = "VALUE_TOO_LARGE"
    case unitNotAuthorised = "UNIT_NOT_AUTHORISED"
    case late = "LATE"
    case templateText = "TEMPLATE_TEXT"
    case taskMissing = "TASK_MISSING"

    /// Errors reject the submission; warnings accept it and flag it.
    public var severity: Severity {
        switch self {
        case .late, .templateText, .taskMissing: return .warning
        default: return .error
        }
    }
}

/// How much a diagnostic weighs on the outcome.
public enum Severity: String, Codable, Sendable {
    case error
    case warning
}
