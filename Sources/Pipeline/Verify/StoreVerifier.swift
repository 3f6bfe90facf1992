import Foundation
import Intake
import ReportModel
import Store
import SystemKit

/// `baocao verify`: re-reads the whole store. Every ledger record against
/// its kept file's SHA-256, every kept file and every receipt against the
/// ledger. `repair` rebuilds the records a damaged ledger lost from the kept
/// files and the receipts beside them (or in the outbox), keeping the
/// damaged ledger beside the new one.
public struct StoreVerifier {
    public let layout: StoreLayout
    /// `OUTBOX/receipts`: every receipt the store ever wrote there.
    public let receipts: URL
    private let reader: StoredReport

    public init(store: URL, outbox: URL, resources: IntakeResources) {
        layout = StoreLayout(root: store)
        receipts = ReceiptWriter(outbox: outbox).folder
        reader = StoredReport(resources: resources)
    }

    /// Checks everything; changes nothing.
    public func verify() throws(StoreError) -> VerifyReport {
        let lock = try StoreLock(at: layout.lock, shared: true)
        defer { withExtendedLifetime(lock) {} }
        return try examine().report
    }

    /// Rebuilds a ledger that lost records, then checks again. Kept files
    /// that were altered cannot be repaired here: they stay findings.
    public func repair() throws(StoreError) -> VerifyReport {
        let lock = try StoreLock(at: layout.lock)
        defer { withExtendedLifetime(lock) {} }
        let state = try examine()
        guard state.report.needsLedgerRepair else { return state.report }
        var records = state.decoded
        var unrebuilt: [Finding] = []
        for file in state.unrecorded {
            switch rebuild(file) {
            case .success(let record): records.append(record)
            case .failure(let finding): unrebuilt.append(finding)
            }
        }
        let known = Set(records.map(\.intakeKey))
        for receipt in state.orphanReceipts where receipt.outcome == .duplicate {
            guard let epoch = ReportingCalendar.epoch(iso: receipt.received) else { continue }
            let record = LedgerRecord(sequence: 0, receipt: receipt, receivedEpoch: epoch, completedTasks: [], kept: nil)
            if !known.contains(record.intakeKey) { records.append(record) }
        }
        // Ledger order: as received, the old order kept among equals.
        let ordered = records.enumerated().sorted {
            ($0.element.receivedEpoch, $0.offset) < ($1.element.receivedEpoch, $1.offset)
        }.map(\.element)
        var text = Data()
        for (n, var record) in ordered.enumerated() {
            record.sequence = n + 1
            text.append(record.jsonLine())
        }
        if state.ledgerExists, let old = try? OpenFile.reading(layout.ledger.path).readAll() {
            let kept = layout.root.appendingPathComponent("ledger.jsonl.damaged-\(Int(Date().timeIntervalSince1970))")
            try DurableFile.write(old, to: kept)
        }
        try DurableFile.write(text, to: layout.ledger)
        var report = try examine().report
        report.rebuilt = ordered.count - state.decoded.count
        report.findings += unrebuilt
        return report
    }

    /// Everything `verify` and `repair` need, read once.
    private struct State {
        var report: VerifyReport
        var ledgerExists: Bool
        /// Records that decode, in ledger order (duplicates of one intake once).
        var decoded: [LedgerRecord]
        var unrecorded: [KeptFile]
        /// Outbox receipts that no record accounts for.
        var orphanReceipts: [Receipt]
    }

