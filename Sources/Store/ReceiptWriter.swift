import Foundation
import ReportModel

/// Writes each receipt to the outbox, as JSON and as Vietnamese text:
/// `receipts/NAME.SHA12.json` and `.txt`, the same bytes on every rerun.
public struct ReceiptWriter: Sendable {
    public let folder: URL

    public init(outbox: URL) {
        folder = outbox.appendingPathComponent("receipts")
    }

    public func write(_ receipt: Receipt, sync: SyncPolicy = .now) throws(StoreError) {
        let base = "\(SubmissionStore.safeName(receipt.file)).\(receipt.sha256.prefix(12))"
        try DurableFile.write(try SubmissionStore.json(receipt), to: folder.appendingPathComponent(base + ".json"), sync: sync)
        try DurableFile.write(Data(receipt.text.utf8), to: folder.appendingPathComponent(base + ".txt"), sync: sync)
    }
}
