import ArgumentParser
import Intake

/// The bundle limits of report-format.md §6, for `ingest` and `check`.
struct LimitOptions: ParsableArguments {
    @Option(name: .customLong("max-entries"), help: "Số tệp tối đa trong một gói (most entries in a bundle).")
    var maxEntries = BundleLimits.standard.maxEntries

    @Option(name: .customLong("max-size-mib"), help: "Tổng dung lượng giải nén tối đa, MiB (most uncompressed MiB in all).")
    var maxSizeMiB = Int(BundleLimits.standard.maxTotalUncompressed / (1024 * 1024))

    @Option(name: .customLong("max-ratio"), help: "Tỉ lệ nén tối đa của một tệp, N:1 (most compression ratio of an entry).")
    var maxRatio = BundleLimits.standard.maxRatio

    func validate() throws {
        guard maxEntries > 0, maxSizeMiB > 0, maxRatio > 0 else { throw ValidationError("Các giới hạn của gói phải lớn hơn 0 (bundle limits must be positive).") }
    }

    var limits: BundleLimits {
        BundleLimits(maxEntries: maxEntries, maxTotalUncompressed: Int64(maxSizeMiB) * 1024 * 1024, maxRatio: maxRatio)
    }
}
