import Foundation
import GRDB
import Testing
@testable import PaddockCore
@testable import PaddockStore

/// Feature ratings and For you, through the service.
@Suite struct RatingTests {
    /// The fixture with the Furia's catalog and an Ideas Lab; marco rides the Furia.
    private func fixture() throws -> Fixture {
        let f = try Fixture()
        try f.community.addBoard(by: f.admin, slug: "ideas", title: "Ideas Lab", threadKind: .suggestion)
        try f.community.addProduct(by: f.admin, slug: "furia", name: "Furia 950")
        try f.community.addProduct(by: f.admin, slug: "vento", name: "Vento 660")
        for (slug, name) in [("quickshifter", "Quickshifter"), ("seat", "Seat"), ("exhaust", "Exhaust")] {
            try f.community.addFeature(by: f.admin, product: "furia", slug: slug, name: name)
        }
        try f.community.addFeature(by: f.admin, product: "vento", slug: "abs", name: "ABS")
        try f.community.setRides(by: f.member, product: "furia", rides: true)
        return f
    }

    private func rows(_ f: Fixture, _ sql: String) throws -> [[Int]] {
        try f.community.database.writer.read { db in try Row.fetchAll(db, sql: sql).map { row in (0..<row.count).map { row[$0] } } }
    }

    @Test func ridersAreListedForTheirProfile() throws {
        let f = try fixture()
        try f.community.setRides(by: f.member, product: "vento", rides: true)
        #expect(try f.community.products(riddenBy: "marco").map(\.name) == ["Furia 950", "Vento 660"])
        try f.community.setRides(by: f.member, product: "vento", rides: false)
        #expect(try f.community.products(riddenBy: "marco").map(\.name) == ["Furia 950"])
        #expect(try f.community.products(riddenBy: "giulia").isEmpty)
        try f.expectRefusal(.notFound("no product 'strada'")) { try f.community.setRides(by: f.member, product: "strada", rides: true) }
    }

    @Test func onlyOwnersRateAndARefusalWritesNothing() throws {
        let f = try fixture()
        try f.expectRefusal(.notPermitted("only owners rate a product's features: say you ride furia first")) {
            try f.community.rate(by: f.other, product: "furia", feature: "seat", stars: 4)
        }
        try f.expectRefusal(.notPermitted("only owners rate a product's features: say you ride vento first")) {
            try f.community.rate(by: f.member, product: "vento", feature: "abs", stars: 4)
        }
        for stars in [0, 6, 7] {
            try f.expectRefusal(.invalid("a rating is 1 to 5 stars; \(stars) is not one")) {
                try f.community.rate(by: f.member, product: "furia", feature: "seat", stars: stars)
            }
        }
        try f.expectRefusal(.invalid("the review is 201 characters; the limit is 200")) {
            try f.community.rate(by: f.member, product: "furia", feature: "seat", stars: 4, review: String(repeating: "x", count: 201))
        }
        try f.expectRefusal(.notFound("furia has no feature 'brakes'")) {
            try f.community.rate(by: f.member, product: "furia", feature: "brakes", stars: 4)
        }
        #expect(try rows(f, "SELECT COUNT(*) FROM featureRating") == [[0]])
    }

    @Test func aRatingWithoutAReviewKeepsTheStoredOne() throws {
        let f = try fixture()
        let hostile = "esc \u{1B}[2J red tab\there"
        try f.community.rate(by: f.member, product: "furia", feature: "seat", stars: 3, review: hostile)
        let after = try f.community.rate(by: f.member, product: "furia", feature: "seat", stars: 4, review: nil)
        #expect(after.mine?.stars == 4 && after.mine?.review == hostile)
        let fresh = try f.community.rate(by: f.member, product: "furia", feature: "exhaust", stars: 2, review: nil)
        #expect(fresh.mine?.review == "")
    }

