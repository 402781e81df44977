import Foundation
import GRDB
import Testing
@testable import PaddockCore
@testable import PaddockStore

/// The manager's view, computed by hand on a small week of history whose
/// events sit on UTC day edges, and compared with what the store answers.
struct StatsWeek {
    let c: CoCreation
    var f: Fixture { c.f }
    var community: Community { c.community }
    let seat: Int64, grips: Int64, exhaust: Int64
    let week: StatsPeriod

    static func at(_ text: String) -> Date { TimeText.parseInstant(text)! }

    init() throws {
        c = try CoCreation(milestones: "3/30")
        let f = c.f
        let community = c.community
        func at(_ text: String) { f.clock.set(Self.at(text)) }
        // Before the week (2026-05-28): a discussion, and a suggestion that reaches review.
        let talk = try community.startThread(by: f.member, board: "furia", title: "Winter storage", body: "Where do you keep yours?")
        exhaust = try c.suggest("Quieter exhaust", by: f.member, features: ["exhaust"]).id
        try community.support(by: f.other, suggestion: exhaust)
        try community.support(by: f.moderator, suggestion: exhaust)
        try community.setSetting(by: f.admin, key: "flag_threshold", value: "1")

        at("2026-06-01 23:59:59.500")
        seat = try c.suggest("A lower seat", by: f.member, features: ["seat", "dash"]).id
        at("2026-06-02 00:00:00.000")
        try community.support(by: f.other, suggestion: seat)
        at("2026-06-02 09:00")
        let riders = try c.crowd(2)
        at("2026-06-02 10:00")
        try community.support(by: riders[0], suggestion: seat)  // the third: under review
        at("2026-06-03 12:00")
        grips = try c.suggest("Heated grips", by: f.other, features: ["modes"]).id
        at("2026-06-03 23:59:59.999")
        let reply = try community.reply(by: f.member, thread: talk.id, body: "In the garage, on a stand.")
        at("2026-06-04 10:00")
        try community.changeStatus(by: f.manager, suggestion: seat, to: .planned, response: "Coming next year.")
        at("2026-06-05 08:00")
        try community.support(by: riders[0], suggestion: grips)
        try community.support(by: riders[1], suggestion: grips)
        at("2026-06-05 12:00")
        try community.flag(by: f.other, post: reply.id, reason: .spam)
        at("2026-06-05 18:00")
        try community.disagree(by: f.moderator, post: reply.id)
        at("2026-06-06 10:00")
        try community.withdrawSupport(by: riders[1], suggestion: grips)
        try community.changeStatus(by: f.manager, suggestion: seat, to: .shipped, response: "Shipped in MY2027.")
        at("2026-06-07 12:00")
        week = try StatsPeriod(first: StatsDay(parsing: "2026-06-01")!, last: StatsDay(parsing: "2026-06-07")!)
    }

    func stats(_ actor: Actor? = nil, _ period: StatsPeriod? = nil, product: String? = nil, feature: String? = nil) throws -> CommunityStats {
        try community.stats(by: actor ?? f.manager, StatsQuery(period: period ?? week, product: product, feature: feature))
    }
}

@Suite struct StatsTests {
    @Test func activityCountsEachEventOnItsUTCDay() throws {
        let w = try StatsWeek()
        let activity = try #require(try w.stats().activity)
        let byName = Dictionary(uniqueKeysWithValues: activity.map { ($0.name, $0.values) })
        #expect(byName["Posts"] == [1, 0, 2, 1, 0, 1, 0])
        #expect(byName["New suggestions"] == [1, 0, 1, 0, 0, 0, 0])
        // Support withdrawn is taken off the day it was given.
        #expect(byName["Supports"] == [1, 2, 1, 0, 1, 0, 0])
        #expect(byName["New members"] == [0, 2, 0, 0, 0, 0, 0])
        #expect(activity[0].first.text == "2026-06-01")
        #expect(activity[0].peak?.day.text == "2026-06-03")
        #expect(activity[0].peak?.value == 2)

        let oneDay = try StatsPeriod(first: StatsDay(parsing: "2026-06-02")!, last: StatsDay(parsing: "2026-06-02")!)
        let second = try #require(try w.stats(nil, oneDay).activity)
        #expect(second.map(\.values) == [[0], [0], [2], [2]])
    }

