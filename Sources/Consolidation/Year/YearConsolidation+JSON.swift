import Foundation
import ReportModel

extension YearConsolidation {
    /// The §9 `.json`, given to `write` piece by piece: everything but the
    /// tasks at once, then one task at a time with its results read back
    /// from the spill, written a few hundred at a time. The bytes are those
    /// of `JSONOutput.encode(self)` with every task's results in it; memory
    /// holds one task's words at a time, once.
    public func writeJSON(_ write: (Data) throws -> Void) throws {
        var shell = self
        shell.tasks = []
        shell.spill = nil
        try JSONOutput.write(shell, filling: "tasks", to: write) { member in
            for task in tasks { try member { try writeJSON(task, $0) } }
        }
        try spill?.check()
    }

    /// One task as an element of `tasks`: its results from the spill, a
    /// piece of `resultsPerPiece` at a time.
    private func writeJSON(_ task: TaskOutcome, _ write: (Data) throws -> Void) throws {
        let results = results(of: task)
        var bare = task
        bare.results = []
        try JSONOutput.write(bare, depth: 2, filling: "results", to: write) { member in
            for start in stride(from: 0, to: results.count, by: Self.resultsPerPiece) {
                let piece = Self.json(results[start..<min(start + Self.resultsPerPiece, results.count)])
                try member { try $0(piece) }
            }
        }
    }

    private static let resultsPerPiece = 256

    /// Results as the elements of a task's `results`, `nested` as the
    /// encoder writes them there (depth 4: a task is at depth 2), joined as
    /// `JSONOutput.write` joins that member's elements (a comma, a line
    /// break, eight spaces).
    private static func json(_ results: ArraySlice<ResultLine>) -> Data {
        var out: [UInt8] = []
        for (n, line) in results.enumerated() {
            if n > 0 { out.append(contentsOf: ",\n        ".utf8) }
            JSONOutput.object(["month": line.month, "text": line.text, "unit": line.unit], depth: 4, into: &out)
        }
        return Data(out)
    }

    /// The same, in memory (a small merge, `--json` on the terminal).
    public func json() throws -> Data {
        var data = Data()
        try writeJSON { data.append($0) }
        return data
    }
}