    @Test func anEditMovesTheTotalsAndCountsOnTheDayOfTheEdit() throws {
        let f = try fixture()
        let giulia = f.other
        try f.community.setRides(by: giulia, product: "furia", rides: true)
        try f.community.rate(by: f.member, product: "furia", feature: "quickshifter", stars: 5, review: "Crisp")
        try f.community.rate(by: giulia, product: "furia", feature: "quickshifter", stars: 4)
        var r = try f.community.featureRatings(product: "furia", feature: "quickshifter", viewer: f.member)
        #expect(r.total == RatingTally(stars: 9, count: 2))
        #expect(r.mine?.stars == 5 && r.viewerRides)
        f.clock.advance(by: 40 * 86_400)
        let edited = try f.community.rate(by: f.member, product: "furia", feature: "quickshifter", stars: 2, review: "Notchy since 2.1")
        #expect(edited.total == RatingTally(stars: 6, count: 2), "one rating each: the edit replaced the 5")
        #expect(edited.trend.recent == RatingTally(stars: 2, count: 1), "the edit counts today")
        #expect(edited.trend.before == RatingTally(stars: 4, count: 1), "and left the day it counted on")
        #expect(try rows(f, "SELECT SUM(stars), SUM(ratings) FROM featureRatingDay") == [[6, 2]])
        #expect(try rows(f, "SELECT COUNT(*) FROM featureRating") == [[2]])
        r = try f.community.featureRatings(product: "furia", feature: "quickshifter", viewer: giulia)
        #expect(r.reviews.map(\.review) == ["Notchy since 2.1"], "reviews without text are not listed")
        #expect(r.mine?.stars == 4)
        // The counters agree with the ratings they count.
        #expect(try rows(f, "SELECT SUM(stars), COUNT(*) FROM featureRating") == rows(f, "SELECT stars, ratings FROM featureRatingTotal"))
    }

    @Test func aRetiredFeatureTakesNoNewRatingsAndHostileReviewsAreKeptAsWritten() throws {
        let f = try fixture()
        let hostile = "Great\u{1B}[31m \u{202E}shifter"
        let rated = try f.community.rate(by: f.member, product: "furia", feature: "exhaust", stars: 5, review: hostile)
        #expect(rated.mine?.review == hostile, "stored as written; drawn through SafeText")
        _ = try f.community.retireFeature(by: f.admin, product: "furia", feature: "exhaust")
        try f.expectRefusal(.invalid("Furia 950 · Exhaust is retired: it takes no new ratings")) {
            try f.community.rate(by: f.member, product: "furia", feature: "exhaust", stars: 1)
        }
    }

    @Test func checkFindsARatingCounterThatDisagreesAndRepairRecountsIt() throws {
        let f = try fixture()
        try f.community.rate(by: f.member, product: "furia", feature: "seat", stars: 4)
        f.clock.advance(by: 3 * 86_400)
        try f.community.rate(by: f.member, product: "furia", feature: "seat", stars: 2)
        #expect(try Integrity.problems(in: f.community.database).isEmpty)
        try f.community.database.writer.write { db in try db.execute(sql: "UPDATE featureRatingTotal SET stars = stars + 3") }
        let problems = try Integrity.problems(in: f.community.database)
        #expect(problems.count == 1 && problems[0].hasPrefix("rating counters: feature "), "\(problems)")
        try Integrity.recountCounters(in: f.community.database)
        #expect(try Integrity.problems(in: f.community.database).isEmpty)
        #expect(try f.community.featureRatings(product: "furia", feature: "seat", viewer: nil).total == RatingTally(stars: 2, count: 1))
    }

