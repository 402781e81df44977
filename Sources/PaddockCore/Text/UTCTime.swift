import Foundation

/// A moment as UTC calendar fields, by arithmetic (Howard Hinnant's civil-date
/// algorithms). Foundation's Calendar and DateFormatter load ICU on Linux, which
/// costs every session about 12 MB resident (BENCHMARKS.md); nothing in Paddock
/// needs a locale or a time zone other than UTC, so none of it goes through them.
public struct UTCTime: Equatable, Sendable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour = 0
    public var minute = 0
    public var second = 0
    public var millisecond = 0

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, millisecond: Int = 0) {
        (self.year, self.month, self.day) = (year, month, day)
        (self.hour, self.minute, self.second, self.millisecond) = (hour, minute, second, millisecond)
    }

    /// Any moment, however far out: one beyond what Int64 milliseconds hold is
    /// pinned to that end (see ``milliseconds(_:rounding:)``), so nothing traps.
    public init(_ date: Date) {
        self.init(millisecondsSince1970: Self.milliseconds(date))
    }

    /// Milliseconds since 1970 of `date`. A moment beyond Int64's range is pinned
    /// to its end and NaN is 0: input turned into a Date (a cursor, a duration
    /// added to now) can never make the conversion trap.
    public static func milliseconds(_ date: Date, rounding rule: FloatingPointRoundingRule = .down) -> Int64 {
        let ms = (date.timeIntervalSince1970 * 1000).rounded(rule)
        if ms.isNaN { return 0 }
        return Int64(exactly: ms) ?? (ms > 0 ? .max : .min)
    }

    /// The moments the store can keep and read back: its text has four-digit
    /// years, so 0000-01-01 00:00 to 9999-12-31 23:59:59.999 UTC. Every time the
    /// rules accept lies well inside (penalties and invites end within ten years).
    public static let storable: ClosedRange<Date> =
        UTCTime(year: 0, month: 1, day: 1).date...UTCTime(year: 9999, month: 12, day: 31, hour: 23, minute: 59, second: 59, millisecond: 999).date

    /// The same range in milliseconds since 1970, for cursors that carry a time as a number.
    public static let storableMilliseconds: ClosedRange<Int64> = milliseconds(storable.lowerBound)...milliseconds(storable.upperBound)

    public init(millisecondsSince1970 ms: Int64) {
        let (days, msOfDay) = ms.quotientAndRemainder(dividingBy: 86_400_000)
        let (d, m) = msOfDay < 0 ? (Int(days) - 1, Int(msOfDay) + 86_400_000) : (Int(days), Int(msOfDay))
        let z = d + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        hour = m / 3_600_000
        minute = m / 60_000 % 60
        second = m / 1000 % 60
        millisecond = m % 1000
    }

    /// Days since 1970-01-01 of the calendar date.
    private var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public var date: Date {
        let seconds = daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second
        return Date(timeIntervalSince1970: TimeInterval(seconds) + TimeInterval(millisecond) / 1000)
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    public var monthName: String { Self.monthNames[month - 1] }

    private static func digits(_ value: Int, _ count: Int) -> String {
        let text = String(value)
        return text.count >= count ? text : String(repeating: "0", count: count - text.count) + text
    }

    /// "2026-05-28"
    public var dayText: String { "\(Self.digits(year, 4))-\(Self.digits(month, 2))-\(Self.digits(day, 2))" }
    /// "2026-05-28 20:26"
    public var minuteText: String { "\(dayText) \(Self.digits(hour, 2)):\(Self.digits(minute, 2))" }
    /// "2026-05-28 20:26:40"
    public var secondText: String { "\(minuteText):\(Self.digits(second, 2))" }
    /// "2026-05-28 20:26:40.000": how the store keeps times (GRDB's own format),
    /// so that text order is time order.
    public var storageText: String { "\(secondText).\(Self.digits(millisecond, 3))" }
    /// "2026-05-28T20:26:40Z": ISO 8601 to the second, for JSON and logs.
    public var iso8601: String {
        "\(dayText)T\(Self.digits(hour, 2)):\(Self.digits(minute, 2)):\(Self.digits(second, 2))Z"
    }

    /// Reads `YYYY-MM-DD`, optionally followed by ` ` or `T` and `HH:MM`,
    /// `:SS`, `.fraction`, and `Z` or `+00:00`: the stored format, what GRDB
    /// writes, and ISO 8601 in UTC. Anything else (another offset included) is nil.
    public init?(parsing text: some StringProtocol) {
        let b = Array(text.utf8)
        var i = 0
        func number(_ count: Int) -> Int? {
            guard i + count <= b.count else { return nil }
            var value = 0
            for byte in b[i..<(i + count)] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            i += count
            return value
        }
        func take(_ byte: UInt8) -> Bool {
            guard i < b.count, b[i] == byte else { return false }
            i += 1
            return true
        }
        guard let y = number(4), take(45), let mo = number(2), take(45), let d = number(2),
              (1...12).contains(mo), (1...31).contains(d) else { return nil }
        self.init(year: y, month: mo, day: d)
        if i < b.count {
            guard take(32) || take(84), let h = number(2), take(58), let mi = number(2), h < 24, mi < 60 else { return nil }
            (hour, minute) = (h, mi)
            if take(58) {
                guard let s = number(2), s < 60 else { return nil }
                second = s
                if take(46) {
                    var scale = 100
                    let start = i
                    while i < b.count, (48...57).contains(b[i]) {
                        millisecond += Int(b[i] - 48) * scale
                        scale /= 10
                        i += 1
                    }
                    guard i > start else { return nil }
                }
            }
            if take(90) {  // Z
            } else if take(43) {  // +00:00
                guard number(2) == 0, take(58), number(2) == 0 else { return nil }
            }
        }
        guard i == b.count, UTCTime(date).day == d else { return nil }  // refuses 2026-02-31
    }
}
