import PaddockCore
import Testing

/// What `paddock stats` takes from Core: spans in words, and which named parts a reader may have.
@Suite struct StatsReadingTests {
    @Test func spansReadInTheirTwoLargestUnits() {
        #expect(TimeText.describeSpan(seconds: 0) == "0 seconds")
        #expect(TimeText.describeSpan(seconds: 1) == "1 second")
        #expect(TimeText.describeSpan(seconds: 45) == "45 seconds")
        #expect(TimeText.describeSpan(seconds: 60) == "1 minute")
        #expect(TimeText.describeSpan(seconds: 12 * 60 + 5) == "12 minutes 5 seconds")
        #expect(TimeText.describeSpan(seconds: 3 * 3600 + 20 * 60 + 59) == "3 hours 20 minutes")
        #expect(TimeText.describeSpan(seconds: 86_400) == "1 day")
        #expect(TimeText.describeSpan(seconds: 2 * 86_400 + 4 * 3600 + 17) == "2 days 4 hours")
        #expect(TimeText.describeSpan(seconds: 63 * 86_400 + 59) == "63 days")
        #expect(TimeText.describeSpan(seconds: -3600) == "1 hour")
        #expect(TimeText.describeSpan(seconds: Int.min).hasSuffix("hours"))
    }

    @Test func namedPartsAreThoseTheReaderMaySeeAndNoneIsRefused() throws {
        let member = Actor(id: 1, handle: "marco", role: .member)
        let moderator = Actor(id: 2, handle: "kurt", role: .moderator)
        let manager = Actor(id: 3, handle: "elena", role: .manager)
        #expect(try Rules.readStats([.activity, .demand], by: member) == [.demand])
        #expect(try Rules.readStats([.moderation, .activity], by: moderator) == [.moderation])
        #expect(try Rules.readStats([.responsiveness, .demand], by: manager) == [.responsiveness, .demand])
        #expect(throws: CommunityError.notPermitted("the activity figures are for managers and admins")) {
            try Rules.readStats([.activity, .moderation], by: member)
        }
        #expect(throws: CommunityError.notPermitted("the participation figures are for managers and admins")) {
            try Rules.readStats([.participation], by: moderator)
        }
        #expect(try Rules.readStats([], by: member) == [])
    }
}
