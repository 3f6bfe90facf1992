import Foundation
import ReportModel

extension MultiYearReview {
    /// The review's `.json`, given to `write` piece by piece: everything
    /// but the years at once, then one year at a time. The bytes are those
    /// of `JSONOutput.encode(self)`; memory holds one year's tree at a time
    /// (the whole tree of five years of 2,000 units was 130 MB).
    public func writeJSON(_ write: (Data) throws -> Void) throws {
        var shell = self
        shell.years = [:]
        let whole = try JSONOutput.encode(shell)
        // The empty object as the encoder writes it at the top level.
        let empty = "\n\n  }"
        let marker = Data("\n  \"years\" : {\(empty)".utf8)
        guard let found = whole.range(of: marker) else {
            throw CocoaError(.coderInvalidValue)  // the encoder's layout changed: tests say so first
        }
        try write(whole[..<(found.lowerBound + marker.count - Data(empty.utf8).count)])
        if years.isEmpty {
            try write(Data(empty.utf8))
        } else {
            // Keys as the encoder sorts them: as strings.
            for (number, year) in years.keys.sorted(by: { String($0) < String($1) }).enumerated() {
                guard let data = years[year] else { continue }
                var piece = Data((number == 0 ? "\n    \"\(year)\" : " : ",\n    \"\(year)\" : ").utf8)
                piece.append(try JSONOutput.nested(data, depth: 2))
                try write(piece)
            }
            try write(Data("\n  }".utf8))
        }
        try write(whole[found.upperBound...])
    }
}
