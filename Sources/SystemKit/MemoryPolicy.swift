import CFileSync

/// How the process asks the C allocator for memory.
public enum MemoryPolicy {
    /// Blocks under 4 MiB (an input read whole, a deflate buffer) come from
    /// the heaps, and each heap keeps up to 1 MiB free for the next file;
    /// larger blocks are mapped for themselves and given back when freed.
    ///
    /// glibc's default raises its mapping threshold to the largest block
    /// freed so far (ingest's peak at N = 10,000 grew from 57 to 65 MiB);
    /// mapping every block from 128 KiB, as before, took fresh zeroed pages
    /// for every bundle. At N = 10,000 with this policy: ingest 32.0 → 26.1 s
    /// (system time 15.3 → 7.7 s), peak 53 → 55 MiB; consolidate 33.3 →
    /// 25.9 s, 116 → 123 MiB (keeping 4 MiB free per heap took it to 128).
    public static func forBatch() {
        keepBlocks(below: 4 << 20, keepingFree: 1 << 20)
    }

    /// For `ingest`: as `forBatch`, each heap keeping up to 4 MiB free (the
    /// largest block it hands out). A bundle is read whole (680 KB on
    /// average, up to a few MiB); freed at the top of a heap, with 1 MiB kept
    /// the heap was cut back and the next bundle's pages were faulted in
    /// afresh. Bundles at N = 1,000, three alternated runs: system time
    /// 0.81–0.88 → 0.57–0.66 s, wall 2.33–2.73 → 2.35–2.40 s, peak 48 → 49
    /// MiB; bare reports unchanged. (`consolidate` keeps 1 MiB: 4 took its
    /// peak to 128 MiB.)
    public static func forIngest() {
        keepBlocks(below: 4 << 20, keepingFree: 4 << 20)
    }

    /// For the server: as `forBatch`, each heap keeping up to 16 MiB free,
    /// for the uploads of 16 clients at once. In the load test (N = 1,000,
    /// five runs alternated, against blocks mapped from 128 KiB) page faults
    /// fell from 204,000 to 11,000 and uploads/s rose from 155 to 188 on
    /// average; the server's peak is about 80 MiB instead of 68.
    public static func forServer() {
        keepBlocks(below: 4 << 20, keepingFree: 16 << 20)
    }

    private static func keepBlocks(below bytes: Int32, keepingFree keptFree: Int32) {
        _ = baocao_keep_blocks_below(bytes, keptFree)
    }
}
