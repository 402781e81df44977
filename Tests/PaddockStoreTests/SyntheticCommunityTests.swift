import Foundation
import GRDB
import Testing
@testable import PaddockCore
@testable import PaddockStore

@Suite struct SyntheticCommunityTests {
    static let plan = SyntheticPlan(members: 60, threads: 300, posts: 6000, seed: 7,
                                    endingAt: Date(timeIntervalSince1970: 1_780_000_000), operatorHandle: "ops")

    @Test func buildsExactlyThePlanWithConsistentCounters() throws {
        let database = try AppDatabase.inMemory()
        let report = try SyntheticCommunity.generate(into: database, plan: Self.plan)
        #expect(report.posts == 6000 && report.threads == 300 && report.members == 60)
        #expect(try SyntheticCommunity.invariantViolations(in: database) == [])
        try database.writer.read { db in
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM post") == 6000)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM thread") == 300)
            #expect(try Int.fetchOne(db, sql: "SELECT MAX(replyCount) + 1 FROM thread") == report.longestThreadPosts)
            // Long tails: the median thread is short, the longest very long.
            let lengths = try Int.fetchAll(db, sql: "SELECT replyCount + 1 FROM thread ORDER BY replyCount")
            #expect(lengths[lengths.count / 2] < 20)
            #expect(lengths.last! > 1000)
            #expect(try String.fetchOne(db, sql: "SELECT role FROM member WHERE handle = 'ops'") == "admin")
            let text = try String.fetchAll(db, sql: "SELECT body FROM post LIMIT 2000").joined()
            #expect(text.contains("è") && text.contains("日本") && text.contains("🏍"))
            // Every date sorts and reads as GRDB stores it.
            let last = try Date.fetchOne(db, sql: "SELECT MAX(lastActivityAt) FROM thread")!
            #expect(last <= Self.plan.endingAt && last > Self.plan.endingAt - 86400 * 30)
        }
        // The community works through the service: a reply lands on the counted position.
        let community = Community(database: database, clock: { Self.plan.endingAt })
        let ops = try community.actor(handle: "ops")
        let post = try community.reply(by: ops, thread: report.longestThreadID, body: "still going")
        #expect(post.position == report.longestThreadPosts)
        #expect(try SyntheticCommunity.invariantViolations(in: database) == [])
    }

    @Test func suggestionsHaveSupportersWithALongTailAndWorkThroughTheService() throws {
        var plan = Self.plan
        plan.suggestions = 400
        let database = try AppDatabase.inMemory()
        let report = try SyntheticCommunity.generate(into: database, plan: plan)
        #expect(report.threads == 700 && report.posts == 6400 && report.suggestions == 400)
        #expect(try SyntheticCommunity.invariantViolations(in: database) == [])
        let counts = try database.writer.read { db in
            try Int.fetchAll(db, sql: "SELECT supporterCount FROM suggestion ORDER BY supporterCount")
        }
        #expect(counts.count == 400 && counts.first! >= 1)
        #expect(counts[200] <= 3, "most suggestions have a handful of supporters")
        #expect(counts.last! >= 30, "a few have many")
        // The lists and support work on generated rows.
        let end = plan.endingAt
        let community = Community(database: database, clock: { end })
        let top = try community.suggestions(product: "furia-950", order: .top, limit: 5).suggestions
        #expect(top.count == 5)
        #expect(top.map(\.supporterCount) == top.map(\.supporterCount).sorted(by: >))
        let open = try #require(try community.suggestions(product: "vento-1200", order: .top, limit: 50).suggestions
            .first { $0.status == .new && $0.authorHandle != "ops" })
        let ops = try community.actor(handle: "ops")
        let supporters = try community.supporters(of: open.id, limit: 1000)
        #expect(supporters.supporters.count == open.supporterCount)
        let after = supporters.supporters.contains { $0.handle == "ops" }
            ? try community.withdrawSupport(by: ops, suggestion: open.id) : try community.support(by: ops, suggestion: open.id)
        #expect(abs(after.supporterCount - open.supporterCount) == 1)
        #expect(try SyntheticCommunity.invariantViolations(in: database) == [])
    }

    @Test func theSameSeedGivesTheSameCommunity() throws {
        func digest() throws -> [String] {
            let database = try AppDatabase.inMemory()
            try SyntheticCommunity.generate(into: database, plan: Self.plan)
            return try database.writer.read { db in
                try String.fetchAll(db, sql: "SELECT title || replyCount || lastActivityAt FROM thread ORDER BY id LIMIT 50")
                    + String.fetchAll(db, sql: "SELECT body FROM post WHERE id % 500 = 0 ORDER BY id")
            }
        }
        #expect(try digest() == digest())
    }

    @Test func refusesACommunityThatHasMembers() throws {
        let database = try AppDatabase.inMemory()
        try Community(database: database).bootstrapAdmin(handle: "ada")
        #expect(throws: CommunityError.self) { try SyntheticCommunity.generate(into: database, plan: Self.plan) }
    }

    @Test func refusesImpossiblePlans() throws {
        var plan = Self.plan
        plan.posts = 10
        #expect(throws: CommunityError.self) { try SyntheticCommunity.generate(into: try AppDatabase.inMemory(), plan: plan) }
    }

    @Test func datesMatchGRDBsStorageFormat() throws {
        let database = try AppDatabase.inMemory()
        for ms: Int64 in [0, 951_782_400_123, 1_780_000_000_000, 4_107_542_399_999] {
            let ours = SQLDate.string(milliseconds: ms)
            let grdb = try database.writer.read { db in
                try String.fetchOne(db, sql: "SELECT ?", arguments: [Date(timeIntervalSince1970: Double(ms) / 1000)])
            }
            #expect(ours == grdb)
        }
    }
}
