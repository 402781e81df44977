import Foundation

/// Times and durations as members read and type them: a moment in UTC to the
/// minute or the second, a duration in words ("5 minutes"), and the parsing of
/// typed durations (`2h`, `3d`) and instants (`2026-12-01T10:00Z`).
public enum TimeText {
    /// Times as the community states them in messages: UTC, to the minute.
    public static func describe(_ date: Date) -> String {
        UTCTime(date).minuteText + " UTC"
    }

    /// To the second, for limits measured in seconds.
    public static func describePrecisely(_ date: Date) -> String {
        UTCTime(date).secondText + " UTC"
    }

    /// "30 seconds", "5 minutes", "2 hours", "3 days".
    public static func describe(seconds: Int) -> String {
        func unit(_ n: Int, _ name: String) -> String { "\(n) \(name)\(n == 1 ? "" : "s")" }
        if seconds % 86_400 == 0, seconds > 0 { return unit(seconds / 86_400, "day") }
        if seconds % 3600 == 0, seconds > 0 { return unit(seconds / 3600, "hour") }
        if seconds % 60 == 0, seconds > 0 { return unit(seconds / 60, "minute") }
        return unit(seconds, "second")
    }

    /// A measured span in words, to its two largest units, rounded down:
    /// "45 seconds", "12 minutes 5 seconds", "3 hours 20 minutes", "2 days 4 hours",
    /// "63 days". For figures (a median wait), where ``describe(seconds:)``
    /// would say "273600 seconds". A negative span reads as its length.
    public static func describeSpan(seconds: Int) -> String {
        let seconds = seconds.magnitude
        let units: [(size: UInt, name: String)] = [(86_400, "day"), (3600, "hour"), (60, "minute"), (1, "second")]
        guard let largest = units.firstIndex(where: { seconds >= $0.size }) else { return "0 seconds" }
        let (size, name) = units[largest]
        let whole = Plural.count(Int(seconds / size), name)
        guard largest + 1 < units.count else { return whole }
        let (smallSize, smallName) = units[largest + 1]
        let rest = seconds % size / smallSize
        return rest == 0 ? whole : "\(whole) \(Plural.count(Int(rest), smallName))"
    }

    /// The longest duration anything accepts (a penalty, an invite, a slow mode
    /// is shorter still): ten years of 365 days. There is no "forever".
    public static let longestDuration = 3650 * 86_400
    /// How messages name ``longestDuration``.
    public static let longestDurationText = "10 years (3650d)"

    /// Parses a duration as people type it: `90s`, `15m`, `2h`, `3d`, `1w`, or
    /// plain seconds; nil beyond ``longestDuration``, with a unit or without. The
    /// one door for typed durations: what it returns can be added to any stored
    /// time without leaving the years the store reads back.
    public static func parseDuration(_ text: String) -> Int? {
        let t = text.trimmingWhitespace.lowercased()
        guard let last = t.last else { return nil }
        let units: [Character: Int] = ["s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800]
        if let unit = units[last], let n = Int(t.dropLast()), (0...longestDuration / unit).contains(n) { return n * unit }
        if let n = Int(t), (0...longestDuration).contains(n) { return n }
        return nil
    }

    /// Parses `2026-12-01T10:00Z`, `2026-12-01T10:00:00Z`, `2026-12-01 10:00` or
    /// `2026-12-01` (midnight), all in UTC.
    public static func parseInstant(_ text: String) -> Date? {
        UTCTime(parsing: text.trimmingWhitespace)?.date
    }
}
