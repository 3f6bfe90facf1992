import ReportModel
import XMLKit

/// Maps libxml2's findings to the format's diagnostic codes, with Vietnamese text.
enum XMLDiagnostics {
    static func diagnostic(for problem: XMLProblem, file: String) -> Diagnostic {
        let here = SourceLocation(file: file, line: problem.line, column: problem.column)
        switch problem.kind {
        case .doctype:
            return Diagnostic(.xmlDTD, at: here,
                message: "Tệp có khai báo DOCTYPE; báo cáo không được chứa DTD hay thực thể (entity).",
                english: "A DOCTYPE is present; DTDs and entities are not allowed.")
        case .encoding:
            return Diagnostic(.xmlEncoding, at: here,
                message: "Bảng mã khai báo không được hỗ trợ hoặc nội dung không đúng bảng mã đã khai (nên dùng UTF-8). Chi tiết: \(problem.message)",
                english: "Unknown declared encoding, or bytes that do not match it: \(problem.message)")
        case .malformed:
            return Diagnostic(.xmlMalformed, at: here,
                message: "Tệp XML không đúng cú pháp (thiếu thẻ đóng, ký tự không hợp lệ…). Chi tiết: \(problem.message)",
                english: "Not well-formed XML: \(problem.message)")
        case .schema:
            return Diagnostic(.schemaInvalid, at: here,
                message: "Nội dung không đúng mẫu báo cáo (lược đồ XSD): \(Diagnostic.lowerFirst(SchemaWords.explain(problem.message))).",
                english: "Schema: \(problem.message)")
        }
    }
}
