import Foundation
import ReportModel

/// Where commands print: results on stdout, progress and notes on stderr.
///
/// Whatever is printed passes `DisplayName.printable`: a name or an id from
/// a submission can never retitle or recolour the terminal.
enum Output {
    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data(DisplayName.printable(text).utf8))
    }

    /// Text whose escape sequences are the program's own (the status board's
    /// colours); every piece from outside was made printable before.
    static func printStyled(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func note(_ text: String) {
        FileHandle.standardError.write(Data(DisplayName.printable(text + "\n").utf8))
    }

    static func json<T: Encodable>(_ value: T) throws {
        FileHandle.standardOutput.write(try JSONOutput.encode(value))
    }

    static var stderrIsTerminal: Bool { isatty(2) != 0 }
    static var stdoutIsTerminal: Bool { isatty(1) != 0 }
}

/// A progress line on stderr, only on a terminal and only once a run has
/// taken more than a moment.
final class ProgressLine {
    private let start = Date()
    private let label: String
    private var shown = false

    init(_ label: String) {
        self.label = label
    }

    func update(_ done: Int, _ total: Int) {
        guard Output.stderrIsTerminal, Date().timeIntervalSince(start) > 0.5 || shown else { return }
        shown = true
        FileHandle.standardError.write(Data("\r\(label) \(done)/\(total)\u{1B}[K".utf8))
        if done == total { finish() }
    }

    func finish() {
        if shown { FileHandle.standardError.write(Data("\n".utf8)) }
        shown = false
    }
}

/// The JSON object `ingest --json` and `check --json` print (§9).
struct ResultsJSON: Encodable {
    var results: [Receipt]
}
