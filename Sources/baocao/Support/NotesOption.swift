import ArgumentParser
import Foundation
import Intake
import ReportModel
import SystemKit

/// `--notes FILE` (repeatable): the secretariat's own words for a document
/// (outputs.md), read and checked like a report; a bad file stops the
/// command with every problem and its line (exit 2).
struct NotesOption: ParsableArguments {
    @Option(name: .customLong("notes"),
            help: "Tệp ý kiến của Vụ (urn:baocao:notes:1): người ký, số văn bản, đánh giá, tồn tại, bài học, nhiệm vụ, đề xuất (the secretariat's notes).")
    var files: [String] = []

    func load(resources: IntakeResources, years: Set<Int>) throws -> [SecretariatNotes] {
        try files.map { path in
            let bytes: Data
            do throws(SystemError) {
                bytes = try OpenFile.reading(path).readAll(limit: 16 << 20)
            } catch {
                throw CommandFailure.usage("không đọc được tệp ý kiến \(DisplayName.escape(path)): \(error.vietnamese) (\(error.english))")
            }
            switch NotesReader.read(bytes, file: DisplayName.escape(path), resources: resources) {
            case .failure(let error):
                throw CommandFailure.usage("\(error.vietnamese)\n(\(error.english))")
            case .success(let notes):
                guard years.contains(notes.year) else {
                    throw CommandFailure.usage("tệp ý kiến \(DisplayName.escape(path)) dành cho năm \(notes.year), không phải văn bản đang lập "
                        + "(the notes are for another year)")
                }
                return notes
            }
        }
    }
}

/// Document paths as the commands print them.
enum OutputPaths {
    /// A path relative to the outbox (as the JSON lists it), as a person
    /// at this terminal reaches it.
    static func display(_ relative: String, outbox: URL) -> String {
        let url = outbox.appendingPathComponent(relative)
        let here = FileManager.default.currentDirectoryPath + "/"
        return url.path.hasPrefix(here) ? String(url.path.dropFirst(here.count)) : url.path
    }
}