    private func examine() throws(StoreError) -> State {
        let ledger = LedgerFile(url: layout.ledger)
        let scan = try ledger.scan()
        var report = VerifyReport(records: scan.records.count, keptFiles: 0, findings: [])
        let ledgerPath = layout.ledger.path
        for (line, reason) in scan.damaged {
            report.findings.append(Finding(.damagedLine, path: ledgerPath,
                vietnamese: "Dòng \(line) của sổ ghi nhận không đọc được (\(reason)).",
                english: "Ledger line \(line) does not read (\(reason))."))
        }
        if let torn = scan.torn {
            report.findings.append(Finding(.tornLine, path: ledgerPath,
                vietnamese: "Sổ ghi nhận kết thúc bằng một dòng không trọn vẹn (dòng \(torn.line)).",
                english: "The ledger ends in a torn line (line \(torn.line))."))
        }
        for (n, entry) in scan.records.enumerated() where entry.record.sequence != n + 1 {
            report.findings.append(Finding(.sequence, path: ledgerPath,
                vietnamese: "Dòng \(entry.line) của sổ ghi nhận mang số thứ tự \(entry.record.sequence), lẽ ra là \(n + 1): có bản ghi bị mất hoặc lặp.",
                english: "Ledger line \(entry.line) is record \(entry.record.sequence), expected \(n + 1): records lost or repeated."))
            break
        }
        var decoded: [LedgerRecord] = []
        var seen: Set<IntakeKey> = []
        for (_, record) in scan.records where seen.insert(record.intakeKey).inserted { decoded.append(record) }

        // Every record against its kept file.
        for record in decoded {
            guard let kept = record.kept else { continue }
            let path = layout.absolute(kept).path
            do {
                let found = try SHA256Hex.of(try OpenFile.reading(path))
                if found != record.receipt.sha256 {
                    report.findings.append(Finding(.altered, path: path,
                        vietnamese: "Tệp đã lưu \(path) đã bị thay đổi: mã SHA-256 là \(found.prefix(12))…, sổ ghi nhận ghi \(record.receipt.sha256.prefix(12))….",
                        english: "The kept file \(path) was changed: its SHA-256 is \(found.prefix(12))…, the ledger says \(record.receipt.sha256.prefix(12))…."))
                }
            } catch {
                report.findings.append(Finding(.missing, path: path,
                    vietnamese: "Sổ ghi nhận nêu tệp \(path) (\(record.receipt.file)) nhưng không đọc được tệp này: \(error.vietnamese).",
                    english: "The ledger names \(path) (\(record.receipt.file)), which cannot be read: \(error.english)."))
            }
        }

        // Every kept file against the ledger.
        let kept = try KeptFiles.all(in: layout)
        report.keptFiles = kept.count
        let recorded = Set(decoded.compactMap(\.kept))
        let unrecorded = kept.filter { !recorded.contains($0.path) }
        for file in unrecorded {
            report.findings.append(Finding(.unrecorded, path: layout.absolute(file.path).path,
                vietnamese: "Tệp đã lưu \(file.path) không có trong sổ ghi nhận.",
                english: "The kept file \(file.path) is named by no ledger record."))
        }
        for file in kept where file.path.hasPrefix("quarantine/") && file.receipt == nil {
            report.findings.append(Finding(.receiptMissing, path: layout.absolute(file.path).path,
                vietnamese: "Tệp bị từ chối \(file.path) không có biên nhận bên cạnh.",
                english: "The quarantined file \(file.path) has no receipt beside it."))
        }

        // Every receipt in the outbox against the ledger.
        let processed = Set(decoded.map { ReceiptKey(file: $0.receipt.file, sha256: $0.receipt.sha256) })
        var orphans: [Receipt] = []
        for name in (try? FileSystemPaths.names(in: receipts.path)) ?? [] where name.hasSuffix(".json") && !DurableFile.isTemporary(name) {
            let url = receipts.appendingPathComponent(name)
            guard let receipt = KeptFiles.readReceipt(url) else {
                report.findings.append(Finding(.receiptUnreadable, path: url.path,
                    vietnamese: "Biên nhận \(url.path) không đọc được.", english: "The receipt \(url.path) does not read."))
                continue
            }
            if !processed.contains(ReceiptKey(file: receipt.file, sha256: receipt.sha256)) {
                orphans.append(receipt)
                report.findings.append(Finding(.receiptUnrecorded, path: url.path,
                    vietnamese: "Biên nhận \(name) (\(receipt.outcome.label.lowercased())) không có trong sổ ghi nhận.",
                    english: "The receipt \(name) (\(receipt.outcome.rawValue)) is in no ledger record."))
            }
        }
        return State(report: report, ledgerExists: scan.exists, decoded: decoded, unrecorded: unrecorded, orphanReceipts: orphans)
    }

