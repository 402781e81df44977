import Foundation
import Testing
@testable import PaddockCore

@Suite struct RatingRulesTests {
    @Test(arguments: [0, 6, 7, -1])
    func starsOutsideOneToFiveAreRefusedInOneLine(_ stars: Int) {
        #expect(throws: CommunityError.invalid("a rating is 1 to 5 stars; \(stars) is not one")) { try Validate.stars(stars) }
    }

    @Test func oneToFiveStarsAreRatings() throws {
        for stars in 1...5 { #expect(try Validate.stars(stars) == stars) }
    }

    @Test func aReviewIsOneShortLine() throws {
        #expect(try Validate.review("  Smooth above 5,000 rpm.  ") == "Smooth above 5,000 rpm.")
        #expect(try Validate.review("") == "")
        #expect(throws: CommunityError.invalid("the review must be one line")) { try Validate.review("one\ntwo") }
        #expect(throws: CommunityError.invalid("the review is 201 characters; the limit is 200")) {
            try Validate.review(String(repeating: "x", count: 201))
        }
        #expect(throws: CommunityError.self) { try Validate.review("a\u{0}b") }
    }

    @Test func onlyOwnersRate() throws {
        let rider = Actor(id: 1, handle: "tom", role: .member)
        let now = Date(timeIntervalSince1970: 1_780_000_000)
        try Rules.rate(by: rider, rides: true, product: "furia", now: now)
        #expect(throws: CommunityError.notPermitted("only owners rate a product's features: say you ride furia first")) {
            try Rules.rate(by: rider, rides: false, product: "furia", now: now)
        }
        // Staff are no exception: a rating is an owner's word.
        #expect(throws: CommunityError.self) { try Rules.rate(by: Actor(id: 2, handle: "ada", role: .admin), rides: false, product: "furia", now: now) }
        let silenced = Actor(id: 3, handle: "sil", role: .member, standing: .silenced(until: now + 3600))
        #expect(throws: CommunityError.self) { try Rules.rate(by: silenced, rides: true, product: "furia", now: now) }
    }

    @Test func averagesComeFromSumsAndCounts() {
        #expect(RatingTally(stars: 17, count: 4).average == 4.25)
        #expect(RatingTally(stars: 17, count: 4).averageText == "4.2" || RatingTally(stars: 17, count: 4).averageText == "4.3")
        #expect(RatingTally().average == nil)
        #expect(RatingTally().averageText == "—")
        #expect(RatingTally(stars: 3, count: 1) + RatingTally(stars: 9, count: 2) == RatingTally(stars: 12, count: 3))
    }

    @Test func theTrendSetsTheLast30DaysAgainstThe30Before() {
        let today = StatsDay(number: 20_000)
        let days: [StatsDay: RatingTally] = [
            today: RatingTally(stars: 2, count: 1),                       // recent
            today.advanced(by: -29): RatingTally(stars: 3, count: 1),     // recent: the 30th day back
            today.advanced(by: -30): RatingTally(stars: 10, count: 2),    // before: its first day
            today.advanced(by: -59): RatingTally(stars: 4, count: 1),     // before: its last day
            today.advanced(by: -60): RatingTally(stars: 1, count: 1),     // in neither window
            today.advanced(by: 1): RatingTally(stars: 1, count: 1),       // tomorrow: not counted
        ]
        let trend = RatingTrend(days: days, today: today)
        #expect(trend.recent == RatingTally(stars: 5, count: 2))
        #expect(trend.before == RatingTally(stars: 14, count: 3))
        #expect(trend.weekly.count == 13)
        #expect(trend.weekly.last == RatingTally(stars: 2, count: 1), "the last week ends today")
        #expect(trend.weekly.reduce(RatingTally(), +) == RatingTally(stars: 20, count: 6), "13 weeks are 91 days: day −60 is in, tomorrow is not")
        #expect(trend.changeText == "−2.2")
        #expect(trend.isFalling)
        #expect(trend.sparkline(style: .blocks).last == "▃", "2 stars is a quarter of the way from 1 to 5, whatever the best week was")
        #expect(trend.sparkline(style: .blocks).first == Sparkline.none, "a week without ratings is no glyph of the scale")
        let ones = RatingTrend(days: [today: RatingTally(stars: 1, count: 1)], today: today)
        let fives = RatingTrend(days: [today: RatingTally(stars: 5, count: 1)], today: today)
        #expect(ones.sparkline(style: .blocks).last == "▁" && fives.sparkline(style: .blocks).last == "█")
    }

    @Test func aFallNeedsEnoughRatingsAndAQuarterStar() {
        let good = RatingTally(stars: 9, count: 2)  // 4.5
        #expect(RatingTrend.isFalling(recent: RatingTally(stars: 6, count: 2), before: good))
        #expect(!RatingTrend.isFalling(recent: RatingTally(stars: 2, count: 1), before: good), "one rating is not a trend")
        #expect(!RatingTrend.isFalling(recent: RatingTally(stars: 9, count: 2), before: RatingTally(stars: 4, count: 1)))
        #expect(RatingTrend.isFalling(recent: RatingTally(stars: 17, count: 4), before: RatingTally(stars: 9, count: 2)),
                "4.25 against 4.5 is a quarter star: falling")
        #expect(!RatingTrend.isFalling(recent: RatingTally(stars: 13, count: 3), before: good), "4.33 against 4.5 is less than a quarter")
        #expect(!RatingTrend.isFalling(recent: RatingTally(), before: good))
    }

    @Test func aMonthOldEngagementCountsHalf() {
        let now = Date(timeIntervalSince1970: 1_780_000_000)
        let fresh = ForYou.engagementWeight(.supported, at: now, now: now)
        let month = ForYou.engagementWeight(.supported, at: now - 30 * 86_400, now: now)
        #expect(abs(month - fresh / 2) < 1e-9)
        #expect(ForYou.engagementWeight(.supported, at: now + 3600, now: now) == fresh, "a clock skew is not a bonus")
        #expect(ForYou.engagementWeight(.wrote, at: now, now: now) > ForYou.engagementWeight(.rated, at: now, now: now))
        #expect(ForYou.engagementWeight(.rated, at: now, now: now) > ForYou.engagementWeight(.replied, at: now, now: now))
        #expect(ForYou.engagementWeight(.replied, at: now, now: now) > fresh)
    }

    @Test func supportComingInFastRaisesAnEntryWithDiminishingReturns() {
        let quiet = ForYou.momentum(recentSupport: 0, featureRecentSupport: 0, featureOpenSuggestions: 0)
        #expect(quiet == 1, "a quiet suggestion still counts its engagement whole")
        let one = ForYou.momentum(recentSupport: 1, featureRecentSupport: 0, featureOpenSuggestions: 3)
        let seven = ForYou.momentum(recentSupport: 7, featureRecentSupport: 0, featureOpenSuggestions: 3)
        let fifteen = ForYou.momentum(recentSupport: 15, featureRecentSupport: 0, featureOpenSuggestions: 3)
        #expect(one == 2 && seven == 4 && fifteen == 5)
        #expect(ForYou.momentum(recentSupport: 1, featureRecentSupport: 30, featureOpenSuggestions: 3) > one, "a lively feature lifts it")
        // A fresh engagement with a quiet suggestion beats a two-month-old one with a busy suggestion only when the support is modest.
        let now = Date(timeIntervalSince1970: 1_780_000_000)
        let freshQuiet = ForYou.score(engagement: ForYou.engagementWeight(.supported, at: now, now: now), recentSupport: 0,
                                      featureRecentSupport: 0, featureOpenSuggestions: 1)
        let oldBusy = ForYou.score(engagement: ForYou.engagementWeight(.supported, at: now - 60 * 86_400, now: now), recentSupport: 15,
                                   featureRecentSupport: 0, featureOpenSuggestions: 1)
        #expect(oldBusy > freshQuiet)
        let oldSome = ForYou.score(engagement: ForYou.engagementWeight(.supported, at: now - 60 * 86_400, now: now), recentSupport: 1,
                                   featureRecentSupport: 0, featureOpenSuggestions: 1)
        #expect(freshQuiet > oldSome)
    }

    @Test func theStrongestEngagementPerFeatureIsTheReason() {
        let now = Date(timeIntervalSince1970: 1_780_000_000)
        let engagements = [
            Engagement(kind: .supported, featureId: 1, subject: "Old idea", suggestionId: 10, at: now - 90 * 86_400),
            Engagement(kind: .supported, featureId: 1, subject: "New idea", suggestionId: 11, at: now - 86_400),
            Engagement(kind: .rated, featureId: 2, subject: "Quickshifter", at: now - 2 * 86_400),
        ]
        let best = ForYou.strongest(engagements, now: now)
        #expect(best[1]?.engagement.subject == "New idea")
        #expect(best[2]?.engagement.kind == .rated)
        #expect(EngagementKind.supported.reason("Quickshifter smoother below 4,000 rpm")
                == "because you supported Quickshifter smoother below 4,000 rpm")
        #expect(EngagementKind.rated.reason("Quickshifter") == "because you rated Quickshifter")
        #expect(EngagementKind.replied.reason("X") == "because you replied to X")
        #expect(EngagementKind.wrote.reason("X") == "because you wrote X")
    }
}
