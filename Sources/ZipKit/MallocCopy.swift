import Foundation

/// A `malloc`ed copy of `data`, for libzip buffer sources created with `freep = 1`
/// (the writer's entries).
///
/// libzip reads buffer sources lazily (as late as `zip_close`) and frees them
/// itself, so it must never see memory borrowed through `withUnsafeBytes`.
/// Returns nil only when `malloc` fails. Never returns a zero-sized block.
func mallocCopy(of data: Data) -> UnsafeMutableRawPointer? {
    guard let block = malloc(max(data.count, 1)) else { return nil }
    data.withUnsafeBytes { bytes in
        if let base = bytes.baseAddress, bytes.count > 0 {
            block.copyMemory(from: base, byteCount: bytes.count)
        }
    }
    return block
}
