import Foundation
import ReportModel
import SystemKit

/// A record of an append-only log: numbered 1, 2, 3… in the order it became durable.
public protocol Sequenced: Codable, Sendable {
    var sequence: Int { get }
    /// The record as one line of JSON (`JSONOutput.compact`).
    func jsonLine() throws -> Data
}

extension Sequenced {
    public func jsonLine() throws -> Data { try JSONOutput.compact(self) }
}

extension LedgerRecord: Sequenced {
    /// Written by hand, byte for byte as the encoder would: one per file taken in.
    public func jsonLine() -> Data {
        var out = JSONBytes(pretty: false)
        out.object { o in
            o.strings("completedTasks", completedTasks)
            if let kept { o.key("kept"); o.string(kept) }
            o.key("receipt"); receipt.write(into: &o)
            o.key("receivedEpoch"); o.int(receivedEpoch)
            o.key("sequence"); o.int(sequence)
        }
        return Data(out.bytes + [0x0A])
    }
}

extension ReviewEvent: Sequenced {}

/// The ledger on disk.
public typealias LedgerFile = JSONLinesFile<LedgerRecord>

/// An append-only log on disk (the ledger, the review events): JSON lines,
/// appended and fsync'd, never rewritten.
///
/// A line is durable once `append` returns. A run killed mid-write leaves at
/// most one torn last line. Whether it may be cut is the owner's decision
/// (for the ledger, `SubmissionStore`: only when its input is provably still
/// in the inbox).
public final class JSONLinesFile<Record: Sequenced> {
    public let url: URL
    private var appender: OpenFile?

    public init(url: URL) {
        self.url = url
    }

    /// What the file holds: every complete record, in order, and the torn
    /// last line if there is one.
    public struct Contents: Sendable {
        public var records: [Record]
        /// Half a line at the end (no newline): its bytes and where it starts.
        public var torn: TornLine?
        /// Where the complete records end: a later `load(after:)` reads on from here.
        public var end: Position
    }

    /// A place in the ledger: the byte after a complete line, its line
    /// number and the sequence number the next record must have.
    public struct Position: Sendable, Equatable {
        public var offset: Int64 = 0
        public var line = 0
        public var nextSequence = 1

        public init() {}
    }

    /// Every complete record after `start` (the whole file by default), as
    /// `transform` keeps it (nil: not kept). A complete line that does not
    /// decode, or records out of sequence, throw with the line. Read in
    /// chunks: memory holds the records, not the file.
    public func load(after start: Position = Position(), transform: (Record) -> Record? = { $0 }) throws(StoreError) -> Contents {
        let file: OpenFile
        do {
            file = try OpenFile.reading(url.path)
            try file.seek(to: start.offset)
        } catch {
            if error.isMissing && start.offset == 0 { return Contents(records: [], torn: nil, end: start) }
            throw .system(error)
        }
        var records: [Record] = []
        var pending = Data()
        var consumed = Int(start.offset)
        var lineNumber = start.line
        var expected = start.nextSequence
        while true {
            let chunk: Data
            do { chunk = try file.read(upTo: 1 << 20) } catch { throw .system(error) }
            if chunk.isEmpty { break }
            pending.append(chunk)
            var lineStart = pending.startIndex
            var lines: [(number: Int, bytes: Range<Int>)] = []
            while let newline = pending[lineStart...].firstIndex(of: 0x0A) {
                lineNumber += 1
                if newline > lineStart { lines.append((lineNumber, lineStart..<newline)) }
                consumed += newline - lineStart + 1
                lineStart = pending.index(after: newline)
            }
            // Checked in order, whichever core decoded them: the first damaged or out-of-sequence line is the one reported.
            for (line, decoded) in zip(lines, Self.decode(lines.map(\.bytes), of: pending)) {
                let record: Record
                do {
                    record = try decoded.get()
                } catch {
                    throw StoreError(.damagedLedger(line: line.number, reason: Self.reason(error)), file: url.path)
                }
                guard record.sequence == expected else {
                    throw StoreError(.ledgerGap(line: line.number, expected: expected, found: record.sequence), file: url.path)
                }
                expected += 1
                if let kept = transform(record) { records.append(kept) }
            }
            pending = Data(pending[lineStart...])
        }
        let torn = pending.isEmpty ? nil : TornLine(offset: Int64(consumed), line: lineNumber + 1, bytes: pending)
        var end = Position()
        end.offset = Int64(consumed)
        end.line = lineNumber
        end.nextSequence = expected
        return Contents(records: records, torn: torn, end: end)
    }

