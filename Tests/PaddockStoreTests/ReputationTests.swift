import Foundation
import GRDB
import Testing
@testable import PaddockCore
@testable import PaddockStore

/// Credit, points and the leaderboard, through the public service.
@Suite struct ReputationTests {
    /// Milestones of 2 then 3 supporters: marco's heated grips reach review with
    /// giulia's and mod's support; luca supports before it is planned, pia too
    /// but withdraws, nina only after it is planned.
    struct Shipped {
        let c: CoCreation
        let grips: Int64
        let luca: Actor, pia: Actor, nina: Actor
        var f: Fixture { c.f }
        var community: Community { c.f.community }

        init(ship: Bool = true) throws {
            c = try CoCreation(milestones: "2/30,3/30")
            let f = c.f
            try f.community.addProduct(by: f.manager, slug: "furia27", name: "Furia MY2027")
            try f.community.addFeature(by: f.manager, product: "furia27", slug: "grips", name: "Grips")
            let add = { (h: String) in try f.community.actor(handle: f.community.addMember(by: f.admin, handle: h).handle) }
            luca = try add("luca"); pia = try add("pia"); nina = try add("nina")
            grips = try f.community.suggest(by: f.member, product: "furia27", features: ["grips"], title: "Heated grips as standard", body: "Cold mornings.").id
            f.clock.advance(by: 60)
            try f.community.support(by: f.other, suggestion: grips)       // 2: the first milestone
            f.clock.advance(by: 60)
            try f.community.support(by: f.moderator, suggestion: grips)   // 3: review
            f.clock.advance(by: 60)
            try f.community.support(by: luca, suggestion: grips)
            try f.community.support(by: pia, suggestion: grips)
            f.clock.advance(by: 60)
            try f.community.changeStatus(by: f.manager, suggestion: grips, to: .planned, response: "For MY2027.")
            f.clock.advance(by: 60)
            try f.community.support(by: nina, suggestion: grips)
            try f.community.withdrawSupport(by: pia, suggestion: grips)
            if ship {
                f.clock.advance(by: 60)
                try f.community.changeStatus(by: f.manager, suggestion: grips, to: .shipped, response: "Standard from MY2027.")
            }
        }

        func points(_ actor: Actor) throws -> Int { try community.memberProfile(of: actor.handle, viewer: f.admin).reputation }

