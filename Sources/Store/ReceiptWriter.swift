import Foundation
import ReportModel

/// Writes each receipt to the outbox, as JSON and as Vietnamese text:
/// `receipts/NAME.SHA12.json` and `.txt`, the same bytes on every rerun.
public struct ReceiptWriter: Sendable {
    public let folder: URL
    /// `folder.path`, once: each receipt's two paths are made from it.
    private let folderPath: String

    public init(outbox: URL) {
        folder = outbox.appendingPathComponent("receipts", isDirectory: true)
        folderPath = folder.path
    }

    public func write(_ receipt: Receipt, sync: SyncPolicy = .now) throws(StoreError) {
        try write(EncodedReceipt(receipt), sync: sync)
    }

    /// The same, from a receipt encoded once for the store and the outbox.
    public func write(_ encoded: EncodedReceipt, sync: SyncPolicy = .now) throws(StoreError) {
        let receipt = encoded.receipt
        let stem = "\(folderPath)/\(base(receipt.file, receipt.sha256))"
        try DurableFile.write(encoded.json, toPath: stem + ".json", sync: sync)
        try DurableFile.write(encoded.text, toPath: stem + ".txt", sync: sync)
    }

    /// Clears what a killed run left half-written; call with the store lock held.
    public func sweepLeftovers() {
        DurableFile.sweepLeftovers(in: folder)
    }

    /// The receipt written earlier for this file and content, if it is there.
    public func read(file: String, sha256: String) -> Receipt? {
        KeptFiles.readReceipt(jsonURL(file, sha256))
    }

    private func base(_ file: String, _ sha256: String) -> String { "\(SubmissionStore.safeName(file)).\(sha256.prefix(12))" }
    private func jsonURL(_ file: String, _ sha256: String) -> URL { folder.appendingPathComponent(base(file, sha256) + ".json", isDirectory: false) }
}

/// A receipt with the bytes of its files, encoded once: the store keeps the
/// same JSON beside the input (and the same text in quarantine) as the
/// outbox shows.
public struct EncodedReceipt: Sendable {
    public let receipt: Receipt
    public let json: Data
    public let text: Data

    public init(_ receipt: Receipt) {
        self.receipt = receipt
        json = receipt.json(pretty: true)
        text = Data(receipt.text.utf8)
    }
}