    @Test func managersSeeFeaturesWhoseRatingFell() throws {
        let f = try fixture()
        var riders: [Actor] = []
        for n in 1...4 {
            let rider = try f.community.actor(handle: try f.community.addMember(by: f.admin, handle: "rider\(n)").handle)
            try f.community.setRides(by: rider, product: "furia", rides: true)
            riders.append(rider)
        }
        f.clock.advance(by: -45 * 86_400)
        for rider in riders.prefix(2) { try f.community.rate(by: rider, product: "furia", feature: "quickshifter", stars: 5) }
        try f.community.rate(by: riders[0], product: "furia", feature: "seat", stars: 3)
        f.clock.advance(by: 40 * 86_400)
        for rider in riders.suffix(2) { try f.community.rate(by: rider, product: "furia", feature: "quickshifter", stars: 2) }
        f.clock.advance(by: 5 * 86_400)
        let query = StatsQuery(period: .last(30, endingAt: f.clock.now))
        let falling = try #require(try f.community.stats(by: f.manager, query).fallingRatings)
        #expect(falling.map(\.feature) == ["quickshifter"])
        #expect(falling.first?.recent == RatingTally(stars: 4, count: 2))
        #expect(falling.first?.before == RatingTally(stars: 10, count: 2))
        #expect(try f.community.stats(by: f.member, query).fallingRatings == nil, "a staff part")
        #expect(throws: CommunityError.self) { _ = try Rules.readStats([.ratings], by: f.member) }
    }

    // MARK: - For you

    /// Suggestions about the Furia's features: marco supported one about the
    /// quickshifter; giulia and ada posted others.
    private struct Scene {
        let f: Fixture
        let supported: Int64
        let candidate: Int64
        let busy: Int64
        let mutedThread: Int64
        let byMutedAuthor: Int64
        let own: Int64
        let otherFeature: Int64
    }

    private func scene() throws -> Scene {
        let f = try fixture()
        let c = f.community
        let author = try c.actor(handle: try c.addMember(by: f.admin, handle: "noisy").handle)
        let supported = try c.suggest(by: f.other, product: "furia", features: ["quickshifter"], title: "Quickshifter smoother below 4,000 rpm",
                                      body: "It jerks in town.").id
        f.clock.advance(by: 60)
        let candidate = try c.suggest(by: f.other, product: "furia", features: ["quickshifter"], title: "Quickshifter on the base model",
                                      body: "As a plug-in.").id
        f.clock.advance(by: 60)
        let busy = try c.suggest(by: f.admin, product: "furia", features: ["quickshifter", "exhaust"], title: "Blipper sound on downshifts",
                                 body: "Louder.").id
        f.clock.advance(by: 60)
        let mutedThread = try c.suggest(by: f.other, product: "furia", features: ["quickshifter"], title: "Muted thread", body: "m").id
        f.clock.advance(by: 60)
        let byMutedAuthor = try c.suggest(by: author, product: "furia", features: ["quickshifter"], title: "By a muted author", body: "m").id
        f.clock.advance(by: 60)
        let own = try c.suggest(by: f.member, product: "furia", features: ["quickshifter"], title: "Marco's own", body: "m").id
        f.clock.advance(by: 60)
        let otherFeature = try c.suggest(by: f.other, product: "furia", features: ["seat"], title: "Lower seat", body: "s").id
        f.clock.advance(by: 5 * 86_400)
        try c.support(by: f.member, suggestion: supported)
        try c.muteThread(by: f.member, thread: mutedThread)
        try c.muteMember(by: f.member, handle: "noisy")
        // Support coming in fast for one of them.
        for n in 1...6 {
            let fan = try c.actor(handle: try c.addMember(by: f.admin, handle: "fan\(n)").handle)
            try c.support(by: fan, suggestion: busy)
        }
        f.clock.advance(by: 86_400)
        return Scene(f: f, supported: supported, candidate: candidate, busy: busy, mutedThread: mutedThread,
                     byMutedAuthor: byMutedAuthor, own: own, otherFeature: otherFeature)
    }

    @Test func forYouListsTheEngagedFeaturesSuggestionsWithTheirReason() throws {
        let s = try scene()
        let items = try s.f.community.forYou(viewer: s.f.member)
        #expect(items.map(\.suggestion.id) == [s.busy, s.candidate], "support coming in fast ranks first")
        // Writing about the quickshifter weighs more than supporting a suggestion about it: it is the reason given.
        #expect(items.allSatisfy { $0.reason == "because you wrote Marco's own" })
        #expect(items.first?.recentSupport == 7, "its author's and the six fans' support, all in the last 14 days")
        let left = Set(items.map(\.suggestion.id))
        for (id, what) in [(s.supported, "already supported"), (s.mutedThread, "a muted thread"), (s.byMutedAuthor, "a muted author"),
                           (s.own, "their own"), (s.otherFeature, "a feature they did not engage with")] {
            #expect(!left.contains(id), "\(what) is left out")
        }
    }