    /// The record of a kept file, from the receipt beside it (or, for an
    /// original kept before receipts were kept beside originals, the
    /// outbox's); an accepted annual report is read again for the tasks it
    /// completes.
    private func rebuild(_ file: KeptFile) -> Result<LedgerRecord, Finding> {
        let path = layout.absolute(file.path).path
        let sha = file.path.split(separator: "/").map(String.init).first(where: SHA256Hex.isValid) ?? ""
        guard let receipt = file.receipt ?? outboxReceipt(sha256: sha, accepted: file.path.hasPrefix("originals/")),
              let epoch = ReportingCalendar.epoch(iso: receipt.received) else {
            return .failure(Finding(.cannotRebuild, path: path,
                vietnamese: "Không khôi phục được bản ghi của \(file.path): không tìm thấy biên nhận của tệp.",
                english: "Cannot rebuild the record of \(file.path): no receipt found."))
        }
        var completed: [String] = []
        if receipt.outcome == .accepted && receipt.kind == .annual {
            do {
                let data = try OpenFile.reading(path).readAll()
                guard SHA256Hex.of(data) == receipt.sha256 else { throw StoreError(.altered(path: path, expected: receipt.sha256, found: ""), file: path) }
                let report = try reader.read(data, path: file.path)
                completed = report.tasks.filter { $0.status == .completed && $0.role == .lead }.map(\.code)
            } catch {
                let explained = error as? ExplainedError
                return .failure(Finding(.cannotRebuild, path: path,
                    vietnamese: "Không khôi phục được bản ghi của \(file.path): \(explained?.vietnamese ?? "không đọc được tệp").",
                    english: "Cannot rebuild the record of \(file.path): \(explained?.english ?? "unreadable")."))
            }
        }
        return .success(LedgerRecord(sequence: 0, receipt: receipt, receivedEpoch: epoch, completedTasks: completed, kept: file.path))
    }

    private func outboxReceipt(sha256: String, accepted: Bool) -> Receipt? {
        let suffix = ".\(sha256.prefix(12)).json"
        let names = ((try? FileSystemPaths.names(in: receipts.path)) ?? []).filter { $0.hasSuffix(suffix) }.sorted()
        for name in names {
            guard let receipt = KeptFiles.readReceipt(receipts.appendingPathComponent(name)), receipt.sha256 == sha256 else { continue }
            if accepted ? receipt.outcome == .accepted : receipt.outcome == .rejected { return receipt }
        }
        return nil
    }

    private struct ReceiptKey: Hashable {
        var file: String
        var sha256: String
    }
}

/// What `baocao verify` found.
public struct VerifyReport: Sendable, Encodable {
    public var records: Int
    public var keptFiles: Int
    public var findings: [Finding]
    /// Records `--repair` rebuilt.
    public var rebuilt = 0

    public var isSound: Bool { findings.isEmpty }

    /// Whether rebuilding the ledger can help.
    var needsLedgerRepair: Bool {
        findings.contains { [.damagedLine, .tornLine, .sequence, .unrecorded, .receiptUnrecorded].contains($0.kind) }
    }

    enum CodingKeys: String, CodingKey { case records, keptFiles, findings, rebuilt, sound }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(isSound, forKey: .sound)
        try c.encode(records, forKey: .records)
        try c.encode(keptFiles, forKey: .keptFiles)
        try c.encode(findings, forKey: .findings)
        try c.encode(rebuilt, forKey: .rebuilt)
    }
}

/// One disagreement inside the store.
public struct Finding: Error, Sendable, Encodable, Equatable {
    public enum Kind: String, Sendable, Encodable {
        case damagedLine = "damaged-line"
        case tornLine = "torn-line"
        case sequence
        case missing
        case altered
        case unrecorded
        case receiptMissing = "receipt-missing"
        case receiptUnreadable = "receipt-unreadable"
        case receiptUnrecorded = "receipt-unrecorded"
        case cannotRebuild = "cannot-rebuild"
    }

    public var kind: Kind
    public var path: String
    public var vietnamese: String
    public var english: String

    init(_ kind: Kind, path: String, vietnamese: String, english: String) {
        self.kind = kind
        self.path = path
        self.vietnamese = vietnamese
        self.english = english
    }

    enum CodingKeys: String, CodingKey {
        case kind, path
        case vietnamese = "message"
        case english = "message_en"
    }
}