    /// The records in `lines` of `data`, decoded on every core (a slice of
    /// lines each), in order. Reading a 10,000-line ledger one line after
    /// another was the start of `consolidate` and `review`, on one core.
    private static func decode(_ lines: [Range<Int>], of data: Data) -> [Result<Record, any Error>] {
        let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, lines.count / 64))
        let size = (lines.count + parts - 1) / parts
        let slices = (0..<parts).map { part in lines[min(part * size, lines.count)..<min((part + 1) * size, lines.count)] }
        return Parallel.map(parts) { part in
            let decoder = JSONDecoder()
            return slices[part].map { range in Result { try decoder.decode(Record.self, from: data[range]) } }
        }.enumerated().flatMap { part, outcome -> [Result<Record, any Error>] in
            switch outcome {
            case .success(let decoded): decoded
            case .failure(let error): slices[part].map { _ in .failure(error) }
            }
        }
    }

    /// Every line as it is, for `baocao verify`: the records that decode
    /// (with their line numbers), the lines that do not, and a torn tail.
    /// Nothing is checked for sequence and nothing throws for content.
    public func scan() throws(StoreError) -> Scan {
        let data: Data
        do {
            data = try OpenFile.reading(url.path).readAll()
        } catch {
            if error.isMissing { return Scan(exists: false, records: [], damaged: [], torn: nil) }
            throw .system(error)
        }
        var scan = Scan(exists: true, records: [], damaged: [], torn: nil)
        let decoder = JSONDecoder()
        var lineStart = data.startIndex
        var lineNumber = 0
        while let newline = data[lineStart...].firstIndex(of: 0x0A) {
            lineNumber += 1
            let line = data[lineStart..<newline]
            lineStart = data.index(after: newline)
            if line.isEmpty { continue }
            do {
                scan.records.append((lineNumber, try decoder.decode(Record.self, from: line)))
            } catch {
                scan.damaged.append((lineNumber, Self.reason(error)))
            }
        }
        if lineStart < data.endIndex {
            scan.torn = TornLine(offset: Int64(lineStart - data.startIndex), line: lineNumber + 1, bytes: Data(data[lineStart...]))
        }
        return scan
    }

    /// What `scan` found.
    public struct Scan {
        public var exists: Bool
        public var records: [(line: Int, record: Record)]
        public var damaged: [(line: Int, reason: String)]
        public var torn: TornLine?
    }

    /// Cuts a torn last line: the file ends after its last complete record.
    public func cut(_ torn: TornLine) throws(StoreError) {
        do {
            let file = try OpenFile.appending(url.path)
            try file.truncate(to: torn.offset)
            try file.sync()
        } catch {
            throw .system(error)
        }
    }

    /// Appends records, then one fsync for all of them: durable on return.
    /// Returns how many bytes were appended.
    @discardableResult
    public func append(_ records: [Record]) throws(StoreError) -> Int64 {
        guard !records.isEmpty else { return 0 }
        var bytes = Data()
        for record in records {
            do {
                bytes.append(try record.jsonLine())
            } catch {
                throw StoreError(.encoding("record \(record.sequence)"), file: url.path)
            }
        }
        if appender == nil {
            let folder = url.deletingLastPathComponent()
            try DurableFile.makeFolder(folder)
            let existed: Bool
            do {
                existed = try FileSystemPaths.status(url.path) != nil
                appender = try OpenFile.appending(url.path)
            } catch {
                throw .system(error)
            }
            if !existed { try DurableFile.syncFolder(folder) }
        }
        do {
            try appender?.write(bytes)
            try appender?.sync()
        } catch {
            throw .system(error)
        }
        return Int64(bytes.count)
    }

    /// A decoding error in a few words, not a Swift dump.
    static func reason(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted: return "không phải JSON hợp lệ / not valid JSON"
        case DecodingError.keyNotFound(let key, _): return "thiếu trường \"\(key.stringValue)\" / missing \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "sai kiểu dữ liệu ở \"\(path)\" / wrong type at \"\(path)\""
        default: return "không đọc được / unreadable"
        }
    }
}

/// Half a ledger line left at the end of the file by a run that stopped
/// while writing it.
public struct TornLine: Sendable, Equatable {
    /// Where it starts: the length the file has without it.
    public var offset: Int64
    /// Its line number.
    public var line: Int
    public var bytes: Data

    /// The input it was about, as far as the fragment says: the name and
    /// SHA-256 in the receipt, or the kept path.
    public var file: String? { field("file") }
    public var sha256: String? {
        if let sha = field("sha256"), SHA256Hex.isValid(sha) { return sha }
        guard let kept = field("kept") else { return nil }
        return kept.split(separator: "/").map(String.init).first(where: SHA256Hex.isValid)
    }

    /// The text of `"key":"…"` if the fragment holds it whole.
    private func field(_ key: String) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let start = text.range(of: "\"\(key)\":\"") else { return nil }
        var value = ""
        var escaped = false
        for character in text[start.upperBound...] {
            if escaped {
                value.append(character == "n" ? "\n" : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                return value
            } else {
                value.append(character)
            }
        }
        return nil
    }
}
