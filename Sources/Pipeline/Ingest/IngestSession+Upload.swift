import Foundation
import Intake
import ReportModel
import Store
import SystemKit

extension IngestSession {
    /// One upload the portal has written whole to `path` (a file in the
    /// store's `uploads/`), received at `received`: checked, decided and
    /// kept exactly as an inbox file is, through the same writer and lock.
    /// The temporary file is removed afterwards, whatever became of it.
    /// `held` is the same bytes, when the portal kept them in memory as it
    /// wrote them: they are checked as they are, not read back (the file,
    /// the server's own, is what is kept and synced).
    public func takeUpload(at path: String, held: Data? = nil, name: String, received: Date, account: String, sender: Sender,
                           builtByPortal: Bool = false) async throws -> Taken {
        defer { FileSystemPaths.removeQuietly(path) }
        let arrival: Arrival
        do throws(SystemError) {
            let file = try OpenFile.reading(path)
            let status = try file.status()
            let incoming = try IncomingFile.read(file, name: name, size: status.size, received: received, checker: checker, held: held)
            try file.close()
            var upload = Arrival(state: .inspected(inspect(incoming), holdsBytes: true),
                                 source: .upload(path: path, status: status), channel: .portal, account: account, sender: sender)
            upload.builtByPortal = builtByPortal
            arrival = upload
        } catch {
            return .left(.unreadable(error))
        }
        return try await takeOne(arrival)
    }

    /// Removes what uploads cut off half way (or a killed server) left in
    /// `uploads/`: an upload that did not complete keeps nothing.
    public static func sweepUploads(in layout: StoreLayout) throws(StoreError) {
        try DurableFile.makeFolder(layout.uploads)
        for name in (try? FileSystemPaths.names(in: layout.uploads.path)) ?? [] {
            FileSystemPaths.removeQuietly(layout.uploads.appendingPathComponent(name).path)
        }
    }
}
