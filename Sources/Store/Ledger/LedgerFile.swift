#if canImport(Glibc)
import Glibc
#endif
import Foundation
import ReportModel

/// The ledger on disk: JSON lines, appended and fsync'd, never rewritten.
///
/// A line is durable once `append` returns. A run killed mid-write leaves at
/// most one torn last line, which the next run (holding the lock) cuts off:
/// that input was not yet taken out of the inbox, so it is simply redone.
public final class LedgerFile {
    public let url: URL
    private var fd: Int32 = -1

    public init(url: URL) {
        self.url = url
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Every complete record, in order, as `transform` keeps it (nil: not
    /// kept); repairs a torn tail when `repair` is set. Read in chunks:
    /// memory holds the records, not the file.
    public func load(repair: Bool, transform: (LedgerRecord) -> LedgerRecord? = { $0 }) throws(StoreError) -> [LedgerRecord] {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { return [] }
        defer { try? handle.close() }
        var records: [LedgerRecord] = []
        var pending = Data()
        var consumed = 0
        var lineNumber = 0
        let decoder = JSONDecoder()
        while true {
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            pending.append(chunk)
            var lineStart = pending.startIndex
            while let newline = pending[lineStart...].firstIndex(of: 0x0A) {
                lineNumber += 1
                let line = pending[lineStart..<newline]
                consumed += newline - lineStart + 1
                lineStart = pending.index(after: newline)
                if line.isEmpty { continue }
                do {
                    if let kept = transform(try decoder.decode(LedgerRecord.self, from: line)) { records.append(kept) }
                } catch {
                    throw StoreError.damagedLedger(line: lineNumber, reason: "\(error)")
                }
            }
            pending = Data(pending[lineStart...])
        }
        if !pending.isEmpty && repair {
            guard truncate(url.path, off_t(consumed)) == 0 else { throw StoreError.io("truncate", url.path, errno) }
        }
        return records
    }

    /// Appends records, then one fsync for all of them: durable on return.
    public func append(_ records: [LedgerRecord]) throws(StoreError) {
        guard !records.isEmpty else { return }
        if fd < 0 {
            try DurableFile.makeFolder(url.deletingLastPathComponent())
            let existed = FileManager.default.fileExists(atPath: url.path)
            fd = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw StoreError.io("open", url.path, errno) }
            if !existed { try DurableFile.syncFolder(url.deletingLastPathComponent()) }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var bytes = Data()
        for record in records {
            do {
                bytes.append(try encoder.encode(record))
            } catch {
                throw StoreError.damagedLedger(line: record.sequence, reason: "cannot encode: \(error)")
            }
            bytes.append(0x0A)
        }
        try DurableFile.writeAll(fd, bytes, path: url.path)
        guard fsync(fd) == 0 else { throw StoreError.io("fsync", url.path, errno) }
    }
}