        /// The member's total as the ledger sums it: what the kept totals must equal.
        func ledgerSum(_ actor: Actor) throws -> Int {
            try community.database.writer.read { db in
                try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(points), 0) FROM reputationEvent WHERE memberId = ?", arguments: [actor.id])!
            }
        }
    }

    @Test func shippingCreditsTheAuthorAndThoseWhoCarriedItBeforeItWasPlanned() throws {
        let s = try Shipped()
        let credited = try s.community.database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT m.handle || ':' || c.role FROM credit c JOIN member m ON m.id = c.memberId WHERE c.threadId = ? ORDER BY m.handle",
                                arguments: [s.grips])
        }
        #expect(credited == ["giulia:supporter", "luca:supporter", "marco:author", "mod:supporter"])
        let giulia = try s.community.memberProfile(of: "giulia", viewer: s.f.member)
        #expect(giulia.credits.map(\.line) == ["co-created: Heated grips as standard, Furia MY2027"])
        #expect(try s.community.memberProfile(of: "nina", viewer: s.f.member).credits.isEmpty)
        #expect(try s.community.memberProfile(of: "pia", viewer: s.f.member).credits.isEmpty)
    }

    @Test func creditsAreWrittenOnlyWithTheShip() throws {
        let s = try Shipped(ship: false)
        let credits = try s.community.database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM credit")! }
        #expect(credits == 0)
    }

    @Test func pointsFollowTheTableAndTheKeptTotalsEqualTheLedger() throws {
        let s = try Shipped()
        let p = ReputationRules.points
        // Author: two milestones, one official response (two were given: the first pays), the ship.
        #expect(try s.points(s.f.member) == 2 * p[.milestoneReached]! + p[.officialResponse]! + p[.shipped]!)
        // giulia carried both milestones, mod the second; both co-created.
        #expect(try s.points(s.f.other) == 2 * p[.milestoneCarried]! + p[.coCreated]!)
        #expect(try s.points(s.f.moderator) == p[.milestoneCarried]! + p[.coCreated]!)
        #expect(try s.points(s.luca) == p[.coCreated]!)
        #expect(try s.points(s.nina) == 0)
        #expect(try s.points(s.pia) == 0)
        for actor in [s.f.member, s.f.other, s.f.moderator, s.luca] {
            #expect(try s.points(actor) == s.ledgerSum(actor))
        }
        let profile = try s.community.memberProfile(of: "marco", viewer: s.f.member)
        #expect(profile.reputationByProduct.map(\.productName) == ["Furia MY2027"])
    }

    @Test func checkFindsKeptPointsThatDisagreeWithTheLedgerAndRepairAddsThemUpAgain() throws {
        let s = try Shipped()
        let before = try s.points(s.f.member)
        #expect(try Integrity.problems(in: s.community.database).isEmpty)
        try s.community.database.writer.write { db in
            try db.execute(sql: "UPDATE reputation SET points = points + 7 WHERE memberId = ?", arguments: [s.f.member.id])
            try db.execute(sql: "DELETE FROM reputation WHERE memberId = ?", arguments: [s.luca.id])
        }
        let problems = try Integrity.problems(in: s.community.database)
        #expect(problems.count == 2 && problems.allSatisfy { $0.hasPrefix("reputation of ") && !$0.contains("of member ") && !$0.contains("for product ") }, "\(problems)")
        try Integrity.recountCounters(in: s.community.database)
        #expect(try Integrity.problems(in: s.community.database).isEmpty)
        #expect(try s.points(s.f.member) == before && s.points(s.luca) == ReputationRules.points[.coCreated]!)
    }

    @Test func supportingYourOwnSuggestionIsRefusedAndEarnsNothing() throws {
        let s = try Shipped(ship: false)
        let own = try s.community.suggest(by: s.f.other, product: "furia27", features: ["grips"], title: "Grip covers", body: "b").id
        let before = try s.points(s.f.other)
        try s.f.expectRefusal(.invalid("giulia already supports suggestion #\(own)")) {
            try s.community.support(by: s.f.other, suggestion: own)
        }
        #expect(try s.points(s.f.other) == before)
        // A manager answering their own suggestion earns no response points.
        let mine = try s.community.suggest(by: s.f.manager, product: "furia27", features: ["grips"], title: "Grip heat levels", body: "b").id
        try s.community.changeStatus(by: s.f.manager, suggestion: mine, to: .planned, response: "Doing it.")
        #expect(try s.points(s.f.manager) == 0)
    }

    @Test func hidingASuggestionTakesBackItsPointsInTheSameStepAndRestoringGivesThemBack() throws {
        let s = try Shipped()
        let before = try [s.f.member, s.f.other, s.luca].map { try s.points($0) }
        #expect(before.allSatisfy { $0 > 0 })
        try s.community.moderateThread(by: s.f.admin, thread: s.grips, action: .hide, reason: "copied from a brochure")
        #expect(try [s.f.member, s.f.other, s.luca].map { try s.points($0) } == [0, 0, 0])
        #expect(try s.community.leaderboard(product: "furia27").entries.isEmpty)
        try s.community.moderateThread(by: s.f.admin, thread: s.grips, action: .unhide)
        #expect(try [s.f.member, s.f.other, s.luca].map { try s.points($0) } == before)
        // The opening post hidden through the post door does the same.
        let opening = try s.community.thread(s.grips, viewer: s.f.admin).posts[0].id
        try s.community.moderatePost(by: s.f.admin, post: opening, action: .hide, reason: "r")
        #expect(try s.points(s.f.member) == 0)
        try s.community.moderatePost(by: s.f.admin, post: opening, action: .restore, reason: "")
        #expect(try s.points(s.f.member) == before[0])
        for actor in [s.f.member, s.f.other, s.luca] { #expect(try s.points(actor) == s.ledgerSum(actor)) }
    }

    @Test func helpfulMarksByTheThreadsAuthorOnlyOncePerPostNeverOwnPosts() throws {
        let s = try Shipped(ship: false)
        let (c, f) = (s.community, s.f)
        let reply = try c.reply(by: f.other, thread: s.grips, body: "Oxford makes good ones.").id
        let own = try c.reply(by: f.member, thread: s.grips, body: "Thanks.").id
        let before = try s.points(f.other)
        try f.expectRefusal(.notPermitted("only the thread's author marks replies helpful; luca did not start this thread")) {
            try c.markHelpful(by: s.luca, post: reply)
        }
        try f.expectRefusal(.invalid("you cannot mark your own post helpful")) { try c.markHelpful(by: f.member, post: own) }
        try c.markHelpful(by: f.member, post: reply)
        #expect(try s.points(f.other) == before + ReputationRules.points(.helpful))
        try f.expectRefusal(.invalid("post #\(reply) is already marked helpful")) { try c.markHelpful(by: f.member, post: reply) }
        #expect(try c.thread(s.grips, viewer: f.other).helpfulPosts == [reply])
        // Hiding the reply takes its points back; restoring gives them back.
        try c.moderatePost(by: f.admin, post: reply, action: .hide, reason: "r")
        #expect(try s.points(f.other) == before)
        try c.moderatePost(by: f.admin, post: reply, action: .restore, reason: "")
        #expect(try s.points(f.other) == before + ReputationRules.points(.helpful))
        try c.unmarkHelpful(by: f.member, post: reply)
        #expect(try s.points(f.other) == before)
        try f.expectRefusal(.invalid("post #\(reply) is not marked helpful")) { try c.unmarkHelpful(by: f.member, post: reply) }
        #expect(try s.points(f.other) == s.ledgerSum(f.other))
    }

    @Test func hidingAWholeThreadHoldsBackTheHelpfulPointsOfItsRepliesAndRestoringGivesThemBack() throws {
        let s = try Shipped(ship: false)
        let (c, f) = (s.community, s.f)
        let reply = try c.reply(by: s.luca, thread: s.grips, body: "Try the dealer.").id
        try c.markHelpful(by: f.member, post: reply)
        #expect(try s.points(s.luca) == ReputationRules.points(.helpful))
        try c.moderateThread(by: f.admin, thread: s.grips, action: .hide, reason: "x")
        #expect(try s.points(s.luca) == 0)
        #expect(try s.points(f.member) == 0)
        try c.moderateThread(by: f.admin, thread: s.grips, action: .unhide)
        #expect(try s.points(s.luca) == ReputationRules.points(.helpful))
        // A discussion thread (points from no product) holds back the same way.
        let chat = try c.startThread(by: f.member, board: "furia", title: "Winter gloves", body: "Which ones?").id
        let answer = try c.reply(by: s.luca, thread: chat, body: "Heated ones.").id
        try c.markHelpful(by: f.member, post: answer)
        #expect(try s.points(s.luca) == 2 * ReputationRules.points(.helpful))
        try c.moderateThread(by: f.admin, thread: chat, action: .hide, reason: "x")
        #expect(try s.points(s.luca) == ReputationRules.points(.helpful))
        try c.moderateThread(by: f.admin, thread: chat, action: .unhide)
        #expect(try s.points(s.luca) == 2 * ReputationRules.points(.helpful))
        #expect(try s.points(s.luca) == s.ledgerSum(s.luca))
    }

    @Test func takeBacksAndGiveBacksCountOnTheDayThePointsWereEarned() throws {
        let s = try Shipped(ship: false)
        let (c, f) = (s.community, s.f)
        let old = try c.reply(by: s.luca, thread: s.grips, body: "Try the dealer.").id
        try c.markHelpful(by: f.member, post: old)
        // Hidden 100 days later, restored 200 days later: nothing moves into this week.
        f.clock.advance(by: 100 * 86_400)
        try c.moderateThread(by: f.admin, thread: s.grips, action: .hide, reason: "x")
        f.clock.advance(by: 100 * 86_400)
        try c.moderateThread(by: f.admin, thread: s.grips, action: .unhide)
        #expect(try !c.leaderboard(product: "furia27", days: 7).entries.map(\.handle).contains("luca"))
        #expect(try c.leaderboard(product: "furia27", days: 365).entries.first { $0.handle == "luca" }?.points == ReputationRules.points(.helpful))
        // A fresh mark today, and the old one taken back: this week still shows today's.
        let fresh = try c.reply(by: s.luca, thread: s.grips, body: "Or the shop.").id
        try c.markHelpful(by: f.member, post: fresh)
        try c.unmarkHelpful(by: f.member, post: old)
        #expect(try c.leaderboard(product: "furia27", days: 7).entries.first { $0.handle == "luca" }?.points == ReputationRules.points(.helpful))
        #expect(try s.points(s.luca) == s.ledgerSum(s.luca))
    }

    @Test func theAuthorEarnsTheOfficialResponseOnceAndTheShipperNothingFromTheirShip() throws {
        let s = try Shipped(ship: false)
        let (c, f) = (s.community, s.f)
        let before = try s.points(f.member)
        // Cycling the statuses pays nothing more: the first response already paid.
        for status in [SuggestionStatus.inProgress, .planned, .inProgress] {
            f.clock.advance(by: 60)
            try c.changeStatus(by: f.manager, suggestion: s.grips, to: status, response: "Moving.")
        }
        #expect(try s.points(f.member) == before)
        // An invisible-only response is refused and changes nothing.
        try f.expectRefusal(.invalid("the official response shows nothing: it holds only invisible characters")) {
            try c.changeStatus(by: f.manager, suggestion: s.grips, to: .planned, response: "\u{200B}")
        }
        // A merge after a first response pays the duplicate's author nothing more.
        let dup = try c.suggest(by: f.other, product: "furia27", features: ["grips"], title: "Warm grips", body: "b").id
        try c.changeStatus(by: f.manager, suggestion: dup, to: .underReview, response: "Looking.")
        let giulia = try s.points(f.other)
        try c.merge(by: f.manager, duplicate: dup, into: s.grips, response: "Same idea.")
        #expect(try s.points(f.other) == giulia)
        // The manager supported it before it was planned, then ships it: no co-created points for themselves.
        let mine = try c.suggest(by: f.other, product: "furia27", features: ["grips"], title: "Grip heat levels", body: "b").id
        try c.support(by: f.manager, suggestion: mine)
        try c.changeStatus(by: f.manager, suggestion: mine, to: .planned, response: "Yes.")
        let manager = try s.points(f.manager)
        f.clock.advance(by: 60)
        try c.changeStatus(by: f.manager, suggestion: mine, to: .shipped, response: "Done.")
        #expect(try s.points(f.manager) == manager)
    }

    @Test func theLeaderboardCountsWholeDaysAndStopsAtTheDayEdge() throws {
        let s = try Shipped(ship: false)
        let (c, f) = (s.community, s.f)
        // A helpful mark at midnight UTC exactly.
        let midnight = Date(timeIntervalSince1970: (f.clock.now.timeIntervalSince1970 / 86_400).rounded(.up) * 86_400)
        f.clock.set(midnight)
        let reply = try c.reply(by: s.luca, thread: s.grips, body: "Try the dealer.").id
        try c.markHelpful(by: f.member, post: reply)
        // 89 days and 23:59:59 later, the 90 days still start at that midnight.
        f.clock.set(midnight + 90 * 86_400 - 1)
        #expect(try c.leaderboard(product: "furia27").entries.map(\.handle).contains("luca"))
        // One second later, a new day: that midnight has left the window.
        f.clock.set(midnight + 90 * 86_400)
        #expect(try !c.leaderboard(product: "furia27").entries.map(\.handle).contains("luca"))
        #expect(try c.leaderboard(product: "furia27", days: 91).entries.first { $0.handle == "luca" }?.points == ReputationRules.points(.helpful))
        #expect(throws: CommunityError.invalid("a leaderboard covers 1 to 3650 days; 0 given")) { try c.leaderboard(product: "furia27", days: 0) }
        #expect(throws: CommunityError.notFound("no product 'nope'")) { try c.leaderboard(product: "nope") }
    }

    @Test func aCutBoardOrProfileSaysHowManyThereAreAndABadLimitIsRefused() throws {
        let s = try Shipped()
        let board = try s.community.leaderboard(product: "furia27", limit: 1)
        #expect(board.entries.count == 1)
        #expect(board.total == 4)
        #expect(try s.community.leaderboard(product: "furia27").total == 4)
        #expect(throws: CommunityError.invalid("a leaderboard lists 1 to 10000 members; 0 given")) { try s.community.leaderboard(product: "furia27", limit: 0) }
        #expect(throws: CommunityError.invalid("a leaderboard lists 1 to 10000 members; -5 given")) { try s.community.leaderboard(product: "furia27", limit: -5) }
        let marco = try s.community.memberProfile(of: "marco", viewer: s.f.member)
        #expect(marco.suggestionsTotal == 1 && marco.creditsTotal == 1)
        #expect(marco.sections.map(\.title).contains("Suggestions"))
        let cut = MemberProfile(handle: "m", displayName: "M", role: .member, joinedAt: s.f.clock.now, postCount: 0, hiddenPostCount: nil, rides: [],
                                suggestions: marco.suggestions, suggestionsTotal: 2908, credits: marco.credits, creditsTotal: 1,
                                reputation: 0, reputationByProduct: [], conduct: nil)
        #expect(cut.sections.map(\.title).contains("Suggestions (1 of 2908 shown)"))
        #expect(cut.sections.map(\.title).contains("Credits"))
    }

    @Test func theLeaderboardRanksByPointsWithTies() throws {
        let s = try Shipped()
        let board = try s.community.leaderboard(product: "furia27")
        #expect(board.entries.first?.handle == "marco")
        #expect(board.entries.first?.rank == 1)
        let giulia = try #require(board.entries.first { $0.handle == "giulia" })
        #expect(giulia.rank == 2)
        // luca and mod: a tie shares a rank.
        let tie = board.entries.filter { $0.handle == "luca" || $0.handle == "mod" }
        #expect(tie.count == 2 && Set(tie.map(\.rank)).count == (tie[0].points == tie[1].points ? 1 : 2))
    }

    @Test func profilesShowConductToModeratorsOnlyAndOpenForSuspendedMembers() throws {
        let s = try Shipped()
        try s.community.suspend(by: s.f.admin, member: "giulia", until: s.f.clock.now + 86_400, reason: "cooling off")
        let asMember = try s.community.memberProfile(of: "giulia", viewer: s.f.member)
        #expect(asMember.conduct == nil)
        #expect(asMember.credits.count == 1)
        let asModerator = try s.community.memberProfile(of: "giulia", viewer: s.f.moderator)
        #expect(asModerator.conduct?.standing == "suspended")
        let marco = try s.community.memberProfile(of: "marco", viewer: s.f.member)
        #expect(marco.suggestions.map(\.title) == ["Heated grips as standard"])
        #expect(marco.suggestions.first?.status == .shipped)
        #expect(throws: CommunityError.notFound("no member 'nobody'")) { try s.community.memberProfile(of: "nobody", viewer: s.f.member) }
    }

    /// A member's public count leaves out the posts a moderator hid or removed
    /// and those in a thread a moderator hid; a moderator counts them all and
    /// reads how many are hidden. Restoring gives them back; `paddock check`
    /// finds nothing to repair at any step (the kept total never changes).
    @Test func aProfilesPostCountLeavesOutWhatModeratorsHid() throws {
        let f = try Fixture()
        let c = f.community
        let seat = try c.startThread(by: f.other, board: "furia", title: "Seat", body: "Flat after 10k km")
        let reply = try c.reply(by: f.other, thread: seat.id, body: "Still flat, and you are all idiots")
        let tyres = try c.startThread(by: f.member, board: "furia", title: "Tyres", body: "Which ones?")
        try c.reply(by: f.other, thread: tyres.id, body: "Buy at spam.example")
        func seen() throws -> (member: Int, moderator: Int, hidden: Int?, line: String) {
            #expect(try Integrity.problems(in: c.database).isEmpty)
            let public_ = try c.memberProfile(of: "giulia", viewer: f.member)
            #expect(public_.hiddenPostCount == nil)
            #expect(!public_.sections[0].lines[0].contains("hidden"))
            let staff = try c.memberProfile(of: "giulia", viewer: f.moderator)
            return (public_.postCount, staff.postCount, staff.hiddenPostCount, staff.sections[0].lines[0])
        }
        var counts = try seen()
        #expect(counts.member == 3 && counts.moderator == 3 && counts.hidden == 0)
        #expect(counts.line.hasSuffix("· member · 3 posts"))
        try c.moderatePost(by: f.moderator, post: reply.id, action: .hide, reason: "rude")
        counts = try seen()
        #expect(counts.member == 2 && counts.moderator == 3 && counts.hidden == 1)
        #expect(counts.line.hasSuffix("· member · 3 posts (1 hidden)"))
        try c.moderateThread(by: f.moderator, thread: tyres.id, action: .hide, reason: "spam")
        counts = try seen()
        #expect(counts.member == 1 && counts.hidden == 2)
        try c.moderatePost(by: f.moderator, post: reply.id, action: .remove, reason: "rude")
        #expect(try seen().member == 1)
        try c.moderatePost(by: f.moderator, post: reply.id, action: .restore, reason: "")
        try c.moderateThread(by: f.moderator, thread: tyres.id, action: .unhide)
        counts = try seen()
        #expect(counts.member == 3 && counts.moderator == 3 && counts.hidden == 0)
    }

    @Test func aProfileNeverShowsTheMembersAddress() throws {
        let s = try Shipped()
        try s.community.database.writer.write { db in
            try db.execute(sql: "INSERT INTO memberAddress (address, memberId) VALUES ('giulia@example.org', ?)", arguments: [s.f.other.id])
        }
        for viewer in [s.f.member, s.f.admin] {
            let profile = try s.community.memberProfile(of: "giulia", viewer: viewer)
            let text = String(decoding: try JSONEncoder().encode(profile), as: UTF8.self) + profile.sections.map { $0.lines.joined() }.joined()
            #expect(!text.contains("example.org"))
        }
    }

    @Test func theLeaderboardReadsItsIndex() throws {
        let s = try Shipped()
        let plan = try s.community.database.writer.read { db in
            try Row.fetchAll(db, sql: """
                EXPLAIN QUERY PLAN SELECT memberId, SUM(points) FROM reputationEvent INDEXED BY reputationEvent_on_product_time
                WHERE productId = 1 AND createdAt >= '2026' GROUP BY memberId
                """).map { $0["detail"] as String }.joined(separator: "\n")
        }
        #expect(plan.contains("COVERING INDEX reputationEvent_on_product_time"), "\(plan)")
        // A profile's lists: the member's credits and suggestions by index, never a scan of their tables.
        let profile = try s.community.database.writer.read { db in
            try ["SELECT c.threadId FROM credit c JOIN thread t ON t.id = c.threadId WHERE c.memberId = 1 ORDER BY c.createdAt DESC LIMIT 100",
                 "SELECT t.id FROM thread t JOIN suggestion s ON s.threadId = t.id WHERE t.authorId = 1 AND t.kind = 'suggestion' ORDER BY t.id DESC LIMIT 100",
                 "SELECT points FROM reputation WHERE memberId = 1"].map { sql in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }.joined(separator: "\n")
            }
        }
        #expect(profile[0].contains("credit_on_member"), "\(profile[0])")
        #expect(!profile[1].contains("SCAN t") && !profile[1].contains("SCAN thread"), "\(profile[1])")
        #expect(!profile[2].contains("SCAN"), "\(profile[2])")
    }
}

