import CFileSync

/// How the process asks the C allocator for memory.
public enum MemoryPolicy {
    /// Blocks of 128 KiB and more (an input read whole, a deflate buffer)
    /// are mapped for themselves and given back when freed. glibc otherwise
    /// raises that threshold to the largest block freed so far and keeps
    /// such blocks in each thread's heap: over 10,000 bundles read on two
    /// cores, ingest's peak grew from 57 to 65 MiB for the same work.
    public static func returnLargeBlocksWhenFreed() {
        _ = baocao_map_blocks_from(128 << 10)
    }

    /// For a server: blocks under `bytes` come from the heaps and stay
    /// there for the next request (each heap keeps up to 4 × `bytes` free).
    /// An upload's buffers otherwise take fresh pages from the kernel every
    /// time, zeroed and faulted in one by one, and given back after: in the
    /// load test (N = 1,000, five runs alternated) 204,000 page faults fell
    /// to 11,000 and uploads/s rose from 155 to 188 on average, for a peak
    /// of about 80 MiB instead of 68.
    public static func keepBlocksForReuse(below bytes: Int) {
        _ = baocao_keep_blocks_below(Int32(clamping: bytes))
    }
}