    @Test func demandIsPerProductAndFeatureRisingFastestFirst() throws {
        let w = try StatsWeek()
        let demand = try #require(try w.stats().demand)
        #expect(demand.map { $0.feature ?? $0.product } == ["dash", "seat", "furia", "modes", "brakes", "lights", "vento", "seat", "exhaust"])
        let furia = try #require(demand.first { $0.feature == nil && $0.product == "furia" })
        #expect(furia.openSuggestions == 2)  // the exhaust (under review) and the grips (new); the seat shipped
        #expect(furia.totalSupport == 5)
        #expect(furia.gained7 == Gain(now: 5, before: 3))
        #expect(furia.gained30 == Gain(now: 8, before: 0))
        #expect(furia.shipped90 == 1)
        let seat = try #require(demand.first { $0.feature == "seat" && $0.product == "furia" })
        #expect(seat.openSuggestions == 0)
        #expect(seat.gained7 == Gain(now: 3, before: 0))
        #expect(seat.shipped90 == 1)
        let modes = try #require(demand.first { $0.feature == "modes" })
        #expect((modes.openSuggestions, modes.totalSupport) == (1, 2))
        #expect(modes.gained7 == Gain(now: 2, before: 0))
        let exhaust = try #require(demand.first { $0.feature == "exhaust" })
        #expect(exhaust.gained7 == Gain(now: 0, before: 3))
        #expect(exhaust.gained7.changeText == "−3 (−100 %)")
        #expect(exhaust.gained30 == Gain(now: 3, before: 0))

        // The 7 days before a period ending on the 4th: 05-29 to 06-04.
        let earlier = try StatsPeriod(first: StatsDay(parsing: "2026-06-04")!, last: StatsDay(parsing: "2026-06-04")!)
        let then = try #require(try w.stats(nil, earlier).demand?.first { $0.feature == nil && $0.product == "furia" })
        #expect(then.gained7 == Gain(now: 4, before: 3))
    }

    @Test func oneProductOrFeatureNarrowsDemandAndActivity() throws {
        let w = try StatsWeek()
        let modes = try w.stats(product: "furia", feature: "modes")
        #expect(modes.demand?.map(\.feature) == ["modes"])
        #expect(modes.activity?.map(\.values) == [[0, 0, 1, 0, 0, 0, 0], [0, 0, 1, 0, 1, 0, 0]])
        let furia = try w.stats(product: "FURIA")
        #expect(furia.demand?.count == 7)
        #expect(furia.activity?.map(\.name) == ["New suggestions on Furia 950", "Support on Furia 950"])
        #expect(throws: CommunityError.notFound("no product 'nope'")) { try w.stats(product: "nope") }
        #expect(throws: CommunityError.notFound("furia has no feature 'nope'")) { try w.stats(product: "furia", feature: "nope") }
        #expect(throws: CommunityError.self) { try w.stats(feature: "seat") }
    }

    @Test func theFunnelCountsDistinctMembersAndFirstTimeContributors() throws {
        let w = try StatsWeek()
        let funnel = try #require(try w.stats().funnel)
        #expect(funnel.members == 7)
        #expect(funnel.readers == 3)  // marco, giulia, elena: posting reads the thread
        #expect(funnel.posters == 3)
        #expect(funnel.suggesters == 2)
        #expect(funnel.supporters == 2)  // giulia and rider1; rider2 withdrew, and one's own suggestion does not count
        #expect(funnel.firstTimeContributors == 2)  // elena and rider1
        #expect(funnel.returningContributors == 2)  // marco and giulia contributed on 05-28
    }

    @Test func responsivenessTimesReviewToTheFirstOfficialAnswer() throws {
        let w = try StatsWeek()
        let r = try #require(try w.stats().responsiveness)
        // The seat (answered two days later) and the grips (its third supporter on
        // the 5th; the withdrawal after that does not undo review).
        #expect((r.reachedReview, r.answered) == (2, 1))
        #expect(r.medianSeconds == 2 * 86_400 && r.p90Seconds == 2 * 86_400)
        #expect((r.posted, r.postedAnswered) == (2, 1))
        #expect(r.overdueCount == 0)
        // By July 10th both unanswered ones have waited more than 30 days, oldest first.
        w.f.clock.set(StatsWeek.at("2026-07-10 12:00"))
        let later = try #require(try w.stats().responsiveness)
        #expect(later.overdueCount == 2)
        #expect(later.overdue.map(\.id) == [w.exhaust, w.grips])
        #expect(later.overdue.first?.since == StatsWeek.at("2026-05-28 20:26:40"))
    }

