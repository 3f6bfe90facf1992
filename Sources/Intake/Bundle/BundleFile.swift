/// One file of an opened bundle, as measured while inflating it: what a
/// manifest is checked against and what attachments are looked up by.
public struct BundleFile: Hashable, Sendable {
    /// Path inside the bundle, NFC-normalised.
    public var path: String
    /// Inflated size in bytes, counted (not taken from the header).
    public var size: Int64
    /// SHA-256 of the inflated bytes, lowercase hex.
    public var sha256: String

    public init(path: String, size: Int64, sha256: String) {
        self.path = path
        self.size = size
        self.sha256 = sha256
    }
}
