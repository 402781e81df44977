import GRDB

extension Schema {
    /// Unread counts answered from indexes alone. The home screen looks at each
    /// board's most recent threads and the reader's position in each: with
    /// `replyCount` in the board index and `lastReadPosition` in a reading index,
    /// neither the thread nor the readState table is touched, and a session's
    /// cold first screen at a million posts reads ~200 pages instead of ~8,000.
    /// Queries name the reading index (`readState r INDEXED BY readState_covering`):
    /// the planner would otherwise take the primary key's, which lacks
    /// `lastReadPosition` and costs a table read per thread.
    static func v3CoveringReads(_ db: Database) throws {
        try db.execute(sql: "DROP INDEX thread_on_board_activity")
        try db.create(index: "thread_on_board_activity", on: "thread",
                      columns: ["boardId", "hidden", "pinned", "lastActivityAt", "id", "replyCount"])
        try db.create(index: "readState_covering", on: "readState", columns: ["memberId", "threadId", "lastReadPosition"])
    }

    /// Unread is tracked over the community's most recently active threads
    /// (`Community.unreadWindow`), whatever board they are on, and its latest
    /// announcements: these indexes walk each newest first and carry what the
    /// home screen's counts need. The kind index replaces `thread_on_kind_activity`.
    static func v7RecentActivity(_ db: Database) throws {
        try db.create(index: "thread_on_recent_activity", on: "thread", columns: ["hidden", "lastActivityAt", "boardId", "replyCount"])
        try db.execute(sql: "DROP INDEX thread_on_kind_activity")
        try db.create(index: "thread_on_kind_recent_activity", on: "thread",
                      columns: ["kind", "hidden", "lastActivityAt", "boardId", "replyCount"])
    }

    /// The reader's reads in the order they were made: the unread count over the
    /// window needs only those since the window's oldest activity
    /// (`Community.postsPastReadPositionInRecentWindow`).
    static func v8RecentReads(_ db: Database) throws {
        try db.create(index: "readState_recent", on: "readState", columns: ["memberId", "readAt", "threadId", "lastReadPosition"])
    }

    /// The newest announcement (home's "Latest announcement", `a`) by when it
    /// was published, not by its latest reply: found in one step.
    static func v9LatestAnnouncement(_ db: Database) throws {
        try db.create(index: "thread_on_kind_created", on: "thread", columns: ["kind", "hidden", "createdAt"])
    }

    /// A member's posts a moderator hid or removed, by member: a profile's
    /// public count leaves them out (`Community.memberProfile`). Only those
    /// posts are in the index, so counting them costs what they are, not
    /// what the member wrote; the total stays the kept `member.postCount`.
    /// (v18: v16 is the mail import's, v17 the poll comments'.)
    static func v18HiddenPosts(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX post_on_author_hidden ON post (authorId) WHERE state <> 'visible'")
    }
}
