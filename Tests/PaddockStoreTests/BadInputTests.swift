import Foundation
import GRDB
import Testing
@testable import PaddockCore
@testable import PaddockStore

/// Issue 21: what the rules accept is what the store can read back, and no
/// number typed near Int64's limit traps.
@Suite struct BadInputTests {
    /// A penalty ends within ten years: a year-33715 end (a bare 999999999999
    /// seconds) is refused with nothing written, and every member still reads.
    @Test func aPenaltyEndsWithinTenYearsAndTheMembersStillRead() throws {
        let f = try Fixture()
        let far = f.clock.now.addingTimeInterval(999_999_999_999)
        try f.expectRefusal(.invalid("a silence or suspension lasts at most 10 years (3650d): until \(TimeText.describe(f.clock.now + 3650 * 86_400)) at the latest")) {
            try f.community.suspend(by: f.moderator, member: "marco", until: far, reason: "r")
        }
        #expect(throws: CommunityError.self) { try f.community.silence(by: f.moderator, member: "marco", until: f.clock.now + 3651 * 86_400, reason: "r") }
        try f.community.suspend(by: f.moderator, member: "marco", until: f.clock.now + 3650 * 86_400, reason: "r")
        #expect(try f.community.members().count == 5)
        #expect(try f.community.conduct(of: "marco", by: f.moderator).standing == "suspended")
        #expect(try Integrity.problems(in: f.community.database) == [])
    }

    /// A time written past the store's years (by an older version, or by hand)
    /// is what `check` names; before, it said the file was healthy.
    @Test func checkFindsAStoredTimeThatCannotBeReadBack() throws {
        let f = try Fixture()
        try f.community.database.writer.write { db in
            try db.execute(sql: "UPDATE member SET standing = 'suspended', standingUntil = '33715-01-01 00:00:00.000' WHERE handle = 'marco'")
            try db.execute(sql: "UPDATE thread SET lastActivityAt = '2026-02-30 10:00:00.000' WHERE id = (SELECT MIN(id) FROM thread)")
            try db.execute(sql: "UPDATE board SET lastActivityAt = 99999999999999 WHERE slug = 'furia'")
        }
        let marco = try #require(try f.community.database.writer.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM member WHERE handle = 'marco'") })
        let problems = try Integrity.problems(in: f.community.database)
        #expect(problems.contains("member row \(marco): standingUntil \"33715-01-01 00:00:00.000\" is not a time Paddock can read back"), "\(problems)")
        #expect(problems.contains { $0.hasPrefix("board row ") && $0.contains("lastActivityAt 99999999999999 ") }, "\(problems)")
        // Times in the store's own form, and other forms it reads, pass.
        try f.community.database.writer.write { db in
            try db.execute(sql: "UPDATE member SET standing = 'active', standingUntil = '2026-05-28T20:26Z' WHERE handle = 'marco'")
            try db.execute(sql: "UPDATE board SET lastActivityAt = 1780000000 WHERE slug = 'furia'")
            try db.execute(sql: "UPDATE thread SET lastActivityAt = createdAt")
        }
        #expect(try Integrity.problems(in: f.community.database) == [])
    }

