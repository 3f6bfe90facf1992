import Foundation
import SystemKit

/// A lock on the store (`flock` on `Store/lock`). A run that writes holds it
/// alone; runs that only read share it, so they never see a batch half
/// committed. Whoever comes second waits.
public final class StoreLock: @unchecked Sendable {
    // Sendable: once taken, nothing is done with it but holding it until it goes.
    private let file: OpenFile

    /// Takes the lock, waiting (after calling `onWait`) while another run holds it.
    public init(at url: URL, shared: Bool = false, onWait: () -> Void = {}) throws(StoreError) {
        if !shared { try DurableFile.makeFolder(url.deletingLastPathComponent()) }
        do {
            let exists = (try? FileSystemPaths.status(url.path)) != nil
            file = shared && exists ? try OpenFile.reading(url.path) : try OpenFile.appending(url.path)
            if try !file.lock(shared: shared, wait: false) {
                onWait()
                _ = try file.lock(shared: shared, wait: true)
            }
        } catch {
            throw .system(error)
        }
    }
}
