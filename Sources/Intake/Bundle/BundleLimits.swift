/// How much a bundle may hold before it is refused with `BUNDLE_LIMIT`
/// (report-format.md §6). The limits guard memory and disk against zip
/// bombs; a real report bundle comes nowhere near them.
public struct BundleLimits: Hashable, Sendable {
    /// Most entries (files and folders) in one bundle.
    public var maxEntries: Int
    /// Most bytes all entries may inflate to, together.
    public var maxTotalUncompressed: Int64
    /// Most an entry may inflate per compressed byte (`100` means 100:1).
    public var maxRatio: Int

    public init(maxEntries: Int = 1_000, maxTotalUncompressed: Int64 = 200 * 1024 * 1024, maxRatio: Int = 100) {
        self.maxEntries = maxEntries
        self.maxTotalUncompressed = maxTotalUncompressed
        self.maxRatio = maxRatio
    }

    /// The defaults of the format: 1,000 entries, 200 MiB, 100:1.
    public static let standard = BundleLimits()
}
