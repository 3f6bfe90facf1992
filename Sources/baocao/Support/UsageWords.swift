/// What the argument parser says of bad usage, in Vietnamese: the line
/// printed before its own English message and the usage. baocao's own
/// checks (`ValidationError`) already say it in both.
enum UsageWords {
    /// `english` is the parser's message (its `Error: …` line without the prefix).
    static func vietnamese(_ english: String) -> String? {
        let quoted = english.split(separator: "'", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { "«\($0.element)»" }
        func at(_ n: Int) -> String { n < quoted.count ? quoted[n] : "" }
        if english.hasPrefix("Missing expected argument '") { return "thiếu \(at(0)), bắt buộc với lệnh này" }
        if english.hasPrefix("Missing value for '") { return "thiếu giá trị cho \(at(0))" }
        if english.hasPrefix("Unexpected argument '") { return "lệnh này không nhận \(at(0))" }
        if english.hasPrefix("The option '") { return "tùy chọn \(at(0)) không nhận giá trị" }
        if english.hasPrefix("The value '") { return "giá trị \(at(0)) không hợp lệ cho \(at(1))" }
        if english.hasPrefix("Unknown option '") {
            return "không có tùy chọn \(at(0))" + (quoted.count > 1 ? "; có phải là \(at(1))?" : "")
        }
        return nil
    }

    /// The lead line for a usage error whose full message is `message`.
    static func lead(forMessage message: String) -> String {
        let first = message.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
        let english = first.hasPrefix("Error: ") ? String(first.dropFirst("Error: ".count)) : first
        guard let words = vietnamese(english) else { return "baocao: lệnh chưa đúng cách dùng (bad usage)" }
        return "baocao: lệnh chưa đúng cách dùng: \(words) (bad usage)"
    }
}