/// The demo's shipped ideas carry credits and its cast has reputation, all
/// written by the store's own paths while the demo's year was played.
@Suite struct DemoReputationTests {
    @Test func shippedIdeasAreCreditedAndTheCastHasReputation() throws {
        let snapshot = try DemoCommunityTests.shared.get()
        let c = snapshot.community
        let (credits, helpful, ledger, kept) = try c.database.writer.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT threadId) FROM credit")!,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM helpfulMark")!,
             try Int.fetchOne(db, sql: "SELECT SUM(points) FROM reputationEvent")!,
             try Int.fetchOne(db, sql: "SELECT SUM(points) FROM reputation")!)
        }
        let shipped = try c.database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM suggestion WHERE status = 'shipped'")! }
        #expect(shipped > 0 && credits == shipped, "every shipped idea is credited")
        #expect(helpful >= 3)
        #expect(ledger == kept && ledger > 0)
        let admin = try c.actor(handle: "owner")
        let products = try c.database.writer.read { db in try String.fetchAll(db, sql: "SELECT slug FROM product ORDER BY id") }
        let boards = try products.map { try c.leaderboard(product: $0, days: 365) }
        #expect(boards.allSatisfy { !$0.entries.isEmpty }, "\(boards.map(\.entries.count))")
        let author = try c.database.writer.read { db in
            try String.fetchOne(db, sql: "SELECT m.handle FROM credit c JOIN member m ON m.id = c.memberId WHERE c.role = 'author' LIMIT 1")!
        }
        #expect(try c.memberProfile(of: author, viewer: admin).credits.first?.line.hasPrefix("co-created: ") == true)
    }
}
