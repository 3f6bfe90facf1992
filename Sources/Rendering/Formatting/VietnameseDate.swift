import ReportModel

/// Dates as Vietnamese official documents write them (Decree 30/2020):
/// a day under 10 and the months 1 and 2 take a leading zero, other months
/// do not — `ngày 05 tháng 02 năm 2026`, `ngày 15 tháng 3 năm 2026`.
public enum VietnameseDate {
    /// `ngày 01 tháng 12 năm 2026`.
    public static func long(_ date: CalendarDate) -> String {
        "ngày \(twoDigits(date.day)) tháng \(month(date.month)) năm \(date.year)"
    }

    /// `Hà Nội, ngày 01 tháng 12 năm 2026`: the header's place and date.
    public static func placeAndDate(_ place: String, _ date: CalendarDate) -> String {
        "\(place), \(long(date))"
    }

    /// `05/02/2026`: the short numeric form for tables.
    public static func short(_ date: CalendarDate) -> String {
        "\(twoDigits(date.day))/\(twoDigits(date.month))/\(date.year)"
    }

    /// The month as the long form writes it: `01`, `02`, then `3` … `12`.
    static func month(_ month: Int) -> String {
        month <= 2 ? twoDigits(month) : String(month)
    }

    static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