    @Test func ratingAFeatureAndReplyingAreEngagementsToo() throws {
        let s = try scene()
        let c = s.f.community
        // giulia rates the seat: the seat's suggestions are for her… but she wrote the only one.
        try c.setRides(by: s.f.other, product: "furia", rides: true)
        try c.rate(by: s.f.other, product: "furia", feature: "seat", stars: 3)
        let seat2 = try c.suggest(by: s.f.admin, product: "furia", features: ["seat"], title: "Heated seat", body: "h").id
        #expect(try c.forYou(viewer: s.f.other).first { $0.suggestion.id == seat2 }?.reason == "because you rated Seat")
        // The manager replies in the busy suggestion: the other quickshifter ones follow, not the one replied to.
        try c.reply(by: s.f.manager, thread: s.busy, body: "Noted")
        let elena = try c.forYou(viewer: s.f.manager)
        #expect(!elena.map(\.suggestion.id).contains(s.busy))
        #expect(elena.contains { $0.reason == "because you replied to Blipper sound on downshifts" })
        #expect(try c.forYou(viewer: try c.actor(handle: try c.addMember(by: s.f.admin, handle: "newbie").handle)).isEmpty)
    }

    @Test func engagementWithAHiddenThreadOrAHiddenReplyIsNoReason() throws {
        let s = try scene()
        let c = s.f.community
        let newbie = try c.actor(handle: try c.addMember(by: s.f.admin, handle: "newbie").handle)
        try c.reply(by: newbie, thread: s.busy, body: "hi")
        #expect(try c.forYou(viewer: newbie).contains { $0.reason == "because you replied to Blipper sound on downshifts" })
        // Moderators hide the thread: its title must not come back as a reason to a member who can't open it.
        try c.moderateThread(by: s.f.admin, thread: s.busy, action: .hide, reason: "r")
        #expect(try c.forYou(viewer: newbie).allSatisfy { !$0.reason.contains("Blipper") })
        #expect(try c.forYou(viewer: s.f.member).allSatisfy { !$0.reason.contains("Blipper") }, "nor a supporter's")
        // A reply a moderator hid is no engagement.
        let other = try c.actor(handle: try c.addMember(by: s.f.admin, handle: "other2").handle)
        let post = try c.reply(by: other, thread: s.candidate, body: "spam")
        #expect(try !c.forYou(viewer: other).isEmpty)
        try c.moderatePost(by: s.f.admin, post: post.id, action: .hide, reason: "spam")
        #expect(try c.forYou(viewer: other).isEmpty)
        // A vote in a poll whose thread is hidden is no engagement either.
        let poll = try c.startPoll(by: s.f.manager, board: "furia", title: "Next Furia", intro: "Tell us.",
                                   question: .features(product: "furia", features: ["seat"]))
        let voter = try c.actor(handle: try c.addMember(by: s.f.admin, handle: "voter").handle)
        try c.setRides(by: voter, product: "furia", rides: true)
        try c.vote(by: voter, poll: poll.id, ballot: .opinions([1: FeatureAnswer(.like)]))
        #expect(try c.forYou(viewer: voter).contains { $0.reason == "because you gave your opinion of Seat in a poll" })
        try c.moderateThread(by: s.f.admin, thread: poll.id, action: .hide, reason: "r")
        #expect(try c.forYou(viewer: voter).isEmpty)
    }

    @Test func forYouLeavesOutHiddenAndClosedSuggestions() throws {
        let s = try scene()
        let c = s.f.community
        try c.moderateThread(by: s.f.admin, thread: s.candidate, action: .hide, reason: "r")
        try c.changeStatus(by: s.f.manager, suggestion: s.busy, to: .declined, response: "No")
        #expect(try c.forYou(viewer: s.f.member).isEmpty)
    }
}
