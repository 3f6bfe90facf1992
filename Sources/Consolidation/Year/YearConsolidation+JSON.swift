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
        let whole = try JSONOutput.encode(shell)
        // The empty array as the encoder writes it at the top level.
        let marker = Data("\n  \"tasks\" : [\n\n  ]".utf8)
        guard let found = whole.range(of: marker) else {
            throw CocoaError(.coderInvalidValue)  // the encoder's layout changed: tests say so first
        }
        let opening = marker.count - Data("\n\n  ]".utf8).count
        try write(whole[..<(found.lowerBound + opening)])
        if tasks.isEmpty {
            try write(Data("\n\n  ]".utf8))
        } else {
            for (number, task) in tasks.enumerated() {
                var piece = Data((number == 0 ? "\n    " : ",\n    ").utf8)
                piece.append(try JSONOutput.nested(withResults(task), depth: 2))
                try write(piece)
            }
            try write(Data("\n  ]".utf8))
        }
        try write(whole[found.upperBound...])
        try spill?.check()
    }

    /// The same, in memory (a small merge, `--json` on the terminal).
    public func json() throws -> Data {
        var data = Data()
        try writeJSON { data.append($0) }
        return data
    }
}