    @Test func moderationHealthCountsFlagsDecisionsAndRestoredPosts() throws {
        let w = try StatsWeek()
        let m = try #require(try w.stats().moderation)
        #expect(m.queue == 0)
        #expect(m.handled == 1 && m.medianHandleSeconds == 6 * 3600)
        #expect(m.flagsByReason == [.spam: 1, .offTopic: 0, .abusive: 0, .other: 0])
        #expect((m.hidden, m.restored) == (1, 1))
    }

    @Test func theOpenCountersFollowEveryChangeOfStatusAndSupport() throws {
        #expect(Schema.openStatuses == "(" + SuggestionStatus.open.map { "'\($0.rawValue)'" }.joined(separator: ",") + ")")
        let w = try StatsWeek()
        let counted = try w.community.database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT featureId, openSuggestions, openSupport FROM featureDemand WHERE openSuggestions > 0 ORDER BY featureId")
        }
        let recounted = try w.community.database.writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT featureId, COUNT(*) AS openSuggestions, SUM(supporterCount) AS openSupport FROM suggestionFeature
                WHERE status IN ('new','under_review','planned','in_progress') GROUP BY featureId ORDER BY featureId
                """)
        }
        #expect(counted == recounted)
        #expect(counted.count == 2)
    }

    @Test func checkFindsACounterThatDisagreesAndRepairRecountsIt() throws {
        let w = try StatsWeek()
        let database = w.community.database
        #expect(try Integrity.problems(in: database).isEmpty)
        try database.writer.write { db in
            try db.execute(sql: "UPDATE activityDay SET posts = posts + 5 WHERE day = '2026-06-03'")
            try db.execute(sql: "DELETE FROM featureDemand")
        }
        let problems = try Integrity.problems(in: database)
        #expect(problems.contains("activity counters: day 2026-06-03 posts: counted 7, the rows say 2; `paddock check --repair` recounts them"))
        #expect(problems.filter { $0.contains(": feature ") }.count == 4)  // two features' open suggestions and support
        try Integrity.recountCounters(in: database)
        #expect(try Integrity.problems(in: database).isEmpty)
        // A count with no event behind it, a member's day, a feature's day: each is found.
        try database.writer.write { db in
            try db.execute(sql: "INSERT INTO activityDay (day, posts) VALUES ('2026-06-10', 9)")
            try db.execute(sql: "DELETE FROM memberDay WHERE day = '2026-06-02'")
            try db.execute(sql: "UPDATE featureDemandDay SET supports = supports + 7 WHERE day = '2026-06-05'")
        }
        let more = try Integrity.problems(in: database)
        #expect(more.contains("activity counters: day 2026-06-10 posts: counted 9, the rows say 0; `paddock check --repair` recounts them"))
        #expect(more.contains { $0.hasPrefix("activity counters: day 2026-06-02 member ") })
        #expect(more.contains { $0.hasPrefix("activity counters: day 2026-06-05 feature ") })
        try Integrity.recountCounters(in: database)
        #expect(try Integrity.problems(in: database).isEmpty)
    }

    /// Support a merge moves was given once, on its own day: the past keeps its
    /// figures, and `check` still agrees with them.
    @Test func aMergeMovesSupportWithoutCountingItAgain() throws {
        let w = try StatsWeek()
        let copy = try w.c.suggest("Lower seat, please", by: w.f.member, features: ["seat"]).id
        try w.community.support(by: w.f.moderator, suggestion: copy)
        let added = try w.stats()
        try w.community.merge(by: w.f.manager, duplicate: copy, into: w.grips, response: "The same idea.")
        let merged = try w.stats()
        func supports(_ stats: CommunityStats) -> [Int]? { stats.activity?.first { $0.unit == "supports" }?.values }
        #expect(supports(merged) == supports(added))  // the merge's response is a post of its own
        #expect(merged.demand?.first { $0.feature == nil && $0.product == "furia" }?.gained7
                == added.demand?.first { $0.feature == nil && $0.product == "furia" }?.gained7)
        #expect(try Integrity.problems(in: w.community.database).isEmpty)
        // Withdrawing moved support takes nothing off the day it was first given.
        try w.community.withdrawSupport(by: w.f.moderator, suggestion: w.grips)
        #expect(supports(try w.stats()) == supports(merged))
        #expect(try Integrity.problems(in: w.community.database).isEmpty)
    }

    @Test func aRetiredFeatureStaysListedWhileSuggestionsAboutItAreOpen() throws {
        let w = try StatsWeek()
        try w.community.retireFeature(by: w.f.manager, product: "furia", feature: "modes")
        try w.community.retireFeature(by: w.f.manager, product: "furia", feature: "brakes")
        let demand = try #require(try w.stats().demand)
        let modes = try #require(demand.first { $0.feature == "modes" })
        #expect(modes.retired && modes.name == "Furia 950 · Modes (retired)")
        #expect(!demand.contains { $0.feature == "brakes" }, "nothing open about the brakes")
    }

    @Test func aPeriodEndingAfterTodayIsRefused() throws {
        let w = try StatsWeek()
        let future = try StatsPeriod(first: StatsDay(parsing: "2026-06-01")!, last: StatsDay(parsing: "2026-06-08")!)
        #expect(throws: CommunityError.invalid("the period ends 2026-06-08, after today (2026-06-07): figures exist up to today")) {
            try w.stats(nil, future)
        }
    }

    @Test func membersSeeDemandOnlyAndModeratorsModerationToo() throws {
        let w = try StatsWeek()
        let member = try w.stats(w.f.member)
        #expect(member.demand != nil)
        #expect(member.activity == nil && member.funnel == nil && member.responsiveness == nil && member.moderation == nil)
        let moderator = try w.stats(w.f.moderator)
        #expect(moderator.moderation != nil && moderator.funnel == nil)
        #expect(throws: CommunityError.self) { try Rules.openDashboard(by: w.f.moderator) }
    }

    /// The counters rebuilt from the rows they count agree with the ones the
    /// triggers kept, except reads, which the rebuild knows only from each
    /// thread's latest read.
    @Test func rebuildingTheCountersGivesTheSameFigures() throws {
        let w = try StatsWeek()
        let kept = try w.stats()
        try w.community.database.writer.write { db in try Schema.rebuildActivityCounts(db) }
        let rebuilt = try w.stats()
        #expect(rebuilt.activity == kept.activity)
        #expect(rebuilt.demand == kept.demand)
        #expect(rebuilt.responsiveness == kept.responsiveness)
        #expect(rebuilt.moderation == kept.moderation)
        #expect(rebuilt.funnel?.posters == kept.funnel?.posters)
        #expect(rebuilt.funnel?.firstTimeContributors == kept.funnel?.firstTimeContributors)
    }
}

@Suite struct StatsVocabularyTests {
    @Test func periodsAreWholeUTCDays() throws {
        let period = StatsPeriod.last(30, endingAt: StatsWeek.at("2026-12-03 23:59:59.999"))
        #expect(period.description == "2026-11-04 to 2026-12-03 (30 days)")
        #expect(period.previous.description == "2026-10-05 to 2026-11-03 (30 days)")
        #expect(period.end == StatsWeek.at("2026-12-04"))
        #expect(throws: CommunityError.self) { try StatsPeriod(first: StatsDay(parsing: "2026-12-03")!, last: StatsDay(parsing: "2026-12-02")!) }
        #expect(StatsDay(parsing: "2026-02-30") == nil && StatsDay(parsing: "2026-2-3") == nil)
    }

    @Test func percentilesAreNearestRank() {
        #expect(Percentile.nearestRank(0.5, of: [4, 1, 3, 2]) == 2)
        #expect(Percentile.nearestRank(0.9, of: Array(1...10)) == 9)
        #expect(Percentile.nearestRank(0.9, of: []) == nil)
    }

    @Test func chartsDrawInBlocksOrASCII() {
        #expect(Sparkline.draw([0, 1, 4, 8]) == "▁▂▅█")
        #expect(Sparkline.draw([0, 1, 4, 8], style: .ascii) == "_.=#")
        #expect(Sparkline.draw([1, 1, 1, 1, 8, 0], width: 3) == "▃▃█")
        #expect(Bar.draw(0.5, width: 4) == "██  ")
        #expect(Bar.draw(0.53, width: 4) == "██▏ ")
        #expect(Bar.draw(0.01, width: 4) == "▏   ")
        #expect(Bar.draw(0.5, width: 4, style: .ascii) == "##  ")
        #expect(Bar.draw(1.5, width: 2) == "██")
    }
}
