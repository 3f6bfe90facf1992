import ReportModel

/// What came of opening a bundle: its contents, or every reason to refuse it.
public enum BundleOpening: Hashable, Sendable {
    case opened(OpenedBundle)
    /// At least one `BUNDLE_*` error; nothing of the bundle is trusted.
    case refused([Diagnostic])
}
