import Foundation
import Testing
@testable import PaddockCore

@Suite struct UTCTimeTests {
    @Test(arguments: [
        (0.0, "1970-01-01 00:00:00.000"),
        (951_825_600.0, "2000-02-29 12:00:00.000"),
        (1_780_000_000.5, "2026-05-28 20:26:40.500"),
        (-86_400.25, "1969-12-30 23:59:59.750"),
        (4_102_444_799.999, "2099-12-31 23:59:59.999"),
    ])
    func calendarFieldsMatchTheKnownText(seconds: Double, text: String) {
        let time = UTCTime(Date(timeIntervalSince1970: seconds))
        #expect(time.storageText == text)
        #expect(UTCTime(parsing: text) == time)
        #expect(abs(time.date.timeIntervalSince1970 - seconds) < 0.001)
    }

    @Test func everyDayOfFourHundredYearsRoundTrips() {
        // The civil-date arithmetic over a whole Gregorian cycle, leap days included.
        var previous: UTCTime?
        for day in stride(from: -36_524, to: 146_097 - 36_524, by: 1) {
            let time = UTCTime(Date(timeIntervalSince1970: TimeInterval(day) * 86_400 + 43_200))
            #expect(time.date.timeIntervalSince1970 == TimeInterval(day) * 86_400 + 43_200)
            if let previous, previous.month == time.month {
                #expect(time.day == previous.day + 1)
            }
            previous = time
        }
    }

    @Test func readsWhatPeopleAndGRDBWrite() {
        let noon = UTCTime(year: 2026, month: 12, day: 1, hour: 10)
        #expect(UTCTime(parsing: "2026-12-01T10:00Z") == noon)
        #expect(UTCTime(parsing: "2026-12-01T10:00:00Z") == noon)
        #expect(UTCTime(parsing: "2026-12-01 10:00") == noon)
        #expect(UTCTime(parsing: "2026-12-01T10:00:00.000+00:00") == noon)
        #expect(UTCTime(parsing: "2026-12-01") == UTCTime(year: 2026, month: 12, day: 1))
        for bad in ["", "2026", "2026-13-01", "2026-02-30", "2026-12-01 25:00", "2026-12-01T10:00+02:00",
                    "2026-12-01 10:00 junk", "2026-12-01T10:00:00.", "１２３４-01-01"] {
            #expect(UTCTime(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test func displayFormsAreUTC() {
        let time = UTCTime(Date(timeIntervalSince1970: 1_780_000_000))
        #expect(TimeText.describe(time.date) == "2026-05-28 20:26 UTC")
        #expect(TimeText.describePrecisely(time.date) == "2026-05-28 20:26:40 UTC")
        #expect(time.monthName == "May")
        #expect(time.iso8601 == "2026-05-28T20:26:40Z")
    }
}
