import Foundation
import ReportModel
import Synchronization
import SystemKit

/// The units' month-by-month results of one merge, kept in a scratch file
/// instead of memory, and read back one task at a time.
///
/// Results are nearly nine tenths of a report's words: a year of 2,000
/// units held them as 80 MB of strings. The merge appends each report's
/// results here as it reads it; a document or the `.json` asks for one
/// task's results when it writes that task. The file has no name (it is gone
/// when the merge is, even after a crash). Once the merge is done, the
/// documents and the `.json` may read it at once from several threads: a
/// read is a `pread`, and the first failure is kept under a lock.
public final class ResultSpill: @unchecked Sendable {
    /// One unit's results on one task: where its bytes are.
    private struct Segment {
        var unit: String
        var offset: Int64
        var count: Int
    }

    private let file: OpenFile
    private var end: Int64 = 0
    private var segments: [String: [Segment]] = [:]
    /// The first failure to write or read back; `check()` reports it.
    private let failure = Mutex<SystemError?>(nil)

    init() throws(SystemError) {
        file = try OpenFile.anonymous(in: FileManager.default.temporaryDirectory.path)
    }

    /// Keeps `results`, given by `unit` under `task`.
    func append(unit: String, task: String, results: [MonthlyResult]) {
        guard !results.isEmpty, failure.withLock({ $0 == nil }) else { return }
        var bytes = Data()
        for result in results {
            Self.put(result.month.description, into: &bytes)
            Self.put(result.text, into: &bytes)
        }
        do throws(SystemError) {
            try file.write(bytes)
        } catch {
            keep(error)
            return
        }
        segments[task, default: []].append(Segment(unit: unit, offset: end, count: bytes.count))
        end += Int64(bytes.count)
    }

    /// The task's results, by month then unit (within one unit's month, in
    /// the report's order). Empty after a failure, which `check()` reports.
    public func results(of task: String) -> [ResultLine] {
        var lines: [ResultLine] = []
        for segment in segments[task] ?? [] {
            let bytes: Data
            do throws(SystemError) {
                bytes = try file.read(count: segment.count, at: segment.offset)
            } catch {
                keep(error)
                return []
            }
            var position = bytes.startIndex
            while position < bytes.endIndex {
                let month = Self.take(from: bytes, at: &position)
                let text = Self.take(from: bytes, at: &position)
                lines.append(ResultLine(month: month, unit: segment.unit, text: text))
            }
        }
        // Segments are in unit order; the sort is stable.
        return lines.sorted { ($0.month, $0.unit) < ($1.month, $1.unit) }
    }

    /// Throws the first failure to keep or read back a result.
    public func check() throws(SystemError) {
        if let failure = failure.withLock({ $0 }) { throw failure }
    }

    private func keep(_ error: SystemError) {
        failure.withLock { $0 = $0 ?? error }
    }

    private static func put(_ text: String, into bytes: inout Data) {
        var count = UInt32(text.utf8.count).littleEndian
        withUnsafeBytes(of: &count) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: text.utf8)
    }

    private static func take(from bytes: Data, at position: inout Data.Index) -> String {
        let count = bytes[position..<position + 4].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        position += 4
        defer { position += count }
        return String(decoding: bytes[position..<position + count], as: UTF8.self)
    }
}

extension ResultSpill: Equatable {
    /// The same scratch file: two merges' spills are never equal, as two
    /// reads of the store are not the same object.
    public static func == (lhs: ResultSpill, rhs: ResultSpill) -> Bool { lhs === rhs }
}
