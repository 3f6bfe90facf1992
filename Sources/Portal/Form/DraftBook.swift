import Foundation
import Intake
import ReportModel
import Store
import SystemKit

/// The units' drafts, kept in the store (`drafts/UNIT/YEAR-KIND.json`, the
/// files attached to them in `drafts/UNIT/files/SHA`): they survive signing
/// out and a restart, and two clerks of one unit share one draft. A save
/// made from a page loaded before the last save is not written: the second
/// clerk is warned instead.
actor DraftBook {
    private let folder: URL

    init(layout: StoreLayout) {
        folder = layout.root.appendingPathComponent("drafts")
    }

    enum Saved: Sendable {
        case saved(ReportDraft)
        /// Someone saved since `loaded` was read: theirs is `current`.
        case stale(current: ReportDraft)
    }

    private func url(unit: String, year: Int, kind: ReportKind) -> URL {
        folder.appendingPathComponent(unit).appendingPathComponent("\(year)-\(kind.rawValue).json")
    }

    func load(unit: String, year: Int, kind: ReportKind) -> ReportDraft? {
        guard let data = try? Data(contentsOf: url(unit: unit, year: year, kind: kind)) else { return nil }
        return try? JSONDecoder().decode(ReportDraft.self, from: data)
    }

    /// Writes `draft` if the stored one is still at `draft.version` (or
    /// `force`), as the next version.
    func save(_ draft: ReportDraft, by account: String, at instant: String, force: Bool = false) throws -> Saved {
        let current = load(unit: draft.unit, year: draft.year, kind: draft.kind)
        if let current, current.version != draft.version, !force { return .stale(current: current) }
        var next = draft
        next.version = max(current?.version ?? 0, draft.version) + 1
        next.updatedBy = account
        next.updatedAt = instant
        try DurableFile.write(try JSONOutput.encode(next), to: url(unit: draft.unit, year: draft.year, kind: draft.kind))
        return .saved(next)
    }

    /// Keeps an uploaded evidence file with the unit's drafts; the upload's temporary file goes.
    func keep(_ upload: ReceivedUpload, unit: String) throws -> AttachedFile {
        defer { FileSystemPaths.removeQuietly(upload.path) }
        let data = try OpenFile.reading(upload.path).readAll()
        let sha = SHA256Hex.of(data)
        let target = folder.appendingPathComponent(unit).appendingPathComponent("files").appendingPathComponent(sha)
        if (try? FileSystemPaths.status(target.path)) ?? nil == nil {
            try DurableFile.write(data, to: target)
        }
        return AttachedFile(name: upload.name, sha256: sha, size: Int64(data.count))
    }

    /// The bytes of a file attached to one of the unit's drafts.
    func file(unit: String, sha256: String) -> Data? {
        guard SHA256Hex.isValid(sha256) else { return nil }
        return try? Data(contentsOf: folder.appendingPathComponent(unit).appendingPathComponent("files").appendingPathComponent(sha256))
    }
}
