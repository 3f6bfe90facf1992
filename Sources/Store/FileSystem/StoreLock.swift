#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// An exclusive lock on the store, held for a whole run: two runs at once
/// never process the same file twice. The second run waits for the first.
public final class StoreLock {
    private let fd: Int32

    /// Takes the lock, waiting while another run holds it.
    public init(at url: URL, onWait: () -> Void = {}) throws(StoreError) {
        try DurableFile.makeFolder(url.deletingLastPathComponent())
        fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StoreError.io("open", url.path, errno) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            onWait()
            guard flock(fd, LOCK_EX) == 0 else {
                let code = errno
                close(fd)
                throw StoreError.io("flock", url.path, code)
            }
        }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
