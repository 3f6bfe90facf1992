import Foundation

/// A date without a time, as the plan and the documents use them.
public struct CalendarDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`, checking that the day exists.
    public init?(iso text: String) {
        guard let fields = ISODigits.fields(text, widths: 4, 2, 2), (1...12).contains(fields[1]), fields[2] >= 1,
              fields[2] <= CalendarDate.daysIn(month: fields[1], year: fields[0]) else { return nil }
        self.init(year: fields[0], month: fields[1], day: fields[2])
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var description: String { "\(Digits.padded(year, 4))-\(Digits.padded(month, 2))-\(Digits.padded(day, 2))" }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// Days from `self` to `other` (positive when `other` is later).
    public func days(to other: CalendarDate) -> Int {
        other.dayNumber - dayNumber
    }

    /// Days since 1970-01-01 (proleptic Gregorian).
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }
}

/// A month of a year (`2026-04`), for one-off deadlines and monthly results.
public struct YearMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM`.
    public init?(iso text: String) {
        guard let fields = ISODigits.fields(text, widths: 4, 2), (1...12).contains(fields[1]) else { return nil }
        self.init(year: fields[0], month: fields[1])
    }

    public var lastDay: CalendarDate { CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year)) }
    public var description: String { "\(Digits.padded(year, 4))-\(Digits.padded(month, 2))" }
    public static func < (a: YearMonth, b: YearMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }
}

/// A day of every year (`11-15`).
public struct MonthDay: Hashable, Sendable, CustomStringConvertible {
    public var month: Int
    public var day: Int

    public init(month: Int, day: Int) {
        self.month = month
        self.day = day
    }

    /// Parses `MM-DD`.
    public init?(iso text: String) {
        guard let fields = ISODigits.fields(text, widths: 2, 2), (1...12).contains(fields[0]), (1...31).contains(fields[1])
        else { return nil }
        self.init(month: fields[0], day: fields[1])
    }

    public var description: String { "\(Digits.padded(month, 2))-\(Digits.padded(day, 2))" }
}

/// The plan's due dates and the one time zone they are read in.
public struct ReportingCalendar: Sendable, Equatable {
    /// Seconds east of UTC; Asia/Ho_Chi_Minh is +07:00 all year (no DST).
    public var utcOffsetSeconds: Int
    public var timeZoneName: String
    /// Units' yearly reports: 15 Nov, 23:59:59.
    public var unitReportDue: MonthDay
    /// Ministry summary to the Ministry's leaders: 1 Dec.
    public var ministrySummaryDue: MonthDay
    /// Report to the Prime Minister: 15 Dec.
    public var primeMinisterReportDue: MonthDay
    /// Units' detailed implementation plans (`detailed-plan-due`): by default 31 Jan.
    public var detailedPlanDue: MonthDay

    public init(utcOffsetSeconds: Int, timeZoneName: String, unitReportDue: MonthDay,
                ministrySummaryDue: MonthDay, primeMinisterReportDue: MonthDay,
                detailedPlanDue: MonthDay = MonthDay(month: 1, day: 31)) {
        self.utcOffsetSeconds = utcOffsetSeconds
        self.timeZoneName = timeZoneName
        self.unitReportDue = unitReportDue
        self.ministrySummaryDue = ministrySummaryDue
        self.primeMinisterReportDue = primeMinisterReportDue
        self.detailedPlanDue = detailedPlanDue
    }

    /// The last instant a unit's detailed plan for `year` counts as on time.
    public func detailedPlanDeadline(year: Int) -> Date {
        startOfDay(CalendarDate(year: year, month: detailedPlanDue.month, day: detailedPlanDue.day)).addingTimeInterval(86_399)
    }

    public var timeZone: TimeZone { TimeZone(secondsFromGMT: utcOffsetSeconds)! }

    /// The last instant a unit's report for `year` counts as on time:
    /// the due day at 23:59:59 local time. Received times are whole seconds.
    public func unitReportDeadline(year: Int) -> Date {
        let day = CalendarDate(year: year, month: unitReportDue.month, day: unitReportDue.day)
        return startOfDay(day).addingTimeInterval(86_399)
    }

