import Foundation

/// Numbers written the Vietnamese way: dots between thousands, a comma for
/// decimals (`1.240`, `1.500.000.000`, `62,5`). Independent of the machine's
/// locale, so output never changes with the environment.
public enum VietnameseNumber {
    /// `1240` → `1.240`; `-1500000000` → `-1.500.000.000`.
    public static func format(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        return (value < 0 ? "-" : "") + grouped(digits)
    }

    public static func format(_ value: Int) -> String { format(Int64(value)) }

    /// `62.5` → `62,5`; `1240.75` → `1.240,75`. With `maximumFractionDigits`,
    /// rounds half away from zero to that many digits; trailing zeros are
    /// never shown (`62.50` → `62,5`, `62.0` → `62`).
    public static func format(_ value: Decimal, maximumFractionDigits: Int? = nil) -> String {
        var number = value
        if let digits = maximumFractionDigits {
            var rounded = Decimal()
            NSDecimalRound(&rounded, &number, digits, .plain)
            number = rounded
        }
        let plain = number.description  // "-1240.75": always "." and no grouping
        let negative = plain.hasPrefix("-")
        let unsigned = negative ? String(plain.dropFirst()) : plain
        let parts = unsigned.split(separator: ".", maxSplits: 1)
        let whole = grouped(String(parts.first ?? "0"))
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let isZero = whole == "0" && fraction.isEmpty
        return (negative && !isZero ? "-" : "") + whole + (fraction.isEmpty ? "" : "," + fraction)
    }

    /// `62.5` → `62,5 %` (one decimal by default).
    public static func percent(_ value: Decimal, maximumFractionDigits: Int = 1) -> String {
        format(value, maximumFractionDigits: maximumFractionDigits) + " %"
    }

    private static func grouped(_ digits: String) -> String {
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result.append(".") }
            result.append(digit)
        }
        return result
    }
}
