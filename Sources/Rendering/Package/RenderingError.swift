import ReportModel
import XMLKit
import ZipKit

/// Why a document could not be rendered. Either is a bug or a resource
/// failure, never a problem in the report data.
public enum RenderingError: ExplainedError, Sendable, CustomStringConvertible {
    case xml(XMLWriterError)
    case zip(ZipError)

    /// Wraps whatever a part writer threw.
    static func wrapping(_ error: any Error) -> RenderingError {
        switch error {
        case let error as RenderingError: return error
        case let error as XMLWriterError: return .xml(error)
        case let error as ZipError: return .zip(error)
        default: return .xml(XMLWriterError(.libxml, String(describing: error)))
        }
    }

    public var vietnamese: String { "Không lập được văn bản (lỗi của chương trình, không phải của số liệu): \(description)" }
    public var english: String { "cannot render the document (a program fault, not the data): \(description)" }

    public var description: String {
        switch self {
        case .xml(let error): return "rendering: \(error)"
        case .zip(let error): return "rendering: \(error)"
        }
    }
}