    /// Midnight at the start of `day`, local time.
    public func startOfDay(_ day: CalendarDate) -> Date {
        Date(timeIntervalSince1970: TimeInterval(day.dayNumber * 86_400 - utcOffsetSeconds))
    }

    /// The local calendar day of an instant.
    public func calendarDate(of instant: Date) -> CalendarDate {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + utcOffsetSeconds
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        return CalendarDate.fromDayNumber(days)
    }

    /// `2026-11-14T16:02:11+07:00`: whole seconds, the plan's offset.
    public func iso8601(_ instant: Date) -> String {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + utcOffsetSeconds
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let secondOfDay = seconds - days * 86_400
        let date = CalendarDate.fromDayNumber(days)
        let sign = utcOffsetSeconds >= 0 ? "+" : "-"
        let offset = abs(utcOffsetSeconds)
        return "\(date)T\(Digits.padded(secondOfDay / 3600, 2)):\(Digits.padded(secondOfDay / 60 % 60, 2)):"
            + "\(Digits.padded(secondOfDay % 60, 2))\(sign)\(Digits.padded(offset / 3600, 2)):\(Digits.padded(offset / 60 % 60, 2))"
    }
}

extension ReportingCalendar {
    /// Seconds since 1970 of `2026-11-14T16:02:11+07:00` (any offset, or `Z`);
    /// nil for anything else.
    public static func epoch(iso text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count == 25 || bytes.count == 20, bytes[10] == UInt8(ascii: "T"),
              let date = CalendarDate(iso: String(decoding: bytes[0..<10], as: UTF8.self)) else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            Int(String(decoding: bytes[range], as: UTF8.self)).flatMap { $0 >= 0 ? $0 : nil }
        }
        guard bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              hour < 24, minute < 60, second < 60 else { return nil }
        var offset = 0
        if bytes.count == 25 {
            guard bytes[19] == UInt8(ascii: "+") || bytes[19] == UInt8(ascii: "-"), bytes[22] == UInt8(ascii: ":"),
                  let h = number(20..<22), let m = number(23..<25) else { return nil }
            offset = (h * 3600 + m * 60) * (bytes[19] == UInt8(ascii: "-") ? -1 : 1)
        } else {
            guard bytes[19] == UInt8(ascii: "Z") else { return nil }
        }
        return date.dayNumber * 86_400 + hour * 3600 + minute * 60 + second - offset
    }
}

extension CalendarDate {
    /// The inverse of `dayNumber`.
    public static func fromDayNumber(_ z0: Int) -> CalendarDate {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return CalendarDate(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }
}

/// Reads `2026-04-15`-like text: fields of ASCII digits of exactly these
/// widths, joined by `-`. Read from the UTF-8 bytes, no splitting: every
/// month of every result in every report goes through here.
enum ISODigits {
    static func fields(_ text: String, widths: Int...) -> [Int]? {
        let bytes = text.utf8
        guard bytes.count == widths.reduce(widths.count - 1, +) else { return nil }
        var fields: [Int] = []
        fields.reserveCapacity(widths.count)
        var i = bytes.startIndex
        for (n, width) in widths.enumerated() {
            if n > 0 {
                guard bytes[i] == UInt8(ascii: "-") else { return nil }
                i = bytes.index(after: i)
            }
            var value = 0
            for _ in 0..<width {
                let digit = bytes[i] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
                i = bytes.index(after: i)
            }
            fields.append(value)
        }
        return fields
    }
}

/// Whole numbers written as `String(format: "%0Nd")` writes them, without
/// Foundation's formatter (every receipt's time and every date went through it).
enum Digits {
    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let sign = value < 0 ? "-" : ""
        let zeros = max(0, width - digits.utf8.count - sign.utf8.count)
        return sign + String(repeating: "0", count: zeros) + digits
    }
}
