import Foundation
import Testing
@testable import PaddockCore

/// Issue 21 in the rules: typed durations and dates are bounded in one place,
/// no conversion of a time traps, and errors quote input safely.
@Suite struct BadInputCoreTests {
    @Test func durationsStopAtTenYearsWithAUnitOrWithout() {
        #expect(TimeText.parseDuration("3650d") == 3650 * 86_400)
        #expect(TimeText.parseDuration("315360000") == 3650 * 86_400)
        #expect(TimeText.parseDuration("90s") == 90)
        #expect(TimeText.parseDuration("0") == 0)
        for text in ["999999999999", "9223372036854775807", "-9223372036854775808", "315360001", "3651d", "522w", "87601h",
                     "1e18", "1800000000000000000", String(repeating: "9", count: 40), "-1", "x", "", "3650.5d"] {
            #expect(TimeText.parseDuration(text) == nil, "\(text)")
        }
    }

    @Test func aPenaltyEndsAfterNowAndWithinTenYears() throws {
        let now = Date(timeIntervalSince1970: 1_780_000_000)
        #expect(try Rules.penaltyEnd(now + 3650 * 86_400, now: now) == now + 3650 * 86_400)
        #expect(throws: CommunityError.invalid("the end time must be in the future")) { try Rules.penaltyEnd(now, now: now) }
        // The year 33715 of the issue, and TimeText.parseInstant's latest day.
        for until in [now + 999_999_999_999, TimeText.parseInstant("9999-12-31")!, now + 3650 * 86_400 + 1] {
            #expect(throws: CommunityError.self) { try Rules.penaltyEnd(until, now: now) }
        }
    }

    /// Times far outside Int64 milliseconds used to trap in UTCTime (a cursor, now + a huge duration).
    @Test func anyDateConvertsWithoutTrapping() {
        for seconds in [9.3e15, -9.3e15, 1e300, -1e300, .infinity, -.infinity, .nan, 9_223_372_036_854_775.807] {
            _ = UTCTime(Date(timeIntervalSince1970: seconds)).storageText
        }
        #expect(UTCTime.milliseconds(Date(timeIntervalSince1970: 1e300)) == .max)
        #expect(UTCTime.milliseconds(Date(timeIntervalSince1970: -1e300)) == .min)
        #expect(UTCTime.milliseconds(Date(timeIntervalSince1970: .nan)) == 0)
        // Every storable time reads back from its stored text.
        for date in [UTCTime.storable.lowerBound, UTCTime.storable.upperBound] {
            #expect(UTCTime(parsing: UTCTime(date).storageText)?.date == date)
        }
        #expect(UTCTime(parsing: UTCTime(Date(timeIntervalSince1970: 999_999_999_999 + 1_780_000_000)).storageText) == nil)
    }

    /// What the command line prints for an error: one line, no escape sequence, bounded.
    @Test func errorsQuoteInputAsOneSafeShortLine() {
        #expect(SafeText.errorLine("no member 'x\ny'") == "no member 'x␊y'")
        #expect(SafeText.errorLine("'al\u{1B}]0;pwned\u{07}' is not a valid handle") == "'al␛' is not a valid handle")
        #expect(SafeText.errorLine("no board 'a\r\nb'").unicodeScalars.allSatisfy { $0.value >= 0x20 })
        let long = SafeText.errorLine("'" + String(repeating: "x", count: 100_000) + "' is not a valid handle: use 2–32 letters")
        #expect(TextWidth.of(long) <= SafeText.errorColumns)
        #expect(long.hasPrefix("'xxx"))
        #expect(long.hasSuffix("' is not a valid handle: use 2–32 letters"))
        #expect(long.contains("…"))
        let short = "the title is 121 characters; the limit is 120"
        #expect(SafeText.errorLine(short) == short)
    }

    @Test func aFilterWithoutItsValueIsAProblem() {
        #expect(SearchQuery.parse("brake before:").problem == "before: needs a value, a date written YYYY-MM-DD, e.g. before:2026-05-31")
        #expect(SearchQuery.parse("brake board:").problem == "board: needs a value")
        #expect(SearchQuery.parse("brake before:").match == nil)
    }
}
