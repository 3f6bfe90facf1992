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

    /// Results as elements of a task's `results`, as the encoder writes
    /// them there: each an object at depth 4 (a task is at depth 2).
    private static func json(_ results: ArraySlice<ResultLine>) -> Data {
        var out = JSONBytes(pretty: true, depth: 4)
        for line in results {
            out.element()
            out.object { o in
                o.key("month"); o.string(line.month)
                o.key("text"); o.string(line.text)
                o.key("unit"); o.string(line.unit)
            }
        }
        return Data(out.bytes)
    }

    /// The same, in memory (a small merge, `--json` on the terminal).
    public func json() throws -> Data {
        var data = Data()
        try writeJSON { data.append($0) }
        return data
    }
}
