import Foundation

/// Dates as mail writes them, read leniently: RFC 5322 (`Thu, 3 Dec 2026
/// 09:33:22 +0100`), its obsolete forms (two- and three-digit years, zones
/// `UT` `GMT` `EST`…`PDT` and military letters, which RFC 5322 says to read as
/// +0000), and the asctime form of an mbox From_ line (`Thu Dec  3 09:33:22 2026`).
/// Fields are found by their shape, in any order; nil when a day, month,
/// year or time is missing or out of range.
public enum MailDate {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static let zones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0,
        "est": -5 * 60, "edt": -4 * 60, "cst": -6 * 60, "cdt": -5 * 60,
        "mst": -7 * 60, "mdt": -6 * 60, "pst": -8 * 60, "pdt": -7 * 60,
        "cet": 60, "cest": 120, "bst": 60, "met": 60, "mest": 120, "eet": 120, "jst": 9 * 60,
    ]

    public static func parse(_ text: String) -> Date? {
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" })
        var day: Int?, month: Int?, year: Int?, time: (Int, Int, Int)?, offset: Int?
        for raw in tokens {
            let token = raw.lowercased()
            if token.hasPrefix("(") { continue }  // a comment: "(PST)"
            if time == nil, token.contains(":") {
                let parts = token.split(separator: ":").map { Int($0) }
                guard parts.count >= 2, parts.allSatisfy({ $0 != nil }) else { continue }
                time = (parts[0]!, parts[1]!, parts.count > 2 ? parts[2]! : 0)
            } else if (token.hasPrefix("+") || token.hasPrefix("-")), token.count == 5, let n = Int(token.dropFirst()) {
                offset = (token.hasPrefix("-") ? -1 : 1) * (n / 100 * 60 + n % 100)
            } else if month == nil, token.count >= 3, let m = months.firstIndex(of: String(token.prefix(3))), token.allSatisfy(\.isLetter) {
                month = m + 1
            } else if let n = Int(token) {
                if day == nil, token.count <= 2, n >= 1, n <= 31 { day = n } else if year == nil { year = n }
            } else if offset == nil, let zone = zones[token] {
                offset = zone
            } else if offset == nil, token.count == 1, token.allSatisfy(\.isLetter) {
                offset = 0
            }
        }
        guard let d = day, let m = month, var y = year, let (h, mi, s) = time else { return nil }
        if y < 50 { y += 2000 } else if y < 1000 { y += 1900 }
        guard (1...31).contains(d), (0...23).contains(h), (0...59).contains(mi), (0...60).contains(s), (1000...9999).contains(y) else { return nil }
        let local = UTCTime(year: y, month: m, day: d, hour: h, minute: mi, second: min(s, 59)).date
        return local.addingTimeInterval(TimeInterval(-(offset ?? 0) * 60))
    }

    /// `Thu, 03 Dec 2026 09:33:22 +0000`: how an export writes a Date header.
    public static func rfc5322(_ date: Date) -> String {
        let t = UTCTime(date)
        return "\(weekday(date)), \(two(t.day)) \(t.monthName) \(t.year) \(two(t.hour)):\(two(t.minute)):\(two(t.second)) +0000"
    }

    /// `Thu Dec  3 09:33:22 2026`: the date of an mbox From_ line (asctime, UTC).
    public static func asctime(_ date: Date) -> String {
        let t = UTCTime(date)
        let day = t.day < 10 ? " \(t.day)" : "\(t.day)"
        return "\(weekday(date)) \(t.monthName) \(day) \(two(t.hour)):\(two(t.minute)):\(two(t.second)) \(t.year)"
    }

    static func weekday(_ date: Date) -> String {
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        return ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][((days % 7) + 7) % 7]
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
