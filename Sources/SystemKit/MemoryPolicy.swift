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
}
