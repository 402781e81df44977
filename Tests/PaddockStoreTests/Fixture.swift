import Foundation
import GRDB
@testable import PaddockCore
@testable import PaddockStore

/// A small community in memory, set up only through the public service.
struct Fixture {
    let clock = ManualClock(Date(timeIntervalSince1970: 1_780_000_000))
    let community: Community
    let admin: Actor
    let manager: Actor
    let moderator: Actor
    let member: Actor
    let other: Actor

    init() throws {
        let clock = self.clock
        community = Community(database: try AppDatabase.inMemory(), clock: { clock.now })
        community.bootstrapAdminForTests()
        admin = try community.actor(handle: "ada")
        manager = try community.actor(handle: try community.addMember(by: admin, handle: "elena", role: .manager).handle)
        moderator = try community.actor(handle: try community.addMember(by: admin, handle: "mod", role: .moderator).handle)
        member = try community.actor(handle: try community.addMember(by: admin, handle: "marco").handle)
        other = try community.actor(handle: try community.addMember(by: admin, handle: "giulia").handle)
        try community.addBoard(by: admin, slug: "announcements", title: "Announcements", threadKind: .announcement)
        try community.addBoard(by: admin, slug: "furia", title: "Furia 950")
        // The fixture's members count as established: tests of the new-member
        // rate limits turn them back on.
        try community.setSetting(by: admin, key: "new_member_days", value: "0")
    }

    /// Row counts of every table: what "nothing was written" compares.
    func tableCounts() throws -> [String: Int] {
        try community.database.writer.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations'")
            var counts: [String: Int] = [:]
            for table in tables { counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)")! }
            return counts
        }
    }

    /// Runs a command that must be refused with `expected`, and checks that nothing changed.
    func expectRefusal(_ expected: CommunityError, _ command: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try tableCounts()
        let digest = try contentDigest()
        #expect(throws: expected, sourceLocation: sourceLocation) { try command() }
        #expect(try tableCounts() == before, "rows were written", sourceLocation: sourceLocation)
        #expect(try contentDigest() == digest, "rows were changed", sourceLocation: sourceLocation)
    }

    /// A cheap fingerprint of the rows that commands update in place.
    func contentDigest() throws -> String {
        try community.database.writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT 'm', id, role, postCount, '' FROM member
                UNION ALL SELECT 'b', id, threadCount, postCount, lastActivityAt FROM board
                UNION ALL SELECT 't', id, replyCount, lastActivityAt, title FROM thread
                UNION ALL SELECT 'p', id, revisionCount, body, state FROM post
                """)
            return rows.map { $0.description }.joined(separator: "\n")
        }
    }
}

import Testing

extension Community {
    func bootstrapAdminForTests() {
        _ = try! bootstrapAdmin(handle: "ada", displayName: "Ada")
    }
}
