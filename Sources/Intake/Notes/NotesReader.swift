import Foundation
import ReportModel
import XMLKit

/// Reads a notes file (`urn:baocao:notes:1`) the way intake reads a report:
/// no DTD, well-formed, the XSD; every problem with its line.
public enum NotesReader {
    public static func read(_ bytes: Data, file: String, resources: IntakeResources) -> Result<SecretariatNotes, NotesError> {
        let document: XMLTree
        do {
            document = try XMLTree.parse([UInt8](bytes))
        } catch {
            return .failure(NotesError(file: file, problems: error.problems.map { XMLDiagnostics.diagnostic(for: $0, file: file) }))
        }
        let problems = resources.notesSchema.validate(document)
        guard problems.isEmpty, let root = document.rootElement() else {
            return .failure(NotesError(file: file, problems: problems.map { XMLDiagnostics.diagnostic(for: $0, file: file) }))
        }
        func texts(_ name: String) -> [String] { root.children(named: name).map(\.trimmedText) }
        let signer = root.child(named: "signer").map {
            SecretariatNotes.Signer(authority: $0.value("authority"), title: $0.value("title") ?? "", name: $0.value("name") ?? "")
        }
        return .success(SecretariatNotes(
            year: Int(root.value("year") ?? "") ?? 0,
            document: root.value("document").flatMap(NotedDocument.init(rawValue:)),
            signer: signer,
            number: root.child(named: "number").flatMap { Int($0.trimmedText) },
            assessments: texts("assessment"), shortcomings: texts("shortcoming"), lessons: texts("lesson"),
            directions: texts("direction"),
            proposals: root.children(named: "proposal").map {
                Proposal($0.trimmedText, to: $0.value("to").flatMap(ProposalAddressee.init(rawValue:)) ?? .government,
                         location: SourceLocation(file: file, line: $0.line, column: $0.column))
            }))
    }
}

/// A notes file that cannot be used, with every problem and its place.
public struct NotesError: ExplainedError, Sendable {
    public var file: String
    public var problems: [Diagnostic]

    public var vietnamese: String {
        "Tệp ý kiến \(file) không dùng được:\n" + problems.map { "  - \($0.location.vietnamese): \($0.message)" }.joined(separator: "\n")
    }

    public var english: String {
        "the notes file \(file) cannot be used: " + problems.map { "\($0.location.english): \($0.messageEnglish)" }.joined(separator: "; ")
    }
}
