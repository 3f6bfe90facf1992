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
        try JSONOutput.write(shell, filling: "years", object: true, to: write) { member in
            // Keys as the encoder sorts them: as strings.
            for year in years.keys.sorted(by: { String($0) < String($1) }) {
                guard let data = years[year] else { continue }
                try member { try $0(Data("\"\(year)\" : ".utf8) + JSONOutput.nested(data, depth: 2)) }
            }
        }
    }
}