    /// Page numbers and cursors near Int64's limit: refused as pages or cursors
    /// that do not exist, never an overflow.
    @Test func pagesAndCursorsNearInt64sLimitAreRefused() throws {
        let f = try Fixture()
        try f.community.startThread(by: f.member, board: "furia", title: "One", body: "b")
        for page in [Int.max, 1_800_000_000_000_000_000, Int.max / 50 + 2] {
            #expect(throws: CommunityError.notFound("board 'furia' has no page \(page)")) {
                _ = try f.community.cursor(board: "furia", page: page, pageSize: 50)
            }
        }
        #expect(Paging.rowsBefore(page: Int.max, pageSize: 500) == nil)
        #expect(Paging.rowsBefore(page: 3, pageSize: 50) == 100)
        #expect(ThreadCursor("0-9223372036854775807-1") == nil)
        #expect(ThreadCursor("0-\(UTCTime.storableMilliseconds.upperBound)-1") != nil)
        #expect(SearchCursor("637_9223372036854775807_1") == nil)
        #expect(SearchCursor("637_-9223372036854775808_1") == nil)
        #expect(throws: CommunityError.self) {
            _ = try f.community.reviewQueue(by: f.manager, after: SuggestionCursor("9223372036854775807:1"))
        }
        #expect(throws: CommunityError.self) {
            _ = try f.community.reviewQueue(by: f.manager, after: SuggestionCursor("-9223372036854775808:1"))
        }
    }

    /// The generator refuses counts it cannot build before writing anything.
    @Test func generateIsBounded() throws {
        let database = try AppDatabase.inMemory()
        for plan in [SyntheticPlan(members: Int.max, threads: 1, posts: 100, operatorHandle: "ada"),
                     SyntheticPlan(members: 50, threads: 1, posts: Int.max, operatorHandle: "ada"),
                     SyntheticPlan(members: 50, threads: 1, posts: 100, suggestions: Int.max, operatorHandle: "ada")] {
            #expect(throws: CommunityError.self) { try SyntheticCommunity.generate(into: database, plan: plan) }
        }
        #expect(try Community(database: database).members().isEmpty)
    }

    /// A suspended member acts on nothing, their own things included; a
    /// silenced one still keeps them (README: "What a penalty stops").
    @Test func aSuspensionStopsWatchingMutingTheInboxAndKeys() throws {
        let f = try Fixture()
        let thread = try f.community.startThread(by: f.other, board: "furia", title: "T", body: "b")
        try f.community.reply(by: f.member, thread: thread.id, body: "r")  // giulia hears of it
        let note = try #require(try f.community.inbox(for: f.other).first)
        let key = PermissionMatrixTests.testKey
        try f.community.suspend(by: f.moderator, member: "giulia", until: f.clock.now + 86_400, reason: "r")
        let giulia = try f.community.actor(handle: "giulia")
        let unread = try f.community.inbox(for: giulia, unreadOnly: true).count
        let refusal = CommunityError.notPermitted("giulia is suspended until \(TimeText.describe(f.clock.now + 86_400))")
        try f.expectRefusal(refusal) { try f.community.watch(by: giulia, thread: thread.id) }
        try f.expectRefusal(refusal) { try f.community.unwatch(by: giulia, thread: thread.id) }
        try f.expectRefusal(refusal) { try f.community.muteThread(by: giulia, thread: thread.id) }
        try f.expectRefusal(refusal) { try f.community.muteMember(by: giulia, handle: "marco") }
        try f.expectRefusal(refusal) { try f.community.unmuteMember(by: giulia, handle: "marco") }
        try f.expectRefusal(refusal) { try f.community.markNotificationRead(by: giulia, notification: note.id) }
        try f.expectRefusal(refusal) { _ = try f.community.markAllNotificationsRead(by: giulia) }
        try f.expectRefusal(refusal) { _ = try f.community.addKey(by: giulia, to: "giulia", key: key) }
        #expect(try f.community.inbox(for: giulia, unreadOnly: true).count == unread)
        #expect(unread >= 1)
        // An admin still manages a suspended member's keys.
        try f.community.addKey(by: f.admin, to: "giulia", key: key)
        try f.expectRefusal(refusal) { try f.community.removeKey(by: giulia, from: "giulia", fingerprint: key.fingerprint) }
        // Silenced instead: her own things are hers.
        try f.community.lift(by: f.moderator, member: "giulia")
        try f.community.silence(by: f.moderator, member: "giulia", until: f.clock.now + 86_400, reason: "r")
        let silenced = try f.community.actor(handle: "giulia")
        try f.community.watch(by: silenced, thread: thread.id)
        try f.community.muteMember(by: silenced, handle: "marco")
        try f.community.markAllNotificationsRead(by: silenced)
        try f.community.removeKey(by: silenced, from: "giulia", fingerprint: key.fingerprint)
    }
}
