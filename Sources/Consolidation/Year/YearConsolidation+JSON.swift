import Foundation
import ReportModel

extension YearConsolidation {
    /// The §9 `.json`, given to `write` piece by piece: everything but the
    /// tasks at once, then one task at a time with its results read back
    /// from the spill. The bytes are those of `JSONOutput.encode(self)` with
    /// every task's results in it; memory holds one task's words at a time.
    public func writeJSON(_ write: (Data) throws -> Void) throws {
        var shell = self
        shell.tasks = []
        shell.spill = nil
        try JSONOutput.write(shell, filling: "tasks", to: write) { member in
            for task in tasks { try member(JSONOutput.nested(withResults(task), depth: 2)) }
        }
        try spill?.check()
    }

    /// The same, in memory (a small merge, `--json` on the terminal).
    public func json() throws -> Data {
        var data = Data()
        try writeJSON { data.append($0) }
        return data
    }
}
